"""What attribution reads from the word lists (``pressroom.lexicon``): the sets and the
patterns made from them, once for each content of the lists (``vocabulary`` is cached by
its ``Lexicons``, which is frozen and hashable). Every function of the stage that needs a
list takes the ``Vocabulary`` made from the lexicons it was given."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from pressroom.attribution.names import (
    NAME_BODY,
    NOT_ACRONYM,
    NOT_PERSON,
    PARTICLE,
    SP,
    TOKEN_CAP,
)
from pressroom.attribution.verbs import verb_pattern
from pressroom.lexicon import (
    BODIES_EN,
    BODIES_FR,
    BODY_KINDS,
    COURTESY_TITLES,
    DOCUMENTS_EN,
    DOCUMENTS_FR,
    FUNCTION_WORDS_EN,
    FUNCTION_WORDS_FR,
    GENDER_ROLES_EN,
    GENDER_ROLES_FR,
    GENDER_TITLES,
    MONTHS_EN,
    MONTHS_FR,
    OCCUPATIONS_EN,
    OCCUPATIONS_FR,
    OFFICE_NAMES,
    ROLES_EN,
    ROLES_FR,
    TITLES,
    VERBS_EN,
    VERBS_FR,
    WEEKDAYS_EN,
    WEEKDAYS_FR,
    Lexicons,
    first_forms,
    gendered,
    words,
)
from pressroom.text.patterns import lazy


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The word lists as attribution uses them (patterns compiled when first used)."""

    titles: tuple[str, ...]
    """Courtesy titles as written (``M``, ``Dr``, ``Councillor``)."""
    title_words: frozenset[str]
    courtesy_titles: frozenset[str]
    feminine_titles: frozenset[str]
    masculine_titles: frozenset[str]
    """First words of a name that show a woman's, a man's (``Mme``, ``Mr``)."""
    feminine_role: Any
    masculine_role: Any
    """A word of a role that shows a woman holds it (``présidente``), a man (``préfet``)."""
    role_words: frozenset[str]
    """Words that name an office or an occupation (``maire``, ``spokesperson``,
    ``foreman``), French and English: written beside a name, its role."""
    occupation_words: frozenset[str]
    """The role words that name what someone does, not an office one person holds
    (``foreman``, ``l'officier``): a descriptor made of one is an epithet."""
    office_subject: Any
    """A sentence opening on an office (``Le maire de Pénestin``), as ``office``."""
    body_words: frozenset[str]
    body_kinds: frozenset[str]
    """Body words for a kind there are many of (``firm``, ``club``, ``l'ASBL``):
    alone after an article, they stand for the one such body the text names, or no one."""
    document_words: frozenset[str]
    office_names: dict[str, str]
    """Other names of an office (``chef de l'état`` -> ``président``), lower case."""
    not_person: frozenset[str]
    """Words that make a capitalised phrase a body, a place, a date: not a person."""
    calendar_words: frozenset[str]
    """Weekdays and months, lower case (``mercredi``, ``monday``, ``juillet``)."""
    function_words: frozenset[str]
    headline_words: frozenset[str]
    """English function words: one of them capitalised inside a run of capitalised words
    (``Ministers To Camp In``) makes it a headline in title case, not a name."""
    name: str
    """A person's name, with an optional title, as a pattern to put in others."""
    name_re: Any
    title_re: Any
    title_only_re: Any
    verb_re: Any
    """A speech verb as a whole word; a French inverted pronoun is captured as ``inv``."""
    plural_verbs: frozenset[str]
    """English speech verbs in the form a plural subject takes (``say``, not ``says``)."""
    office_word: Any
    role_before: Any
    role_reject: Any
    adverbs: Any

    def is_office(self, word: str) -> bool:
        """An office one person holds (``maire``, ``chief``), not an occupation."""
        return word in self.role_words and word not in self.occupation_words

    def is_role(self, word: str) -> bool:
        """A word that says what someone is (``Mayor``, ``Dr``, ``vice-président``, ``nurse``),
        in any case, or one of its hyphenated parts does."""
        parts = (word.lower(), *word.lower().split("-"))
        return any(p in self.role_words or p in self.title_words for p in parts)


