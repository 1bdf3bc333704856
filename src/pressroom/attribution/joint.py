"""Two people who speak together (``Le maire Paul Roy et la présidente Ann Lee ont
déclaré``), or a verb in the plural (``… say``): the quotation is no one's alone."""

from __future__ import annotations

from itertools import pairwise

import regex

from pressroom.attribution.mentions import mentions
from pressroom.attribution.persons import person_like
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

__all__ = ["joint", "plural_verb"]

# "et"/"and" between two people, not inside an office ("de la Jeunesse et des Sports").
_AND = lazy(r"[ \u00a0,](?:et|and)[ \u00a0](?!(?:de|du|des|d['’]|of|for)\b)", regex.I)


def joint(subject_text: str, v: Vocabulary) -> bool:
    """Whether the words before a verb name two people joined by ``et``/``and``: they
    speak together, and the quotation is no one's alone."""
    if not _AND.search(subject_text):
        return False
    named = [(at, p) for at, p in mentions(subject_text, v) if p.role or person_like(p.name)]
    return len({person.name for _, person in named}) >= 2 and any(
        _AND.search(subject_text[a:b]) for (a, _), (b, _) in pairwise(named)
    )


def plural_verb(body: str, verb: regex.Match[str], v: Vocabulary) -> bool:
    """Whether an English speech verb has the form a plural subject takes: ``Kerala, Tamil
    Nadu … say, “…”`` is several speakers (not ``says``, nor ``to say``)."""
    return verb.group().lower() in v.plural_verbs and not _BASE.search(body, 0, verb.start())


_BASE = lazy(r"\b(?:to|will|would|do|does|did|can|could|may|might|shall|should|must|not)\s+$")
