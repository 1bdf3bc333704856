"""Person names as press releases write them, and what may stand for a speaker instead.

A name is two to five capitalised words, with particles (``de``, ``du``, ``van``, ``Le``),
initials (``Jane Q. Doe``), hyphens (``Jean-Claude``) and an optional courtesy title
(``M.``, ``Dr.``, ``Councillor``, from ``lexicons/titles.txt``). Words that name bodies
(``Commission``, ``Université``) or open a sentence (``Le``, ``The``) keep a phrase from
being taken for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import regex

from pressroom.text.patterns import lazy

Gender = Literal["f", "m"] | None
SP = r"[ \u00a0\u202f]"
_CAP = r"\p{Lu}(?:[\p{Ll}\p{Lu}'’\-]*\p{L})?"
_INITIAL = r"\p{Lu}\.(?:-?\p{Lu}\.)?"
_PARTICLE = r"(?:de|du|des|von|van|der|den|di|da|del|della|dos|le|la|ter|ten|bin|ben|al|y)"
_TOKEN = rf"(?:{_INITIAL}|{_CAP})"
NAME_BODY = rf"{_TOKEN}(?:{SP}+(?:{_PARTICLE}{SP}+|d['’]{SP}*)?{_TOKEN}){{1,4}}(?:,?{SP}+Jr\.)?"


def lexicon(name: str) -> tuple[str, ...]:
    """The non-comment lines of a packaged lexicon file (``lexicons/<name>``)."""
    return _lexicon(name)


@cache
def _lexicon(name: str) -> tuple[str, ...]:
    text = resources.files("pressroom.attribution").joinpath("lexicons", name).read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


TITLES = lexicon("titles.txt")
_TITLE = "(?:" + "|".join(regex.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\.?"
NAME = rf"(?:{_TITLE}{SP}+)?{NAME_BODY}"
SURNAME_WITH_TITLE = rf"{_TITLE}{SP}+(?:{_PARTICLE}{SP}+)?{_CAP}"
NAME_RE = lazy(NAME)
_TITLE_RE = lazy(rf"^{_TITLE}{SP}+", regex.V1)
_TITLE_ONLY_RE = lazy(rf"^{SURNAME_WITH_TITLE}$")

# Words that make a capitalised phrase a body, a place or a thing, not a person.
NOT_PERSON = frozenset(
    """
    commission commissioner council conseil région region département department ville city
    town county state états etat état république republic government gouvernement ministry
    ministère ministre minister agency agence association bureau committee comité office
    union européenne european europe national nationale federal fédération federation
    foundation fondation institute institut centre center school college collège lycée
    university université universities hospital hôpital police gendarmerie préfecture mairie
    assemblée sénat senate parliament parlement house court cour tribunal company inc ltd llc
    plc sa sas group groupe corporation corp holdings bank banque news daily magazine press
    presse media médias tv radio journal times post today gazette monde figaro street avenue
    rue road boulevard park parc airport aéroport station gare church église museum musée
    library bibliothèque festival programme program fund fonds prize prix award awards day
    week year month january february march april may june july august september october
    november december janvier février mars avril mai juin juillet août septembre octobre
    novembre décembre monday tuesday wednesday thursday friday saturday sunday lundi mardi
    mercredi jeudi vendredi samedi dimanche north south east west nord sud est ouest
    archives archive tag menu login contact copyright photo video vidéo read more lire
    network réseau service services tech technologies technology systems
    solutions energy énergie
    metropole métropole métropolitain communauté community network club team équipe
    international global world monde america américa africa afrique asia asie france
    french english anglais français covid brexit daily internet online web site
    """.split()
)
# Words that open a sentence or a clause rather than a name.
NOT_FIRST = frozenset(
    """
    le la les l un une des du de ce cette ces cet son sa ses leur leurs notre nos votre vos
    mon ma mes à au aux en et ou mais donc or ni car pour par selon avec sans sous sur dans
    après avant depuis pendant lors dès chez vers entre contre quand comme si ainsi enfin
    alors aussi puis tout tous toute toutes chaque plusieurs the a an this that these those
    his her their our its my your in on at for by with from of to and or but so if as
    when while after before since during under over about into according new all each
    every some many most more monsieur madame il elle ils elles nous vous je on he she
    they we i it you there here what who why how où qui que quoi dont
    """.split()
)
PRONOUNS = frozenset(
    "il elle ils elles on lui eux he she they him her them it we nous i je".split()
)
FEMININE_PRONOUNS = frozenset({"elle", "elles", "she", "her"})
MASCULINE_PRONOUNS = frozenset({"il", "ils", "he", "him", "lui"})
_FEMININE_TITLES = frozenset(
    "mme mlle mmes madame mademoiselle mrs ms miss dame lady sister".split()
)
_MASCULINE_TITLES = frozenset("m mm monsieur mr sir lord father brother".split())
_FEMININE_ROLE = lazy(
    r"\b(?:présidente|directrice|adjointe|conseillère|élue|déléguée|secrétaire générale|"
    r"rectrice|fondatrice|porte-parole de|ambassadrice|sénatrice|députée|la maire|"
    r"la ministre|la préfète|préfète|administratrice|coordinatrice|responsable|chargée|"
    r"doyenne|avocate|chairwoman|spokeswoman|businesswoman|congresswoman)\b",
    regex.IGNORECASE,
)
_MASCULINE_ROLE = lazy(
    r"\b(?:président|directeur|adjoint|conseiller|élu|délégué|recteur|fondateur|"
    r"ambassadeur|sénateur|député|le maire|le ministre|préfet|administrateur|coordinateur|"
    r"chargé|doyen|avocat|chairman|spokesman|businessman|congressman)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Person:
    """A person the text names: the name as written, the role stated beside it, a gender
    where the text shows one (a title, a feminine role, a pronoun used for them)."""

    name: str
    role: str | None = None
    gender: Gender = None

    @property
    def surname(self) -> str:
        return surname(self.name)


def words_of(text: str) -> list[str]:
    """The words between spaces, no-break ones included (``str.split`` splits at both)."""
    return text.split()


def strip_title(name: str) -> tuple[str, str | None]:
    """``Councillor Tom Lee`` -> (``Tom Lee``, ``Councillor``); a title alone with a surname
    (``M. Renaud``) keeps it, as the surname alone would not say who."""
    match = _TITLE_RE.match(name)
    if not match or _TITLE_ONLY_RE.match(name):
        return name, None
    rest = name[match.end() :]
    if len(words_of(rest)) < 2:
        return name, None
    return rest, match.group().strip(" \u00a0\u202f")


def surname(name: str) -> str:
    """The last word of a name, without a courtesy title or ``Jr.``."""
    parts = [w for w in words_of(name) if w.rstrip(",") not in ("Jr.", "Jr")]
    return parts[-1].rstrip(".,") if parts else name


def title_gender(name: str) -> Gender:
    first = words_of(name)[0].rstrip(".").lower() if name.strip() else ""
    if first in _FEMININE_TITLES:
        return "f"
    if first in _MASCULINE_TITLES:
        return "m"
    return None


def role_gender(role: str | None) -> Gender:
    if not role:
        return None
    if _FEMININE_ROLE.search(role):
        return "f"
    if _MASCULINE_ROLE.search(role):
        return "m"
    return None


def pronoun_gender(pronoun: str) -> Gender:
    word = pronoun.lower()
    if word in FEMININE_PRONOUNS:
        return "f"
    if word in MASCULINE_PRONOUNS:
        return "m"
    return None


def is_person_name(name: str) -> bool:
    """Whether a capitalised phrase can be a person's name (not a body, a place, a date)."""
    tokens = words_of(name)
    if not tokens or len(tokens) > 6:
        return False
    first = tokens[0].strip(".,").lower()
    if first.split("'")[0].split("’")[0] in NOT_FIRST:
        return False
    if _TITLE_ONLY_RE.match(name):
        return True
    bare, _title = strip_title(name)
    plain = [t.strip(".,").lower() for t in words_of(bare)]
    if len(plain) < 2 or any(part in NOT_PERSON for t in plain for part in t.split("-")):
        return False
    if all(len(t) <= 2 for t in plain):  # "A. B." or "EU UK"
        return False
    caps = [t for t in words_of(bare) if t[:1].isupper()]
    return not all(t.isupper() and len(t) > 2 for t in caps)  # "EUROPEAN UNION", shouting
