"""Breaking and no-break spaces: text is tidied and cut only at the spaces where a line may break.

Python's ``str.split()`` also splits at U+00A0 and U+202F, which French typography puts
inside « guillemets », before : ; ! ? and in numbers (14 000): those must stay.
"""

from __future__ import annotations

import re

_BREAKING = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def collapse(text: str) -> str:
    """Runs of breaking whitespace (newlines included) become one space; no-break ones stay."""
    if _has_no_break_space(text):
        return _BREAKING.sub(" ", text).strip(" ")
    return " ".join(text.split())  # the same, several times faster


def words(text: str) -> list[str]:
    """The words between breaking spaces (a no-break space joins, it does not separate)."""
    if _has_no_break_space(text):
        return [word for word in _BREAKING.split(text) if word]
    return text.split()


def _has_no_break_space(text: str) -> bool:
    """Whether ``str.split()`` would wrongly break the text (it splits at these too)."""
    return "\u00a0" in text or "\u202f" in text or "\u2007" in text
