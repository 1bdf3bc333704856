"""The people a stretch of text names, with the role written beside each (``le maire
Claire Dumas``, ``Jane Doe, the mayor,``, ``its chief executive, Tom Lee``)."""

from __future__ import annotations

import regex

from pressroom.attribution.headlines import headline_word_at, title_case
from pressroom.attribution.names import (
    INITIALS,
    SENTENCE_OPENERS,
    SP,
    TO_QUOTE,
    Gender,
    Person,
    is_person_name,
    name_end,
    role_gender,
    sentence_start,
    strip_title,
    title_gender,
    words_of,
)
from pressroom.attribution.persons import first_name_gender, person_like
from pressroom.attribution.rolename import (
    BODY_BEFORE,
    OFFICE_OF,
    SPACES_AND_COMMAS,
    first_name_after_office,
    first_name_at,
    from_first_name,
    split_role_name,
)
from pressroom.attribution.roles import clean_role, participle, plural_office, role_before
from pressroom.attribution.speakers import cut_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

_VERBAL = lazy(r"^(?:a|ont|est|sont|sera|avait|était|fut|va|vient|is|was|has|had|will|said|says)\b")
_GENDERED_ASIDE = lazy(
    r"^(?:quant[ \u00a0]+à[ \u00a0]+|de[ \u00a0]+son[ \u00a0]+côté[ \u00a0]+)?"
    r"(?P<pronoun>elle|lui)(?:-même)?$",
    regex.I,
)
# A verb and its object after a name, not an apposition: "Callum Ferris, presented the plans",
# "Jon Husted, joined Cleveland-Cliffs CEO Lourenco Goncalves".
_PREDICATE = lazy(
    r"^(?:\p{Ll}+ed\s+(?:(?:the|a|an|his|her|their|its|on|to|in|at|with)\b|\p{Lu})|"
    r"s['’]|se\s|ne\s|n['’])"
)
# A picture's credit before a name: "(Xinhua/", "Photo :", "Crédit photo :", "©".
_CREDIT_BEFORE = lazy(
    r"(?:\(\p{L}[\p{L} .-]{0,20}/|\b(?:photos?|crédits?(?:\s+photos?)?|credits?|©)\s*:?"
    r"(?:\s*\p{Lu}{2,6}\s*[,/])?)\s*$",  # "Photo DDM, Emmanuel Vaksmann": an agency, then who
    regex.I,
)
_OF_PLACE = lazy(r"(?:\bde(?:\s+la)?|\bdu|d['’]|\bof(?:\s+the)?)\s?$")
_FOR_PLACE = lazy(r"\b(?:for|and|pour|et)\s$")
_ARTICLE_BEFORE = lazy(r"\b(?:au|aux|les)\s$|\bl['’]$", regex.I)
_ACRONYM_OWNER = lazy(r"^\p{Lu}{2,6}\s+(?=\p{Ll})")
# An office held before: "Former Wisconsin coach" X, "l'ancien maire" X.
_FORMER = lazy(r"(?:former|ex-|ancien|ancienne|l['’]ancien|l['’]ancienne)\b", regex.I)
# A name, then the office it is appointed or elected to: "has been appointed as …", "a
# été élue présidente de …" (up to a stop, a comma or when, where or from when).
_APPOINTED_AS = lazy(
    r"^\s+(?:has\s+been|have\s+been|was|is|a\s+été|est|vient\s+d['’]être)\s+"
    r"(?:(?:re-?)?(?:appointed|elected|named)(?:\s+as)?|(?:ré)?élue?|nommée?|désignée?)\s+"
    r"(?P<role>\p{L}[^,.;:()«»“”\"]{2,100}?)"
    r"(?=\s*[,.;:(]|\s+(?:with|from|on|in|at|by|after|for\s+a|to\s+replace|pour|à\s+partir|"
    r"depuis|en\s+remplacement)\b|\s*$)",
    regex.I,
)
# A verb and its object after a name, not a role: "X, tente sa chance", "X, chairs the".
_VERB_PHRASE = lazy(
    r"^\p{Ll}[\p{Ll}'’-]*\s+(?:le|la|les|l['’]|un|une|sa|son|ses|leur|leurs|the|a|an|his|her|"
    r"its|their)\b"
)
_APPOSITION = lazy(rf"^{SP}*,{SP}*([^,.;:()«»“”\"]{{3,120}}?){SP}*(?:[,.;(]|$)")
_LEAD_ROLE = lazy(
    r"(?:^|[,.;:]\s|\s[–—-]\s|\s(?:et|and)\s)"
    r"((?:l['’]\s?|(?P<some>(?-i:[aA]n?|[uU]ne?))\s|(?:le|la|the|sa|son|its|his|her|their)\s)"
    r"[^,.;:–—]{3,90}),\s*(?:(?:le|la|the)\s+(?:\p{Ll}[\p{Ll}\-]+\s+)?)?$",
    regex.I,
)
# "La Région et sa vice-présidente, X": the role is what comes after the owner.
_OWNER_AND = lazy(r"^.*\s(?:et|and)\s(?=(?:sa|son|its|his|her|their)\s)", regex.I)
_TWO_CAPS = lazy(r"\p{Lu}[\p{L}'’.\-]*[ \u00a0]+(?:\p{Ll}{1,3}[ \u00a0]+)?\p{Lu}")
_SIBLING_BEFORE = lazy(
    r"(?<![\p{L}'’]|\p{Lu}[\p{L}.'’-]*[ \u00a0]+)"  # a first name alone, not a surname
    r"(?P<first>\p{Lu}\p{Ll}+)[ \u00a0]+(?:and|et|&)[ \u00a0]+$"
)
_SIBLING_SPAN = 40  # a first name and "and": the scan stops there (its lookbehind sees on)
_ROMAN = lazy(r"\s[IVX]{2,}$")


