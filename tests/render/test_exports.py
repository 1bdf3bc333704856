"""Exports open in the tools people use; cells that look like formulas are neutralised."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from pressroom.compose.posts import Post
from pressroom.render.exports import to_csv, to_hootsuite, to_markdown, to_sprout


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


def test_bulk_formats_have_a_schedule() -> None:
    start = datetime(2026, 1, 26, 9, 0)
    hoot = list(
        csv.reader(io.StringIO(to_hootsuite([_post(), _post()], start, timedelta(hours=2))))
    )
    assert hoot[1][0] == "26/01/2026 11:00" and hoot[0][2] == "https://example.org/a"
    sprout = list(csv.DictReader(io.StringIO(to_sprout([_post()], start, timedelta(hours=2)))))
    assert sprout[0]["date"] == "2026-01-26" and sprout[0]["time_24hr"] == "09:00"
    assert set(sprout[0]) >= {"date", "time_24hr", "message_text"}
