"""Direct quotations and who said them: the quote-attribution stage.

1. Find the quotations (``quotemarks``): every mark style, one quotation over several
   paragraphs when each opens with the mark and only the last closes.
2. Find the cue around each (``cues``); with none, a quotation that goes on from the
   last one keeps its speaker (``continued``: ``"…," said X. "…"``), an answer under an
   interviewer's question is the one person the text names (``interview``), and a
   pull-quote repeating an attributed quotation gets its speaker (``repeated``); in a
   text whose title says it is a named person's statement, that person (``statement``).
3. Resolve the speaker (``speakers``): a name as written; a pronoun (``a-t-elle``) to the
   person the text last named, of that gender where the text says it (cue ``pronoun``); a
   surname to the full name named earlier (``surname``); a descriptor (``le maire``) to the
   named person holding that role, else the descriptor itself (``descriptor``).

When the text does not say who spoke, the speaker stays empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from pressroom.attribution.before import SENTENCE_BREAK
from pressroom.attribution.cues import find_cue
from pressroom.attribution.fullnames import with_full_names
from pressroom.attribution.markless import implied_marks
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import INITIALS
from pressroom.attribution.nearby import (
    GROUP,
    PLURAL,
    SAME_SPEAKER,
    TERM_WORDS,
    names_only,
    with_pulled_speakers,
    without_repeats,
)
from pressroom.attribution.people import People
from pressroom.attribution.quotemarks import (
    SPACES,
    Chunk,
    chunks,
    has_mark,
    is_quoted_title,
    opens_quote,
    outside,
)
from pressroom.attribution.resolve import resolve
from pressroom.attribution.roles import stated_role
from pressroom.attribution.statements import signatures, signed
from pressroom.attribution.subjects import Mentions
from pressroom.attribution.vocabulary import Vocabulary, vocabulary
from pressroom.lexicon import Lexicons
from pressroom.model import Quote
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

__all__ = ["Paragraph", "Unclosed", "extract_quotes", "opens_quote"]

_LOOKAHEAD = 10
_LEAD = 2  # the title and the first paragraph, where a release introduces its people
MIN_WORDS_ATTRIBUTED = 3
MIN_WORDS_KEPT = 4
MIN_WORDS_ALONE = 5


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
    quotes: list[Quote] = []
    unclosed: list[Unclosed] = []
    texts = implied_marks([p.text for p in paragraphs], v)
    if not any(map(has_mark, texts)):
        return (), ()
    people = People(signatures(texts, v), v, texts=tuple(texts))
    previous: Chunk | None = None
    last_quote: Quote | None = None
    every = chunks(texts, [p.line for p in paragraphs])
    for index, chunk in enumerate(every):
        people.paragraph = index
        if chunk.unclosed:
            unclosed.append(Unclosed(chunk.line, chunk.unclosed))
        # People are looked for in the title, the first paragraph and near quotations
        # only (speed: a pronoun's person is named in the paragraphs just before it).
        near = index < _LEAD or any(c.spans for c in every[index : index + 1 + _LOOKAHEAD])
        below = every[index + 1] if index + 1 < len(every) else None
        earlier = every[index - 2] if index >= 2 else None
        found = _chunk_quotes(chunk, (earlier, previous, below), last_quote, people, near, v)
        quotes += found
        if found:
            last_quote = found[-1]
        elif last_quote and _stops_speaker(chunk, last_quote, v):
            # not after "He added he was "positive" …": the speaker goes on
            last_quote = last_quote if SAME_SPEAKER.match(chunk.text) else None
        previous = chunk
    quotes = signed(quotes, texts[0], people, v)  # "Statement from Mayor Jo Lee"
    quotes = without_repeats(_without_non_names(with_pulled_speakers(quotes), texts))
    # an attributed fragment of three words ("un moment charnière") carries its speaker
    # on to the quotations after it, but is a term, not a quotation of the record
    quotes = with_full_names([q for q in quotes if _kept(q.text)], texts, v)
    return tuple(_with_known_roles(quotes, people, texts, v)), tuple(unclosed)


def _kept(text: str) -> bool:
    """A quotation of the record: five words or more, or four that open with a capital (a
    sentence of its own: "We are very proud."), not a fragment of the sentence around it."""
    words = len(text.split())
    return words > MIN_WORDS_KEPT or (words == MIN_WORDS_KEPT and text[:1].isupper())


def _question(chunk: Chunk | None) -> bool:
    """A paragraph that is a short question and quotes nothing: an interviewer's."""
    if chunk is None or chunk.spans:
        return False
    text = chunk.text.rstrip(SPACES)
    return text.endswith("?") and len(text.split()) <= _QUESTION_WORDS


