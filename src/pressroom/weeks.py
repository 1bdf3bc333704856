"""ISO weeks, the unit of a digest and of an outbox folder (``2026-W04``)."""

from __future__ import annotations

import re
from datetime import date, datetime

WEEK_PATTERN = r"\d{4}-W\d{2}"
"""An ISO week as pressroom writes it; the one definition of its shape."""


def iso_week(moment: datetime | date) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_monday(week: str) -> date:
    """Monday of an ISO week written ``2026-W04``; ValueError when it is not one."""
    if not is_week(week):
        raise ValueError(f"{week!r} is not an ISO week; write it as 2026-W04")
    try:
        return date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
    except ValueError as exc:
        raise ValueError(f"{week!r} is not an ISO week of that year") from exc


def is_week(name: str) -> bool:
    """Whether a name is written as an ISO week (the shape only, not the calendar)."""
    return re.fullmatch(WEEK_PATTERN, name) is not None
