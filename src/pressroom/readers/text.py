"""Raw scraped release text (the seeds' format): title and date lines, credit, leftovers, body."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

import regex

from pressroom.attribution.quotemarks import opens_quote
from pressroom.errors import Problem, RecordError
from pressroom.lexicon import PACKAGED, Lexicons
from pressroom.model import Block, Release
from pressroom.readers.fields import check_known
from pressroom.readers.markdown import FRONT_MATTER_FIELDS, split_front_matter
from pressroom.readers.record import Found, assemble
from pressroom.readers.titles import (
    BYLINE,
    LABEL,
    Line,
    choose,
    holds_event_date,
    without_kicker,
)
from pressroom.text.dates import (
    find_date_in_line,
    find_yearless_dateline,
    page_year,
    parse_date_line,
    yearless_dateline,
)
from pressroom.text.spaces import collapse

# Page chrome a scraper leaves behind: whole lines, compared in lower case.
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
    }
)
# What a publication stamp leaves when its date is lost ("Publié", ",", "le"): kept to
# find the title by (the headline stands above it), then left out of the body.
_STAMP_LEFTOVERS = frozenset({"publié", "publiée", "published", "posted", "le", "on"})
_STAMP_LEFTOVER_MAX = 9
# Page chrome recognised by its shape: bylines, banners, labels, captions.
_FURNITURE = regex.compile(
    r"^(?:publicité|advertisement|par|avec|by|publié le|published|posted|mis à jour le|"
    r"passer au contenu|aller au contenu|skip to (?:main )?content|login|log in|sign in|"
    r"se connecter|ok|beta|menu|archives?|feature story|sector news|niveau du haut|"
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
# More chrome, tried only on a short line whose first word is one of _MORE_FIRST (speed):
# reading times, bylines, menus, RSS and newsletter lines, release labels, contacts,
# sections, sources, relative times, links back.
_MORE_FURNITURE = regex.compile(
    r"^(?:reading time\b.*|(?:est(?:imated)?\.? )?read(?:ing)? time\b.*|"
    r"\d+\s*min(?:ute)?s?\.? read|\d+ (?:min(?:ute)?s?|hours?|h|days?) ago|"
    r"il y a \d+ (?:min(?:ute)?s?|heures?|h|jours?)|"
    r"(?:written|posted|published|submitted) by\s*:?\s*[^.,;:!?]{1,60}"
    r"(?:\s+on\s+[\w ,]{4,30})?\s*\.?|"
    r"(?:écrit|rédigé|posté|publié|signé)e? par .{1,60}|(?:par )?la rédaction(?: d.{1,40})?|"
    r"(?:(?:main|site|search|tools?|menu|navigation|toggle|quick links)\s*){2,}|"
    r".{0,40}\brss\b.{0,40}|"
    r"(?:subscribe|sign up|signup|join|get|s['’]abonner|abonnez-vous|inscrivez-vous|recevez)\b"
    r".{0,40}\b(?:newsletters?|infolettre|lettre d['’]information|e-?mail updates|alerts)\b"
    r".{0,20}|"
    r"(?:joint )?(?:press|news|media) (?:release|statement|advisory)(?:\s*\|\s*[^.!?]{0,60})?|"
    r"for immediate release|listen to this (?:article|story|page)|écouter (?:cet|l['’])article|"
    r"add to (?:my )?calendar|ajouter (?:à|au) (?:mon )?(?:agenda|calendrier)|"
    r"(?:media |press |news )?contacts?\s*:.{0,60}|contacts? presse.{0,60}|"
    r"for (?:more|further) information.{0,60}|pour (?:plus d['’]|tout(?:e)? )"
    r"(?:informations?|renseignements?).{0,60}|"
    r"(?:rubriques?|sections?|thèmes?|topics?|sources?)\s*:.{1,60}|"
    r"(?:tou(?:te)?s les|all) (?:communiqués|actualités|articles|news|(?:press |news )?releases)|"
    r"(?:retour|back)\s+(?:to\s+|à\s+|aux?\s+)?(?:la\s+|l['’]|les\s+|the\s+|all\s+)?"
    r"(?:liste|actualités|accueil|communiqués|news|top|list|home|search results|"
    r"previous page|page précédente|articles|releases))$",
    regex.I,
)
_MORE_FIRST = frozenset(
    "reading read est est. estimated il written posted published submitted écrit écrite "
    "rédigé rédigée posté postée publié publiée signé signée par la main site search tools "
    "tool menu navigation toggle quick subscribe sign signup join get s'abonner s’abonner "
    "abonnez-vous inscrivez-vous recevez joint press news media for listen écouter add "
    "ajouter contact contacts pour rubrique rubriques section sections thème thèmes topic "
    "topics source sources tous toutes all retour back".split()
)
_MORE_MAX = 100
_SENTENCE_END = frozenset('.!?»”"')
_CREDIT = regex.compile(r"^(?:©|\(c\)\s|crédits?\s*(?:photo)?\s*:|photo\s*:|credit\s*:)", regex.I)
_CREDIT_INSIDE = regex.compile(  # "… - Crédit : Name", "… © Agence - Name", "Picture: … Credit: …"
    r"(?:\s[-–—|]\s*|\s)(?:crédits?(?:\s*photo)?\s*:|credits?\s*:|©)\s*\S.{0,80}$", regex.I
)
_BULLET = regex.compile(r"^(?:[•·▪◦‣\-–—*])\s*")
_TERMINAL = ".!?:;…»”\"')"
_TRIM = " \t\u00a0\u202f\u200b\ufeff"
HEADING_MAX = 100
HEADING_WORDS = 14


def read_text(
    text: str, path: str, tz: ZoneInfo, lexicons: Lexicons = PACKAGED
) -> tuple[Release, list[Problem]]:
    fields, body, first = split_front_matter(text)
    check_known(fields, FRONT_MATTER_FIELDS)
    lines = [
        Line(first + i, cleaned)
        for i, raw in enumerate(body.split("\n"))
        if (cleaned := collapse(raw.strip(_TRIM))) and cleaned.lower() not in LEFTOVERS
    ]
    if not lines and "title" not in fields.values:
        raise RecordError(first, "no text after the front matter", "add the release text")
    credit_line = next((ln for ln in lines if _CREDIT.match(ln.text)), None)
    credit = credit_line.text if credit_line else None
    if credit_line:
        lines.remove(credit_line)
    else:
        inside = next((ln for ln in lines if _CREDIT_INSIDE.search(ln.text)), None)
        if inside is not None:  # a caption line with its credit: the credit, not a paragraph
            credit = _CREDIT_INSIDE.search(inside.text).group().strip(" -–—|")  # type: ignore[union-attr]
            lines.remove(inside)
    lines = _without_breadcrumbs(lines)
    date_at, date, kind = _find_date(lines, tz)
    if date is None:
        date_at, date, kind = _find_yearless(lines, body, tz)
    if kind == "end" and lines[date_at or 0].text.endswith("."):
        kind = "sentence"  # "The release issued by the Office on 2 May 2024.": not a title
    if kind == "end":
        line = lines[date_at or 0]
        lines[date_at or 0] = Line(line.number, _strip_end_date(line.text))
    dated = _at(lines, date_at)
    if dated is not None and kind == "end" and _chrome(dated.text):
        dated, kind = None, "chrome"  # "Imprimer - - par CD 99 - 19 sept 2017"
    if kind == "sentence":
        dated = None
    top = lines[:_DATE_SEARCH_LINES]  # a title, its byline and its label are at the top
    bylines = frozenset(
        a.number for a, b in pairwise(top) if b.text[0] in _BYLINE_FIRST and BYLINE.match(b.text)
    )
    labels = frozenset(
        ln.number for ln in top if ln.text[0] in _LABEL_FIRST and LABEL.match(ln.text)
    )
    lines = [ln for ln in lines if ln is dated or not _chrome(ln.text)]
    date_at = None if dated is None else lines.index(dated)
    title, body_lines = choose(lines, date_at, "title" in fields.values, kind, bylines, labels)
    body_lines = [
        ln
        for ln in body_lines
        if len(ln.text) > _STAMP_LEFTOVER_MAX or ln.text.lower() not in _STAMP_LEFTOVERS
    ]
    if title is not None:
        title = Line(title.number, without_kicker(title.text))
    standfirst, standfirst_line, blocks = _standfirst_and_blocks(
        body_lines, "standfirst" in fields.values
    )
    found = Found(
        title=title.text if title else None,
        title_line=title.number if title else first,
        date=date,
        standfirst=standfirst,
        standfirst_line=standfirst_line,
        blocks=blocks,
        credit=credit,
    )
    return assemble(path, found, fields, tz, lexicons)


_BYLINE_FIRST = frozenset("-–—pPbB")  # speed: the regexes only for lines that may match
_LABEL_FIRST = frozenset("cCpPnNaAhHmMfFjJ")
_UPDATE_LINE = regex.compile(r"^(?:mise? à jour|modifié|updated|last updated)", regex.I)
_DATE_SEARCH_LINES = 40
# A sentence that stamps the text: "The press release issued by the Office on 2 May 2024."
_ISSUED = regex.compile(
    r"\b(?:issued|published|released|posted|updated|publiée?|diffusée?|mise? (?:à jour|en "
    r"ligne)|communiqué|press release|news release|media release)\b",
    regex.I,
)


def _find_date(lines: list[Line], tz: ZoneInfo) -> tuple[int | None, datetime | None, str]:
    """The publication date: a date line, else a date inside a line (a label, a wire
    dateline, the end of the title line); an update date only when there is no other."""
    update: tuple[int | None, datetime | None, str] = (None, None, "")
    for index, line in enumerate(lines):
        found = parse_date_line(line.text, tz, line.number)
        if found is not None:
            if not _UPDATE_LINE.match(line.text):
                return index, found, "line"
            update = update if update[1] else (index, found, "line")
    for index, line in enumerate(lines[:_DATE_SEARCH_LINES]):
        inline = find_date_in_line(line.text, tz, line.number)
        if inline is None or (inline[1] == "end" and holds_event_date(line.text)):
            continue
        if inline[1] == "end" and line.text.endswith(".") and not _ISSUED.search(line.text):
            continue  # "… poignardé jeudi 3 mars 2022.": an event's date, not the stamp
        if inline[1] != "update":
            return index, inline[0], inline[1]
        update = update if update[1] else (index, inline[0], "label")
    return update


def _find_yearless(
    lines: list[Line], body: str, tz: ZoneInfo
) -> tuple[int | None, datetime | None, str]:
    """A wire dateline without its year, dated in the year the page states (its copyright
    year, or the one year it mentions)."""
    for index, line in enumerate(lines[:_DATE_SEARCH_LINES]):
        text = line.text
        if (
            text[0].isupper()
            and "," in text[:_YEARLESS_HEAD]
            and _DIGIT.search(text, 0, _YEARLESS_HEAD)
            and yearless_dateline(text)
        ):
            year = page_year(body)
            if year is None:
                break
            found = find_yearless_dateline(text, year, tz, line.number)
            if found is not None:
                return index, found, "dateline"
    return None, None, ""


_YEARLESS_HEAD = 80  # "LINDMOUTH, Feb 3 (Coast Wire) -": the day is near the start
_DIGIT = regex.compile(r"\d")


def _without_breadcrumbs(lines: list[Line]) -> list[Line]:
    """A breadcrumb or a kicker glued before the headline that the page repeats alone on a
    line below ("Home Sport Rugby The headline", then "The headline"), or the page's title
    with the site's name after it ("The headline | Site"), is left out."""
    drop = {
        i
        for i, line in enumerate(lines[:_DATE_SEARCH_LINES])
        for below in lines[i + 1 : i + 4]
        if len(below.text) >= _BREADCRUMB_TAIL_MIN
        and len(line.text) > len(below.text)
        and (
            line.text.endswith(below.text)
            or (  # the page's title "The headline | Site" over the headline
                line.text.startswith(below.text)
                and line.text[len(below.text) :].lstrip()[:1] in _SITE_SEPARATORS
                and len(line.text) - len(below.text) <= _SITE_NAME_MAX
            )
        )
    }
    return [ln for i, ln in enumerate(lines) if i not in drop] if drop else lines


