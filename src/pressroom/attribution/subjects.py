"""Who each sentence is about: its subject, where it is a person the text names, a
pronoun, a surname alone or an office (``Le maire de Pénestin poursuit …``). ``People``
follows these to resolve a pronoun, a surname or a descriptor."""

from __future__ import annotations

import regex

from pressroom.attribution.clauses import main_clause
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import POST_NOMINALS, Gender, Person, name_end
from pressroom.attribution.persons import is_first_name, person_like
from pressroom.attribution.rolename import OFFICE_OF, SPACES_AND_COMMAS
from pressroom.attribution.speakers import is_title_surname
from pressroom.attribution.subject_kinds import Joined, Office, SentenceSubject, Surname, Unsure
from pressroom.attribution.surnames import (
    CONJUNCTION_START,
    INTRO,
    SAID_AT_END,
    SURNAME,
    WHO,
    is_surname,
    surname_subject,
)
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

# Where a sentence starts, in text whose quotations are blanked out.
_SENTENCE_START = lazy(
    r"(?:^|(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Cllr|Cr|Me|Mme|M))[.!?…]\s+|:\s+(?=\p{Ll}))(?=\S)"
)
# What makes a sentence's first named person its subject: the words after the name (past
# an apposition between commas or dashes, "Jane Doe, the mayor,", "Jane Doe – the mayor –")
# start with a verb, not with "and", "of" or a preposition.
_AFTER_SUBJECT = lazy(
    r"^(?:[\s\u00a0]+of[\s\u00a0]+\p{Lu}[\p{L}'’\-]*)?"  # where from: "Zhang Jun of China"
    r"[\s\u00a0]*(?:,[\s\u00a0]+(?:from|of|de|du)[\s\u00a0][^,.;:]{1,60},[^,.;:]{1,40},"
    r"|,[^,.;:]{1,160},|[–—][^–—.;:]{1,160}[–—]|,"  # "Ann Roe, from Oban, Scotland, graduated"
    # an office in capitals with commas of its own: ", Minister of Planning, Budget and
    # Management for Brazil,"
    r"(?=[^.;:]{0,80}?\s(?:of|for|de|du|des)\s)"  # not a list of names
    r"(?:,?[\s\u00a0]+\p{Lu}[\p{L}'’\-]*|[\s\u00a0]+(?:of|for|and|the|de|du|des|et|la|le))"
    r"{2,16}(?:,|(?=[\s\u00a0]+\p{Ll}))|,)?"  # (never ", and Tom Lee,": a second subject)
    r"[\s\u00a0]*(?!(?:and|or|of|in|at|on|to|for|with|from|"
    r"all|both|each|who|whom|whose|which|et|ou|de|du|des|à|au|aux|en|dans|pour|avec|sur|"
    r"chez|par|qui|dont|que|tous|toutes)\b)\p{Ll}"
)
# A personal pronoun opening a sentence, past a conjunction: "But he admitted", "Et elle …".
SUBJECT_PRONOUN = lazy(
    r"^(?:(?:and|but|et|mais|puis)[\s\u00a0]+)?(?P<pronoun>he|she|il|elle)\b", regex.I
)
# A relative clause between the sentence's start and a name: the name is not its subject.
_RELATIVE_BEFORE = lazy(WHO, regex.I)
_IMPERSONAL = lazy(
    r"[ \u00a0]+(?:y\b|faut|fallait|s['’]agit|est|était|sera|reste|semble|suffit|convient|"
    r"importe|vaut|paraît)",
    regex.I,
)
_SUBJECT_PRONOUN_GENDER: dict[str, Gender] = {"he": "m", "il": "m", "she": "f", "elle": "f"}


class Mentions:
    """The people a stretch of text names (``mentions``), looked for when first needed."""

    __slots__ = ("_found", "_subjects", "_text", "_vocabulary")

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self._text = text
        self._vocabulary = vocabulary
        self._found: list[tuple[int, Person]] | None = None
        self._subjects: list[tuple[int, SentenceSubject]] | None = None

    @property
    def text(self) -> str:
        return self._text

    @property
    def found(self) -> list[tuple[int, Person]]:
        if self._found is None:
            self._found = mentions(self._text, self._vocabulary)
        return self._found

    @property
    def subjects(self) -> list[tuple[int, SentenceSubject]]:
        """Each sentence's subject, where it is a person the text names (``Jane Doe, the
        mayor, said …``, ``Speaking at the fair, Mr Roe said …``) or a personal pronoun
        (its gender): a later ``he`` or ``elle`` goes back to the last of these."""
        if self._subjects is None:
            self._subjects = _subjects(self._text, self.found, self._vocabulary)
        return self._subjects


