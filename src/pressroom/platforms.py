"""The social platforms pressroom drafts posts for, and their fixed rules.

This table is the one place a platform's limit, counting rule and hook length are
written; the counters themselves live in ``pressroom.text.counting``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Counting = Literal["twitter", "graphemes", "mastodon", "characters"]
"""How a platform counts a post's length:

- ``twitter``: twitter-text v3 weighted length (NFC, URL = 23, emoji = 2, U+202F = 2);
- ``graphemes``: extended grapheme clusters of the text as posted, link text included;
- ``mastodon``: grapheme clusters, every URL counted as 23;
- ``characters``: code points.
"""


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    label: str
    limit: int
    counting: Counting
    fold: int | None = None
    """The hook (the post's first line) must end within this many characters."""
    clickable_links: bool = True
    max_hashtags: int | None = None
    needs_image: bool = False
    """A post cannot go out without an image (its draft is flagged when the release has none)."""
    short_links: bool = False
    """The app shows a link shortened (``compose.editorial.shown_link``) and counts it so;
    the full address goes in a link facet."""


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform("x", "X", 280, "twitter"),
        Platform("bluesky", "Bluesky", 300, "graphemes", short_links=True),
        Platform("mastodon", "Mastodon", 500, "mastodon"),
        Platform("threads", "Threads", 500, "characters"),
        Platform("linkedin", "LinkedIn", 3000, "characters", fold=210),
        Platform("facebook", "Facebook", 63206, "characters", fold=477),
        Platform(
            "instagram",
            "Instagram",
            2200,
            "characters",
            clickable_links=False,
            max_hashtags=30,
            needs_image=True,
        ),
    )
}
"""Every platform, in the order drafts are listed."""