_BREADCRUMB_TAIL_MIN = 12
_SITE_SEPARATORS = frozenset("-|–—·•")
_SITE_NAME_MAX = 50


def _chrome(text: str) -> bool:
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


def _doubled(text: str) -> bool:
    """A widget's label written twice, glued or spaced: "Envoyer un mailEnvoyer un mail"."""
    half = len(text) // 2
    if not _DOUBLED_MIN <= half <= _DOUBLED_MAX:
        return False
    if len(text) % 2:
        return text[half] == " " and text[:half] == text[half + 1 :]
    return text[:half] == text[half:]


_DOUBLED_MIN, _DOUBLED_MAX = 4, 60


def _at(lines: list[Line], index: int | None) -> Line | None:
    return lines[index] if index is not None and index < len(lines) else None


def _strip_end_date(text: str) -> str:
    return regex.sub(r"[\s,|–—-]*(?:le\s+)?[\w.]*\s*\d[\w .,/-]*$", "", text).strip() or text


def _standfirst_and_blocks(lines: list[Line], stated: bool) -> tuple[str, int, tuple[Block, ...]]:
    blocks = _blocks(lines)
    if not stated:
        for index, block in enumerate(blocks):
            if block.kind == "paragraph":
                return block.text, block.line, blocks[:index] + blocks[index + 1 :]
    return "", 0, blocks