_QUESTION_WORDS = 30


def _stops_speaker(chunk: Chunk, last: Quote, v: Vocabulary) -> bool:
    """Whether a paragraph with no quotation of its own ends the last speaker's turn: a
    quotation or a paragraph, not a short line or a caption between two of theirs, unless
    it names someone else (``Mayor Rory Gilchrist To Visit Kelburn``, a listing's next
    headline)."""
    if (chunk.spans or (len(chunk.text) > 40 and not chunk.item)) and not _aside(chunk.text):
        return True
    return _names_another(chunk.text, last, v)  # only short lines are read for names


def _names_another(text: str, last: Quote, v: Vocabulary) -> bool:
    return any(person.name != last.speaker for _, person in mentions(text, v))


def _without_non_names(quotes: list[Quote], texts: Sequence[str]) -> list[Quote]:
    """No speaker where what was taken for a name is none, and the editor is told why: one
    word the text also writes in lower case (``Faculty who won awards are:`` above a
    quotation, ``the faculty``), a common noun opening a sentence; a person's thing
    (``Johnny Kelly's Coolderry``). A body's initials (``FAO said``) are the body's."""
    checks = {q.speaker: _not_a_name(q.speaker, texts) for q in quotes if q.speaker}
    return [
        replace(q, speaker=None, role=None, cue=None, check=checks[q.speaker])
        if q.speaker and checks[q.speaker]
        else q
        for q in quotes
    ]


def _not_a_name(speaker: str, texts: Sequence[str]) -> str | None:
    """Why ``speaker`` is no person's name, or None."""
    if " " not in speaker and not INITIALS.match(speaker):  # "FAO said": the body
        lowered = _word(speaker.lower())
        if speaker[:1].isupper() and any(lowered.search(text) for text in texts):
            return f"“{speaker}” is a word of the text, not a name"
    elif _POSSESSIVE.search(speaker):
        return f"“{speaker}” is someone's, not someone"
    return None


# A possessive inside a name: "Johnny Kelly's Coolderry charges came good".
_POSSESSIVE = lazy(r"\p{L}['’]s\s+\p{Lu}")


def _word(word: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}\-]){regex.escape(word)}(?![\p{{L}}\-])")


def _with_known_roles(
    quotes: list[Quote], people: People, texts: Sequence[str], v: Vocabulary
) -> list[Quote]:
    """A speaker's role where one quotation or mention states it and another does not
    (``Richie Williams, director of rugby, said …`` then ``… noted Williams``); for a
    speaker still without one, the role the text gives them anywhere (paragraphs far from
    any quotation are not read for names until then: ``Michel Deneken, président de
    l'université, et …`` in the introduction)."""
    titled = {q.speaker for q in quotes if q.speaker and _title_only(q.role, v)}
    if all(q.role or not q.speaker for q in quotes) and not titled:
        return quotes
    roles: dict[str, str] = {}

    def known(name: str, role: str | None) -> None:
        """The first role found for a speaker; for one whose quotation gives only a title,
        never a title again."""
        if role and (name not in titled or not _title_only(role, v)):
            roles.setdefault(name, role)

    for quote in quotes:
        if quote.speaker and not _title_only(quote.role, v):
            known(quote.speaker, quote.role)
    for name, given in people.roles().items():
        known(name, stated_role(given, v))
    missing = {q.speaker for q in quotes if q.speaker and not q.role} - roles.keys()
    missing |= titled - roles.keys()
    for text in texts if missing else ():
        for _, person in mentions(text, v):
            if person.name in missing:
                known(person.name, stated_role(person.role, v))
    return [  # "Councillor Anne Western said" where the text calls her the Leader
        replace(q, role=roles[q.speaker])
        if q.speaker in roles and (not q.role or _title_only(q.role, v))
        else q
        for q in quotes
    ]


