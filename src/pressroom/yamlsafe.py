"""The one YAML loader pressroom reads every YAML with (releases, front matter, week files,
pressroom.yaml): safe tags only, and bounded, so that a hostile file is a located problem
instead of a build that eats the machine.

- Aliases (``*name``) are refused: a 691-byte file of nested aliases ("billion laughs")
  stands for gigabytes once walked, and no field pressroom reads needs one.
- Nesting deeper than ``MAX_DEPTH`` is refused (1,000 levels ended in RecursionError).
- Text longer than ``MAX_CHARS`` is refused before it is parsed.
- A scalar shaped like a date that is no date (``2026-13-45``) stays its text, so that the
  field that reads it names its line, instead of PyYAML raising a bare ValueError.

Each refusal is an ``UnsafeYaml``, a ``yaml.MarkedYAMLError`` with the line and a hint:
``describe`` turns any YAML error into (line offset, message, hint).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, ScalarEvent
from yaml.nodes import Node, ScalarNode

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings a YAML file may have."""
MAX_CHARS = 2_000_000
"""Longest YAML text read (characters): a release is a few thousand."""


UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)
"""Control characters (but tab, line feed and carriage return) and Unicode non-characters:
nothing a release means, and each breaks the email's XML (MJML) or a client."""


_SUSPECT_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]"
)
"""``UNSAFE_CHARACTERS``, but any character beyond the first plane instead of its
non-characters: one range, which ``re`` checks at a glance, where the 34 non-characters
of the other planes are 34 comparisons a character (a text searched 10 times faster)."""


def has_unsafe_characters(text: str) -> bool:
    """Whether the text holds one of ``UNSAFE_CHARACTERS``."""
    return _SUSPECT_CHARACTERS.search(text) is not None and bool(UNSAFE_CHARACTERS.search(text))


def remove_unsafe_characters(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without ``UNSAFE_CHARACTERS`` (a form feed or vertical tab becomes a space,
    the others go), and the lines (from 1) they were on."""
    if not has_unsafe_characters(text):
        return text, ()
    lines = tuple(
        number for number, line in enumerate(text.split("\n"), 1) if UNSAFE_CHARACTERS.search(line)
    )
    spaced = text.replace("\x0b", " ").replace("\x0c", " ")
    return UNSAFE_CHARACTERS.sub("", spaced), lines


class UnsafeYaml(yaml.MarkedYAMLError):
    """A YAML file refused for its shape, not its syntax: ``problem`` says what, ``hint``
    what to do."""

    def __init__(self, mark: Any, problem: str, hint: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _BoundedComposer(Composer):
    """PyYAML's composer, with aliases refused and a nesting limit. It composes from the
    parser's events, the C one's (libyaml) as well as the Python one's: libyaml's own
    composer recurses in C without a limit."""

    _depth = 0
    clean = True
    """Whether scalars lose their unsafe characters (else they keep them, to be refused)."""
    cleaned: list[int]
    """The lines (from 0) of scalars whose unsafe characters were removed."""

    def __init__(self) -> None:
        super().__init__()
        self.cleaned = []

    def compose_scalar_node(self, anchor: Any) -> ScalarNode:
        node = super().compose_scalar_node(anchor)
        if self.clean and isinstance(node.value, str) and has_unsafe_characters(node.value):
            node.value = remove_unsafe_characters(node.value)[0]
            self.cleaned.append(node.start_mark.line)
        return node

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            raise UnsafeYaml(
                event.start_mark,
                "YAML aliases are not allowed",
                "write the value out",
            )
        if self.check_event(ScalarEvent):  # type: ignore[attr-defined]
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            raise UnsafeYaml(
                event.start_mark,
                f"YAML nested more than {MAX_DEPTH} levels deep",
                "flatten the lists and mappings",
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


class _Constructor(yaml.constructor.SafeConstructor):
    pass


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _refuse_long(stream: str) -> None:
    if len(stream) > MAX_CHARS:
        raise UnsafeYaml(
            None, f"YAML longer than {MAX_CHARS:,} characters", "split the file or shorten it"
        )


class BoundedLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _BoundedComposer,
    _Constructor,
    yaml.resolver.Resolver,
):
    """The safe loader, on PyYAML's Python parser (its error messages are the clearer ones)."""

    def __init__(self, stream: str) -> None:
        _refuse_long(stream)
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _BoundedComposer.__init__(self)
        _Constructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


YAML_LOADER: type[Any] = BoundedLoader
FAST_YAML_LOADER: type[Any] = BoundedLoader
"""The same on libyaml's parser when the wheel has it (faster; vaguer error messages)."""

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class FastBoundedLoader(_BoundedComposer, CParser, _Constructor, yaml.resolver.Resolver):
        def __init__(self, stream: str) -> None:
            _refuse_long(stream)
            CParser.__init__(self, stream)
            _BoundedComposer.__init__(self)
            _Constructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    FAST_YAML_LOADER = FastBoundedLoader


def compose(text: str, loader: type[Any] = YAML_LOADER) -> Node | None:
    """The node tree of one YAML document, bounded, its values as written (unsafe
    characters kept, for the caller to refuse). Raises yaml.YAMLError."""
    instance = loader(text)
    instance.clean = False
    try:
        node: Node | None = instance.get_single_node()
        return node
    finally:
        instance.dispose()


class Parsed(NamedTuple):
    node: Node | None
    """The node tree, for key lines."""
    values: Any
    """The values built from it."""
    cleaned: tuple[int, ...] = ()
    """The lines (from 0) of values whose unsafe characters were removed (``\\x01``,
    ``\\0``, ``\\e`` and ``\\uFFFE`` escapes)."""


def parse(text: str, loader: type[Any] = YAML_LOADER) -> Parsed:
    """One pass: the node tree (for key lines) and the values built from it."""
    instance = loader(text)
    try:
        node = instance.get_single_node()
        values = instance.construct_document(node) if node is not None else None
        return Parsed(node, values, tuple(sorted(set(instance.cleaned))))
    finally:
        instance.dispose()


def construct(node: Node) -> Any:
    """The value of one scalar node, as the loader reads it (dates and all)."""
    instance = YAML_LOADER("")
    try:
        return instance.construct_object(node, deep=True)
    finally:
        instance.dispose()


def describe(exc: yaml.YAMLError) -> tuple[int, str, str]:
    """Any YAML error as (lines from the YAML's start to it, message, hint)."""
    if isinstance(exc, UnsafeYaml):
        return _offset(exc), exc.problem or str(exc), exc.hint
    if isinstance(exc, yaml.MarkedYAMLError):
        return (
            _offset(exc),
            f"invalid YAML: {exc.problem or exc}",
            "fix the YAML syntax (indentation, colons, quotes)",
        )
    return 0, f"invalid YAML: {exc}", "fix the YAML syntax"


def _offset(exc: yaml.MarkedYAMLError) -> int:
    """Lines from the start of the YAML to the error: where the broken construct opened."""
    mark = exc.context_mark or exc.problem_mark
    return mark.line if mark else 0