@lru_cache(maxsize=8)
def vocabulary(lexicons: Lexicons) -> Vocabulary:
    """The vocabulary of these lexicons (made once for each content of the lists)."""
    titles = lexicons.entries(TITLES)
    title = (
        "(?:" + "|".join(regex.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")\.?"
    )
    name = rf"(?<![\p{{L}}\p{{N}}])(?:{title}{SP}+)?{NAME_BODY}"  # not "X. Selon" in "COVAX. Selon"
    surname_with_title = rf"{title}{SP}+(?:{PARTICLE}{SP}+)?{TOKEN_CAP}"
    offices = words(lexicons, ROLES_EN, ROLES_FR)
    occupations = words(lexicons, OCCUPATIONS_EN, OCCUPATIONS_FR) - offices
    role_words = offices | occupations
    office = "|".join(
        sorted(role_words | {"councillor", "councilor", "général", "générale", "sen."}, key=len)[
            ::-1
        ]
    )
    english_weekdays = _alternation(first_forms(lexicons, WEEKDAYS_EN))
    french_weekdays = _alternation(first_forms(lexicons, WEEKDAYS_FR))
    calendar = first_forms(lexicons, MONTHS_EN, MONTHS_FR, WEEKDAYS_EN, WEEKDAYS_FR)
    months = _alternation(first_forms(lexicons, MONTHS_EN, MONTHS_FR))
    english_verbs = lexicons.entries(VERBS_EN)
    english = frozenset(e.lower() for e in english_verbs)
    verbs = verb_pattern(lexicons.entries(VERBS_FR), english_verbs, role_words)
    return Vocabulary(
        titles=titles,
        title_words=frozenset(t.lower() for t in titles),
        courtesy_titles=words(lexicons, COURTESY_TITLES),
        feminine_titles=frozenset(gendered(lexicons, "f", GENDER_TITLES)),
        masculine_titles=frozenset(gendered(lexicons, "m", GENDER_TITLES)),
        feminine_role=_gender_role(lexicons, "f"),
        masculine_role=_gender_role(lexicons, "m"),
        role_words=role_words,
        occupation_words=occupations,
        body_words=words(lexicons, BODIES_EN, BODIES_FR),
        body_kinds=words(lexicons, BODY_KINDS),
        document_words=words(lexicons, DOCUMENTS_EN, DOCUMENTS_FR),
        office_names={
            folded(name): office.strip().lower()
            for name, _, office in (e.partition("|") for e in lexicons.entries(OFFICE_NAMES))
            if office.strip()
        },
        not_person=NOT_PERSON | calendar,
        calendar_words=calendar,
        function_words=words(lexicons, FUNCTION_WORDS_FR, FUNCTION_WORDS_EN),
        headline_words=words(lexicons, FUNCTION_WORDS_EN),
        name=name,
        name_re=lazy(name),
        title_re=lazy(rf"^{title}{SP}+", regex.V1),
        title_only_re=lazy(rf"^{surname_with_title}$"),
        verb_re=lazy(rf"(?<![\p{{L}}\-])(?P<verb>{verbs})(?![\p{{L}}])"),
        plural_verbs=frozenset(
            verb for verb in english if f"{verb}s" in english or f"{verb}es" in english
        ),
        office_subject=lazy(
            r"^(?P<office>(?:le|la|l['’]|the|notre|our)[ \u00a0]*(?:[\p{L}\-]+[ \u00a0]+){0,3}?"
            rf"(?:{_alternation(offices)})(?:[ \u00a0]+(?:{_alternation(offices)}))?"
            r"(?:[ \u00a0]+(?:de|du|des|of)[ \u00a0]+(?:la[ \u00a0]+|l['’]|the[ \u00a0]+)?"
            r"(?:(?-i:\p{Lu})[\p{L}'’\-]*(?:[ \u00a0]+(?-i:\p{Lu})[\p{L}'’\-]*)*"
            r"|(?-i:\p{Ll})[\p{L}\-]+))?)(?![\p{L}\-])",
            regex.I,
        ),
        office_word=lazy(
            r"\b(?:" + "|".join(sorted(role_words | {"councillor", "councilor"})) + r")\b",
            regex.I,
        ),
        role_before=lazy(
            rf"(?:^|[\s(])(?P<office>(?:(?:\p{{Lu}}[\p{{L}}.&'’-]*|of|de|du|{_OFFICE_FIELD})\s+){{0,3}}"
            # "des ministres de …": plural too; "vice-captain", "co-chair": a second's office
            rf"(?i:(?:(?:vice|co|sous)-)?(?:{office})s?){_ROLE_ADJECTIVE}"
            rf"(?:\s+(?i:{office}|and\s+(?i:{office})|et\s+(?i:{office})){_ROLE_ADJECTIVE}){{0,2}}"
            r"(?:\s+(?:(?:en\s+charge|chargée?|in\s+charge)\s+)?"  # "en charge de l'Aide au"
            rf"(?:de|du|des|d['’]|of|for|au|aux)\s?(?:la\s|l['’]|the\s)?\p{{L}}[\p{{L}}-]+"
            r"(?-i:\s\p{Lu}[\p{L}'’-]+)?"  # "du Festival des Vieilles Charrues": a name's
            r"(?:\s\d{1,3})?"  # "président de la CMA 63": a département's number
            r"(?:\s\p{Ll}[\p{Ll}-]+(?:ère|ères|ique|iques|ale|ales|elle|elles|aux))?"
            # "Chair of the harbour board", "Minister for housing and welfare"
            r"(?:\s(?:(?:and|&)\s)?(?-i:(?!(?:and|et|or|ou)\s)\p{Ll}[\p{Ll}-]{2,})){0,2}){0,3}"
            # a demonym after the office: "le ministre des Affaires étrangères nigérien,"
            r"(?:\s\p{Ll}[\p{Ll}-]+(?:ien|ienne|ais|aise|ois|oise|ain|aine|éen|éenne))?),?\s+$"
        ),
        role_reject=lazy(
            rf"^{NOT_ACRONYM}(?:adding|who|which|that|when|while|as|in|at|on|during|after|"
            r"before|according|"
            r"speaking|noting|pointing|saying|explaining|lors|dans|devant|après|avant|"
            r"en(?![ \u00a0]+charge)|sur|"
            r"pour|à|au|aux|qui|que|qu['’]|car|mais|et|ajoutant|précisant|soulignant|"
            r"déplorant|selon|d['’]après|avec|with|from|told|today|yesterday|hier|aujourd|ce|cette|"
            rf"{french_weekdays}|{english_weekdays}|\d{{1,2}}(?:er)?\s+(?:{months})|"
            r"to|si|if|toutefois|however|cependant|néanmoins|pourtant|ainsi|enfin|"
            # an opening circumstance: "Sans perdre une seconde, X :", "Without delay, X"
            r"sans|without|malgré|despite|depuis|since|grâce|thanks|pendant|throughout|alongside|"
            r"following|suite|face|lorsqu['’]|lorsque|quand|puis|désormais|déjà|already|"
            r"maintenant|meanwhile|earlier|previously|recently|auparavant|récemment|interrogée?s?|"
            r"asked|questioned|reached|later|"
            # who comes after or before them: "X, succeeding Laurence Lien"
            r"succeeding|replacing|succédant|remplaçant|"
            # a clause of its own: "nouveau maire EELV, il faudra …"
            r"il|elle|ils|elles|nous|he|she|they|we)\b",
            regex.I,
        ),
        adverbs=lazy(
            rf"^(?:(?:{french_weekdays}|hier|aujourd['’]hui|"
            r"encore|également|aussi|alors|ensuite|enfin|ce\s+matin|ce\s+soir|soir|matin|"
            r"d['’]ailleurs|pourtant|toutefois|cependant|néanmoins|notamment|surtout|effectivement|"
            r"today|yesterday|also|then|further|later|earlier|previously|meanwhile|recently|simply|"
            r"again|auparavant|récemment|cette\s+fois|à\s+son\s+tour|this\s+time)[\s,]+){1,3}",
            regex.I,
        ),
    )


# An adjective after an office: "conseiller municipal", "directeur général", "maire adjoint".
# Words in lower case that go before an office word as part of it: "former prime minister".
_OFFICE_FIELD = "former|prime|acting|interim|police|fire|senior|assistant|associate|ancien|ancienne"
_ROLE_ADJECTIVE = (
    r"(?:\s\p{Ll}[\p{Ll}-]+(?:al|ale|aux|ier|ière|if|ive|é|ée|oint|ointe|ant|ante|ent|ente))?"
)


def _gender_role(lexicons: Lexicons, gender: str) -> Any:
    phrases = gendered(lexicons, gender, GENDER_ROLES_FR, GENDER_ROLES_EN)
    return lazy(rf"\b(?:{'|'.join(map(regex.escape, phrases))})\b", regex.IGNORECASE)


def _alternation(forms: frozenset[str]) -> str:
    return "|".join(regex.escape(form) for form in sorted(forms, key=len, reverse=True))


def folded(name: str) -> str:
    """A name or an office as compared: lower case, one apostrophe, no accents (``Le chef
    de l’Etat`` and ``chef de l'État``, ``Jean Bruno Tagne`` and ``Jean Bruno Tagné`` are
    one)."""
    text = unicodedata.normalize("NFKD", name.strip().lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))
