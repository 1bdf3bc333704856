"""The role written beside a name, cleaned of what is not an office."""

from __future__ import annotations

import pytest

from pressroom.attribution.roles import clean_role, role_before
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    "words",
    [
        "le 7 novembre avec une confortable",  # "a été réélue le 7 novembre avec …": a date
        "1er mars à Brévans",
        "starting things off",  # "said Premier X, starting things off": what he did
        "succeeding Laurence Lee",
        "• BRÉVANS-AFRIQUE-FOOTBALL /",  # an agency's rubric
    ],
)
def test_words_that_are_no_office_give_no_role(words: str) -> None:
    assert clean_role(words, V) is None


@pytest.mark.parametrize(
    "role", ["2e adjoint au maire", "1er vice-président", "managing director", "acting chief"]
)
def test_an_office_that_opens_on_a_number_or_a_participle_stays(role: str) -> None:
    assert clean_role(role, V) == role


def test_a_clause_with_an_adverb_in_its_verb_is_no_role() -> None:
    # "La présentation des vœux a aussi été l'occasion pour Ann Roy de saluer …"
    assert clean_role("La présentation des vœux a aussi été l'occasion pour", V) is None


@pytest.mark.parametrize(
    ("words", "role"),
    [("For Acme chief executive", "Acme chief executive"), ("For Professor", "Professor")],
)
def test_the_sentences_opening_for_is_no_part_of_a_role(words: str, role: str) -> None:
    # "For Professor Ann Roe, understanding the biology is critical."
    assert clean_role(words, V) == role


@pytest.mark.parametrize(
    ("before", "office"),
    [
        ("Staff Sgt. ", "Staff Sgt."),
        ("The officers said so. Sheriff’s Capt. ", "Sheriff’s Capt."),
        ("Gov.-Elect ", "Gov.-Elect"),
        ("The report, by Dr. ", None),  # a courtesy title, no office
        ("He left in Dec. ", None),
    ],
)
def test_an_office_with_an_abbreviated_title_before_a_name(before: str, office: str | None) -> None:
    assert role_before(before, V) == office
