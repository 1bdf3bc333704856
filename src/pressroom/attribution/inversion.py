"""Cues inside and right after a quotation: a French inverted pronoun (``a-t-elle``), an
incise (``« …, précise la présidente, … »``), and a speaker named after a verb the word
lists do not know (``», a préféré retenir Franck Kita, directeur …``, ``," chortled Tom
Lee, director …``, ``« …, se défend Sami Kanaan, … »``): right after a quotation, a few
lowercase words and then a person's name are an inverted attribution in both languages.
The words are the verb: never part of the role.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pressroom.attribution.persons import person_like
from pressroom.attribution.quotemarks import SPACES
from pressroom.attribution.resolve import Cue
from pressroom.attribution.speakers import Subject, cut_subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

# One to three lowercase words right before a capitalised word.
_WORDS = lazy(r"^(?P<words>(?:\p{Ll}[\p{L}'’\-]*[ \u00a0]+){1,3})(?=\p{Lu})")
# Words that make the run a phrase of the sentence, not a verb: determiners, prepositions,
# conjunctions ("», pour le bien-être de", "», comme le disait X", "," and Tom Lee").
_NOT_VERB = frozenset(
    """
    le la les l' l’ un une des du de d' d’ au aux à en dans pour par sur sous avec sans
    chez vers comme selon et ou mais ni car que qui dont où ce cette ces son sa ses leur
    the a an of to in on at for by with from as like and or but that which who whose this
    these those his her their its
    """.split()
)


def inverted_subject(text: str, v: Vocabulary) -> Subject | None:
    """The person named after an unknown verb at the start of ``text``, if it is one."""
    run = _WORDS.match(text)
    if run is None:
        return _office_then_name(text, v)
    words = run["words"].split()
    if any(w.lower() in _NOT_VERB for w in words[1:]) or (
        words[0].lower() in _NOT_VERB and words[0].lower() != "a"
    ):
        return None
    who = cut_subject(text[run.end() :])
    if _TWO.search(who.split(",")[0]):
        return None  # "…, young Sammy Laffan and Adam Davies": two people, and no verb
    subject = parse_subject(who, v)
    if subject is None or subject.kind != "name" or len(subject.text.split()) < 2:
        return None
    return subject


_TWO = lazy(r"[ \u00a0](?:and|et|&)[ \u00a0]")


def opening_verb(text: str, v: Vocabulary) -> regex.Match[str] | None:
    """A speech verb capitalised at the start of ``text`` (``Said Brian``, ``Added a
    spokesman``), matched with its first letter in lower case: the match's ``string`` is
    ``text`` so written. None when ``text`` opens on no such verb."""
    if not text[:1].isupper():
        return None
    verb: regex.Match[str] | None = v.verb_re.match(text[:1].lower() + text[1:])
    return verb


def verb_first(body: str, v: Vocabulary) -> Subject | None:
    """Who speaks in an opening whose speech verb comes first (``Said Christine,``,
    ``Added a spokesman for the awards:``); not ``Said Ahmed said:``, a name."""
    speaking = _SPEAKING_WAS.match(body)  # "Speaking at the celebrations was Nick Barton,"
    if speaking is not None:
        return parse_subject(cut_subject(body[speaking.end() :]), v)
    verb = opening_verb(body, v)
    if verb is None or verb["inv"] or v.verb_re.search(verb.string, verb.end()):
        return None
    return parse_subject(cut_subject(verb.string[verb.end() :].strip(SPACES)), v)


_SPEAKING_WAS = lazy(r"^(?:Speaking|Also speaking)\b[^,:;.]{0,80}?[ \u00a0]was[ \u00a0]+(?=\p{Lu})")


def _office_then_name(text: str, v: Vocabulary) -> Subject | None:
    """``», a introduit le maire, François Collin, lors du …``: an unknown verb, then an
    office with its determiner, then the person who holds it (a name with a first name)."""
    found = _VERB_THEN_OFFICE.match(text)
    if found is None or found["office"].lower() not in v.role_words:
        return None
    if any(w.lower() in _NOT_VERB for w in found["verb"].split()[1:]):
        return None
    subject = parse_subject(cut_subject(text[found.start("det") :]), v)
    if subject is None or subject.kind != "name" or not person_like(subject.text):
        return None
    return subject


_VERB_THEN_OFFICE = lazy(
    r"^(?P<verb>(?:\p{Ll}[\p{L}'’\-]*[ \u00a0]+){1,3}?)(?P<det>le|la|l['’]|the)[ \u00a0]*"
    r"(?P<office>\p{L}[\p{L}\-]*)[ \u00a0]*,[ \u00a0]*\p{Lu}"
)


def pronoun_subject(inversion: str) -> Subject:
    word = inversion.replace(" ", "-").split("-")[-1].lower()
    return Subject("pronoun", word, gender="f" if word.startswith(("elle", "she")) else "m")


def _verbs_after_a_comma(inner: str, v: Vocabulary) -> Iterator[regex.Match[str]]:
    """The speech verbs that start right after a comma or an ellipsis, past spaces: the
    verb pattern is tried there only (speed: 0.1 ms a quotation when run over all of it)."""
    for mark in _COMMA.finditer(inner):
        if mark.end() >= 2:
            verb = v.verb_re.match(inner, mark.end())
            if verb is not None:
                yield verb


def inside_cue(inner: str, v: Vocabulary) -> Cue | None:
    """``« Ce projet pèse lourd, précise la présidente. C'est long. »``"""
    for verb in _verbs_after_a_comma(inner, v):
        if verb["inv"]:
            return Cue(pronoun_subject(verb["inv"]), "inside")
        tail = inner[verb.end() :].lstrip(SPACES)
        phrase = before_circumstance(cut_subject(v.adverbs.sub("", tail)))
        if not phrase or len(phrase.split()) > _INSIDE_WORDS:
            continue
        subject = parse_subject(phrase, v)
        if subject is not None and subject.kind in ("name", "descriptor", "surname"):
            return Cue(subject, "inside")
    for comma in _INCISE.finditer(inner):  # "« …, se défend Sami Kanaan, on a … »"
        subject = inverted_subject(inner[comma.end() :], v)
        if subject is not None and person_like(subject.text):
            return Cue(subject, "inside")
    return None


