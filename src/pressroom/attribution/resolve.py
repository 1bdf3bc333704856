"""Who a cue's subject is, and whether the text says it surely enough to name them.

A cue (``», a déclaré X``, ``he said``, ``the minister said``) gives a subject: a name, a
pronoun, a surname or a descriptor. ``resolve`` turns it into an ``Attribution``: the
speaker and role, how they were found (``cue``), and, when the evidence is too weak to
name anyone, no speaker and the reason (``check``), for the editor to settle. The rule is
that a wrong name is worse than none:

- a **name** is named as written (its role from beside it, or from where the text named
  the same person before);
- a **pronoun** goes to the last person a sentence was about, or who was named speaking,
  of the pronoun's gender (from a title, a role, an earlier pronoun, else the first name);
  a plural pronoun (``ont-ils exprimé``, ``they said``) is a joint statement: no one;
- a **surname** goes to the full name the text gave before;
- a **descriptor** (``le préfet``) goes to the person the text names in that role; a
  demonstrative or an epithet (``ce dernier``, ``l'éleveur``) to the person the text is
  about, when their gender agrees; an office the text gives nobody stays the speaker as
  written (``a spokesperson``); anything else is no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pressroom.attribution.authors import document_author
from pressroom.attribution.bodies import (
    DEFINITE,
    body_named,
    document_owner,
    is_body_descriptor,
    is_body_name,
    is_document,
    is_kind_only,
)
from pressroom.attribution.genders import gender_of
from pressroom.attribution.names import (
    INITIALS,
    NOT_FIRST,
    PRONOUNS,
    Person,
    determiner_gender,
    role_gender,
)
from pressroom.attribution.nearby import DEMONSTRATIVE, PLURAL
from pressroom.attribution.people import People, other_office
from pressroom.attribution.persons import is_first_name, person_like
from pressroom.attribution.rolename import LESSER
from pressroom.attribution.roles import stated_role
from pressroom.attribution.speakers import DETERMINER, Subject, is_title_surname, one_body
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

NOT_SPEAKERS = NOT_FIRST | PRONOUNS
_TRAILING = lazy(r"(?<!\b\p{Lu}|\bJr)[\s\u00a0\u202f.,:;!?]+$")
# An epithet standing for the person the text is about: "l'éleveur", "the 11-year-old".
_EPITHET = lazy(
    r"^(?:(?i:le|la|l['’]|the)\s*[\p{Ll}\d]|(?i:ce|cet|cette)\s+\p{L})[\p{L}\d'’\-]+(?:\s|$)"
    # where someone is from, after a lower-case article: "le Vendéen", "la Lyonnaise"
    r"|^(?:le|la|l['’])\s*\p{Lu}\p{Ll}+(?:ien|ienne|ais|aise|ois|oise|éen|éenne|ain|aine)$"
    r"|^(?i:the)\s+\p{Lu}\p{Ll}+man$"  # "the Englishman", "the Dutchman"
)
_AGED = lazy(r"^(?i:the)\s+\d{1,3}-year-old$")
# The one named last ("ce dernier"), and one of several ("l'un d'eux", "one of them").
_LATTER = lazy(r"^(?:ce|cette)\s+derni(?:er|ère)$|^the\s+latter$", regex.I)
_ONE_OF = lazy(
    r"^(?:l['’]une?[ \u00a0]+d['’](?:eux|elles|entre)|one[ \u00a0]+of[ \u00a0]+them)\b", regex.I
)
# Someone the text describes and does not name: "un activiste", "a local resident".
_SOMEONE = lazy(r"^(?:un|une|a|an|one|another)[ \u00a0]+\p{Ll}", regex.I)


@dataclass(frozen=True)
class Cue:
    """What the text around a quotation says of its speaker, and how it says it."""

    subject: Subject
    cue: str
    doubt: str | None = None
    """Why the cue is not sure enough to name anyone (for the editor), when it is not."""


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    check: str | None = None
    """Why no speaker is named although the text points at one (for the editor)."""


NONE = Attribution()


def resolve(cue: Cue | None, people: People, v: Vocabulary) -> Attribution:
    """The speaker a cue names, when the text says it surely; else the reason to check."""
    if cue is None:
        return NONE
    if cue.doubt:  # the layout leaves it open: the question, not a guess
        return Attribution(check=cue.doubt)
    found = _resolved(cue, people, v)
    if cue.cue == "office-colon" and found.speaker == cue.subject.text:
        return Attribution(check=f"“{cue.subject.text}”: the text does not say who holds it")
    speaker = _TRAILING.sub("", found.speaker) if found.speaker else None
    if not speaker or speaker.lower() in NOT_SPEAKERS:
        # "Ainsi", "Enfin", "il": a word of the sentence, not a person
        return Attribution(check=found.check) if found.check else NONE
    return Attribution(speaker, stated_role(found.role, v), found.cue)


_NOT_A_NAME = lazy(r"^(?:L['’]\p{Ll}\S*|\p{Lu}\p{Ll}+(?:ée?s?|ant|ing|ed))$")
_OF_END = lazy(r"(?:\bde(?:\s+la)?|\bdu|\bdes|\bd['’]|\bof(?:\s+the)?)\s*$", regex.I)
_PLURAL_OFFICE = lazy(r"^(?i:les|the)\s+\p{Ll}+s$")  # "Les conseillers", "the councillors"


def _resolved(cue: Cue, people: People, v: Vocabulary) -> Attribution:
    subject = cue.subject
    if (
        subject.kind in ("name", "surname")
        and not subject.role
        and _NOT_A_NAME.match(subject.text)
        and people.by_surname(subject.text) is None  # "Speed said", "Bryant said": named
    ):
        return Attribution(check=f"“{subject.text}” is not a person's name")  # "Interrogé"
    of_place = subject.role and _OF_END.search(subject.role)
    if subject.kind == "name" and of_place and not person_like(subject.text):
        # "le président de la Côte d'Ivoire": an office, not a name
        office = Subject("descriptor", f"{subject.role} {subject.text}")
        return _descriptor(office, people, v, epithet=False, definite=True)
    if subject.kind == "name" and of_place:
        # "le successeur de Paul Roy", "the daughter of Ann Lee": someone else, unnamed
        return Attribution(check=f"“{subject.role} {subject.text}”: who is meant is not named")
    if subject.kind == "name":
        people.add(Person(subject.text, subject.role, subject.gender))
        known = None if subject.role else people.by_surname(subject.text)
        if known is not None and is_title_surname(subject.text, v):  # "Mr Holt": John Holt
            return Attribution(known.name, known.role, cue.cue)
        role = subject.role or (known.role if known else None)
        return Attribution(subject.text, role, cue.cue)
    if subject.kind == "pronoun":
        return _pronoun(subject, people)
    if subject.kind == "surname":
        person = people.by_surname(subject.text)
        if person is not None:
            people.add(person)
            return Attribution(person.name, _fuller(subject.role, person.role), "surname")
        if (
            cue.cue == "named-before"
            and not subject.role
            and not is_first_name(subject.text)
            and subject.text not in people.spoke  # not "… says Brown." above
        ):
            # "Occasion pour les observateurs de …": a capitalised word no one bears
            return Attribution(check=f"“{subject.text}” is no surname of a person named")
        people.add(Person(subject.text, subject.role, subject.gender))
        return Attribution(subject.text, subject.role, cue.cue)
    # wherever the cue is, "L’élu rappelle que « … »" and "The 27-year-old added:" are epithets
    opening = subject.text[:2] in ("L'", "L’") and " " not in subject.text
    epithet = cue.cue in _AFTER_THE_QUOTE or opening or bool(_AGED.match(subject.text))
    return _descriptor(subject, people, v, epithet=epithet, definite=cue.cue == "lead-in")


def _fuller(written: str | None, known: str | None) -> str | None:
    """The role written with a surname (``le député Tardif``), or the person's known role
    when it says the same, only more (``député de Rivière-du-Loup``)."""
    if written and known and written.lower() in known.lower():
        return known
    return written or known


def _pronoun(subject: Subject, people: People) -> Attribution:
    if subject.text in PLURAL:
        return Attribution(check=f"“{subject.text}”: several people speak together")
    if subject.text in ("on", "we", "nous"):
        return NONE
    if subject.text == "it":  # "A message on the website … It states:": not a person's
        return Attribution(check="“it”: a thing or a body, not someone the text names")
    person, why = people.antecedent(subject.gender)
    if person is None:
        return Attribution(check=f"“{subject.text}”: {why}")
    if subject.text in ("he", "she") and INITIALS.match(person.name):
        # '"…," said PM. … He however said': "he" is a person, not initials written alone
        return Attribution(check=f"“{subject.text}”: who is {person.name}?")
    return Attribution(person.name, person.role, "pronoun")


# Cues where a descriptor stands in a speaker's place ("», regrette l'éleveur"), so that an
# epithet there is the person the text is about.
_AFTER_THE_QUOTE = frozenset({"after-verb", "inside"})
_EPITHET_WORDS = 6
_SOMEONE_WORDS = 10


def _descriptor(
    subject: Subject, people: People, v: Vocabulary, *, epithet: bool, definite: bool = False
) -> Attribution:
    text = subject.text
    if is_document(text, v):  # "…," the release said: no one the text names wrote it
        owner = document_owner(text, v)  # "selon un communiqué de la préfecture": its words
        if owner is not None:
            return Attribution(owner, None, "descriptor")
        author = (
            document_author(people.texts, people.paragraph, v) if DEFINITE.match(text) else None
        )
        said = _resolved(Cue(author, "descriptor"), people, v) if author else NONE
        if said.speaker:  # "In a statement, Gohmert said … . "…," the statement said."
            return Attribution(said.speaker, said.role, "descriptor")
        return Attribution(check=f"“{text}”: a document; the text does not say who wrote it")
    if _ONE_OF.match(text):  # "», soutient l'un d'eux": one of several, not the last named
        return Attribution(check=f"“{text}”: one of several people; the text does not say who")
    if is_body_name(text, v):  # "Kent County Council said": the body, as written
        return Attribution(text, None, "descriptor")
    if is_body_descriptor(text, v):  # "the club said": the one club the text names
        body = body_named(text, people.texts, v)
        if body is not None:
            return Attribution(body, None, "descriptor")
        if is_kind_only(text, v):  # "the firm said" in a text naming several firms, or none
            return Attribution(check=f"“{text}”: the text does not say which one by name")
    if _owned_body(text, v):  # "the mayor's office", "l'entourage du ministre": not the mayor
        return Attribution(text, None, "descriptor")
    lower, plain = text.lower(), one_body(text, v)  # "A Kent Fire Service spokesman"
    if (
        _SOMEONE.match(plain)
        and len(plain.split()) <= _SOMEONE_WORDS
        and not any(w[:1].isupper() for w in plain.split()[1:])  # "a spokesman, Tom Lee"
    ):
        # "», a expliqué un élève délégué": someone new, not the last named in that office
        people.speaking(text, determiner_gender(lower))
        return Attribution(text, None, "descriptor")
    person = people.by_role(text, "f" if determiner_gender(lower) == "f" else None)  # "la maire"
    if person is not None:
        people.add(person)
        return _as_holder(person, text, v)
    office_name = other_office(text, v)
    if office_name:  # "le chef de l'État": the president the text named
        holders = people.holding(office_name)
        if len(holders) == 1:
            people.add(holders[0])
            return _as_holder(holders[0], text, v)
    short = len(text.split()) <= _EPITHET_WORDS
    if DEMONSTRATIVE.match(text) or (
        epithet and short and _EPITHET.match(text) and not _office(lower, v)
    ):
        if is_body_descriptor(text, v):  # "the police force said": the body, no person's epithet
            return Attribution(text, None, "descriptor")
        noun = DETERMINER.sub("", lower).split()[0]  # "le journaliste de Naja TV": the one
        holders = people.holding(noun) if v.is_role(noun) else []  # journalist the text names
        if len(holders) == 1:
            return Attribution(holders[0].name, stated_role(holders[0].role, v), "descriptor")
        gender = subject.gender or determiner_gender(lower) or role_gender(text, v)
        latest = people.last(gender) if _LATTER.match(text) else None
        if latest is not None and (person_like(latest.name) or latest.role):
            # "… à l'encontre de Nicolas Battini. Ce dernier avait annoncé : « … »": the one
            # named last, not the one the text is about
            return Attribution(latest.name, stated_role(latest.role, v), "descriptor")
        person, why = people.antecedent(gender)
        if person is not None and holders and person.name not in {p.name for p in holders}:
            person, why = None, "could be " + " or ".join(p.name for p in holders[:3])
        if person is not None and (
            gender is None or gender_of(person) == gender or people.is_latest_subject(person)
        ):
            return _as_holder(person, text, v)
        return Attribution(check=f"“{text}”: {why or 'who is meant is not sure'}")
    if _office(lower, v):
        office = _office(lower, v)
        holders = [p for p in people.holding(office) if _holds_here(p, text, office)]
        if len(holders) == 1:
            people.add(holders[0])
            return _as_holder(holders[0], text, v)
        if holders:
            people.unnamed(text)
            return Attribution(
                check=f"“{text}”: could be " + " or ".join(p.name for p in holders[:3])
            )
        last = people.last_speaker(lower)
        latest = people.latest_subject()
        someone = one_body(latest.name, v) if latest is not None else ""
        if _SOMEONE.match(someone) and _office(someone.lower(), v) == office:
            return Attribution(text, None, "descriptor")  # "A spokesman said", then "the
        # spokesman said": the one unnamed
        gender = subject.gender or determiner_gender(lower)
        if (
            last is not None
            and person_like(last.name)
            # an office the speaker was not said to hold is theirs only when no one was
            # named since ("a déclaré Yann Kerbrat. Le club dirigé par Marc Tanguy …")
            and (_holds_this(lower, office, last.role) if last.role else people.named_last(last))
            and (gender is None or gender_of(last) in (None, gender))
            and not people.written_before(office, last)
        ):
            # "« … », déclare X. … « … », affirme le premier vice-président": the speaker
            # just named, written again as an office the text gives no one else
            people.add(last)
            return _as_holder(last, text, v)
        # anyone the text names, also with a first name the list does not know ("Micheál")
        named = [p for p in people.named if person_like(p.name) or p.role or _two_words(p)]
        if (definite or DEFINITE.match(text)) and named:
            # "le coach cinacien" in a text that names people: who holds it is not said;
            # and the "il" after it is not the speaker before, whom it may not be
            before = people.last_speaker()
            if before is not None and before.name != named[-1].name:
                people.unnamed(text)
            return Attribution(
                check=f"“{text}”: the text does not say who; is it {named[-1].name}?"
            )
        people.speaking(text)
        return Attribution(text, None, "descriptor")
    if epithet and short and _SOMEONE.match(text):
        return Attribution(text, None, "descriptor")  # "», commente un activiste": as written
    if is_body_descriptor(text, v) or (_PLURAL_OFFICE.match(text) and _office(text[:-1], v)):
        # "», a indiqué la préfecture du Var", "Les conseillers ajoutent :": as written
        return Attribution(text, None, "descriptor")
    if INITIALS.match(text):  # "said PM.": an office's initials, no one named in it
        people.speaking(text)
        return Attribution(text, None, "descriptor")
    return Attribution(check=f"“{text}” is not a person's name or office")


def _as_holder(person: Person, text: str, v: Vocabulary) -> Attribution:
    """The person a descriptor stands for, with their role, else the descriptor's office."""
    return Attribution(person.name, stated_role(person.role, v) or _as_role(text), "descriptor")


