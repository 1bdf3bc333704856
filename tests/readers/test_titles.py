"""Which line of a page without a date line is its title."""

from __future__ import annotations

from pressroom.readers.titles import Line, choose

_BODY = (
    "The county has opened a water project that will serve the residents of Harlow Bend"
    " with clean drinking water, the governor said at the opening on Tuesday."
)


def _title(*texts: str) -> str | None:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1) if text]
    title, _ = choose(lines, None, False, "none", frozenset(), frozenset())
    return title.text if title else None


def test_a_headline_sentence_under_chrome_is_the_title() -> None:
    # no title-like line at all: a two-word label above, a headline ending with a period
    headline = "Governor Opens a Water Project To Ease Shortages in Harlow Bend."
    assert _title("Header Ads", "", headline, "", _BODY) == headline


def test_the_first_line_stays_the_title_when_no_headline_sentence_follows() -> None:
    assert _title("Water news", "", _BODY) == "Water news"
