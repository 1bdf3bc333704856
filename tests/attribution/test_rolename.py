"""A role and a name written together: which words are which."""

from __future__ import annotations

import pytest

from pressroom.attribution.rolename import office_field, same_office, split_role_name
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Acme Capital partner Tom Lee", "Tom Lee", "Acme Capital partner"),
        ("Senior Magistrate Dylan Nurse", "Dylan Nurse", "Senior Magistrate"),
        ("Dylan Nurse", "Dylan Nurse", None),
        ("Head Nurse", None, None),  # an office alone
        ("General Manager", None, None),  # "General" is a first name too, not here
    ],
)
def test_the_name_is_the_run_of_capitalised_words_at_the_end(
    phrase: str, name: str | None, role: str | None
) -> None:
    assert split_role_name(phrase, V) == (name, role)


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Kasarani OCPD Kiprono Wekesa", "Kiprono Wekesa", "Kasarani OCPD"),
        ("FC Commune de Bex", "FC Commune de Bex", None),  # no place before the letters
        ("Jean DUPONT", "Jean DUPONT", None),  # a surname in capitals ends a name
    ],
)
def test_a_places_office_in_letters_ends_the_name(phrase: str, name: str, role: str | None) -> None:
    assert split_role_name(phrase, V) == (name, role)


@pytest.mark.parametrize(
    ("head", "role", "same"),
    [
        ("president", "president of the club", True),
        ("president", "vice president", False),
        ("rc", "lakeside regional commissioner (rc)", True),  # the role spells it out
        ("rc", "lakeside regional commissioner", False),
        ("pm", "prime minister of the islands", True),
    ],
)
def test_a_descriptor_names_the_office_of_a_role(head: str, role: str, same: bool) -> None:
    assert same_office(head, role) is same


@pytest.mark.parametrize(
    ("office", "name", "split"),
    [
        (
            "Vice-Provost",
            "Indigenous Engagement Robyn Roe",
            ("Vice-Provost, Indigenous Engagement", "Robyn Roe"),
        ),
        (
            "Leader of the Council",
            "Cllr Mike Steptoe",
            ("Leader of the Council", "Cllr Mike Steptoe"),
        ),
        ("President", "H.E. Peter Christian", ("President", "H.E. Peter Christian")),
        ("Chair", "Mary Anne Lee", ("Chair", "Mary Anne Lee")),  # two first names
        ("", "Indigenous Engagement Robyn Roe", ("", "Indigenous Engagement Robyn Roe")),
    ],
)
def test_an_office_field_after_the_comma_is_no_part_of_the_name(
    office: str, name: str, split: tuple[str, str]
) -> None:
    assert office_field(office, name, V) == split
