"""The outbox: its layout, and a writer that replaces a week folder whole or not at all.

Layout::

    outbox/
      .pressroom-index.json   the build index (see build.index)
      index.html feed.xml     the web archive of the weeks (ARCHIVE_FILES)
      2026-W04/               one folder per ISO week, holding exactly WEEK_FILES, and
        assets/               the workspace images its digest shows (ASSETS), when it has any

Nothing is ever written outside the outbox. A week folder is written aside
(``.2026-W04.tmp-PID``) and renamed into place; the one it replaces is moved aside
(``.2026-W04.old-PID``) first, so after a crash at any moment each week is whole, old or
new, or set aside for ``clean_leftovers`` to restore. The web archive's files are
``pipeline.archive``'s to write.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import mimetypes
import os
import re
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from pressroom.errors import OutboxError, Problem
from pressroom.weeks import WEEK_PAGE, WEEK_PATTERN, is_week

OUTBOX = "outbox"
"""The outbox folder, in the workspace."""
INDEX_NAME = ".pressroom-index.json"
REPORT = "report.json"
WEEK_FILES = (
    WEEK_PAGE,
    "digest.txt",
    "digest.eml",
    "digest.mjml",
    "posts.json",
    "posts.csv",
    "posts.md",
    REPORT,
)
"""Every file a week folder holds, and nothing else (but its ASSETS folder)."""
ASSETS = "assets"
"""The workspace's folder of images (a release states ``image: assets/NAME``), and the
folder of a week that holds a copy of those its digest shows, at the same path."""
ARCHIVE_INDEX = "index.html"
ARCHIVE_FEED = "feed.xml"
ARCHIVE_FILES = (ARCHIVE_INDEX, ARCHIVE_FEED)
"""The web archive beside the week folders: the weeks' page and their Atom feed."""
_LEFTOVER = re.compile(rf"^\.({WEEK_PATTERN})\.(tmp|old)-\d+$")
_FILE_LEFTOVER = re.compile(
    rf"^\.?({'|'.join(re.escape(n) for n in (INDEX_NAME, *ARCHIVE_FILES))})\.tmp-\d+$"
)


def week_dir(outbox: Path, week: str) -> Path:
    if not is_week(week):
        raise ValueError(f"not an ISO week: {week!r}")
    return outbox / week


def week_asset(outbox: Path, week: str, name: str) -> Path | None:
    """A week folder's image ``name`` (``assets/...``), or None: no hidden or parent part,
    nothing outside the week's ASSETS folder, images only (what the preview serves)."""
    parts = name.split("/")
    if any(not part or part.startswith(".") for part in parts):
        return None
    folder = week_dir(outbox, week)
    path = folder.joinpath(*parts)
    try:
        inside = path.resolve(strict=True).is_relative_to((folder / ASSETS).resolve())
    except OSError:
        return None
    kind = mimetypes.guess_type(path.name)[0] or ""
    return path if inside and path.is_file() and kind.startswith("image/") else None


def existing_weeks(outbox: Path) -> list[str]:
    if not outbox.is_dir():
        return []
    return sorted(p.name for p in outbox.iterdir() if p.is_dir() and is_week(p.name))


def write_week(
    outbox: Path, week: str, files: dict[str, bytes], assets: Mapping[str, Path] | None = None
) -> None:
    """Write into a temporary folder, then swap it in; a crash leaves the old or the new week.

    ``assets`` are copied in with the files: each file's path in the week folder (under
    ASSETS) and the file to copy. Nothing is synced to disk here: ``flush`` does it once for
    the whole build.
    """
    unknown = set(files) - set(WEEK_FILES)
    if unknown:
        raise ValueError(f"not a week file: {sorted(unknown)[0]!r}")
    assets = assets or {}
    for name in assets:
        parts = PurePosixPath(name).parts
        if len(parts) < 2 or parts[0] != ASSETS or ".." in parts or name.startswith("/"):
            raise ValueError(f"not a path under {ASSETS}/: {name!r}")
    final = week_dir(outbox, week)
    outbox.mkdir(parents=True, exist_ok=True)
    temp = outbox / f".{week}.tmp-{os.getpid()}"
    old = outbox / f".{week}.old-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    try:
        for name, data in files.items():
            with open(temp / name, "wb") as handle:
                handle.write(data)
        for name, source in assets.items():
            (temp / name).parent.mkdir(parents=True, exist_ok=True)
            with open(source, "rb") as original, open(temp / name, "wb") as copy:
                shutil.copyfileobj(original, copy)
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
        if _FILE_LEFTOVER.match(entry.name):
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
    are built: after a power cut, a week is either on disk or rebuilt by the next build."""
    fd = os.open(outbox, os.O_RDONLY)
    try:
        syncfs = getattr(ctypes.CDLL(None), "syncfs", None)  # Linux: only this file system
        if syncfs is None or syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


def record_audit(outbox: Path, week: str, checks: Sequence[Mapping[str, object]]) -> None:
    """Write an audit's checks into a built week's report (``audit``), replacing the file
    whole; a week without a readable report is left alone."""
    report_path = week_dir(outbox, week) / REPORT
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    report["audit"] = list(checks)
    temp = report_path.with_name(f".{REPORT}.tmp-{os.getpid()}")
    temp.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, report_path)


LOCK_WAIT = 10.0
"""Seconds a build waits for another build of the same workspace to end."""


@contextmanager
def build_lock(workspace: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One build at a time per workspace: an exclusive ``flock`` on the workspace folder
    itself (no lock file to write or leave behind; released when the process ends, killed
    or not). Waits up to ``wait`` seconds for another build, then raises OutboxError
    (exit 3): two builds writing one outbox at once lost each other's files."""
    fd = os.open(workspace, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutboxError(
                        Problem(
                            str(workspace / OUTBOX),
                            1,
                            f"another build of this workspace is running (waited {wait:g} s)",
                            "wait for it to end, then build again",
                        )
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)