def _title_only(role: str | None, v: Vocabulary) -> bool:
    """A role that is only a title written before the name (``Councillor``, ``Cllr``)."""
    return bool(role) and str(role).rstrip(".").lower() in v.title_words


def _office_sentence(between: str, v: Vocabulary) -> bool:
    """Whether a sentence between two quotations has an office for subject (``Le
    député-maire a redit …``): someone else may speak the next words."""
    for sentence in SENTENCE_BREAK.split(between)[1:]:
        words = sentence.strip(SPACES).lower().split()[:2]
        if len(words) == 2 and words[0] in _ARTICLES and words[1].split("-")[0] in v.role_words:
            return True
    return False


_ARTICLES = frozenset({"le", "la", "the"})


def _goes_on(clause: str, v: Vocabulary) -> bool:
    """Whether a clause before a colon has no subject (``Et d'ajouter :``) or names the
    next topic only (``Sur l'indiscipline de son équipe :``, a list of one speaker's
    answers): the one who spoke last goes on."""
    if not clause.endswith(":"):  # "Et d'évoquer … ordinateurs. « … »" too
        return clause.endswith(".") and _GOES_ON.match(clause) is not None
    if _GOES_ON.match(clause):
        return True
    return (
        _TOPIC.match(clause) is not None
        and len(clause.split()) <= _TOPIC_WORDS
        and not v.verb_re.search(clause)
        and not mentions(clause, v)
    )


_TOPIC = lazy(r"^(?:sur|concernant|quant\s+à|à\s+propos\s+d[eu']|on|about|regarding)\s", regex.I)
_TOPIC_WORDS = 8


def _writers_lead(lead: str, v: Vocabulary) -> bool:
    """A short sentence of the writer's before the quotation, with no speech verb, after
    a paragraph where someone spoke (``Pourtant, ce n'était pas gagné… « … »``): the
    speaker goes on."""
    return (
        _ASIDE_LEAD_MIN <= len(lead.split()) <= _ASIDE_LEAD_WORDS  # not "Cosmologie." (a label)
        and lead[-1:] in ".…!"
        and v.verb_re.search(lead) is None
    )


_ASIDE_LEAD_MIN, _ASIDE_LEAD_WORDS = 3, 10


def _alone(after: str) -> bool:
    """Whether a quotation is its paragraph's end: nothing but punctuation follows it, or
    what follows ends on a closing mark (a mark inside it cut the quotation short)."""
    rest = after.strip(SPACES + ".,;:!?…")
    return not rest or rest.endswith(('"', "”", "»"))


def _aside(text: str) -> bool:
    """A caption or a page's line between two paragraphs of one speaker's quotation: short,
    with no sentence's end (``Rugby Club's second team gained promotion last season``)."""
    stripped = text.rstrip(SPACES)
    return len(stripped.split()) <= _ASIDE_WORDS and stripped[-1:] not in '.!?…:»”"'


_ASIDE_WORDS = 16
# A clause with no subject before a colon: the one who spoke last goes on ("Et
# d'ajouter :", "Avant de conclure :", "Before adding:").
_GOES_ON = lazy(
    r"^(?:(?:et|puis|avant|sans\s+oublier)\s+d(?:e\s|['’])|(?:before|then|and\s+then)\s+"
    r"\p{Ll}+ing\b)",
    regex.I,
)
# The last quotation's attribution going on with a speech participle up to a colon.
_ADDING = lazy(
    r"^[\s,»”\"]*[^.!?:]{0,80}?,\s*(?:précisant|ajoutant|soulignant|expliquant|rappelant|"
    r"indiquant|adding|noting|explaining)\b[^.!?:]*:$",
    regex.I,
)
_AS_WRITTEN = lazy(r"^(?:le|la|les|l['’]|the|un|une|a|an)\b")
# Cues where a speech verb says the words were spoken, even in Title Case.
_SPOKEN = frozenset({"after-verb", "before-verb", "inside", "reported"})


