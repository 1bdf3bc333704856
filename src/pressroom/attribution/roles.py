"""A role as the text states it beside a speaker's name, cleaned of what is not one: a
speech verb, an aside, a clause, a participle, a circumstance (``stated_role``)."""

from __future__ import annotations

import regex

from pressroom.attribution.names import AGE, NOT_ACRONYM, sentence_start, words_of
from pressroom.attribution.rolename import SPACES_AND_COMMAS
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.lexicon import PACKAGED, WEEKDAYS_FR, first_forms
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

__all__ = ["ING_CLAUSE", "JOURS", "clean_role", "participle", "plural_office", "stated_role"]

MAX_ROLE = 140
JOURS = "|".join(sorted(first_forms(PACKAGED, WEEKDAYS_FR)))
"""French weekdays, as a pattern's alternation (``lundi|mardi|…``)."""


def stated_role(role: str | None, v: Vocabulary) -> str | None:
    """A role as the text states it, or None when what was taken is not one: never a
    speech verb (``… – said``), an aside (``quant à elle``), a clause (``whose …``) or a
    sentence that ends on a function word (``… campaign with``)."""
    if not role:
        return None
    role = _PARTICIPLE_CLAUSE.sub("", role)  # "Revenant sur le prix, chef de l'agence"
    role = _APPOINTED.sub("", role)  # "élue secrétaire générale de l'OIF"
    role = _ASIDE.split(role, maxsplit=1)[0].strip(" ,;:")
    role = _VERB_TAIL.sub("", role).strip(" ,;:")  # "maire de Brassac, a tweeté"
    verb = v.verb_re.search(role)
    if verb is not None:
        role = role[: verb.start()].strip(" ,;:")
    if _UNKNOWN_VERB.fullmatch(role) or _FINITE.search(role):
        return None  # "Dr Kofi Adjei, elaborated:", "X n'a pas d'autre choix que …"
    if _PARTICIPLE.fullmatch(role) and role.lower().rstrip("e") not in _NOUNS | v.role_words:
        return None  # "citée", "invitée": a participle, not "députée", "élue", "retraitée"
    words = role.split()
    if (
        not words
        or len(words) > _ROLE_WORDS
        or _NOT_A_ROLE.match(role)
        or _function_word_end(words[-1], v)
    ):
        return None
    return _singular(role, v)  # "des ministres de …", "RNLI lifeguards": said of one


def _function_word_end(word: str, v: Vocabulary) -> bool:
    """Whether a role ends on a function word (``… campaign with``): not on a capital
    letter that names something (``president of the U of A``)."""
    word = word.strip(".,")
    return word.lower() in v.function_words and not word.isupper()


def plural_office(word: str, v: Vocabulary) -> bool:
    """Whether a word is an office in the plural (``Commissioners``, ``ministres``)."""
    lower = word.lower()
    return lower.endswith("s") and lower not in v.role_words and lower[:-1] in v.role_words


def _singular(role: str, v: Vocabulary) -> str:
    """A role whose office, its first word or its last in lower case, is in the plural
    (``ministres de …``, ``RNLI lifeguards``): said of one person, in the singular."""
    words = role.split(" ")
    for at in {0, len(words) - 1}:
        if at and _OF.search(" ".join(words[:at])):
            continue  # "maire d'un village de 200 habitants": whom the office is of
        if plural_office(words[at], v) and (at == 0 or words[at].islower()):
            words[at] = words[at][:-1]
    return " ".join(words)


