"""The outbox writer swaps week folders whole and finishes what an interrupted build left
(the web archive's own writer: tests/pipeline/test_archive.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom.outbox import ARCHIVE_FEED, ARCHIVE_INDEX, clean_leftovers, write_week
from support import fail_outbox_writes


def test_write_replaces_the_week_whole(tmp_path: Path) -> None:
    write_week(tmp_path, "2026-W04", {"digest.txt": b"old", "posts.md": b"old"})
    write_week(tmp_path, "2026-W04", {"digest.txt": b"new"})
    assert {p.name: p.read_bytes() for p in (tmp_path / "2026-W04").iterdir()} == {
        "digest.txt": b"new"
    }
    assert [p.name for p in tmp_path.iterdir()] == ["2026-W04"]


def test_a_failed_write_keeps_the_previous_week(tmp_path: Path) -> None:
    write_week(tmp_path, "2026-W04", {"digest.txt": b"old"})
    with pytest.raises(ValueError):
        write_week(tmp_path, "2026-W04", {"digest.txt": b"new", "../escape": b"x"})
    assert (tmp_path / "2026-W04" / "digest.txt").read_bytes() == b"old"
    assert not (tmp_path.parent / "escape").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["2026-W04"]


def test_week_names_cannot_leave_the_outbox(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_week(tmp_path, "../2026-W04", {"digest.txt": b"x"})


def test_leftovers_are_cleaned_and_a_week_caught_mid_swap_restored(tmp_path: Path) -> None:
    (tmp_path / ".2026-W04.old-123").mkdir()
    (tmp_path / ".2026-W04.old-123" / "digest.txt").write_bytes(b"old")
    (tmp_path / ".2026-W05.tmp-123").mkdir()
    clean_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W04"]
    assert (tmp_path / "2026-W04" / "digest.txt").read_bytes() == b"old"


def test_a_write_failing_midway_keeps_the_previous_week(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_week(tmp_path, "2026-W04", {"digest.txt": b"old"})
    fail_outbox_writes(monkeypatch, only="posts.md")
    with pytest.raises(OSError):
        write_week(tmp_path, "2026-W04", {"digest.txt": b"new", "posts.md": b"new"})
    assert [p.name for p in tmp_path.iterdir()] == ["2026-W04"]
    assert (tmp_path / "2026-W04" / "digest.txt").read_bytes() == b"old"


def test_only_week_files_are_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a week file"):
        write_week(tmp_path, "2026-W04", {"notes.txt": b"x"})
    assert list(tmp_path.iterdir()) == []


def test_a_week_copies_its_images_under_assets(tmp_path: Path) -> None:
    source = tmp_path / "workspace" / "assets" / "photos" / "quai.jpg"
    source.parent.mkdir(parents=True)
    source.write_bytes(b"\xff\xd8 a picture")
    outbox = tmp_path / "outbox"
    write_week(outbox, "2026-W04", {"digest.txt": b"x"}, {"assets/photos/quai.jpg": source})
    assert (outbox / "2026-W04" / "assets" / "photos" / "quai.jpg").read_bytes() == (
        source.read_bytes()
    )
    for name in ("digest.txt", "assets", "assets/../x.jpg", "/assets/x.jpg", "seeds/x.jpg"):
        with pytest.raises(ValueError):
            write_week(outbox, "2026-W04", {"digest.txt": b"y"}, {name: source})
    assert (outbox / "2026-W04" / "digest.txt").read_bytes() == b"x"
    write_week(outbox, "2026-W04", {"digest.txt": b"z"})
    assert not (outbox / "2026-W04" / "assets").exists()  # a week holds the images it shows


def test_a_failed_image_copy_keeps_the_previous_week(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "quai.jpg"
    source.write_bytes(b"picture")
    write_week(tmp_path / "outbox", "2026-W04", {"digest.txt": b"old"})
    fail_outbox_writes(monkeypatch, only="quai.jpg")
    with pytest.raises(OSError):
        write_week(
            tmp_path / "outbox", "2026-W04", {"digest.txt": b"new"}, {"assets/quai.jpg": source}
        )
    assert (tmp_path / "outbox" / "2026-W04" / "digest.txt").read_bytes() == b"old"
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["2026-W04"]


def test_archive_leftovers_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / f".{ARCHIVE_INDEX}.tmp-123").write_bytes(b"half")
    (tmp_path / f".{ARCHIVE_FEED}.tmp-9").write_bytes(b"half")
    (tmp_path / ARCHIVE_FEED).write_bytes(b"whole")
    clean_leftovers(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [ARCHIVE_FEED]
