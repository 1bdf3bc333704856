"""Post drafts for people and scheduling tools: JSON, CSV (Excel-safe), a Markdown review sheet,
the Hootsuite and Sprout Social bulk formats, and an iCalendar schedule."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import groupby

from pressroom import __version__
from pressroom.compose.posts import Post
from pressroom.platforms import PLATFORMS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    md = "md"
    json = "json"
    csv = "csv"
    hootsuite = "hootsuite"
    sprout = "sprout"
    ics = "ics"


SPREADSHEET_FORMATS = frozenset({ExportFormat.csv, ExportFormat.hootsuite, ExportFormat.sprout})


def file_bytes(text: str, export: ExportFormat) -> bytes:
    """An export as a file holds it: UTF-8, with a byte-order mark for the formats a
    spreadsheet opens (without it, Excel reads UTF-8 as its legacy code page and garbles
    accents). Printed to a terminal or a pipe, exports carry no mark."""
    return text.encode("utf-8-sig" if export in SPREADSHEET_FORMATS else "utf-8")


def to_json(posts: Sequence[Post]) -> str:
    """A JSON list, one post per line: readable, diff-friendly, and fast (json's C encoder)."""
    return json_lines([p.as_dict() for p in posts])


def json_lines(items: Sequence[object]) -> str:
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    return f"[\n{lines}\n]\n" if items else "[]\n"


CSV_COLUMNS = (
    "release_id",
    "platform",
    "status",
    "length",
    "limit",
    "title",
    "text",
    "url",
    "quote_speaker",
    "truncated",
    "image",
    "image_alt",
    "flags",
)


def to_csv(posts: Sequence[Post]) -> str:
    """One row per post (see ``file_bytes`` for how a file holds it)."""
    rows = [
        (
            p.release_id,
            p.platform,
            p.status,
            p.length,
            p.limit,
            p.title,
            p.text,
            p.url,
            p.quote_speaker or "",
            "; ".join(p.truncated),
            p.image or "",
            p.image_alt or "",
            "; ".join(p.flags),
        )
        for p in posts
    ]
    return _csv(CSV_COLUMNS, rows)


def to_markdown(posts: Sequence[Post], heading: str) -> str:
    """A review sheet grouped by release, each post with its counter (``243/280``)."""
    lines = [f"# {heading}", ""]
    for release_id, group in groupby(posts, key=lambda p: p.release_id):
        items = list(group)
        lines += [f"## {_md_inline(items[0].title)}", "", _md_code(release_id), ""]
        for post in items:
            note = f" · shortened: {', '.join(post.truncated)}" if post.truncated else ""
            note += "".join(f" · {flag}" for flag in post.flags)
            lines += [
                f"### {PLATFORMS[post.platform].label} — {post.length}/{post.limit}{note}",
                "",
            ]
            lines += ["    " + line if line else "" for line in post.text.split("\n")]
            if post.image:
                alt = f" ({_md_inline(post.image_alt)})" if post.image_alt else ""
                lines += ["", f"Image: {_md_code(post.image)}{alt}"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def schedule(
    posts: Sequence[Post], start: datetime, every: timedelta
) -> list[tuple[Post, datetime]]:
    """Each post at its suggested time: the first at ``start``, then one every ``every``, in
    the drafts' order (newest release first, each in the platforms' order). Times are wall
    clock times, naive or in the zone of ``start``."""
    return [(post, start + every * i) for i, post in enumerate(posts)]


def to_hootsuite(posts: Sequence[Post], start: datetime, every: timedelta) -> str:
    """Hootsuite bulk composer: date (dd/mm/yyyy hh:mm), message, link, media URL; no header
    row. The link column is filled only when the post carries the link: Hootsuite appends it
    to the message (an Instagram post or an override without it stays as written)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for post, when in schedule(posts, start, every):
        link = _link(post)
        message = post.text.replace(link, "").strip() if link else post.text
        row = [when.strftime("%d/%m/%Y %H:%M"), _cell(message), link, post.image or ""]
        writer.writerow(row)
    return buffer.getvalue()


SPROUT_COLUMNS = ("date", "time_24hr", "message_text", "link", "image_url", "network")


def to_sprout(posts: Sequence[Post], start: datetime, every: timedelta) -> str:
    """Sprout Social bulk scheduling: date, time_24hr, message_text, link, image_url, network."""
    rows = [
        (
            when.strftime("%Y-%m-%d"),
            when.strftime("%H:%M"),
            p.text,
            _link(p),
            p.image or "",
            PLATFORMS[p.platform].label,
        )
        for p, when in schedule(posts, start, every)
    ]
    return _csv(SPROUT_COLUMNS, rows)


ICS_EVENT = timedelta(minutes=15)
"""How long a post's event lasts in a calendar (shorter when posts are closer)."""


def to_ics(
    posts: Sequence[Post], start: datetime, every: timedelta, *, stamp: datetime, name: str
) -> str:
    """An iCalendar file (RFC 5545): one event per post at its suggested time.

    ``start`` is aware, in the configured time zone: events carry that zone's TZID and
    the file its VTIMEZONE, so Thunderbird, Outlook and Google Calendar show the same
    instants. A post keeps its UID from run to run (release id and platform), so a new
    import moves the event instead of adding another. ``stamp`` (UTC) is the DTSTAMP.
    """
    from icalendar import Calendar, Event  # only `pressroom posts --format ics` needs it

    calendar = Calendar()
    calendar.add("prodid", f"-//pressroom//pressroom {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    slots = schedule(posts, start, every)
    for post, when in slots:
        event = Event()
        event.add("uid", f"{post.release_id}.{post.platform}@pressroom")
        event.add("dtstamp", stamp)
        event.add("dtstart", when)
        event.add("dtend", when + min(every, ICS_EVENT))
        event.add("summary", f"{PLATFORMS[post.platform].label}: {post.title}")
        event.add("description", _ics_description(post))
        event.add("url", post.url)
        calendar.add_component(event)
    if slots:  # the zone's rules over the years the posts span, not 1970-2038
        last = slots[-1][1]
        calendar.add_missing_timezones(date(start.year - 1, 1, 1), date(last.year + 2, 1, 1))
    data: bytes = calendar.to_ical()
    return data.decode()


def _ics_description(post: Post) -> str:
    lines = [post.text]
    if post.url not in post.text:
        lines += ["", post.url]
    if post.image:
        lines += ["", f"Image: {post.image}" + (f" ({post.image_alt})" if post.image_alt else "")]
    if post.flags:
        lines += ["", f"[{', '.join(post.flags)}]"]
    return "\n".join(lines)


def _link(post: Post) -> str:
    return post.url if post.url in post.text else ""


def _csv(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _cell(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas: make them plain text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _md_code(text: str) -> str:
    """A code span that shows ``text`` as written, whatever backticks it holds (CommonMark:
    a fence longer than any run inside; a space inside when it starts or ends with one)."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_inline(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace("#", "\\#").replace("*", "\\*")