# A complement after the office: "maire d'un village de 200 habitants", "one of the …".
_OF = lazy(r"(?:^|\s)(?:of|for|de|du|des|d['’])(?:\s|$)|\sd['’]", regex.I)
# What ends a role: a dash's aside, or when it was ("coach of X during the 2019 launch").
_ASIDE = lazy(
    r"\s[–—-]\s|\s(?:during|lors\s+d[eu'’]|pendant|le\s+jour\s+d[eu'’]|"
    r"à\s+l['’]occasion\s+d[eu'’]|on\s+the\s+day)\s?"
    r"|\s(?:qui|dont|who|which|whose)\s"  # a relative clause: "chef de l'agence qui compte …"
    r"|,\s*\p{Ll}+\s+to\s+\p{Ll}"  # an adjective's clause: "…, eager to provide some clarity"
    # a demonym after the office: "président de l'organisation, le Mauritanien"
    r"|,\s*(?:le|la)\s+\p{Lu}\p{Ll}+(?:ien|ienne|ais|aise|ois|oise|ain|aine|éen|éenne)$",
    regex.I,
)
# A verb the lists do not know, after the role: "…, a tweeté", "…, a posté", "…, glousse".
_VERB_TAIL = lazy(
    r"(?:,\s*|\s)(?:a|ont|avait|est|has|had)\s+\p{Ll}[\p{L}\-]*(?:é|ée|és|ées|i|is|it|u|ue|ed)\b.*$"
    r"|,\s*\p{Ll}[\p{L}\-]*$"
)
# A verb the lists do not know, alone or opening its clause: "elaborated", "spoke of the …"
# (not "retired teacher").
_UNKNOWN_VERB = lazy(
    r"(?:\p{Ll}+ed|spoke|wrote|told|gave)"
    r"(?:\s+(?:of|to|on|about|that|how|the|a|an|his|her|their)\b.*)?",
    regex.S,
)
_NOT_A_ROLE = lazy(  # not "WHO Director-General": an acronym in capitals is a body's
    rf"^{NOT_ACRONYM}(?:{AGE}$|quant\s+à|"
    r"pour\s+(?:sa|leur)\s+part|who|whose|which|whom|qui|dont|lui-même|"
    r"elle-même|de\s+son\s+côté|for\s+(?:his|her|their)\s+part)\b",
    regex.I,
)
_ROLE_WORDS = 20
# A clause of its own inside what was taken: "Université de X n'a pas d'autre choix que …".
_FINITE = lazy(
    r"\b(?:n['’]a|ont|est|sont|était|has|have|is|are|was|were)\s+\p{Ll}|"
    r"\b(?:vouloir|pouvoir|devoir|être|avoir|faire|to\s+be|to\s+have)\b"  # "Loin de vouloir être …"
)
_PARTICIPLE = lazy(r"\p{Ll}+(?:é|ée|és|ées|ue|ie)")
# Participles that name people too (in the masculine): "une élue", "un retraité"; those
# that are offices ("délégué", "député", "chargé") are in the role words.
_NOUNS = frozenset("élu retraité salarié employé diplômé attaché".split())
# How someone came to an office, before it: "élue secrétaire générale", "named chair of".
_APPOINTED = lazy(
    r"^(?:(?:ré)?élue?|nommée?|désignée?|(?:re-?)?elected|appointed|named)\s+(?=\p{Ll})",
    regex.I,
)
# A present participle's clause before the role: "Revenant sur le prix Nobel, chef de …".
_PARTICIPLE_CLAUSE = lazy(r"^\p{Lu}\p{Ll}+ant\b[^,]{0,80},\s*(?=\p{Ll})")


# Cleaning a role taken beside a name (``clean_role``).
ING_CLAUSE = (
    r"(?P<word>\p{Ll}+ing)\s"
    r"(?:the|a|an|at|on|to|about|in|with|his|her|their|its|from|during|things|it|up|off)\s"
)
# A participle and where or when from: "arrivé de Montréal cette semaine", "addressing the
# media" (unless the word is an office: "député du Morbihan").
_PARTICIPLE_OPENING = lazy(
    r"^(?:encore|toujours|très|visiblement|still)?\s*"  # "encore sonné par l'événement"
    rf"(?P<word>\p{{Ll}}+(?:é|ée|és|ées))\s+(?:(?:hier|{JOURS})\s+)?"
    r"(?:de|du|des|d['’]|à|au|aux|en|par|dans)\b"  # "cité vendredi dans"
    rf"|^{ING_CLAUSE}"
)
_LEADING_ARTICLE = lazy(
    r"^(?:(?:the|le|la|sa|son|its|his|her|their|our|notre|leur|du|des|au|aux|de\s+la)\s+"
    r"|(?:de\s+)?l['’]\s*)",
    regex.I,
)


