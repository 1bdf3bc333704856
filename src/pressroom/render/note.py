"""The editor's note (the week file's ``note``, Markdown): as HTML for the digest, with
French spacing on its text in a French digest. Its Markdown is ``model.note_markdown``."""

from __future__ import annotations

from markdown_it.token import Token

from pressroom.model import note_markdown
from pressroom.text.typography import typeset


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
