"""Post drafts for people and scheduling tools: JSON, CSV (Excel-safe), a Markdown review sheet,
and the Hootsuite and Sprout Social bulk formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import groupby

from pressroom.compose.posts import Post
from pressroom.platforms import PLATFORMS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    md = "md"
    json = "json"
    csv = "csv"
    hootsuite = "hootsuite"
    sprout = "sprout"


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
        )
        for p in posts
    ]
    return _csv(CSV_COLUMNS, rows)


def to_markdown(posts: Sequence[Post], heading: str) -> str:
    """A review sheet grouped by release, each post with its counter (``243/280``)."""
    lines = [f"# {heading}", ""]
    for release_id, group in groupby(posts, key=lambda p: p.release_id):
        items = list(group)
        lines += [f"## {_md_inline(items[0].title)}", "", f"`{release_id}`", ""]
        for post in items:
            note = f" · shortened: {', '.join(post.truncated)}" if post.truncated else ""
            lines += [
                f"### {PLATFORMS[post.platform].label} — {post.length}/{post.limit}{note}",
                "",
            ]
            lines += ["    " + line if line else "" for line in post.text.split("\n")]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def schedule(count: int, start: datetime, every: timedelta) -> list[datetime]:
    return [start + every * i for i in range(count)]


def to_hootsuite(posts: Sequence[Post], start: datetime, every: timedelta) -> str:
    """Hootsuite bulk composer: date (dd/mm/yyyy hh:mm), message, link; no header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for post, when in zip(posts, schedule(len(posts), start, every), strict=True):
        message = post.text.replace(post.url, "").strip()
        writer.writerow([when.strftime("%d/%m/%Y %H:%M"), _cell(message), post.url])
    return buffer.getvalue()


def to_sprout(posts: Sequence[Post], start: datetime, every: timedelta) -> str:
    """Sprout Social bulk scheduling: date, time_24hr, message_text, link, network."""
    rows = [
        (
            when.strftime("%Y-%m-%d"),
            when.strftime("%H:%M"),
            p.text,
            p.url,
            PLATFORMS[p.platform].label,
        )
        for p, when in zip(posts, schedule(len(posts), start, every), strict=True)
    ]
    return _csv(("date", "time_24hr", "message_text", "link", "network"), rows)


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


def _md_inline(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace("#", "\\#").replace("*", "\\*")
