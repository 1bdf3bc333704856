"""What a text shows of a person's gender."""

from __future__ import annotations

import pytest

from pressroom.attribution.genders import agrees, gender_of, may_be, office_gender
from pressroom.attribution.names import Person


@pytest.mark.parametrize("office", ["The Minister", "Le maire", "Les élus", "His spokesman"])
def test_an_office_has_no_first_name_to_tell_a_gender(office: str) -> None:
    # "The", "Le", "Les" and "His" are in the first-name list; as the head of an office
    # they say nothing of who holds it.
    assert gender_of(Person(office, None, None)) is None
    assert agrees(Person(office, None, None), "m")
    assert agrees(Person(office, None, None), "f")


def test_a_first_name_tells_a_gender_the_text_does_not() -> None:
    assert gender_of(Person("Marie Dupont", None, None)) == "f"
    assert gender_of(Person("Marie Dupont", None, "m")) == "m"
    assert not agrees(Person("Marie Dupont", None, None), "m")


def test_a_leaning_first_name_may_be_of_the_other_gender() -> None:
    # "Kim" is mostly a woman's name in the list, "Marie" a woman's: only the first gives way.
    assert not agrees(Person("Kim Dalloway", None, None), "m")
    assert may_be(Person("Kim Dalloway", None, None), "m")
    assert not may_be(Person("Marie Dupont", None, None), "m")
    assert not may_be(Person("Kim Dalloway", None, "f"), "m")  # the text said "she"


@pytest.mark.parametrize(
    ("office", "gender"),
    [("la maire", "f"), ("le préfet", "m"), ("Madame la préfète", "f"), ("the mayor", None)],
)
def test_an_office_subject_shows_its_gender_by_its_article(office: str, gender: str) -> None:
    assert office_gender(office) == gender


def test_a_first_name_the_list_lacks_is_read_from_first_names_txt() -> None:
    # gender-guesser does not know "Alassane" or "Ngozi"; first-names.txt does
    assert gender_of(Person("Alassane Dia", None, None)) == "m"
    assert gender_of(Person("Ngozi Eze", None, None)) == "f"
