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
from pressroom.readers.chrome import (
    LEFTOVERS,
    STAMP_LEFTOVER_MAX,
    STAMP_LEFTOVERS,
    is_chrome,
    without_breadcrumbs,
    without_categories,
    without_link_tail,
)
from pressroom.readers.fields import check_known
from pressroom.readers.kickers import without_breadcrumb, without_kicker
from pressroom.readers.markdown import FRONT_MATTER_FIELDS, split_front_matter
from pressroom.readers.record import Found, assemble
from pressroom.readers.relevance import related_title
from pressroom.readers.titlechoice import choose
from pressroom.readers.titles import (
    BYLINE,
    LABEL,
    PARAGRAPH_MIN,
    UPDATE_LINE,
    Line,
    holds_event_date,
    is_candidate,
)
from pressroom.text.dates import (
    day_month_swapped,
    find_date_in_line,
    find_yearless_dateline,
    page_year,
    parse_date_line,
    yearless_dateline,
)
from pressroom.text.language import american
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

# Page chrome a scraper leaves behind: whole lines, compared in lower case.
# What a publication stamp leaves when its date is lost ("Publié", ",", "le"): kept to
# find the title by (the headline stands above it), then left out of the body.
# Page chrome recognised by its shape: bylines, banners, labels, captions.
# More chrome, tried only on a short line whose first word is one of _MORE_FIRST (speed):
# reading times, bylines, menus, RSS and newsletter lines, release labels, contacts,
# sections, sources, relative times, links back.
_CREDIT = lazy(r"^(?:©|\(c\)\s|crédits?\s*(?:photo)?\s*:|photo\s*:|credit\s*:)", regex.I)
_CREDIT_INSIDE = lazy(  # "… - Crédit : Name", "… © Agence - Name", "Picture: … Credit: …"
    r"(?:\s[-–—|]\s*|\s)(?:crédits?(?:\s*photo)?\s*:|credits?\s*:|©)\s*\S.{0,80}$", regex.I
)
_CREDIT_LABEL = lazy(r"^(?:crédits?\s*(?:photo)?|photo|credit)\s*:", regex.I)
_QUOTED = lazy(r"[«“]|\"\s*\p{Lu}")  # a quotation opens in the line
_CREDIT_WORD = lazy(r"©|cr[eé]dit", regex.I)  # what _CREDIT_INSIDE needs, found fast
# A bullet; a dash glued to a capital ("—Ann Roe, professor, told …") signs a quotation.
_BULLET = lazy(r"^(?:[•·▪◦‣*]\s*|[\-–—](?:\s+|(?!\p{Lu})))")
_TERMINAL = ".!?:;…»”\"')"
_TRIM = " \t\u00a0\u202f\u200b\ufeff"
HEADING_MAX = 100
HEADING_WORDS = 14


def read_text(
    text: str,
    path: str,
    tz: ZoneInfo,
    lexicons: Lexicons = PACKAGED,
    title_lines: tuple[int, ...] = (),
) -> tuple[Release, list[Problem]]:
    """``title_lines``: lines a document's layout shows as title-like, most likely first
    (``document.Document``); the first that can be a title, above the body's first
    paragraph, is the title."""
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
        at = lines.index(credit_line)
        lines.remove(credit_line)
        captioned = at >= 2 and _CREDIT_LABEL.match(credit_line.text)
        if captioned and is_candidate(lines[at - 2].text) and is_candidate(lines[at - 1].text):
            del lines[at - 1]  # "Caserne Perpignan Ouest ⏎ Crédit : …": a photo's caption
    else:
        inside = next(
            (ln for ln in lines if _CREDIT_WORD.search(ln.text) and _CREDIT_INSIDE.search(ln.text)),
            None,
        )
        if inside is not None:  # a caption line with its credit: the credit, not a paragraph
            found = _CREDIT_INSIDE.search(inside.text)
            credit = found.group().strip(" -–—|")
            at = lines.index(inside)  # a caption that quotes someone keeps its words
            kept = inside.text[: found.start()] if _QUOTED.search(inside.text) else ""
            lines[at : at + 1] = [Line(inside.number, kept)] if kept.strip() else []
    lines = without_categories(without_breadcrumbs(lines))
    date_at, date, kind = _find_date(lines, tz)
    other = day_month_swapped(date, lines[date_at].text) if date and date_at is not None else None
    if other is not None and american(body):  # "09/10/2015" in American English: Sept 10
        date = other
    if date is None:
        date_at, date, kind = _find_yearless(lines, body, tz)
    if kind == "end" and lines[date_at or 0].text.endswith("."):
        kind = "sentence"  # "The release issued by the Office on 2 May 2024.": not a title
    if kind == "end":
        line = lines[date_at or 0]
        lines[date_at or 0] = Line(line.number, _strip_end_date(line.text))
    dated = _at(lines, date_at)
    if dated is not None and kind == "end" and is_chrome(dated.text):
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
    lines = [
        ln
        if ln is dated or (kept := without_link_tail(ln.text)) is ln.text
        else Line(ln.number, kept)
        for ln in lines
        if ln is dated or not is_chrome(ln.text)
    ]
    date_at = None if dated is None else lines.index(dated)
    title: Line | None = None
    hinted = None if "title" in fields.values else _hinted_title(lines, title_lines)
    if hinted is not None:  # lines above a document's title are its letterhead
        below = lines[lines.index(hinted) + 1 :]
        title, body_lines = hinted, [ln for ln in below if ln is not dated or kind != "line"]
    else:
        title, body_lines = choose(lines, date_at, "title" in fields.values, kind, bylines, labels)
        related = related_title(lines, title, body_lines) if title is not None else None
        if related is not None and related is not title:  # page chrome was taken for it
            at = body_lines.index(related) if related in body_lines else -1
            title, body_lines = related, body_lines[at + 1 :] if at >= 0 else body_lines
    body_lines = [
        ln
        for ln in body_lines
        if len(ln.text) > STAMP_LEFTOVER_MAX or ln.text.lower() not in STAMP_LEFTOVERS
    ]
    if title is not None:
        under = next((ln.text for ln in lines if ln.number > title.number), None)
        title = Line(title.number, without_breadcrumb(without_kicker(title.text), under))
        follows = next((ln for ln in lines if ln.number == title.number + 1), None)
        if follows is not None and _runs_on(title, follows):  # "… CGT au ⏎ Centre …"
            title = Line(title.number, f"{title.text} {follows.text}")
            body_lines = [ln for ln in body_lines if ln is not follows]
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


