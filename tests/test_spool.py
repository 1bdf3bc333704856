"""The spool: releases read by several processes come back as they were, in any order asked,
and no spool outlives its build (a killed build's is removed by the next one)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from archive import write_archive
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from pressroom import spool
from pressroom.cli import app
from pressroom.model import Release
from pressroom.readers import read_files, record_files
from pressroom.spool import Slot, Spool
from pressroom.status import ExitStatus


@pytest.fixture(autouse=True)
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def _seed_releases() -> tuple[Release, ...]:
    from zoneinfo import ZoneInfo

    return read_files(record_files(SEEDS), ZoneInfo("Europe/Paris")).releases


def _write(spool: Spool, file: int, releases: tuple[Release, ...]) -> list[Slot]:
    with spool.writer(file) as writer:
        return [writer.add(release) for release in releases]


def test_releases_come_back_as_written_in_the_order_asked() -> None:
    releases = _seed_releases()
    assert len(releases) == 2
    with Spool() as spool:
        first, second = spool.new_files(2)
        slots = _write(spool, first, releases * 3) + _write(spool, second, releases[::-1])
        assert {s.file for s in slots} == {first, second}
        asked = [slots[7], slots[0], slots[4], slots[6], slots[1]]
        assert spool.load(asked) == tuple(releases[i] for i in (0, 0, 0, 1, 1))
        assert spool.load([]) == ()


def _write_in_child(spool: Spool, file: int, queue: multiprocessing.Queue[list[Slot]]) -> None:
    queue.put(_write(spool, file, _seed_releases()))


def test_a_forked_reader_writes_what_the_parent_loads() -> None:
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[list[Slot]] = context.Queue()
    with Spool() as spool:
        (file,) = spool.new_files(1)
        child = context.Process(target=_write_in_child, args=(spool, file, queue))
        child.start()
        slots = queue.get(timeout=30)
        child.join()
        assert spool.load(slots) == _seed_releases()


def test_numbers_never_repeat() -> None:
    with Spool() as spool:
        assert list(spool.new_files(3)) + list(spool.new_files(2)) == [0, 1, 2, 3, 4]


def test_the_spool_is_gone_after_its_build(own_temp: Path) -> None:
    with Spool() as spool:
        _write(spool, spool.new_files(1)[0], _seed_releases())
        assert len(list(own_temp.iterdir())) == 1
    assert not list(own_temp.iterdir())


def test_a_dead_builds_spool_is_removed_a_running_ones_kept(own_temp: Path) -> None:
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(ended.stdout)
    abandoned = own_temp / f"{spool.folder_prefix(dead)}abc"
    running = own_temp / f"{spool.folder_prefix(os.getppid())}def"
    elsewhere = own_temp / f"pressroom-spool-1.{dead}-ghi"  # another PID namespace's
    foreign = own_temp / "pressroom-spool-notapid"
    for folder in (abandoned, running, elsewhere, foreign):
        folder.mkdir()
        (folder / "0").write_bytes(b"pickles")
    with Spool():
        assert not abandoned.exists()
        assert running.exists() and elsewhere.exists() and foreign.exists()


class _FullDisk:
    """A spool file on a full disk: it opens, but nothing can be written to it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def tell(self) -> int:
        return 0

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def close(self) -> None:
        pass


@pytest.mark.parametrize("files", [2, 240], ids=["read-here", "read-in-workers"])
def test_a_full_temp_disk_stops_the_build_and_keeps_the_outbox(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, files: int
) -> None:
    workspace = tmp_path / "ws"
    write_archive(workspace / "seeds", releases=files, weeks=6)
    shutil.copy(ROOT / "pressroom.yaml", workspace)
    build = ["build", "-C", str(workspace), "--jobs", "2", "--force"]
    assert runner.invoke(app, build).exit_code == 0
    outbox = workspace / "outbox"
    before = {p: p.read_bytes() for p in sorted(outbox.rglob("*")) if p.is_file()}
    monkeypatch.setattr(spool, "open", _FullDisk, raising=False)
    result = runner.invoke(app, build)
    assert result.exit_code == ExitStatus.WRITE_FAILED, result.output
    assert "cannot write the build's temporary copy of the releases: No space left" in (
        result.stderr
    )
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in sorted(outbox.rglob("*")) if p.is_file()} == before
