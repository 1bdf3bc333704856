"""How each platform counts a post's length, and its fixed limits (DESIGN.md table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex
from twitter_text import parse_tweet

URL_WEIGHT = 23
_URL = regex.compile(r"https?://[^\s<>\"]+")
_GRAPHEME = regex.compile(r"\X")


def x_length(text: str) -> int:
    """twitter-text v3 weighted length (NFC, URL = 23, emoji = 2, most CJK and U+202F = 2)."""
    return int(parse_tweet(text).weightedLength)


def graphemes(text: str) -> int:
    return len(_GRAPHEME.findall(text))


def mastodon_length(text: str) -> int:
    """Characters, with every URL counted as 23 whatever its length."""
    return graphemes(_URL.sub("x" * URL_WEIGHT, text))


def characters(text: str) -> int:
    return len(text)


@dataclass(frozen=True)
class Platform:
    name: str
    label: str
    limit: int
    count: Callable[[str], int]
    fold: int | None = None
    """The hook (first line) must end before this many characters."""
    clickable_links: bool = True
    max_hashtags: int | None = None


PLATFORMS: dict[str, Platform] = {
    "x": Platform("x", "X", 280, x_length),
    "bluesky": Platform("bluesky", "Bluesky", 300, graphemes),
    "mastodon": Platform("mastodon", "Mastodon", 500, mastodon_length),
    "threads": Platform("threads", "Threads", 500, characters),
    "linkedin": Platform("linkedin", "LinkedIn", 3000, characters, fold=210),
    "facebook": Platform("facebook", "Facebook", 63206, characters, fold=477),
    "instagram": Platform(
        "instagram", "Instagram", 2200, characters, clickable_links=False, max_hashtags=30
    ),
}