def personal_subject(sentence: str) -> str | None:
    """The personal pronoun a sentence opens on as its subject (``Il marque un silence``),
    never an impersonal one (``Il faut``, ``Il y a``)."""
    found = SUBJECT_PRONOUN.match(sentence)
    if found is None or _IMPERSONAL.match(sentence, found.end()):
        return None
    return str(found["pronoun"]).lower()


def _subjects(
    text: str, found: list[tuple[int, Person]], vocabulary: Vocabulary
) -> list[tuple[int, SentenceSubject]]:
    subjects: list[tuple[int, SentenceSubject]] = []
    starts = [m.end() for m in _SENTENCE_START.finditer(text)]
    ends = [*starts[1:], len(text)] if starts else []
    at = 0
    for start, end in zip(starts, ends, strict=True):
        start = main_clause(text, start, end)  # not "Although X said …," but what follows
        while at < len(found) and found[at][0] < start:
            at += 1
        sentence = text[start:end]
        pronoun = SUBJECT_PRONOUN.match(sentence)
        if pronoun is not None:
            subjects.append((start, _SUBJECT_PRONOUN_GENDER[pronoun["pronoun"].lower()]))
            continue
        if at < len(found) and found[at][0] < end and _joined(text, found[at], end):
            subjects.append((found[at][0], Joined(found[at][1].name)))
            continue
        # "Le chef de Québec Forte et Fière Bruno Marchand a publié": the first named person
        # the words after show to be the subject
        while (
            at + 1 < len(found)
            and found[at + 1][0] < end
            and not _subject_at(text, found[at], end)
            and not _who_opens(text, found[at], start, end)
            and not _listed(text[found[at][0] : found[at + 1][0]])
        ):
            at += 1
        said = SAID_AT_END.search(sentence)  # "…, Block added.", "…, Perille told the Gazette."
        if (
            said
            and is_surname(said["surname"], vocabulary)
            and vocabulary.verb_re.fullmatch(said["verb"])
        ):  # the one who speaks, not "Amy Ryan remains president, …, Perille told the Gazette"
            subjects.append((start + said.start("surname"), Surname(said["surname"])))
            continue
        named: tuple[int, Person | Unsure] | None = _speech_by(text, start, end, found)
        if named is None:  # the one who speaks: "First Nations can …, said Premier X."
            named = _reported_by(text, start, end, found, vocabulary)
        if named is None:
            named = _named_subject(text, start, end, found[at] if at < len(found) else None)
        if named is not None:
            subjects.append(named)
            continue
        alone = surname_subject(sentence, vocabulary)
        if alone is not None:
            titled = _COURTESY.search(sentence, 0, _TITLE_REACH)
            if titled is not None and titled["surname"] == alone:  # "Mr. Rugimbana told"
                alone = f"{titled['title']} {alone}"
            subjects.append((start, Surname(alone)))
            continue
        office = office_subject(sentence, vocabulary)  # "Le maire de Pénestin poursuit …"
        if office is not None:
            subjects.append((start, office))
    return subjects


# A courtesy title that shows a gender, before a surname near a sentence's start.
_COURTESY = lazy(r"\b(?P<title>(?:Mr|Mrs|Ms|Miss|Mme|Mlle)\.?|M\.)[\s\u00a0]+" + SURNAME + r"\b")
_TITLE_REACH = 120


def _speech_by(
    text: str, start: int, end: int, found: list[tuple[int, Person]]
) -> tuple[int, Person] | None:
    """``Thereafter followed a speech by the Vice-Chancellor, Dr Ann Roe.``: the person
    whose speech the sentence announces is who the text is now about."""
    speech = _SPEECH_BY.search(text, start, end)
    if speech is None:
        return None
    after = [m for m in found if speech.end() <= m[0] < min(end, speech.end() + _SPEECH_GAP)]
    return after[0] if after else None


_SPEECH_BY = lazy(
    r"\b(?:speech|address|remarks|statement|message|discours|allocution|intervention)"
    r"\s+(?:by|from|of|de|du|d['’])\s",
    regex.I,
)
# How far after "a speech by" the speaker's name may start (past an office).
_SPEECH_GAP = 80