def mentions(text: str, v: Vocabulary) -> list[tuple[int, Person]]:
    """People named in a stretch of text (outside quotations), with their position."""
    found: list[tuple[int, Person]] = []
    if _TWO_CAPS.search(text) is None:
        return found
    headline: bool | None = None  # worked out when a name needs it
    shared: tuple[int, str] | None = None  # a plural office and where its first name ends
    for match in v.name_re.finditer(text):
        phrase = match.group()
        name, prefix = split_role_name(phrase, v)
        if name is None:
            continue
        if name.endswith(("'s", "’s")) and " " in name:  # "Damien O’Connor’s assessment":
            name = name[:-2]  # no name found here ends on an owner's 's
        start = match.start()
        first, _, rest = name.partition(" ")
        opener = first.lower() in SENTENCE_OPENERS  # "But Alan X", "Although India met"
        said = TO_QUOTE.match(text, match.end()) and v.verb_re.fullmatch(first.lower())
        if opener or said or (first.lower() in v.calendar_words and " " in rest):
            start, name = start + len(first) + 1, rest  # "Said Ann, “", "Mercredi Yvan X"
        elif INITIALS.match(first) and " " in rest and first_name_gender(rest.split()[0]):
            start, name = text.find(rest, start), rest  # "à l'AFP Jérôme Salvi": a body's initials
        head, _, last = name.rpartition(" ")
        if last.lower() in v.calendar_words and " " in head:  # "Mayor Jane Roe Tuesday said"
            name = head
        place = _OF_PLACE.search(text[max(0, start - 8) : start])  # "de la République X"
        if not place and not first_name_gender(words_of(name)[0]):
            place = _FOR_PLACE.search(text[max(0, start - 5) : start])  # "for Law and Education"
        if place and len(words_of(name)) >= 3 and (not prefix or _OF_PLACE.search(prefix)):
            # "le maire de Lyon Jean Roux", "le Maire de Goma Julien Katembo"
            start += len(words_of(name)[0]) + 1
            name = " ".join(words_of(name)[1:])
        if prefix and first_name_after_office(prefix, _word_before(text, start), v):
            name, prefix = f"{prefix} {name}", None  # "Club chairman Dean Hoyle"
        titled = prefix is not None and prefix.rstrip(".").lower() in v.title_words
        if titled:  # "Councillor Les Bullock": after a title, "Les" is a first name
            name, prefix = f"{prefix} {name}", None
        if not is_person_name(name, v) and not titled:
            # "Chair of the Western Division Council Wayne Newton": the name from its
            # known first name on, the words before it a body's
            name, cut = from_first_name(name, text, start, v)
            prefix, start = (None, cut) if cut != start else (prefix, start)
        if not is_person_name(name, v) or _ROMAN.search(name):
            continue
        if BODY_BEFORE.search(text[max(0, start - 40) : start]):
            continue  # "Muriel Arnal de l'association One Voice": a body's name
        if _CREDIT_BEFORE.search(text[max(0, start - 16) : start]):
            continue  # "(Xinhua/Mohammed Mohammed)", "Photo: Ann Roe": who took a picture
        if not titled and _ARTICLE_BEFORE.search(text[max(0, start - 5) : start]):
            continue  # "ici au Secours Populaire", "à l’Allianz Riviera": an article, no person
        if _owns_office(text[match.end() : match.end() + 60], v):
            continue  # "Te Tauraki board director Suzanne Pitama": the office's owner
        bare, title = strip_title(name, v)
        tokens = bare.split()
        cut = headline_word_at(tokens, v)
        if cut:  # a headline in title case: "Mayor Paul Roy To Visit Lyon", "Ministers To Camp"
            tokens = tokens[:cut]
            if len(tokens) < 2:
                continue
            bare = " ".join(tokens)
        courtesy = (prefix or title or "-").split()[-1].rstrip(".").lower() in v.courtesy_titles
        if not person_like(bare) and not courtesy:  # "The Honourable Ann Roe": a person
            headline = title_case(text, v) if headline is None else headline
            if headline:
                continue  # "Tourism Minister Wants Farmers to Get …": a headline's words
        # "Fière Bruno Marchand", "Children New Zealand John Bowis": a body's name before
        lead = first_name_at(tokens)
        if lead and not first_name_gender(tokens[0]):
            start = text.find(tokens[lead], start)
            bare = " ".join(tokens[lead:])
        after = text[match.end() : match.end() + 160]
        role = None
        office = (
            None
            if prefix
            else role_before(_without_courtesy(text[max(0, start - 80) : start], v), v)
        )
        if office and any(_own_office(_between(text, f, start)) == office for f in found[-2:]):
            office = None  # "Luce Roy, rectrice, Alain Lee, …": the office is Luce Roy's
        apposition = None if office else _APPOSITION.match(after)
        # "Zahid Hussain, WB acting country director, …": a body's acronym owns the role
        words = _ACRONYM_OWNER.sub("", apposition[1]) if apposition else ""
        if (
            apposition
            and (
                words[:1].islower()
                or _office_apposition(apposition[1], v)
                or _owned_office(apposition[1], v)
            )
            and not (_VERBAL.match(words) and not _a_role(words, v))
            and not _VERB_PHRASE.match(words)
            and not _PREDICATE.match(words)
            and not participle(words, v)
            and not v.verb_re.match(words)
            and not (prefix and person_like(after[apposition.end() :].split(",")[0]))
        ):  # not "Representative Karin Roe, UN Coordinator, Dr. Ann Lee": Ann Lee's
            role = clean_role(apposition.group(1), v)
        former = _FORMER.match(prefix or office or "")  # "Former Wisconsin coach X has been named"
        if role is None and (former or not office) and (appointed := _APPOINTED_AS.match(after)):
            role = clean_role(cut_subject(appointed["role"]), v)  # "X was appointed as …"
            office = None
        if role is None and (prefix or office):
            role = clean_role(prefix or office, v)
        if role is None or office:  # the office alone, or a longer role written before it
            before = _without_courtesy(text[max(0, match.start() - 90) : match.start()], v)
            lead_in = _LEAD_ROLE.search(before)
            led = lead_in.group(1)[len(lead_in["some"] or "") :] if lead_in else ""
            if (
                lead_in
                and lead_in["some"]
                and not any(map(v.office_word.fullmatch, led.split()[:2]))
            ):
                led = ""  # "a professor at the university, X", not "a day after the vote, X"
            whole = clean_role(_OWNER_AND.sub("", led), v) if led else None
            if whole and (role is None or (role in whole and len(whole) > len(role))):
                role = whole  # "The council's cabinet member for schools, X"
        if role is None and (not title or title.rstrip(".").lower() in v.courtesy_titles):
            role = _opening_office(text[:start], found, v)  # not past "Mayor" X: the role
        if role is None and shared and _JOINED.fullmatch(text, shared[0], match.start()):
            role = shared[1]  # "Commissioners Gary Macdonald and Duane Nygaard": both
        shared = None
        if role and plural_office(
            role.split()[-1], v
        ):  # "Les conseillères, X et Y": "conseillères"
            role = _PLURAL_ARTICLE.sub("", role)
            shared = (match.end(), role)
        gender = title_gender(name, v) or role_gender(role, v) or _aside_gender(role)
        # "Jeremiah and Joshua Simpson": looked for in the words just before the name only
        sibling = _SIBLING_BEFORE.search(text, max(0, start - _SIBLING_SPAN), start)
        if sibling and first_name_gender(sibling["first"]) and " " in bare:
            found.append((sibling.start(), Person(f"{sibling['first']} {bare.split()[-1]}")))
        found.append((start, Person(bare, role or clean_role(title, v), gender)))
    return found


