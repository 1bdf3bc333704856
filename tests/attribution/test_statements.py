"""Whose statement a title says a text is."""

from __future__ import annotations

import pytest

from pressroom.attribution.statements import statement_author
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
