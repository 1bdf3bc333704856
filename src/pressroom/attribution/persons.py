"""What a person's name itself says: its courtesy title, first name and surname
(``nameparser``), and the gender its first name usually goes with (``gender-guesser``).

Both answer for a name as the text writes it (``Cr Ann Lee``, ``Me Aissata Tall Sall``,
``M. Roy``). The first-name list is loaded when a question first needs it (about 0.1 s,
once a process); a name it does not know has no gender, and a first name used for both
(``Dominique``, ``Camille``) has none either: a pronoun is then matched on other evidence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from pressroom.lexicon import FIRST_NAMES, PACKAGED, ROLES_EN, ROLES_FR, TITLES, gendered, words
from pressroom.text import firstnames

if TYPE_CHECKING:
    from nameparser.config import Constants

Gender = Literal["f", "m"] | None

# Titles nameparser does not know, as press offices write them (its own list has Mr, Dr,
# Hon., Prof., Councillor...).
_MORE_TITLES = (
    "m", "mm", "mme", "mmes", "mlle", "me", "pr", "dr", "cr", "clr", "cllr", "councillor",
    "conseiller", "conseillère", "monsieur", "madame", "maître", "hon", "sen", "rep", "gov",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NameParts:
    """A person's name in parts; ``first`` is empty when only a title and a surname are
    written (``M. Roy``)."""

    title: str
    first: str
    last: str


@cache
def _constants() -> Constants:
    from nameparser.config import Constants

    constants = Constants()
    constants.titles.add(*_MORE_TITLES)
    return constants


@lru_cache(maxsize=4096)
def name_parts(name: str) -> NameParts:
    """``Cr Ann Lee`` -> (``Cr``, ``Ann``, ``Lee``); ``Armande Le Pellec Muller`` ->
    (``""``, ``Armande``, ``Le Pellec Muller``)."""
    from nameparser import HumanName

    parsed = HumanName(name, constants=_constants())
    if not parsed.first:  # "M. Roy"
        return NameParts(parsed.title, "", " ".join(p for p in (parsed.middle, parsed.last) if p))
    return NameParts(parsed.title, parsed.first, parsed.last)


def _detector() -> object:
    return firstnames.detector()


_ANSWERS: dict[str, Gender] = {"female": "f", "male": "m", "mostly_female": "f", "mostly_male": "m"}


@lru_cache(maxsize=4096)
def _answer(first: str) -> str:
    """What the first-name list says of a capitalised word: ``male``, ``mostly_female``,
    ``andy`` (both), ``unknown``… ``Jean-Noël``: its first part; ``Éric``: tried without
    its accents too."""
    if not first or not first[:1].isupper():
        return "unknown"
    head = first.split("-")[0].split()[0]
    detector = _detector()
    answer = str(detector.get_gender(head))  # type: ignore[attr-defined]
    if answer == "unknown":
        bare = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode()
        answer = str(detector.get_gender(bare)) if bare else answer  # type: ignore[attr-defined]
    return _more_first_names().get(head.lower(), answer) if answer == "unknown" else answer


@cache
def _more_first_names() -> dict[str, str]:
    """first-names.txt: names the gender-guesser list lacks (``Alassane``), as it answers."""
    return {
        word: "male" if gender == "m" else "female"
        for gender in ("f", "m")
        for word in gendered(PACKAGED, gender, FIRST_NAMES)
    }


def first_name_gender(first: str) -> Gender:
    """The gender a first name usually goes with, or None (unknown, or used for both)."""
    return None if first.endswith(".") else _ANSWERS.get(_answer(first))


def first_name_leans(first: str) -> bool:
    """Whether the list gives a first name's gender only as the more usual one (``Cam``,
    ``Kim``: mostly women's names; ``Robin``: mostly men's)."""
    return _answer(first).startswith("mostly_")


def is_first_name(first: str) -> bool:
    """Whether the first-name list knows this word as a first name (of either gender, or
    both): ``Port``, ``Côte``, ``Islamic`` are not."""
    return _answer(first) != "unknown"


def person_like(name: str) -> bool:
    """Whether a name shows it is a person's: a courtesy title, an initial, or a first
    name the list knows (``Port Colborne``, ``Côte d'Ivoire`` do not)."""
    if not name.split():
        return False
    if any(word in _NOT_IN_NAMES for word in name.split()[1:]):
        return False  # "Save The Children New Zealand"
    parts = name_parts(name)
    if parts.title and _is_title(parts.title):
        return True
    first = parts.first or name.split()[0]
    return bool(_INITIAL.match(first)) or is_first_name(first)


def _is_title(word: str) -> bool:
    """A title or an office before a name (``Dr``, ``Cllr``, ``Judge``, ``Mayor``), as the
    packaged lexicons list them: not every word nameparser reads as a title (its list has
    ``Business``, ``British``, ``Group``, ``Federal``)."""
    return word.rstrip(".").lower() in _titles()


@cache
def _titles() -> frozenset[str]:
    return words(PACKAGED, TITLES, ROLES_EN, ROLES_FR) | frozenset(_MORE_TITLES)


# Words that show a capitalised run is a body or a credit, not a person ("Save The
# Children", "Gallo Images", "Eastfield City Council").
_NOT_IN_NAMES = frozenset(
    """The And Of For Et Des Du Pour Images Photo Photos Pictures Media News Agency Group
    Ltd Inc Council University Club Ministry Department Hospital School""".split()
)
_INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)?$")


_CAPS = r"[^\W\d_a-zß-ÿ](?:[^\W\d_a-zß-ÿ]|['’-])+"
_CAPS_NAME = re.compile(rf"^((?:{_CAPS}[ ]+){{1,2}}{_CAPS})(?=[ ]*(?:[,(:]|$))")


def name_in_capitals(text: str) -> str:
    """``ROBERT VIDAL, président …`` -> ``Robert Vidal, président …``: a caption's name in
    capitals, written as a name, when its first word is a first name the list knows."""
    found = _CAPS_NAME.match(text)
    if found is None:
        return text
    name = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in found[1].split())
    return name + text[found.end(1) :] if is_first_name(name.split()[0]) else text
