"""The build index, ``outbox/.pressroom-index.json``: what each release file held when it
was last read, and each week's inputs hash (and the web archive's), so that an unchanged
archive is neither read nor rendered again.

A file entry holds while the file's size and modification time (its ``Stamp``) are the
ones recorded; the whole index holds only under the same key (pressroom's version, the
time zone and the workspace's lexicons, which change what a file reads as). A release
file that names a workspace image depends on it too: its entry holds while the image's
size and modification time are the recorded ones (or while it is still missing).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pressroom.errors import OutboxError, Problem, Severity
from pressroom.outbox import INDEX_NAME
from pressroom.readers.images import ImageSource

FORMAT = 2
"""The index file's layout: an index of another layout is not read (the build reads every
file again and writes this one)."""


class Stamp(NamedTuple):
    """What tells a file changed without reading it."""

    size: int
    mtime_ns: int


class FileEntry(NamedTuple):
    """One release file as last read: enough to plan weeks without reading it again.

    A named tuple, not a dataclass: an index holds one per release file and a build loads
    them all (10,000 made in a third of a frozen dataclass's time, docs/performance.md)."""

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
        if data.get("key") != key or data.get("format") != FORMAT:
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
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return BuildIndex(key)


def save_index(outbox: Path, index: BuildIndex) -> None:
    """Written aside, then renamed over the old one: a crash leaves one index or the other.
    Raises OutboxError when it cannot be written (disk full, read-only), leaving no temp."""
    data = {
        "format": FORMAT,
        "key": index.key,
        "weeks": index.weeks,
        "web_archive": index.web_archive,
        "archived": index.archived,
        "files": {name: _raw(entry) for name, entry in index.files.items()},
    }
    temp = outbox / f"{INDEX_NAME}.tmp-{os.getpid()}"
    path = outbox / INDEX_NAME
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        with open(temp, "w", encoding="utf-8") as handle:
            # dumps(), not dump(): dump() is the slow pure-Python encoder; no spaces, and no
            # check for cycles (plain lists and dicts have none): a quarter less time
            handle.write(
                json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
            )
        os.replace(temp, path)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutboxError(
                Problem(
                    str(path),
                    1,
                    f"cannot write the build index: {exc.strerror or exc}",
                    "free disk space or make outbox/ writable; the week folders are whole, "
                    "and the next build renders them again",
                )
            ) from exc
        raise
    _written.clear()
    _written[path] = (_signature(path), index)


def _signature(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _raw(entry: FileEntry) -> list[Any]:
    """An entry as a JSON array: size, mtime, sha256, week, release id, line, problems
    (each an array: path, line, message, hint, severity), image (path, size, mtime,
    sha256, or null). Arrays, not objects: the index of 10,000 files is half the bytes,
    and half the time to write and to read."""
    image = entry.image
    return [
        entry.stamp.size,
        entry.stamp.mtime_ns,
        entry.sha256,
        entry.week,
        entry.release_id,
        entry.line,
        [[p.path, p.line, p.message, p.hint, p.severity.value] for p in entry.problems],
        None if image is None else [image.path, image.size, image.mtime_ns, image.sha256],
    ]


def _entry(raw: list[Any]) -> FileEntry:
    size, mtime_ns, sha256, week, release_id, line, problems, image = raw
    return FileEntry(
        Stamp(int(size), int(mtime_ns)),
        str(sha256),
        week,
        release_id,
        int(line),
        tuple(
            Problem(path, int(at), message, hint, Severity(severity))
            for path, at, message, hint, severity in problems
        )
        if problems
        else (),
        None
        if image is None
        else ImageSource(str(image[0]), int(image[1]), int(image[2]), str(image[3])),
    )
