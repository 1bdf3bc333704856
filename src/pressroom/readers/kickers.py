"""What a page glues to its headline and the title leaves out: a kicker ("VIDÉO.",
"EXCLUSIF |", a place before a French title), a label ("PRESS RELEASE :"), a crawler's
stamp, a date before it, a site's wrappers, a month stamp or a bar after it."""

from __future__ import annotations

import regex

from pressroom.readers.titles import BULLET, CRAWLER
from pressroom.text.patterns import lazy

# A French kicker glued before the title: "Vals Après la fête, le maire…" (French titles
# are in sentence case, so a capitalised function word inside one starts a new sentence).
# "Séance aux Grisons L'exécutif…": a place may join the kicker by a preposition, and the
# title may open with an elided article.
_OPENERS = "Après|Avant|Le|La|Les|Un|Une|Des|Pour|Dans|Avec|Face|Quand|Comment|Pourquoi|Au|Aux|En"
"""Capitalised words that open a French headline's sentence after a kicker."""
_KICKER = lazy(
    r"^\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:aux|au|du|des|de|en|à)\s+)?\p{Lu}[\p{L}'’-]+){0,2}\s+"
    rf"(?=(?:(?:{_OPENERS})\s+|[LD]['’])\p{{Ll}})"
)
_INSTITUTION_KICKER = lazy(
    r"^(?:Université|Ville|Mairie|Région|Département|Commune|Préfecture|Académie)\s+"
    r"(?:de\s+la\s+|de\s+|du\s+|des\s+|d['’])?\p{Lu}[\p{L}'’-]+\s*(?:[:|–—]\s*)?"
    r"(?=\p{Lu}\p{Ll})"
)
# A label glued before the headline or a month stamp after it: "PRESS RELEASE : …",
# "Headline: …", "… [December 2022]", "… |".
_TITLE_LABEL = lazy(
    r"^(?:\[[^\[\]]{1,30}\]\s*)?"  # a mailing list's tag: "[ASC-media] Media Release: …"
    r"(?:(?:press release|news release|media release|headline|communiqué(?: de presse)?)"
    r"\s*[:–—-]|image result for|thumbnail(?=\s+\p{Lu}))\s*(?=\S)"
    r"|^\[[^\[\]]{1,30}\]\s*(?=\p{Lu})"  # the tag alone: "[C_Presse] Guichets TER …"
    r"|^\d{1,2}\)\s+(?=\S)"  # an item's number: "1) 40 logements à Beg-Meil …"
    r"|^(?:home|accueil)\s*[|/>›»]\s*(?=\p{Lu})"  # a breadcrumb's start: "Home | Media …"
    r"|^(?-i:(?:\p{Lu}\p{Ll}+){3,})\s+(?=\p{Lu})",  # a page's icon name: "PostHeaderIcon Départ …"
    regex.I,
)
_DATE_BEFORE = lazy(
    r"^(?:\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4})\s+(?=\p{Lu})"
)
# A site's wrappers around the headline: "CAMEROUN :: the headline :: CAMEROON".
_WRAPPED = lazy(r"^[^:]{2,40}\s::\s(?P<title>.+?)(?:\s::\s[^:]{2,40})?$")
# A label in capitals before the headline: "VIDÉO. La joie…", "EXCLUSIF | Défense…".
_CAPITALS_KICKER = lazy(
    r"^(?:\p{Lu}{3,}|\p{Lu}{2}\s\p{Lu}{3,})(?:\s\p{Lu}{3,})?\s*[.|]\s+(?=\p{Lu}(?:\p{Ll}|\s))"
    r"|^\p{Lu}{6,}\s*:\s+(?=\p{Lu}\p{Ll})"  # a section's name: "METALLURGIE : Diager …"
    # an agency's rubric: "SENEGAL-AFRIQUE-FOOTBALL / Souleymane Diallo : « … »"
    r"|^\p{Lu}{3,}(?:-\p{Lu}{2,})+\s*/\s+(?=\p{Lu}\p{Ll})"
    # a rubric in capitals before a French headline: "FAIT DU SOIR Après …"
    rf"|^\p{{Lu}}{{2,}}(?:\s\p{{Lu}}{{2,}}){{1,2}}\s+(?=(?:{_OPENERS})\s)"
)
# One word or two places before a full stop, then a sentence: "Gottéron. Une grosse
# frustration …", "Russie / Niger. Le …".
_WORD_KICKER = lazy(
    r"^\p{Lu}[\p{L}'’-]{3,}(?:\s*/\s*\p{Lu}[\p{L}'’-]+)?\.\s+"
    rf"(?=(?:{_OPENERS}|Il|Elle|The|A|An)\s+\p{{L}}|[LD]['’]\p{{Ll}}|\[)"  # "Loisirs. [PHOTOS]"
)
_TITLE_TAIL = lazy(
    r"\s*(?:\[[^\[\]]{1,30}\]|\|)$"
    r"|\s+(?i:skip to (?:the )?(?:main )?content)$"  # an accessibility link glued after
    r"|(?<=(?:\S+\s+){4}\S+)\s+(?:\|\s+\S+(?:\s\S+){0,2}"  # a site's name: "… | CIA"
    r"|[-–—]\s+[\w-]+\.(?:com|fr|net|org|info|be|ch|ca|sn|ci|cm))$"  # "… - adakar.com"
    r"|\s+(?:Abonnés|Premium)$"  # a paywall's mark: "… Abonnés"
)


