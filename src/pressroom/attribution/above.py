"""The paragraph above a quotation, when the quotation's own paragraph holds no cue: an
attribution ending in a colon (``Jane Doe, the mayor, said:``, its colon lost in ``Kojo
Mensah Said``), a speaker line (``Ann Roe - Commissioner``), whom the writer talked with
(``en a discuté avec X``), or reported speech whose speaker goes on in the quotation
(``Kaba said she had big plans. ⏎ “…”``)."""

from __future__ import annotations

import regex

from pressroom.attribution.before import (
    SENTENCE_BREAK,
    before_cue,
    sentence_before,
    speaking,
)
from pressroom.attribution.headlines import headline_word_at
from pressroom.attribution.inversion import AS_SAID, as_said, pronoun_subject
from pressroom.attribution.mentions import mentions
from pressroom.attribution.persons import person_like
from pressroom.attribution.quotemarks import SPACES, Chunk, Span
from pressroom.attribution.resolve import Cue
from pressroom.attribution.rolename import split_role_name
from pressroom.attribution.speakers import cut_subject, parse_subject
from pressroom.attribution.statements import STATEMENT_FROM
from pressroom.attribution.subjects import SUBJECT_PRONOUN
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

__all__ = ["above", "said_above"]

_SPEAKER_LINE_MAX = 16
_COLON_DASH = lazy(r":[-–—]$")


# A paragraph that ends on a participle of speech and a comma, for the colon.
_SAYING_END = lazy(
    r"\b(?:saying|adding|stating|declaring|ajoutant|déclarant|précisant|expliquant),$",
    regex.I,
)
# A paragraph that ends on a speech verb and whom it was said to, its colon lost.
_SAID_TO_END = lazy(r"\b(?:told|tells|said to|explained to)\s+(?:us|me|them|reporters)$", regex.I)


def _interviewed(text: str, v: Vocabulary) -> Cue | None:
    """A paragraph that ends on whom the writer talked with (``Le Coopoint en a discuté
    avec le directeur du développement, monsieur Neil McNeil.``, ``Interview avec Maggy
    Nagel, ministre du Logement``): the quotation below is theirs."""
    found = _INTERVIEWED.search(text)
    if found is None:
        return None
    who = found["who"].strip(SPACES)
    subject = parse_subject(who, v)
    if subject is None or subject.kind != "name":
        subject = parse_subject(who.rsplit(",", 1)[-1].strip(SPACES), v)  # "…, monsieur X"
    return Cue(subject, "named-before") if subject and subject.kind == "name" else None


_INTERVIEWED = lazy(
    r"\b(?:discuté|parlé|échangé|entretenu|entretien|interview|rencontré|spoke|talked|"
    r"chatted|sat down|caught up)[ \u00a0]+(?:avec|with)[ \u00a0]+"
    r"(?P<who>[^.!?;:«»“”\"]{3,120}?)[ \u00a0]*[.!]?$",
    regex.I,
)


def _said_at_end(text: str, v: Vocabulary) -> bool:
    """A paragraph that ends on its speech verb, the colon lost: ``Amanda told us``,
    ``Addressing the news conference, Finance Minister Kojo Mensah Said``."""
    if _SAID_TO_END.search(text):
        return True
    words = text.rsplit(None, 1)
    if not words:
        return False
    last = words[-1].lower().rstrip(";")  # "Beau says;": a semicolon for the colon
    verb = v.verb_re.fullmatch(last)
    return verb is not None and not verb["inv"] and not last.endswith(("ing", "ant"))


def above(previous: Chunk, v: Vocabulary) -> Cue | None:
    """The paragraph above a quote: an attribution ending in ``:``, or a speaker line."""
    text = _COLON_DASH.sub(":", previous.text.rstrip(SPACES))  # "Emma Dunphy, said:-"
    terms = bool(previous.spans) and all(_term(previous.text, span) for span in previous.spans)
    if previous.spans and previous.spans[-1].end >= len(text) - 1 and not terms:
        return None
    if _SAYING_END.search(text):  # "… warmly welcomed the news saying," over the quotation
        text = text[:-1] + ":"
    if text.endswith(":") or (not previous.spans and _said_at_end(text, v)):
        # "Amanda told us", "Kojo Mensah Said" with its colon lost, over the quotation
        if not text.endswith(":"):
            head, _, last = text.rpartition(" ")
            text = f"{head} {last.lower().rstrip(';')}:"
        cue = before_cue(text, v)
        if cue is not None and cue.cue == "before-colon" and cue.subject.kind == "pronoun":
            return None  # "She offered them this advice:" with no speech verb: too far to say
        if cue is not None:
            return Cue(cue.subject, "before-colon" if cue.cue == "before-verb" else cue.cue)
        return None
    if not previous.spans:
        interviewed = _interviewed(text, v)
        if interviewed is not None:
            return interviewed
    if text[-1:] in ".!" and (not previous.spans or terms):  # "Kaba said she had big plans."
        return said_above(text, v)
    if text[-1:] in '.!?…"”»' or len(text.split()) > _SPEAKER_LINE_MAX or previous.spans:
        return None
    statement = STATEMENT_FROM.match(text)  # "Statement from the Chief"
    if statement is not None:
        subject = parse_subject(_SPEAKER_LINE_SPLIT.sub(",", text[statement.end() :], count=1), v)
        kinds = ("name", "surname")
        return Cue(subject, "speaker-line") if subject and subject.kind in kinds else None
    head, _, role = _SPEAKER_LINE_SPLIT.sub(",", text, count=1).partition(",")
    head = _NUMBERING.sub("", head)
    name, prefix = split_role_name(head, v)
    if name is None or (prefix and len(prefix.split()) > 3):
        return None
    if prefix and prefix.split()[-1].lower() in v.function_words:
        return None  # "MEng Civil and Coastal Engineering": a name cut out of a phrase
    if headline_word_at(name.split(), v):
        return None  # "Food During Ceasefire In Gaza": a headline in title case, no name
    subject = parse_subject(f"{name}, {role}" if role else name, v)
    if subject is None or subject.kind != "name":
        return None
    if not (subject.role or prefix or person_like(subject.text)):
        return None  # "Exercise Pantograph" over a quotation: a heading, no one's name
    return Cue(subject, "speaker-line")


