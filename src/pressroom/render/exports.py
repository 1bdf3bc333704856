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
    "at",
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
            p.at.strftime("%Y-%m-%d %H:%M") if p.at else "",
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
            note = f" · {_wall_clock(post)}" if post.at else ""
            note += f" · shortened: {', '.join(post.truncated)}" if post.truncated else ""
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


def to_hootsuite(posts: Sequence[Post]) -> str:
    """Hootsuite bulk composer: date (dd/mm/yyyy hh:mm), message, link, media URL; no header
    row. Hootsuite appends the link column to the message, so a link is there or in the
    message, never both (``message_and_link``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for post in posts:
        message, link = message_and_link(post)
        row = [_at(post).strftime("%d/%m/%Y %H:%M"), _cell(message), link, post.image or ""]
        writer.writerow(row)
    return buffer.getvalue()


SPROUT_COLUMNS = ("date", "time_24hr", "message_text", "link", "image_url", "network")


def to_sprout(posts: Sequence[Post]) -> str:
    """Sprout Social bulk scheduling: date, time_24hr, message_text, link, image_url,
    network. Sprout appends the link column to the message: a link is in one of them."""
    rows = []
    for post in posts:
        message, link = message_and_link(post)
        when = _at(post)
        rows.append(
            (
                when.strftime("%Y-%m-%d"),
                when.strftime("%H:%M"),
                message,
                link,
                post.image or "",
                PLATFORMS[post.platform].label,
            )
        )
    return _csv(SPROUT_COLUMNS, rows)


_LINK_LINE_LEFT = re.compile(r"(?:#\S+(?:[ \t]+#\S+)*)?")
"""What may stay on the link's line when the tool's link column takes the link: hashtags."""


def message_and_link(post: Post) -> tuple[str, str]:
    """A post as a scheduling tool that appends its link column takes it: the link moved
    out of the message when its line keeps nothing but hashtags (``URL #a #b``); a link
    inside a sentence (``Read: URL``) stays in the message, the link column empty."""
    shown = post.link_text or post.url
    if not shown or shown not in post.text:
        return post.text, ""
    lines = post.text.split("\n")
    number = max(n for n, line in enumerate(lines) if shown in line)
    left = " ".join(lines[number].replace(shown, " ").split())
    if not _LINK_LINE_LEFT.fullmatch(left) or any(shown in line for line in lines[:number]):
        return post.text, ""  # in a sentence, or twice: the message as written
    lines[number] = left
    message = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return message, post.url


ICS_EVENT = timedelta(minutes=15)
"""How long a post's event lasts in a calendar."""


def to_ics(posts: Sequence[Post], *, stamp: datetime, name: str) -> str:
    """An iCalendar file (RFC 5545): one event per post at its slot (``Post.at``).

    The slots are aware, in the configured time zone: events carry that zone's TZID and
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
    slots = [_at(post) for post in posts]
    for post, when in zip(posts, slots, strict=True):
        event = Event()
        event.add("uid", f"{post.release_id}.{post.platform}@pressroom")
        event.add("dtstamp", stamp)
        event.add("dtstart", when)
        event.add("dtend", when + ICS_EVENT)
        event.add("summary", f"{PLATFORMS[post.platform].label}: {post.title}")
        event.add("description", _ics_description(post))
        if post.url:
            event.add("url", post.url)
        calendar.add_component(event)
    if slots:  # the zone's rules over the years the posts span, not 1970-2038
        first, last = min(slots), max(slots)
        calendar.add_missing_timezones(date(first.year - 1, 1, 1), date(last.year + 2, 1, 1))
    data: bytes = calendar.to_ical()
    return data.decode()


def _at(post: Post) -> datetime:
    if post.at is None:
        raise ValueError(f"{post.release_id} on {post.platform} has no slot (compose_week sets it)")
    return post.at


def _ics_description(post: Post) -> str:
    lines = [post.text]
    if post.url and post.url not in post.text:
        lines += ["", post.url]
    if post.image:
        lines += ["", f"Image: {post.image}" + (f" ({post.image_alt})" if post.image_alt else "")]
    if post.flags:
        lines += ["", f"[{', '.join(post.flags)}]"]
    return "\n".join(lines)


def _wall_clock(post: Post) -> str:
    """A slot as a person reads it in a sheet: ``Mon 2026-01-26 09:00`` (the configured zone)."""
    return post.at.strftime("%a %Y-%m-%d %H:%M") if post.at else ""


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