def _a_role(words: str, v: Vocabulary) -> bool:
    """``a spokesperson with …``, ``a senior nurse``: the English article, not "a" (has)."""
    head = words.split()[:3]
    return head[:1] == ["a"] and any(v.is_role(w) for w in head[1:])


def _own_office(between: str) -> str:
    """The words between two names, as an office of the first (``, la présidente du club,``
    -> ``présidente du club``): what role_before reads there is that person's."""
    if not between.rstrip().endswith(","):
        return ""  # "…, le ministre de la Santé Malachie X": the office is the next one's
    return str(_ARTICLE_LEAD.sub("", between.strip(" ,"))).strip(" ,")


_ARTICLE_LEAD = lazy(r"^(?:la|le|l['’]|the)[ \u00a0]*", regex.I)


def _between(text: str, mention: tuple[int, Person], start: int) -> str:
    """The words between a person named before (``mention``) and ``start``."""
    end = name_end(text, mention)
    return text[end:start] if end is not None and end <= start else ""


def _opening_office(head: str, found: list[tuple[int, Person]], v: Vocabulary) -> str | None:
    """The office that opens the sentence right up to a name: ``Executive Director of Save
    the Children New Zealand`` John Bowis said, ``Taupiri farmer`` Steven Stark was, and
    past an opening clause, ``Speaking at the event, Assam Governor Prof.`` Jagdish Mukhi:
    capitalised words, role words and function words only, naming no one, with a role
    word among them."""
    start = sentence_start(head)
    # past anyone named earlier in the sentence ("Port Avery - In response, Minister of" X)
    start = max([start] + [name_end(head, m) or len(head) for m in found if m[0] >= start])
    *lead, office = head[start:].strip(SPACES_AND_COMMAS).rsplit(",", 1)
    words = _untitled(office, v)
    if lead and len(words) == 1 and words[0].rstrip(".").lower() in v.title_words:
        # "Minister of Industry, Investment and Commerce, Senator the Hon." X
        lead_office = _office_words(lead[0], v) or _office_words(lead[0].rsplit(",", 1)[-1], v)
        if lead_office:
            return lead_office
    return _office_words(office, v)