_ACCORDING_OPENING = lazy(
    r"^(?:According to|Selon|D['’]après)[ \u00a0]+(?P<who>[^,]{2,60}),", regex.I
)


def said_above(text: str, v: Vocabulary) -> Cue | None:
    """A paragraph above that reports what someone said, then goes on about it without
    naming anyone else (``Mchunu said the city was losing water. This includes … ⏎
    “…”``): that person, when a speech verb has them for subject."""
    sentences = [s for s in SENTENCE_BREAK.split(collapse(text) + " ") if s.strip()]
    window = sentences[-_SAID_ABOVE_SENTENCES:]
    said = next((i for i in range(len(window) - 1, -1, -1) if v.verb_re.search(window[i])), None)
    source = _ACCORDING_OPENING.match(window[-1].strip(SPACES)) if window else None
    if said is None and source is not None:  # "According to MacDonald, who …, the cub was …"
        subject = parse_subject(source["who"], v)
        return Cue(subject, "named-before") if subject and subject.kind != "descriptor" else None
    if said is None or any(mentions(s, v) for s in window[said + 1 :]):
        return None  # no one said anything, or someone else is named after it
    if _PASSIVE_OPENING.match(window[said].strip(SPACES)):
        return None  # "Asked by the chair, Cllr Ann Roe, whether …, he declined": she asked
    # "But he admitted, …", "Referencing the break-in, he added that …"
    pronoun = SUBJECT_PRONOUN.match(_PARTICIPLE_OPENING.sub("", window[said].strip(SPACES)))
    if pronoun is not None:
        return Cue(pronoun_subject("-" + pronoun["pronoun"].lower()), "named-before")
    found = _as_said_by(window[said], v) or speaking(window[said], "named-before", v)
    joined = _JOINED_CLAUSE.search(window[said]) if found is None else None
    if joined is not None:  # "The team have had offers, but Coleman thinks that …"
        found = speaking(window[said][joined.end() :], "named-before", v)
    if found is None:  # "The Commissioner said that …": the office, resolved to its holder
        office = sentence_before(window[said].strip(SPACES), v)
        if office is not None and office.subject.kind == "descriptor":
            return Cue(office.subject, "named-before")
    return found


def _term(text: str, span: Span) -> bool:
    """A few words quoted inside a sentence of reported speech (``told ProPrint that it was
    a "mixed outcome but a fair one".``), not a quotation of its own."""
    head = text[: span.start].rstrip(SPACES)
    return len(span.inner.split()) <= _TERM_MAX and head[-1:].isalpha() and head[-1:].islower()


_TERM_MAX = 8
# The last clause of a sentence joined to it by a conjunction, where a new subject starts.
_JOINED_CLAUSE = lazy(r".*[,;][ \u00a0]+(?:but|and|yet|mais|et|or)[ \u00a0]+(?=\p{Lu})")
_SAID_ABOVE_SENTENCES = 3
_PARTICIPLE_OPENING = lazy(r"^\p{Lu}\p{Ll}+(?:ing|ant)\b[^,;:.!?]{0,100},[ \u00a0]+")
_PASSIVE_OPENING = lazy(r"^\p{Lu}\p{Ll}+(?:ed|é|ée|és|ées)[ \u00a0]+(?:by|par)[ \u00a0]")
_AS_CLAUSE = lazy(
    r",[ \u00a0]+(?:as|comme)[ \u00a0]+(?P<clause>[^,;:]{4,120}?)[ \u00a0.!]*$", regex.I
)


def _as_said_by(sentence: str, v: Vocabulary) -> Cue | None:
    """A sentence that ends on who says it: ``…, as Mr King explained.``, ``…, comme l'a
    expliqué Ann Roe.``; a name only."""
    found = _AS_CLAUSE.search(sentence.rstrip(SPACES))
    if found is None:
        return None
    clause = AS_SAID.sub(as_said, "comme " + found["clause"]).removeprefix("comme ")
    verb = v.verb_re.search(clause)
    if verb is None:
        return None
    if verb.start() == 0:  # "a expliqué Ann Roe"
        subject = parse_subject(cut_subject(clause[verb.end() :].lstrip(SPACES)), v)
    elif clause[verb.end() :].strip(SPACES + ".!"):
        return None
    else:  # "as Mr King explained"
        subject = parse_subject(clause[: verb.start()], v, before_verb=True)
    if subject is None or subject.kind not in ("name", "surname"):
        return None
    return Cue(subject, "named-before")


_SPEAKER_LINE_SPLIT = lazy(r"[ \u00a0]+[-–—][ \u00a0]+")  # "Allen Whyte - Commissioner of Police"
_NUMBERING = lazy(r"^(?:\d+\.\s*)?(?:[A-Z]+\s*(?:\([^)]*\))?\s+)?")
