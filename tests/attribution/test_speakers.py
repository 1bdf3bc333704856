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


def test_a_bodys_name_in_capitals_is_one_word_of_a_descriptor() -> None:
    words = "A Westshire Fire and Rescue Service (WFRS) spokesperson"
    subject = parse_subject(words, V, before_verb=True)
    assert subject is not None
    assert (subject.kind, subject.text) == ("descriptor", words)
