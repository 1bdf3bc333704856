"""Dates: a wire dateline without its year takes the year the page states."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pressroom.readers.text import read_text
from pressroom.text.dates import (
    day_month_swapped,
    find_date_in_line,
    find_yearless_dateline,
    page_year,
    parse_date_line,
)

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Body.\n© 2026 Coast Wire\n", 2026),
        ("Founded in 1998.\nCopyright 2019-2025 Brenac Info", 2025),
        ("The bridge opened in 2024 and cost £2m.", 2024),
        ("Plans for 2024 and 2030.", None),  # two years: no guess
        ("Call 0143 2026 1999 or write.", None),
        ("No year here.", None),
    ],
)
def test_page_year_is_the_copyright_year_or_the_only_one(text: str, year: int | None) -> None:
    assert page_year(text) == year


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("LINDMOUTH, Feb 3 (Coast Wire) - The council voted.", (2, 3)),
        ("Brenac, le 3 février (AFP) – Le conseil a voté.", (2, 3)),
        ("Lindmouth, Tuesday 3 February: The council voted.", (2, 3)),
        ("BOSTON, Aug. 19 -- The company said.", (8, 19)),
    ],
)
def test_yearless_dateline_is_dated_in_the_given_year(line: str, day: tuple[int, int]) -> None:
    found = find_yearless_dateline(line, 2026, PARIS, 1)
    assert found == datetime(2026, *day, tzinfo=PARIS)


@pytest.mark.parametrize(
    "line",
    [
        "The council met on 3 February - and voted.",  # no place before the comma
        "LINDMOUTH, 31 February - The council voted.",  # no such day
        "Lindmouth, the harbour town - a report.",
    ],
)
def test_not_a_yearless_dateline(line: str) -> None:
    assert find_yearless_dateline(line, 2026, PARIS, 1) is None


@pytest.mark.parametrize(
    ("line", "kind", "day"),
    [
        ("Updated 12:30 13 March 2026 | Published 10:30 12 March 2026", "label", 12),
        ("Updated 13 March 2026", "update", 13),
        ("Kelburn Desk 12th Mar, 2026 Updated: 28th Mar, 2026   0", "update", 12),  # the first
        ("Jo Penn · 12 March 2026 · 3 min read", "label", 12),
        ("Lindmouth Council | 2026/03/12 | News", "label", 12),
        ("08 Mars 2026    Lu: 673", "start", 8),  # a count of views after the date
        ("22-03-2026 News Release 01/46", "start", 22),  # the release's number after it
        ("• Mar. 14, 2026 8:00 a.m.", "end", 14),  # a bullet, a time with its stops
        ("Rédigé par Léa Roy le vendredi 6 mars 2026 à 14:22 | | 0 commentaire(s)|", "label", 6),
        ("Valmont, le 1er mars 2026. Le ministre de l'Environnement annonce", "dateline", 1),
        ("Wed 11th Mar 2026 | Club news", "start", 11),  # a weekday's short name
        ("Sat. 14 March 2026", "end", 14),
        ("Par Léa Roy le 13 mars 2026 4 commentaires", "end", 13),  # a count of comments
        ("PORTLYN (March 12, 2026) – The harbour trust appealed today for funds", "dateline", 12),
        ("Portlyn, Wash.– Mar. 12, 2026 – Due to the cold, shelters need coats", "dateline", 12),
        ("PORTLYN, ONTARIO--(Newswire - March 12, 2026) - Acme Ltd. today said", "dateline", 12),
        ("12 March 2026 12 March 2026PORTLYN, 12 March 2026—The trust welcomes", "start", 12),
        ("March 12, 2026 / 10:59 AM / 3 days ago", "start", 12),
        ("By: March 12, 2026 ,The Full Story", "label", 12),
        ("Date Released: Thu, 12 Mar 2026 09:17 +0200", "label", 12),
        ("12 Mars 2026 , Rédigé par jr Publié dans #actualité agricole", "start", 12),
        ("PORTLYN, Calif., 2026-Mar-12 — /Retail News/ — Acme today opened", "dateline", 12),
        ("The minister, Mr Ann Roe TD, today (12 March 2026) expressed surprise", "dateline", 12),
        ("Portlyn, ON – March 12, 2026 Harbour Trust and Acme today renewed", "dateline", 12),
        (
            "Valmont, le 12 mars 2026.- « Le port fonctionne normalement », a dit le maire",
            "dateline",
            12,
        ),
        ("Article publié dans Le Valmontais du 12 mars 2026", "label", 12),
        ("March 12, 2026|By ANN ROE Harbour Press", "start", 12),
        ("12/03/2026 @ 09:20", "end", 12),
        (
            "Portlyn, Eastland, 12 March 2026 Vowing to end hunger, the agency called",
            "dateline",
            12,
        ),
        ("(No. 241 - March 12, 2026 - 11:45 a.m. ET) The Honourable Ann Roe today", "dateline", 12),
        (
            "News Release - March 12, 2026 HARBOUR TRUST OPENS THE QUAY In the release",
            "dateline",
            12,
        ),
        ("Léa Roy (CLP) - 12 mars 2026 à 18:04 - Temps de lecture :", "dateline", 12),
        ("UDs, SIC – 12/03/2026. L’un des faits marquants du conseil", "dateline", 12),
    ],
)
def test_date_inside_a_line(line: str, kind: str, day: int) -> None:
    found = find_date_in_line(line, PARIS, 1)
    assert found is not None
    assert (found[0].day, found[1]) == (day, kind)


def test_a_date_in_a_sentence_is_not_a_part_of_a_byline() -> None:
    assert (
        find_date_in_line("The pool reopens on 12 March 2026 · the town said so", PARIS, 1) is None
    )


@pytest.mark.parametrize(
    "line",
    [
        "Les élus se sont réunis le 12 mars 2026, notamment pour la piscine.",
        "Festival 12 March 2026 Programme of the day",
        "Concert du 14 juillet 2026 à Valmont",
    ],
)
def test_a_date_in_a_heading_or_a_sentence_is_no_dateline(line: str) -> None:
    found = find_date_in_line(line, PARIS, 1)
    assert found is None or found[1] != "dateline"


def test_a_letter_dated_in_a_sentence_does_not_date_the_page() -> None:
    line = "In the letter dated 11 December 2025 and signed by its director, the charity said:"
    assert find_date_in_line(line, PARIS, 1) is None
    assert find_date_in_line("Date: 11 December 2025", PARIS, 1) is not None


@pytest.mark.parametrize(
    ("line", "swapped"),
    [
        ("09/10/2015 | Nick Sohr", (9, 10)),  # 10 September read back as September 10
        ("Date: 3/5/2001", (3, 5)),  # 3 May read back as March 5
        ("07/20/2012 00:00:00", None),  # one order only: July 20
        ("05/05/2012", None),  # both orders agree
        ("9 October 2015", None),  # in words
    ],
)
def test_a_numeric_date_either_order_can_read(line: str, swapped: tuple[int, int] | None) -> None:
    found = find_date_in_line(line, PARIS, 1) or (parse_date_line(line, PARIS, 1), "line")
    assert found[0] is not None
    other = day_month_swapped(found[0], line)
    assert (None if other is None else (other.month, other.day)) == swapped


def test_a_time_with_seconds_after_a_date() -> None:
    found = parse_date_line("07/20/2012 00:00:00", PARIS, 1)
    assert found is not None and (found.month, found.day) == (7, 20)


@pytest.mark.parametrize(
    ("spelling", "month", "day"),
    [
        ("The new medical center opens a program for neighbors.", 9, 10),
        ("The new medical centre opens a programme for neighbours.", 10, 9),
        ("The new hospital wing opens on Monday.", 10, 9),  # no sign: day first
    ],
)
def test_american_english_reads_a_numeric_date_month_first(
    spelling: str, month: int, day: int
) -> None:
    text = f"Hospital opens a new wing\n\n09/10/2015\n\n{spelling} It has forty beds.\n"
    release, _ = read_text(text, "wing.txt", PARIS)
    assert (release.date.month, release.date.day) == (month, day)


@pytest.mark.parametrize("line", ["Nov 19,2021", "  • Nov 19,2021", "Nov 19, 2021"])
def test_a_month_first_date_without_a_space_after_its_comma(line: str) -> None:
    found = parse_date_line(line, PARIS, 1)
    assert found is not None
    assert (found.year, found.month, found.day) == (2021, 11, 19)