# How long the speaker phrase of an incise may be ("le ministre de la Santé, le Dr X").
_INSIDE_WORDS = 16
_COMMA = lazy(rf"[,…][{regex.escape(SPACES)}]*")
_INCISE = lazy(r",[ \u00a0]+(?=\p{Ll})")


def before_circumstance(subject: str) -> str:
    """A name without what follows it in its clause: ``Dorval au conseil de Lunel``,
    ``Tom Lee at the launch`` -> ``Dorval``, ``Tom Lee``."""
    head = subject.split(",")[0]
    found = _NAME_THEN_PLACE.search(head)
    return subject[: found.start()] if found else subject


_NAME_THEN_PLACE = lazy(
    r"(?<=\p{Lu}[\p{Ll}'’\-]+)[ \u00a0](?:au|aux|à|at|to|in|on|sur|dans|devant|during|"
    r"before|from|outside|after|après|pendant|lors|en|face|with|avec|of[ \u00a0]the)[ \u00a0]"
)


def as_said(found: regex.Match[str]) -> str:
    """``comme l'a souligné X`` -> ``a souligné X``; ``comme le précise X`` -> ``précise X``."""
    return "a " if found.group().rstrip().lower().endswith(("a", "ont")) else ""


AS_SAID = lazy(
    r"^comme[ \u00a0]+(?:l['’](?:a|ont)[ \u00a0]+|(?:le|l['’])[ \u00a0]*(?=\p{Ll}))", regex.I
)
