"""The reading stage's shortcuts answer as the slow paths they stand in front of."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pressroom.attribution.names import Person
from pressroom.attribution.people import People
from pressroom.attribution.quotemarks import _SINGLE_AFTER, _single_opens, has_mark, scan
from pressroom.attribution.subjects import Mentions
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import PACKAGED
from pressroom.text import dates

_BITS = [
    ":",
    ",",
    " ",
    "\u00a0",
    "said",
    "resaid",
    "added",
    "'",
    "‘",
    "x",
    "Roe",
    "«",
    "»",
    '"',
    "”",
]
_TEXTS = st.lists(st.sampled_from(_BITS), max_size=12).map("".join)


@settings(max_examples=300)
@given(_TEXTS, st.integers(min_value=0, max_value=40))
def test_single_mark_check_is_the_pattern(text: str, at: int) -> None:
    at = min(at, len(text))
    assert _single_opens(text, at) == (_SINGLE_AFTER.search(text, 0, at) is not None)


@settings(max_examples=300)
@given(_TEXTS)
def test_mark_check_is_the_pattern(text: str) -> None:
    assert has_mark(text) == bool(regex.search("[«»“”\"‘']", text))
    if not has_mark(text):
        assert scan(text) == ([], None, None)


_DATE_BITS = ["12", "2026", "202", "6", "/", "-", " ", "mars", "Le ", "publié le", ":", "h"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_DATE_BITS), max_size=10).map("".join))
def test_a_line_without_a_year_holds_no_date(line: str) -> None:
    """Every date form has a four-digit year: the quick check skips nothing the patterns find."""
    if regex.search(r"\d{4}", line):
        return
    assert not any(pattern.match(line) for pattern in dates._LINE_RES)
    assert dates._ANYWHERE.search(line) is None
    assert dates.parse_date_line(line, ZoneInfo("Europe/Paris"), 1) is None


def test_people_named_wait_until_asked() -> None:
    """Mentions are looked for only when a question needs them, in the order they came."""
    text = "Claire Dumas, maire de Vals, et Paul Renaud, préfet, ont signé."
    words = vocabulary(PACKAGED)
    found = Mentions(text, words)
    people = People([], words)
    people.add_mentioned(found, 0, len(text))
    people.add(Person("Anne Martin", "directrice", "f"))
    assert found._found is None
    assert people.last("f") == Person("Anne Martin", "directrice", "f")
    assert [p.name for p in people.named] == ["Claire Dumas", "Paul Renaud", "Anne Martin"]
    assert people.by_surname("Renaud") == Person("Paul Renaud", "préfet", "m")
