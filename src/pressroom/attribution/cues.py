"""The cue around a quotation: the words that say who spoke, in the order they are tried
(the ``cue`` of the ``Quote`` says which one was found):

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

import regex

from pressroom.attribution.before import (
    ACCORDING_TO_HIM,
    LIVE_STAMP,
    REPORTED_WORDS,
    SENTENCE_BREAK,
    before_cue,
    speaking,
    subject_speaks,
)
from pressroom.attribution.inversion import (
    before_circumstance,
    inside_cue,
    inverted_subject,
    pronoun_subject,
)
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import NOT_FIRST
from pressroom.attribution.nearby import named_after
from pressroom.attribution.persons import person_like
from pressroom.attribution.quotemarks import SPACES, Chunk, Span
from pressroom.attribution.resolve import Cue
from pressroom.attribution.rolename import split_role_name
from pressroom.attribution.speakers import Subject, cut_subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

__all__ = ["find_cue"]

_ASIDE = lazy(  # "a déclaré une fois réélu Bertrand Bellanger"
    r"^(?!(?:le|la|les|l|un|une|the|a|an|il|elle|he|she|ce|cette|son|sa|ses)\b)"
    r"(?:[\p{Ll}'’\-]+\s+){1,4}(?=\p{Lu}\p{Ll})"
)


_SPEAKER_LINE_MAX = 16


def find_cue(
    span: Span,
    inner: str,
    before: str,
    after: str,
    around: tuple[Chunk | None, Chunk | None],
    v: Vocabulary,
) -> Cue | None:
    """The cue of the quotation ``span`` (words ``inner``) with ``before`` and ``after`` it
    in its paragraph, and the paragraphs ``around`` it (above, below)."""
    previous, below = around
    found = _after(collapse(span.inner.strip(SPACES)), after, v)  # '"…," Roe said'
    if found is not None:
        return found
    inside = inside_cue(inner, v) if "," in inner or "…" in inner else None
    if inside is not None and inside.subject.kind == "name":
        return inside  # "« …, se défend X, … »" beats the last quotation's attribution
    ahead = before_cue(before, v)
    if ahead is not None and ahead.cue == "reported" and len(inner.split()) < REPORTED_WORDS:
        ahead = None  # 'said it was "taking action"': a term, not a quotation
    if ahead is not None and ahead.cue == "before-colon" and _lone_word(ahead.subject):
        # "Gabon : « … »": a headline's place or topic; "00h54 - Parisse : « … »" a speaker
        ahead = ahead if LIVE_STAMP.match(before.lstrip(SPACES)) else None
    above = None
    if previous is not None and _SIGNATURE.match(previous.text):
        pass  # the paragraph above signs the quotation above it
    elif previous is not None and not before.strip(SPACES):
        above = _above(previous, v)
    elif previous is not None and not previous.spans and _quiet(before, v):
        above = _said_above(previous.text.rstrip(SPACES), v)  # "… were significant.“…”"
    signed = _signed_below(below, v) if below is not None and not after.strip(SPACES) else None
    return (
        ahead
        or signed
        or above
        or inside
        or (_after_cue(after, v) if not before.strip(SPACES) else None)
        or (_first_person(inner, before, previous, v) if _FIRST_PERSON.match(inner) else None)
        or (subject_speaks(before, v) if len(inner.split()) >= REPORTED_WORDS else None)
    )


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
    pronoun = _SUBJECT_PRONOUN.match(sentence)
    if pronoun is not None:
        return Cue(pronoun_subject("-" + pronoun["pronoun"].lower()), "named-before")
    return speaking(sentence, "named-before", v)


def _signed_below(below: Chunk, v: Vocabulary) -> Cue | None:
    """A paragraph of quotation signed on the line below: ``—Ann Roe, professor of
    psychology, told the Journal.``"""
    signature = _SIGNATURE.match(below.text)
    if signature is None:
        return None
    text = below.text[signature.end() :]
    verb = v.verb_re.search(text)
    subject = parse_subject(cut_subject(text[: verb.start()] if verb else text), v)
    return Cue(subject, "after-name") if subject and subject.kind == "name" else None


def _as_said(found: regex.Match[str]) -> str:
    """``comme l'a souligné X`` -> ``a souligné X``; ``comme le précise X`` -> ``précise X``."""
    return "a " if found.group().rstrip().lower().endswith(("a", "ont")) else ""


def _lone_word(subject: Subject) -> bool:
    return subject.kind == "surname" and " " not in subject.text and not subject.role


def _after_cue(after: str, v: Vocabulary) -> Cue | None:
    named = named_after(after, v)
    return Cue(named, "named-after") if named is not None else None


