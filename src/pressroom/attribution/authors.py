"""Who wrote the document a quotation is read from, when the text said so before.

``In a statement, Gohmert said … . "…," the statement said.``, ``In a statement the
club said … . The statement said the post "…"``, ``« … », annonce un communiqué du
gouvernement. « … », poursuit le communiqué.``: "the statement" is the one the text
gave an author, the last one before the quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from pressroom.attribution.bodies import OWNER_OF, document_owner
from pressroom.attribution.speakers import Subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

__all__ = ["document_author"]

# "In a statement, X said", "Dans un communiqué publié lundi, la mairie indique"
_IN_A = lazy(
    r"\b(?:in|dans)[ \u00a0]+(?:a|an|its|their|his|her|un|une|son|sa|leur)[ \u00a0]+"
    r"(?:(?:joint|brief|short|written|bref|court)[ \u00a0]+)?(?P<document>\p{L}+)"
    r"(?:[ \u00a0]+(?:released|issued|published|posted|publié|diffusé|paru)[^,.;:]{0,40})?"
    r"[ \u00a0]*,?[ \u00a0]*",
    regex.I,
)
# "un communiqué du gouvernement", "a statement from the club"
_OF_OWNER = lazy(
    rf"\b(?P<document>\p{{L}}+)[ \u00a0]+{OWNER_OF}[ \u00a0]*\p{{L}}[^,;:.«»“”\"]{{1,60}}", regex.I
)
_SUBJECT_WORDS = 60  # how far after "In a statement," its subject's verb may come


def document_author(texts: Sequence[str], upto: int, v: Vocabulary) -> Subject | None:
    """The author of the last document the paragraphs up to ``upto`` name one for (its
    subject, to resolve like a cue's); None when they name none."""
    for text in reversed(texts[: upto + 1]):
        found: list[tuple[int, Subject]] = []
        for lead in _IN_A.finditer(text):
            if lead["document"].lower() not in v.document_words:
                continue
            rest = text[lead.end() : lead.end() + _SUBJECT_WORDS + 40]
            said = v.verb_re.search(rest)
            if said is None or said.start() > _SUBJECT_WORDS or said["inv"]:
                continue
            subject = parse_subject(rest[: said.start()], v, before_verb=True)
            if subject is not None and subject.kind in ("name", "surname", "descriptor"):
                found.append((lead.start(), subject))
        for owned in _OF_OWNER.finditer(text):
            said = v.verb_re.search(owned.group())  # "from the club said": to its verb
            owner = document_owner(owned.group()[: said.start() if said else None].strip(), v)
            if owner is not None:
                found.append((owned.start(), Subject("descriptor", owner)))
        if found:
            return max(found, key=lambda f: f[0])[1]
    return None