def _owned_body(descriptor: str, v: Vocabulary) -> bool:
    """A body owned by an office, which speaks for the office holder but is not them: ``the
    mayor's office``, ``l'entourage du ministre``, ``le cabinet du préfet``."""
    words = DETERMINER.sub("", descriptor).replace("’", "'").lower().split()
    if len(words) < 2:
        return False
    if words[0].endswith("'s"):
        return words[1].strip(".,") in v.body_words
    return (
        words[0] in v.body_words
        and bool(_COMPLEMENT.match(words[1]))
        and any(v.is_office(w.strip(".,")) for w in words[2:4])
    )


def _holds_this(descriptor: str, office: str, role: str) -> bool:
    """Whether ``role`` is the office a descriptor names: its word, and its complement when
    it has one (``le président de la République`` is not ``président de la fédération``)."""
    role = role.lower()
    words = DETERMINER.sub("", descriptor).strip()
    if _OFFICE_COMPLEMENT.search(words):
        return words in role
    return office in role


_OFFICE_COMPLEMENT = lazy(r"\s(?:de|du|des|d['’]|of)\s", regex.I)


def _holds_here(person: Person, descriptor: str, office: str) -> bool:
    """Whether the person's role fits where the descriptor places the office: ``le
    président de la Côte d'Ivoire`` is not the ``président`` the text gave Macky Sall."""
    where = _PLACE_OF.match(descriptor, descriptor.lower().find(office) + len(office))
    if where is None:
        return True
    return where["place"].lower() in (person.role or "").lower().replace("’", "'")


