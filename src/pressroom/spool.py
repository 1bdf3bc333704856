"""Releases read but not yet rendered, pickled into a temporary folder.

A build reads every release before it knows which weeks to render; holding them all in
memory made it grow by about 2.5 KB per release. The spool keeps them on disk (under
TMPDIR) and the build keeps only where each one lies: a few dozen bytes. The folder is
named after the build's process (and, on Linux, its PID namespace: containers may share
a TMPDIR), so that the next build removes one a killed build left.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from pressroom.errors import OutboxError, Problem
from pressroom.model import Release


class Slot(NamedTuple):
    """Where one pickled release lies: which spool file, and its bytes in it."""

    file: int
    offset: int
    length: int


class Spool:
    """A temporary folder of append-only files, one per reader; removed on exit.

    Forked processes share it: each writes its own files, numbered by the build.
    """

    def __init__(self) -> None:
        temp = Path(tempfile.gettempdir())
        _remove_abandoned(temp)
        try:
            self._folder = Path(tempfile.mkdtemp(prefix=folder_prefix(os.getpid())))
        except OSError as exc:
            raise _cannot_write(temp, exc) from exc
        self._files = 0

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)

    def new_files(self, count: int) -> range:
        """Numbers for ``count`` more files, one for each reader about to start."""
        self._files += count
        return range(self._files - count, self._files)

    def writer(self, file: int) -> SpoolWriter:
        return SpoolWriter(self._folder / str(file), file)

    def load(self, slots: Iterable[Slot]) -> tuple[Release, ...]:
        """The releases, in the order of their slots; each file is opened once."""
        slots = tuple(slots)
        by_file: dict[int, list[int]] = defaultdict(list)
        for position, slot in enumerate(slots):
            by_file[slot.file].append(position)
        releases: dict[int, Release] = {}
        for file, positions in by_file.items():
            descriptor = os.open(self._folder / str(file), os.O_RDONLY)
            try:
                for position in positions:
                    slot = slots[position]
                    releases[position] = pickle.loads(
                        os.pread(descriptor, slot.length, slot.offset)
                    )
            finally:
                os.close(descriptor)
        return tuple(releases[position] for position in range(len(slots)))


class SpoolWriter:
    """One reader's spool file: each release is pickled onto its end."""

    def __init__(self, path: Path, file: int) -> None:
        self._path, self._file = path, file
        try:
            self._handle = open(path, "ab")  # noqa: SIM115 - closed by __exit__
        except OSError as exc:
            raise _cannot_write(path, exc) from exc

    def __enter__(self) -> SpoolWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._handle.close()
        except OSError as error:
            raise _cannot_write(self._path, error) from error

    def add(self, release: Release) -> Slot:
        data = pickle.dumps(release, pickle.HIGHEST_PROTOCOL)
        try:
            offset = self._handle.tell()
            self._handle.write(data)
        except OSError as exc:
            raise _cannot_write(self._path, exc) from exc
        return Slot(self._file, offset, len(data))


_PREFIX = "pressroom-spool-"


def _pid_namespace() -> int:
    try:
        return os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        return 0  # not Linux: PIDs are the machine's


_NAMESPACE = _pid_namespace()


def folder_prefix(pid: int) -> str:
    """How the spool folder of the build running as ``pid`` (in this PID namespace) starts."""
    return f"{_PREFIX}{_NAMESPACE}.{pid}-"


def _cannot_write(path: Path, exc: OSError) -> OutboxError:
    return OutboxError(
        Problem(
            str(path),
            1,
            f"cannot write the build's temporary copy of the releases: {exc.strerror or exc}",
            "free disk space there or set TMPDIR to a writable folder; the outbox was left "
            "as it was",
        )
    )


def _remove_abandoned(temp: Path) -> None:
    """Remove the spools of builds that no longer run (killed: they could not clean up)."""
    try:
        with os.scandir(temp) as entries:
            abandoned = [e.path for e in entries if e.name.startswith(_PREFIX) and _gone(e.name)]
    except OSError:
        return  # a folder we may write in but not list: nothing of ours to find there
    for path in abandoned:
        shutil.rmtree(path, ignore_errors=True)


def _gone(name: str) -> bool:
    """Whether the build a spool folder names has ended: one of this PID namespace whose
    process is no more (a reused PID only keeps a folder longer)."""
    namespace, _, pid = name[len(_PREFIX) :].partition("-")[0].partition(".")
    if namespace != str(_NAMESPACE) or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # someone else's process
    return False
