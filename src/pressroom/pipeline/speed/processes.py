"""Reading and rendering, in this process or fanned out over forked ones (files for
reading, weeks for rendering). ``runner.Runner`` picks; nothing else calls the pools.

Invariants:

- Workers are forked (they inherit the config and the compiled templates) and die with
  the build (Linux ``PR_SET_PDEATHSIG``): a worker left behind by a killed build would
  race the next build's writes.
- A render worker writes each week it renders (see ``outbox.write_week``) and returns
  only the week's name, checks and archive summary; the output is the same bytes as a
  serial build.
- Small work runs in this process: forking costs more than it saves below
  ``PARALLEL_MIN_FILES`` files or ``PARALLEL_MIN_WEEKS`` weeks.
- The plain functions (``read_here``, ``render_here``) use no device at all: the serial
  path (``--jobs 1``) is nothing but them.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import jinja2

from pressroom.compose.week import compose_week
from pressroom.config import Config
from pressroom.errors import OutboxError, PressroomError, Problem
from pressroom.lexicon import Lexicons
from pressroom.model import ImageFile, Release, WeekPlan
from pressroom.outbox import OUTBOX, write_week
from pressroom.pipeline.archive import ArchivedWeek, archived_week
from pressroom.readers.files import FileRead, read_file
from pressroom.render.checks import Check
from pressroom.render.templates import PostTemplates
from pressroom.render.week import WeekOutput, render_week
from pressroom.text.freshstack import on_fresh_stack

PARALLEL_MIN_FILES = 200
PARALLEL_MIN_WEEKS = 4


class Rendered(NamedTuple):
    """A week written to the outbox: its digest's checks, and its summary for the web
    archive (the archive then needs not read back the report just written)."""

    week: str
    checks: tuple[Check, ...]
    summary: ArchivedWeek | None
    failure: Problem | None = None
    """Why the week was not rendered (its content broke a template or MJML, say): nothing
    of it was written, its previous folder is kept."""


@dataclass(frozen=True)
class Batch:
    """The weeks a build renders, as it hands them to whoever renders them."""

    outbox: Path
    releases: dict[str, tuple[Release, ...]]
    """The releases of every week to render, by week."""
    hashes: dict[str, str]
    """Each week's inputs hash, for its report."""
    workspace: Path
    """Where the images under ``assets/`` are copied from."""
    images: dict[str, ImageFile] = field(default_factory=dict)
    """The facts of the workspace images the releases name, by path (``assets/...``)."""
    plans: dict[str, WeekPlan] = field(default_factory=dict)
    """The week file of the weeks that have one."""


@dataclass(frozen=True)
class RenderJob:
    config: Config
    env: jinja2.Environment
    batch: Batch