def _office_words(office: str, v: Vocabulary) -> str | None:
    """``office`` as a role, past the titles that end it, when its words are capitalised
    words, role words and function words only, a role word among them."""
    words = _untitled(office, v)
    if not words or len(words) > _OPENING_OFFICE_WORDS or not words[0][:1].isupper():
        return None
    lower = [w.lower().rstrip(",") for w in words]
    if not any(w in v.role_words for w in lower) or v.verb_re.search(office):
        return None
    noun = next((lower[i - 1] for i, w in enumerate(lower) if i and w in OFFICE_OF), lower[-1])
    if noun in v.body_words or lower[-1] in v.function_words:
        return None  # "packaging firm Orora Limited", "CEO of Orora Limited": a body
    if not all(
        w[:1].isupper() or low in v.role_words or low in v.function_words
        for w, low in zip(words, lower, strict=True)
    ):
        return None
    return clean_role(" ".join(office.split()[: len(words)]), v)


_OPENING_OFFICE_WORDS = 14


def _untitled(office: str, v: Vocabulary) -> list[str]:
    """The words of ``office`` before the titles that end it (``Senator the Hon.``,
    ``Governor Prof.``), keeping a title that is the only office word."""
    words = [w.strip("()") for w in office.split()]
    while words and words[-1].rstrip(".").lower() in v.courtesy_titles | {"the"}:
        words.pop()
    while (
        len(words) > 1
        and words[-1].rstrip(".").lower() in v.title_words
        and any(w.lower() in v.role_words for w in words[:-1])
    ):
        words.pop()
    return words


