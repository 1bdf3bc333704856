"""The words right after a quotation that say who spoke: ``», a déclaré X``, ``," Roe said``,
``"…," chortled Tom Lee``, ``"…", selon X``, ``». C'est ce qu'a déclaré X``, a signature
(``» - Ann Roe, mayor``). ``cues`` tries them first."""

from __future__ import annotations

from dataclasses import replace

import regex

from pressroom.attribution.before import (
    ACCORDING_TO_HIM,
    SENTENCE_BREAK,
    sentence_before,
)
from pressroom.attribution.bodies import DOCUMENT_OF, article_left
from pressroom.attribution.clauses import past_opening
from pressroom.attribution.inversion import (
    AS_SAID,
    as_said,
    before_circumstance,
    inverted_subject,
    opening_verb,
    pronoun_subject,
)
from pressroom.attribution.joint import joint
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import NOT_FIRST
from pressroom.attribution.persons import is_first_name, person_like
from pressroom.attribution.quotemarks import SPACES
from pressroom.attribution.resolve import Cue
from pressroom.attribution.speakers import Subject, cut_subject, parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

__all__ = ["after_quote", "names_the_words"]


def names_the_words(text: str) -> bool:
    """``C'est ce qu'a déclaré X``, ``Those were the words of X``: a sentence that says
    whose the words above were."""
    return bool(_THAT_IS_WHAT.match(text) or _WORDS_OF.match(text))


_ASIDE = lazy(  # "a déclaré une fois réélu Bertrand Bellanger"
    r"^(?!(?:le|la|les|l|un|une|the|a|an|il|elle|he|she|ce|cette|son|sa|ses)\b)"
    r"(?:[\p{Ll}'’\-]+\s+){1,4}(?=\p{Lu}\p{Ll})"
)


