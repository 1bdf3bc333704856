"""The word lists: packaged files read back whole, a workspace's lines added to them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressroom.lexicon import (
    LISTS,
    MONTHS_FR,
    PACKAGED,
    ROLES_EN,
    TITLES,
    VERBS_EN,
    VERBS_FR,
    WEEKDAYS_EN,
    LexiconError,
    Lexicons,
    numbered,
    packaged,
    parse_lexicon,
)

_ENTRY = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="|#"),
    min_size=1,
    max_size=20,
).map(str.strip)


@given(st.lists(_ENTRY.filter(bool), max_size=30), st.sampled_from([TITLES, ROLES_EN, VERBS_EN]))
def test_the_loader_reads_back_every_line_it_was_given(entries: list[str], name: str) -> None:
    text = "# a header\n\n" + "\n".join(f"  {entry} " for entry in entries) + "\n"
    assert parse_lexicon(name, text) == tuple(entries)
    added = Lexicons(((name, parse_lexicon(name, text)),))
    assert set(added.entries(name)) == {*packaged(name), *entries}
    assert added.entries(name)[: len(packaged(name))] == packaged(name)


@pytest.mark.parametrize("name", LISTS)
def test_every_packaged_list_reads_and_says_what_it_is(name: str) -> None:
    assert packaged(name), name
    assert PACKAGED.entries(name) == packaged(name)


def test_numbered_lists_give_every_form_its_number() -> None:
    months = numbered(PACKAGED, MONTHS_FR)
    assert (months["janvier"], months["févr"], months["décembre"]) == (1, 2, 12)
    assert numbered(PACKAGED, WEEKDAYS_EN)["sunday"] == 7


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        (VERBS_FR, "# verbs\ndéclare | déclaré\nglousse | | gloussé\n", 3, "not a French verb"),
        (VERBS_FR, "rit |\n", 1, "not a French verb"),
        (ROLES_EN, "harbourmaster\nport | captain\n", 2, "holds a |"),
        (MONTHS_FR, "13 | brumaire\n", 1, "not a number from 1 to 12"),
        (MONTHS_FR, "brumaire\n", 1, "not a numbered line"),
    ],
)
def test_a_line_a_list_cannot_hold_is_located(
    name: str, text: str, line: int, message: str
) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(name, text)
    assert caught.value.line == line and message in caught.value.message