def participle(words: str, v: Vocabulary) -> bool:
    """Whether words open with a participle's clause, not an office."""
    found = _PARTICIPLE_OPENING.match(words)
    return found is not None and found["word"] not in v.role_words


def clean_role(role: str | None, v: Vocabulary) -> str | None:
    if not role:
        return None
    role = collapse(role).strip(SPACES_AND_COMMAS + ".:;")
    said = v.verb_re.search(role)
    if said is not None:  # "conseiller communal de l'UFDG estime que": the role ends there
        role = _DANGLING.sub("", role[: said.start()]).strip(SPACES_AND_COMMAS)
    role = _LEADING_ADVERB.sub("", role)  # "également conseiller communal"
    role = _OPENING_FOR.sub("", role)  # "For Professor Ann Roe, …": the sentence's opening
    if participle(role, v):
        return None  # "encore sonné par l'événement": how they were, not an office
    role = str(_LEADING_ARTICLE.sub("", role)) if role else role
    tokens = words_of(role)
    while tokens and tokens[-1].rstrip(".").lower() in v.courtesy_titles:
        tokens.pop()  # "CEO Dr" Jane Doe: the CEO; "Mme" Claire Dumas: no role
    role = " ".join(tokens) if len(tokens) < len(words_of(role)) else role
    if not role or len(role) > MAX_ROLE or v.role_reject.match(role):
        return None
    if _OWNER_OR_AGE.match(role):
        return None  # "Reform UK's" Sean Matthews: an owner; "54", "aged 8": an age
    return None if _FINITE_VERB.search(role) or _CLAUSE_VERB.search(role) else role


_DANGLING = lazy(
    r"(?:[ \u00a0,]+(?:et|and|qui|who|a|has|have|ont|de|du|of|to)|[ \u00a0]+d['’])?[ \u00a0,]*$",
    regex.I,
)
_LEADING_ADVERB = lazy(
    r"^(?:également|aussi|désormais|actuellement|also|now|currently)\s+", regex.I
)
_OPENING_FOR = lazy(r"^(?:For|Pour)[ \u00a0]+(?=\p{L})")
_OWNER_OR_AGE = lazy(rf"^(?:.*['’]s|{AGE}|\d{{1,3}}|de\s+son\s+vrai\s+nom|.*[/|])$", regex.I)


# A verb that makes words a clause, not a role: "des traces de sang sont visibles".
_CLAUSE_VERB = lazy(r"\s(?:a\s+(?:\p{Ll}+\s+)?été|sont|est|étaient|était|are|were|is|was)\s")
_FINITE_VERB = lazy(
    r"\s(?:et|and)\s.*\s(?:n['’])?(?:ont|sont|étaient|avaient|have|has|are|were)\s", regex.I
)


def role_before(text: str, v: Vocabulary) -> str | None:
    """An office written just before a name: ``le maire`` Claire Dumas, ``UO president``
    Jane Doe, ``its chief executive,`` Tom Lee, ``councillor`` Ann Roe."""
    text = text[sentence_start(text) :]  # "… Marc Ndongo. Le ministre" X: not past the stop
    found = v.role_before.search(text)
    if found is None:
        rank = _RANK_BEFORE.search(text)  # "Staff Sgt." Ann Lee, "Gov.-Elect" Bill Lee
        title = rank["title"].lower() if rank else ""
        ranked = title in v.title_words and title not in v.courtesy_titles
        return str(rank["office"]) if rank and ranked else None
    if _COUNT.search(text, 0, found.start("office")):
        return None  # "une université de 20 000 étudiants, Claire Dumas": a count of people
    return str(found["office"])


# An office with an abbreviated title and its dot, which a name's run stops at.
_RANK_BEFORE = lazy(
    r"(?:^|(?<=[\s(,]))(?P<office>(?:\p{Lu}[\p{L}'’]*[ \u00a0]+){0,2}"
    r"(?P<title>\p{Lu}\p{Ll}{1,4})\.(?:-\p{Lu}\p{Ll}+)?)[ \u00a0]+$"
)
_COUNT = lazy(r"\d[\s\u00a0\u202f]*$")
