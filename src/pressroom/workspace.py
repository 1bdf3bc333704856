"""A workspace of one's own: ``pressroom init``'s files, and the settings described from
the typed ``Config`` (the commented ``pressroom.yaml`` it writes and the manual's
configuration reference are both made here, from ``config/__init__.py``'s fields, their defaults
and their docstrings, so that neither can drift from the code)."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import io
import re
import textwrap
import tokenize
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import yaml

from pressroom import config as config_module
from pressroom.config import CONFIG_NAME, Brand, Config, Newsletter, load_config
from pressroom.errors import Problem, SetupError, Severity


@dataclass(frozen=True)
class Setting:
    """One key of pressroom.yaml, as the file spells it."""

    key: str
    """Dotted, as written: ``newsletter.from``; a list's items as ``sources[].url``."""
    kind: str
    """Its type in words: text, true or false, list of text, mapping, list."""
    default: str
    """The default as YAML (``''`` for empty text)."""
    description: str
    """What it does, one paragraph (the field's docstring in config/__init__.py)."""
    section: bool = False
    """A mapping of other keys (``newsletter``), not a value."""


def settings() -> tuple[Setting, ...]:
    """Every key of ``Config``, depth first in the order config/__init__.py declares them."""
    return tuple(_settings(Config, ""))


def _settings(cls: type[Any], prefix: str) -> list[Setting]:
    hints = get_type_hints(cls)
    docs = _field_docs(cls)
    found: list[Setting] = []
    for item in dataclasses.fields(cls):
        name = "from" if item.name == "sender" else item.name
        key, kind = prefix + name, hints[item.name]
        description = docs.get(item.name, "")
        if isinstance(kind, type) and dataclasses.is_dataclass(kind):
            found.append(Setting(key, "mapping", "", description, section=True))
            found += _settings(kind, key + ".")
            continue
        default = (
            item.default if item.default_factory is dataclasses.MISSING else item.default_factory()
        )
        found.append(Setting(key, _kind(kind), _yaml(default), description))
        args = get_args(kind)
        if (
            get_origin(kind) is tuple
            and isinstance(args[0], type)
            and dataclasses.is_dataclass(args[0])
        ):
            found += _settings(args[0], key + "[].")
    return found


def _kind(kind: Any) -> str:
    origin = get_origin(kind)
    if kind is bool:
        return "true or false"
    if kind is int:
        return "whole number"
    if origin is tuple:
        item = get_args(kind)[0]
        return "list" if dataclasses.is_dataclass(item) else "list of text"
    if origin is dict:
        return "mapping"
    return "text"


