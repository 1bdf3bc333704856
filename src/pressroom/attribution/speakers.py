"""Who a cue names: a person (with the role stated beside the name), a pronoun, a surname
or a descriptor (``le vice-président``), resolved against the people the text names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from pressroom.attribution.names import (
    ABBREVIATIONS,
    CONJUNCTIONS,
    NOT_FIRST,
    PARTICLE_SURNAME,
    PRONOUNS,
    SENTENCE_OPENERS,
    Gender,
    is_person_name,
    post_nominal,
    pronoun_gender,
    role_gender,
    strip_title,
    title_gender,
    words_of,
)
from pressroom.attribution.persons import is_first_name, person_like
from pressroom.attribution.rolename import (
    CAP_TOKEN,
    SPACES_AND_COMMAS,
    office_field,
    office_token,
    speaks_for_body,
    split_role_name,
)
from pressroom.attribution.roles import ING_CLAUSE, JOURS, clean_role
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.lexicon import (
    PACKAGED,
    SPEAKER_ENDS_EN,
    SPEAKER_ENDS_FR,
    WEEKDAYS_EN,
    first_forms,
)
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

Kind = Literal["name", "pronoun", "surname", "descriptor"]
MAX_DESCRIPTOR_WORDS = 6
DETERMINER = lazy(
    r"^(?:le|la|les|l['’]|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|"
    r"the|a|an|this|that|these|those|his|her|their|its|our|six|sept|deux|trois|quatre|"
    r"cinq|\d+)\b[ \u00a0]*",
    regex.I,
)
# Weekdays: "lundi" as written, "on Monday" with its capital (not "Sunday Okoro").
_DAYS = "|".join(sorted(day.capitalize() for day in first_forms(PACKAGED, WEEKDAYS_EN)))
_ENDS = "|".join(
    regex.escape(end).replace("\\ ", r"\s").replace("'", "['’]")
    for end in sorted(PACKAGED.entries(SPEAKER_ENDS_FR) + PACKAGED.entries(SPEAKER_ENDS_EN))
)
# A participle's clause, not a role: "addressing the media" (but "managing director").
_SUBJECT_END = lazy(
    rf"(?:(?<!\b(?:\p{{Lu}}|{ABBREVIATIONS}|dr))[.!?]"
    r"(?=[\s\"”»]|$)|[;!?()«»“”\"]|:(?!\d)|\s[–—-]\s|"
    r",\s*(?:adding|ajoutant|précisant|soulignant|déplorant|expliquant|noting|saying|"
    r"composée?s?|formée?s?|made up|comprising|including)\b|"
    r"\s(?:qui|who)\s|"  # "un responsable étudiant qui dénonce …": a relative clause
    r"\s(?:faisant|ajoutant|précisant|soulignant|rappelant|expliquant|adding|noting)\s|"
    rf",\s*{ING_CLAUSE}|"
    # when, where or how it was said (speaker-ends.*.txt): "lors de …", "said Roe today",
    # "said Roe Tuesday"
    rf"\s(?:{_ENDS}|(?:ce\s)?(?:{JOURS})(?:\s(?:matin|soir|dernier))?|(?:on\s)?(?:{_DAYS}))\b)"
)


_ASIDE_LEAD = lazy(
    r"^(?:de son côté|pour sa part|pour leur part|quant à (?:lui|elle)|enfin|ainsi|"
    r"par ailleurs|meanwhile|for (?:his|her|their) part|also|however|de plus|"
    # how the writer reached them: "Joint par téléphone, X, …"
    r"(?:joint|jointe|contacté|contactée|interrogé|interrogée|reached|contacted)\b.*)$",
    regex.I,
)
_OF_BODY = lazy(
    r"^(?P<who>.+?)\s+(?P<link>(?:of|from|at|de|du|des|d['’])\s*(?:(?:the|la|l['’])\s*)?)"
    r"(?P<body>\p{Lu}[^,;:]{1,80})$"
)
_CONJUNCTION = lazy(  # "et le maire", and "M. le Maire": "le Maire"
    rf"^(?:(?:{CONJUNCTIONS})\s+"
    r"|(?:m\.|mme)\s+(?=(?:le|la)\s))",
    regex.I,
)
_REFLEXIVE_END = lazy(r"\s+(?:se|s['’])$")


@dataclass(frozen=True, slots=True)
class Subject:
    """What a cue names, before it is resolved against the people of the text."""

    kind: Kind
    text: str
    role: str | None = None
    gender: Gender = None


def cut_subject(text: str) -> str:
    """The speaker phrase after a verb: up to the end of its sentence or clause."""
    match = _SUBJECT_END.search(text)
    return (text[: match.start()] if match else text).strip(SPACES_AND_COMMAS)


# A time or a place opening the sentence, before its subject: "Ce lundi", "à Doha".
_CIRCUMSTANCE_LEAD = lazy(
    rf"^(?:(?:ce|cette)\s+(?:{JOURS}|matin|soir|semaine|mois)|(?:{JOURS})\b|hier\b|"
    r"aujourd['’]hui|today|yesterday|(?:en|à|au|aux|lors|dans|devant|at|in|on|during|"
    r"après|avant|after|before|pendant|depuis)(?:\s+\S+){1,5}$)",
    regex.I,
)
_ELISION = lazy(r"\p{L}['’]")


def parse_subject(phrase: str, v: Vocabulary, *, before_verb: bool = False) -> Subject | None:
    """A speaker phrase (``Claire Dumas, maire de Vals``, ``he``, ``le vice-président``)."""
    phrase = collapse(phrase).strip(SPACES_AND_COMMAS + ".…")
    if not phrase or len(phrase) > 250 or _ELISION.fullmatch(phrase):
        return None  # "L'annonce est faite …": an article, not a name
    segments = [s.strip(SPACES_AND_COMMAS) for s in phrase.split(",")]
    segments = [s for s in segments if s]
    unmarked = _NAME_THEN_OFFICE.match(segments[0]) if segments else None
    if unmarked is not None and v.is_role(unmarked["office"]):
        # "Luc Bouard le président de l'agglomération": the apposition's comma left out
        segments[:1] = [unmarked["name"], segments[0][unmarked.end("name") :]]
    while len(segments) > 2 and _CIRCUMSTANCE_LEAD.match(segments[0]):
        segments = segments[1:]  # "Ce lundi, à Doha, le sélectionneur, Aliou Cissé, a dit"
    if not segments:
        return None
    head = _CONJUNCTION.sub("", segments[0])
    head = _REFLEXIVE_END.sub("", head)
    bare = head.lstrip('«»“”"' + SPACES_AND_COMMAS)
    said = v.verb_re.match(bare)
    if said is not None and not said["inv"] and " " in bare[said.end() :].strip():
        head = bare[said.end() :].strip()  # "», a déclaré Marc Petit": the verb is no role
    lower = _CLITIC.sub("", head.lower())  # "Il en appelle": the pronoun
    if lower in PRONOUNS:
        return Subject("pronoun", lower, gender=pronoun_gender(lower))
    if _STANDS_FOR_ONE.match(lower):  # "l'intéressée", "Celle-ci s'est exprimée": she
        return Subject("pronoun", lower, gender="f" if lower[-1] == "e" or "lle" in lower else "m")
    if len(segments) == 1 and speaks_for_body(head, v):  # "a spokesman for the Awards"
        return Subject("descriptor", head, gender=role_gender(head, v))
    whole = _whole_name(segments, v)
    if whole is not None:
        at, whole_name = whole
        before = ", ".join(segments[:at])
        before = "" if _ASIDE_LEAD.match(before) else before
        if before and not v.office_word.search(before):
            before = ""  # "a day after the meeting, Ngozi Eze said": no office
        before, whole_name = office_field(before, whole_name, v)  # "Vice-Provost, Research X"
        return _named(whole_name, DETERMINER.sub("", before) or None, segments[at + 1 :], v)
    of_body = _of_body(head, v) if DETERMINER.match(head) else None
    if of_body is not None and person_like(of_body.text):
        return of_body  # "l'agent Luc Roy de la Régie de police": Luc Roy, not the Régie
    name, prefix = split_role_name(head, v)
    if DETERMINER.match(head) and name and is_title_surname(name, v):  # "le Dr Keïta"
        return Subject("surname", name, _role(None, segments[1:], v), title_gender(name, v))
    if (
        DETERMINER.match(head)
        and name
        and prefix
        and len(words_of(name)) >= 2
        and is_person_name(name, v)
        and (DETERMINER.sub("", prefix) or any(map(is_first_name, words_of(name))))
        and not (len(segments) > 1 and _OF_END.search(prefix))
    ):  # not "the Raksha Mantri": an article, then no first name: an office; not "le
        # commandant de Fada N'Gourma, le lieutenant X": the office's place
        return _named(name, DETERMINER.sub("", prefix), segments[1:], v)
    if DETERMINER.match(head) and name and prefix and _lone_surname(name, prefix, v):
        # "the Secretary-General Scotland emphasised:": an office, then a surname
        return Subject("surname", name, clean_role(DETERMINER.sub("", prefix), v))
    if PARTICLE_SURNAME.match(head) and words_of(head)[1].lower() not in v.role_words:
        return Subject("surname", head)  # "a souligné Le Bihan": a surname, not "le"
    if (DETERMINER.match(head) and not CAP_TOKEN.match(words_of(head)[0])) or _OPENS.match(head):
        if len(segments) > 1:
            name, prefix = split_role_name(segments[1], v)
            office = DETERMINER.sub("", head)
            if name and prefix and _is_office(prefix, v):  # "the …, assistant commissioner X"
                office = f"{office}, {DETERMINER.sub('', prefix)}"
            if name and (not prefix or _is_office(prefix, v)) and is_person_name(name, v):
                return _named(name, office, segments[2:], v)
        return _descriptor(head, v)
    name, prefix = split_role_name(head, v)
    if prefix and _OBJECT_OF.search(prefix):
        return None  # "Of the six speakers at Public Question Time": a preposition's object
    if name is None or (prefix and prefix[:1].islower() and before_verb and len(prefix) > 40):
        if len(segments) > 1 and not name:
            second, second_prefix = split_role_name(segments[1], v)
            if second and not second_prefix and is_person_name(second, v):
                return _named(second, head, segments[2:], v)
            lone = second and not second_prefix and " " not in second
            if lone and _is_office(head, v) and str(second).lower() not in NOT_FIRST:
                # "said Head Coach, Tandy": an office, then the surname alone
                return Subject("surname", str(second), clean_role(head, v))
        return _of_body(head, v) or (_descriptor(head, v) if before_verb else None)
    if prefix and prefix.split()[0].lower() in NOT_FIRST and not DETERMINER.match(prefix):
        office = prefix.rstrip(".").lower() in v.role_words | v.title_words
        prefix = None if len(words_of(prefix)) <= 1 and not office else prefix
    if " " not in name and (of_body := _of_body(head, v)) is not None:
        return of_body  # "Sammy Douglas from the Partnership": not "Partnership" alone
    if len(words_of(name)) == 1 or is_title_surname(name, v):
        if name.lower() in NOT_FIRST or name.lower() in v.not_person or name.lower() in PRONOUNS:
            return None
        last_word = words_of(prefix)[-1].rstrip(".").lower() if prefix else ""
        if prefix and last_word not in v.role_words | v.title_words and " " not in name:
            return None  # "Commissioner for Equality": a capitalised word ends the office
        return Subject("surname", name, _role(prefix, segments[1:], v), title_gender(name, v))
    if not is_person_name(name, v):
        if len(segments) > 1:
            second, second_prefix = split_role_name(segments[1], v)
            if second and not second_prefix and is_person_name(second, v):
                return _named(second, head, segments[2:], v)
        if before_verb and not _OF_BODY.match(head) and words_of(name)[-1].lower() in v.body_words:
            return Subject("descriptor", name)  # '"…," Kent Police said': the body speaks
        return _of_body(head, v)
    subject = _clause_subject(prefix, v) if prefix else None
    return subject or _named(name, prefix, segments[1:], v)


def _clause_subject(prefix: str, v: Vocabulary) -> Subject | None:
    """``Cllr Matt Rowe sided with councillor Jo Kerr saying:``, ``» Marco Pellet pose le
    cadre pour son FC Valbrune``: words before the name that open on a person and go on
    with a verb are a clause, and its subject speaks."""
    lead = v.name_re.match(prefix)
    if lead is None:
        return None
    rest = words_of(prefix[lead.end() :])
    if not rest or not rest[0].islower() or rest[0].lower() in v.role_words | _LINKS:
        return None
    subject = parse_subject(lead.group(), v)
    if subject is None or subject.kind != "name" or not person_like(lead.group()):
        return None
    return subject


# Words that go on from a name to its office, not to a verb: "Jane Roe of the port".
_LINKS = frozenset({"of", "de", "du", "des", "d'", "and", "et", "from", "at"})


def _of_body(head: str, v: Vocabulary) -> Subject | None:
    """``Geoff Towne of Golden Plains Soccer Club``, ``Marie Roy de la Ligue des droits``:
    a person, then the body they speak for, which becomes the role (after theirs)."""
    found = _OF_BODY.match(head)
    if found is None:
        return None
    person = parse_subject(found["who"], v)
    if person is None or person.kind != "name":
        return None
    body = found["body"] if not person.role else f"{person.role} {found['link']}{found['body']}"
    return Subject("name", person.text, clean_role(body, v), person.gender)


def _lone_surname(name: str, prefix: str, v: Vocabulary) -> bool:
    lower = name.lower()
    known = lower in NOT_FIRST or lower in v.not_person or lower in PRONOUNS
    return " " not in name and _is_office(prefix, v) and not known


def _is_office(phrase: str, v: Vocabulary) -> bool:
    """Whether a phrase is only an office: ``Head Coach``, ``Chief Executive``."""
    words = [w.lower() for w in words_of(DETERMINER.sub("", phrase))]
    return bool(words) and office_token(words[-1], v) and len(words) <= 4


def _whole_name(segments: list[str], v: Vocabulary) -> tuple[int, str] | None:
    """The first comma-separated segment that is a person's name and nothing else."""
    if len(segments) < 2:
        return None
    found: list[tuple[int, str]] = []
    for at, segment in enumerate(segments[:4]):
        segment = _DETERMINED_TITLE.sub("", segment)  # "le Dr Réjean Hébert"
        name, prefix = split_role_name(segment, v)
        titled = not prefix or all(w.rstrip(".").lower() in v.title_words for w in words_of(prefix))
        if name and titled and len(words_of(name)) >= 2 and is_person_name(name, v):
            found.append((at, f"{prefix[:1].upper()}{prefix[1:]} {name}" if prefix else name))
    # "Hospice Volunteer, Rosemary Stock,": the segment with a first name, not the office
    return next((f for f in found if person_like(f[1])), found[0] if found else None)


