"""People a stretch of text names, with the role written beside them."""

from __future__ import annotations

import pytest

from pressroom.attribution.mentions import mentions
from pressroom.attribution.vocabulary import vocabulary
from pressroom.lexicon import Lexicons

V = vocabulary(Lexicons())


@pytest.mark.parametrize(
    "text",
    [
        "Health Fund Representative Karin Hulst, UN Resident Coordinator,",
        "Health Fund Representative Karin Hulst, UN Resident Coordinator, ",
        "Health Fund Representative Karin Hulst, UN Resident Coordinator.",
    ],
)
def test_a_role_at_the_end_of_the_text_is_read_without_error(text: str) -> None:
    # an apposition with nothing after it: no next person to give it to
    assert [person.name for _, person in mentions(text, V)] == ["Karin Hulst"]


def test_an_apposition_before_the_next_name_is_that_persons_role() -> None:
    text = (
        "Fund Representative Karin Hulst, UN Resident Coordinator, Dr. Maxine Ellery and Anil Rao"
    )
    roles = {person.name: person.role for _, person in mentions(text, V)}
    assert roles["Karin Hulst"] == "Fund Representative"
    assert roles["Maxine Ellery"] == "UN Resident Coordinator"


@pytest.mark.parametrize(
    "text",
    [
        "Ines Valk, Director-General of the World Health Organization, said",
        "Ines Valk of the Regional Transport Authority said",
        "the chief of the Coastal Safety Authority said",
    ],
)
def test_a_bodys_name_in_a_role_is_no_person(text: str) -> None:
    # "World Health Organization" after "of the": "Health Organization" is no one
    names = [person.name for _, person in mentions(text, V)]
    assert not [name for name in names if name.endswith(("Organization", "Authority"))]


def test_a_field_after_an_office_is_no_person() -> None:
    text = (
        "Dr. Ines P. Marlow, Harbour College Provost and Vice President of Academic Affairs"
        " shared it."
    )
    assert [person.name for _, person in mentions(text, V)] == ["Ines P. Marlow"]


@pytest.mark.parametrize("lead", ["D’après", "D'après", "Selon"])
def test_a_source_lead_before_a_name_is_no_role(lead: str) -> None:
    # "D’après M. Morand, le quorum …": the words say whose account it is, not who he is
    text = f"{lead} M. Morand, après le départ du conseiller Pilon, le quorum manquait."
    assert [(p.name, p.role) for _, p in mentions(text, V)] == [("M. Morand", None)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Among them are Ellis and Owen Brackley of Dunmore.", ["Ellis Brackley", "Owen Brackley"]),
        ("volunteers Floreena Hart and Anne Colby are here", ["Floreena Hart", "Anne Colby"]),
    ],
)
def test_two_first_names_before_one_surname_are_two_people(text: str, names: list[str]) -> None:
    assert [p.name for _, p in mentions(text, V)] == names


def test_an_office_between_two_names_is_the_first_ones() -> None:
    text = (
        "menée par Nadia Keraudren, la présidente du Handball Carhaix 29, "
        "Loïc Tanguy, le vice-président"
    )
    assert [(p.name, p.role) for _, p in mentions(text, V) if p.name != "Handball Carhaix"] == [
        ("Nadia Keraudren", "présidente du Handball Carhaix 29"),
        ("Loïc Tanguy", "vice-président"),
    ]