def _blocks(lines: list[Line]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    previous: Line | None = None
    for line in lines:
        if _BULLET.match(line.text) and len(line.text) > 2:
            item = _BULLET.sub("", line.text, count=1)
            if blocks and blocks[-1].kind == "bullets":
                last = blocks[-1]
                blocks[-1] = Block("bullets", items=(*last.items, item), line=last.line)
            else:
                blocks.append(Block("bullets", items=(item,), line=line.number))
        elif _continues(previous, line) and blocks and blocks[-1].kind in ("paragraph", "quote"):
            last = blocks[-1]
            blocks[-1] = Block(last.kind, text=f"{last.text} {line.text}", line=last.line)
        elif opens_quote(line.text):
            blocks.append(Block("quote", text=line.text, line=line.number))
        elif _is_heading(line.text):
            blocks.append(Block("heading", text=line.text, line=line.number))
        else:
            blocks.append(Block("paragraph", text=line.text, line=line.number))
        previous = line
    return tuple(blocks)


def _continues(previous: Line | None, line: Line) -> bool:
    """A hard-wrapped line: right after the previous one, which did not end a sentence."""
    return (
        previous is not None
        and line.number == previous.number + 1
        and not previous.text.endswith(tuple(_TERMINAL))
        and line.text[0].islower()
    )


def _is_heading(text: str) -> bool:
    return (
        len(text) <= HEADING_MAX
        and len(text.split()) <= HEADING_WORDS
        and not text.endswith(tuple(_TERMINAL + ","))
        and text[0].isupper()
    )
