"""Fetched releases as ``seeds/<id>.md`` records, written whole or not at all.

A record is YAML front matter (``id``, ``title``, ``date`` with its offset, ``url``,
``image``, ``image_alt``, ``lang``, ``tags``) and the release text as Markdown, so the
readers, the quote attribution and the checks read it as any hand-written record. The
``url`` is how a later fetch knows the page: ``known_urls`` reads it back from every
release file's front matter.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from pressroom.errors import RecordError
from pressroom.model import Lang, Release
from pressroom.readers.decode import decode
from pressroom.readers.fields import Fields, load_mapping
from pressroom.readers.files import read_bytes, release_files
from pressroom.readers.markdown import split_front_matter
from pressroom.readers.record import slugify

SUFFIX = ".md"
TEMP_PREFIX = ".pressroom-fetch-"
"""Records are written under a hidden name first (the readers skip hidden files)."""


@dataclass(frozen=True)
class Record:
    """What a fetched record states."""

    title: str
    date: datetime
    url: str
    body: str
    image: str | None = None
    image_alt: str | None = None
    lang: Lang | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Known:
    """A release file already holding a page: where, and the id it gives the release."""

    path: Path
    release_id: str | None


def record_id(record: Record) -> str:
    """The id the readers would give the release: its date and title as a slug."""
    return slugify(f"{record.date:%Y-%m-%d} {record.title}")


def record_text(record: Record, release_id: str) -> str:
    fields: dict[str, object] = {
        "id": release_id,
        "title": record.title,
        "date": record.date.isoformat(),
        "url": record.url,
    }
    if record.image:
        fields["image"] = record.image
    if record.image_alt:
        fields["image_alt"] = record.image_alt
    if record.lang:
        fields["lang"] = record.lang
    if record.tags:
        fields["tags"] = list(record.tags)
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{record.body.strip()}\n"


def check_record(text: str, name: str, tz: ZoneInfo) -> Release:
    """The release the readers make of a record; RecordError when they cannot."""
    release, problems = read_bytes(text.encode(), name, tz)
    errors = [p for p in problems if p.is_error]
    if release is None or errors:
        first = errors[0] if errors else problems[0]
        raise RecordError(first.line, first.message, first.hint)
    return release


def known_urls(seeds: Path) -> dict[str, Known]:
    """The ``url`` each release file's fields state (front matter or YAML record)."""
    known: dict[str, Known] = {}
    if not seeds.is_dir():
        return known
    for path in release_files(seeds):
        fields = _fields(path)
        if fields is None:
            continue
        url = fields.values.get("url")
        if isinstance(url, str) and url.strip():
            release_id = fields.values.get("id")
            known.setdefault(url.strip(), Known(path, str(release_id) if release_id else None))
    return known


def _fields(path: Path) -> Fields | None:
    try:
        text = decode(path.read_bytes()).text
        if path.suffix.lower() in (".yaml", ".yml"):
            return load_mapping(text)
        return split_front_matter(text)[0]
    except (OSError, RecordError):
        return None


def free_path(seeds: Path, release_id: str) -> Path:
    """``seeds/<id>.md``, or ``<id>-2.md``… when another page took that name."""
    path = seeds / f"{release_id}{SUFFIX}"
    number = 2
    while path.exists():
        path = seeds / f"{release_id}-{number}{SUFFIX}"
        number += 1
    return path


def write_whole(path: Path, text: str) -> None:
    """Write beside the target under a hidden name, sync, then rename into place: the
    record is there whole, old or new, whatever stops the run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode())
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def remove_leftovers(seeds: Path) -> None:
    """Temporary files a killed fetch left behind (hidden, so never read as releases)."""
    if seeds.is_dir():
        for leftover in seeds.glob(f"{TEMP_PREFIX}*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
