"""Text to bytes and back: mojibake (UTF-8 decoded as Windows-1252 somewhere, ``RÃ©gion``)
and ASCII slugs."""

from __future__ import annotations

import re
import unicodedata

# Characters every common mojibake contains (Ã©, â€™, Â , Å“…): the full check runs only
# on text that has one.
_SUSPECT = re.compile("[ÃÂÅÐÑÎÏâ\u0080-\u009f]")


def has_mojibake(text: str) -> bool:
    """Whether the text shows the marks of a wrong decoding (``Ã©``, ``â€™``…)."""
    if text.isascii() or _SUSPECT.search(text) is None:
        return False
    from ftfy.badness import is_bad  # imported only for suspect text: ftfy's import is slow

    return bool(is_bad(text))


def repair_mojibake(text: str) -> str:
    """The text with its mojibake undone (ftfy); text without any comes back unchanged."""
    if not has_mojibake(text):
        return text
    import ftfy

    return str(ftfy.fix_encoding(text))


def ascii_slug(text: str) -> str:
    """Lower-case ASCII words joined by dashes (``Région Sud`` -> ``region-sud``); empty
    when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


_NON_SLUG = re.compile(r"[^a-z0-9]+")
