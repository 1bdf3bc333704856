"""A phrase of office words then a name, split in two (``Acme Capital partner Tom Lee``
-> ``Tom Lee``, ``Acme Capital partner``): the name is the run of capitalised words at
the end, what comes before it the role; and whether a role is a given office
(``holds_office``, ``same_office``)."""

from __future__ import annotations

import regex

from pressroom.attribution.names import INITIALS, PARTICLES, POST_NOMINALS, words_of
from pressroom.attribution.persons import first_name_gender, is_first_name, person_like
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

SPACES_AND_COMMAS = " \t\u00a0\u202f,"
# A capitalised word of a name; not "L’échevin", an article elided before a noun.
CAP_TOKEN = lazy(
    r"^(?![LD]['’]\p{Ll})(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|d['’]\p{Lu}\p{L}*)$"
)

BODY_BEFORE = lazy(
    r"\b(?:association|groupe|société|collectif|fédération|syndicat|club|entreprise|"
    r"cabinet|company|group|charity|association|firm|organisation|organization|fondation|"
    r"foundation|institut|institute|agence|agency|coopérative|cooperative|mouvement|movement)"
    r"(?:\s+(?:de\s+la|du|des|de|d['’]|of\s+the|of))?\s*(?:l['’]\s*)?$",
    regex.I,
)
_OFFICE_COMPLEMENT = lazy(r"\s(?:de\s+la|de\s+l['’]|du|des|of\s+the)$", regex.I)
_TRAILING_PARTICLES = lazy(r"(?:\s+(?:de|du|des|d['’]|of|the|l['’]|la|le))+\s*$", regex.I)
_INITIAL_TOKEN = lazy(r"^\p{Lu}\.$")
_INITIAL_END = lazy(r"(?:\b\p{Lu}|Jr)\.$")
# An office word by its ending, right before a first name: "Allrounder Tom Lee", "Giraffe
# Keeper Jack Foley", "Forum Co-Chair Ann Roe".
_AGENT = lazy(r"(?:er|or|ist|ian|chair)$", regex.I)
# "Reform UK's", "Home Builders’ Association": an owner, also in the plural.
_POSSESSIVE = ("'s", "’s", "s'", "s’")
OFFICE_OF = frozenset(("of", "for", "de", "du", "des", "the", "and"))
"""Words that go on from an office word to its field (``Minister of Health``, ``Chair of
Selectors``)."""


def office_token(word: str, v: Vocabulary) -> bool:
    """``director``, and a hyphenated office: ``Director-General``, ``Vice-Chancellor``."""
    head = word.split("-")[0]
    return word in v.role_words or ("-" in word and (head in v.role_words or head == "vice"))


def _role_word_surname(tokens: list[str], index: int, v: Vocabulary) -> bool:
    """``Clive Nurse``, ``Ann Cook``: an office's or an occupation's word after a first
    name, ending the phrase, is a surname."""
    bare = tokens[index].rstrip(".,").lower()
    return (
        index > 0
        and CAP_TOKEN.match(tokens[index]) is not None
        and bare in v.role_words
        and is_first_name(tokens[index - 1])
        and not office_token(tokens[index - 1].lower(), v)  # not "General Manager"
        and tokens[index - 1].lower() not in v.title_words
    )


