"""The build index (outbox/.pressroom-index.json): what each release file held when last read,
and each week's inputs hash, so that an unchanged archive is neither re-read nor re-rendered."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressroom.errors import Problem, Severity
from pressroom.readers import Stamp

INDEX_NAME = ".pressroom-index.json"


@dataclass(frozen=True, slots=True)
class FileEntry:
    size: int
    mtime_ns: int
    digest: str
    week: str | None
    release_id: str | None
    line: int
    problems: tuple[Problem, ...]

    def matches(self, stamp: Stamp) -> bool:
        return self.size == stamp.size and self.mtime_ns == stamp.mtime_ns


@dataclass(frozen=True, slots=True)
class BuildIndex:
    key: str
    """Entries hold only under the same key (pressroom version and time zone)."""
    files: dict[str, FileEntry] = field(default_factory=dict)
    weeks: dict[str, str] = field(default_factory=dict)


def load_index(outbox: Path, key: str) -> BuildIndex:
    """The last build's index, or an empty one when missing, unreadable or made otherwise."""
    try:
        data = json.loads((outbox / INDEX_NAME).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return BuildIndex(key)
        files = {name: _entry(raw) for name, raw in data["files"].items()}
        return BuildIndex(key, files, {str(k): str(v) for k, v in data["weeks"].items()})
    except (OSError, ValueError, KeyError, TypeError):
        return BuildIndex(key)


def save_index(outbox: Path, index: BuildIndex) -> None:
    """Written a few hundred entries at a time: an archive's index is never whole in memory
    as JSON (10,000 files made it 8 MB)."""
    outbox.mkdir(parents=True, exist_ok=True)
    temp = outbox / f"{INDEX_NAME}.tmp-{os.getpid()}"
    names = list(index.files)
    with open(temp, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"key": index.key, "weeks": index.weeks})[:-1] + ', "files": {')
        for start in range(0, len(names), _BATCH):
            batch = {name: _raw(index.files[name]) for name in names[start : start + _BATCH]}
            handle.write(("," if start else "") + json.dumps(batch, ensure_ascii=False)[1:-1])
        handle.write("}}")
    os.replace(temp, outbox / INDEX_NAME)


_BATCH = 500


def _raw(entry: FileEntry) -> dict[str, Any]:
    """asdict() is slow on 10,000 entries; this is the same mapping, built directly."""
    return {
        "size": entry.size,
        "mtime_ns": entry.mtime_ns,
        "digest": entry.digest,
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
    }


def _entry(raw: dict[str, Any]) -> FileEntry:
    problems = tuple(
        Problem(p["path"], int(p["line"]), p["message"], p["hint"], Severity(p["severity"]))
        for p in raw["problems"]
    )
    return FileEntry(
        int(raw["size"]),
        int(raw["mtime_ns"]),
        str(raw["digest"]),
        raw["week"],
        raw["release_id"],
        int(raw["line"]),
        problems,
    )
