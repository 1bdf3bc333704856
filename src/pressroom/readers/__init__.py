"""Readers: files in, Release records and located problems out; a bad file never stops the rest."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from pressroom.errors import Problem, RecordError, Severity
from pressroom.model import Release
from pressroom.readers.decode import decode
from pressroom.readers.markdown import read_markdown
from pressroom.readers.text import read_text
from pressroom.readers.yamlrecord import read_yaml

Reader = Callable[[str, str, ZoneInfo], tuple[Release, list[Problem]]]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".yaml": read_yaml,
    ".yml": read_yaml,
}


@dataclass(frozen=True, slots=True)
class ReadOutcome:
    releases: tuple[Release, ...]
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def record_files(folder: Path) -> list[Path]:
    """Release files of a folder and its subfolders, in path order; hidden ones are skipped."""
    return [Path(entry.path) for entry in _record_entries(folder)]


class Stamp(NamedTuple):
    """What tells a file changed without reading it (a whole stat result is six times the
    size, times 10,000 files)."""

    size: int
    mtime_ns: int


def scan_records(folder: Path) -> list[tuple[str, Stamp]]:
    """The same files with their stamps: one directory scan, no path objects (an unchanged
    archive of 10,000 files is only scanned)."""
    stamps = []
    for entry in _record_entries(folder):
        stat = entry.stat()
        stamps.append((entry.path, Stamp(stat.st_size, stat.st_mtime_ns)))
    return stamps


def _record_entries(folder: Path) -> list[os.DirEntry[str]]:
    found: list[os.DirEntry[str]] = []

    def scan(directory: str) -> None:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    scan(entry.path)
                elif os.path.splitext(entry.name)[1].lower() in READERS and entry.is_file():
                    found.append(entry)

    scan(str(folder))
    return sorted(found, key=lambda entry: entry.path)


def read_bytes(raw: bytes, path: str, tz: ZoneInfo) -> tuple[Release | None, list[Problem]]:
    """One file's bytes to a record, or to the problems that stopped it. Never raises."""
    reader = READERS.get(Path(path).suffix.lower(), read_text)
    try:
        decoded = decode(raw)
        release, problems = reader(decoded.text, path, tz)
    except RecordError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    if decoded.is_legacy:
        problems.insert(
            0,
            Problem(
                path,
                1,
                "decoded as Windows-1252, not UTF-8",
                "save the file as UTF-8",
                Severity.WARNING,
            ),
        )
    return release, problems


@dataclass(frozen=True, slots=True)
class FileRead:
    """One release file as read: its record (or None), its problems, a hash of its bytes."""

    shown: str
    release: Release | None
    problems: tuple[Problem, ...]
    digest: str

    @property
    def record(self) -> Release:
        """The release, for a read known to have one."""
        assert self.release is not None, self.shown
        return self.release


def read_file(path: Path, tz: ZoneInfo, shown: str) -> FileRead:
    """Read one file; ``shown`` is the name its problems carry."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(
            shown,
            1,
            f"cannot read the file: {exc.strerror}",
            "check that it exists and is readable",
        )
        return FileRead(shown, None, (problem,), "")
    release, problems = read_bytes(raw, shown, tz)
    return FileRead(shown, release, tuple(problems), hashlib.sha256(raw).hexdigest())


@dataclass(frozen=True, slots=True)
class Claim:
    """A file's claim on a release id (None when the file gave no record), with its problems."""

    shown: str
    release_id: str | None
    line: int
    problems: tuple[Problem, ...]


def claim_ids(claims: Iterable[Claim]) -> tuple[list[int], tuple[Problem, ...]]:
    """Which claims keep their record (the first to take an id) and every problem, in order;
    a later file with an id already taken is reported, not kept."""
    kept: list[int] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for index, claim in enumerate(claims):
        problems += claim.problems
        if claim.release_id is None:
            continue
        if claim.release_id in seen:
            problems.append(
                Problem(
                    claim.shown,
                    claim.line,
                    f"duplicate id {claim.release_id!r}, also used by {seen[claim.release_id]}",
                    "give one of them its own `id:` or title",
                )
            )
            continue
        seen[claim.release_id] = claim.shown
        kept.append(index)
    return kept, tuple(problems)


def merge_reads(reads: Iterable[FileRead]) -> ReadOutcome:
    """Records in date order, duplicates reported (see claim_ids)."""
    reads = list(reads)
    kept, problems = claim_ids(
        Claim(
            r.shown,
            r.release.id if r.release else None,
            r.release.source.line if r.release else 1,
            r.problems,
        )
        for r in reads
    )
    releases = sorted((reads[i].record for i in kept), key=lambda r: (r.date, r.id))
    return ReadOutcome(tuple(releases), problems)


def read_files(
    paths: Iterable[Path], tz: ZoneInfo, display_root: Path | None = None
) -> ReadOutcome:
    return merge_reads(read_file(path, tz, _display(path, display_root)) for path in paths)


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
