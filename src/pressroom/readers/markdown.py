"""Markdown records: YAML front matter, then a CommonMark body read by markdown-it-py.

The body's block tokens become the model's blocks: paragraphs, headings, bullets (one
item a list item, nested lists flattened after their parent item) and quotes (one block
a paragraph of a block quote, nested quotes included). Inline markup is reduced to the
text a reader sees: emphasis and code lose their markers, a link keeps its text and
drops its address (the model's blocks are plain text: the digest and the posts link to
the release's own ``url``, and an address in the middle of a standfirst or a quote would
be read, counted and shortened as words), an image drops out (its alternative text is not
prose of the release; a record states its picture in ``image:``), raw HTML drops out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from pressroom.errors import Problem, RecordError
from pressroom.lexicon import PACKAGED, Lexicons
from pressroom.model import Block, Release
from pressroom.readers.fields import RECORD_FIELDS, Fields, check_known, load_mapping
from pressroom.readers.record import Found, assemble
from pressroom.text.spaces import collapse

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FRONT_MATTER_FIELDS = tuple(k for k in RECORD_FIELDS if k not in ("body", "quotes"))


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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark as specified; no typographer (quotation marks stay as written). Imported
    on first use: most workspaces hold .txt releases only."""
    from markdown_it import MarkdownIt

    class Reader(MarkdownIt):
        def validateLink(self, url: str) -> bool:
            """Every link is one: markdown-it would leave a javascript: or data: link as
            raw text, brackets and address included; the blocks keep a link's text only."""
            return True

    return Reader("commonmark")


def markdown_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """The body's blocks in reading order; ``first_line`` is the body's first file line."""
    plain = plain_blocks(body, first_line) if not has_markup(body) else None
    return parsed_blocks(body, first_line) if plain is None else plain


def parsed_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """The body's blocks as markdown-it's token stream gives them."""
    tokens = _parser().parse(body)
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        index = _block(tokens, index, first_line, blocks, in_quote=False)
    return tuple(blocks)


_MARKUP_CHARACTER = re.compile(r"[\\`*_\[\]<>&~\t\r\x00]")
_MARKUP_LINE = re.compile(r"^(?: {4}| {0,3}(?:[-+=#>]|\d{1,9}[.)]))", re.M)


def has_markup(body: str) -> bool:
    """Whether something in the body may start Markdown markup: escapes, code, emphasis,
    links, HTML, entities, fences, tabs and carriage returns anywhere; an indent of four
    spaces, a heading, a list, a quote, a rule or a setext underline at a line's start.
    A body without any is prose. (Two searches: one pattern for both took 60 % longer.)"""
    return bool(_MARKUP_CHARACTER.search(body) or _MARKUP_LINE.search(body))


def plain_blocks(body: str, first_line: int) -> tuple[Block, ...] | None:
    """The paragraphs of a body without markup (``has_markup``), as markdown-it reads them
    (lines apart from blank ones, their breaks spaces), without running the parser: it was
    most of a Markdown or YAML record's reading time (docs/performance.md). None when a
    paragraph starts or ends with a space other than U+0020 (markdown-it's versions trim
    those differently): the parser decides. Invariant, checked by a property test: the
    same blocks as markdown-it for every body it answers."""
    blocks: list[Block] = []
    lines = body.split("\n")
    start: int | None = None
    for number, line in enumerate([*lines, ""]):
        if line.strip(" "):
            if start is None:
                start = number
        elif start is not None:
            raw = "\n".join(lines[start:number]).strip(" ")
            if raw[0].isspace() or raw[-1].isspace():
                return None
            text = collapse(raw)
            if text:
                blocks.append(Block("paragraph", text, line=first_line + start))
            start = None
    return tuple(blocks)


def _block(
    tokens: Sequence[Token], index: int, first_line: int, blocks: list[Block], in_quote: bool
) -> int:
    """Append the block opening at ``index``; return the index after it."""
    token = tokens[index]
    line = first_line + (token.map[0] if token.map else 0)
    if token.type == "heading_open":
        text = inline_text(tokens[index + 1])
        if text:
            blocks.append(Block("quote" if in_quote else "heading", text, line=line))
        return index + 3
    if token.type == "paragraph_open":
        text = inline_text(tokens[index + 1])
        if text:
            blocks.append(Block("quote" if in_quote else "paragraph", text, line=line))
        return index + 3
    if token.type in ("bullet_list_open", "ordered_list_open"):
        end = _closing(tokens, index)
        items = _list_items(tokens[index + 1 : end])
        if items:
            blocks.append(Block("bullets", items=items, line=line))
        return end + 1
    if token.type == "blockquote_open":
        end = _closing(tokens, index)
        inner = index + 1
        while inner < end:
            inner = _block(tokens, inner, first_line, blocks, in_quote=True)
        return end + 1
    if token.type in ("fence", "code_block"):
        text = collapse(token.content)
        if text:
            blocks.append(Block("quote" if in_quote else "paragraph", text, line=line))
    return index + 1  # hr, html_block: no prose


def _closing(tokens: Sequence[Token], index: int) -> int:
    """The index of the token closing the one opened at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _list_items(tokens: Sequence[Token]) -> tuple[str, ...]:
    """One item a list item: its own paragraphs joined; a nested list's items follow it."""
    items: list[str] = []
    parts: list[str] = []
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            if parts:
                items.append(" ".join(parts))
                parts = []
            depth += 1
        elif token.type == "list_item_close":
            if parts:
                items.append(" ".join(parts))
                parts = []
            depth -= 1
        elif token.type == "inline":
            text = inline_text(token)
            if text:
                parts.append(text)
        elif token.type in ("fence", "code_block") and collapse(token.content):
            parts.append(collapse(token.content))
    return tuple(items)


def inline_text(token: Token) -> str:
    """An inline token's text: markers gone, links their text, line breaks spaces."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return collapse("".join(parts))


def read_markdown(
    text: str, path: str, tz: ZoneInfo, lexicons: Lexicons = PACKAGED
) -> tuple[Release, list[Problem]]:
    fields, body, body_line = split_front_matter(text)
    check_known(fields, FRONT_MATTER_FIELDS)
    blocks = list(markdown_blocks(body, body_line))
    title, title_line = None, body_line
    if blocks and blocks[0].kind == "heading":
        title, title_line = blocks[0].text, blocks[0].line
        blocks.pop(0)
    standfirst, rest = take_standfirst(fields, tuple(blocks))
    found = Found(title=title, title_line=title_line, standfirst=standfirst, blocks=rest)
    return assemble(path, found, fields, tz, lexicons)


def take_standfirst(fields: Fields, blocks: tuple[Block, ...]) -> tuple[str, tuple[Block, ...]]:
    """The first paragraph stands first, unless the record states its own standfirst."""
    if "standfirst" not in fields.values and blocks and blocks[0].kind == "paragraph":
        return blocks[0].text, blocks[1:]
    return "", blocks
