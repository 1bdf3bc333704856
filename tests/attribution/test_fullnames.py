"""A speaker written as a title and a surname, given the full name the text gives them."""

from __future__ import annotations

import pytest

from pressroom.attribution.fullnames import with_full_names
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons
from pressroom.model import Quote

V = vocabulary(Lexicons())


def _quote(speaker: str) -> Quote:
    return Quote(text="We will open the office in May.", speaker=speaker, role=None, line=3)


@pytest.mark.parametrize(
    ("speaker", "texts", "named"),
    [
        ("Mr. Odhiambo", ["Lakeside Commissioner Peter Odhiambo opened it."], "Peter Odhiambo"),
        ("Ms Hale", ["Student Jenny Hale, 24, spoke first."], "Jenny Hale"),
        ("M. Roy", ["Anne Roy, la maire, a parlé."], "M. Roy"),  # the title says a man
        ("M. Roy", ["Paul Roy et Marc Roy ont parlé."], "M. Roy"),  # which of the two?
        ("Mr. Odhiambo", ["The commissioner opened it."], "Mr. Odhiambo"),  # no full name
    ],
)
def test_a_title_and_surname_take_the_one_full_name(
    speaker: str, texts: list[str], named: str
) -> None:
    (quote,) = with_full_names([_quote(speaker)], texts, V)
    assert quote.speaker == named