def _runs_on(title: Line, follows: Line) -> bool:
    """Whether a headline broken after a preposition or an article goes on on the next
    line (``Création d'un syndicat CGT au`` ⏎ ``Centre Hospitalier de Fourmies.``)."""
    return (
        _OPEN_END.search(title.text) is not None
        and len(follows.text) <= _RUN_ON_MAX
        and follows.text[:1].isupper()
    )


_OPEN_END = lazy(r"\s(?:au|aux|de|du|des|la|le|les|à|pour|par|sur|the|of|for|and|et|with)$")
_RUN_ON_MAX = 80
_BYLINE_FIRST = frozenset("-–—pPbB")  # speed: the regexes only for lines that may match
_LABEL_FIRST = frozenset("cCpPnNaAhHmMfFjJ")
_DATE_SEARCH_LINES = 40
# A sentence that stamps the text: "The press release issued by the Office on 2 May 2024."
_ISSUED = lazy(
    r"\b(?:issued|published|released|posted|updated|publiée?|diffusée?|mise? (?:à jour|en "
    r"ligne)|communiqué|press release|news release|media release)\b",
    regex.I,
)


def _find_date(lines: list[Line], tz: ZoneInfo) -> tuple[int | None, datetime | None, str]:
    """The publication date: a date line, else a date inside a line (a label, a wire
    dateline, the end of the title line); an update date only when there is no other. A
    date on the page's first line gives way to an earlier one stated lower down with a
    label or a dateline (the header's date is the day the page was read)."""
    found = _first_date(lines, tz)
    if found[0] == 0 and found[1] is not None:  # on the page's first line
        for index in range(found[0] + 1, min(len(lines), _DATE_SEARCH_LINES)):
            inline = find_date_in_line(lines[index].text, tz, lines[index].number)
            if inline is not None and inline[1] in ("label", "dateline"):
                if inline[0] < found[1]:  # the header line stays where the page is read from
                    return found[0], inline[0], found[2]
                break
    return found


def _first_date(lines: list[Line], tz: ZoneInfo) -> tuple[int | None, datetime | None, str]:
    update: tuple[int | None, datetime | None, str] = (None, None, "")
    for index, line in enumerate(lines):
        found = parse_date_line(line.text, tz, line.number)
        if found is not None:
            if not UPDATE_LINE.match(line.text):
                return _labelled_above(lines, index, found, tz) or (index, found, "line")
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


def _labelled_above(
    lines: list[Line], at: int, found: datetime, tz: ZoneInfo
) -> tuple[int, datetime, str] | None:
    """Another date in a byline or after a label above the first date line (``Melanie May |
    23 October 2024 | News`` over a related article's ``4 January 2016`` further down): the
    page's. The same date above (``Daily News 30 / 04 / 2019``) leaves the date line."""
    for index, line in enumerate(lines[: min(at, _DATE_SEARCH_LINES)]):
        inline = find_date_in_line(line.text, tz, line.number)
        if inline is None or inline[1] != "label" or UPDATE_LINE.match(line.text):
            continue
        return (index, inline[0], inline[1]) if inline[0].date() != found.date() else None
    return None


def _hinted_title(lines: list[Line], title_lines: tuple[int, ...]) -> Line | None:
    if not title_lines or not lines:
        return None
    by_number = {ln.number: ln for ln in lines}
    first_paragraph = next(
        (ln.number for ln in lines if len(ln.text) >= PARAGRAPH_MIN), lines[-1].number + 1
    )
    for number in title_lines:
        line = by_number.get(number)
        if (
            line is not None
            and number < first_paragraph
            and is_candidate(line.text)
            and not LABEL.match(line.text)
        ):
            return line
    return None


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
_DIGIT = lazy(r"\d")


def _at(lines: list[Line], index: int | None) -> Line | None:
    return lines[index] if index is not None and index < len(lines) else None


def _strip_end_date(text: str) -> str:
    """A title without the date glued to its end (``… Mardi 12 mars 2024``); an ISO date
    (``… provincial election 2024-09-10``) takes no word before it."""
    iso = _ISO_END.search(text)
    if iso is not None:
        return text[: iso.start()].strip() or text
    return regex.sub(r"[\s,|–—-]*(?:le\s+)?[\w.]*\s*\d[\w .,/-]*$", "", text).strip() or text


_ISO_END = lazy(r"[\s,|–—-]*\d{4}-\d{2}-\d{2}$")


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
