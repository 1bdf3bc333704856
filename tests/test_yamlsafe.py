"""The one YAML loader: aliases refused, nesting and length bounded, each with its line."""

from __future__ import annotations

import datetime

import pytest
import yaml

from pressroom import yamlsafe

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


def test_the_quick_check_finds_what_the_pattern_finds() -> None:
    planes = range(0, 0x110000, 0x10000)
    edges = [chr(plane + last) for plane in planes for last in (0xFFFD, 0xFFFE, 0xFFFF)]
    others = ["\x00", "\x08", "\t", "\n", "\x0b", "\r", "\x1f", " ", "\x7f", "\x9f", "\xa0"]
    others += ["\ufdcf", "\ufdd0", "\ufdef", "\ufdf0", "\U0001f600", "\U00010000", "é"]
    for character in edges + others:
        for text in (character, f"Le maire 😀 a dit{character} oui"):
            expected = bool(yamlsafe.UNSAFE_CHARACTERS.search(text))
            assert yamlsafe.has_unsafe_characters(text) is expected, repr(text)
