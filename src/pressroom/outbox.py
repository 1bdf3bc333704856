"""The outbox writer: a folder per ISO week, replaced whole or not at all, only in outbox/."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
from pathlib import Path

_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LEFTOVER = re.compile(r"^\.(\d{4}-W\d{2})\.(tmp|old)-\d+$")
_INDEX_LEFTOVER = re.compile(r"^\.pressroom-index\.json\.tmp-\d+$")


def week_dir(outbox: Path, week: str) -> Path:
    if not _WEEK.match(week):
        raise ValueError(f"not an ISO week: {week!r}")
    return outbox / week


def existing_weeks(outbox: Path) -> list[str]:
    if not outbox.is_dir():
        return []
    return sorted(p.name for p in outbox.iterdir() if p.is_dir() and _WEEK.match(p.name))


def write_week(outbox: Path, week: str, files: dict[str, bytes]) -> None:
    """Write into a temporary folder, then swap it in; a crash leaves the old or the new week.

    Nothing is synced to disk here: ``flush`` does it once for the whole build.
    """
    final = week_dir(outbox, week)
    outbox.mkdir(parents=True, exist_ok=True)
    temp = outbox / f".{week}.tmp-{os.getpid()}"
    old = outbox / f".{week}.old-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    try:
        for name, data in files.items():
            if not _NAME.match(name):
                raise ValueError(f"unsafe file name {name!r}")
            with open(temp / name, "wb") as handle:
                handle.write(data)
        if final.exists():
            os.rename(final, old)
        os.rename(temp, final)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        if old.exists() and not final.exists():
            os.rename(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def remove_week(outbox: Path, week: str) -> None:
    shutil.rmtree(week_dir(outbox, week))


def clean_leftovers(outbox: Path) -> None:
    """Finish what an interrupted build left: restore a week caught mid-swap, drop temp folders."""
    if not outbox.is_dir():
        return
    for entry in sorted(outbox.iterdir()):
        if _INDEX_LEFTOVER.match(entry.name):
            entry.unlink()
            continue
        match = _LEFTOVER.match(entry.name)
        if not match:
            continue
        final = outbox / match[1]
        if match[2] == "old" and not final.exists():
            os.rename(entry, final)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def flush(outbox: Path) -> None:
    """Put every week written so far on disk, in one call, before the build index says they
    are built: after a power cut, a week is either on disk or rebuilt by the next build.
    (One sync per file made a cold build of 520 weeks seconds slower.)"""
    fd = os.open(outbox, os.O_RDONLY)
    try:
        syncfs = getattr(ctypes.CDLL(None), "syncfs", None)  # Linux: only this file system
        if syncfs is None or syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)
