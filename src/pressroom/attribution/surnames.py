"""A sentence's subject written as a surname alone (``Matthews told councillors``,
``Mayor Brown said``, ``Regragui, qui a remplacé …, a souligné``), past an opening clause."""

from __future__ import annotations

import regex

from pressroom.attribution.names import CONJUNCTIONS, NOT_FIRST, SENTENCE_OPENERS
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

__all__ = [
    "CONJUNCTION_START",
    "INTRO",
    "SAID_AT_END",
    "SURNAME",
    "WHO",
    "is_surname",
    "surname_subject",
]

# An opening clause before a sentence's subject: "Speaking at the fair in Athy, Co Kildare,".
INTRO = lazy(r"^(?:[^,.;:]{1,100},\s*){1,3}")


CONJUNCTION_START = lazy(rf"^(?:{CONJUNCTIONS})\s+", regex.I)
"""A conjunction opening a sentence before its subject (``And Chatfield expects``)."""


def surname_subject(sentence: str, vocabulary: Vocabulary) -> str | None:
    """A sentence's subject written as a surname alone, past an opening clause (``Speaking
    at the fair in Athy, Co Kildare, Smith said``); failing that, past a shorter one
    (``Like other ex-Ferns coaching this week, Brown has a daughter in the team – in
    fact, she has two.``), or none before a participle (``Hoyle denied it, insisting``)."""
    sentence = CONJUNCTION_START.sub("", sentence)  # "And Chatfield expects …"
    intro = INTRO.match(sentence)
    body = sentence[intro.end() :] if intro else sentence
    found = (
        _office_surname(body, vocabulary)
        or _SURNAME_SUBJECT.match(body)
        or _SURNAME_WHO.match(sentence)
        or _SPEECH_OF.match(body)
    )
    if found is None or not is_surname(found["surname"], vocabulary):
        found = None
        if intro is not None:
            ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, intro.end())]
            shorter = (  # "Following Dean Roe, Chancellor Lee took to the stage, stating:"
                _SURNAME_SUBJECT.match(sentence[at:]) or _office_surname(sentence[at:], vocabulary)
                for at in reversed(ends[:-1])
            )
            found = next((f for f in shorter if f and is_surname(f["surname"], vocabulary)), None)
            # the surname opening the sentence, when a verb follows its first clause ("Hoyle
            # denied it, insisting") or the surname itself ("Pappin said Bury, who took
            # five, had …": who speaks)
            opening = (
                _SURNAME_SUBJECT.match(sentence) or _office_surname(sentence, vocabulary)
                if found is None
                else None
            )
            if opening and (
                vocabulary.verb_re.match(sentence[ends[0] :])
                or vocabulary.verb_re.match(sentence, opening.end() - 1)
            ):
                found = opening
    return found["surname"] if found and is_surname(found["surname"], vocabulary) else None


_CLAUSE_END = lazy(r",\s*")


# A surname written alone: "Matthews", "Grisé-Farand".
SURNAME = r"(?P<surname>(?:\p{Lu}['’]|Ma?c)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
# What follows a surname that is a sentence's subject: its verb, not "and", "of".
_THEN_VERB = r"\s+(?!(?:and|of|et|de)\b)\p{Ll}"
# "Matthews told councillors …".
_SURNAME_SUBJECT = lazy(r"^(?:(?:Mr|Mrs|Ms|Dr|M\.|Mme|Cr|Cllr|Clr)\.?\s+)?" + SURNAME + _THEN_VERB)
# "Mayor Brown said …", "Sheriff Meeks has …": an office written as a title before a surname.
_OFFICE_SURNAME = lazy(r"^(?P<office>\p{Lu}\p{Ll}+(?:[\s-]\p{Ll}+)?)\s+" + SURNAME + _THEN_VERB)


def _office_surname(body: str, vocabulary: Vocabulary) -> regex.Match[str] | None:
    """``Mayor Brown said``, ``Deputy president Rigathi stated``: an office (its last word
    one of the role words) written as a title before a surname."""
    found = _OFFICE_SURNAME.match(body)
    office = found["office"].lower().replace("-", " ").split()[-1] if found else ""
    return found if office in vocabulary.role_words else None


# A relative clause opening after a comma: ", qui a remplacé …", ", who chairs …".
WHO = r",\s*(?:qui|who)\s"
# "Regragui, qui a remplacé Mourad El Belkacemi, a souligné …": the surname is the subject.
_SURNAME_WHO = lazy("^" + SURNAME + WHO)
# "Gandhi's speech was followed by applause.": the sentence is about the one who spoke.
_SPEECH_OF = lazy(
    "^" + SURNAME + r"['’]s\s+(?:speech|remarks|comments|words|address|statement|message)\b"
)


# Reported words signed at the end by a surname and a verb: "…, Block added."
SAID_AT_END = lazy(
    r",[ \u00a0]+(?:(?:Mr|Mrs|Ms|Dr|Cllr|Cr)\.?[ \u00a0]+)?"
    + SURNAME
    + r"[ \u00a0]+(?P<verb>\p{Ll}+)"
    r"(?:[ \u00a0]+(?:the|reporters|us|The)(?:[ \u00a0]+\p{Lu}\p{L}+){0,2})?[.!]?\s*$"
)


def is_surname(word: str, vocabulary: Vocabulary) -> bool:
    """Not a word that opens a sentence (``The``, ``Speaking``, ``Though``, ``Cette``) nor
    an office or a title (``Minister``, ``Councillor``)."""
    lower = word.lower()
    return not (
        lower in NOT_FIRST
        or lower.endswith("ing")
        or lower in SENTENCE_OPENERS
        or lower in vocabulary.role_words
        or lower in vocabulary.title_words
    )
