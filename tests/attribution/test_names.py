"""Person names and the words written around them."""

from __future__ import annotations

import pytest

from pressroom.attribution.names import is_person_name, post_nominal
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons


@pytest.mark.parametrize("letters", ["B.S.N.", "M.B.A.", "R.N.", "C.N.O.R.", "Ph.D.", "MP", "OBE"])
def test_letters_after_a_name_are_post_nominals(letters: str) -> None:
    assert post_nominal(letters)


@pytest.mark.parametrize("role", ["CEO", "chief nursing officer", "Mayor", "coach"])
def test_an_office_is_no_post_nominal(role: str) -> None:
    assert not post_nominal(role)


@pytest.mark.parametrize(
    ("words", "person"),
    [
        ("Chalcombe St Giles", False),
        ("Bury St Edmunds", False),
        ("Sault Ste Marie", False),
        ("Ian St John", True),  # a first name, then a surname with St
        ("Ann Lee", True),
    ],
)
def test_saint_inside_a_name_makes_it_a_town(words: str, person: bool) -> None:
    assert is_person_name(words, vocabulary(Lexicons())) is person
