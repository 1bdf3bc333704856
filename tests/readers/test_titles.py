"""Which line of a page without a date line is its title."""

from __future__ import annotations

from pressroom.readers.titlechoice import choose
from pressroom.readers.titles import Line

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


def test_a_speaker_and_their_words_make_a_headline() -> None:
    from pressroom.readers.titles import is_candidate

    assert is_candidate('Maud Lagarde : "On touche le fond de la piscine !"')
    assert not is_candidate("« Nous touchons le fond, et la saison n'est pas finie. »")


def test_a_banner_with_a_phone_number_is_no_headline() -> None:
    from pressroom.readers.titles import is_candidate

    assert not is_candidate("IN CASE OF AN EMERGENCY DIAL 9-1-1 NON-EMERGENCY LINE (352) 555-0190")


def test_a_name_in_camel_case_can_open_a_headline() -> None:
    from pressroom.readers.titles import is_candidate

    assert is_candidate("eThekwini 'working tirelessly' to fix water supply, says mayor")
    assert is_candidate("iPhone sales fall for the second year running")
    assert not is_candidate("read more about the water supply works in the city")


def test_a_headline_over_its_standfirst_and_date_is_the_title() -> None:
    lines = [
        Line(1, "Three harbour colleges share £4M for research students"),
        Line(
            2,
            "The money from the national science council will pay for research students "
            "to work on coastal engineering projects",
        ),
        Line(3, "Published 29th Feb 2026"),
        Line(4, "Three harbour colleges are to share £4.1 million to support research students."),
    ]
    title, _ = choose(lines, 2, False, "alone", frozenset(), frozenset())
    assert title is not None and title.number == 1
