"""The build index: what a build saves, the next one loads, whatever the archive's size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressroom.errors import Problem, Severity
from pressroom.outbox import INDEX_NAME
from pressroom.pipeline.index import BuildIndex, FileEntry, Stamp, load_index, save_index
from pressroom.readers.images import ImageSource


def _entry(n: int) -> FileEntry:
    problems = (
        (Problem(f"seeds/r{n}.txt", 3, "no date « ici »", "add a date line", Severity.WARNING),)
        if n % 7 == 0
        else ()
    )
    week = None if n % 11 == 0 else f"2026-W{n % 52 + 1:02d}"
    stamp = Stamp(100 + n, 10**18 + n)
    image = (
        ImageSource(f"assets/r{n}.jpg", -1 if n % 3 else 52_000, n, "" if n % 3 else "ab" * 32)
        if n % 2
        else None
    )
    return FileEntry(stamp, f"{n:064x}", week, f"release-{n}", n % 9 + 1, problems, image)


@pytest.mark.parametrize("count", [0, 1, 499, 500, 1201])
def test_an_index_of_any_size_loads_back_as_saved(tmp_path: Path, count: int) -> None:
    index = BuildIndex(
        "0.1.0|Europe/Paris",
        {f"seeds/r{n:05d}.txt": _entry(n) for n in range(count)},
        {"2026-W04": "a" * 64, "2026-W05": "b" * 64},
    )
    save_index(tmp_path, index)
    assert json.loads((tmp_path / INDEX_NAME).read_text(encoding="utf-8"))["key"] == index.key
    assert load_index(tmp_path, index.key) == index
    assert [p.name for p in tmp_path.iterdir()] == [INDEX_NAME]


def test_an_index_made_otherwise_is_not_used(tmp_path: Path) -> None:
    save_index(tmp_path, BuildIndex("0.1.0|Europe/Paris", {"seeds/a.txt": _entry(1)}))
    assert load_index(tmp_path, "0.1.0|UTC") == BuildIndex("0.1.0|UTC")
