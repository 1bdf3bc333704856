"""Person names as press releases write them, and what may stand for a speaker instead.

A name is two to five capitalised words, with particles (``de``, ``du``, ``van``, ``Le``),
initials (``Jane Q. Doe``), hyphens (``Jean-Claude``) and an optional courtesy title
(``M.``, ``Dr.``, ``Councillor``, the list ``titles.txt`` of ``pressroom.lexicon``). Words
that name bodies (``Commission``, ``Université``), dates (the month and weekday lists) or
open a sentence (``Le``, ``The``) keep a phrase from being taken for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pressroom.attribution.persons import is_first_name
from pressroom.text.patterns import lazy

if TYPE_CHECKING:
    from pressroom.attribution.vocabulary import Vocabulary

Gender = Literal["f", "m"] | None
SP = r"[ \u00a0\u202f]"
TOKEN_CAP = r"\p{Lu}(?:[\p{Ll}\p{Lu}'’\-]*\p{L})?"
_INITIAL = r"\p{Lu}\.(?:-?\p{Lu}\.)?"
ABBREVIATIONS = (
    r"Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Prof|Jr|Cllr|Me|Mme|MM|Pr|U\.S|Inc|"
    r"Lt|Sgt|Capt|Col|Gen|Rev|Hon|Det|Supt|Insp|Cr|Clr|Coun|Ph"
)
"""Words whose full stop ends no sentence (``Lt. James Roe``, ``Hon. Ann Lee``): for the
patterns that split sentences (``before.SENTENCE_BREAK``, ``speakers._SUBJECT_END``)."""
POST_NOMINALS = frozenset(
    "TD MP MSP MS MLA MPP MHA QC KC OBE MBE CBE KBE DBE PhD Ph.D Ph DPhil MD M.D".split()
)
"""Letters after a name that are no part of it (``Michael Creed TD``, ``Jane Roe MP``, ``Ron
Ash Ph.D.``), compared with their last full stop or comma stripped (a run of capitalised
words stops at the first full stop: ``Ron Ash Ph``)."""
_DOTTED_LETTERS = lazy(r"(?:\p{Lu}\p{Ll}?\.){1,5}\p{Lu}\p{Ll}?\.?")


def post_nominal(segment: str) -> bool:
    """Letters written after a name, between commas (``Ph.D.``, ``MP``, ``B.S.N.``,
    ``M.B.A.``, ``R.N.``): a degree or an honour, not a role."""
    return segment.rstrip(".") in POST_NOMINALS or _DOTTED_LETTERS.fullmatch(segment) is not None


# What follows a name before a quotation: its mark, or the blank a quotation left.
TO_QUOTE = lazy(r"[ \u00a0]*[,:][ \u00a0]*(?:[“\"«‘]|  |$)")
SENTENCE_OPENERS = frozenset(
    """ainsi enfin alors aussi puis pour mais donc car quand comme si selon avec sans dans
    après avant depuis pendant lors dès hier aujourd demain ensuite pourtant cependant
    désormais ici là though although however meanwhile yesterday today tomorrow earlier
    later last next here there but so when while after before since yet and et then also
    thus""".split()
)
"""Words that open a sentence or a clause, never a surname (``Though``, ``Ensuite``): a
capitalised one inside a descriptor starts a new sentence (no office starts so)."""
PARTICLES = frozenset(
    "de du des von van der den di da del della dos le la ter ten bin ben al y".split()
)
"""The small words inside a surname (``Pieter van Rensburg``, ``Anne de la Tour``)."""
PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
PARTICLE_SURNAME = lazy(
    r"^(?:Le|La|Du|Des|De|Van|Von|Di|Da|Del|Della|Dos)[ \u00a0]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$"
)
"""A surname that opens on a particle (``a souligné Le Bihan``), not an article."""
_TOKEN = rf"(?:{_INITIAL}|{TOKEN_CAP})"
NAME_BODY = rf"{_TOKEN}(?:{SP}+(?:{PARTICLE}{SP}+|d['’]{SP}*)?{_TOKEN}){{1,6}}(?:,?{SP}+Jr\.)?"


AGE = r"(?:aged\s+\d{1,3}|\d{1,3}(?:-year-old|\s+ans))"
"""An age written after a name (``aged 54``, ``54-year-old``, ``54 ans``): never a role."""
# Words that make a capitalised phrase a body, a place or a thing, not a person (with the
# month and weekday names: ``Vocabulary.not_person``).
NOT_PERSON = frozenset(
    """
    commission commissioner council conseil région region département department ville city
    town county state états etat état république republic government gouvernement ministry
    ministère ministre minister agency agence association bureau committee comité office
    union européenne european europe national nationale federal fédération federation
    foundation fondation institute institut centre center school college collège lycée
    faculty faculté limited côte
    university université universities hospital hôpital police gendarmerie préfecture mairie
    assemblée sénat senate parliament parlement house court cour tribunal company inc ltd llc
    plc sa sas group groupe corporation corp holdings bank banque news daily magazine press
    presse media médias tv radio journal times post today gazette monde figaro street avenue
    rue road boulevard park parc airport aéroport station gare church église museum musée
    terrace crescent chemin allée impasse quai village
    library bibliothèque festival programme program fund fonds prize prix award awards day
    week year month north south east west nord sud est ouest
    fête fêtes journée journées semaine jeux salon foire fair show carnaval carnival
    championnat championship coupe cup trophée trophy tournoi tournament marathon
    research recherche innovation science sciences works travaux
    archives archive tag menu login contact copyright photo video vidéo read more lire
    network réseau service services tech technologies technology systems
    solutions energy énergie affairs affaires relations resources ressources studies
    metropole métropole métropolitain communauté community network club team équipe
    international global world monde america américa africa afrique asia asie france
    french english anglais français covid brexit daily internet online web site
    """.split()
)
# A body's initials in capitals, never a person's name: "FAO", "SERAP", "WHO".
ACRONYM = r"\p{Lu}{2,6}"
INITIALS = lazy(rf"^{ACRONYM}$")
"""A word that is only initials: a body's (``AFP``) or an office's (``PM``), no one's name."""
# Before words, a lookahead that leaves a body's initials out of a word list matched
# without case ("WHO Director-General" is no "who" clause).
NOT_ACRONYM = rf"(?!(?-i:{ACRONYM})\s)"
# Words of NOT_PERSON that are surnames as well: after a first name, a person's.
SURNAMES_TOO = frozenset("read more post day press west north south east".split())
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
    they we i it you there here what who why how où qui que quoi dont however meanwhile
    moreover furthermore also yet still thus therefore cependant toutefois pourtant
    néanmoins ensuite désormais cela ceci ça celui celle ceux celles alongside besides
    despite following including among amongst unlike via against towards toward beside
    voici voilà one another two three four five six seven eight nine ten twelve twenty
    deux trois quatre cinq sept huit neuf dix douze vingt co st
    although though whereas unless because
    beyond within without throughout upon below above elsewhere
    """.split()
)
CONJUNCTIONS = "et|and|but|mais|puis|then|so|donc|car|yet|also|aussi|although|though|whereas"
"""Conjunctions that open a sentence or a clause before its subject, as an alternation
(``And Chatfield expects``, ``et le maire``, ``Although Taylor says``)."""
PRONOUNS = frozenset(
    "il elle ils elles on lui eux he she they him her them it we nous i je".split()
)
FEMININE_PRONOUNS = frozenset({"elle", "elles", "she", "her"})
MASCULINE_PRONOUNS = frozenset({"il", "ils", "he", "him", "lui"})


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


def strip_title(name: str, v: Vocabulary) -> tuple[str, str | None]:
    """``Councillor Tom Lee`` -> (``Tom Lee``, ``Councillor``); a title alone with a surname
    (``M. Renaud``) keeps it, as the surname alone would not say who."""
    match = v.title_re.match(name)
    if not match or v.title_only_re.match(name):
        return name, None
    rest = name[match.end() :]
    if len(words_of(rest)) < 2:
        return name, None
    return rest, match.group().strip(" \u00a0\u202f")


def sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts: past its last full stop, not one that
    ends an abbreviation (``Dr.``) or an initial."""
    return max((m.end() for m in _SENTENCE_END.finditer(text)), default=0)


