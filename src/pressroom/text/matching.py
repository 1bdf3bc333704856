"""Whether an editor's few words name a quotation, case and punctuation aside."""

from __future__ import annotations

import regex

_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def plain(text: str) -> str:
    """The text's words and numbers in lower case, one space between them."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def holds(quotation: str, words: str) -> bool:
    """Whether ``quotation`` holds ``words`` (or ``words`` the whole quotation), compared as
    ``plain`` text; empty words hold nothing."""
    wanted, text = plain(words), plain(quotation)
    return bool(wanted) and bool(text) and (wanted in text or text in wanted)
