"""Speakers a text names near a quotation without a speech verb: the subject of the
sentence just before or just after it (``Jane Doe has a brighter view. "…"``,
``« … » À la tête de l'université, Claire Dumas a profité …``, ``à en croire X``), groups
(``they said`` after ``The anonymous donors wish …``) and demonstratives (``cet ex-député``)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import words_of
from pressroom.attribution.quotemarks import SPACES
from pressroom.attribution.speakers import Subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.model import Quote
from pressroom.text.patterns import lazy

DEMONSTRATIVE = lazy(
    r"^(?:(?:cet|cette|ce)\s+(?:ex-|dernier|dernière|élu|élue|ancien|ancienne|homme|femme)|"
    r"celui-ci|celle-ci|l['’]intéressée?|the\s+latter\b)",
    regex.I,
)
PLURAL = frozenset(("ils", "elles", "they", "them", "eux"))
# A plural subject opening the sentence before a quote: "The anonymous donors wish …".
GROUP = lazy(
    r"(?:^|[.!?]\s+)(?P<group>(?:The|These|Those|Les|Ces|Des|Deux|Trois|Quatre|Six|Sept|\d+)"
    r"(?:\s+[\p{L}'’-]+){0,3}\s+[\p{Ll}'’-]{3,}[sx])\s+\p{Ll}[\p{L}'’]+\s[^.!?]*[.!?]?\s*$"
)
# A quoted term of so few words is no quotation: the text before a quote runs over it.
TERM_WORDS = 4
SAME_SPEAKER = lazy(r"^(?:He|She|Il|Elle)\s+(?:added|went on|also said|a ajouté|ajoute)\b")
_AUXILIARY = r"(?:a|avait|est|était|has|had|is|was|(?:is|was|has|does|did)n['’]t)\s"
_OPENING = lazy(r"^[\s.,;:!?»”\"']+")
_SENTENCE_END = lazy(r"(?<!\b\p{Lu})[.!?…](?=\s+[\p{Lu}«“\"]|\s*$)")
_LONGEST = 300


def named_before(sentence: str, v: Vocabulary) -> Subject | None:
    """``Jane Doe has a brighter view. "…"``: the person the sentence before is about."""
    return _about(sentence.strip(), _subject(v.name), v)


def named_after(after: str, v: Vocabulary) -> Subject | None:
    """``« … » À la tête de l'université, Claire Dumas a profité …`` or ``« … » La
    prédiction …, à en croire Claire Dumas.``: the person the next sentence is about."""
    rest = _OPENING.sub("", after)
    end = _SENTENCE_END.search(rest)
    sentence = (rest[: end.start()] if end else rest)[:_LONGEST]
    if "«" in sentence or "“" in sentence:
        return None
    return _about(sentence, _subject(v.name), v) or _about(
        sentence, _according(v.name), v, anywhere=True
    )


@lru_cache(maxsize=8)
def _subject(name: str) -> regex.Pattern[str]:
    """The person a sentence is about: ``[Intro, ]Jane Doe[, role,] has …``."""
    return regex.compile(
        rf"^(?:[^,.;:«»“”\"]{{0,90}},\s*|(?i:c['’]est)[^,.;:«»“”\"]{{0,80}}?\s(?:que|qu['’])\s*)?"
        # "Red Hand midfielder Sean Cavanagh is happy …": an office before the name
        rf"(?P<name>(?P<office>(?:[\p{{L}}'’\-]+\s+){{0,3}}?){name})(?:\s*,[^,«»“”\"]{{1,120}},)?"
        rf"\s+{_AUXILIARY}"
    )


@lru_cache(maxsize=8)
def _according(name: str) -> regex.Pattern[str]:
    return regex.compile(
        rf"(?:à en croire|selon|d['’]après|according to)\s+(?P<name>{name})", regex.I
    )


def _about(
    sentence: str, pattern: regex.Pattern[str], v: Vocabulary, *, anywhere: bool = False
) -> Subject | None:
    found = pattern.search(sentence) if anywhere else pattern.match(sentence)
    if found is None:
        return None
    office = found.groupdict().get("office") or ""
    if office and not v.is_role(office.split()[-1]):
        return None  # "Tyrone boss Mickey Harte is …", not "After meeting Ann Roe is …"
    subject = parse_subject(found["name"], v)
    if subject is None or subject.kind != "name" or len(words_of(subject.text)) < 2:
        return None
    named = {person.name for _, person in mentions(sentence, v)}
    if named - {subject.text}:
        return None  # another person in the sentence: who spoke is not plain
    return Subject("name", subject.text, subject.role, subject.gender)


def with_pulled_speakers(quotes: list[Quote]) -> list[Quote]:
    """A pull-quote (« Pilier de la souveraineté alimentaire ») repeats words of a quotation
    the text attributes: it takes that quotation's speaker (cue ``repeated``)."""
    if all(q.speaker for q in quotes) or not any(q.speaker for q in quotes):
        return quotes
    said = [(_plain(q.text), q) for q in quotes if q.speaker]
    out: list[Quote] = []
    for quote in quotes:
        text = _plain(quote.text)
        source = (
            None
            if quote.speaker or len(text) < 12
            else next((q for plain, q in said if text in plain and q is not quote), None)
        )
        if source is not None:
            quote = replace(
                quote, speaker=source.speaker, role=source.role, cue="repeated", check=None
            )
        out.append(quote)
    return out