_SENTENCE_END = lazy(rf"(?<!\b(?:\p{{Lu}}|{ABBREVIATIONS}))[.!?]{SP}+")


def name_end(text: str, mention: tuple[int, Person]) -> int | None:
    """Where a person named at a position of ``text`` ends there (after the name's last
    word, looked for from that position); None when it is not found."""
    position, person = mention
    last = person.name.split()[-1]
    found = text.find(last, position)
    return None if found < 0 else found + len(last)


def surname(name: str) -> str:
    """The last word of a name, without a courtesy title or ``Jr.``."""
    parts = [w for w in words_of(name) if w.rstrip(",") not in ("Jr.", "Jr")]
    return parts[-1].rstrip(".,") if parts else name


def title_gender(name: str, v: Vocabulary) -> Gender:
    first = words_of(name)[0].rstrip(".").lower() if name.strip() else ""
    if first in v.feminine_titles:
        return "f"
    if first in v.masculine_titles:
        return "m"
    return None


def role_gender(role: str | None, v: Vocabulary) -> Gender:
    if not role:
        return None
    feminine = v.feminine_role.search(role)
    masculine = v.masculine_role.search(role)
    if feminine and (not masculine or feminine.start() <= masculine.start()):
        return "f"  # the first word that shows it: "conseiller … et responsable de …"
    return "m" if masculine else None