def _yaml(value: Any) -> str:
    """A default as it is written in pressroom.yaml."""
    if isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _field_docs(cls: type[Any]) -> dict[str, str]:
    """What each field of a dataclass does, read from config/__init__.py's source: the comment on
    the field's line and the comment lines right under it, or the docstring under it
    (``x: str = ""`` then ``\"\"\"...\"\"\"``), each joined into one line."""
    source = inspect.getsource(config_module)
    lines = source.splitlines()
    comments = {
        token.start[0]: token.string.lstrip("#").strip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    tree = ast.parse(source)
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    docs: dict[str, str] = {}
    for field_node, after in zip(node.body, [*node.body[1:], None], strict=True):
        if not (isinstance(field_node, ast.AnnAssign) and isinstance(field_node.target, ast.Name)):
            continue
        text = ""
        line = field_node.lineno
        if line in comments:
            parts = [comments[line]]
            while line < len(lines) and lines[line].strip().startswith("#"):
                line += 1
                parts.append(comments[line])
            text = " ".join(parts)
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            text = f"{text} {after.value.value}"
        text = " ".join(text.split())
        docs[field_node.target.id] = text if not text or text.endswith(".") else text + "."
    return docs


def plain(description: str) -> str:
    """A docstring's text without reStructuredText's double backquotes."""
    return description.replace("``", "`")


YOURS = (
    "locale",
    "timezone",
    "newsletter.name",
    "newsletter.organisation",
    "newsletter.address",
    "newsletter.from",
    "newsletter.to",
    "newsletter.site_url",
    "newsletter.unsubscribe_url",
    "brand.colour",
)
"""The keys ``pressroom init`` writes as settings to make one's own; the others are
written commented out, with their defaults."""

_HEADER = """\
# pressroom.yaml: the settings of this workspace, written by `pressroom init`.
#
# Every key is optional: a key left out, or commented out as most are below, takes the
# default shown. The example.org addresses are examples: `pressroom build` names each one
# and `pressroom check` fails until they are your own. An unknown key, or a value that
# cannot work, stops the command with this file's name and the line.
# The manual's docs/configuration.md lists the same keys.
#
# Releases go in seeds/, one a file: .txt, .md or .yaml (an example of each is there), a
# Word .docx, or a PDF with a text layer (docs/release-formats.md).
"""


def commented_config() -> str:
    """The text of the ``pressroom.yaml`` that ``pressroom init`` writes: every key, with
    what it does above it, the keys of ``YOURS`` as settings and the others as comments
    with their defaults. It loads to ``Config()``."""
    lines = [_HEADER]
    every = settings()
    for setting in every:
        if "[]" in setting.key:
            continue  # described in its list's comment
        depth = setting.key.count(".")
        indent = "  " * depth
        name = setting.key.rsplit(".", 1)[-1]
        live = setting.key in YOURS or (
            setting.section and any(k.startswith(setting.key + ".") for k in YOURS)
        )
        if not lines[-1].endswith(":"):
            lines.append("")
        lines += _comment(plain(setting.description), indent)
        for item in (s for s in every if s.key.startswith(setting.key + "[].")):
            text = f"{item.key.rsplit('.', 1)[-1]}: {plain(item.description)}"
            lines += _comment(text, indent + "  ", indent + "    ", hang=True)
        value = "" if setting.section else " " + setting.default
        lines.append(f"{indent}{'' if live else '# '}{name}:{value}")
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str, then: str = "", *, hang: bool = False) -> list[str]:
    """Comment lines of at most 88 characters; ``hang``: ``#`` at the line's start and
    the text indented by ``indent`` (then ``then``), a list's items under their key."""
    first, rest = ("# " + indent, "# " + then) if hang else (indent + "# ", indent + "# ")
    return textwrap.wrap(text, 88, initial_indent=first, subsequent_indent=rest)


