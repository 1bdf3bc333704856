"""What a cue names: a person, a pronoun, a surname or a descriptor."""

from __future__ import annotations

import pytest

from pressroom.attribution.speakers import parse_subject
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize("words", ["Westshire Constabulary", "Dunmere County Council"])
def test_a_bodys_own_name_before_the_verb_is_the_body(words: str) -> None:
    # '"…," Westshire Constabulary said': the body speaks, under its own name
    subject = parse_subject(words, V, before_verb=True)
    assert subject is not None
    assert (subject.kind, subject.text) == ("descriptor", words)


def test_a_person_of_a_body_is_the_person_with_the_body_for_role() -> None:
    subject = parse_subject("Nell Harrow of Brayford Rowing Club", V, before_verb=True)
    assert subject is not None
    assert (subject.kind, subject.text, subject.role) == (
        "name",
        "Nell Harrow",
        "Brayford Rowing Club",
    )


@pytest.mark.parametrize(
    "words",
    ["le sergent Jean Rivard de la Sûreté du Québec", "l'agent Luc Bérubé de la Régie de police"],
)
def test_an_officer_then_the_body_is_the_officer(words: str) -> None:
    # not "Sûreté du Québec", a body, named as the speaker with "sergent Jean Rivard" for role
    subject = parse_subject(words, V)
    assert subject is not None
    assert subject.kind == "name"
    assert subject.text in ("Jean Rivard", "Luc Bérubé")


def test_a_bodys_name_in_capitals_is_one_word_of_a_descriptor() -> None:
    words = "A Westshire Fire and Rescue Service (WFRS) spokesperson"
    subject = parse_subject(words, V, before_verb=True)
    assert subject is not None
    assert (subject.kind, subject.text) == ("descriptor", words)


@pytest.mark.parametrize(
    "words", ["Of the six speakers at Public Question Time", "Parmi les invités à Fête Cale Nord"]
)
def test_a_name_after_a_preposition_is_not_the_subject(words: str) -> None:
    # "Of the six speakers at Public Question Time, …, told the Council,": a session's name
    assert parse_subject(words, V, before_verb=True) is None


def test_the_holder_named_after_an_office_of_a_place_speaks() -> None:
    words = "le commandant de la brigade de Bam Kelbo, le lieutenant Idrissa Sawadogo"
    subject = parse_subject(words, V)
    assert subject is not None
    assert (subject.text, subject.role) == (
        "Idrissa Sawadogo",
        "commandant de la brigade de Bam Kelbo, lieutenant",
    )
