"""A text that is one person's statement, as its title says (``Statement from Mayor Jo
Lee``, ``Chief Harteau Statement Regarding …``, ``UNICEF Representative Ann Roe's remarks
at …``, ``Déclaration du ministre Paul Roy sur …``): the quotations nothing else
attributes are that person's words (cue ``statement``). Also the signature block at the
head of a statement: an office on one line, its holder's name on the next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import Person
from pressroom.attribution.people import People
from pressroom.attribution.quotemarks import has_mark
from pressroom.attribution.resolve import Cue, resolve
from pressroom.attribution.speakers import Subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.model import Quote
from pressroom.text.patterns import lazy

__all__ = ["STATEMENT_FROM", "signatures", "signed", "statement_author"]

STATEMENT_FROM = lazy(
    r"^(?:(?:the|an?|official|full)[ \u00a0]+){0,2}"
    r"(?:statement|message|remarks|quote|comment|interview|reaction|speech|address)"
    r"(?:e?s)?[ \u00a0]+"
    r"(?:from|by|with)[ \u00a0]+|"
    r"^(?:(?:the|following)[ \u00a0]+){0,2}(?:(?:statements?|quotes?|remarks|comments?)[ \u00a0]+)?"
    r"(?:(?:is|are|may[ \u00a0]+be|can[ \u00a0]+be)[ \u00a0]+)?attributable[ \u00a0]+to[ \u00a0]+|"
    r"^(?:(?:les|la|le|l['’])[ \u00a0]*)?(?:déclaration|message|mot|réaction|communiqué|"
    r"propos|parole|réponse|entretien|interview|discours|allocution)s?[ \u00a0]+"
    r"(?:de|du|d['’]|avec)[ \u00a0]*",
    regex.I,
)
"""A label before the speaker it introduces: ``Statement from the Chief``, ``The
following statement is attributable to X:``, ``Les déclarations de l'entraîneur X :``,
``Entretien avec X :``."""

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
    if subject is None or subject.kind not in ("name", "surname"):
        return None
    if subject.role and not any(v.is_role(w) for w in subject.role.split()):
        return replace(subject, role=None)  # "Cops to record Ann Roe's statement": no office
    return subject


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


def signatures(texts: Sequence[str], v: Vocabulary) -> list[Person]:
    """The people a signature block at the head of the text names, each with the office
    on the line above their name (``Premier and Minister for Trade`` ⏎ ``The Honourable
    Ann Roe``): known before any quotation, as holders of those offices."""
    found: list[Person] = []
    for at in range(1, min(len(texts), _HEAD_LINES)):
        above, line = texts[at - 1].strip(), texts[at].strip()
        if not above or len(above.split()) > _OFFICE_WORDS or above[-1] in ".:;!?":
            continue
        if has_mark(above) or has_mark(line) or len(line) > _NAME_LINE:
            continue
        named = mentions(f"{above}, {line}", v)
        if len(named) == 1 and named[0][1].role and line.endswith(named[0][1].name):
            found.append(named[0][1])
    return found


_HEAD_LINES = 16
_OFFICE_WORDS = 14
_NAME_LINE = 60  # "The Right Honourable Ann Roe MP"
