"""The word lists pressroom reads text with, as data: one place for every list.

Each list is a packaged file of ``pressroom/lexicons/`` (plain text, one entry a line,
``#`` comments, a header saying what the list is); a workspace's ``lexicons/`` folder
may hold files of the same names for the lists the quote attribution reads
(``WORKSPACE_LISTS``), whose lines are added to the packaged ones
(``readers.lexicons.read_lexicons`` reads them). ``Lexicons`` is the packaged lists with a
workspace's additions: frozen and hashable, it is passed down explicitly from the edge
(the build, ``pressroom ingest``) to the attribution stage, and what attribution compiles
from it is cached by its content (``attribution.vocabulary``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pressroom.pickling import pickled_by_fields

VERBS_FR = "verbs.fr.txt"
VERBS_EN = "verbs.en.txt"
TITLES = "titles.txt"
GENDER_TITLES = "gender-titles.txt"
COURTESY_TITLES = "courtesy-titles.txt"
ROLES_FR = "roles.fr.txt"
ROLES_EN = "roles.en.txt"
OCCUPATIONS_FR = "occupations.fr.txt"
OCCUPATIONS_EN = "occupations.en.txt"
GENDER_ROLES_FR = "gender-roles.fr.txt"
GENDER_ROLES_EN = "gender-roles.en.txt"
FUNCTION_WORDS_FR = "function-words.fr.txt"
FUNCTION_WORDS_EN = "function-words.en.txt"
COMMON_WORDS_FR = "common-words.fr.txt"
COMMON_WORDS_EN = "common-words.en.txt"
MONTHS_FR = "months.fr.txt"
MONTHS_EN = "months.en.txt"
WEEKDAYS_FR = "weekdays.fr.txt"
WEEKDAYS_EN = "weekdays.en.txt"
OFFICE_NAMES = "office-names.txt"
BODIES_FR = "bodies.fr.txt"
BODIES_EN = "bodies.en.txt"
BODY_KINDS = "body-kinds.txt"
DOCUMENTS_FR = "documents.fr.txt"
DOCUMENTS_EN = "documents.en.txt"
SPELLINGS_US = "spellings-us.en.txt"
SPELLINGS_GB = "spellings-gb.en.txt"
SPEAKER_ENDS_FR = "speaker-ends.fr.txt"
SPEAKER_ENDS_EN = "speaker-ends.en.txt"
FIRST_NAMES = "first-names.txt"


WORKSPACE_LISTS = (
    VERBS_FR,
    VERBS_EN,
    TITLES,
    GENDER_TITLES,
    COURTESY_TITLES,
    ROLES_FR,
    ROLES_EN,
    OCCUPATIONS_FR,
    OCCUPATIONS_EN,
    GENDER_ROLES_FR,
    GENDER_ROLES_EN,
    OFFICE_NAMES,
    BODIES_FR,
    BODIES_EN,
    BODY_KINDS,
    DOCUMENTS_FR,
    DOCUMENTS_EN,
)
"""The lists a workspace's ``lexicons/`` may add to: those only the quote attribution
reads, and it reads them with the workspace's additions. The others are read by stages
that take the packaged lists alone: function words (the post shortener, in ``compose/``),
the commonest words (language detection), months and weekdays (dates, the send slot),
American and British spellings (the order of a numeric date), the words that end a
speaker's phrase after its verb (a pattern made once, at import), the first names the
gender-guesser list lacks (read where that list is)."""

LISTS = (
    *WORKSPACE_LISTS,
    FUNCTION_WORDS_FR,
    FUNCTION_WORDS_EN,
    COMMON_WORDS_FR,
    COMMON_WORDS_EN,
    MONTHS_FR,
    MONTHS_EN,
    WEEKDAYS_FR,
    WEEKDAYS_EN,
    SPELLINGS_US,
    SPELLINGS_GB,
    SPEAKER_ENDS_FR,
    SPEAKER_ENDS_EN,
    FIRST_NAMES,
)
"""Every list by its file name, in the packaged folder: the workspace's, then the lists
only the packaged folder holds."""

_NUMBERED = {MONTHS_FR: 12, MONTHS_EN: 12, WEEKDAYS_FR: 7, WEEKDAYS_EN: 7}
"""Lists whose lines are ``number | name | other forms``, and their highest number."""
_GENDERED = (GENDER_TITLES, GENDER_ROLES_FR, GENDER_ROLES_EN, FIRST_NAMES)
"""Lists whose lines are ``word | f`` or ``word | m``."""


class LexiconError(ValueError):
    """A line a list cannot hold: its number in the file, what is wrong, what to do."""

    def __init__(self, line: int, message: str, hint: str) -> None:
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message
        self.hint = hint


def parse_lexicon(name: str, text: str) -> tuple[str, ...]:
    """The entries of a list's file text: its lines stripped, without blank lines and
    ``#`` comments; ``LexiconError`` (with the line) for a line the list cannot hold."""
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        problem = _line_problem(name, line)
        if problem is not None:
            raise LexiconError(number, *problem)
        entries.append(line)
    return tuple(entries)


