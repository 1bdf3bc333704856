"""Two people who speak together, or a verb in the plural."""

from __future__ import annotations

import pytest

from pressroom.attribution.joint import joint, plural_verb
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


@pytest.mark.parametrize(
    ("body", "plural"),
    [
        ("Brackwater, Elmsford reject rumours, say, ", True),
        ("Ann Roe and her neighbours add: ", True),
        ("Ann Roe says, ", False),
        ("Ann Roe used the meeting to say: ", False),
        ("Ann Roe will say: ", False),
        ("Ann Roe said: ", False),
    ],
)
def test_plural_verb(body: str, plural: bool) -> None:
    verb = list(V.verb_re.finditer(body))[-1]
    assert plural_verb(body, verb, V) is plural
