"""Whose statement a title says a text is."""

from __future__ import annotations

import pytest

from pressroom.attribution.statements import signatures, statement_author
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import PACKAGED


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Chief Dana Marsh Statement Regarding the Fire on Elm Street", "Dana Marsh"),
        ("Statement from Mayor Jo Lee on the budget", "Jo Lee"),
        ("Regional Director Ann Roe's remarks at a media briefing", "Ann Roe"),
        ("Déclaration du ministre Paul Roy sur la sécheresse", "Paul Roy"),
        ("Message de Claire Dumas, maire de Vals", "Claire Dumas"),
        ("Council statement on the budget", None),
        ("Statement from the Mayor", None),
        ("Jo Lee addresses the council", None),
        ("Discours et musique : la fête de la ville", None),
    ],
)
def test_a_title_names_whose_statement_the_text_is(title: str, author: str | None) -> None:
    found = statement_author(title, vocabulary(PACKAGED))
    assert (found.text if found else None) == author


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Regional Director Ann Roe's remarks at a media briefing", "Regional Director"),
        ("Statement from Pro-Vice-Chancellor Ann Roe on the strike", "Pro-Vice-Chancellor"),
        ("Déclaration de la vice-rectrice Ann Roe sur la grève", "vice-rectrice"),
        ("Police to record Ann Roe's statement over her remarks", None),  # no office
    ],
)
def test_the_words_before_the_author_are_a_role_only_with_an_office(
    title: str, role: str | None
) -> None:
    found = statement_author(title, vocabulary(PACKAGED))
    assert found is not None and found.text == "Ann Roe" and found.role == role


def test_a_signature_block_names_each_office_holder() -> None:
    texts = [
        "Real outcomes for regional towns",
        "JOINT STATEMENT",
        "Premier and Minister for Trade",
        "The Honourable Rosalind Kettering",
        "Minister for Water",
        "The Honourable Glenn Ashby",
        "Regional forums were held across the state today.",
    ]
    found = signatures(texts, vocabulary(PACKAGED))
    assert [(p.name, p.role) for p in found] == [
        ("Rosalind Kettering", "Premier and Minister for Trade"),
        ("Glenn Ashby", "Minister for Water"),
    ]


def test_lines_of_a_page_are_no_signature_block() -> None:
    texts = ["Home", "News and events", "Council Meeting Tonight", "Mayor says the budget is set."]
    assert signatures(texts, vocabulary(PACKAGED)) == []