_BLANKS = " \u00a0\u202f"


def _word_before(text: str, at: int) -> str:
    """The word that ends a space before ``at`` in ``text``; "" for none."""
    head = text[max(0, at - _WORD_BEFORE_CHARS) : at]
    return head.split()[-1] if head[-1:].isspace() and head.strip() else ""


_WORD_BEFORE_CHARS = 30


def _without_courtesy(before: str, v: Vocabulary) -> str:
    """The words before a name, past a courtesy title in lower case (``la première ministre
    du Québec, madame`` Pauline Marois): the office is written before the title."""
    head, _, last = before.rstrip(_BLANKS).rpartition(" ")
    if before[-1:].isspace() and last.rstrip(".").lower() in v.courtesy_titles and last.islower():
        return head + " "
    return before


def _owns_office(after: str, v: Vocabulary) -> bool:
    """Words after a capitalised run that are an office in lower case, then a name:
    ``… board director Suzanne Pitama``: the run is the body that office belongs to."""
    found = _OFFICE_THEN_NAME.match(after)
    if found is None:
        return False
    words = found["office"].split()
    return any(w in v.role_words for w in words) and all(
        w in v.role_words or w in v.body_words for w in words
    )  # not "Jane Doe and director Tom Lee": two people


_OFFICE_THEN_NAME = lazy(r"^[ \u00a0]+(?P<office>(?:\p{Ll}[\p{Ll}\-]*[ \u00a0]+){1,3})(?=\p{Lu})")


def _office_apposition(words: str, v: Vocabulary) -> bool:
    """``Nerissa Vaughan, Chief Executive, thanked …``, ``…, Minister of Sanitation and
    Water Resources, said``, ``…, Australia Post's general manager for …, told``: a
    capitalised apposition that starts with an office (or a body's office) and names no
    one."""
    tokens = words.split()
    if not tokens:
        return False
    owner = next((i for i, w in enumerate(tokens[:4]) if w.endswith(("'s", "’s"))), None)
    if owner is not None and owner + 1 < len(tokens):
        tokens = tokens[owner + 1 :]  # "Australia Post's general manager"
    elif len(tokens) > 1 and tokens[0].isupper() and 2 <= len(tokens[0]) <= 6:
        tokens = tokens[1:]  # "WHO Director-General": a body's acronym, then the office
    if tokens[0].lower() not in v.role_words or any(
        first_name_gender(w) and w.lower() not in v.role_words
        for w in tokens  # not "Vice"
    ):
        return False
    lead = next(i for i, w in enumerate([*tokens, ""]) if w.lower() not in v.role_words)
    if lead + 1 < len(tokens) and tokens[lead].lower() in OFFICE_OF:
        return True  # "Minister of Sanitation …", "Chief Executive of the …": its field
    return all(w.lower() in v.role_words or not w[:1].isupper() for w in tokens)


_PLURAL_ARTICLE = lazy(r"^(?:les|the|des|ses|leurs|their)\s+", regex.I)
_JOINED = lazy(r"[ \u00a0]*(?:,|and|et|&)[ \u00a0]*")


def _owned_office(words: str, v: Vocabulary) -> bool:
    """``Roger Clark, Highlanders CEO, was …``, ``Jo Lee, Orwigsburg’s fire chief, said``: a
    short apposition that ends on an office, its owner before it, naming no one."""
    tokens = words.split()
    owner = tokens[0].endswith(("'s", "’s")) if tokens else False  # "Orwigsburg’s fire chief"
    return (
        1 < len(tokens) <= _OWNED_OFFICE_WORDS
        and tokens[-1].lower() in v.role_words
        and all(w[:1].isupper() or (owner and i) for i, w in enumerate(tokens))
        and not any(first_name_gender(w) for w in (tokens[:1] if owner else tokens))
    )  # after an owner, "UNHCR's Philippine head": an adjective, not a first name


_OWNED_OFFICE_WORDS = 4


def _aside_gender(role: str | None) -> Gender:
    """``Aïssa Sall, quant à elle, a défendu …``: the aside shows the gender."""
    found = _GENDERED_ASIDE.match(role or "")
    return None if found is None else ("f" if found["pronoun"].lower() == "elle" else "m")
