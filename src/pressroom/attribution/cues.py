"""The cue around a quotation: the words that say who spoke, in the order they are tried
(the ``cue`` of the ``Quote`` says which one was found; the words after it are read by
``after``, those before by ``before``, the paragraphs above and below by ``above`` and
``below``):

- ``after-verb``: ``», a déclaré X``, ``," Roe said``, ``"…," chortled Tom Lee``;
- ``after-name``: ``», X, rôle`` (a signature after the quotation);
- ``inside``: ``« …, précise X. … »``;
- ``before-verb``: ``X, role, said: "…"``, ``X a assuré qu'« … »``;
- ``before-colon``: ``X : « … »``, and a paragraph above ending in ``:``;
- ``lead-in``: ``Pour X, « … »``, ``selon lui``;
- ``speaker-line``: ``X, rôle`` alone on the line above;
- ``named-before`` / ``named-after``: the person the sentence just before or after is about.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from pressroom.attribution.above import above, said_above
from pressroom.attribution.after import after_quote, names_the_words
from pressroom.attribution.before import (
    LIVE_STAMP,
    REPORTED_WORDS,
    SENTENCE_BREAK,
    before_cue,
    speaking,
    subject_speaks,
)
from pressroom.attribution.below import doubted, name_line_below
from pressroom.attribution.genders import agrees
from pressroom.attribution.inversion import (
    inside_cue,
    pronoun_subject,
)
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import pronoun_gender
from pressroom.attribution.nearby import named_after
from pressroom.attribution.quotemarks import SPACES, Chunk, Span
from pressroom.attribution.resolve import Cue
from pressroom.attribution.speakers import Subject, cut_subject, parse_subject
from pressroom.attribution.subjects import SUBJECT_PRONOUN, office_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

__all__ = ["find_cue"]


def find_cue(
    span: Span,
    inner: str,
    before: str,
    after: str,
    around: tuple[Chunk | None, Chunk | None, Chunk | None],
    v: Vocabulary,
) -> Cue | None:
    """The cue of the quotation ``span`` (words ``inner``) with ``before`` and ``after`` it
    in its paragraph, and the paragraphs ``around`` it (two above, above, below)."""
    _, previous, below = around
    if _TERM_INTRO.search(before):
        return None  # 'what has been described as a "bloody start to the year", X said'
    said = collapse(span.inner.strip(SPACES))
    found = after_quote(said, after, v)  # '"…," Roe said'
    if found is not None and found.subject.kind == "pronoun":
        # 'Ann Roe "will lead …", he said': not her
        about = _named_subject_of(before, found.subject.text, v)
        if about is not None:
            doubt = f"“{found.subject.text}”: the words are about {about}; who says them?"
            found = replace(found, doubt=doubt)
    ended = inner.rstrip(SPACES)[-1:] in ".!?…"
    first = None  # the cue before, when read already
    if found is not None and ended and _leads_on(after):
        # "… donnée par X : « … . » Ambitieux, le représentant … exprime ses projets : « … »"
        first = before_cue(before, v)
        found = None if first is not None and first.subject.kind == "name" else found
    incise = "," in inner or "…" in inner
    described = found is not None and found.subject.kind == "descriptor"
    inside = inside_cue(inner, v) if incise and (found is None or described) else None
    if described and _named(inside):
        # "« …, explique le Dr Ann Roe. … », a indiqué le communiqué": the person named
        # inside said it; the document after it only carried it
        return inside
    if found is not None and not (ended and described):
        return found
    if inside is not None and (
        inside.subject.kind == "name" or (found is not None and inside.subject.kind == "surname")
    ):
        # "« …, se défend X, … »" beats the last quotation's attribution, and a new
        # sentence after a finished quotation ("» Les bâtiments répondent …")
        return inside
    if found is not None:
        return found
    ahead = first or before_cue(before, v)
    if ahead is not None and ahead.cue == "reported" and len(inner.split()) < REPORTED_WORDS:
        ahead = None  # 'said it was "taking action"': a term, not a quotation
    if ahead is not None and ahead.cue == "before-colon" and _lone_word(ahead.subject):
        # "Gabon : « … »": a headline's place or topic; "00h54 - Parisse : « … »" a speaker
        ahead = ahead if LIVE_STAMP.match(before.lstrip(SPACES)) else None
    opens = not before.strip(SPACES)  # the quotation opens its paragraph
    over = None
    if previous is not None and _SIGNATURE.match(previous.text):
        pass  # the paragraph above signs the quotation above it
    elif previous is not None and opens:
        over = above(previous, v)
    elif previous is not None and not previous.spans and _quiet(before, v):
        over = said_above(previous.text.rstrip(SPACES), v)  # "… were significant.“…”"
    closed = not after.strip(SPACES + ".!…")  # nothing after the quotation but its stop
    alone = closed and opens
    signed = _signed_below(said, below, v) if below is not None and closed else None
    chosen = (
        ahead
        or signed
        or (_unread_after(after, v) if found is None else None)
        or over
        or inside
        or (_after_cue(after, v) if opens else None)
        or (name_line_below(below, v) if alone and below is not None else None)
        or (_first_person(inner, before, previous, v) if _FIRST_PERSON.match(inner) else None)
        or (subject_speaks(before, v) if len(inner.split()) >= REPORTED_WORDS else None)
    )
    return doubted(chosen, around, alone, v) if chosen is not None else None


def _leads_on(after: str) -> bool:
    """One new sentence after a finished quotation, ending on a colon, introduces the next
    quotation: who it names speaks there, not necessarily here."""
    rest = after.strip(SPACES + '»”"')
    return rest[:1].isupper() and rest[-1:] == ":" and len(SENTENCE_BREAK.split(rest)) == 1


def _first_person(inner: str, before: str, previous: Chunk | None, v: Vocabulary) -> Cue | None:
    """``Elle n'est pas du genre à se taire. « J'ai eu un arrêt maladie … »``: words in
    the first person right after a sentence about one person are that person's."""
    text = before if before.strip(SPACES) else (previous.text if previous else "")
    if previous is not None and text is previous.text and previous.spans:
        return None
    sentences = [s for s in SENTENCE_BREAK.split(collapse(text) + " ") if s.strip()]
    if not sentences or sentences[-1].rstrip(SPACES)[-1:] not in ".!":
        return None
    sentence = sentences[-1].strip(SPACES)
    if len(sentences) > 1 and _about_no_one(sentence, v):
        sentence = sentences[-2].strip(SPACES)  # "Elle … . Alors ça devenait tendu. « J'ai …"
    pronoun = SUBJECT_PRONOUN.match(sentence)
    if pronoun is not None:
        return Cue(pronoun_subject("-" + pronoun["pronoun"].lower()), "named-before")
    found = speaking(sentence, "named-before", v)
    office = office_subject(sentence, v) if found is None and v.verb_re.search(sentence) else None
    # "Le président de la Région a rappelé sa volonté de … . « Nous allons … »": its holder
    return Cue(Subject("descriptor", str(office)), "named-before") if office else found


