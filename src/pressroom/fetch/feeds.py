"""RSS and Atom feeds by feedparser: each entry's page address, title, date, tags, image."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import feedparser

from pressroom.text.spaces import collapse


class FeedError(Exception):
    """The feed cannot be read (the reason is the message)."""


@dataclass(frozen=True)
class Entry:
    """One feed entry: the release page it links to and what the feed says of it."""

    url: str
    title: str | None = None
    date: datetime | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None


_HARMLESS = (
    feedparser.CharacterEncodingOverride,  # the XML said one charset, HTTP another
    feedparser.NonXMLContentType,  # served as text/html or text/plain
)


MAX_ENTRIES = 200
"""Entries taken from one feed, the newest: a feed of thousands is a site's whole past (or
a trap), not a week's releases."""


def parse_feed(content: bytes, url: str, content_type: str, tz: ZoneInfo) -> list[Entry]:
    """The feed's entries, newest first (undated ones last, in feed order), at most
    ``MAX_ENTRIES``."""
    parsed = feedparser.parse(
        content, response_headers={"content-location": url, "content-type": content_type}
    )
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _HARMLESS):
        line = getattr(problem, "getLineNumber", lambda: None)()
        if line and not content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
            line -= 1  # feedparser put an XML declaration in front
        where = f" at line {line}" if line else ""
        raise FeedError(f"not a valid feed{where}: {_reason(problem)}")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS or Atom feed")
    entries = []
    for item in parsed.entries:
        link = _link(item)
        if link:
            entries.append(
                Entry(
                    url=link,
                    title=collapse(item.get("title", "")) or None,
                    date=_date(item, tz),
                    tags=_tags(item),
                    image=_image(item),
                )
            )
    dated = sorted((e for e in entries if e.date), key=lambda e: e.date or 0, reverse=True)
    return (dated + [e for e in entries if e.date is None])[:MAX_ENTRIES]


def _reason(problem: object) -> str:
    text = str(getattr(problem, "getMessage", lambda: problem)())
    return text or type(problem).__name__


def _link(item: Any) -> str | None:
    for link in item.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"]).strip()
    link = item.get("link")
    return str(link).strip() if link else None


def _date(item: Any, tz: ZoneInfo) -> datetime | None:
    """feedparser gives dates as UTC struct_time; they go to the site's zone."""
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    if not stamp:
        return None
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC).astimezone(tz)


def _tags(item: Any) -> tuple[str, ...]:
    tags: list[str] = []
    for tag in item.get("tags", ()):
        word = collapse(tag.get("label") or tag.get("term") or "")
        if word and word not in tags:
            tags.append(word)
    return tuple(tags)


def _image(item: Any) -> str | None:
    for media in (*item.get("media_content", ()), *item.get("media_thumbnail", ())):
        if media.get("url") and media.get("medium", "image") == "image":
            return str(media["url"])
    for link in item.get("links", ()):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return str(link.get("href"))
    return None
