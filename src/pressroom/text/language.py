"""Is a release in French or English? Counted from the commonest function words."""

from __future__ import annotations

import regex

from pressroom.lexicon import (
    COMMON_WORDS_EN,
    COMMON_WORDS_FR,
    FUNCTION_WORDS_EN,
    FUNCTION_WORDS_FR,
    PACKAGED,
    SPELLINGS_GB,
    SPELLINGS_US,
    words,
)
from pressroom.model import Lang

FRENCH_WORDS = words(PACKAGED, COMMON_WORDS_FR)
ENGLISH_WORDS = words(PACKAGED, COMMON_WORDS_EN)
"""The commonest words of each language (``common-words.fr.txt``, ``common-words.en.txt``)."""
FUNCTION_WORDS = words(PACKAGED, FUNCTION_WORDS_FR, FUNCTION_WORDS_EN)
"""Words no phrase ends on (``function-words.fr.txt``, ``function-words.en.txt``): a quote
cut after one (compose.shortening) or a speaker's descriptor ending with one
(attribution.speakers, with a workspace's additions) is a fragment."""

_WORDS = regex.compile(r"\p{L}+")
SAMPLE = 1200
"""Characters looked at: the title, the standfirst and the start of the body are enough."""


AMERICAN = words(PACKAGED, SPELLINGS_US)
BRITISH = words(PACKAGED, SPELLINGS_GB)
"""Words spelt the American and the British way (``spellings-us.en.txt``,
``spellings-gb.en.txt``)."""
_AROUND_WORDS = ".,;:!?()\"'’”“«»"


def american(text: str) -> bool:
    """Whether a text spells more words the American way (``center``, ``program``) than
    the British way (``centre``, ``programme``), each word counted once: its numeric dates
    read month first. A set of the text's words, not a regex (a fifth of the time)."""
    words = set(text.lower().split())
    words |= {word.strip(_AROUND_WORDS) for word in words}  # "center,", "(program)"
    return len(words & AMERICAN) > len(words & BRITISH)


def detect_lang(text: str) -> Lang:
    """``fr`` unless English function words clearly outnumber French ones."""
    french, english = function_words(text[:SAMPLE].lower())
    return "en" if english > french else "fr"


def function_words(text: str) -> tuple[int, int]:
    r"""How many of the text's words (its runs of letters, ``\p{L}+``) are French function
    words, and how many English ones.

    Counted on bytes, in half the time of finding every run of letters (that was a tenth
    of a release's reading, docs/performance.md): the common punctuation outside ASCII
    becomes a space, the text is encoded, every ASCII byte that is not a letter becomes
    a space, and the words between spaces are looked up whole. The rare word still
    holding a character that is not a letter (a symbol such as ™) is split by
    ``\p{L}+``. Invariant, checked by a property test: the counts ``\p{L}+`` gives."""
    for mark in _PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    words = text.encode().translate(_ASCII_LETTERS_ONLY).split()
    french = sum(map(_FRENCH_BYTES.__contains__, words))
    english = sum(map(_ENGLISH_BYTES.__contains__, words))
    for word in words:
        if not word.isascii() and not (letters := word.decode()).isalpha():
            found = _WORDS.findall(letters)
            french += sum(map(FRENCH_WORDS.__contains__, found))
            english += sum(map(ENGLISH_WORDS.__contains__, found))
    return french, english


_PUNCTUATION = "’«»“”–—…\u00a0\u202f"
_ASCII_LETTERS_ONLY = bytes(
    byte if byte >= 0x80 or chr(byte).isalpha() else 0x20 for byte in range(256)
)
_FRENCH_BYTES = frozenset(word.encode() for word in FRENCH_WORDS)
_ENGLISH_BYTES = frozenset(word.encode() for word in ENGLISH_WORDS)
