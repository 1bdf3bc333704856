"""How long a post is, as each platform counts it (see ``pressroom.platforms``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

import regex

from pressroom.platforms import Counting, Platform
from pressroom.text.twitter import twitter_text

URL_WEIGHT = 23
EMOJI_WEIGHT = 2
# twitter-text v3: code points 0-4351, 8192-8205, 8208-8223 and 8242-8247 weigh 1.
_HEAVY = re.compile(r"[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
# Every emoji in twitter-text's list starts with one of these (keycaps need U+20E3).
_EMOJI_START = re.compile(r"[©®\u203c\u2049\u20e3\u2100-\U0010ffff]")
# twitter-text's URLs hold a dot and never one of its spaces; its pattern looks one
# character back. So only runs of non-spaces holding a dot need its (slow) extractor.
_TWITTER_SPACES = r"\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_DOTTED_RUN = re.compile(f"[^{_TWITTER_SPACES}]*\\.[^{_TWITTER_SPACES}]*")
_URL = re.compile(r"https?://[^\s<>\"]+")
_GRAPHEME = regex.compile(r"\X")
# No character outside these ranges joins a neighbour in a cluster (checked in the tests).
_MAY_JOIN = re.compile(r"[^\x00-\x0c\x0e-\u02ff\u2000-\u200b\u200e-\u20cf\u2100-\u2bff]")
# Characters that can join a cluster with a neighbour (UAX #29); without them, 1 char = 1 cluster.
_JOINS = regex.compile(
    r"[\r\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\p{GCB=L}\p{GCB=V}"
    r"\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}\p{GCB=Regional_Indicator}]"
)


def x_length(text: str) -> int:
    """twitter-text v3 weighted length (NFC, URL = 23, emoji = 2, most CJK and U+202F = 2).

    The same result as twitter-text's parse_tweet, whose URL extractor and emoji list it
    uses; but its emoji regex (slow) only runs when the text holds a character an emoji
    can start with, and weights are summed by regex rather than character by character.
    """
    twitter_emoji = twitter_text()[1]
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    entities = [(start, end, URL_WEIGHT) for start, end in _url_spans(text)]
    if _EMOJI_START.search(text):
        in_url = [range(start, end) for start, end, _ in entities]
        entities += [
            (*m.span(), EMOJI_WEIGHT)
            for m in twitter_emoji.finditer(text)
            if not any(m.start() in span for span in in_url)
        ]
    weight, position = 0, 0
    for start, end, entity_weight in sorted(entities):
        weight += _plain_weight(text[position:start]) + entity_weight
        position = end
    return weight + _plain_weight(text[position:])


def _url_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where twitter-text finds URLs, asking its extractor only about dotted runs."""
    for run in _DOTTED_RUN.finditer(text):
        offset = max(run.start() - 1, 0)
        for start, end in _urls_in(text[offset : run.end()]):
            yield offset + start, offset + end


def _urls_in(run: str) -> tuple[tuple[int, int], ...]:
    """A run's URLs."""
    return tuple((url["indices"][0], url["indices"][1]) for url in twitter_text()[0](run))


def _plain_weight(text: str) -> int:
    """Characters in twitter-text v3's light ranges weigh 1, every other one 2."""
    return len(text) + len(_HEAVY.findall(text))


def graphemes(text: str) -> int:
    """Extended grapheme clusters; plain text (most posts) is counted without segmenting."""
    if not _MAY_JOIN.search(text) or not _JOINS.search(text):
        return len(text)
    return len(_GRAPHEME.findall(text))


def mastodon_length(text: str) -> int:
    """Characters, with every URL counted as 23 whatever its length."""
    return graphemes(_URL.sub("x" * URL_WEIGHT, text))


def characters(text: str) -> int:
    return len(text)


COUNTERS: dict[Counting, Callable[[str], int]] = {
    "twitter": x_length,
    "graphemes": graphemes,
    "mastodon": mastodon_length,
    "characters": characters,
}


def length(platform: Platform, text: str) -> int:
    """A post's length as ``platform`` counts it."""
    return COUNTERS[platform.counting](text)