def _after(inner: str, after: str, v: Vocabulary) -> Cue | None:
    rest = after.lstrip(SPACES)
    comma = rest[:1] == "," or inner[-1:] in (",", "?", "!") or span_ends_open(inner)
    rest = _CLITICS.sub("", rest.lstrip(SPACES + ","))  # "», leur a dit le recteur"
    rest = _AS_SAID.sub(_as_said, rest)  # "», comme l'a souligné le président"
    according = ACCORDING_TO_HIM.match(rest)
    if according:
        return Cue(pronoun_subject("-" + according["pronoun"].lower()), "after-verb")
    match = v.verb_re.match(rest)
    if match:
        if match["inv"]:
            return Cue(pronoun_subject(match["inv"]), "after-verb")
        tail = _after_circumstance(v.adverbs.sub("", rest[match.end() :].lstrip(SPACES)))
        aside = _ASIDE.match(tail)  # not "said councillor Ann Roe": an office, no aside
        if aside and not v.office_word.search(aside.group()):
            tail = tail[aside.end() :]
        subject = parse_subject(before_circumstance(cut_subject(tail)), v)
        return Cue(subject, "after-verb") if subject else None
    sentence = cut_subject(rest)
    verb = v.verb_re.search(rest[:200])
    if verb and verb.start() <= len(sentence) + 1 and verb.start() > 0:
        found = _subject_then_verb(rest, verb, comma, v)
        return found or (_after_insertion(rest, v) if comma else None)
    # '"…," chortled Tom Lee': the sentence goes on after the quotation (not after "….")
    inverted = inverted_subject(rest, v) if comma or inner[-1:] not in ".…" else None
    if inverted is not None:
        return Cue(inverted, "after-verb")
    unknown = _PRONOUN_UNKNOWN_VERB.match(rest) if comma else None
    if unknown is not None:  # '"…," he summed up.': a verb the lists do not know
        return Cue(pronoun_subject("-" + unknown["pronoun"].lower()), "after-verb")
    past = _after_insertion(rest, v) if comma else None
    if past is not None:
        return past
    if rest is not after.lstrip(SPACES) or _DASH_START.match(after.lstrip(SPACES)):
        dashless = _DASH_LEAD.sub("", after.lstrip(SPACES + ","))
        subject = parse_subject(cut_subject(dashless), v)
        first = dashless.split()[0].strip(",.").lower() if dashless.split() else ""
        if first in NOT_FIRST or not dashless[:1].isupper():
            return None  # "» Un discours relayé par X", "» Et enfin, X, qui …": not a signature
        if (
            subject
            and subject.kind == "name"
            and len(cut_subject(dashless)) < 160
            and not _office_signature(subject.text, v)
        ):
            return Cue(subject, "after-name")
    return None


def _subject_then_verb(rest: str, verb: regex.Match[str], comma: bool, v: Vocabulary) -> Cue | None:
    """``"…," Roe said``: the speaker before the verb, right after the quotation."""
    head = rest[: verb.start()]
    if SENTENCE_BREAK.search(head.rstrip() + " ") or _CLAUSE_PUNCT.search(head):
        return None
    if not rest[verb.end() :].strip(SPACES + ",:"):
        return None  # "…” Jane Doe added: “…": the next quotation's attribution
    tail_words = len(cut_subject(rest[verb.end() :]).split())
    if not comma and tail_words > 6:
        return None
    subject = parse_subject(head, v, before_verb=True)
    return Cue(subject, "after-verb") if subject else None


def _after_insertion(rest: str, v: Vocabulary) -> Cue | None:
    """A named speaker ending the sentence past words that go on from the quotation:
    ``"…", tels que la santé et l'eau, a déclaré la directrice, Ann Roe, à Genève.`` or
    ``"…," helping the university in its plan, Dean Roe said.`` Only a name: a pronoun or
    an office that far from the quotation is not sure enough."""
    sentence = SENTENCE_BREAK.split(rest + " ", maxsplit=1)[0]
    if len(sentence) > _INSERTION_MAX or any(mark in sentence for mark in '«»“”"'):
        return None
    verbs = list(v.verb_re.finditer(sentence))
    if not verbs:
        return None
    verb = verbs[-1]
    head = sentence[: verb.start()].rstrip(SPACES)
    if head.endswith(","):  # ", a déclaré la directrice, Ann Roe, lors d'un point de presse"
        tail = _after_circumstance(sentence[verb.end() :].lstrip(SPACES))
        subject = parse_subject(before_circumstance(cut_subject(tail)), v)
    else:  # ", Dean Roe said."
        _, comma, last = head.rpartition(",")
        if (
            not comma
            or not 1 <= len(last.split()) <= 4
            or sentence[verb.end() :].strip(SPACES + ".!")
        ):
            return None
        subject = parse_subject(last.strip(SPACES), v, before_verb=True)
    if subject is None or subject.kind not in ("name", "surname"):
        return None
    return Cue(subject, "after-verb")


