"""The editor's note (the week file's ``note``, Markdown): as HTML for the digest and as
text for its plain-text part (never the Markdown source), with French spacing on its
text in a French digest. Its Markdown is ``model.note_markdown``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pressroom.model import note_markdown
from pressroom.render.templates import wrap
from pressroom.text.typography import typeset

if TYPE_CHECKING:  # markdown-it is imported when a note is parsed (model.note_markdown)
    from markdown_it.token import Token


def note_tokens(note: str, lang: str) -> list[Token]:
    """The note parsed, each run of text typeset for ``lang`` (French spacing in French:
    only the words, never a link's address or a code span)."""
    tokens = note_markdown().parse(note)
    for token in tokens:
        for child in token.children or ():
            if child.type == "text":
                child.content = typeset(child.content, lang)
    return tokens


def note_html(note: str, lang: str = "") -> str:
    """The editor's note as HTML: its Markdown without raw HTML (shown as text) or images;
    its text typeset for ``lang`` (as written when none is given)."""
    if not note:
        return ""
    markdown = note_markdown()
    return str(markdown.renderer.render(note_tokens(note, lang), markdown.options, {}))


def note_links(note: str) -> list[str]:
    """The addresses the note links to, in reading order (each once)."""
    if not note:
        return []
    links: list[str] = []
    for token in note_markdown().parse(note):
        for child in token.children or ():
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            if href and href not in links:
                links.append(href)
    return links


def note_text(note: str, lang: str, references: Mapping[str, int], width: int) -> str:
    """The note as plain text for the text part: its words without Markdown's marks, each
    link's text followed by its reference number (``[1]``, from ``references``), paragraphs
    and list items wrapped at ``width``; typeset as ``note_html``."""
    blocks: list[str] = []
    prefix = ""
    ordered: list[int] = []
    item = False  # the last block was a list item: the next item follows on the next line
    for token in note_tokens(note, lang) if note else ():
        if token.type == "bullet_list_open":
            ordered.append(0)
        elif token.type == "ordered_list_open":
            ordered.append(1)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
            item = False
        elif token.type == "list_item_open":
            prefix = f"{ordered[-1]}. " if ordered and ordered[-1] else "- "
            if ordered and ordered[-1]:
                ordered[-1] += 1
        elif token.type == "inline":
            text = _inline_text(token, references)
            if prefix:
                blocks.append(("\n" if item else "\n\n") + _hanging(text, prefix, width))
            else:
                blocks.append("\n\n" + wrap(text, width))
            item, prefix = bool(prefix), ""
        elif token.type in ("fence", "code_block"):
            blocks.append("\n\n" + token.content.rstrip("\n"))
            item = False
    return "".join(blocks).removeprefix("\n\n")


def _inline_text(token: Token, references: Mapping[str, int]) -> str:
    parts: list[str] = []
    href = ""
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close" and href in references:
            parts.append(f"\u00a0[{references[href]}]")  # never alone at a line start
    return "".join(parts)


def _hanging(text: str, prefix: str, width: int) -> str:
    """A list item: its marker, then its lines indented under the first."""
    lines = wrap(text, width - len(prefix)).split("\n")
    return "\n".join([prefix + lines[0], *(" " * len(prefix) + line for line in lines[1:])])
