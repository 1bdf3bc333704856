"""A text that is one person's statement, as its title says (``Statement from Mayor Jo
Lee``, ``Chief Harteau Statement Regarding …``, ``UNICEF Representative Ann Roe's remarks
at …``, ``Déclaration du ministre Paul Roy sur …``): the quotations nothing else
attributes are that person's words (cue ``statement``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from pressroom.attribution.people import People
from pressroom.attribution.resolve import Cue, resolve
from pressroom.attribution.speakers import Subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.model import Quote
from pressroom.text.patterns import lazy

__all__ = ["signed", "statement_author"]

_WORDS_EN = r"statement|remarks|message|speech|address|letter|op-ed"
_WORDS_FR = r"déclaration|message|discours|allocution|intervention|lettre|tribune|mot"
_END = r"(?=\s*(?:[:,;–—(|]|\s(?:on|regarding|about|at|to|for|sur|à|au|aux|concernant|lors)\b|$))"
# "Statement from Mayor Jo Lee on …", "Déclaration du ministre Paul Roy :"
_BEFORE = lazy(
    rf"^(?:joint\s+)?(?:{_WORDS_EN}|{_WORDS_FR})\s+(?:from|by|of|de|du|d['’])\s*"
    rf"(?P<who>[^:,;–—(|]{{3,80}}?){_END}",
    regex.I,
)
# "Chief Harteau Statement Regarding …", "… Ann Roe's remarks at a briefing"
_AFTER = lazy(rf"^(?P<who>[^:,;–—(|]{{3,80}}?)(?:['’]s)?\s+(?i:{_WORDS_EN})\b")


def statement_author(title: str, v: Vocabulary) -> Subject | None:
    """The person a title says the text is the statement of; None when it says of no one
    by name (``Council statement on …``, ``Statement from the Mayor``)."""
    found = _BEFORE.match(title) or _AFTER.match(title)
    if found is None:
        return None
    subject = parse_subject(found["who"], v)
    return subject if subject is not None and subject.kind in ("name", "surname") else None


def signed(quotes: Sequence[Quote], title: str, people: People, v: Vocabulary) -> list[Quote]:
    """``quotes``, those that name no speaker and raise no question given to the person
    whose statement the title says the text is (none changed when it says no one's)."""
    if all(q.speaker or q.check for q in quotes):
        return list(quotes)  # (most texts: the title is not read)
    author = statement_author(title, v)
    if author is None:
        return list(quotes)
    said = resolve(Cue(author, "statement"), people, v)
    if said.speaker is None:
        return list(quotes)
    return [
        q
        if q.speaker or q.check
        else replace(q, speaker=said.speaker, role=said.role, cue="statement")
        for q in quotes
    ]