_INSERTION_MAX = 400


def _after_circumstance(tail: str) -> str:
    """The speaker after a verb, past where and when it was said: ``a déclaré lors d'une
    cérémonie, devant des élus, le maire, X`` -> ``le maire, X``."""
    for _ in range(3):
        found = _ADDRESSEE.match(tail) or _CIRCUMSTANCE.match(tail)
        if found is None:
            break
        tail = tail[found.end() :]
    return tail


def _office_signature(text: str, v: Vocabulary) -> bool:
    """``» - Commonwealth Secretary-General``: an office signs, not a person (unless a first
    name or a title shows one: ``- Ann Judge``)."""
    last = text.split()[-1].split("-")[0].lower()
    return last in v.role_words and not person_like(text)


def span_ends_open(inner: str) -> bool:
    return inner.endswith(("...", "…"))


def _said_above(text: str, v: Vocabulary) -> Cue | None:
    """A paragraph above that reports what someone said, then goes on about it without
    naming anyone else (``Mchunu said the city was losing water. This includes … ⏎
    “…”``): that person, when a speech verb has them for subject."""
    sentences = [s for s in SENTENCE_BREAK.split(collapse(text) + " ") if s.strip()]
    window = sentences[-_SAID_ABOVE_SENTENCES:]
    said = next((i for i in range(len(window) - 1, -1, -1) if v.verb_re.search(window[i])), None)
    if said is None or any(mentions(s, v) for s in window[said + 1 :]):
        return None  # no one said anything, or someone else is named after it
    if _PASSIVE_OPENING.match(window[said].strip(SPACES)):
        return None  # "Asked by the chair, Cllr Ann Roe, whether …, he declined": she asked
    pronoun = _SUBJECT_PRONOUN.match(window[said].strip(SPACES))  # "But he admitted, …"
    if pronoun is not None:
        return Cue(pronoun_subject("-" + pronoun["pronoun"].lower()), "named-before")
    return _as_said_by(window[said], v) or speaking(window[said], "named-before", v)


def _term(text: str, span: Span) -> bool:
    """A few words quoted inside a sentence of reported speech (``told ProPrint that it was
    a "mixed outcome but a fair one".``), not a quotation of its own."""
    head = text[: span.start].rstrip(SPACES)
    return len(span.inner.split()) <= _TERM_MAX and head[-1:].isalpha() and head[-1:].islower()


_TERM_MAX = 8
_SAID_ABOVE_SENTENCES = 3
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
    clause = _AS_SAID.sub(_as_said, "comme " + found["clause"]).removeprefix("comme ")
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


def _quiet(before: str, v: Vocabulary) -> bool:
    """Words before a quotation that end a sentence and say nothing of who speaks."""
    return before.rstrip(SPACES)[-1:] in ".!" and not (
        v.verb_re.search(before) or mentions(before, v)
    )


# A paragraph that ends on a speech verb and whom it was said to, its colon lost.
_SAID_TO_END = lazy(r"\b(?:told|tells|said to|explained to)\s+(?:us|me|them|reporters)$", regex.I)


def _said_at_end(text: str, v: Vocabulary) -> bool:
    """A paragraph that ends on its speech verb, the colon lost: ``Amanda told us``,
    ``Addressing the news conference, Finance Minister Kojo Mensah Said``."""
    if _SAID_TO_END.search(text):
        return True
    words = text.rsplit(None, 1)
    if not words:
        return False
    last = words[-1].lower()
    verb = v.verb_re.fullmatch(last)
    return verb is not None and not verb["inv"] and not last.endswith(("ing", "ant"))


def _above(previous: Chunk, v: Vocabulary) -> Cue | None:
    """The paragraph above a quote: an attribution ending in ``:``, or a speaker line."""
    text = previous.text.rstrip(SPACES)
    terms = bool(previous.spans) and all(_term(previous.text, span) for span in previous.spans)
    if previous.spans and previous.spans[-1].end >= len(text) - 1 and not terms:
        return None
    if text.endswith(":") or (not previous.spans and _said_at_end(text, v)):
        # "Amanda told us", "Kojo Mensah Said" with its colon lost, over the quotation
        if not text.endswith(":"):
            head, _, last = text.rpartition(" ")
            text = f"{head} {last.lower()}:"
        cue = before_cue(text, v)
        if cue is not None:
            return Cue(cue.subject, "before-colon" if cue.cue == "before-verb" else cue.cue)
        return None
    if text[-1:] in ".!" and (not previous.spans or terms):  # "Kaba said she had big plans."
        return _said_above(text, v)
    if text[-1:] in '.!?…"”»' or len(text.split()) > _SPEAKER_LINE_MAX or previous.spans:
        return None
    statement = _STATEMENT_FROM.match(text)  # "Statement from the Chief"
    if statement is not None:
        subject = parse_subject(text[statement.end() :], v)
        kinds = ("name", "surname")
        return Cue(subject, "speaker-line") if subject and subject.kind in kinds else None
    head, _, role = _SPEAKER_LINE_SPLIT.sub(",", text, count=1).partition(",")
    head = _NUMBERING.sub("", head)
    name, prefix = split_role_name(head, v)
    if name is None or (prefix and len(prefix.split()) > 3):
        return None
    subject = parse_subject(f"{name}, {role}" if role else name, v)
    if subject is not None and subject.kind == "name":
        return Cue(subject, "speaker-line")
    return None


