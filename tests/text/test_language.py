"""The language of a release: French unless English function words outnumber French ones."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from pressroom.text.language import ENGLISH_WORDS, FRENCH_WORDS, detect_lang, function_words

PIECES = [
    *"ab le la the of été être d'un l’on «»“”–—…\u00a0\u202f1,.;-_/™€éß\t\n",
    *("de", "and", "to", "l'été", "Été", "THE", "les", "qu’il", "of™", "™the"),
]


@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_function_words_are_counted_among_the_runs_of_letters(text: str) -> None:
    runs = regex.findall(r"\p{L}+", text)
    assert function_words(text) == (
        sum(run in FRENCH_WORDS for run in runs),
        sum(run in ENGLISH_WORDS for run in runs),
    )


def test_french_unless_english_function_words_outnumber_french_ones() -> None:
    assert detect_lang("La Région lance un plan pour les transports.") == "fr"
    assert detect_lang("The council has approved the plan for the city.") == "en"
    assert detect_lang("") == "fr"
