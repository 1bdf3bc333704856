"""Direct quotations and who said them: the quote-attribution stage.

1. Find the quotations (``quotemarks``): every mark style, one quotation over several
   paragraphs when each opens with the mark and only the last closes.
2. Find the cue around each, in this order (the ``cue`` of the ``Quote`` says which):
   ``after-verb`` (``», a déclaré X``, ``," Roe said``), ``after-name`` (``», X, rôle``),
   ``before-verb`` (``X, role, said: "…"``), ``before-colon`` (``X : « … »``), ``lead-in``
   (``Pour X, « … »``), ``inside`` (``« …, précise X. … »``), ``speaker-line`` (``X, rôle``
   alone above the quote), ``named-before`` / ``named-after`` (the person the sentence
   just before or after is about, ``nearby``), ``continued`` (``"…," said X. "…"``),
   ``repeated`` (a pull-quote repeating an attributed quotation).
3. Resolve the speaker (``speakers``): a name as written; a pronoun (``a-t-elle``) to the
   person the text last named, of that gender where the text says it (cue ``pronoun``); a
   surname to the full name named earlier (``surname``); a descriptor (``le maire``) to the
   named person holding that role, else the descriptor itself (``descriptor``).

When the text does not say who spoke, the speaker stays empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pressroom.attribution.inversion import inside_cue, inverted_subject, pronoun_subject
from pressroom.attribution.markless import implied_marks
from pressroom.attribution.names import NOT_FIRST
from pressroom.attribution.nearby import (
    GROUP,
    PLURAL,
    SAME_SPEAKER,
    TERM_WORDS,
    lead_in,
    named_after,
    named_before,
    names_only,
    with_pulled_speakers,
)
from pressroom.attribution.people import Mentions, People, Surname, speaking_subject
from pressroom.attribution.quotemarks import (
    SPACES,
    Chunk,
    Span,
    chunks,
    has_mark,
    is_quoted_title,
    opens_quote,
    outside,
)
from pressroom.attribution.resolve import Cue, resolve
from pressroom.attribution.speakers import (
    Subject,
    cut_subject,
    mentions,
    parse_subject,
    split_role_name,
)
from pressroom.attribution.vocabulary import Vocabulary, vocabulary
from pressroom.lexicon import Lexicons
from pressroom.model import Quote
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

__all__ = ["Paragraph", "Unclosed", "extract_quotes", "opens_quote"]

_LOOKAHEAD = 3
MIN_WORDS_ATTRIBUTED = 3
MIN_WORDS_ALONE = 5
_ASIDE = lazy(  # "a déclaré une fois réélu Bertrand Bellanger"
    r"^(?!(?:le|la|les|l|un|une|the|a|an|il|elle|he|she|ce|cette|son|sa|ses)\b)"
    r"(?:[\p{Ll}'’\-]+\s+){1,4}(?=\p{Lu}\p{Ll})"
)
_LEAD_IN = lazy(
    r"^(?:pour|selon|d['’]après|according\s+to|for)\s+(?P<who>[^,:]{2,80}?)\s*(?:,|:|$)",
    regex.I,
)
_SENTENCE_BREAK = lazy(
    r"(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Prof|Jr|Cllr|Me|Mme|MM|Pr|U\.S|Inc|M))"
    r"[.!?…]+[\"”»]?\s+(?=[\p{Lu}«“\"])|(?<=[\p{Ll}\d])\.(?=\p{Lu}\p{Ll})"
)
_SPEAKER_LINE_MAX = 16


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True)
class Unclosed:
    """A quotation mark opened at ``line`` and never closed."""

    line: int
    mark: str


def extract_quotes(
    paragraphs: Sequence[Paragraph], lexicons: Lexicons
) -> tuple[tuple[Quote, ...], tuple[Unclosed, ...]]:
    """Every direct quote in reading order, with its speaker, role and cue when stated,
    read with the word lists of ``lexicons``."""
    v = vocabulary(lexicons)
    people = People([], v)
    quotes: list[Quote] = []
    unclosed: list[Unclosed] = []
    texts = implied_marks([p.text for p in paragraphs], v)
    if not any(map(has_mark, texts)):
        return (), ()
    previous: Chunk | None = None
    last_quote: Quote | None = None
    every = chunks(texts, [p.line for p in paragraphs])
    for index, chunk in enumerate(every):
        if chunk.unclosed:
            unclosed.append(Unclosed(chunk.line, chunk.unclosed))
        # People are looked for in the title and near quotations only (speed: a pronoun's
        # person is named in the paragraphs just before it).
        near = index == 0 or any(c.spans for c in every[index : index + 1 + _LOOKAHEAD])
        found = _chunk_quotes(chunk, previous, last_quote, people, near, v)
        quotes += found
        if found:
            last_quote = found[-1]
        elif last_quote and (chunk.spans or len(chunk.text) > 40) and not _aside(chunk.text):
            # not after "He added he was "positive" …": the speaker goes on
            last_quote = last_quote if SAME_SPEAKER.match(chunk.text) else None
        previous = chunk
    return tuple(with_pulled_speakers(quotes)), tuple(unclosed)


def _aside(text: str) -> bool:
    """A caption or a page's line between two paragraphs of one speaker's quotation: short,
    with no sentence's end (``Rugby Club's second team gained promotion last season``)."""
    stripped = text.rstrip(SPACES)
    return len(stripped.split()) <= _ASIDE_WORDS and stripped[-1:] not in '.!?…:»”"'


_ASIDE_WORDS = 16


def _chunk_quotes(
    chunk: Chunk,
    previous: Chunk | None,
    last_quote: Quote | None,
    people: People,
    near: bool,
    v: Vocabulary,
) -> list[Quote]:
    text = chunk.text
    # The names are looked for only when a question to ``people`` needs them.
    named = Mentions(outside(text, chunk.spans), v) if near else None
    found: list[Quote] = []
    cursor = 0
    for index, span in enumerate(chunk.spans):
        if named is not None:
            people.add_mentioned(named, cursor, span.start)
        cursor = span.start
        following = chunk.spans[index + 1].start if index + 1 < len(chunk.spans) else len(text)
        before_start = next(  # back to the last quotation, over quoted terms ("efforts")
            (s.end for s in reversed(chunk.spans[:index]) if len(s.inner.split()) > TERM_WORDS), 0
        )
        before, after = text[before_start : span.start], text[span.end : following]
        inner = collapse(span.inner.strip(SPACES)).strip(SPACES + ",")
        cue = _cue(span, inner, before, after, previous if not before.strip(SPACES) else None, v)
        if cue is not None and cue.subject.kind == "pronoun" and cue.subject.text in PLURAL:
            group = GROUP.search(outside(text[: span.start], chunk.spans[:index]))
            if group is not None:  # "The anonymous donors wish … “…,” they said."
                people.groups.append(group["group"])
        attribution = resolve(cue, people, v)
        speaker, role, how = attribution.speaker, attribution.role, attribution.cue
        if speaker is None and cue is None:
            continued = found[-1] if found and names_only(found[-1], before, v) else None
            if continued is None and last_quote and not before.strip(SPACES) and index == 0:
                opening = span.start == 0 or opens_quote(text)
                others = {p.name for _, p in mentions(outside(text, chunk.spans), v)}
                continued = last_quote if opening and others <= {last_quote.speaker} else None
            if continued is not None and continued.speaker:
                speaker, role, how = continued.speaker, continued.role, "continued"
        words = len(inner.split())
        attributed = speaker is not None or cue is not None
        if (attributed and words >= MIN_WORDS_ATTRIBUTED) or (
            words >= MIN_WORDS_ALONE and not is_quoted_title(inner)
        ):
            check = None if speaker else attribution.check
            found.append(Quote(inner, speaker, role, chunk.line, how if speaker else None, check))
    if named is not None:
        people.add_mentioned(named, cursor, len(text))
    return found


def _cue(
    span: Span, inner: str, before: str, after: str, previous: Chunk | None, v: Vocabulary
) -> Cue | None:
    found = _after(collapse(span.inner.strip(SPACES)), after, v)  # '"…," Roe said'
    if found is not None:
        return found
    inside = inside_cue(inner, v) if "," in inner or "…" in inner else None
    if inside is not None and inside.subject.kind == "name":
        return inside  # "« …, se défend X, … »" beats the last quotation's attribution
    return (
        _before(before, v)
        or (_above(previous, v) if previous is not None else None)
        or inside
        or (_after_cue(after, v) if not before.strip(SPACES) else None)
    )


def _after_cue(after: str, v: Vocabulary) -> Cue | None:
    named = named_after(after, v)
    return Cue(named, "named-after") if named is not None else None


def _after(inner: str, after: str, v: Vocabulary) -> Cue | None:
    rest = after.lstrip(SPACES)
    comma = rest[:1] == "," or inner[-1:] in (",", "?", "!") or span_ends_open(inner)
    rest = _CLITICS.sub("", rest.lstrip(SPACES + ","))  # "», leur a dit le recteur"
    according = _ACCORDING_TO_HIM.match(rest)
    if according:
        return Cue(pronoun_subject("-" + according["pronoun"].lower()), "after-verb")
    match = v.verb_re.match(rest)
    if match:
        if match["inv"]:
            return Cue(pronoun_subject(match["inv"]), "after-verb")
        tail = rest[match.end() :].lstrip(SPACES)
        tail = v.adverbs.sub("", tail)
        aside = _ASIDE.match(tail)  # not "said councillor Ann Roe": an office, no aside
        if aside and not v.office_word.search(aside.group()):
            tail = tail[aside.end() :]
        subject = parse_subject(cut_subject(tail), v)
        return Cue(subject, "after-verb") if subject else None
    sentence = cut_subject(rest)
    verb = v.verb_re.search(rest[:200])
    if verb and verb.start() <= len(sentence) + 1 and verb.start() > 0:
        head = rest[: verb.start()]
        if _SENTENCE_BREAK.search(head.rstrip() + " ") or _CLAUSE_PUNCT.search(head):
            return None
        if not rest[verb.end() :].strip(SPACES + ",:"):
            return None  # "…” Jane Doe added: “…": the next quotation's attribution
        tail_words = len(cut_subject(rest[verb.end() :]).split())
        if not comma and tail_words > 6:
            return None
        subject = parse_subject(head, v, before_verb=True)
        return Cue(subject, "after-verb") if subject else None
    # '"…," chortled Tom Lee': the sentence goes on after the quotation (not after "….")
    inverted = inverted_subject(rest, v) if comma or inner[-1:] not in ".…" else None
    if inverted is not None:
        return Cue(inverted, "after-verb")
    if rest is not after.lstrip(SPACES) or _DASH_START.match(after.lstrip(SPACES)):
        dashless = _DASH_LEAD.sub("", after.lstrip(SPACES + ","))
        subject = parse_subject(cut_subject(dashless), v)
        first = dashless.split()[0].strip(",.").lower() if dashless.split() else ""
        if first in NOT_FIRST or not dashless[:1].isupper():
            return None  # "» Un discours relayé par X", "» Et enfin, X, qui …": not a signature
        if subject and subject.kind == "name" and len(cut_subject(dashless)) < 160:
            return Cue(subject, "after-name")
    return None


def span_ends_open(inner: str) -> bool:
    return inner.endswith(("...", "…"))


def _before(before: str, v: Vocabulary) -> Cue | None:
    sentences = _SENTENCE_BREAK.split(collapse(before) + " ")
    clause = sentences[-1].strip(SPACES) if sentences else ""
    if not clause:
        return _sentence_before(sentences[-2], v) if len(sentences) > 1 else None
    ending = clause[-1]
    if ending in ".!?…":  # "Jane Doe says the way we live has changed. "…"" (same paragraph)
        sentence = _sentence_before(clause, v)
        if sentence is not None:
            return sentence
        named = named_before(clause, v)
        if named is not None:
            return Cue(named, "named-before")
    body = clause.rstrip(SPACES + ":,").strip(SPACES)
    according = _ACCORDING_TO_HIM.search(body)
    if according and according.end() >= len(body) - 1:
        return Cue(pronoun_subject("-" + according["pronoun"].lower()), "lead-in")
    lead = _LEAD_IN.match(body)
    if lead:
        subject = lead_in(body, lead, v)
        if subject:
            return Cue(subject, "lead-in")
    verbs = list(v.verb_re.finditer(body))
    if verbs:
        verb = verbs[-1]
        trailing = body[verb.end() :].strip(SPACES)
        if verb["inv"] and len(trailing) < 30:
            return Cue(pronoun_subject(verb["inv"]), "before-verb")
        pieces = _SUBJECT_BREAK.split(body[: verb.start()])
        subject_text = pieces[-1]
        if len(pieces) > 1 and len(subject_text.split(",")[0].split()) < 2:
            subject_text = ""  # "Director: Research, extended": no subject after the colon
        subject = parse_subject(v.adverbs.sub("", subject_text.strip(SPACES)), v, before_verb=True)
        if (subject is None or subject.kind == "descriptor") and ending in ":,":
            # "Le chef de Québec Forte et Fière Bruno Marchand a publié …, déclarer :"
            speaking = _speaking(body, "before-verb", v)
            if speaking is not None:
                return speaking
        if subject is None and len(trailing) < 80:
            subject = parse_subject(cut_subject(v.adverbs.sub("", trailing)), v)
        if subject is not None and (ending in ":," or len(trailing) < 40):
            return Cue(subject, "before-verb")
    if ending == ":":
        label = regex.sub(
            r"^(?:quote\s+from|réponse\s+de|message\s+de|interview\s+with|entretien\s+avec)\s+",
            "",
            body,
            flags=regex.I,
        )
        label = _TO_SPLIT.split(_LIVE_STAMP.sub("", label))[0]  # "00h54 - Parisse :"
        subject = parse_subject(label, v, before_verb=False)
        if subject is not None and subject.kind in ("name", "surname"):
            return Cue(subject, "before-colon")
    if verbs and (ending in ":," or _REPORTED.search(body)):
        # "X, role, highlighted the benefits, saying, “…”", "X a assuré qu’« … »"
        return _speaking(body, "before-verb", v)
    return None


def _speaking(sentence: str, cue: str, v: Vocabulary) -> Cue | None:
    """The person a sentence with a speech verb is about, as a cue."""
    person = speaking_subject(sentence, v)
    if isinstance(person, Surname):
        return Cue(Subject("surname", str(person)), cue)
    if person is not None:
        return Cue(Subject("name", person.name, person.role, person.gender), cue)
    return None


def _sentence_before(sentence: str, v: Vocabulary) -> Cue | None:
    """``Jane Doe says the way we live has changed. "…"``: a quotation that opens a sentence
    right after one whose subject is a person speaking."""
    verb = v.verb_re.search(sentence)
    if verb is None or verb["inv"]:
        return None
    subject = parse_subject(sentence[: verb.start()], v, before_verb=True)
    if subject is None or subject.kind not in ("name", "surname", "pronoun"):
        return None
    return Cue(subject, "before-verb")


def _above(previous: Chunk, v: Vocabulary) -> Cue | None:
    """The paragraph above a quote: an attribution ending in ``:``, or a speaker line."""
    text = previous.text.rstrip(SPACES)
    if previous.spans and previous.spans[-1].end >= len(text) - 1:
        return None
    if text.endswith(":"):
        cue = _before(text, v)
        if cue is not None:
            return Cue(cue.subject, "before-colon" if cue.cue == "before-verb" else cue.cue)
        return None
    if text[-1:] in ".!" and not previous.spans:  # "Kaba said she had big plans. ⏎ “…”"
        last = _SENTENCE_BREAK.split(collapse(text) + " ")
        sentence = next((s for s in reversed(last) if s.strip()), "")
        if v.verb_re.search(sentence):
            return _speaking(sentence, "named-before", v)
    if text[-1:] in '.!?…"”»' or len(text.split()) > _SPEAKER_LINE_MAX or previous.spans:
        return None
    head, _, role = text.partition(",")
    head = _NUMBERING.sub("", head)
    name, prefix = split_role_name(head, v)
    if name is None or (prefix and len(prefix.split()) > 3):
        return None
    subject = parse_subject(f"{name}, {role}" if role else name, v)
    if subject is not None and subject.kind == "name":
        return Cue(subject, "speaker-line")
    return None


_CLITICS = lazy(r"^(?:leur|lui|nous|vous|me|m['’]|t['’])\s*(?=\p{Ll})")
# "« … », selon lui." / "Une solution insuffisante selon elle : « … »"
_ACCORDING_TO_HIM = lazy(r"\b(?:selon|d['’]après)\s+(?P<pronoun>lui|elle)\b", regex.I)
_LIVE_STAMP = lazy(r"^(?:\d{1,2}[h:.]\d{2}|\d{1,2}\s*(?:am|pm))\s*[-–—:]?\s*", regex.I)
_REPORTED = lazy(r"(?:\bque|\bqu['’]|\bthat)\s*$", regex.I)
_CLAUSE_PUNCT = lazy(r"[;!?]\s")
_DASH_START = lazy(r"^[–—-]\s")
_DASH_LEAD = lazy(r"^[–—-]\s*")
_SUBJECT_BREAK = lazy(r"[;:]|\s[–—-]\s")
_TO_SPLIT = lazy(r"\s+(?:à|to)\s+")
_NUMBERING = lazy(r"^(?:\d+\.\s*)?(?:[A-Z]+\s*(?:\([^)]*\))?\s+)?")
