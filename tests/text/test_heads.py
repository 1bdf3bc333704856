"""What makes a date at a line's head its dateline."""

from __future__ import annotations

import pytest

from pressroom.text.heads import heads_date


@pytest.mark.parametrize(
    ("line", "date", "heads"),
    [
        ("Portlyn, Eastland, 12 March 2026 Vowing to end hunger", "12 March 2026", True),
        ("(No. 241 - March 12, 2026 - 11:45 a.m. ET) The minister", "March 12, 2026", True),
        ("Léa Roy (CLP) - 12 mars 2026 à 18:04 - Temps de lecture", "12 mars 2026", True),
        ("Les élus se sont réunis le 12 mars 2026, pour la piscine", "12 mars 2026", False),
        ("Concert - 12 mars 2026 à Valmont", "12 mars 2026", False),  # nothing capital after
    ],
)
def test_a_date_heads_a_line_after_capitalised_words(line: str, date: str, heads: bool) -> None:
    start = line.index(date)
    assert heads_date(line, start, start + len(date)) is heads