# Where or when something was said, before the speaker: "lors d'une cérémonie,", "sur
# France 2", "at the launch on Monday,"
_CIRCUMSTANCE = lazy(
    r"^(?:lors|devant|pendant|durant|dans|sur|à|au|aux|en|après|avant|depuis|at|in|on|"
    r"during|before|after|to|from)\b(?:[^,;:.«»“”\"]{1,60}?(?=[ \u00a0](?:le|la|l['’]|the)"
    r"[ \u00a0]?\p{L})|[^,;:.«»“”\"]{1,90},)[ \u00a0]*",
    regex.I,
)
# Whom it was said to, before a name: "a déclaré à l'AFP (Agence France-Presse) Ann Roe".
_ADDRESSEE = lazy(
    r"^(?:à|au|to)[ \u00a0]+(?:l['’])?\p{Lu}[\p{L}\-]*(?:[ \u00a0]*\([^()]{1,60}\))?[ \u00a0]+"
    r"(?=\p{Lu}\p{Ll})"
)
# A relative clause that hands the quotation to the person before it.
# How many words a quotation at the end of reported speech must have.
# Words that give a quoted term as someone else's: "the union had called it "…"".
_PRONOUN_UNKNOWN_VERB = lazy(
    r"^(?P<pronoun>he|she)[ \u00a0]+\p{Ll}{3,}(?:ed|s)(?:[ \u00a0]+(?:up|out|back|on))?"
    r"[ \u00a0]*[.,;]"
)
_STATEMENT_FROM = lazy(
    r"^(?:statement|message|remarks|quote|comment)s?[ \u00a0]+(?:from|by)[ \u00a0]+|"
    r"^(?:déclaration|message|mot|réaction|communiqué)[ \u00a0]+(?:de|du|d['’])[ \u00a0]*",
    regex.I,
)
_SPEAKER_LINE_SPLIT = lazy(r"[ \u00a0]+[-–—][ \u00a0]+")  # "Allen Whyte - Commissioner of Police"
_SIGNATURE = lazy(r"^[ \u00a0]*[–—-][ \u00a0]?(?=\p{Lu})")
# A clause that opens a sentence before its subject: "Speaking at the launch,", "Lors de…,"
# A quotation in the first person, within its first thirty words.
_FIRST_PERSON = lazy(
    r"^(?:\S+[ \u00a0]+){0,30}?"
    r"(?:(?i:je|j['’]|moi|nous|ma|mon|mes|notre|nos|we)|I|I['’]m|my|me|our|us|"
    # the French "on" of "we", before its verb: "Ces dernières années, on avait pris …"
    r"(?i:on)[ \u00a0]+(?:a|avait|est|était|va|doit|peut|fait|ne|n['’]|y|s['’]|l['’]|sait))\b"
)
_SUBJECT_PRONOUN = lazy(
    r"^(?:(?:et|mais|and|but)[ \u00a0]+)?(?P<pronoun>il|elle|he|she)\b", regex.I
)
# "Un record que les joueurs savourent, à l'image de Maxime Médard :"
_AS_SAID = lazy(
    r"^comme[ \u00a0]+(?:l['’](?:a|ont)[ \u00a0]+|(?:le|l['’])[ \u00a0]*(?=\p{Ll}))", regex.I
)
_CLAUSE_PUNCT = lazy(r"[;!?]\s")
_CLITICS = lazy(r"^(?:(?:leur|lui|nous|vous|me)\s+|[mt]['’]\s*)(?=\p{Ll})")
# "« … », selon lui." / "Une solution insuffisante selon elle : « … »"
_DASH_START = lazy(r"^[–—-]\s")
_DASH_LEAD = lazy(r"^[–—-]\s*")
_NUMBERING = lazy(r"^(?:\d+\.\s*)?(?:[A-Z]+\s*(?:\([^)]*\))?\s+)?")
