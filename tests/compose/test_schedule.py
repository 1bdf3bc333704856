"""The posts' slots: the lead first, then the week's order, within working hours; every
export and the .ics follow them."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from pressroom.compose.schedule import first_slot, scheduled
from pressroom.compose.week import ComposedWeek, compose_week
from pressroom.config import Config, Posts, Schedule
from pressroom.model import WeekPlan
from pressroom.render.exports import to_csv, to_hootsuite, to_ics, to_json, to_markdown, to_sprout
from support import PARIS, make_release, post_templates, repo_config

DEFAULT = Schedule()
RELEASES = tuple(make_release(n, url=f"https://example.org/actu/{n}") for n in range(6))
PLAN = WeekPlan(week="2026-W04", name="weeks/2026-W04.yaml", lead="r001", order=("r004",))


def _week(schedule: Schedule = DEFAULT, start: datetime | None = None) -> ComposedWeek:
    config = repo_config()
    config = replace(config, posts=replace(config.posts, schedule=schedule))
    return compose_week("2026-W04", RELEASES, config, PLAN, templates=post_templates(), start=start)


def _working(moment: datetime, schedule: Schedule = DEFAULT) -> bool:
    hours = schedule.working
    local = moment.astimezone(PARIS)
    return local.weekday() in hours.days and hours.start <= local.time() < hours.end


def test_the_default_schedule_is_working_hours_with_the_lead_first() -> None:
    week = _week()
    assert week.posts is not None
    releases = [p.release_id for p in week.posts]
    order = list(dict.fromkeys(releases))
    assert order[0] == "r001"  # the week file's lead, first although it is not first in order
    assert order[1:] == [r.id for r in week.releases if r.id != "r001"]
    assert order[1] == "r004"  # then the week file's order
    slots = {p.release_id: p.at for p in week.posts if p.at}
    assert all(p.at is not None and _working(p.at) for p in week.posts)
    # Together: every platform of a release at its one slot; releases 2 h apart.
    assert all(p.at == slots[p.release_id] for p in week.posts)
    first = slots["r001"]
    assert first == datetime(2026, 1, 26, 9, 0, tzinfo=PARIS)  # Monday after the week
    assert [slots[r].hour for r in order] == [9, 11, 13, 15, 17, 9]  # 19:00 is next morning
    assert slots[order[-1]] == datetime(2026, 1, 27, 9, 0, tzinfo=PARIS)


def test_platforms_a_few_minutes_apart_and_a_weekend_skipped() -> None:
    schedule = Schedule(between_platforms="5m", between_releases="3h")
    friday = datetime(2026, 1, 30, 16, 0, tzinfo=PARIS)
    week = _week(schedule, friday)
    assert week.posts is not None
    lead = [p for p in week.posts if p.release_id == "r001"]
    assert [p.at.strftime("%H:%M") for p in lead if p.at] == [
        f"16:{5 * n:02d}" for n in range(len(lead))
    ]
    second = next(p for p in week.posts if p.release_id == "r004")
    assert second.at == datetime(2026, 2, 2, 9, 0, tzinfo=PARIS)  # Monday, not Friday 19:00
    assert all(p.at is not None and _working(p.at, schedule) for p in week.posts)


def test_a_start_outside_working_hours_moves_to_the_next_working_moment() -> None:
    schedule = Schedule(days="lundi, mercredi", hours="10:00-12:00")
    assert first_slot("2026-W04", schedule, PARIS) == datetime(2026, 1, 26, 10, 0, tzinfo=PARIS)
    week = _week(schedule, datetime(2026, 1, 26, 12, 0, tzinfo=PARIS))
    assert week.posts is not None
    slots = list(dict.fromkeys(p.at for p in week.posts))
    assert slots[:3] == [
        datetime(2026, 1, 28, 10, 0, tzinfo=PARIS),
        datetime(2026, 2, 2, 10, 0, tzinfo=PARIS),
        datetime(2026, 2, 4, 10, 0, tzinfo=PARIS),
    ]


def test_every_export_and_the_ics_are_inside_working_hours_with_the_lead_first() -> None:
    week = _week()
    posts = week.posts
    assert posts is not None
    lead = "r001"

    def check(times: list[datetime], ids: list[str] | None = None) -> None:
        assert len(times) == len(posts)
        assert all(_working(t) for t in times)
        assert times == sorted(times)
        if ids is not None:
            assert ids[0] == lead

    rows = list(csv.DictReader(io.StringIO(to_csv(posts))))
    wall = [datetime.strptime(r["at"], "%Y-%m-%d %H:%M").replace(tzinfo=PARIS) for r in rows]
    check(wall, [r["release_id"] for r in rows])
    items = json.loads(to_json(posts))
    check([datetime.fromisoformat(i["at"]) for i in items], [i["release_id"] for i in items])
    sheet = to_markdown(posts, "Posts")
    assert sheet.index(lead) < min(sheet.index(r.id) for r in RELEASES if r.id != lead)
    assert sheet.count(" · Mon 2026-01-26 09:00") == len(repo_config().posts.platforms)
    hoot = list(csv.reader(io.StringIO(to_hootsuite(posts))))
    check([datetime.strptime(r[0], "%d/%m/%Y %H:%M").replace(tzinfo=PARIS) for r in hoot])
    sprout = list(csv.DictReader(io.StringIO(to_sprout(posts))))
    check(
        [
            datetime.strptime(f"{r['date']} {r['time_24hr']}", "%Y-%m-%d %H:%M").replace(
                tzinfo=PARIS
            )
            for r in sprout
        ]
    )
    events = Calendar.from_ical(
        to_ics(posts, stamp=datetime(2026, 1, 25, tzinfo=UTC), name="Posts")
    ).walk("VEVENT")
    check(
        [e.decoded("DTSTART") for e in events],
        [str(e["UID"]).split(".")[0] for e in events],
    )


def test_each_export_reads_the_one_slot_compose_gave() -> None:
    schedule = replace(Schedule(), days="monday-sunday", hours="00:00-23:59")
    posts = scheduled(
        (replace(p, at=None) for p in _week().posts or ()),
        schedule,
        datetime(2026, 2, 7, 23, 30, tzinfo=PARIS),
    )
    assert posts[0].at == datetime(2026, 2, 7, 23, 30, tzinfo=PARIS)  # a Saturday night
    assert "07/02/2026 23:30" in to_hootsuite(posts)
    assert posts[-1].at is not None and posts[-1].at.time() == time(9, 30)


def test_a_config_without_schedule_takes_monday_to_friday_nine_to_six() -> None:
    hours = Config().posts.schedule.working
    assert hours.days == frozenset(range(5))
    assert (hours.start, hours.end) == (time(9), time(18))
    assert Posts().schedule.release_gap.total_seconds() == 7200
    assert ZoneInfo(Config().timezone) == PARIS
