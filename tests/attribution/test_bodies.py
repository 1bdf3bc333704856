"""Bodies, their names and their documents."""

from __future__ import annotations

import pytest

from pressroom.attribution.bodies import article_left, body_named, document_owner, is_kind_only
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    ("descriptor", "owner"),
    [
        ("le communiqué de la CGT", "la CGT"),
        ("un communiqué du gouvernement burkinabè", "le gouvernement burkinabè"),
        ("the statement from the club", "the club"),
        ("the statement from Ann Lee", None),  # a person's: who she is is not the body's
        ("le communiqué de Jean Roux", None),
        ("le communiqué", None),
        ("the report in the Valley Gazette", None),  # where it was printed, not whose
    ],
)
def test_a_document_speaks_for_the_body_it_is_from(descriptor: str, owner: str | None) -> None:
    assert document_owner(descriptor, V) == owner


@pytest.mark.parametrize(
    ("preposition", "article"),
    [
        ("du", "le "),
        ("des", "les "),
        ("de la", "la "),
        ("de l’", "l'"),
        ("of the", "the "),
        ("de", ""),
    ],
)
def test_a_preposition_leaves_its_article(preposition: str, article: str) -> None:
    assert article_left(preposition) == article


def test_an_acronym_names_the_one_body_whose_initials_it_is() -> None:
    texts = ("The Harbour Millers Association met on Monday.", "The HMA chose a new chair.")
    assert body_named("the HMA", texts, V) == "Harbour Millers Association"
    assert body_named("the XYZ", texts, V) is None


@pytest.mark.parametrize(
    ("descriptor", "kind_only"),
    [
        ("the firm", True),
        ("le groupe", True),
        ("l'ASBL", True),
        ("le club.", True),
        ("la mairie", False),  # the town's own: one the reader knows
        ("the club's chairman", False),
        ("the Harrow club", False),
        ("firm", False),
    ],
)
def test_a_kind_alone_stands_for_no_body_by_itself(descriptor: str, kind_only: bool) -> None:
    assert is_kind_only(descriptor, V) is kind_only


def test_every_kind_of_body_is_a_body_word() -> None:
    assert V.body_kinds <= V.body_words


def test_an_acronym_is_the_body_the_text_spells_it_out_for() -> None:
    texts = [
        "Le Service de police de la Ville de Lorient (SPVL) a annoncé une enquête.",
        "Lakeside Regional Commissioner (RC) Peter Odhiambo spoke.",
    ]
    assert body_named("le SPVL", texts, V) == "Service de police de la Ville de Lorient"
    assert body_named("the RC", texts, V) is None  # an office's initials, not a body's
