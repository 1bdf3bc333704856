"""Who a sentence outside the quotations is about: its subject."""

from __future__ import annotations

import pytest

from pressroom.attribution.subjects import office_subject, personal_subject
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    ("sentence", "office"),
    [
        (
            "The chief executive of the port said the work would take six weeks.",
            "The chief executive of the port",
        ),
        (
            "Le directeur général de la régie a confirmé la date.",
            "Le directeur général de la régie",
        ),
        ("The mayor of Dunmore said the road would reopen.", "The mayor of Dunmore"),
        ("Le maire a signé la convention.", "Le maire"),
    ],
)
def test_an_office_opening_a_sentence_is_read_whole(sentence: str, office: str) -> None:
    # not "The chief": the office goes on over a second office word and its complement
    assert office_subject(sentence, V) == office


@pytest.mark.parametrize(
    ("sentence", "pronoun"),
    [
        ("Il marque un silence, puis se tourne vers les familles :", "il"),
        ("Elle sourit :", "elle"),
        ("But he turned to the families:", "he"),
        ("Il faut le dire :", None),
        ("Il y a une chose à savoir :", None),
        ("Il s'agit d'un choix :", None),
        ("The mayor smiled:", None),
    ],
)
def test_a_sentence_opens_on_a_personal_subject(sentence: str, pronoun: str | None) -> None:
    assert personal_subject(sentence) == pronoun