def is_title_surname(name: str, v: Vocabulary) -> bool:
    tokens = words_of(name)
    return len(tokens) == 2 and tokens[0].rstrip(".").lower() in v.title_words


def _named(name: str, prefix: str | None, rest: list[str], v: Vocabulary) -> Subject:
    bare, title = strip_title(name, v)
    role = _role(prefix, rest, v)
    if role is None and title:
        role = clean_role(title, v)
    gender = title_gender(name, v) or role_gender(role, v)
    return Subject("name", bare, role, gender)


def _role(prefix: str | None, rest: list[str], v: Vocabulary) -> str | None:
    kept: list[str] = []
    for segment in rest:  # "maire de Vals, jeudi": the circumstance is not the role
        if post_nominal(segment):
            continue  # "Ann Roe, Ph.D., biologist": the biologist
        if kept and (v.role_reject.match(segment) or len(words_of(segment)) <= 1):
            break
        kept.append(segment)
    after = clean_role(", ".join(kept), v) if kept else None
    if after and v.role_reject.match(after):
        after = None
    lone = prefix and " " not in prefix.strip() and not v.is_role(prefix.strip().rstrip("."))
    if prefix and not lone:  # not "Later, X said", "Hier, X a dit": a lone word is no role
        before = clean_role(DETERMINER.sub("", prefix), v)
        if after and not any(v.is_role(w) for w in words_of(before or "")):
            return after  # "— soit 300 000 euros —, X, son vice-président, a dit"
        if before and not v.role_reject.match(before):
            return f"{before}, {after}" if after else before
    return after