_CLOSE_GLYPH = lazy(r"^[×✕✖][ \u00a0]+")


def without_kicker(text: str) -> str:
    """The headline without a kicker, label or stamp the page glued to it."""
    for _ in range(2):  # "… | VIVA MÉDIA Skip to main content": the link, then the site
        text = _TITLE_TAIL.sub("", _TITLE_LABEL.sub("", CRAWLER.sub("", text))) or text
    text = _CLOSE_GLYPH.sub("", text) or text  # "× Police Chief to retire": a close button
    text = _CAPITALS_KICKER.sub("", BULLET.sub("", text)) or text  # "• CP / …", "VIDÉO. …"
    text = _STRAY_STOP.sub("", text) or text  # ". University Of Sussex …": a stop left over
    text = _DATE_BEFORE.sub("", text) or text  # "February 21, 2005 THE HEADLINE"
    wrapped = _WRAPPED.match(text)
    if wrapped is not None:
        text = wrapped["title"]
    if len(text) < 20 or " " not in text[:40]:
        return text
    found = _KICKER.match(text) or _INSTITUTION_KICKER.match(text)
    word = _WORD_KICKER.match(text) if found is None else None
    if word is not None and len(text[word.end() :].split()) >= _KICKED_WORDS:
        found = word  # "Gottéron. Une grosse frustration …", not "Portlyn. A harbour town"
    return text[found.end() :] if found else text


_KICKED_WORDS = 5
_STRAY_STOP = lazy(r"^[.,;:·]+[ \u00a0]+(?=\p{Lu})")


def without_breadcrumb(text: str, below: str | None) -> str:
    """``Accueil Archives des actualités En tournée avec …`` over ``En tournée avec …
    Imprimer``: a breadcrumb's trail before the headline the line below repeats, cut."""
    if below is None or _BREADCRUMB_ROOT.match(text) is None:
        return text
    words, next_words = text.split(), below.split()
    for size in range(len(words) - 1, _BREADCRUMB_SHARED - 1, -1):
        if words[-size:] == next_words[:size]:
            return " ".join(words[-size:])
    return text


_BREADCRUMB_ROOT = lazy(r"^(?:Accueil|Home|Startseite|Inicio)\s+\p{Lu}")
_BREADCRUMB_SHARED = 3
