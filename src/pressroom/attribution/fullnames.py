"""A speaker written as a title and a surname (``Mr. Rugimbana told …``), where the text
names that person in full elsewhere (``Jordan Rugimbana``): the full name, once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pressroom.attribution.bodies import QUOTED
from pressroom.attribution.genders import gender_of
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import Person, surname, title_gender, words_of
from pressroom.attribution.roles import stated_role
from pressroom.attribution.speakers import is_title_surname
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.model import Quote

__all__ = ["with_full_names"]


def with_full_names(quotes: list[Quote], texts: Sequence[str], v: Vocabulary) -> list[Quote]:
    """Each speaker written as a title and a surname, given the full name of the one person
    the text names in full with that surname, when the title's gender allows it (not
    ``M. Péladeau`` for Pierre and Karl Péladeau both named, nor ``M. Roy`` for Anne Roy);
    with that person's role where the quotation has none."""
    titled = {q.speaker for q in quotes if q.speaker and is_title_surname(q.speaker, v)}
    if not titled:
        return quotes  # the common case: nothing to look for (speed)
    wanted = {surname(name).lower() for name in titled}
    named: dict[str, dict[str, Person]] = {}
    for text in texts:
        for _, person in mentions(QUOTED.sub(" ", text), v):  # not one a speaker names
            key = surname(person.name).lower()
            if (
                key in wanted
                and len(words_of(person.name)) >= 2
                and not is_title_surname(person.name, v)
            ):
                named.setdefault(key, {})[person.name] = person
    full: dict[str, Person] = {}
    for name in titled:
        found = list(named.get(surname(name).lower(), {}).values())
        gender = title_gender(name, v)
        if len(found) == 1 and (gender is None or gender_of(found[0]) in (None, gender)):
            full[name] = found[0]
    return [
        replace(
            q, speaker=full[q.speaker].name, role=q.role or stated_role(full[q.speaker].role, v)
        )
        if q.speaker in full
        else q
        for q in quotes
    ]
