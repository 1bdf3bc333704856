"""Who wrote the document a quotation is read from."""

from __future__ import annotations

import pytest

from pressroom.attribution.authors import document_author
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    ("paragraphs", "author"),
    [
        (["In a statement, Harrow said that it was a privilege."], "Harrow"),
        (["In a statement the club said the match was off."], "the club"),
        (["Dans un communiqué publié lundi, la mairie indique que le pont ferme."], "la mairie"),
        (
            ["« Tout va bien », annonce un communiqué du gouvernement burkinabè."],
            "le gouvernement burkinabè",
        ),
        (["In a statement, Harrow said so.", "A statement from the club said no."], "the club"),
        (["The club posted a statement.", "Harrow said it was a privilege."], None),
    ],
)
def test_the_last_document_given_an_author(paragraphs: list[str], author: str | None) -> None:
    found = document_author(paragraphs, len(paragraphs) - 1, V)
    assert (found.text if found else None) == author


def test_a_document_named_after_the_quotation_is_not_looked_at() -> None:
    paragraphs = ["The statement said it was untrue.", "In a statement, Harrow said so."]
    assert document_author(paragraphs, 0, V) is None