def after_quote(inner: str, after: str, v: Vocabulary) -> Cue | None:
    rest = after.lstrip(SPACES)
    comma = rest[:1] == "," or inner[-1:] in (",", "?", "!") or _ends_open(inner)
    rest = _CLITICS.sub("", rest.lstrip(SPACES + ","))  # "», leur a dit le recteur"
    rest = AS_SAID.sub(as_said, rest)  # "», comme l'a souligné le président"
    if (opening := opening_verb(rest, v)) is not None:
        rest = opening.string  # "’ Said Brian.": the verb, not a name
    said_so = _THAT_IS_WHAT.match(rest)  # "». C'est ce qu'a déclaré X", '" That is what X said'
    rest = rest[said_so.end() :] if said_so else rest
    taken_up = _TAKEN_UP.match(rest)  # "». Ce crédo, Pierre Goguet l'a rappelé lors de …"
    if taken_up is not None and v.verb_re.search(taken_up["sentence"]):
        found = sentence_before(taken_up["sentence"], v)
        return Cue(found.subject, "after-verb") if found else None
    words_of_who = _WORDS_OF.match(rest)  # "». Ce sont les mots de X"
    verdict = _VERDICT.match(rest)  # '"…," was coach Ann Roe's assessment'
    if words_of_who is not None or verdict is not None:
        who = verdict["who"] if verdict else cut_subject(rest[words_of_who.end() :])
        named = parse_subject(who, v)
        return Cue(named, "after-verb") if named and named.kind == "name" else None
    according = ACCORDING_TO_HIM.match(rest)
    if according:
        return Cue(pronoun_subject("-" + according["pronoun"].lower()), "after-verb")
    source = _ACCORDING_AFTER.match(rest)
    if source is not None and not comma and _SOURCE_OF_NEXT.match(rest):
        return None  # '“….” According to OAG, Ryanair is …': the source of what follows
    if source is not None:  # '"…", selon M. Salvi.', '"…," according to the council.'
        who = _INITIALS_IN_BRACKETS.sub("", rest[source.end() :])  # "l'Agence (ARS) de X"
        document = DOCUMENT_OF.match(who)  # "selon un communiqué du maire": the maire
        if document is not None and document["word"].lower() in v.document_words:
            who = article_left(document["of"]) + who[document.end() :]
        named = parse_subject(before_circumstance(cut_subject(who)), v)
        if named is not None and (comma or named.kind == "name"):
            return Cue(named, "after-verb")  # 'un moyen de « … » selon Ann Roe': a name only
        return None
    thus = _THUS.match(rest)  # "» Ainsi commentait le Président X", '" So said the mayor'
    if thus is not None and v.verb_re.match(rest, thus.end()):
        rest = rest[thus.end() :]
    match = v.verb_re.match(rest)
    if match:
        if match["inv"]:
            return Cue(pronoun_subject(match["inv"]), "after-verb")
        tail = _after_circumstance(v.adverbs.sub("", rest[match.end() :].lstrip(SPACES)))
        bracketed, tail = tail, _INITIALS_IN_BRACKETS.sub("", tail)  # "des Caraïbes (Caricom)"
        aside = _ASIDE.match(tail)  # not "said councillor Ann Roe": an office, no aside
        if aside and not v.office_word.search(aside.group()):
            tail = tail[aside.end() :]
        who = before_circumstance(cut_subject(tail))
        if joint(who.split(",", 1)[0], v):
            return None  # "», ont déclaré Anne Roe et Paul Lee": together, no one alone
        subject = with_initials(parse_subject(who, v), bracketed)
        who = who.split(",", 1)[0].strip(SPACES)
        if subject is None and _SOMEONE_ELSE.match(who):
            # "», corrobore l'Unaf, qui …": said by someone the rules cannot name, and so
            # by no one the text named before (a question for the editor, not a guess)
            subject = Subject("descriptor", who)
        return Cue(subject, "after-verb") if subject else None
    sentence = cut_subject(rest)
    verb = v.verb_re.search(rest[:200])
    if verb and (verb.start() <= len(sentence) + 1 or said_so) and verb.start() > 0:
        found = _subject_then_verb(rest, verb, comma or said_so is not None, inner, v)
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
    # a name after a space, a comma, a dash or words read above ("», leur a dit"); or
    # glued to the mark ("»Pascal Roux, X")
    if (
        (after[:1] != "" and after[:1] in SPACES)
        or rest != after
        or _DASH_START.match(after.lstrip(SPACES))
        or after[:1].isupper()
    ):
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
            # the name opens the words after the mark (past an office or a title), not a
            # sentence about something ("”Back to Birdsville is the book in her … Series")
            and 0 <= dashless.find(subject.text) <= _SIGNATURE_LEAD
            # a signature names one person; "» Ann Roe, …, Paul Lee, …, Eva Kim, …" is a
            # photo's caption
            and len({m.name for _, m in mentions(dashless, v)}) < _CAPTION_NAMES
        ):
            return Cue(subject, "after-name")
    return None


_CAPTION_NAMES = 3
"""People named after a quotation from which the words there are a caption's list."""


def _subject_then_verb(
    rest: str, verb: regex.Match[str], comma: bool, inner: str, v: Vocabulary
) -> Cue | None:
    """``"…," Roe said``: the speaker before the verb, right after the quotation."""
    head = rest[: verb.start()]
    if SENTENCE_BREAK.search(head.rstrip() + " ") or _CLAUSE_PUNCT.search(head):
        return None
    # '"…," he said, "…"': both halves; '"…," he said "…"', its stop lost: the first too
    split = comma and (rest.rstrip(SPACES).endswith(",") or inner.endswith(","))
    after_verb = rest[verb.end() :].lstrip(SPACES)
    if (not after_verb.strip(SPACES + ",:") or after_verb[:1] == ":") and not split:
        return None  # "…” Jane Doe added: “…”" (or its words, marks lost): the next one's
    tail_words = len(cut_subject(rest[verb.end() :]).split())
    if not comma and tail_words > 6 and not _POINTS_BACK.match(after_verb):
        return None  # a new sentence, unless "X stated this at …": the words above
    # '"…." In previous talks, he also urged': the subject past the opening clause
    subject = parse_subject(head if comma else past_opening(head), v, before_verb=True)
    return Cue(subject, "after-verb") if subject else None


