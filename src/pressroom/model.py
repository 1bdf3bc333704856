"""The record model: what a press release is once read (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pressroom.pickling import pickled_by_fields

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
    ``descriptor``… (see ``text/quotes.py``), ``editor`` when a YAML field states it,
    None when there is no speaker."""


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
    """A workspace image as read (``readers.images``): what the digest and its checks need."""

    path: str
    """As the release states it, and as the week folder holds its copy: ``assets/...``."""
    bytes: int
    width: int
    height: int
    format: str
    """As Pillow names it: ``JPEG``, ``PNG``, ``GIF``, ``WEBP``..."""


def newest_first(releases: Iterable[Release]) -> list[Release]:
    return sorted(releases, key=lambda r: (r.date, r.id), reverse=True)


def _block_dict(block: Block) -> dict[str, Any]:
    if block.kind == "bullets":
        return {"type": block.kind, "items": list(block.items), "line": block.line}
    return {"type": block.kind, "text": block.text, "line": block.line}
