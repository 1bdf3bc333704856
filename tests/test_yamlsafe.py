"""The one YAML loader: aliases refused, nesting and length bounded, each with its line."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
import yaml

from pressroom import yamlsafe
from support import FIXTURES

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)
"""Nested aliases ("billion laughs"): 9**9 strings once walked, in under 700 bytes."""

LOADERS = pytest.mark.parametrize(
    "loader", [yamlsafe.YAML_LOADER, yamlsafe.FAST_YAML_LOADER], ids=["python", "libyaml"]
)


def _refusal(text: str, loader: type) -> tuple[int, str, str]:
    with pytest.raises(yaml.YAMLError) as caught:
        yamlsafe.parse(text, loader)
    return yamlsafe.describe(caught.value)


@LOADERS
def test_aliases_are_refused_at_their_line(loader: type) -> None:
    assert len(BOMB.encode()) < 700
    assert _refusal(BOMB, loader) == (1, "YAML aliases are not allowed", "write the value out")


@LOADERS
@pytest.mark.parametrize("depth", [51, 200, 1000])
def test_deep_nesting_is_refused(loader: type, depth: int) -> None:
    deep = "title: x\nbody:\n  - " + "[" * depth + "]" * depth + "\n"
    if loader is yamlsafe.FAST_YAML_LOADER and depth >= 1000:
        # libyaml's parser stops first, at its own limit (the reader then retries in
        # Python, whose refusal the other loader's case shows): refused, no crash
        with pytest.raises(yaml.YAMLError):
            yamlsafe.parse(deep, loader)
        return
    line, message, _ = _refusal(deep, loader)
    assert line == 2
    assert "nested more than 50 levels" in message
    ok = "a: " + "[" * (yamlsafe.MAX_DEPTH - 1) + "]" * (yamlsafe.MAX_DEPTH - 1)
    assert yamlsafe.parse(ok, loader)[1] is not None


@LOADERS
def test_long_text_is_refused_before_parsing(loader: type) -> None:
    line, message, _ = _refusal("a: " + "x" * yamlsafe.MAX_CHARS, loader)
    assert (line, message) == (0, f"YAML longer than {yamlsafe.MAX_CHARS:,} characters")


@LOADERS
def test_values_are_the_safe_loaders(loader: type) -> None:
    text = "a: 2026-01-19\nb: [1, {c: d}]\nd: 2026-13-45\nanchored: &x plain\n"
    values = yamlsafe.parse(text, loader)[1]
    assert values == {
        "a": datetime.date(2026, 1, 19),
        "b": [1, {"c": "d"}],
        "d": "2026-13-45",
        "anchored": "plain",
    }
    with pytest.raises(yaml.YAMLError):
        yamlsafe.parse("a: !!python/object:os.system x\n", loader)


def test_unsafe_characters_are_removed_with_their_lines() -> None:
    text = "ok\nun \x01 deux\x00\ntrois\x1b[0m \ufffe\U0010ffff\nsaut\x0cde page\n\tfin\r\n"
    assert yamlsafe.remove_unsafe_characters(text) == (
        "ok\nun  deux\ntrois[0m \nsaut de page\n\tfin\r\n",
        (2, 3, 4),
    )
    assert yamlsafe.remove_unsafe_characters("é ü «»") == ("é ü «»", ())


@LOADERS
def test_escaped_unsafe_characters_are_removed_from_values(loader: type) -> None:
    parsed = yamlsafe.parse('a: ok\nb: "x\\x01y\\0"\nc: "\\e[31m\\uFFFE"\n', loader)
    assert parsed.values == {"a": "ok", "b": "xy", "c": "[31m"}
    assert parsed.cleaned == (1, 2)


def _bounded_composer(text: str) -> yamlsafe.Parsed:
    """``parse`` with ``FAST_YAML_LOADER`` as it runs without the C composer's fast path."""
    instance = yamlsafe.FAST_YAML_LOADER(text)
    try:
        node = instance.get_single_node()
        values = instance.construct_document(node) if node is not None else None
        return yamlsafe.Parsed(node, values, tuple(sorted(set(instance.cleaned))))
    finally:
        instance.dispose()


def _shape(node: yaml.Node | None) -> object:
    """A node tree as plain data: kind, tag, style, value and where it starts and ends."""
    if node is None:
        return None
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    head = (
        type(node).__name__,
        node.tag,
        getattr(node, "style", None),
        getattr(node, "flow_style", None),
        marks,
    )
    if isinstance(node, yaml.ScalarNode):
        return (*head, node.value)
    if isinstance(node, yaml.MappingNode):
        return (*head, [(_shape(k), _shape(v)) for k, v in node.value])
    return (*head, [_shape(item) for item in node.value])


def _outcome(parse: Callable[[str], yamlsafe.Parsed], text: str) -> object:
    try:
        parsed = parse(text)
    except yaml.YAMLError as exc:
        return ("refused", type(exc).__name__, yamlsafe.describe(exc))
    return (_shape(parsed.node), parsed.values, parsed.cleaned)


def _yaml_texts() -> list[str]:
    """Every YAML the fixtures hold (records, front matter, week files, configs), and
    edge cases: escapes, anchors without aliases, nesting at and over the limit, several
    documents, broken syntax, a tag the safe loader refuses."""
    texts = [
        path.read_text(encoding="utf-8")
        for pattern in ("*.yaml", "*.yml")
        for path in sorted(FIXTURES.rglob(pattern))
    ]
    for path in sorted(FIXTURES.rglob("*.md")):
        parts = path.read_text(encoding="utf-8").split("---\n")
        if len(parts) >= 3 and parts[0] == "":
            texts.append(parts[1])
    assert len(texts) > 20
    return [
        *texts,
        'a: ok\nb: "x\\x01y\\0"\nc: "\\e[31m\\uFFFE"\n',
        "a: \x01plain\n\x02b: [\x03, {\x04c: d}]\n",
        "title: R&D\nanchored: &x plain\nlist: &y [1, 2]\n",
        "a: " + "[" * yamlsafe.MAX_DEPTH + "]" * yamlsafe.MAX_DEPTH,
        "a: " + "[" * (yamlsafe.MAX_DEPTH - 1) + "]" * (yamlsafe.MAX_DEPTH - 1),
        "- " * 60 + "x\n",
        "? [a, b]\n: c\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\nb: 3\n",
        "a: !!python/object:os.system x\n",
        "a: 2026-13-45\nb: 2026-01-19 10:00:00+01:00\nc: 1_000\nd: 0o17\ne: .inf\n",
        "",
        "# nothing\n",
        "just text\n",
        "a:\n  b:\n    c: |\n      deux\n      lignes\n    d: >-\n      plié\n",
    ]


def test_the_c_composer_gives_the_bounded_composers_tree_values_and_refusals() -> None:
    texts = _yaml_texts()
    composed_in_c = sum(1 for text in texts if "*" not in text)
    assert composed_in_c > 20
    for text in texts:
        fast = _outcome(lambda t: yamlsafe.parse(t, yamlsafe.FAST_YAML_LOADER), text)
        assert fast == _outcome(_bounded_composer, text), text
