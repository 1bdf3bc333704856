"""The outbox writer swaps week folders and the archive's files whole and finishes what an
interrupted build left."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom.outbox import (
    ARCHIVE_FEED,
    ARCHIVE_INDEX,
    clean_leftovers,
    report_stamps,
    write_archive,
    write_week,
)
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


def test_the_archive_is_replaced_file_by_file_and_only_when_it_changed(tmp_path: Path) -> None:
    files = {ARCHIVE_INDEX: b"<p>one</p>", ARCHIVE_FEED: b"<feed/>"}
    assert write_archive(tmp_path, files) is True
    stamp = (tmp_path / ARCHIVE_FEED).stat().st_mtime_ns
    assert write_archive(tmp_path, {**files, ARCHIVE_INDEX: b"<p>two</p>"}) is True
    assert (tmp_path / ARCHIVE_INDEX).read_bytes() == b"<p>two</p>"
    assert (tmp_path / ARCHIVE_FEED).stat().st_mtime_ns == stamp
    assert write_archive(tmp_path, {**files, ARCHIVE_INDEX: b"<p>two</p>"}) is False
    assert write_archive(tmp_path, {}) is True
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="not an archive file"):
        write_archive(tmp_path, {"../index.html": b"x"})


def test_a_failed_archive_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_archive(tmp_path, {ARCHIVE_INDEX: b"old"})
    fail_outbox_writes(monkeypatch, only=ARCHIVE_INDEX)
    with pytest.raises(OSError):
        write_archive(tmp_path, {ARCHIVE_INDEX: b"new"})
    assert [p.name for p in tmp_path.iterdir()] == [ARCHIVE_INDEX]
    assert (tmp_path / ARCHIVE_INDEX).read_bytes() == b"old"


def test_archive_leftovers_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / f".{ARCHIVE_INDEX}.tmp-123").write_bytes(b"half")
    (tmp_path / f".{ARCHIVE_FEED}.tmp-9").write_bytes(b"half")
    (tmp_path / ARCHIVE_FEED).write_bytes(b"whole")
    clean_leftovers(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [ARCHIVE_FEED]


def test_report_stamps_name_the_week_folders_with_a_report(tmp_path: Path) -> None:
    write_week(tmp_path, "2026-W04", {"report.json": b"{}"})
    write_week(tmp_path, "2026-W05", {"digest.txt": b"x"})
    (tmp_path / "notes").mkdir()
    assert list(report_stamps(tmp_path)) == ["2026-W04"]
    assert report_stamps(tmp_path / "missing") == {}