def without_repeats(quotes: list[Quote]) -> list[Quote]:
    """Each quotation once: a headline the page repeats, or a pull-quote given again in the
    text, is the same words; of the two, the one with a speaker (and a role), else with a
    reason to check, else written whole, with its full stop, stays."""
    kept: dict[str, int] = {}
    out: list[Quote] = []
    for quote in quotes:
        plain = _plain(quote.text)
        if plain not in kept:
            kept[plain] = len(out)
            out.append(quote)
        elif _weight(quote) > _weight(out[kept[plain]]):
            out[kept[plain]] = quote
    return out


def _weight(quote: Quote) -> tuple[bool, bool, bool, int]:
    """A speaker with a role ("PM" resolved, further on, to the Prime Minister named)."""
    return bool(quote.speaker), bool(quote.role), bool(quote.check), len(quote.text)


def _plain(text: str) -> str:
    return " ".join(regex.sub(r"[^\w\s]", " ", text.casefold()).split())


def lead_in(body: str, lead: regex.Match[str], v: Vocabulary) -> Subject | None:
    """``Pour X, « … »`` / ``Selon lui, « … »``: X only when a name (or a pronoun)."""
    who = lead["who"].strip(SPACES)
    if who.lower() in ("lui", "elle", "him", "her"):
        return Subject(
            "pronoun", who.lower(), gender="f" if who.lower() in ("elle", "her") else "m"
        )
    rest = body[lead.end() :]
    subject = parse_subject(f"{who}, {rest}" if rest else who, v)
    if subject is None or subject.kind not in ("name", "surname", "descriptor"):
        return None
    if subject.kind == "descriptor" and not _could_speak(subject.text, v):
        return None  # "Pour le reste, …", "Pour l'instant, …": no one
    return subject


def _could_speak(descriptor: str, v: Vocabulary) -> bool:
    """A descriptor holding an office, an occupation or a body's word, or initials."""
    words = [w.strip(".,").lower() for w in descriptor.replace("’", "'").split()]
    words = [w.split("'")[-1] for w in words]  # "l'entraîneur"
    return any(w in v.role_words or w in v.body_words for w in words) or any(
        w.isupper() and len(w) > 1 for w in descriptor.split()
    )


_ON_BEHALF = lazy(
    r"[,;]?[ \u00a0]*\b(?:on[ \u00a0]+behalf[ \u00a0]+of|au[ \u00a0]+nom[ \u00a0]+d(?:e|u|es|['’])|"
    r"de[ \u00a0]+la[ \u00a0]+part[ \u00a0]+d(?:e|u|es|['’]))[^.;«»“”\"]*",
    regex.I,
)
# How long the text between two quotations of one speaker may be: an attribution with a
# long office ("said the Honourable Jane Roe, Minister of Public Works and …").
_BETWEEN_MAX = 300


def names_only(last: Quote, between: str, v: Vocabulary) -> bool:
    """Whether the text between two quotations names nobody but the last speaker (the
    person a speaker speaks for does not count: ``said Ann Roe, on behalf of Minister
    Ben Lee.``) and brings in no written words (``A website carried the headline``)."""
    if _WRITTEN_BEFORE.search(between):
        return False
    role = last.role or ""
    between_speakers = _ON_BEHALF.sub("", between)
    people = {p.name for _, p in mentions(between_speakers, v) if p.name not in role}
    return people <= {last.speaker} and len(between) < _BETWEEN_MAX


# Written words a quotation gives: "carried the headline “…”", "avec le slogan « … »".
_WRITTEN_BEFORE = lazy(
    r"\b(?:headline|title|slogan|banner|caption|sign|titre|banderole|pancarte|intitulé|"
    r"mention)[ \u00a0]*[:,]?[ \u00a0]*$",
    regex.I,
)
