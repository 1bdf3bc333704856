"""ISO weeks and the weekly send slot."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressroom.weeks import (
    WeeklySlot,
    is_week,
    next_slot,
    parse_weekly_slot,
    week_monday,
    week_send_slot,
)
from support import PARIS


def test_week_shape_and_monday() -> None:
    assert is_week("2026-W04") and not is_week("2026-4") and not is_week("../2026-W04")
    assert week_monday("2026-W04").isoformat() == "2026-01-19"
    with pytest.raises(ValueError):
        week_monday("2026-W60")


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("monday 08:00", WeeklySlot(0, time(8, 0))),
        ("Lundi 8h30", WeeklySlot(0, time(8, 30))),
        ("friday 17:45", WeeklySlot(4, time(17, 45))),
    ],
)
def test_slots_in_english_and_french(text: str, slot: WeeklySlot) -> None:
    assert parse_weekly_slot(text) == slot


@pytest.mark.parametrize("text", ["monday", "funday 08:00", "monday 24:00", "08:00 monday"])
def test_what_is_not_a_slot(text: str) -> None:
    with pytest.raises(ValueError):
        parse_weekly_slot(text)


def test_next_slot_is_in_the_local_time_zone_and_strictly_after() -> None:
    monday = WeeklySlot(0, time(8, 0))
    friday = datetime(2025, 3, 14, 16, 30, tzinfo=PARIS)
    assert next_slot(friday, monday, PARIS) == datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    on_the_slot = datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)
    assert next_slot(on_the_slot, monday, PARIS) == datetime(2025, 3, 24, 8, 0, tzinfo=PARIS)
    # across the change to summer time (30 March 2025): still 08:00 on the wall clock
    assert next_slot(datetime(2025, 3, 28, tzinfo=PARIS), monday, PARIS).utcoffset() == (
        timedelta(hours=2)
    )


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(0, 6),
    st.times(),
)
def test_next_slot_is_the_first_one_after(moment: datetime, weekday: int, at: time) -> None:
    after = moment.replace(tzinfo=UTC)
    slot = WeeklySlot(weekday, at.replace(microsecond=0))
    found = next_slot(after, slot, PARIS)
    assert after < found <= after + timedelta(days=7, hours=2)
    assert found.weekday() == weekday and found.time() == slot.at


MONDAY_8 = WeeklySlot(0, time(8, 0))
FRIDAY_16 = WeeklySlot(4, time(16, 0))


@pytest.mark.parametrize(
    ("last_release", "slot", "in_week", "sent"),
    [
        # 2026-W04 is Monday 19 to Sunday 25 January: dated the following Monday
        (datetime(2026, 1, 19, 9, 0), MONDAY_8, False, datetime(2026, 1, 26, 8, 0)),
        (datetime(2026, 1, 19, 7, 0), MONDAY_8, True, datetime(2026, 1, 19, 8, 0)),
        (datetime(2026, 1, 25, 23, 0), MONDAY_8, False, datetime(2026, 1, 26, 8, 0)),
        (datetime(2026, 1, 21, 10, 0), FRIDAY_16, False, datetime(2026, 1, 30, 16, 0)),
        # inside the week only when asked, and only after the week's last release
        (datetime(2026, 1, 21, 10, 0), FRIDAY_16, True, datetime(2026, 1, 23, 16, 0)),
        (datetime(2026, 1, 23, 17, 0), FRIDAY_16, True, datetime(2026, 1, 30, 16, 0)),
        (datetime(2026, 1, 24, 9, 0), FRIDAY_16, True, datetime(2026, 1, 30, 16, 0)),
        (datetime(2026, 1, 19, 9, 0), WeeklySlot(0, time(0, 0)), False, datetime(2026, 1, 26)),
    ],
)
def test_a_week_goes_out_after_it(
    last_release: datetime, slot: WeeklySlot, in_week: bool, sent: datetime
) -> None:
    found = week_send_slot("2026-W04", last_release.replace(tzinfo=PARIS), slot, PARIS, in_week)
    assert found == sent.replace(tzinfo=PARIS)


def test_a_week_across_the_clock_change_goes_out_in_summer_time() -> None:
    """2026-W13 ends on Sunday 29 March, when Paris moves to UTC+2."""
    found = week_send_slot("2026-W13", datetime(2026, 3, 27, 9, tzinfo=PARIS), MONDAY_8, PARIS)
    assert found == datetime(2026, 3, 30, 8, 0, tzinfo=PARIS)
    assert found.utcoffset() == timedelta(hours=2)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 1)))
def test_a_digest_is_never_dated_inside_its_week_by_default(moment: datetime) -> None:
    from pressroom.weeks import iso_week

    last = moment.replace(tzinfo=PARIS)
    week = iso_week(last)
    sent = week_send_slot(week, last, MONDAY_8, PARIS)
    assert sent > last and iso_week(sent) != week
    assert sent - last <= timedelta(days=8)
