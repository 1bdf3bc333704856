"""French spacing for release text; mojibake detection."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressroom.text.encoding import has_mojibake, repair_mojibake
from pressroom.text.sentences import first_sentence
from pressroom.text.typography import french_spacing, typeset


def test_french_spacing_matches_pressroom_words() -> None:
    assert french_spacing("Les élus «surpris» ! Pourquoi? Voir : ici") == (
        "Les élus «\u202fsurpris\u202f»\u202f! Pourquoi\u202f? Voir\u00a0: ici"
    )


def test_links_and_times_are_left_alone() -> None:
    assert french_spacing("https://x.fr à 10:50") == "https://x.fr à 10:50"


def test_english_is_left_as_written() -> None:
    assert typeset("Why? Because!", "en") == "Why? Because!"


@given(st.text(max_size=200))
def test_spacing_is_idempotent(text: str) -> None:
    once = french_spacing(text)
    assert french_spacing(once) == once


def test_mojibake_found_and_repaired() -> None:
    assert has_mojibake("La RÃ©gion soutient les Ã©coles")
    assert repair_mojibake("La RÃ©gion") == "La Région"
    assert not has_mojibake("La Région « bâtit » l’avenir — “ok”")


def test_first_sentence_never_ends_at_an_initial() -> None:
    assert first_sentence("M. Renaud ouvre la séance. La suite.") == "M. Renaud ouvre la séance."
    assert first_sentence("Jane Q. Doe opens it. Then more.") == "Jane Q. Doe opens it."
    assert first_sentence("Dr. Doe spoke. Then more.") == "Dr. Doe spoke."
