"""Exports open in the tools people use; cells that look like formulas are neutralised."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from pressroom.compose.posts import Post
from pressroom.compose.schedule import scheduled
from pressroom.config import Schedule
from pressroom.render.exports import to_csv, to_hootsuite, to_ics, to_markdown, to_sprout


def _post(text: str = "Titre\n\nhttps://example.org/a", platform: str = "x") -> Post:
    return Post(
        release_id="2026-01-19-titre",
        platform=platform,
        text=text,
        length=30,
        limit=280,
        url="https://example.org/a",
        truncated=(),
        quote_speaker=None,
        title="Titre",
    )


def test_csv_reads_back_with_its_header() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([_post(), _post(platform="bluesky")]))))
    assert [r["platform"] for r in rows] == ["x", "bluesky"]
    assert rows[0]["text"] == "Titre\n\nhttps://example.org/a" and rows[0]["status"] == "draft"


def test_csv_neutralises_formula_cells() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([_post(text='=HYPERLINK("http://evil")')]))))
    assert rows[0]["text"].startswith("'=")


def test_markdown_sheet_shows_every_post_with_its_counter() -> None:
    sheet = to_markdown([_post(), _post(platform="mastodon")], "Posts")
    assert "### X — 30/280" in sheet and "### Mastodon — 30/280" in sheet


_EVERY_DAY = Schedule(days="monday-sunday", hours="00:00-23:59")


def _timed(
    posts: list[Post], start: datetime, gap: str = "2h", schedule: Schedule = _EVERY_DAY
) -> list[Post]:
    """The posts scheduled as compose_week does, each its own release (one slot each)."""
    apart = [replace(p, release_id=f"{p.release_id}-{n}") for n, p in enumerate(posts)]
    return list(scheduled(apart, replace(schedule, between_releases=gap), start))


def test_bulk_formats_have_a_schedule() -> None:
    start = datetime(2026, 1, 26, 9, 0)
    hoot = list(csv.reader(io.StringIO(to_hootsuite(_timed([_post(), _post()], start)))))
    assert hoot[1][0] == "26/01/2026 11:00" and hoot[0][2] == "https://example.org/a"
    sprout = list(csv.DictReader(io.StringIO(to_sprout(_timed([_post()], start)))))
    assert sprout[0]["date"] == "2026-01-26" and sprout[0]["time_24hr"] == "09:00"
    assert set(sprout[0]) >= {"date", "time_24hr", "message_text"}


def test_an_unscheduled_post_is_no_row_of_a_bulk_format() -> None:
    with pytest.raises(ValueError, match="no slot"):
        to_sprout([_post()])


def _pictured(platform: str = "x") -> Post:
    return replace(
        _post(platform=platform),
        image="https://example.org/lac.jpg",
        image_alt="Le lac au matin",
    )


def test_csv_carries_the_image_and_the_flags() -> None:
    bare = replace(_post(platform="instagram", text="Titre\n\nLien en bio"), flags=("needs image",))
    rows = list(csv.DictReader(io.StringIO(to_csv([_pictured(), bare]))))
    assert rows[0]["image"] == "https://example.org/lac.jpg"
    assert rows[0]["image_alt"] == "Le lac au matin" and rows[0]["flags"] == ""
    assert rows[1]["image"] == "" and rows[1]["flags"] == "needs image"
    assert "· needs image" in to_markdown([bare], "Posts")
    assert "Image: `https://example.org/lac.jpg` (Le lac au matin)" in to_markdown(
        [_pictured()], ""
    )


def test_bulk_formats_carry_the_media_column_each_tool_reads() -> None:
    start = datetime(2026, 1, 26, 9, 0)
    bare = _post(platform="instagram", text="Titre\n\nLien en bio")
    timed = _timed([_pictured(), bare], start)
    hoot = list(csv.reader(io.StringIO(to_hootsuite(timed))))
    assert hoot[0] == [
        "26/01/2026 09:00",
        "Titre",
        "https://example.org/a",
        "https://example.org/lac.jpg",
    ]
    assert hoot[1] == ["26/01/2026 11:00", "Titre\n\nLien en bio", "", ""]  # no link to append
    sprout = list(csv.DictReader(io.StringIO(to_sprout(timed))))
    assert list(sprout[0]) == ["date", "time_24hr", "message_text", "link", "image_url", "network"]
    assert sprout[0]["image_url"] == "https://example.org/lac.jpg" and sprout[1]["image_url"] == ""
    assert sprout[1]["link"] == "" and sprout[1]["network"] == "Instagram"


def test_ics_parses_back_one_event_per_post_at_its_time_in_the_zone() -> None:
    paris = ZoneInfo("Europe/Paris")
    posts = [_pictured(), _post(platform="bluesky"), _post(platform="linkedin")]
    stamp = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    start = datetime(2026, 7, 6, 9, 0, tzinfo=paris)  # CEST, UTC+2
    text = to_ics(_timed(posts, start), stamp=stamp, name="Posts 2026-W27")
    calendar = Calendar.from_ical(text)
    assert "pressroom" in str(calendar["PRODID"]) and str(calendar["VERSION"]) == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    starts = [event.decoded("DTSTART") for event in events]
    assert [s.astimezone(UTC).hour for s in starts] == [7, 9, 11]
    assert all(str(s.tzinfo) == "Europe/Paris" for s in starts)
    assert "DTSTART;TZID=Europe/Paris:20260706T090000" in text
    first = events[0]
    assert str(first["SUMMARY"]) == "X: Titre" and str(first["URL"]) == "https://example.org/a"
    assert str(first["DESCRIPTION"]).startswith("Titre\n\nhttps://example.org/a")
    assert "Image: https://example.org/lac.jpg" in str(first["DESCRIPTION"])
    assert first.decoded("DTSTAMP") == stamp
    again = Calendar.from_ical(
        to_ics(_timed(posts, start + timedelta(days=1), "1h"), stamp=stamp, name="")
    )
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]
    assert len({str(e["UID"]) for e in events}) == 3


def test_ics_wall_clock_times_follow_the_zone_across_a_change_of_hour() -> None:
    paris = ZoneInfo("Europe/Paris")
    start = datetime(2026, 3, 28, 9, 0, tzinfo=paris)  # the clocks go forward on the 29th
    text = to_ics(_timed([_post(), _post()], start, "1d"), stamp=datetime.now(UTC), name="")
    instants = [
        e.decoded("DTSTART").astimezone(UTC) for e in Calendar.from_ical(text).walk("VEVENT")
    ]
    assert instants == [
        datetime(2026, 3, 28, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 7, 0, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    "release_id", ["a`<img src=x onerror=alert(1)>`b", "``<script>x</script>", "`", "x ` y"]
)
def test_markdown_sheet_shows_ids_and_images_as_written(release_id: str) -> None:
    from markdown_it import MarkdownIt

    post = replace(_post(), release_id=release_id, image=f"https://e.org/{release_id}.jpg")
    html = MarkdownIt("commonmark").render(to_markdown([post], "Posts"))
    assert "<img" not in html and "<script" not in html
    shown = escape(release_id, quote=False)
    assert f"<code>{shown}</code>" in html
    assert f"<code>https://e.org/{shown}.jpg</code>" in html


_URL = "https://example.org/a?utm_source=x"


def test_hootsuite_and_sprout_rows_carry_the_link_once_and_no_stray_tag() -> None:
    x = _post(f"Titre\n\n« Une citation » — Marie\n\n{_URL} #Industrie #Région")
    x = replace(x, url=_URL)
    linkedin = replace(
        _post(f"Titre\n\nLire : {_URL}\n\n#Industrie", platform="linkedin"), url=_URL
    )
    bluesky = replace(
        _post("Titre\n\nexample.org/a?utm_sour... #Industrie", platform="bluesky"),
        url=_URL,
        link_text="example.org/a?utm_sour...",
    )
    alone = replace(_post(f"Titre\n\n{_URL}", platform="mastodon"), url=_URL)
    timed = _timed([x, linkedin, bluesky, alone], datetime(2026, 1, 26, 9, 0))
    hoot = list(csv.reader(io.StringIO(to_hootsuite(timed))))
    sprout = list(csv.DictReader(io.StringIO(to_sprout(timed))))
    messages = [(row[1], row[2]) for row in hoot]
    assert messages == [(m["message_text"], m["link"]) for m in sprout]  # the same rule
    assert messages[0] == ("Titre\n\n« Une citation » — Marie\n\n#Industrie #Région", _URL)
    assert messages[1] == (linkedin.text, "")  # in a sentence: the link stays, column empty
    assert messages[2] == ("Titre\n\n#Industrie", _URL)  # the full URL, not the shown text
    assert messages[3] == ("Titre", _URL)
    for message, link in messages:
        assert "\n " not in message and not message.endswith("\n")
        assert (link == "") == (_URL in message)  # the link once: in the message or the column


def test_a_post_without_link_has_an_empty_link_column_and_no_ics_url() -> None:
    bare = replace(_post("Titre\n\n#Industrie"), url="")
    (timed,) = _timed([bare], datetime(2026, 1, 26, 9, 0))
    assert next(csv.reader(io.StringIO(to_hootsuite([timed]))))[1:3] == ["Titre\n\n#Industrie", ""]
    assert next(csv.DictReader(io.StringIO(to_sprout([timed]))))["link"] == ""
    (event,) = Calendar.from_ical(to_ics([timed], stamp=datetime.now(UTC), name="")).walk("VEVENT")
    assert "URL" not in event
    assert str(event["DESCRIPTION"]) == "Titre\n\n#Industrie"


def test_a_link_written_twice_stays_in_the_message_as_written() -> None:
    twice = replace(_post(f"Voir {_URL}\n\n{_URL} #Industrie"), url=_URL)
    (timed,) = _timed([twice], datetime(2026, 1, 26, 9, 0))
    assert next(csv.reader(io.StringIO(to_hootsuite([timed]))))[1:3] == [twice.text, ""]