def _descriptor(head: str, v: Vocabulary) -> Subject | None:
    words = words_of(one_body(head, v))
    if len(words) > MAX_DESCRIPTOR_WORDS and DETERMINER.match(head):
        head = _COORDINATION.split(head)[0]  # "six associations humanitaires et de droits …"
        words = words_of(head)
    if not words or len(words) > MAX_DESCRIPTOR_WORDS or head.lower() in PRONOUNS:
        return None
    if _ANOTHER.match(head):  # "Et un autre de rétorquer :": someone, no more said
        return None
    opens = DETERMINER.match(head) or _OPENS.match(head)  # "one resident": someone
    if not opens and not (len(words) <= 3 and head[:1].isupper()):
        return None
    if len(words) < 2 and not (_ELIDED.match(head) or head.lower() in v.role_words):
        return None  # "l'éleveur" is two words; '"…," Minister asserted' an office alone
    if any(w.lower() in ("qui", "que", "who", "which", "that") for w in words):
        return None
    if v.verb_re.search(head):  # "a déclaré": a verb, not someone
        return None
    if any(w[:1].isupper() and w.lower() in SENTENCE_OPENERS for w in words[1:]):
        return None  # "le préfet Ainsi Pour y parvenir": a sentence begins, no one is named
    if words[-1].lower() in v.function_words or _name_inside(words, v):
        return None  # "le préfet Tom Lee the", "… Tom Lee the le préfet": fragments
    return Subject("descriptor", head, gender=role_gender(head, v))


