"""No-break spaces hold: French typography is never split, words and URLs never broken."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from pressroom.render.templates import wrap
from pressroom.text.spaces import collapse, words


def test_collapse_keeps_no_break_spaces() -> None:
    assert (
        collapse(" «\u202fOui\u202f»  dit-il :\n14\u00a0000 ")
        == "«\u202fOui\u202f» dit-il : 14\u00a0000"
    )


def test_words_do_not_split_at_no_break_spaces() -> None:
    assert words("«\u202fNous voulons\u202f»") == ["«\u202fNous", "voulons\u202f»"]


def test_wrap_never_breaks_a_url_or_a_hyphenated_word() -> None:
    url = "https://www.auvergnerhonealpes.fr/" + "a" * 90
    text = f"Le Vice-président a parlé, voir {url} pour la suite du communiqué de presse"
    lines = wrap(text, 40).split("\n")
    assert url in lines and all(not line.endswith("-") for line in lines)


@given(
    st.lists(
        st.sampled_from(["mot", "«\u202fcitation\u202f»", "14\u00a0000", "x" * 30, "\n"]),
        max_size=60,
    ).map(" ".join)
)
def test_wrap_keeps_every_word_in_order(text: str) -> None:
    assert words(wrap(text, 30)) == words(text)


_REFERENCE_BREAKING = re.compile(r"[^\S\u00a0\u202f\u2007]+")


@given(st.text() | st.text(st.sampled_from(" \t\n\r\x0b\x1c\x85\u2028\u3000\u00a0\u202f\u2007ab")))
def test_collapse_and_words_agree_with_the_breaking_space_pattern(text: str) -> None:
    """The str.split() fast path breaks exactly where the pattern does."""
    assert collapse(text) == _REFERENCE_BREAKING.sub(" ", text).strip(" ")
    assert words(text) == [w for w in _REFERENCE_BREAKING.split(text) if w]


@given(
    st.lists(
        st.sampled_from(["mot", "l’État", "«\u202fcitation\u202f»", "x" * 30, "y" * 45, "\t"])
        | st.just("\n"),
        max_size=80,
    ).map(" ".join),
    st.integers(min_value=1, max_value=80),
)
def test_wrap_is_greedy_within_the_width(text: str, width: int) -> None:
    """Each line holds as many words as fit, and passes the width only as a lone word."""
    paragraphs = text.split("\n")
    assert wrap(text, width) == "\n".join(wrap(p, width) for p in paragraphs)
    for paragraph in paragraphs:
        lines = wrap(paragraph, width).split("\n")
        assert " ".join(lines) == " ".join(words(paragraph))
        for line, following in pairwise(lines):
            assert len(line) + 1 + len(following.split(" ")[0]) > width
        assert all(len(line) <= width or " " not in line for line in lines)