def split_role_name(phrase: str, v: Vocabulary) -> tuple[str | None, str | None]:
    """``Acme Capital partner Tom Lee`` -> (``Tom Lee``, ``Acme Capital partner``): the name
    is the run of capitalised words at the end, the office words before it the role."""
    tokens = words_of(phrase)
    possessive = next(  # "Reform UK's Sean Matthews": the name comes after the owner
        (i for i in range(len(tokens) - 1, -1, -1) if tokens[i].endswith(_POSSESSIVE)), -1
    )
    if 0 <= possessive < len(tokens) - 2:
        name_part, owner = split_role_name(" ".join(tokens[possessive + 1 :]), v)
        owner_part = " ".join(tokens[: possessive + 1])
        return name_part, f"{owner_part} {owner}" if owner else owner_part
    if len(tokens) >= 3 and tokens[-1].rstrip(".,") in POST_NOMINALS:
        tokens = tokens[:-1]  # "Lesley Griffiths MS": not "Ms", a title
    name: list[str] = []
    index = len(tokens) - 1
    while index >= 0 and len(name) < 5:
        token = tokens[index]
        bare = token.rstrip(".,").lower()
        if (
            (CAP_TOKEN.match(token) and not office_token(bare, v) and bare not in v.title_words)
            or (
                bare in PARTICLES
                and name
                and index > 0
                and CAP_TOKEN.match(tokens[index - 1])
                and not office_token(tokens[index - 1].rstrip(".,").lower(), v)  # "Maire de"
            )
            or (name and _middle_initial(tokens, index, v))
            or (not name and _role_word_surname(tokens, index, v))
        ) and not (
            index and len(name) >= 2 and INITIALS.match(token) and not is_first_name(name[0])
        ):
            # "Starehe OCPD Benard Nyakwaka": a place's office, in letters, ends a name
            # the list does not know the first name of (known ones are cut at it)
            name.insert(0, token)
        else:
            break
        index -= 1
    if not name:
        return None, None
    if name[0][:2].lower() in ("d'", "d’") and index >= 0:
        # "le successeur d’André Roy": the elided "de" is the office's, not the name's
        tokens[index + 1], name[0] = name[0][:2], name[0][2:]
        index += 1
    if len(name) >= 3 and index >= 0 and tokens[index].lower() in OFFICE_OF:
        # "Chair of Selectors George Bailey": the office's end, then the name
        first = next((i for i in range(1, len(name) - 1) if is_first_name(name[i])), 0)
        index += first
        name = name[first:]
    elif len(name) >= 3 and not is_first_name(name[0]):
        # "Giraffe Keeper Jack Foley": capitalised office words, then a first name
        first = next((i for i in range(len(name) - 2, 0, -1) if is_first_name(name[i])), 0)
        if first and _AGENT.search(name[first - 1]):
            index += first
            name = name[first:]
    if (
        len(name) == 1
        and index >= 0
        and first_name_after_office(tokens[index], tokens[index - 1] if index else "", v)
    ):
        name.insert(0, tokens[index])  # "Club chairman Dean Hoyle": "Dean" is his name
        index -= 1
    if len(name) == 1 and index >= 0 and tokens[index].rstrip(".").lower() in v.title_words:
        name.insert(0, tokens[index])  # "Mr. Roe": a title keeps a lone surname
        index -= 1
    prefix = " ".join(tokens[: index + 1]).strip(SPACES_AND_COMMAS)
    if _OFFICE_COMPLEMENT.search(prefix) and v.office_word.search(prefix):
        return None, None  # "le ministre de la Santé de Valmorin": the office's own words
    body = BODY_BEFORE.search(prefix) if prefix else None
    if body is not None and body.start() > 0:  # "Muriel Arnal de l'association One Voice"
        person, role = split_role_name(_TRAILING_PARTICLES.sub("", prefix[: body.start()]), v)
        if person is not None:
            organisation = " ".join(name).rstrip(",")
            return person, f"{role + ' ' if role else ''}{body.group().strip()} {organisation}"
    full = " ".join(name).rstrip(",")
    if full.endswith(".") and not _INITIAL_END.search(full):
        full = full[:-1]
    return full, (prefix or None)


def _middle_initial(tokens: list[str], index: int, v: Vocabulary) -> bool:
    """``Sylvia M. Burwell``: ``M.`` between a first name and a surname is an initial."""
    if index == 0 or not _INITIAL_TOKEN.match(tokens[index]):
        return False
    first = tokens[index - 1]
    bare = first.rstrip(".,").lower()
    return (
        bool(CAP_TOKEN.match(first)) and bare not in v.role_words | v.title_words and len(bare) > 1
    )


def first_name_after_office(word: str, previous: str, v: Vocabulary) -> bool:
    """``Club chairman Dean Hoyle``: a capitalised office word that is also a first name
    (``Dean``, ``Major``) right after an office in lower case (``previous``, the word
    before it, "" for none) opens the name: the office is already said."""
    return (
        bool(CAP_TOKEN.match(word))
        and office_token(word.lower(), v)
        and is_first_name(word)
        and previous[:1].islower()
        and office_token(previous.rstrip(",").lower(), v)
    )


def holds_office(role: str, office: str) -> bool:
    """Whether a role is this office: ``maire de Vals`` is ``maire``; ``Vice President``
    and ``vice-président`` are not ``president``."""
    words = role.lower().replace("’", "'").split()
    return any(
        _same_word(word, office) and (at == 0 or words[at - 1] not in LESSER)
        for at, word in enumerate(words)
    )


def _same_word(word: str, office: str) -> bool:
    """``maire`` and ``mairesse``, ``président`` and ``présidente``: one office."""
    return word == office or (word.startswith(office) and len(word) - len(office) <= 3)


def same_office(head: str, role: str) -> bool:
    """Whether a descriptor names the role: ``président de la SANB`` and ``président de la
    SANB, avocat``; ``sheriff`` and ``Jersey County Sheriff``; not ``président de la Côte
    d'Ivoire`` and a bare ``président`` (another country's, for all the text says)."""
    if role.startswith(head):
        return True
    if role.endswith(" " + head):  # not "Vice President" for "the president"
        before = role[: -len(head)].split()
        return not (before and before[-1].rstrip("-") in LESSER)
    if role.endswith("-" + head):  # "vice-président"
        return False
    if _by_initials(head, role) or _office_initials(head, role) or f"({head})" in role:
        return True  # "the rc" for "regional commissioner (rc)": the role spells it out
    return head.startswith(role) and not _COMPLEMENT.match(head[len(role) :])