def _line_problem(name: str, line: str) -> tuple[str, str] | None:
    parts = [part.strip() for part in line.split("|")]
    if name == VERBS_FR:
        if len(parts) > 2 or not all(parts):
            return (
                f"{line!r} is not a French verb line",
                "write the present and the past participle: déclare | déclaré",
            )
        return None
    if name in _GENDERED:
        if len(parts) != 2 or not parts[0] or parts[1] not in ("f", "m"):
            return f"{line!r} is not a gendered line", "write the word, then | f or | m: mme | f"
        return None
    if name == OFFICE_NAMES:
        if len(parts) != 2 or not all(parts):
            return (
                f"{line!r} is not an office name line",
                "write the other name, then | and the office: chef de l'état | président",
            )
        return None
    highest = _NUMBERED.get(name)
    if highest is None:
        if len(parts) > 1:
            return f"{line!r} holds a |", "write one entry a line, without |"
        return None
    if len(parts) < 2 or not all(parts) or not parts[0].isdigit():
        return (
            f"{line!r} is not a numbered line",
            f"write its number (1 to {highest}), then its forms: 1 | {_EXAMPLE[name]}",
        )
    if not 1 <= int(parts[0]) <= highest:
        return f"{parts[0]} is not a number from 1 to {highest}", f"write 1 | {_EXAMPLE[name]}"
    return None


_EXAMPLE = {
    MONTHS_FR: "janvier | janv",
    MONTHS_EN: "january | jan",
    WEEKDAYS_FR: "lundi",
    WEEKDAYS_EN: "monday",
}


@cache
def packaged(name: str) -> tuple[str, ...]:
    """The entries of a packaged list (``pressroom/lexicons/<name>``), each once."""
    folder = resources.files("pressroom").joinpath("lexicons")
    return tuple(dict.fromkeys(parse_lexicon(name, folder.joinpath(name).read_text("utf-8"))))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Lexicons:
    """The packaged lists with a workspace's additions (by list name, in file order)."""

    added: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def entries(self, name: str) -> tuple[str, ...]:
        """A list's entries: the packaged ones, then the added ones, each once."""
        return _merged(name, self.added)

    @property
    def key(self) -> str:
        """A short sha256 of the additions: what a build index keeps its reads under."""
        return hashlib.sha256(repr(self.added).encode()).hexdigest()[:16]


@cache
def _merged(name: str, added: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    more = [entry for list_name, entries in added if list_name == name for entry in entries]
    return tuple(dict.fromkeys((*packaged(name), *more)))


PACKAGED = Lexicons()
"""The packaged lists alone (a workspace without a ``lexicons/`` folder)."""


def words(lexicons: Lexicons, *names: str) -> frozenset[str]:
    """The entries of some lists as one set of lower-case words."""
    return frozenset(entry.lower() for name in names for entry in lexicons.entries(name))


def numbered(lexicons: Lexicons, *names: str) -> dict[str, int]:
    """Every form of a numbered list (months, weekdays), lower case, with its number."""
    found: dict[str, int] = {}
    for name in names:
        for entry in lexicons.entries(name):
            number, *forms = (part.strip() for part in entry.split("|"))
            for form in forms:
                found.setdefault(form.lower(), int(number))
    return found


def gendered(lexicons: Lexicons, gender: str, *names: str) -> tuple[str, ...]:
    """The words of gendered lists (``word | f``) marked with ``gender``, lower case."""
    found = []
    for name in names:
        for entry in lexicons.entries(name):
            word, mark = (part.strip() for part in entry.split("|"))
            if mark == gender:
                found.append(word.lower())
    return tuple(dict.fromkeys(found))


def first_forms(lexicons: Lexicons, *names: str) -> frozenset[str]:
    """The name of each line of a numbered list (its first form), lower case."""
    return frozenset(
        entry.split("|")[1].strip().lower() for name in names for entry in lexicons.entries(name)
    )