def one_body(descriptor: str, v: Vocabulary) -> str:
    """A descriptor with a body's name in capitals as one word (``A Northern Ireland Fire
    and Rescue Service (NIFRS) spokesperson``: ``A body spokesperson``)."""
    one: str = _BODY_NAME.sub(
        lambda m: "body" if m["last"].lower() in v.body_words else m.group(), descriptor
    )
    return one


_BODY_NAME = lazy(
    r"(?<![\p{L}])(?!(?:A|An|The|Le|La|Les|Un|Une)[ \u00a0])\p{Lu}[\p{L}'’\-]*"
    r"(?:[ \u00a0]+(?:(?:and|of|for|&)[ \u00a0]+)?(?P<last>\p{Lu}[\p{L}'’\-]*))+"
    r"(?:[ \u00a0]+\(\p{Lu}{2,8}\))?"
)


def _name_inside(words: list[str], v: Vocabulary) -> bool:
    """Whether a name (two capitalised words or more) stands inside words: not one descriptor."""
    run: list[str] = []
    for index, word in enumerate([*words[1:], ""], start=1):
        if word[:1].isupper():
            run.append(word)
            continue
        if len(run) >= 2 and index < len(words) and is_person_name(" ".join(run), v):
            return True
        run = []
    return False


_CLITIC = lazy(r"(?<=^(?:il|elle|ils|elles|on))\s+(?:en|y|ne|n['’]|lui|leur|se|s['’])$")
_COORDINATION = lazy(r"\s+(?:et|and)\s+")
_DETERMINED_TITLE = lazy(
    r"^(?:le|la|the)[ \u00a0]+(?=(?:dr|docteur|pr|professeur|professor|maître|me|hon|"
    r"honourable|honorable|rev|reverend|révérend)\b)",
    regex.I,
)
# An article opening a descriptor: "The Minister", "A spokesperson for the Parliament"
_OBJECT_OF = lazy(r"\s(?:at|in|into|on|à|dans|sur)$")  # not "by", "par", "to", "from": an agent
_NAME_THEN_OFFICE = lazy(
    r"^(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \u00a0]+\p{Lu}[\p{L}'’-]+){1,2})[ \u00a0]+"
    r"(?:le|la|l['’]|the)[ \u00a0]*(?P<office>\p{Ll}[\p{L}-]+)"
)
_OF_END = lazy(r"\b(?:de|du|des|of)$")
_OPENS = lazy(r"^(?:(?i:le|la|les|the)(?=\s)|(?:A|An|Un|Une|(?i:one|another))[ \u00a0]+\p{Ll})")
_ELIDED = lazy(r"^[lL]['’]\p{Ll}{3,}$")
_STANDS_FOR_ONE = lazy(r"^(?:l['’]intéressée?|celle-ci|celui-ci)$")
_ANOTHER = lazy(
    r"^(?:(?:et|and)\s+)?(?:un\s+autre|une\s+autre|l['’]autre|another(?:\s+one)?)$", regex.I
)
