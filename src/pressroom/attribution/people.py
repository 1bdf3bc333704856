"""The people a text names, in the order it names them: what a pronoun, a surname or a
descriptor (``le maire``) is resolved against."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressroom.attribution.genders import agrees, gender_of, may_be, office_gender, with_gender
from pressroom.attribution.names import PARTICLES, Gender, Person, surname, title_gender, words_of
from pressroom.attribution.persons import first_name_gender, name_parts, person_like
from pressroom.attribution.rolename import holds_office, same_office
from pressroom.attribution.speakers import DETERMINER, is_title_surname
from pressroom.attribution.subject_kinds import Joined, Office, Surname, Unsure
from pressroom.attribution.subjects import Mentions
from pressroom.attribution.vocabulary import Vocabulary, folded
from pressroom.text.patterns import lazy

_FORMER = lazy(r"^(?:nouvel|nouveau|nouvelle|ancien|ancienne|ex-)\s*")
# How many sentence subjects back a pronoun may reach, and how many paragraphs.
_SUBJECT_WINDOW = 3
_REACH = 3


@dataclass
class People:
    """The people the text has named so far, most recent last. What is added waits in
    ``pending``, in order, until a question needs it (speed: looking for the names a
    paragraph mentions is the costly part, and most quotes name their speaker outright)."""

    named: list[Person]
    vocabulary: Vocabulary
    groups: list[str] = field(default_factory=list)  # "les deux groupes", "The donors"
    pending: list[tuple[Person | tuple[Mentions, int, int], int]] = field(default_factory=list)
    paragraph: int = 0
    """The paragraph being read (its index); what is added is read as of it."""
    seen: dict[str, int] = field(default_factory=dict)
    """The last paragraph that named each person, was about them, or quoted them."""
    _at: int = 0
    subjects: list[Person] = field(default_factory=list)
    """The people sentences were about, and the speakers named, most recent last."""
    spoke: set[str] = field(default_factory=set)
    """The people named as speakers (by a cue, or resolved from one)."""
    read: list[str] = field(default_factory=list)
    """The stretches of text read for names so far, lower-cased, in order."""
    spoke_at: dict[str, int] = field(default_factory=dict)
    """How many of ``read`` came before each speaker last spoke."""
    offices: set[str] = field(default_factory=set)
    """Subjects written as an office whose holder the text does not name (``le maire``)."""
    unsure: set[str] = field(default_factory=set)
    """Subjects that may not be people (``Unsure``), until the text names them speaking."""
    joined: set[str] = field(default_factory=set)  # named in a plural subject (``Joined``)
    texts: tuple[str, ...] = ()
    """The whole text's paragraphs, where the bodies it names are looked for."""

    def add(self, person: Person) -> None:
        """A speaker the text names outright: named, and what the text is now about."""
        self.pending.append((person, self.paragraph))

    def add_mentioned(self, found: Mentions, start: int, end: int) -> None:
        """The people ``found`` names from ``start`` to before ``end``, unless part of a
        known person's role."""
        self.pending.append(((found, start, end), self.paragraph))

    def _settle(self) -> None:
        pending, self.pending = self.pending, []
        for item, self._at in pending:
            if isinstance(item, Person):
                self.unsure.discard(item.name)
                self._about(self._add(item))
                self.spoke.add(item.name)
                self.spoke_at[item.name] = len(self.read)
                continue
            found, start, end = item
            subjects = dict(found.subjects)
            added = {}
            for at, person in found.found:
                if start <= at < end and not self._in_a_role(person.name):
                    added[at] = self._add(person)
                    self.seen[added[at].name] = self._at
            stretch = found.text[start:end]
            self.read.append(stretch.lower())
            here = [p for at, p in found.found if start <= at < end]
            for again in self.named:  # "Mayor Steele said …", "Laurent …": named again
                first = name_parts(again.name).first
                if (again.surname and again.surname in stretch) or (first and first in stretch):
                    self.seen[again.name] = self._at
                    here.append(again)
            for at, subject in found.subjects:
                if not start <= at < end:
                    continue
                if isinstance(subject, Person):
                    if at in added and subjects.get(at) is subject:
                        self._about(added[at])
                elif isinstance(subject, Joined):
                    self.joined.add(str(subject))
                elif isinstance(subject, Unsure):
                    if str(subject) not in self.spoke:  # one who has spoken is a person
                        self.unsure.add(str(subject))
                    self._about(Person(str(subject), None, None))
                elif isinstance(subject, Office):
                    holder = self._holder(subject)
                    if holder is not None and any(  # "Pour Paul Roy, le chef de l'État veut"
                        p.name != holder.name
                        and agrees(p, gender_of(holder))
                        and person_like(p.name)
                        for p in here
                    ):
                        holder = None  # the sentence names another who may be meant
                    if holder is None:
                        self.offices.add(str(subject))
                    self._about(holder or Person(str(subject), None, office_gender(subject)))
                elif isinstance(subject, Surname):  # "Annie est …", Annie named by no
                    bearer = self._bearer(subject)  # one: a question, not the last named
                    if bearer is None and first_name_gender(subject):
                        self.unsure.add(str(subject))
                        bearer = Person(str(subject), None, None)
                    if bearer is not None:
                        self._about(bearer)
                elif (
                    self.subjects
                    and agrees(self.subjects[-1], subject)
                    and self._named_since(self.subjects[-1], subject) is None
                ):  # "He also said", not "… will see Jeremy Paxman receive it. He said:"
                    self._about(with_gender(self.subjects[-1], subject))

    def _bearer(self, subject: Surname) -> Person | None:
        """The person a sentence's surname subject stands for: someone named with that
        surname, else the one named with that first name (``Deputy president Rigathi
        stated`` after ``Rigathi Gachagua``); None when no one is (a capitalised word
        opening a sentence is often a place or a thing: ``Inverness``, ``Government``); one
        with a title (``Mr. Rugimbana told …``) is a person though named no other way."""
        known = self._by_surname(subject)
        if known is not None and known.surname.lower() == surname(subject).lower():
            return known
        firsts = [p for p in self.named if name_parts(p.name).first == surname(subject)]
        if len(firsts) == 1 or not is_title_surname(subject, self.vocabulary):
            return firsts[0] if len(firsts) == 1 else None
        return Person(str(subject), None, title_gender(subject, self.vocabulary))

    def _about(self, person: Person) -> None:
        self.seen[person.name] = self._at
        self.subjects = [p for p in self.subjects if p.name != person.name][-8:]
        self.subjects.append(person)
        self.named = [
            with_gender(p, person.gender) if p.name == person.name else p for p in self.named
        ]

    def speaking(self, office: str, gender: Gender = None) -> None:
        """An office the text names speaking (``The Assistant Chief Constable said``): what
        the text is now about, though no person is named."""
        self._settle()
        self._about(Person(office, None, gender or office_gender(office)))

    def unnamed(self, office: str, gender: Gender = None) -> None:
        """An office speaking whose holder the text leaves open (``», a confié le
        président``, with no president named): what the text is now about, so that the
        ``il`` after it is not taken for someone named before."""
        self.speaking(office, gender)
        self.offices.add(office)

    def antecedent(self, gender: Gender) -> tuple[Person | None, str]:
        """The person a singular pronoun stands for: the last sentence subject (or speaker)
        of its gender, within the last few; else, when the text names lately only one person
        who can be of that gender (someone whose gender it does not show can), that one.
        None, with the reason, when the text leaves it open."""
        self._settle()
        for person in reversed(self.subjects[-_SUBJECT_WINDOW:]):
            if agrees(person, gender) and self._far(person) and not self.named_last(person):
                return None, f"{person.name} was last named more than {_REACH} paragraphs before"
            if agrees(person, gender):
                if person.name in self.unsure:
                    return None, f"is it {person.name}? the text does not show it is a person"
                named = [p.name for p in self.named if person_like(p.name)]
                if person.name in self.offices and named:
                    return None, f"{person.name}: the text does not say who; is it {named[-1]}?"
                if (
                    person.name in self.spoke
                    and self.subjects[-1].name == person.name
                    and self._named_since(person, gender) is None
                ):
                    return person, ""  # the one who spoke last, nothing said of anyone since
                rival = self._rival(person, gender) or self._named_since(person, gender)
                if rival is not None:
                    return None, f"could be {person.name} or {rival.name}"
                return person, ""
        candidates = {
            p.name: p
            for p in self.named[-4:]
            if agrees(p, gender) and (person_like(p.name) or p.role) and p.name not in self.joined
        }
        if len(candidates) == 1:  # someone whose gender the text does not show stays a rival
            return next(iter(candidates.values())), ""
        if not candidates:
            leaning = {
                p.name: p
                for p in self.named[-4:]
                if may_be(p, gender) and person_like(p.name) and p.name not in self.joined
            }
            if len(leaning) == 1:  # "Cam MacKinnon … He urged": only the first name says "she"
                return with_gender(next(iter(leaning.values())), gender), ""
            return None, "no person of that gender named before"
        return None, "could be " + " or ".join(sorted(candidates)[:3])

    def _named_since(self, person: Person, gender: Gender) -> Person | None:
        """Someone of the pronoun's gender the text names in the paragraph being read, when
        the last paragraph about ``person`` is an earlier one (``Le maestro X … ⏎ M. ; Y,
        directeur, a rappelé … « … » résume-t-il``): the pronoun may be theirs."""
        if self.seen.get(person.name, -1) >= self.paragraph:
            return None
        return next(
            (
                p
                for p in reversed(self.named[-4:])
                if p.name != person.name
                and self.seen.get(p.name, -1) == self.paragraph
                and agrees(p, gender)
                and (person_like(p.name) or p.role)
            ),
            None,
        )

    def _rival(self, person: Person, gender: Gender) -> Person | None:
        """For a pronoun of ``gender`` that would go to ``person``, whose gender the text
        does not show: someone named lately who is surely of that gender."""
        if gender is None or gender_of(person) is not None:
            return None
        return next(
            (
                p
                for p in reversed(self.named[-4:])
                if p.name != person.name and gender_of(p) == gender and person_like(p.name)
            ),
            None,
        )

    def roles(self) -> dict[str, str]:
        """The role the text gives each person it names, where it gives one (without
        working out sentence subjects: only the names are looked for)."""
        roles: dict[str, str] = {}
        for item in [*self.named, *(entry for entry, _ in self.pending)]:
            if isinstance(item, Person):
                people = [item]
            else:
                found, start, end = item
                people = [p for at, p in found.found if start <= at < end]
            for person in people:
                if person.role:
                    roles.setdefault(person.name, person.role)
        return roles

    def last_speaker(self, office: str | None = None) -> Person | None:
        """The person the text is now about, when that is the last speaker named (no
        sentence about someone else since; the sentence whose subject is ``office``, the
        one being resolved, aside)."""
        self._settle()
        subjects = [p for p in self.subjects if office is None or p.name.lower() != office]
        return subjects[-1] if subjects and subjects[-1].name in self.spoke else None

    def _far(self, person: Person) -> bool:
        """Whether the text was last about this person too many paragraphs back."""
        return self.paragraph - self.seen.get(person.name, self.paragraph) > _REACH

    def written_before(self, word: str, person: Person) -> bool:
        """Whether the text wrote ``word`` before ``person`` last spoke (``le ministre de
        la santé`` above the mayor's quotation: another man is the minister)."""
        self._settle()
        return any(word in stretch for stretch in self.read[: self.spoke_at.get(person.name, 0)])

    def named_last(self, person: Person) -> bool:
        """Whether no one was named since ``person``."""
        self._settle()
        return bool(self.named) and self.named[-1].name == person.name

    def latest_subject(self) -> Person | None:
        """The text's last sentence subject (or speaker), if it has one yet."""
        self._settle()
        return self.subjects[-1] if self.subjects else None

    def is_latest_subject(self, person: Person) -> bool:
        """Whether the text's last sentence subject (or speaker) is this person."""
        return (latest := self.latest_subject()) is not None and latest.name == person.name

    def _add(self, person: Person) -> Person:
        words = words_of(person.name)
        if (
            is_title_surname(person.name, self.vocabulary)
            or len(words) < 2
            or words[0].lower() in PARTICLES  # "Van Rensburg" for Pieter van Rensburg
        ):
            full = self._by_surname(person.name)
            if full is not None:
                person = Person(full.name, full.role or person.role, full.gender or person.gender)
        for index, known in enumerate(self.named):
            if (
                known.name == person.name
                or (  # "Tagne" and "Tagné": one (the length first: folding is dearer)
                    len(known.name) == len(person.name)
                    and folded(known.name) == folded(person.name)
                )
                or (known.surname == person.surname and len(words_of(person.name)) < 2)
            ):
                merged = Person(
                    known.name,
                    self._better_role(known.role, person.role),
                    known.gender or person.gender,
                )
                del self.named[index]
                self.named.append(merged)
                return merged
        self.named.append(person)
        return person

    def _better_role(self, known: str | None, new: str | None) -> str | None:
        """The role the text gave first, unless it was only a title (``Dr``, ``Cllr``)."""
        if known and new and known.rstrip(".").lower() in self.vocabulary.title_words:
            return new
        return known or new

    def last(self, gender: Gender) -> Person | None:
        """The person last named; for a gendered pronoun, the last of that gender, else the
        last whose gender the text does not show."""
        self._settle()
        if gender is not None:
            same = next((p for p in reversed(self.named) if p.gender == gender), None)
            if same is not None:
                return same
        return next((p for p in reversed(self.named) if p.gender in (None, gender)), None)

    def only_person(self) -> Person | None:
        """The one person the text names so far, with a first name and a surname; None
        when it names none or several."""
        self._settle()
        people = {p.name: p for p in self.named if person_like(p.name) and " " in p.name}
        return next(iter(people.values())) if len(people) == 1 else None

    def by_surname(self, name: str) -> Person | None:
        self._settle()
        return self._by_surname(name)

    def _by_surname(self, name: str) -> Person | None:
        wanted = surname(name).lower()
        bearers = [  # "Amadou Keïta", not "Dr Keïta"
            p
            for p in reversed(self.named)
            if p.surname.lower() == wanted
            and len(words_of(p.name)) >= 2
            and not is_title_surname(p.name, self.vocabulary)
        ]
        if len(bearers) > 1:  # "M. Péladeau … son père Pierre Péladeau": the one who spoke
            spoke = [p for p in bearers if p.name in self.spoke]
            return spoke[0] if len(spoke) == 1 else None
        if bearers:
            return bearers[0]
        others = [  # "Professor Liao" for Liao Ming: a surname written first; "le maire
            p  # Grisé" for Ludovic Grisé-Farand: one part of a double surname
            for p in self.named
            if len(words_of(p.name)) >= 2
            and wanted in (x for w in words_of(p.name) for x in (w.lower(), *w.lower().split("-")))
        ]
        return others[-1] if len({p.name for p in others}) == 1 else None

    def _holder(self, office: str) -> Person | None:
        """The one person named holding a sentence subject's office, also by its other
        name (``le chef de l'État`` for the president the text named)."""
        other = other_office(office, self.vocabulary)
        bare = DETERMINER.sub("", office.lower())
        v = self.vocabulary
        words = [other] if other else [w for w in bare.split() if v.is_office(w)]
        holders = {p.name: p for w in words for p in self._holding(w)}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def holding(self, office: str) -> list[Person]:
        self._settle()
        return self._holding(office)

    def _holding(self, office: str) -> list[Person]:
        """The people the text names with a role holding this office word."""
        found = {p.name: p for p in self.named if p.role and holds_office(p.role, office)}
        return list(found.values())

    def _in_a_role(self, name: str) -> bool:
        return any(person.role and name in person.role for person in self.named)

    def by_role(self, descriptor: str, gender: Gender = None) -> Person | None:
        """The last person named in the office, of ``gender`` (``la maire``) if given."""
        self._settle()
        head = _FORMER.sub("", DETERMINER.sub("", descriptor.lower()).strip())
        if not head:
            return None
        for person in reversed(self.named):
            role = (person.role or "").lower()
            if role and same_office(head, role) and agrees(person, gender):
                return person
        return None


def other_office(descriptor: str, v: Vocabulary) -> str | None:
    """The office a descriptor's other name stands for (``le chef de l'État`` ->
    ``président``, ``office-names.txt``), or None."""
    return v.office_names.get(folded(DETERMINER.sub("", descriptor.lower())))
