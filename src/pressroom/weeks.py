"""ISO weeks, the unit of a digest and of an outbox folder (``2026-W04``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from pressroom.lexicon import PACKAGED, WEEKDAYS_EN, WEEKDAYS_FR, numbered

WEEK_PATTERN = r"\d{4}-W\d{2}"
"""An ISO week as pressroom writes it; the one definition of its shape."""
MIN_YEAR, MAX_YEAR = 1900, 2100
"""The years a date or a week may fall in: others are typing slips (9999 overflows)."""
WEEK_PAGE = "digest.html"
"""The page of a week folder a browser opens (the digest): the web archive links to it
and the digest's web version defaults to its published address."""


def iso_week(moment: datetime | date) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_monday(week: str) -> date:
    """Monday of an ISO week written ``2026-W04``; ValueError when it is not one."""
    if not is_week(week):
        raise ValueError(f"{week!r} is not an ISO week")
    if not MIN_YEAR <= int(week[:4]) <= MAX_YEAR:
        raise ValueError(f"{week!r} is not a week from {MIN_YEAR} to {MAX_YEAR}")
    try:
        return date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
    except ValueError as exc:
        raise ValueError(f"{week!r} is not an ISO week of that year") from exc


def is_week(name: str) -> bool:
    """Whether a name is written as an ISO week (the shape only, not the calendar)."""
    return re.fullmatch(WEEK_PATTERN, name) is not None


_WEEKDAYS = {
    name: number - 1 for name, number in numbered(PACKAGED, WEEKDAYS_EN, WEEKDAYS_FR).items()
}
"""Every weekday's name, English and French, with its number as ``date.weekday()`` has it."""
_SLOT = re.compile(r"^\s*([a-z]+)\s+(\d{1,2})[:h](\d{2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WeeklySlot:
    """A moment of every week, such as Monday 08:00 (when a digest goes out)."""

    weekday: int
    """0 is Monday, as in ``date.weekday()``."""
    at: time


def parse_weekly_slot(text: str) -> WeeklySlot:
    """``monday 08:00``, ``lundi 8h00``; ValueError when it is not one."""
    match = _SLOT.match(text)
    if not match or match[1].lower() not in _WEEKDAYS:
        raise ValueError(f"{text!r} is not a weekday and a time")
    try:
        at = time(int(match[2]), int(match[3]))
    except ValueError as exc:
        raise ValueError(f"{text!r} has no such time of day") from exc
    return WeeklySlot(_WEEKDAYS[match[1].lower()], at)


def next_slot(after: datetime, slot: WeeklySlot, tz: tzinfo) -> datetime:
    """The first moment of ``slot`` strictly after ``after``, in the time zone ``tz``."""
    local = after.astimezone(tz)
    day = local.date() + timedelta(days=(slot.weekday - local.weekday()) % 7)
    candidate = datetime.combine(day, slot.at, tz)
    if candidate <= local:
        candidate = datetime.combine(day + timedelta(days=7), slot.at, tz)
    return candidate


_DURATION = re.compile(r"^\s*(\d{1,4})\s*([mhd])\s*$")
_DURATION_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_duration(text: str) -> timedelta:
    """``30m``, ``2h``, ``1d`` (``0m`` too); ValueError when it is not one."""
    match = _DURATION.match(text.lower())
    if not match:
        raise ValueError(f"{text!r} is not a duration; write 30m, 2h or 1d")
    return timedelta(**{_DURATION_UNITS[match[2]]: int(match[1])})


_TIME = re.compile(r"^\s*(\d{1,2})[:h](\d{2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """When a team works: its days (0 is Monday) and the hours of each, start included,
    end excluded; wall-clock times in the configured time zone."""

    days: frozenset[int]
    start: time
    end: time

    def next_moment(self, moment: datetime) -> datetime:
        """``moment`` when it is within working hours, else the next working start (in
        ``moment``'s time zone)."""
        day, at = moment.date(), moment.time()
        if day.weekday() in self.days and self.start <= at < self.end:
            return moment
        if day.weekday() not in self.days or at >= self.end:
            day += timedelta(days=1)
            while day.weekday() not in self.days:
                day += timedelta(days=1)
        return datetime.combine(day, self.start, moment.tzinfo)


def weekday_names() -> tuple[str, ...]:
    """Every weekday name pressroom reads (English and French), for a "did you mean"."""
    return tuple(_WEEKDAYS)


def parse_working_hours(days: str, hours: str) -> WorkingHours:
    """``monday-friday`` (a range) or ``monday, wednesday`` (a list), English or French, and
    ``09:00-18:00``; ValueError naming what cannot be read."""
    chosen: set[int] = set()
    for part in (p.strip().lower() for p in days.split(",")):
        ends = [e.strip() for e in part.split("-")] if part else []
        if not ends or len(ends) > 2 or any(e not in _WEEKDAYS for e in ends):
            raise ValueError(f"{part!r} is not a weekday or a range of weekdays")
        first, last = _WEEKDAYS[ends[0]], _WEEKDAYS[ends[-1]]
        chosen.update((first + n) % 7 for n in range((last - first) % 7 + 1))
    start_text, _, end_text = hours.partition("-")
    start, end = _time_of_day(start_text), _time_of_day(end_text)
    if end <= start:
        raise ValueError(f"{hours!r} ends before it starts")
    return WorkingHours(frozenset(chosen), start, end)


def _time_of_day(text: str) -> time:
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"{text.strip()!r} is not a time of day; write 09:00")
    try:
        return time(int(match[1]), int(match[2]))
    except ValueError as exc:
        raise ValueError(f"{text.strip()!r} is not a time of day") from exc


def week_send_slot(
    week: str, last_release: datetime, slot: WeeklySlot, tz: tzinfo, in_week: bool = False
) -> datetime:
    """When the digest of ``week`` goes out: the first moment of ``slot`` once the week is
    over (from Monday 00:00 after it, in ``tz``), so that it is never dated before most of
    what it covers happened (a Monday-08:00 slot dated 2026-W04's digest Monday 19
    January). With ``in_week``, the first moment of ``slot`` after ``last_release`` when
    that is still inside the week (a Friday-afternoon letter)."""
    end = datetime.combine(week_monday(week) + timedelta(days=7), time(0), tz)
    if in_week and (inside := next_slot(last_release, slot, tz)) < end:
        return inside
    return next_slot(max(end - timedelta(microseconds=1), last_release), slot, tz)