def configuration_reference() -> str:
    """docs/configuration.md: every key, its type, its default and what it does."""
    rows = [
        "# Configuration reference",
        "",
        "<!-- Generated from src/pressroom/config/__init__.py by `python -m pressroom.docs`: "
        "do not edit. -->",
        "",
        f"`{CONFIG_NAME}` sits at the top of the workspace; every key is optional, and a key "
        "left out takes its default. `pressroom init` writes one with every key below, "
        "commented. An unknown key, or a value that cannot work, stops every command with "
        "the file's name and the line (exit code 2). Values with an `example.org` address "
        "are examples: `pressroom build` names each one as a warning, `pressroom check` "
        "fails on them and `pressroom send` says so.",
        "",
    ]
    sections = False
    for setting in settings():
        if setting.section:
            sections = True
            rows += [
                "",
                f"## `{setting.key}`",
                "",
                plain(setting.description),
                "",
                "| key | type | default | description |",
                "|---|---|---|---|",
            ]
            continue
        if "." not in setting.key and (sections or not rows[-1].startswith("|")):
            heading = [f"## `{setting.key}`", ""] if sections else []
            gap = [""] if rows[-1] else []
            rows += [*gap, *heading, "| key | type | default | description |", "|---|---|---|---|"]
        default = f"`{setting.default}`".replace("|", "\\|")
        description = _cell(plain(setting.description))
        rows.append(f"| `{setting.key}` | {setting.kind} | {default} | {description} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


@dataclass(frozen=True)
class Started:
    """What ``init_workspace`` wrote, relative to the workspace."""

    written: tuple[str, ...]
    week: str
    """The ISO week of the example releases (for the next steps' commands)."""


STARTER_WEEK = "2026-W10"
_STARTER = resources.files("pressroom") / "starter"


def init_workspace(folder: Path, *, force: bool = False) -> Started:
    """A workspace in ``folder``: a commented pressroom.yaml, ``seeds/`` with the example
    releases (only when it holds no file yet), ``weeks/``, ``assets/`` and ``lexicons/``
    (its two starter lists, comments only, when it is new). An existing pressroom.yaml is
    a SetupError unless ``force``; no other file is ever replaced."""
    config = folder / CONFIG_NAME
    if config.exists() and not force:
        raise SetupError(
            Problem(
                str(config),
                1,
                "a workspace is already here: pressroom.yaml exists",
                "edit it, or pass --force to replace it with the commented defaults",
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    config.write_text(commented_config(), encoding="utf-8")
    written = [CONFIG_NAME]
    for name in ("seeds", "lexicons"):
        target = folder / name
        fresh = not target.exists() or not any(target.iterdir())
        target.mkdir(exist_ok=True)
        if fresh:
            for source in sorted((_STARTER / name).iterdir(), key=lambda s: s.name):
                (target / source.name).write_text(source.read_text("utf-8"), encoding="utf-8")
                written.append(f"{name}/{source.name}")
    for name in ("weeks", "assets"):
        (folder / name).mkdir(exist_ok=True)
    return Started(tuple(written), STARTER_WEEK)


_EXAMPLE = re.compile(r"(?i)(?:^|[@/.<\s])example\.(?:org|com|net)\b")
"""An address on a domain kept for examples (RFC 2606): a setting ``pressroom init`` wrote
to be replaced, or a default no one replaced."""


def example_values(workspace: Path, severity: Severity = Severity.WARNING) -> tuple[Problem, ...]:
    """The settings of the workspace's config that still hold an example address
    (``example.org``), each at its key's line; a key not written, whose default is the
    example, at line 1. ``build`` and ``send`` name them as warnings, ``check`` fails."""
    config = load_config(workspace)
    path = workspace / CONFIG_NAME
    root = None
    if path.exists():
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    found = []
    for section, cls in (("newsletter", Newsletter), ("brand", Brand)):
        values = getattr(config, section)
        for item in dataclasses.fields(cls):
            value = getattr(values, item.name)
            key = f"{section}.{'from' if item.name == 'sender' else item.name}"
            node = _written(root, key)
            if not isinstance(value, str) or not _EXAMPLE.search(value):
                continue
            if node is None and not _EXAMPLE.search(str(item.default)):
                continue  # worked out from another key, which is named
            if node is None:
                where = "not set" if root is not None else "not set (no pressroom.yaml)"
                message = f"{key} is {where}: its default {value!r} is an example"
                hint = f"set {key} to your own (`pressroom init` writes a pressroom.yaml)"
                found.append(Problem(str(path), 1, message, hint, severity))
            else:
                message = f"{key} is still the example {value!r}"
                line = node.start_mark.line + 1
                found.append(
                    Problem(str(path), line, message, "replace it with your own", severity)
                )
    return tuple(found)


def setting_line(workspace: Path, dotted: str) -> tuple[str, int]:
    """The workspace's pressroom.yaml and the line of a dotted key written in it (line 1
    when it is not written): where a problem about that setting points."""
    path = workspace / CONFIG_NAME
    if not path.exists():
        return str(path), 1
    node = _written(
        yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader), dotted
    )
    return str(path), node.start_mark.line + 1 if node is not None else 1


def _written(root: yaml.Node | None, dotted: str) -> yaml.Node | None:
    """The value node of a dotted key written in the file, or None."""
    node = root
    for part in dotted.split("."):
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if str(k.value) == part), None)
    return node