def _reported_by(
    text: str, start: int, end: int, found: list[tuple[int, Person]], vocabulary: Vocabulary
) -> tuple[int, Person] | None:
    """``Le Niger envisage une centrale, a déclaré le ministre, Bakari Sangaré.``: words
    reported without quotation marks, whose speaker ends the sentence after the verb."""
    inside = [m for m in found if start <= m[0] < end]
    if not inside:
        return None
    at, person = inside[-1]  # a person, though the first-name list may not know them
    if is_title_surname(person.name, vocabulary) or " " not in person.name:
        return None  # "M. Thiam": a surname, left to the surname cue
    stop = name_end(text, (at, person))
    if stop is None or vocabulary.verb_re.search(text, stop, end):
        return None  # "…, said Ann Roe, who added …": the sentence goes on
    verbs = list(vocabulary.verb_re.finditer(text, start, at))
    if not verbs or verbs[-1]["inv"]:
        return None
    verb = verbs[-1]
    between = text[verb.end() : at]
    if not text[start : verb.start()].rstrip().endswith(",") or len(between.split()) > 12:
        return None
    return (at, person) if not _TIES.search(between) else None


# Words between the verb and a name that make the name someone else than the speaker:
# "…, a déclaré le ministre à Paul Roy", "…, said the minister to Ann Lee".
_TIES = lazy(r"\b(?:à|au|aux|to|with|avec|par|by|about|sur|de)\s*$", regex.I)


def office_subject(sentence: str, vocabulary: Vocabulary) -> Office | None:
    """An office opening the sentence, or after one to three opening clauses (``Dès
    lors, le bourgmestre cdH a demandé …``), with a verb after it."""
    at = 0
    for _ in range(4):
        office = vocabulary.office_subject.match(sentence[at:])
        if office is not None and _AFTER_SUBJECT.match(sentence[at + office.end() :]):
            return Office(office["office"].strip())
        comma = sentence.find(",", at, at + _CLAUSE_MAX)
        if comma < 0:
            return None
        at = comma + 1
        while at < len(sentence) and sentence[at] in " \u00a0":
            at += 1
    return None


_CLAUSE_MAX = 100


def _listed(between: str) -> bool:
    """Two names in a list (``Ann Roe, Tom Lee and …``): a comma and little else between."""
    return "," in between and len(between.split()) <= _LIST_GAP_WORDS


_LIST_GAP_WORDS = 5
# Capitalised words joined by "and": the start of an office's name ("AFL National and").


def _places_field(prefix: str) -> bool:
    """``Smithton and Culloden community council`` (chairman X): two places, then the
    office's field in lower case (not ``Guests and Members were joined by``)."""
    found = _PLACES_FIELD.fullmatch(prefix)
    return found is not None and not set(found["field"].split()) & _NOT_BEFORE_SUBJECT


_PLACES_FIELD = lazy(
    r"\p{Lu}\S*[ \u00a0]+(?:and|&|et)[ \u00a0]+\p{Lu}\S*[ \u00a0]+"
    r"(?P<field>\p{Ll}[\p{Ll}\-]+(?:[ \u00a0]+\p{Ll}[\p{Ll}\-]+){0,2})"
)
_OFFICE_NAME = lazy(r"\p{Lu}\S*(?:\s+(?:and|&|et|of|de)?\s*\p{Lu}\S*)*\s+(?:and|&|et)")


def _named_subject(
    text: str, start: int, end: int, mention: tuple[int, Person] | None
) -> tuple[int, Person | Unsure] | None:
    """The sentence's first named person, when the words around show them its subject."""
    if mention is None or mention[0] >= end:
        return None
    prefix = text[start : mention[0]]
    intro = INTRO.match(prefix)
    if intro is not None:
        prefix = prefix[intro.end() :]
    role = mention[1].role
    if (
        role
        and prefix.rstrip(SPACES_AND_COMMAS).endswith(role)
        and not any(w in _NOT_BEFORE_SUBJECT - _ROLE_LINKS for w in role.lower().split())
    ):
        # "Minister for Police Paul Scully highlighted …": the office is the subject's own
        prefix = prefix[: prefix.rstrip(SPACES_AND_COMMAS).rfind(role)]
    # "Guests were joined by architect Tom Lee": not its subject; but "and" in an office's
    # name is no such word ("AFL National and International Development Manager X said")
    if any(w.lower().strip(",") in _NOT_BEFORE_SUBJECT for w in prefix.split()) and not (
        (_OFFICE_NAME.fullmatch(prefix.strip()) or _places_field(prefix.strip()))
        and not any(map(is_first_name, prefix.split()))
    ):
        return None
    if _RELATIVE_BEFORE.search(prefix):
        return None  # "Regragui, qui a remplacé Mourad El Belkacemi, a souligné": a clause
    if any(w[:1].islower() for w in prefix.split()[:1]) and len(prefix.split()) > 6:
        return None
    if not _subject_at(text, mention, end) and not _who_opens(text, mention, start, end):
        return None
    if not (person_like(mention[1].name) or mention[1].role):
        # "Ndeye Faye a défendu …": a first name the list does not know, or a place; "the
        # City of Port Colborne contributed …", "la Ville de Lunel": a place's name
        if _PLACE_BEFORE.search(text, 0, mention[0]):
            return None
        if _HE_OR_SHE.match(text, end):
            return mention  # "Pradipta Bagchi knows jet lag. He once …": a person
        return mention[0], Unsure(mention[1].name)
    return mention


