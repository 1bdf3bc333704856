"""The record model: what a press release is once read (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pressroom.pickling import pickled_by_fields

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

BlockKind = Literal["paragraph", "heading", "bullets", "quote"]
Lang = Literal["fr", "en"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    path: str
    line: int = 1


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, without its quotation marks."""

    text: str
    speaker: str | None = None
    role: str | None = None
    line: int = 0
    cue: str | None = None
    """How the speaker was found: ``after-verb``, ``before-colon``, ``pronoun``,
    ``descriptor``… (see ``attribution/quotes.py``), ``editor`` when a YAML field states
    it, None when there is no speaker."""
    check: str | None = None
    """Why no speaker is named although the text points at one (``“il”: could be Paul Roy
    or Éric Roy``): the editor checks it and may state the speaker in the record."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One piece of body text, in reading order. ``items`` is only set for bullets."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    line: int = 0


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class PostOverride:
    """The editor's own text for one platform's post (``posts:`` in a record), used as
    written: nothing is appended, typeset or shortened."""

    platform: str
    text: str
    line: int = 0
    """The line of the record that states it, for problems."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Release:
    id: str
    title: str
    date: datetime
    standfirst: str
    blocks: tuple[Block, ...]
    quotes: tuple[Quote, ...]
    credit: str | None
    tags: tuple[str, ...]
    url: str | None
    lang: Lang
    source: Source
    headline_quote: str | None = None
    image: str | None = None
    """An https URL, or a path relative to the workspace's ``assets/``, as the record states it."""
    image_alt: str | None = None
    image_line: int = 0
    """The file line that states the image, where its problems point."""
    posts: tuple[PostOverride, ...] = ()
    """The editor's post texts, one at most per platform, in the order the record states them."""

    def override(self, platform: str) -> PostOverride | None:
        """The editor's text for ``platform``, if the record gives one."""
        return next((o for o in self.posts if o.platform == platform), None)

    def to_dict(self) -> dict[str, Any]:
        """The record as ``pressroom ingest`` prints it (date as ISO 8601 with offset)."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat(),
            "standfirst": self.standfirst,
            "blocks": [_block_dict(block) for block in self.blocks],
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "role": q.role,
                    "cue": q.cue,
                    "check": q.check,
                    "line": q.line,
                }
                for q in self.quotes
            ],
            "credit": self.credit,
            "tags": list(self.tags),
            "posts": {o.platform: o.text for o in self.posts},
            "url": self.url,
            "lang": self.lang,
            "source": {"path": self.source.path, "line": self.source.line},
            "headline_quote": self.headline_quote,
            "image": self.image,
            "image_alt": self.image_alt,
        }


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ImageFile:
    """A workspace image as read (``readers.images``): what the digest and its checks need
    (its limits: ``over_limits``)."""

    path: str
    """As the release states it, and as the week folder holds its copy: ``assets/...``."""
    bytes: int
    width: int
    height: int
    format: str
    """As Pillow names it: ``JPEG``, ``PNG``, ``GIF``, ``WEBP``..."""


MAX_IMAGE_BYTES = 1024 * 1024
"""A file image's weight limit: 1 MB, downloaded by every reader."""
MAX_IMAGE_WIDTH = 1200
"""A file image's width limit: twice the 600 px the digest shows it at (sharp screens)."""
EMAIL_FORMATS = ("JPEG", "PNG", "GIF")
"""The formats every common mail client shows (Outlook for Windows shows no WebP)."""


def is_remote(image: str) -> bool:
    """An image on the web (``https://``), not a file under the workspace's ``assets/``."""
    return image.startswith("https://")


def over_limits(file: ImageFile) -> list[tuple[str, str]]:
    """What makes a file image too heavy for a mail, each with what to do (the readers
    report it for a release's image, the digest's checks for a week folder's)."""
    found = []
    if file.bytes > MAX_IMAGE_BYTES:
        found.append(
            (
                f"weighs {file.bytes / MAX_IMAGE_BYTES:.1f} MB ({file.bytes:,} bytes; limit 1 MB)",
                "save it smaller (JPEG quality 80 is usually enough); it was kept",
            )
        )
    if file.width > MAX_IMAGE_WIDTH:
        found.append(
            (
                f"is {file.width:,} px wide (limit {MAX_IMAGE_WIDTH:,} px)",
                f"resize it to {MAX_IMAGE_WIDTH:,} px wide; it was kept",
            )
        )
    if file.format not in EMAIL_FORMATS:
        found.append(
            (
                f"is {file.format}, which some mail clients do not show",
                f"save it as {', '.join(EMAIL_FORMATS[:-1])} or {EMAIL_FORMATS[-1]}; it was kept",
            )
        )
    return found


@dataclass(frozen=True)
class WeekPlan:
    """What the editor chose for one week (its week file, ``weeks/<YYYY-Www>.yaml``, read
    by ``readers.weekfile``); an empty plan changes nothing."""

    week: str
    name: str
    """The file as problems name it: ``weeks/2026-W04.yaml``."""
    lead: str | None = None
    order: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    note: str = ""
    """Markdown (``note_markdown``), as written."""
    subject: str | None = None
    preheader: str | None = None
    sha256: str = ""
    """Of the file's bytes: a week's inputs hash covers its week file."""
    mentions: tuple[tuple[str, str, int], ...] = field(default=(), compare=False)
    """Every release id the file names: (key, id, line)."""
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    """The line of each key."""

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


@lru_cache(maxsize=1)
def note_markdown() -> MarkdownIt:
    """The Markdown of a week's note, one dialect for the reader that checks its links and
    the digest that renders it: CommonMark without raw HTML (written as text) and without
    images (a release's ``image`` is where pictures go). Imported here: only a week with a
    note needs the parser, not every command's start. Made once (it took longer than
    rendering a note) and shared: nothing changes it after this."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable("image")


def newest_first(releases: Iterable[Release]) -> list[Release]:
    return sorted(releases, key=lambda r: (r.date, r.id), reverse=True)


def _block_dict(block: Block) -> dict[str, Any]:
    if block.kind == "bullets":
        return {"type": block.kind, "items": list(block.items), "line": block.line}
    return {"type": block.kind, "text": block.text, "line": block.line}
