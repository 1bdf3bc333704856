"""Breaking and no-break spaces: text is tidied and cut only at the spaces where a line may break.

Python's ``str.split()`` also splits at U+00A0 and U+202F, which French typography puts
inside « guillemets », before : ; ! ? and in numbers (14 000): those must stay.
"""

from __future__ import annotations

import re

_BREAKING = re.compile(r"[^\S\u00a0\u202f\u2007\u2060]+")


def collapse(text: str) -> str:
    """Runs of breaking whitespace (newlines included) become one space; no-break ones stay."""
    return _BREAKING.sub(" ", text).strip(" ")


def words(text: str) -> list[str]:
    """The words between breaking spaces (a no-break space joins, it does not separate)."""
    return [word for word in _BREAKING.split(text) if word]
