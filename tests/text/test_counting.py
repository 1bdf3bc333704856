"""Per-platform length: the X counter passes twitter-text's v3 conformance vectors."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
import regex
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twitter_text import parse_tweet
from twitter_text.regexp.emoji import emoji

from pressroom.platforms import PLATFORMS
from pressroom.text import counting
from pressroom.text.counting import graphemes, mastodon_length, x_length
from support import FIXTURES

VALIDATE = FIXTURES / "twitter-text" / "validate.yml"


def _vectors() -> list[dict]:  # type: ignore[type-arg]
    data = yaml.safe_load(VALIDATE.read_text(encoding="utf-8"))
    return list(data["tests"]["WeightedTweetsWithDiscountedEmojiCounterTest"])


VECTORS = _vectors()


def test_conformance_vectors_are_present() -> None:
    assert len(VECTORS) >= 20


@pytest.mark.parametrize("case", VECTORS, ids=lambda c: c["description"][:60])
def test_x_weighted_length_matches_twitter_text_v3(case: dict) -> None:  # type: ignore[type-arg]
    assert x_length(case["text"]) == case["expected"]["weightedLength"]


def test_narrow_no_break_space_weighs_two_on_x() -> None:
    assert x_length("a\u202fb") == 4
    assert x_length("a\u00a0b") == 3


def test_url_counts_23_on_x_and_mastodon() -> None:
    url = "https://www.auvergnerhonealpes.fr/actualites/" + "x" * 80
    assert x_length(url) == 23
    assert mastodon_length(f"Hi {url}") == 3 + 23


def test_bluesky_counts_grapheme_clusters() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert graphemes(family + "e\u0301") == 2


def test_platform_limits_match_the_design_table() -> None:
    limits = {name: p.limit for name, p in PLATFORMS.items()}
    assert limits == {
        "x": 280,
        "bluesky": 300,
        "mastodon": 500,
        "threads": 500,
        "linkedin": 3000,
        "facebook": 63206,
        "instagram": 2200,
    }


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
        | st.sampled_from(
            [
                "👨‍👩‍👧",
                "1⃣",
                "©",
                "™",
                "🇫🇷",
                "https://example.org/a?b=c",
                " example.com ",
                "www.auvergnerhonealpes.fr/a_(b)",
                "t.co/abcdef",
                "http://",
                ".",
                "..",
                "/",
                "@",
                "#",
                "$",
                "-",
                "\x1c",
                "\u2066",
                "\u00a0",
                "\n",
                "\u202f",
                "漢",
            ]
        ),
        max_size=20,
    ).map("".join)
)
def test_fast_x_counter_agrees_with_twitter_text(text: str) -> None:
    assert x_length(text) == parse_tweet(text).weightedLength


@given(st.text() | st.text(st.characters(max_codepoint=0x2FFF)))
def test_grapheme_fast_path_agrees_with_segmentation(text: str) -> None:
    assert graphemes(text) == len(regex.findall(r"\X", text))


def test_no_character_in_the_fast_ranges_joins_a_cluster() -> None:
    """Every code point the grapheme fast path trusts is its own cluster next to any other."""
    trusted = [chr(c) for c in range(0x3000) if not counting._MAY_JOIN.match(chr(c))]
    assert len(trusted) > 2000
    assert not any(counting._JOINS.match(c) for c in trusted)
    assert "\r" not in trusted and "\u0301" not in trusted and "\u200d" not in trusted


def test_twitter_text_loads_its_emoji_list_without_pkg_resources() -> None:
    """In a fresh process, twitter-text reads its emoji file through pressroom's stand-in
    for pkg_resources (never imported), and builds the same pattern as with the real one."""
    text = "Région 😀👍🏽 https://www.example.fr/a 漢字 « citation »"
    code = (
        "import hashlib, sys; from pressroom.text.counting import x_length;"
        f"print(x_length({text!r}));"
        "from twitter_text.regexp.emoji import emoji;"
        "print(hashlib.sha256(emoji.pattern.encode()).hexdigest());"
        "print('pkg_resources' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    length, pattern, loaded = result.stdout.split()
    assert int(length) == parse_tweet(text).weightedLength
    assert pattern == hashlib.sha256(emoji.pattern.encode()).hexdigest()
    assert loaded == "False"
