"""Page chrome a scraper leaves around a release: menus, share buttons, cookie lines,
breadcrumbs, sign-up prompts, a site's name over the headline. Lines that are chrome are
left out of the title's choice and of the body."""

from __future__ import annotations

import regex

from pressroom.readers.titles import Line
from pressroom.text.patterns import lazy

_SENTENCE_END = frozenset('.!?»”"')
_DOUBLED_MIN, _DOUBLED_MAX = 4, 60
# How far down the page a breadcrumb is looked for (the same reach as the date's).
_TOP_LINES = 40

LEFTOVERS = frozenset(
    {
        "contenu",
        "content",
        "partager",
        "partager sur",
        "share",
        "imprimer",
        "print",
        "retour",
        "retour à la liste",
        "back",
        "accueil",
        "home",
        "menu",
        "haut de page",
        "back to top",
        "lire aussi",
        "voir aussi",
        "en savoir plus",
        "télécharger",
        "download",
        "print friendly, pdf & email",
        "you are here",
        "vous êtes ici",
        "date de parution",
        "date de publication",
    }
)

STAMP_LEFTOVERS = frozenset({"publié", "publiée", "published", "posted", "le", "on"})

STAMP_LEFTOVER_MAX = 9

_FURNITURE = lazy(
    r"^(?:publicité|advertisement|par|avec|by|publié le|published|posted|mis à jour le|"
    r"passer au contenu|aller au contenu|skip to (?:main )?content|login|log in|sign in|"
    r"se connecter|ok|beta|menu|archives?|feature story|sector news|niveau du haut|"
    r"search (?:this|the) (?:site|website)|rechercher sur (?:le|ce) site|"
    r"navigation path|left navigation|additional tools|alert section|latest news|"
    r"communiqué de presse|press release|official statement|temps de lecture.*|"
    r"lecture\s*:?\s*\d+\s*min.*|(?:par|by) \p{Lu}[\p{L}'’ .|/-]{1,80}(?:,[\p{L}'’ |/-]{1,60})?|"
    r"posted in:.*|filed under:.*|"
    r"tag archives:.*|archive for .*|tags?\s*:.*|categor(?:y|ies)\s*:.*|catégories?\s*:.*|"
    r"[a-z]+(?:_[a-z]+)+|mots-clés\s*:.*|caption:.*|"
    r"this website uses cookies.*|this site uses cookies.*|we use cookies.*|"
    r"en poursuivant votre navigation.*|this content is archived.*|"
    r"this page (?:has been|is) archived.*|(?:photo|picture|image)s? by .*|"
    r"vous devez vous inscrire.*|share on .*|partager (?:sur|cet article).*|"
    r"imprimer.*|copier le lien.*|accéder au contenu|logo .*|restrictions:|"
    r"this is a beta experience.*|you will be redirected.*|uh oh, you are using .*|"
    r"je suis un paragraphe.*|you may also (?:want|like).*|most read|voir les commentaires|"
    r"réagir|laisser un commentaire|more from .{1,40}|edit story|publicité\.|"
    r"(?:accueil|home)\s*[/>›»].*|\S+\.(?:jpe?g|png|gif|webp)|(?-i:[A-Z][A-Z_]{2,}:\s*[^a-z]{0,30})|"
    r"\d{1,6}|[\W_]+)$",
    regex.I,
)

_MORE_FURNITURE = lazy(
    r"^(?:reading time\b.*|(?:est(?:imated)?\.? )?read(?:ing)? time\b.*|"
    r"\d+\s*min(?:ute)?s?\.? read|\d+ (?:min(?:ute)?s?|hours?|h|days?) ago|"
    r"il y a \d+ (?:min(?:ute)?s?|heures?|h|jours?)|"
    r"(?:written|posted|published|submitted) by\s*:?\s*[^.,;:!?]{1,60}"
    r"(?:\s+on\s+[\w ,]{4,30})?\s*\.?|"
    r"(?:[ée]crit|r[ée]dig[ée]|post[ée]|publi[ée]|sign[ée])e? par .{1,60}|"
    r"(?:par )?la rédaction(?: d.{1,40})?|"
    r"bienvenue sur (?:le |notre )?site.{0,80}|welcome to (?:the |our )?(?:web)?site.{0,80}|"
    r"passer à la version .{0,80}|"
    r"[–—]\s*[^()]{1,60}\(@\w{1,30}\)(?:\s.{0,30})?|"  # an embedded post's signature
    r"(?:(?:main|site|search|tools?|menu|navigation|toggle|quick links)\s*){2,}|"
    r".{0,40}\brss\b.{0,40}|"
    r"(?:subscribe|sign up|signup|join|get|s['’]abonner|abonnez-vous|inscrivez-vous|recevez)\b"
    r".{0,40}\b(?:newsletters?|infolettre|lettre d['’]information|e-?mail updates|alerts)\b"
    r".{0,20}|"
    r"(?:download|get|install|téléchargez|télécharger)\s+(?:(?:the|our|notre)\s|l['’]).{0,60}"
    r"\b(?:app|application|appli)\b.{0,40}|"  # "Download the Field Pass App on Your Device"
    r"(?:joint )?(?:press|news|media) (?:release|statement|advisory)(?:\s*\|\s*[^.!?]{0,60})?|"
    r"for immediate release|listen to this (?:article|story|page)|écouter (?:cet|l['’])article|"
    r"add to (?:my )?calendar|ajouter (?:à|au) (?:mon )?(?:agenda|calendrier)|"
    r"(?:media |press |news )?contacts?\s*:.{0,60}|contacts? presse.{0,60}|"
    r"for (?:more|further) information.{0,60}|pour (?:plus d['’]|tout(?:e)? )"
    r"(?:informations?|renseignements?).{0,60}|"
    r"(?:rubriques?|sections?|thèmes?|topics?|sources?)\s*:.{1,60}|"
    r"(?:tou(?:te)?s les|all) (?:communiqués|actualités|articles|news|(?:press |news )?releases)|"
    r"retour\s+vers\s+[^\s/]+/\S.{0,80}|"  # "Retour vers Actualites/ARCHIVES/2014/Education"
    r"(?:retour|back)\s+(?:to\s+|à\s+|aux?\s+)?(?:la\s+|l['’]|les\s+|the\s+|all\s+)?"
    r"(?:liste|actualités|accueil|communiqués|news|top|list|home|search results|"
    r"previous page|page précédente|articles|releases))$",
    regex.I,
)

