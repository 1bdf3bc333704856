"""The people a text names, in the order it names them: what a pronoun, a surname or a
descriptor (``le maire``) is resolved against."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressroom.attribution.names import Gender, Person, surname, words_of
from pressroom.attribution.speakers import DETERMINER, is_title_surname, mentions
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

_FORMER = lazy(r"^(?:nouvel|nouveau|nouvelle|ancien|ancienne|ex-)\s*")


class Mentions:
    """The people a stretch of text names (``mentions``), looked for when first needed."""

    __slots__ = ("_found", "_text", "_vocabulary")

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self._text = text
        self._vocabulary = vocabulary
        self._found: list[tuple[int, Person]] | None = None

    @property
    def found(self) -> list[tuple[int, Person]]:
        if self._found is None:
            self._found = mentions(self._text, self._vocabulary)
        return self._found


@dataclass
class People:
    """The people the text has named so far, most recent last. What is added waits in
    ``pending``, in order, until a question needs it (speed: looking for the names a
    paragraph mentions is the costly part, and most quotes name their speaker outright)."""

    named: list[Person]
    vocabulary: Vocabulary
    groups: list[str] = field(default_factory=list)  # "les deux groupes", "The donors"
    pending: list[Person | tuple[Mentions, int, int]] = field(default_factory=list)

    def add(self, person: Person) -> None:
        self.pending.append(person)

    def add_mentioned(self, found: Mentions, start: int, end: int) -> None:
        """The people ``found`` names from ``start`` to before ``end``, unless part of a
        known person's role."""
        self.pending.append((found, start, end))

    def _settle(self) -> None:
        pending, self.pending = self.pending, []
        for item in pending:
            if isinstance(item, Person):
                self._add(item)
                continue
            found, start, end = item
            for at, person in found.found:
                if start <= at < end and not self._in_a_role(person.name):
                    self._add(person)

    def _add(self, person: Person) -> None:
        if is_title_surname(person.name, self.vocabulary) or len(words_of(person.name)) < 2:
            full = self._by_surname(person.name)
            if full is not None:
                person = Person(full.name, full.role or person.role, full.gender or person.gender)
        for index, known in enumerate(self.named):
            if known.name == person.name or (
                known.surname == person.surname and len(words_of(person.name)) < 2
            ):
                merged = Person(
                    known.name, known.role or person.role, known.gender or person.gender
                )
                del self.named[index]
                self.named.append(merged)
                return
        self.named.append(person)

    def last(self, gender: Gender) -> Person | None:
        """The person last named; for a gendered pronoun, the last of that gender, else the
        last whose gender the text does not show."""
        self._settle()
        if gender is not None:
            same = next((p for p in reversed(self.named) if p.gender == gender), None)
            if same is not None:
                return same
        return next((p for p in reversed(self.named) if p.gender in (None, gender)), None)

    def by_surname(self, name: str) -> Person | None:
        self._settle()
        return self._by_surname(name)

    def _by_surname(self, name: str) -> Person | None:
        wanted = surname(name).lower()
        for person in reversed(self.named):
            if person.surname.lower() == wanted and len(words_of(person.name)) >= 2:
                return person
        others = [  # "Professor Liao" for Liao Ming: a surname written first
            p
            for p in self.named
            if len(words_of(p.name)) >= 2 and wanted in (w.lower() for w in words_of(p.name))
        ]
        return others[-1] if len({p.name for p in others}) == 1 else None

    def _in_a_role(self, name: str) -> bool:
        return any(person.role and name in person.role for person in self.named)

    def by_role(self, descriptor: str) -> Person | None:
        self._settle()
        head = DETERMINER.sub("", descriptor.lower()).strip()
        head = _FORMER.sub("", head)
        if not head:
            return None
        for person in reversed(self.named):
            role = (person.role or "").lower()
            if role and (role.startswith(head) or head.startswith(role)):
                return person
        return None
