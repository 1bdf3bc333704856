"""The workspace's word lists: ``lexicons/<list>.txt`` files that add their lines to the
packaged lists of the same names (``pressroom.lexicon``)."""

from __future__ import annotations

from pathlib import Path

from pressroom.errors import Problem, SetupError
from pressroom.lexicon import (
    LISTS,
    PACKAGED,
    WORKSPACE_LISTS,
    LexiconError,
    Lexicons,
    parse_lexicon,
)

LEXICONS = "lexicons"
"""The workspace's folder of word lists."""


def read_lexicons(workspace: Path) -> Lexicons:
    """The packaged word lists with those the workspace's ``lexicons/`` folder adds; a file
    that is no list's, of a list read with the packaged one only (``WORKSPACE_LISTS``), not
    UTF-8 or holding a line its list cannot hold is a SetupError."""
    folder = workspace / LEXICONS
    if not folder.is_dir():
        return PACKAGED
    added = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        shown = str(path)
        if path.name not in LISTS:
            raise SetupError(
                Problem(
                    shown,
                    1,
                    f"{LEXICONS}/ holds {path.name!r}, which is no word list",
                    f"name it after the list it adds to: {', '.join(WORKSPACE_LISTS)}",
                )
            )
        if path.name not in WORKSPACE_LISTS:
            raise SetupError(
                Problem(
                    shown,
                    1,
                    f"{path.name} is read with the packaged list only, not a workspace's",
                    f"remove it; a workspace adds to {', '.join(WORKSPACE_LISTS)}",
                )
            )
        try:
            entries = parse_lexicon(path.name, path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise SetupError(
                Problem(shown, 1, "the list is not UTF-8", "save it as UTF-8")
            ) from exc
        except OSError as exc:
            raise SetupError(
                Problem(shown, 1, f"cannot read the list: {exc.strerror}", "check it is readable")
            ) from exc
        except LexiconError as exc:
            raise SetupError(Problem(shown, exc.line, exc.message, exc.hint)) from exc
        added.append((path.name, entries))
    return Lexicons(tuple(added)) if added else PACKAGED