def _chunk_quotes(
    chunk: Chunk,
    around: tuple[Chunk | None, Chunk | None, Chunk | None],
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
        cue = find_cue(span, inner, before, after, around, v)
        if cue is not None and cue.subject.kind == "pronoun" and cue.subject.text in PLURAL:
            group = GROUP.search(outside(text[: span.start], chunk.spans[:index]))
            if group is not None:  # "The anonymous donors wish … “…,” they said."
                people.groups.append(group["group"])
        attribution = resolve(cue, people, v)
        speaker, role, how = attribution.speaker, attribution.role, attribution.cue
        if speaker is None and cue is None:
            # not after "C'est le maire qui lui a répondu :": the colon brings someone in
            # ("…, s'enthousiasme Paul. …, Caroline, une infirmière, est admirative :" brings
            # in Caroline: the last speaker named in an earlier sentence does not count)
            clause = SENTENCE_BREAK.split(before)[-1].strip(SPACES)
            introduced = (
                before.rstrip(SPACES).endswith(":")
                and not _goes_on(clause, v)  # "Et d'ajouter :": the speaker goes on
                and not (found and _ADDING.match(clause))  # "», a-t-elle dit, précisant … :"
                and not (found and found[-1].speaker and found[-1].speaker.split()[-1] in clause)
            )
            continued = (
                found[-1]
                if found
                and not introduced
                and names_only(found[-1], before, v)
                and not _office_sentence(before, v)
                else None
            )
            if continued is None and last_quote and index == 0 and before.strip(SPACES):
                # a paragraph opening on "Avant de revenir sur … :" goes on from the last
                lead = before.strip(SPACES)
                goes_on = (_goes_on(lead, v) or _writers_lead(lead, v)) and names_only(
                    last_quote, before, v
                )  # not when someone else is named right after it ("» établit X")
                continued = (
                    last_quote if goes_on and not _names_another(after, last_quote, v) else None
                )
            if continued is None and last_quote and not before.strip(SPACES) and index == 0:
                # a paragraph that is the quotation alone: "« … », les objectifs exprimés
                # dans le…" goes on about someone's words, not in them
                opening = (span.start == 0 or opens_quote(text)) and _alone(after)
                opening = opening and (chunk.item or not _aside(inner + after))  # a subheading
                others = {p.name for _, p in mentions(outside(text, chunk.spans), v)}
                continued = last_quote if opening and others <= {last_quote.speaker} else None
            if (
                continued is not None
                and continued.speaker
                and not _AS_WRITTEN.match(continued.speaker)
            ):  # a body or an office as written ("les autorités locales") goes on no further
                speaker, role, how = continued.speaker, continued.role, "continued"
            elif index == 0 and not before.strip(SPACES) and _question(around[1]):
                # "Jeremy, qu'avez-vous pensé du tirage ? ⏎ « … »": an interview's answer,
                # the one person the text names (none when it names more)
                person = people.only_person()
                if person is not None:
                    speaker, role, how = person.name, person.role, "interview"
        words = len(inner.split())
        attributed = speaker is not None or cue is not None
        glued = before.rstrip(SPACES)[-1:].isalpha()  # "la rencontre « Action Cœur de Ville »"
        if (cue is None or cue.cue not in _SPOKEN or glued) and is_quoted_title(inner):
            attributed = False  # 'Sandra completed the survey: "What's Your Opinion?"'
        if (attributed and words >= MIN_WORDS_ATTRIBUTED) or (
            words >= MIN_WORDS_ALONE and not is_quoted_title(inner)
        ):
            check = None if speaker else attribution.check
            found.append(Quote(inner, speaker, role, chunk.line, how if speaker else None, check))
    if named is not None:
        people.add_mentioned(named, cursor, len(text))
    return found
