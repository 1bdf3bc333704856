"""Two people who speak together."""

from __future__ import annotations

import pytest

from pressroom.attribution.joint import joint
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    "subject",
    [
        "Le maire Paul Roy et la présidente Ann Lee",
        "James Lopez, and Minister Luc Blanchette",
        "Mayor Ann Roe and Councillor Tom Lee",
    ],
)
def test_two_people_joined_speak_together(subject: str) -> None:
    assert joint(subject, V)


@pytest.mark.parametrize(
    "subject",
    [
        # "et" joins two fields of one office, not two people
        "aux côtés de la ministre de la Culture, Anne Valois, le ministre de l'Éducation, "
        "de la Jeunesse et des Sports, Karim Bensaïd",
        "Paul Roy, Minister for Health and for Sport",
        "Le maire Paul Roy",
    ],
)
def test_one_person_does_not(subject: str) -> None:
    assert not joint(subject, V)