def _subject_at(text: str, mention: tuple[int, Person], end: int) -> bool:
    """Whether the words after a named person (past an apposition) start with a verb (not
    an owner's "'s", which ``mentions`` leaves after the name: "Ann Roe's view is")."""
    after = _after_name(text, mention, end)
    return (
        after is not None and bool(_AFTER_SUBJECT.match(after)) and not _JOINED_AFTER.match(after)
    )


def _who_opens(text: str, mention: tuple[int, Person], start: int, end: int) -> bool:
    """Whether a named person opens the sentence (past a title) and a relative clause
    without commas follows (``Cllr Gwynfor Thomas who represents Llanfechain had …``)."""
    after = _after_name(text, mention, end)
    before = text[start : mention[0]].split()
    return (
        after is not None
        and _WHO_AFTER.match(after) is not None
        and not any(w[:1].islower() for w in before)
    )


_WHO_AFTER = lazy(r"^[ \u00a0]+(?:who|qui)[ \u00a0]")


def _joined(text: str, mention: tuple[int, Person], end: int) -> bool:
    """Whether a named person opens a plural subject (``X, président de Y et plusieurs
    maires n'ont pas …``)."""
    after = _after_name(text, mention, end)
    return after is not None and _JOINED_AFTER.match(after) is not None


def _after_name(text: str, mention: tuple[int, Person], end: int) -> str | None:
    """The words after a named person's name in ``text``, up to ``end``, past letters
    after it (``Sydney Anderson MLA has …``)."""
    stop = name_end(text, mention)
    if stop is None:
        return None
    letters = _LETTERS_AFTER.match(text, stop, end)
    if letters is not None and letters["letters"].rstrip(".") in POST_NOMINALS:
        stop = letters.end()
    return text[stop:end]


_LETTERS_AFTER = lazy(r"[ \u00a0]+(?P<letters>\p{Lu}[\p{L}.]+)(?=[ \u00a0,])")


# "Claude Roy, président de X et plusieurs maires n'ont pas …": one of a plural subject.
_JOINED_AFTER = lazy(
    r"^,[^,.;:]*\s(?:et|and)\s[^,.;:]*?\s(?:n['’])?(?:ont|sont|étaient|avaient|have|are|were)\b"
)


# The next sentence opens on "He" or "She": English says so only of a person.
_HE_OR_SHE = lazy(r"[ \u00a0]*(?:He|She)[ \u00a0]")
_PLACE_BEFORE = lazy(r"(?:\b(?:of|de|du|des|the|le|la|les)|\bd['’]|\bl['’])[ \u00a0]*$", regex.I)


# Words that join an office to its field: "Minister of Health", "adjoint au maire".
_ROLE_LINKS = OFFICE_OF | {"au", "aux", "à"}
# Words that show a sentence's first named person is not its subject ("Guests were joined
# by architect Tom Lee", "La décision revient à Anne Roy"): verbs and prepositions.
_NOT_BEFORE_SUBJECT = frozenset(
    """was were is are be been being has have had will would can could may might do did
    by to with for from at on in into about after before than as like and or et ou
    est sont a ont été était étaient sera fut par pour avec à au aux chez selon dont que qui
    contre vers sans sous sur dans entre après avant reçu reçoit""".split()
)


def speaking_subject(sentence: str, vocabulary: Vocabulary) -> Person | Surname | None:
    """The person a sentence that speaks is about (``Car Florence Dubessy le rappelle,``,
    ``Wenhui Yang, CEO of TenPay, highlighted the benefits, saying,``, ``Erasmus said
    Steyn's experience …``): its first named person when they are its subject."""
    text = CONJUNCTION_START.sub("", sentence.strip())
    found = mentions(text, vocabulary)
    subjects = _subjects(text, found, vocabulary)
    if subjects and subjects[0][0] <= _INTRO_MAX:
        subject = subjects[0][1]
        return subject if isinstance(subject, (Person, Surname)) else None
    return None


# How far into a sentence its subject may start (past an opening clause).
_INTRO_MAX = 110
