"""Raw scraped release text (the seeds' format): title and date lines, credit, leftovers, body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import regex

from pressroom.errors import Problem, RecordError
from pressroom.model import Block, Release
from pressroom.readers.fields import check_known
from pressroom.readers.markdown import FRONT_MATTER_FIELDS, split_front_matter
from pressroom.readers.record import Found, assemble
from pressroom.text.dates import parse_date_line
from pressroom.text.quotes import opens_quote
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
_CREDIT = regex.compile(r"^(?:©|\(c\)\s|crédits?\s*(?:photo)?\s*:|photo\s*:|credit\s*:)", regex.I)
_BULLET = regex.compile(r"^(?:[•·▪◦‣\-–—*])\s*")
_TERMINAL = ".!?:;…»”\"')"
_TRIM = " \t\u00a0\u202f\u200b\ufeff"
HEADING_MAX = 100
HEADING_WORDS = 14


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def read_text(text: str, path: str, tz: ZoneInfo) -> tuple[Release, list[Problem]]:
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
    if credit_line:
        lines.remove(credit_line)
    date_at, date = _find_date(lines, tz)
    title, body_lines = _title_and_body(lines, date_at, "title" in fields.values)
    standfirst, blocks = _standfirst_and_blocks(body_lines, "standfirst" in fields.values)
    found = Found(
        title=title.text if title else None,
        title_line=title.number if title else first,
        date=date,
        standfirst=standfirst,
        blocks=blocks,
        credit=credit_line.text if credit_line else None,
    )
    return assemble(path, found, fields, tz)


def _find_date(lines: list[Line], tz: ZoneInfo) -> tuple[int | None, datetime | None]:
    for index, line in enumerate(lines):
        found = parse_date_line(line.text, tz, line.number)
        if found is not None:
            return index, found
    return None, None


def _title_and_body(
    lines: list[Line], date_at: int | None, title_stated: bool
) -> tuple[Line | None, list[Line]]:
    """The title is the line just before the date line, else the first line after it."""
    if date_at is None:
        return (None, lines) if title_stated else (lines[0] if lines else None, lines[1:])
    before, after = lines[:date_at], lines[date_at + 1 :]
    if title_stated:
        return None, before + after
    if before:
        return before[-1], after
    return (after[0], after[1:]) if after else (None, [])


def _standfirst_and_blocks(lines: list[Line], stated: bool) -> tuple[str, tuple[Block, ...]]:
    blocks = _blocks(lines)
    if not stated:
        for index, block in enumerate(blocks):
            if block.kind == "paragraph":
                return block.text, blocks[:index] + blocks[index + 1 :]
    return "", blocks


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