def pronoun_gender(pronoun: str) -> Gender:
    word = pronoun.lower()
    if word in FEMININE_PRONOUNS:
        return "f"
    if word in MASCULINE_PRONOUNS:
        return "m"
    return None


_SAINT = frozenset({"st", "ste", "saint", "sainte"})


def is_person_name(name: str, v: Vocabulary) -> bool:
    """Whether a capitalised phrase can be a person's name (not a body, a place, a date)."""
    tokens = words_of(name)
    if not tokens or len(tokens) > 6:
        return False
    first = tokens[0].strip(".,").lower()
    initial = (  # "A K Khan", "A. Roe": an initial, not the article
        len(tokens) > 1
        and len(tokens[0].strip(".")) == 1
        and tokens[0][:1].isupper()
        and (tokens[0].endswith(".") or len(tokens[1].strip(".")) == 1)
    )
    if first.split("'")[0].split("’")[0] in NOT_FIRST and not initial:  # not "A K Khan"
        return False
    if v.title_only_re.match(name):
        return True
    bare, _title = strip_title(name, v)
    plain = [t.strip(".,").lower() for t in words_of(bare)]
    if len(plain) == 2 and plain[1] in SURNAMES_TOO and is_first_name(words_of(bare)[0]):
        return True  # "Graham Read", "Doris Day": a first name, then a surname
    if len(plain) < 2 or any(part in v.not_person for t in plain for part in t.split("-")):
        return False
    if plain[-1] in v.body_words:  # "Health Organization", "Safety Authority": a body's
        return False
    if any(t in _SAINT for t in plain[1:-1]) and not is_first_name(words_of(bare)[0]):
        return False  # "Ottery St Mary", "Bury St Edmunds": a town (not "Ian St John")
    if all(len(t) <= 2 for t in plain):  # "A. B." or "EU UK"
        return False
    if any(t.endswith(("'s", "’s")) for t in plain[:-1]):
        return False  # "Dean's Prizes", "Women's Hospital": an owner, then a thing
    caps = [t for t in words_of(bare) if t[:1].isupper()]
    return not all(t.isupper() and len(t) > 2 for t in caps)  # "EUROPEAN UNION", shouting


def determiner_gender(descriptor: str) -> Gender:
    """``la présidente``, ``une habitante``: f; ``le maire``, ``un élève``: m."""
    return _DETERMINER_GENDER.get(descriptor.split(maxsplit=1)[0] if " " in descriptor else "")


_DETERMINER_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("la", "cette", "une"), "f"),
    **dict.fromkeys(("le", "ce", "cet", "un"), "m"),
}