_THUS = lazy(r"(?:Ainsi|Thus|So)[ \u00a0]+")
_POINTS_BACK = lazy(r"(?:this|these|those|so|ceci|cela|ces\s+propos)\b", regex.I)


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
    cérémonie, devant des élus, le maire, X`` -> ``le maire, X``; ``a souligné, mercredi à
    Abidjan, son porte-parole X`` -> ``son porte-parole X``."""
    set_off = _SET_OFF.match(tail)
    tail = tail[set_off.end() :] if set_off else tail
    for _ in range(3):
        addressee = _ADDRESSEE.match(tail)
        found = addressee or _CIRCUMSTANCE.match(tail)
        if found is None:
            break
        tail = tail[found.end() :]
        words = tail.split(" ", 2)
        if (
            addressee
            and len(words) == 3
            and is_first_name(words[1])
            and not is_first_name(words[0])
        ):
            tail = words[1] + " " + words[2]  # "à France Bleu Xavier Roux": a medium's two words
    return tail


def _office_signature(text: str, v: Vocabulary) -> bool:
    """``» - Commonwealth Secretary-General``: an office signs, not a person (unless a first
    name or a title shows one: ``- Ann Judge``)."""
    last = text.split()[-1].split("-")[0].lower()
    return last in v.role_words and not person_like(text)


def _ends_open(inner: str) -> bool:
    """A quotation that stops on an ellipsis: its sentence goes on after it."""
    return inner.endswith(("...", "…"))


# Where or when something was said, before the speaker: "lors d'une cérémonie,", "sur
# France 2", "at the launch on Monday,"
_CIRCUMSTANCE = lazy(
    r"^(?:le|ce)[ \u00a0]+(?:week-end|weekend|matin|soir)(?:[ \u00a0]+dernier)?[ \u00a0,]+|"
    r"^(?:lors|devant|pendant|durant|dans|sur|à|au|aux|en|après|avant|depuis|at|in|on|"
    r"during|before|after|to|from)\b(?:[^,;:.«»“”\"]{1,60}?(?=[ \u00a0](?:le|la|l['’]|the)"
    r"[ \u00a0]?\p{L})|"
    r"(?-i:[^,;:.«»“”\"\p{Lu}]{1,40}?(?=[ \u00a0]\p{Lu}\p{Ll}+[ \u00a0]\p{Lu}\p{Ll}))|"
    r"[^,;:.«»“”\"]{1,90},)[ \u00a0]*",  # "au téléphone Vicki Plourde": a name after it
    regex.I,
)
# Words set off by commas right after the verb, in lower case: when or where it was said.
_SET_OFF = lazy(r"^,[ \u00a0]*\p{Ll}[^,;:.«»“”\"]{1,60},[ \u00a0]*")
# Whom it was said to, before a name: "a déclaré à l'AFP (Agence France-Presse) Ann Roe".
_ADDRESSEE = lazy(
    r"^(?:à|au|to)[ \u00a0]+(?:l['’])?\p{Lu}[\p{L}\-]*(?:[ \u00a0]*\([^()]{1,60}\))?[ \u00a0]+"
    r"(?=\p{Lu}\p{Ll})"
)
# A pronoun and a verb the lists do not know after a quotation: '"…," he summed up.'
_PRONOUN_UNKNOWN_VERB = lazy(
    r"^(?P<pronoun>he|she)[ \u00a0]+\p{Ll}{3,}(?:ed|s)(?:[ \u00a0]+(?:up|out|back|on))?"
    r"[ \u00a0]*[.,;]"
)
# A speaker phrase after the verb that opens on a capitalised word or an elided article
# and a capital: a name or a body the rules cannot read ("l'Unaf", "ONU Femmes").
_SOMEONE_ELSE = lazy(r"^(?:l['’]|the[ \u00a0]+)?\p{Lu}[\p{L}\-]+(?:[ \u00a0]+\p{Lu}[\p{L}\-]+)?$")


# The sentence after a quotation that takes its words up with "l'": "». Ce crédo, X l'a
# rappelé lors de …", "». Le maire l'a répété".
_TAKEN_UP = lazy(
    r"^[.!…][ \u00a0]*(?P<sentence>[^.!?«»“”\"]{0,200}?[ \u00a0]l['’](?:a|ont|avait)[ \u00a0]+"
    r"\p{Ll}+(?:é|ée|és|ées)\b[^.!?«»“”\"]*)"
)
# The sentence after a quotation that says whose words they were, the verb after it.
_THAT_IS_WHAT = lazy(
    r"^[.!…]?[ \u00a0]*(?:c['’]est|c['’]était|voilà)[ \u00a0]+(?:ce|(?:avec|par|en|sur)[ \u00a0]+"
    r"(?:ces|ses|les|de[ \u00a0]+tels)[ \u00a0]+(?:mots|termes|propos|paroles))[ \u00a0]+"
    r"qu(?:e[ \u00a0]+|['’])"
    r"|^[.!…]?[ \u00a0]*(?:that|this)[ \u00a0]+(?:is|was)[ \u00a0]+what[ \u00a0]+",
    regex.I,
)
_JUDGEMENTS = "assessment|verdict|view|take|reaction|response|summary|message|explanation"
_VERDICT = lazy(  # '"…," was Phoenix coach Ricki Herbert's assessment of the game'
    r"^(?:was|is)[ \u00a0]+(?P<who>\p{Lu}[^.!?«»“”\"]{2,80}?)['’]s?[ \u00a0]+"
    rf"(?:{_JUDGEMENTS})\b"
)
_WORDS_OF = lazy(
    r"^[.!…]?[ \u00a0]*(?:(?:ce|tels?|telles?)[ \u00a0]+(?:sont|étaient|furent)[ \u00a0]+"
    r"les[ \u00a0]+(?:mots|propos|paroles)[ \u00a0]+(?:de|d['’]|du)|"
    # "Les mots sont de Victor Carlot, qui continue :"
    r"(?:les|ces)[ \u00a0]+(?:mots|propos|paroles)[ \u00a0]+(?:sont|étaient)[ \u00a0]+"
    r"(?:de|d['’]|du)|"
    # "Tels sont les enjeux de la rencontre expliqués par X", "Telle est la position de …"
    r"(?:tels?|telles?)[ \u00a0]+(?:sont|est|étaient|était)[ \u00a0]+[^.!?«»“”]{3,80}?"
    r"[ \u00a0]\p{Ll}+(?:é|ée|és|ées)[ \u00a0]+par|"
    r"(?:those|these|such)[ \u00a0]+(?:are|were)[ \u00a0]+the[ \u00a0]+words[ \u00a0]+of|"
    rf"(?:was|is)[ \u00a0]+the[ \u00a0]+(?:{_JUDGEMENTS})[ \u00a0]+of)"
    r"[ \u00a0]*",
    regex.I,
)


# A new sentence that opens on its source: "According to OAG Schedules Analyser, Ryanair is".
_SOURCE_OF_NEXT = lazy(r"^\p{Lu}[^,.;:!?]{4,100},[ \u00a0]+\S+[ \u00a0]+\S")
_ACCORDING_AFTER = lazy(r"^(?:selon|d['’]après|à\s+en\s+croire|according\s+to)\s+", regex.I)


def with_initials(subject: Subject | None, text: str) -> Subject | None:
    """The subject's role with the initials in brackets the text wrote inside it, taken out
    to read who speaks (``président de la communauté des Caraïbes (Caricom) et …``)."""
    if subject is None or not subject.role or "(" not in text:
        return subject
    words = [regex.escape(word) for word in subject.role.split()]
    found = regex.search(r"(?:[ \u00a0]+\([^()]{2,12}\))?[ \u00a0]+".join(words), text)
    return replace(subject, role=found.group()) if found else subject


_SIGNATURE_LEAD = 40
_INITIALS_IN_BRACKETS = lazy(r"[ \u00a0]\((?:\p{Lu}{2,6}|\p{Lu}\p{Ll}{2,10})\)(?=[ \u00a0,.])")
_CLAUSE_PUNCT = lazy(r"[;!?]\s")
_CLITICS = lazy(r"^(?:(?:leur|lui|nous|vous|me)\s+|[mt]['’]\s*)(?=\p{Ll})")
_DASH_START = lazy(r"^[–—-]\s")


_DASH_LEAD = lazy(r"^[–—-]\s*")
