"""What a text shows of a person's gender: what it says (``la maire``, a pronoun), else
what the first name says."""

from __future__ import annotations

from dataclasses import replace

from pressroom.attribution.names import Gender, Person
from pressroom.attribution.persons import first_name_gender, first_name_leans, name_parts
from pressroom.attribution.speakers import DETERMINER


def gender_of(person: Person) -> Gender:
    """What the text shows of a person's gender, else what the first name says; an office
    (``The Minister``, ``Le maire``) has no first name ("The" and "Le" are names too)."""
    if person.gender or DETERMINER.match(person.name):
        return person.gender
    return first_name_gender(name_parts(person.name).first)


def agrees(person: Person, gender: Gender) -> bool:
    """Whether ``person`` can be of ``gender`` (None agrees with anything)."""
    found = gender_of(person)
    return gender is None or found is None or found == gender


def may_be(person: Person, gender: Gender) -> bool:
    """Whether ``person`` can be of ``gender`` when only the first name leans the other
    way (``He`` after "Senior Sergeant Cam MacKinnon"): the text has not said otherwise."""
    if agrees(person, gender):
        return True
    return not person.gender and first_name_leans(name_parts(person.name).first)


def with_gender(person: Person, gender: Gender) -> Person:
    """``person`` with the gender the text has just shown, unless already known."""
    return replace(person, gender=gender) if gender and not person.gender else person


def office_gender(office: str) -> Gender:
    """The gender an office subject's article or form shows (``la``, ``préfète``)."""
    lower = office.lower()
    if lower.startswith("la ") or lower.split()[-1:] in (["préfète"], ["présidente"]):
        return "f"
    if lower.startswith("le "):
        return "m"
    return None