def _office_initials(head: str, role: str) -> bool:
    """``pm`` for ``prime minister (of …)``, ``ceo`` for ``chief executive officer``: the
    office written by its initials (both in lower case)."""
    if not 2 <= len(head) <= 4 or not head.isalpha():
        return False
    words = []
    for word in role.split():
        if word in _SMALL:
            break
        words.append(word)
    return len(words) == len(head) and "".join(w[0] for w in words) == head


def _by_initials(head: str, role: str) -> bool:
    """``président de la sanb`` for ``président de la société de l'acadie du
    nouveau-brunswick``: the body written by its initials (both in lower case)."""
    office, _, initials = head.rpartition(" ")
    if not office or not 2 <= len(initials) <= 6 or not initials.isalpha():
        return False
    if not role.startswith(office + " "):
        return False
    words = [w for w in _WORD_BREAK.split(role[len(office) :]) if w and w not in _SMALL]
    return len(words) == len(initials) and "".join(w[0] for w in words) == initials


# Words that make an office another, lesser one: "vice-président", "Deputy Mayor".
LESSER = frozenset(
    """vice deputy assistant acting interim former co sous adjoint adjointe ancien
    ancienne ex""".split()
)
_COMPLEMENT = lazy(r"^[ \u00a0]+(?:de|du|des|d['’]|of)\b", regex.I)
_WORD_BREAK = lazy(r"[\s\u00a0\-'’]+")
_SMALL = frozenset("de du des la le les l d of the and et for pour".split())


def speaks_for_body(head: str, v: Vocabulary) -> bool:
    """Whether a phrase is someone unnamed speaking for a body the text names in capitals
    (``a spokesman for the Community Initiative Awards``, ``a spokesperson for the
    Department of Health and Social Care``): not ``the mayor of Lyon Jean Roux``."""
    found = _FOR_BODY.match(head)
    if found is None:
        return False
    words = found["body"].split()
    if words[-1].lower() in v.body_words:  # "Ellery Hospice": a first name, but a body's
        return True
    return not any(person_like(" ".join(words[at:])) for at in range(len(words) - 1))


_FOR_BODY = lazy(
    r"^(?:a|an|the|un|une|le|la)[ \u00a0]+(?:\p{Ll}[\p{Ll}'’\-]*[ \u00a0]+){1,4}"
    r"(?:for|of|at|from|de|du|des)(?:[ \u00a0]+(?:the|la|le|les))?[ \u00a0]+"
    r"(?:\p{Ll}+[ \u00a0]+){0,2}"  # "a spokesman for the port operator PSA"
    r"(?P<body>\p{Lu}[\p{L}'’\-]*(?:[ \u00a0]+(?:(?:of|and|for|the|de|du|des|et|la|le)"
    r"[ \u00a0]+)*\p{Lu}[\p{L}'’\-]*)*)$"
)


def from_first_name(name: str, text: str, start: int, v: Vocabulary) -> tuple[str, int]:
    """``name`` from its first known first name on (not its last word), when the words
    before it end on a body (``Council``) or hold a word no person's name has (``Sud
    Rail``, a union), and where that starts in ``text``; else ``name`` as it was."""
    tokens = words_of(name)
    lead = first_name_at(tokens)
    if any(t.lower() in v.not_person for t in tokens[:-2]):  # the last first name: not "Rail"
        lead = next((i for i in range(len(tokens) - 2, 0, -1) if first_name_gender(tokens[i])), 0)
    elif lead and tokens[lead - 1].lower() not in v.body_words:
        return name, start
    if not lead or any(t.lower() in v.not_person for t in tokens[lead:]):
        return name, start
    return " ".join(tokens[lead:]), text.find(tokens[lead], start)


def office_field(office: str, name: str, v: Vocabulary) -> tuple[str, str]:
    """An office and the name after its comma, with the words of the office's field that
    open the name moved to the office (``Vice-Provost``, ``Indigenous Engagement Robyn
    Roe`` -> ``Vice-Provost, Indigenous Engagement``, ``Robyn Roe``): words before a known
    first name, none of them a first name, a title or an abbreviation (``Cllr``, ``H.E.``)."""
    tokens = words_of(name)
    lead = first_name_at(tokens) if office else 0
    field = tokens[:lead]
    if not lead or any(is_first_name(t) or "." in t or t.lower() in v.title_words for t in field):
        return office, name
    return f"{office}, {' '.join(field)}", " ".join(tokens[lead:])


def first_name_at(tokens: list[str]) -> int:
    """Where a known first name is in a name's words after the first and before the last
    (``Children New Zealand John Bowis``: 3); 0 when none is."""
    return next((i for i, w in enumerate(tokens[:-1]) if i and first_name_gender(w)), 0)
