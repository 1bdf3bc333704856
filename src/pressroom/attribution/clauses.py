"""The clauses that open a sentence before its subject: ``Speaking at the launch, Roe
told``, ``Recevant la cheffe du gouvernement, Ann Roe, Saïed a appelé``, ``When asked about
it Roe said``. What is left is the subject's phrase."""

from __future__ import annotations

import regex

from pressroom.attribution.mentions import mentions
from pressroom.attribution.persons import person_like
from pressroom.attribution.speakers import parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

__all__ = ["main_clause", "past_clauses", "past_opening"]

_OPENING_CLAUSE = lazy(
    r"^[ \u00a0]*(?:\p{L}+ing|at|in|on|during|after|before|following|lors|dans|à|en|après|"
    r"a(?=[ \u00a0]+(?:cette|ce|cet|la|le|les|l['’]|propos|travers|partir)\b)|"  # "A cette"
    r"avant|pendant|durant|face|devant|interrogée?|interviewed|asked)\b"
    # two words of how someone is: "Ambitieux et déterminé, le représentant …"
    r"|^[ \u00a0]*(?-i:\p{Lu}\p{Ll}+[ \u00a0]+(?:et|and)[ \u00a0]+\p{Ll}+)[ \u00a0]*(?=,)",
    regex.I,
)
_PARTICIPLE_OPENING = lazy(r"^[ \u00a0]*\p{Lu}\p{Ll}+(?:ant|ing)\b")
# A clause before the subject, without its comma: "When asked about the half Coyle stated".
_CLAUSE_START = lazy(
    r"^(?:when|while|after|asked|lorsque|quand|interrogée?|in\s+addition\s+to|besides|"
    r"en\s+plus\s+d|outre)\b",
    regex.I,
)
_JOINED_CLAUSE = lazy(
    r"(?<=\p{Ll}[ \u00a0]+)(?:and|et)[ \u00a0]+"
    r"(?P<name>(?:\p{Lu}[\p{L}'’.\-]+[ \u00a0]+){0,2}\p{Lu}[\p{L}'’\-]+)[ \u00a0]*$"
)
_TRAILING_NAME = lazy(
    r"(?<=\p{Ll}[ \u00a0]+)(?:\p{Lu}[\p{L}'’\-]+[ \u00a0]+){0,2}\p{Lu}[\p{L}'’\-]+$"
)


def past_opening(text: str) -> str:
    """``text`` past its opening clauses and their commas (``Speaking at the launch,``)."""
    while _OPENING_CLAUSE.match(text) and "," in text:
        text = text.split(",", 1)[1]
    return text


def past_clauses(subject: str, head: str, v: Vocabulary) -> str:
    """The subject's phrase of ``subject`` (the words before a verb, from the last break),
    ``head`` being the whole sentence up to the verb."""
    if _PARTICIPLE_OPENING.match(subject) and subject.count(",") >= 2:
        # "Recevant X, Ann Roe, Saïed a dit": the participle's object may be a name with
        # its apposition; a name alone right before the verb is the subject
        last = subject.rsplit(",", 1)[1]
        alone = parse_subject(last, v, before_verb=True)
        if alone and not alone.role and (alone.kind == "surname" or person_like(alone.text)):
            subject = last
    subject = past_opening(subject)
    if "," not in head and _CLAUSE_START.match(head):
        after_clause = _TRAILING_NAME.search(head)  # "When asked about it Roe said"
        subject = after_clause.group() if after_clause else subject
    joined = _JOINED_CLAUSE.search(subject) if "," not in subject else None
    if joined is not None:
        # "Plans were already in progress and Canart said": "and" joins two clauses, the
        # first about no one
        first = subject[: joined.start()]
        if len(first.split()) >= _CLAUSE_WORDS and not mentions(first, v):
            subject = joined["name"]
    return subject


def main_clause(text: str, start: int, end: int) -> int:
    """Where a sentence's main clause starts: after a subordinate clause that opens it
    (``Même si X a indiqué que …, le conseiller …``, ``Although X said …, the councillor``),
    at the first comma followed by a subject, four words in at least; else ``start``."""
    if _SUBORDINATE.match(text, start, end) is None:
        return start
    for comma in _CLAUSE_COMMA.finditer(text, start, end):
        if len(text[start : comma.start()].split()) >= _CLAUSE_WORDS:
            return int(comma.end())
    return start


_SUBORDINATE = lazy(
    r"(?:même\s+si|bien\s+que|alors\s+que|quoique|tandis\s+que|although|though|even\s+though|"
    r"even\s+if|while|whereas)\s",
    regex.I,
)
_CLAUSE_COMMA = lazy(r",\s+(?=(?:le|la|les|l['’]|the|il|elle|ils|elles|he|she|they)\b|\p{Lu})")
_CLAUSE_WORDS = 4