def usable_cpus() -> int:
    """CPUs this process may run on: a container's limit, not the host's count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def may_fork(jobs: int) -> bool:
    return jobs >= 2 and "fork" in multiprocessing.get_all_start_methods()


def read_here(
    files: list[tuple[str, str]], timezone: str, workspace: Path, lexicons: Lexicons
) -> list[FileRead]:
    """Read files given as (path, name), and the images they name under the workspace's
    assets/, with the word lists of ``lexicons``, in this process, one after the other."""
    tz = ZoneInfo(timezone)
    return [read_file(Path(path), tz, name, workspace, lexicons) for path, name in files]


def read_many(
    files: list[tuple[str, str]],
    timezone: str,
    workspace: Path,
    lexicons: Lexicons,
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> list[FileRead]:
    """``read_here``, in ``jobs`` forked processes for many files; ``meanwhile`` runs in
    this process while they read."""
    if not files:
        return []
    processes = _processes(jobs, len(files), PARALLEL_MIN_FILES)
    if processes == 1:
        return read_here(files, timezone, workspace, lexicons)
    count = processes * 4
    chunks = [(files[i::count], timezone, workspace, lexicons) for i in range(count)]
    with _pool(processes) as pool:
        results = pool.map(_read_chunk, chunks)
        if meanwhile:
            meanwhile()
        return [read for chunk in results for read in chunk]


def render_here(job: RenderJob) -> Iterator[Rendered]:
    """Render and write every week of the job in this process, one after the other; yields
    each week and its checks as it lands."""
    for week in job.batch.releases:
        yield render_and_write(job, week)


def render_many(job: RenderJob, jobs: int) -> Iterator[Rendered]:
    """``render_here``, in ``jobs`` forked processes for many weeks."""
    weeks = list(job.batch.releases)
    processes = _processes(jobs, len(weeks), PARALLEL_MIN_WEEKS)
    if processes == 1:
        yield from render_here(job)
        return
    gc.freeze()  # the workers share this process's objects: keep the collector off them
    with _pool(processes, job) as pool:  # (the runner unfreezes them at the build's end)
        try:
            yield from pool.map(
                _render_in_worker, weeks, chunksize=max(1, len(weeks) // (processes * 8))
            )
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a failed write stops the weeks not begun
            raise


def render_and_write(job: RenderJob, week: str) -> Rendered:
    batch, config = job.batch, job.config
    try:
        composed = compose_week(
            week,
            batch.releases[week],
            config,
            batch.plans.get(week),
            batch.images,
            PostTemplates(job.env),
        )
        output = render_week(composed, config, job.env, batch.hashes[week], batch.images)
    except Exception as exc:  # one week's content: that week's problem, not the build's end
        return Rendered(week, (), None, week_failure(week, exc))
    _write(batch, output)
    return Rendered(week, output.checks, archived_week(output.report))


def week_failure(week: str, exc: Exception) -> Problem:
    """What a week's rendering raised, as a problem located where the error points."""
    if isinstance(exc, PressroomError):
        return exc.problem
    return Problem(
        f"{OUTBOX}/{week}",
        1,
        f"cannot render the week ({type(exc).__name__}: {exc})",
        "look in its releases for what the templates choke on",
    )


def die_with_parent(parent: int) -> None:
    """End this process when the build that forked it ends, and at once if it already has."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _processes(jobs: int, tasks: int, minimum: int) -> int:
    """How many worker processes: one (no pool) for small work or without fork."""
    return jobs if tasks >= minimum and may_fork(jobs) else 1


def _pool(processes: int, job: RenderJob | None = None) -> ProcessPoolExecutor:
    """Forked workers that die with this process; a render job reaches them through the
    initializer (inherited at fork, never pickled)."""
    return ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(), job),
    )


_worker_job: RenderJob | None = None
"""In a render worker only: the job its initializer received."""


def _start_worker(parent: int, job: RenderJob | None) -> None:
    global _worker_job
    die_with_parent(parent)
    ignore_interrupts()
    _worker_job = job


def _render_in_worker(week: str) -> Rendered:
    assert _worker_job is not None, "a render worker starts with its job"
    return render_and_write(_worker_job, week)


def _read_chunk(args: tuple[list[tuple[str, str]], str, Path, Lexicons]) -> list[FileRead]:
    return read_here(*args)


def _write(batch: Batch, output: WeekOutput) -> None:
    outbox = batch.outbox
    assets = {path: batch.workspace / path for path in output.assets}
    try:
        write_week(outbox, output.week, output.files, assets)
    except OSError as exc:
        raise OutboxError(
            Problem(
                str(outbox / output.week),
                1,
                f"cannot write the week: {exc.strerror or exc}",
                "free disk space or make outbox/ writable; this week and those not yet "
                "written were left as they were",
            )
        ) from exc


def preload() -> None:
    """Import what rendering needs and fill its first caches, before any week renders: in
    the build while its readers work, or in the warm worker. On a stack of its own
    (``text.freshstack``): twitter-text's patterns compile deep."""
    on_fresh_stack(_preload, "preload")


def _preload() -> None:
    import mjml  # noqa: F401

    from pressroom.render.inline import inline_css
    from pressroom.text.counting import x_length

    inline_css("<html><head><style>/* pressroom:inline */ p { color: red }</style></head></html>")
    x_length("pressroom.example")


def ignore_interrupts() -> None:
    """Ctrl-C is the build's to handle: a worker that got it too would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