_PLACE_OF = lazy(
    r"[ \u00a0]+(?:(?:de|du|des|of)[ \u00a0]+|d['’])(?:la[ \u00a0]+|l['’]|the[ \u00a0]+)?"
    r"(?P<place>\p{Lu}[\p{L}'’\-]*)"
)


def _two_words(person: Person) -> bool:
    words = person.name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _as_role(descriptor: str) -> str | None:
    """A descriptor that named a known person, as that person's role when the text gives
    them no other: ``la patronne de la diplomatie`` -> ``patronne de la diplomatie``;
    ``ce dernier``, ``celle-ci`` say nothing of one."""
    if DEMONSTRATIVE.match(descriptor):
        return None
    role = DETERMINER.sub("", descriptor).strip()
    if " " not in role and role[:1].isupper():
        return None  # "le Vendéen": where someone is from, not a role
    return role or None


def _office(descriptor: str, v: Vocabulary) -> str:
    """The office word a descriptor names (``le préfet de la Somme`` -> ``préfet``)."""
    head = DETERMINER.sub("", descriptor).strip()
    before = ""
    for word in head.replace("’", "'").split()[:4]:
        if _COMPLEMENT.match(word):
            return ""  # "l'entourage du ministre", "a spokesman for the mayor": not them
        bare = str(word.strip(".,;:'"))
        if v.is_office(bare):
            # "la vice-Première ministre": not the Premier ministre the text named
            return "" if before.split("-")[0] in LESSER else bare
        before = bare.lower()
    return ""


_COMPLEMENT = lazy(r"^(?:de|du|des|d'|of|for|pour|auprès)(?:\b|$)", regex.I)
