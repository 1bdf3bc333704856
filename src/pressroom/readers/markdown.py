"""Markdown records: YAML front matter, then a body of paragraphs, headings, bullets, quotes."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import regex

from pressroom.errors import Problem, RecordError
from pressroom.model import Block, Release
from pressroom.readers.fields import RECORD_FIELDS, Fields, check_known, load_mapping
from pressroom.readers.record import Found, assemble
from pressroom.text.spaces import collapse

FRONT_MATTER_FIELDS = tuple(k for k in RECORD_FIELDS if k not in ("body", "quotes"))
_BULLET = regex.compile(r"^\s*(?:[-*+•–]|\d+[.)])\s+")
_LINK = regex.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = regex.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def split_front_matter(text: str) -> tuple[Fields, str, int]:
    """(fields, body, line where the body starts) for text that may open with ``---``."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Fields({}, {}, 1), text, 1
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            fields = load_mapping("\n".join(lines[1:end]), first_line=2)
            return fields, "\n".join(lines[end + 1 :]), end + 2
    raise RecordError(
        1,
        "front matter opened with --- is never closed",
        "end the field block with a line holding only ---",
    )


def markdown_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """Paragraphs split on blank lines; inline markup reduced to its text."""
    blocks: list[Block] = []
    chunk: list[tuple[int, str]] = []

    def flush() -> None:
        if chunk:
            blocks.append(_chunk_block(chunk))
            chunk.clear()

    for offset, raw in enumerate(body.split("\n")):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if line.lstrip().startswith("#"):
            flush()
            blocks.append(
                Block("heading", inline_text(line.lstrip("# ")), line=first_line + offset)
            )
            continue
        if chunk and (_BULLET.match(line) is not None) != (_BULLET.match(chunk[0][1]) is not None):
            flush()
        chunk.append((first_line + offset, line))
    flush()
    return tuple(blocks)


def _chunk_block(chunk: list[tuple[int, str]]) -> Block:
    line = chunk[0][0]
    if _BULLET.match(chunk[0][1]):
        items = tuple(inline_text(_BULLET.sub("", text)) for _, text in chunk)
        return Block("bullets", items=items, line=line)
    text = inline_text(" ".join(text.strip() for _, text in chunk))
    if chunk[0][1].lstrip().startswith(">"):
        return Block("quote", text=inline_text(_QUOTE_MARKER.sub(" ", text)), line=line)
    return Block("paragraph", text=text, line=line)


def inline_text(text: str) -> str:
    text = _LINK.sub(lambda m: m[1], text)
    text = _EMPHASIS.sub(lambda m: m[2], text)
    return collapse(text)


def read_markdown(text: str, path: str, tz: ZoneInfo) -> tuple[Release, list[Problem]]:
    fields, body, body_line = split_front_matter(text)
    check_known(fields, FRONT_MATTER_FIELDS)
    blocks = list(markdown_blocks(body, body_line))
    title, title_line = None, body_line
    if blocks and blocks[0].kind == "heading":
        title, title_line = blocks[0].text, blocks[0].line
        blocks.pop(0)
    standfirst, rest = take_standfirst(fields, tuple(blocks))
    found = Found(title=title, title_line=title_line, standfirst=standfirst, blocks=rest)
    return assemble(path, found, fields, tz)


def take_standfirst(fields: Fields, blocks: tuple[Block, ...]) -> tuple[str, tuple[Block, ...]]:
    """The first paragraph stands first, unless the record states its own standfirst."""
    if "standfirst" not in fields.values and blocks and blocks[0].kind == "paragraph":
        return blocks[0].text, blocks[1:]
    return "", blocks


_QUOTE_MARKER = regex.compile(r"(^|\s)>\s?")
