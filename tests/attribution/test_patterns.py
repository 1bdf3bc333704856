"""Attribution patterns: each fixture of tests/fixtures/attribution is a small release of our
own writing; beside it, ``<name>.expected.json`` states by hand, for each quotation, the words
it starts with, its right speaker (null when the text does not say surely) and, where stated,
its role. Fixtures where pressroom names a wrong person wait in ``attribution-wrong`` (not
collected here) for the rule to be fixed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pressroom.readers.files import read_bytes
from support import FIXTURES, PARIS

PATTERNS = FIXTURES / "attribution"
FIXTURE_FILES = sorted(PATTERNS.glob("*.txt"))


def _shown(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def _observed(expected: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quotes as pressroom reads them, in the shape (and to the length) of the expectation:
    ``starts`` cut to the expected words, ``role`` only where the expectation states it."""
    observed = []
    for index, quote in enumerate(quotes):
        wanted = expected[index] if index < len(expected) else {}
        starts = wanted.get("starts", "")
        item: dict[str, Any] = {
            "starts": quote["text"][: len(starts) or 40],
            "speaker": quote["speaker"],
        }
        if "role" in wanted:
            item["role"] = quote["role"]
        observed.append(item)
    return observed


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_pattern_names_the_right_speaker(path: Path) -> None:
    expectation = json.loads(path.with_name(path.name + ".expected.json").read_text("utf-8"))
    expected = [
        {key: value for key, value in quote.items() if key in ("starts", "speaker", "role")}
        for quote in expectation["quotes"]
    ]
    release, problems = read_bytes(path.read_bytes(), _shown(path), PARIS)
    assert release is not None, problems
    quotes = release.to_dict()["quotes"]
    assert _observed(expected, quotes) == expected


def test_fixture_folder_covers_the_patterns() -> None:
    assert len(FIXTURE_FILES) >= 20
    for path in FIXTURE_FILES:
        assert path.with_name(path.name + ".expected.json").exists(), path.name
    assert {p.name[:3] for p in FIXTURE_FILES} == {"fr_", "en_"}