_MORE_FIRST = frozenset(
    "reading read est est. estimated il written posted published submitted écrit écrite "
    "ecrit ecrite redige redigee rédigé rédigée posté postée publié publiée signé signée "
    "bienvenue welcome passer — – par la main site search tools "
    "tool menu navigation toggle quick subscribe sign signup join get s'abonner s’abonner "
    "abonnez-vous inscrivez-vous recevez joint press news media for listen écouter add "
    "ajouter contact contacts pour rubrique rubriques section sections thème thèmes topic "
    "topics source sources tous toutes all retour back download install téléchargez "
    "télécharger".split()
)

_MORE_MAX = 100


def without_breadcrumbs(lines: list[Line]) -> list[Line]:
    """A breadcrumb or a kicker glued before the headline that the page repeats alone on a
    line below ("Home Sport Rugby The headline", then "The headline"), or the page's title
    with the site's name after it ("The headline | Site"), is left out."""
    top = [_straight(ln.text) for ln in lines[:_TOP_LINES]]  # "Tuesday's" over "Tuesday’s"
    drop = {
        i
        for i, line in enumerate(top)
        for below in top[i + 1 : i + 4]
        if len(below) >= _BREADCRUMB_TAIL_MIN
        and len(line) > len(below)
        and (
            line.endswith(below)
            or (  # the page's title "The headline | Site" over the headline
                line.startswith(below)
                and line[len(below) :].lstrip()[:1] in _SITE_SEPARATORS
                and len(line) - len(below) <= _SITE_NAME_MAX
            )
        )
    }
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


_BREADCRUMB_TAIL_MIN = 12


def _straight(text: str) -> str:
    """The text with its curly apostrophes straight (looked for first: most lines have none,
    and ``str.translate`` took a tenth of reading)."""
    return text.replace("’", "'").replace("‘", "'") if "’" in text or "‘" in text else text


def without_categories(lines: list[Line]) -> list[Line]:
    """A bare label at the top of the page (``Catégories``, ``Categories``, ``Tags``) and
    the short line of values under it (``Culture et loisirs Vie de la cité``)."""
    drop: set[int] = set()
    for i, line in enumerate(lines[:_TOP_LINES]):
        label = len(line.text) <= _CATEGORY_LABEL_MAX
        if label and line.text.lower().rstrip(" :") in _CATEGORY_LABELS:
            drop.add(i)
            below = lines[i + 1].text if i + 1 < len(lines) else ""
            if below and len(below.split()) <= _CATEGORY_WORDS and below[-1:] not in ".!?":
                drop.add(i + 1)
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


_CATEGORY_LABELS = frozenset(
    "catégories catégorie categories category rubriques rubrique tags étiquettes "
    "thèmes topics".split()
)
_CATEGORY_WORDS = 8
_CATEGORY_LABEL_MAX = max(map(len, _CATEGORY_LABELS)) + 3  # and " :" or ": " after it

_SITE_SEPARATORS = frozenset("-|–—·•")

_SITE_NAME_MAX = 50


def is_chrome(text: str) -> bool:
    if _FURNITURE.match(text):
        return True
    if len(text) > _MORE_MAX or (text[-1] in _SENTENCE_END and text[-2:] != " ."):
        return False  # a sentence: only "Written by Ann Lee on 3 May 2024 ." ends so
    space = text.find(" ")
    first = (text if space < 0 else text[:space]).lower().rstrip(":")
    if (
        first in _MORE_FIRST or first[:1].isdigit() or "RSS" in text or "rss" in text
    ) and _MORE_FURNITURE.match(text):
        return True
    return _doubled(text)


def without_link_tail(text: str) -> str:
    """A paragraph without the link a listing glued to its end: ``… need.” Read more``,
    ``… les habitants. Lire la suite``."""
    if not text[-_LINK_TAIL_CHARS:].lower().rstrip(" .…»>›").endswith(_LINK_ENDINGS):
        return text  # speed: most lines end otherwise
    found = _LINK_TAIL.search(text)
    return text[: found.start() + 1] if found else text


_LINK_TAIL_CHARS = 32
_LINKS = (
    "read more",
    "continue reading",
    "read the full story",
    "read the full article",
    "lire la suite",
    "en savoir plus",
    "lire plus",
)
_LINK_ENDINGS = tuple(dict.fromkeys(link.rsplit(" ", 1)[-1] for link in _LINKS))
_LINK_TAIL = lazy(
    r"[.!?»”\"…][ \u00a0]+(?:" + "|".join(_LINKS) + r")[ \u00a0.…»>›]*$",
    regex.I,
)


def _doubled(text: str) -> bool:
    """A widget's label written twice, glued or spaced: "Envoyer un mailEnvoyer un mail"."""
    half = len(text) // 2
    if not _DOUBLED_MIN <= half <= _DOUBLED_MAX:
        return False
    if len(text) % 2:
        return text[half] == " " and text[:half] == text[half + 1 :]
    return text[:half] == text[half:]
