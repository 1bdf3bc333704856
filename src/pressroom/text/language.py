"""Is a release in French or English? Counted from the commonest function words."""

from __future__ import annotations

import regex

from pressroom.model import Lang

_FRENCH = frozenset(
    "le la les des du de un une et est sont pour dans par sur avec au aux qui que ce "
    "cette ces son sa ses leur nous vous ont été être plus ne pas".split()
)
_ENGLISH = frozenset(
    "the and of to in is are for on with by from that this these its their we you has "
    "have been be will more not an at as".split()
)
_WORDS = regex.compile(r"\p{L}+")
SAMPLE = 1200
"""Characters looked at: the title, the standfirst and the start of the body are enough."""


def detect_lang(text: str) -> Lang:
    """``fr`` unless English function words clearly outnumber French ones."""
    found = _WORDS.findall(text[:SAMPLE].lower())
    french = sum(map(_FRENCH.__contains__, found))
    english = sum(map(_ENGLISH.__contains__, found))
    return "en" if english > french else "fr"
