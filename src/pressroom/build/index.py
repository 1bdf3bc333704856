"""The build index, ``outbox/.pressroom-index.json``: what each release file held when it
was last read, and each week's inputs hash (and the web archive's), so that an unchanged
archive is neither read nor rendered again.

A file entry holds while the file's size and modification time (its ``Stamp``) are the
ones recorded; the whole index holds only under the same key (pressroom's version and
the time zone, which change what a file reads as). A release file that names a workspace
image depends on it too: its entry holds while the image's size and modification time
are the recorded ones (or while it is still missing).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pressroom.errors import Problem, Severity
from pressroom.outbox import INDEX_NAME
from pressroom.readers.images import ImageSource


class Stamp(NamedTuple):
    """What tells a file changed without reading it."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One release file as last read: enough to plan weeks without reading it again."""

    stamp: Stamp
    sha256: str
    week: str | None
    """The week of its release; None when the file gave no release."""
    release_id: str | None
    line: int
    problems: tuple[Problem, ...]
    image: ImageSource | None = None
    """The workspace image its release names, as it was: the entry holds while it is so."""


@dataclass(frozen=True, slots=True)
class BuildIndex:
    key: str
    files: dict[str, FileEntry] = field(default_factory=dict)
    """By file name, as problems name it (``seeds/...``)."""
    weeks: dict[str, str] = field(default_factory=dict)
    """Each built week's inputs hash."""
    web_archive: str = ""
    """The key of the web archive as last written (see build.archive)."""
    archived: dict[str, Any] = field(default_factory=dict)
    """The web archive's week summaries with their report's stamp, as build.archive keeps
    them (JSON values: that module reads them back)."""


_written: dict[Path, tuple[tuple[int, int, int], BuildIndex]] = {}
"""The index this process wrote last, and its file's (inode, size, mtime): a process that
builds again and again (the preview) does not read back what it wrote."""


def load_index(outbox: Path, key: str) -> BuildIndex:
    """The last build's index, or an empty one when missing, unreadable or made otherwise."""
    path = outbox / INDEX_NAME
    try:
        known = _written.get(path)
        if known and known[0] == _signature(path) and known[1].key == key:
            return known[1]
        data = json.loads((outbox / INDEX_NAME).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return BuildIndex(key)
        files = {name: _entry(raw) for name, raw in data["files"].items()}
        weeks = {str(k): str(v) for k, v in data["weeks"].items()}
        archived = data.get("archived")
        return BuildIndex(
            key,
            files,
            weeks,
            str(data.get("web_archive", "")),
            archived if isinstance(archived, dict) else {},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return BuildIndex(key)


def save_index(outbox: Path, index: BuildIndex) -> None:
    """Written aside, then renamed over the old one: a crash leaves one index or the other."""
    outbox.mkdir(parents=True, exist_ok=True)
    data = {
        "key": index.key,
        "weeks": index.weeks,
        "web_archive": index.web_archive,
        "archived": index.archived,
        "files": {name: _raw(entry) for name, entry in index.files.items()},
    }
    temp = outbox / f"{INDEX_NAME}.tmp-{os.getpid()}"
    with open(temp, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False))  # dump() is the slow pure-Python encoder
    path = outbox / INDEX_NAME
    os.replace(temp, path)
    _written.clear()
    _written[path] = (_signature(path), index)


def _signature(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _raw(entry: FileEntry) -> dict[str, Any]:
    return {
        "size": entry.stamp.size,
        "mtime_ns": entry.stamp.mtime_ns,
        "sha256": entry.sha256,
        "week": entry.week,
        "release_id": entry.release_id,
        "line": entry.line,
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "message": p.message,
                "hint": p.hint,
                "severity": p.severity.value,
            }
            for p in entry.problems
        ],
        "image": None
        if entry.image is None
        else {
            "path": entry.image.path,
            "size": entry.image.size,
            "mtime_ns": entry.image.mtime_ns,
            "sha256": entry.image.sha256,
        },
    }


def _entry(raw: dict[str, Any]) -> FileEntry:
    problems = tuple(
        Problem(p["path"], int(p["line"]), p["message"], p["hint"], Severity(p["severity"]))
        for p in raw["problems"]
    )
    return FileEntry(
        Stamp(int(raw["size"]), int(raw["mtime_ns"])),
        str(raw["sha256"]),
        raw["week"],
        raw["release_id"],
        int(raw["line"]),
        problems,
        _image(raw.get("image")),
    )


def _image(raw: dict[str, Any] | None) -> ImageSource | None:
    if raw is None:
        return None
    return ImageSource(str(raw["path"]), int(raw["size"]), int(raw["mtime_ns"]), str(raw["sha256"]))
