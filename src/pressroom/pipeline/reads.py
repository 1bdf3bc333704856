"""What a build reads: each release file's stamp, whether its index entry still holds,
and the reads a process keeps between builds (the preview builds again and again)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pressroom.lexicon import Lexicons
from pressroom.pipeline.index import BuildIndex, FileEntry, Stamp
from pressroom.readers.files import FileRead, release_entries
from pressroom.readers.images import ImageSource
from pressroom.weeks import iso_week


def file_stamps(seeds: Path, prefix_name: str) -> dict[str, tuple[str, Stamp]]:
    """Each release file by name (``seeds/...``, as problems name it): its path and stamp."""
    prefix = len(str(seeds))
    stamps = {}
    for entry in release_entries(seeds):
        stat = entry.stat()
        name = prefix_name + entry.path[prefix:].replace(os.sep, "/")
        stamps[name] = (entry.path, Stamp(stat.st_size, stat.st_mtime_ns))
    return stamps


_kept: dict[tuple[str, str, Lexicons], tuple[Stamp, FileRead]] = {}
"""What this process read, by (path, time zone, word lists), with the file's stamp before
it was read: a process that builds again and again (the preview) reads a file again only
once its stamp, or that of the workspace image it names, changed: the rule the build index
trusts (docs/performance.md, "Preview")."""


def read_changed(
    files: list[tuple[str, str]],
    stamps: dict[str, tuple[str, Stamp]],
    timezone: str,
    workspace: Path,
    lexicons: Lexicons,
    read: Callable[[list[tuple[str, str]]], list[FileRead]],
) -> list[FileRead]:
    """The files' reads: kept ones while their stamps hold, the others by ``read`` (the
    build's ``Runner.read``)."""
    answers: list[FileRead] = []
    to_read: list[tuple[str, str]] = []
    for path, name in files:
        kept = _kept.get((path, timezone, lexicons))
        if (
            kept
            and kept[0] == stamps[name][1]
            and kept[1].name == name
            and _image_holds(kept[1].image_source, workspace)
        ):
            answers.append(kept[1])
        else:
            to_read.append((path, name))
    fresh = read(to_read) if to_read else []
    if len(_kept) > len(stamps):  # files gone, or another workspace: forget what they read
        paths = {path for path, _ in stamps.values()}
        for key in [key for key in _kept if key[0] not in paths]:
            del _kept[key]
    for fresh_read in fresh:
        path, stamp = stamps[fresh_read.name]
        _kept[path, timezone, lexicons] = (stamp, fresh_read)
    return answers + fresh


def entry_holds(index: BuildIndex, name: str, stamp: Stamp, workspace: Path) -> bool:
    """Whether a file's entry holds: the file, and the workspace image it names, unchanged."""
    entry = index.files.get(name)
    if entry is None or entry.stamp != stamp:
        return False
    return _image_holds(entry.image, workspace)


def _image_holds(image: ImageSource | None, workspace: Path) -> bool:
    """Whether the workspace image a read found is as it was (gone if it was gone)."""
    if image is None:
        return True
    try:
        stat = (workspace / image.path).stat()
    except OSError:
        return image.size < 0
    return (stat.st_size, stat.st_mtime_ns) == (image.size, image.mtime_ns)


def file_entry(read: FileRead, stamp: Stamp) -> FileEntry:
    release = read.release
    if release is None:
        return FileEntry(stamp, read.sha256, None, None, 1, read.problems)
    return FileEntry(
        stamp,
        read.sha256,
        iso_week(release.date),
        release.id,
        release.source.line,
        read.problems,
        read.image_source,
    )