def _named_subject_of(before: str, pronoun: str, v: Vocabulary) -> str | None:
    """The person named alone right before a quotation that is the rest of their sentence
    (``Alioune Ndiaye « va prendre … », a-t-il dit``), when the pronoun after it could
    stand for them: the words are about them, so the pronoun is someone else."""
    clause = SENTENCE_BREAK.split(collapse(before))[-1].strip(SPACES + ",")
    named = [p for _, p in mentions(clause, v)] if clause[:1].isupper() else []
    if len(named) != 1 or not clause.endswith(named[0].name):
        return None
    return named[0].name if agrees(named[0], pronoun_gender(pronoun)) else None


def _about_no_one(sentence: str, v: Vocabulary) -> bool:
    """A sentence that names no one and opens on no pronoun of a person."""
    return SUBJECT_PRONOUN.match(sentence) is None and not mentions(sentence, v)


def _signed_below(inner: str, below: Chunk, v: Vocabulary) -> Cue | None:
    """A paragraph of quotation signed on the line below: ``—Ann Roe, professor of
    psychology, told the Journal.``, ``C'est ce qu'a déclaré X à Conakry.``"""
    if names_the_words(below.text):
        return after_quote(inner, below.text, v)
    signature = _SIGNATURE.match(below.text)
    if signature is None:
        return None
    text = below.text[signature.end() :]
    verb = v.verb_re.search(text)
    subject = parse_subject(cut_subject(text[: verb.start()] if verb else text), v)
    return Cue(subject, "after-name") if subject and subject.kind == "name" else None


def _unread_after(after: str, v: Vocabulary) -> Cue | None:
    """``», a déclaré le président de la communauté des Îles``: a speech verb right after the
    quotation whose speaker the rules cannot read; no one, rather than a weaker cue's guess
    (the person above)."""
    rest = after.lstrip(SPACES + ",")
    verb = v.verb_re.match(rest)
    if verb is None or verb["inv"]:
        return None
    who = cut_subject(rest[verb.end() :])
    if not who or len(who.split()) > _UNREAD_WORDS:
        return None
    return Cue(Subject("descriptor", who), "after-verb", f"“{who}”: who is it?")


_UNREAD_WORDS = 12


def _named(cue: Cue | None) -> bool:
    return cue is not None and cue.subject.kind == "name"


def _lone_word(subject: Subject) -> bool:
    return subject.kind == "surname" and " " not in subject.text and not subject.role


def _after_cue(after: str, v: Vocabulary) -> Cue | None:
    named = named_after(after, v)
    return Cue(named, "named-after") if named is not None else None


def _quiet(before: str, v: Vocabulary) -> bool:
    """Words before a quotation that end a sentence and say nothing of who speaks."""
    return before.rstrip(SPACES)[-1:] in ".!" and not (
        v.verb_re.search(before) or mentions(before, v)
    )


# Words that bring in a quotation as a name for something, not as anyone's words.
_TERM_INTRO = lazy(
    r"\b(?:described|dubbed|termed|labell?ed|branded|qualifiée?s?|décrite?s?|surnommée?s?|"
    r"baptisée?s?)[ \u00a0]+(?:as[ \u00a0]+|comme[ \u00a0]+|de[ \u00a0]+|d['’])?"
    r"(?:(?:an?|the|une?|le|la|les|l['’])[ \u00a0]*)?$",
    regex.I,
)
_SIGNATURE = lazy(r"^[ \u00a0]*[–—-][ \u00a0]?(?=\p{Lu})")
# A quotation in the first person, within its first sixty words.
_FIRST_PERSON = lazy(
    r"^(?:\S+[ \u00a0]+){0,60}?"
    r"(?:(?i:je|j['’]|moi|nous|ma|mon|mes|notre|nos|we)|I|I['’]m|my|me|our|us|"
    # the French "on" of "we", before its verb: "Ces dernières années, on avait pris …"
    r"(?i:on)[ \u00a0]+(?:a|avait|est|était|va|doit|peut|fait|ne|n['’]|y|s['’]|l['’]|sait))\b"
)
