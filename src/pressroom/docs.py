"""The manual's two generated references, made from the code: ``docs/configuration.md``
from the typed ``Config`` and ``docs/cli.md`` from the typer app's ``--help``.

``python -m pressroom.docs`` writes both (run it from the repository's folder after a
change to config/__init__.py or to a command's help); ``python -m pressroom.docs --check`` exits 1
when either differs from what the code makes (tests/test_docs.py runs the same check).
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from pressroom.cli.commands import COMMANDS
from pressroom.cli.main import app
from pressroom.workspace import configuration_reference

REFRESH = "python -m pressroom.docs"
"""The one command that writes the generated references again."""

_HELP_ENV = {"COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1", "TERM": "dumb"}


_PLAIN = {"MAX_WIDTH": 100, "FORCE_TERMINAL": False, "COLOR_SYSTEM": None}
"""typer's help settings, read from the environment when typer is imported (a CI's
``GITHUB_ACTIONS`` or ``FORCE_COLOR`` would add colours): set for as long as the
references are made, so that they are the same bytes everywhere."""


def command_help(args: list[str]) -> str:
    """The text ``pressroom ARGS --help`` prints, 100 columns wide, without colour."""
    from typer import rich_utils

    saved = {name: getattr(rich_utils, name) for name in _PLAIN}
    try:
        for name, value in _PLAIN.items():
            setattr(rich_utils, name, value)
        result = CliRunner().invoke(app, [*args, "--help"], env=_HELP_ENV, prog_name="pressroom")
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)
    if result.exit_code != 0:
        raise RuntimeError(f"pressroom {' '.join(args)} --help failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.splitlines()).strip() + "\n"


def cli_reference() -> str:
    """docs/cli.md: ``pressroom --help``, then each command's ``--help``."""
    parts = [
        "# Command-line reference",
        "",
        f"<!-- Generated from the typer app by `{REFRESH}`: do not edit. -->",
        "",
        "Every command takes `-C/--workspace DIR` (default: the current folder) and `--help`.",
        "Exit codes: 0 done clean, 1 done but some records or checks had problems (or a test",
        "send was refused), 2 usage, config or template error (nothing written), 3 the outbox",
        "could not be written, 130 interrupted (Ctrl-C).",
        "",
        "```text",
        command_help([]).rstrip(),
        "```",
    ]
    for name in COMMANDS:
        parts += ["", f"## `pressroom {name}`", "", "```text", command_help([name]).rstrip(), "```"]
    return "\n".join(parts) + "\n"


def references() -> dict[str, str]:
    """Each generated file of docs/, by its path in the repository, and its text."""
    return {
        "docs/configuration.md": configuration_reference(),
        "docs/cli.md": cli_reference(),
    }


def main(argv: list[str]) -> int:
    root = Path.cwd()
    stale = []
    for name, text in references().items():
        path = root / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {name}")
    for name in stale:
        print(f"{name} differs from the code; run `{REFRESH}`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
