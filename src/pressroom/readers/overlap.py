"""The words a line shares with a text: content words of three letters or more, the
function words of both languages left out (a headline shares some with its body, page
chrome none)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pressroom.lexicon import FUNCTION_WORDS_EN, FUNCTION_WORDS_FR, packaged
from pressroom.text.patterns import lazy

_WORD = lazy(r"\p{L}[\p{L}\d]{2,}")
BODY_CHARS = 1500
"""How much of a body is read for the words a title shares with it."""


@cache
def _function_words() -> frozenset[str]:
    return frozenset(packaged(FUNCTION_WORDS_EN) + packaged(FUNCTION_WORDS_FR))


def content_words(text: str) -> set[str]:
    skip = _function_words()
    return {w for w in (m.lower() for m in _WORD.findall(text)) if w not in skip}


def shares_a_word(words: set[str], texts: Iterable[str], size: int = BODY_CHARS) -> bool:
    """Whether the first ``size`` characters of ``texts`` hold one of ``words`` (read only as
    far as the first one found)."""
    read = 0
    for text in texts:
        if any(m.lower() in words for m in _WORD.findall(text)):
            return True
        read += len(text)
        if read >= size:
            return False
    return False


def words_of_start(texts: Iterable[str], size: int = BODY_CHARS) -> set[str]:
    """The content words of the first ``size`` characters of ``texts`` (read no further)."""
    kept: list[str] = []
    read = 0
    for text in texts:
        kept.append(text)
        read += len(text)
        if read >= size:
            break
    return content_words(" ".join(kept)[:size])
