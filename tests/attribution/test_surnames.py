"""A sentence's subject written as a surname alone."""

from __future__ import annotations

import pytest

from pressroom.attribution.surnames import is_surname, surname_subject
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    ("sentence", "surname"),
    [
        ("Matthews told councillors the works would start in May.", "Matthews"),
        ("Speaking at the fair in Athy, Co Kildare, Smith said it was a record.", "Smith"),
        ("Mayor Brown said the budget was balanced.", "Brown"),
        ("Regragui, qui a remplacé Paul Roy, a souligné l'effort.", "Regragui"),
        ("Gandhi's speech was followed by applause.", "Gandhi"),
    ],
)
def test_the_surname_that_opens_the_sentence_is_its_subject(sentence: str, surname: str) -> None:
    assert surname_subject(sentence, V) == surname


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met on Monday.",
        "Speaking at the fair, councillors agreed.",
        "Minister said nothing.",
    ],
)
def test_an_opening_word_or_an_office_is_no_surname(sentence: str) -> None:
    assert surname_subject(sentence, V) is None


def test_offices_and_titles_are_not_surnames() -> None:
    assert not is_surname("Councillor", V)
    assert not is_surname("Minister", V)
    assert is_surname("Grisé-Farand", V)


def test_an_office_before_a_surname_opens_a_sentence_with_commas_after() -> None:
    # the commas of "the capital, Zagreb," are no opening clause before the subject
    sentence = "Minister Dunne said that an embassy in the capital, Zagreb, will help trade."
    assert surname_subject(sentence, V) == "Dunne"


@pytest.mark.parametrize("surname", ["O’Brien", "O'Neill", "McDonald", "MacKinnon"])
def test_a_surname_with_its_prefix_is_a_subject(surname: str) -> None:
    sentence = f"Even as the rinks reopened, {surname} found that habits did not change."
    assert surname_subject(sentence, V) == surname


def test_a_conjunction_before_the_surname_is_not_the_subject() -> None:
    assert surname_subject("And Hartley expects the team to win the cup.", V) == "Hartley"
    assert surname_subject("Mais Durand reste prudent.", V) == "Durand"
