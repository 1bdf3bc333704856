"""How a post draft is shortened to fit its platform: the parts a template receives, and
the steps that shorten them, in order. Each step runs only while the draft is still over
its limit; a URL, a word and a grapheme are never cut."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import regex

from pressroom.text.language import FUNCTION_WORDS
from pressroom.text.spaces import words

MIN_QUOTE_WORDS = 4
_CLAUSE_END = regex.compile(r"[,;:]$")


class Parts(NamedTuple):
    """What a post template receives; the fitter shortens these, never the rendered text.

    A named tuple: the fitter makes and compares thousands per week (hashing and
    ``_replace`` in C, several times faster than a dataclass's)."""

    title: str
    standfirst_words: tuple[str, ...]
    standfirst_full: bool
    quote_words: tuple[str, ...]
    quote_full: bool
    speaker: str | None
    role: str | None
    hashtags: tuple[str, ...]
    show_quote: bool
    title_full: bool
    show_title: bool
    show_url: bool


def _fewer_hashtags(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    for keep in range(len(parts.hashtags) - 1, 0, -1):
        candidate = parts._replace(hashtags=parts.hashtags[:keep])
        if fits(candidate):
            return candidate
    return parts._replace(hashtags=parts.hashtags[:1])


def _shorter_standfirst(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    kept = parts.standfirst_words
    if not kept:
        return parts
    best = _longest(
        list(range(len(kept) - 1, 0, -1)),
        lambda n: fits(parts._replace(standfirst_words=kept[:n], standfirst_full=False)),
    )
    return parts._replace(standfirst_words=kept[:best] if best else (), standfirst_full=False)


def _shorter_quote(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    """Longest cut that fits: at the end of a clause if one fits, else at a word."""
    quote = parts.quote_words
    if len(quote) <= MIN_QUOTE_WORDS:
        return parts
    clean = _clean_cuts(quote)
    cuts = [n for n in range(len(quote) - 1, MIN_QUOTE_WORDS - 1, -1) if clean[n]]
    clause_cuts = [n for n in cuts if _CLAUSE_END.search(quote[n - 1])]
    for options in (clause_cuts, cuts):
        best = _longest(options, lambda n: fits(_cut_quote(parts, n)))
        if best is not None:
            return _cut_quote(parts, best)
    return parts


def _clean_cuts(words: tuple[str, ...]) -> list[bool]:
    """For each n, whether keeping the first n words is a clean cut: every quotation mark
    paired, and no function word at the end (« Aucun habitant de notre région ne […] »
    says nothing: such a quote is dropped). One pass, counting marks word by word."""
    clean = [False] * (len(words) + 1)
    french = curly = straight = 0
    for n, word in enumerate(words, 1):
        french += word.count("«") - word.count("»")
        curly += word.count("“") - word.count("”")
        straight += word.count('"')
        last = _NON_LETTER.sub("", word.lower())
        clean[n] = (
            french == 0
            and curly == 0
            and straight % 2 == 0
            and last not in FUNCTION_WORDS
            and not last.endswith(("'", "’"))
        )
    return clean


def _cut_quote(parts: Parts, keep: int) -> Parts:
    kept = list(parts.quote_words[:keep])
    kept[-1] = kept[-1].rstrip(",;:")
    return parts._replace(quote_words=tuple(kept), quote_full=False)


def _no_role(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    if parts.role is None:
        return parts
    without = parts._replace(role=None)
    return without if fits(without) else _shorter_quote(without, fits)


def _no_quote(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    return parts._replace(show_quote=False) if parts.show_quote else parts


def _shorter_title(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    title = words(parts.title)
    best = _longest(
        list(range(len(title) - 1, 0, -1)),
        lambda n: fits(parts._replace(title=" ".join(title[:n]), title_full=False)),
    )
    if best is not None:
        return parts._replace(title=" ".join(title[:best]).rstrip(",;:–-"), title_full=False)
    return parts._replace(title=title[0], title_full=False) if len(title) > 1 else parts


def _no_hashtags(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    return parts._replace(hashtags=()) if parts.hashtags else parts


def _no_title(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    return parts._replace(show_title=False)


def _no_link(parts: Parts, fits: Callable[[Parts], bool]) -> Parts:
    return parts._replace(show_url=False)


# Each step runs only while the post is still over its limit.
STEPS: tuple[tuple[str, Callable[[Parts, Callable[[Parts], bool]], Parts]], ...] = (
    ("hashtags shortened", _fewer_hashtags),
    ("standfirst shortened", _shorter_standfirst),
    ("quote shortened", _shorter_quote),
    ("role dropped", _no_role),
    ("quote dropped", _no_quote),
    ("title shortened", _shorter_title),
    ("hashtags dropped", _no_hashtags),
    ("title dropped", _no_title),
    ("link left out", _no_link),
)


STANDFIRST_AS_QUOTE = {
    "quote shortened": "standfirst shortened",
    "quote dropped": "standfirst dropped",
}
"""What the quote steps did when the standfirst's first sentence stood in for a quote."""


def _longest(options: list[int], ok: Callable[[int], bool]) -> int | None:
    """The largest option that passes, by binary search (options sorted high to low, monotone)."""
    low, high, found = 0, len(options) - 1, None
    while low <= high:
        middle = (low + high) // 2
        if ok(options[middle]):
            found, high = options[middle], middle - 1
        else:
            low = middle + 1
    return found


_NON_LETTER = regex.compile(r"[^\p{L}'’]+")
