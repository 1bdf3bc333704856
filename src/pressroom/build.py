"""A build: read the workspace's releases, render every selected week, write the outbox.

Templates are compiled before anything is read or written, so a broken template
writes nothing; each week folder is then swapped in whole as soon as it is rendered
(see outbox.py).
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from pressroom import __version__
from pressroom.checks import Check, check_digest, failed
from pressroom.config import PLATFORMS, Config, load_config
from pressroom.dates import iso_week, week_in_words, week_monday
from pressroom.digest import compose, render_digest
from pressroom.errors import OutboxError, PressroomError, Problem
from pressroom.exporters import to_csv, to_json, to_markdown
from pressroom.index import INDEX_NAME, BuildIndex, FileEntry, load_index, save_index
from pressroom.mailer import build_eml
from pressroom.model import Release, newest_first
from pressroom.outbox import clean_leftovers, existing_weeks, flush, remove_week, write_week
from pressroom.posts import Post, posts_for
from pressroom.readers import (
    Claim,
    FileRead,
    ReadOutcome,
    Stamp,
    claim_ids,
    read_file,
    read_files,
    record_files,
    scan_records,
)
from pressroom.spool import Slot, Spool, SpoolWriter
from pressroom.templating import PACKAGED_TEMPLATES, compile_all, environment

SEEDS = "seeds"
OUTBOX = "outbox"
REPORT = "report.json"
WEEK_FILES = (
    "digest.html",
    "digest.txt",
    "digest.eml",
    "digest.mjml",
    "posts.json",
    "posts.csv",
    "posts.md",
    REPORT,
)
"""Every file a week folder holds."""
_WEEK_SPAN = timedelta(days=6)


@dataclass(frozen=True)
class WeekSelection:
    """Which weeks to build: all, some named ones, or a date range (inclusive)."""

    weeks: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    @property
    def everything(self) -> bool:
        return not self.weeks and self.since is None and self.until is None

    def wants(self, week: str) -> bool:
        if self.weeks and week not in self.weeks:
            return False
        monday = week_monday(week)
        if self.since and monday < self.since - _WEEK_SPAN:
            return False
        return not (self.until and monday > self.until)


@dataclass(frozen=True)
class WeekOutput:
    """One week's folder, in memory, and the checks of its digest."""

    week: str
    files: dict[str, bytes]
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class BuildResult:
    built: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    problems: tuple[Problem, ...]
    failed_checks: dict[str, tuple[Check, ...]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def has_problems(self) -> bool:
        return any(p.is_error for p in self.problems) or bool(self.failed_checks)


def read_workspace(workspace: Path, config: Config) -> ReadOutcome:
    return read_files(record_files(_seeds_dir(workspace)), config.tz, display_root=workspace)


def group_by_week(releases: Iterable[Release]) -> dict[str, tuple[Release, ...]]:
    weeks: dict[str, list[Release]] = defaultdict(list)
    for release in releases:
        weeks[iso_week(release.date)].append(release)
    return {week: tuple(items) for week, items in sorted(weeks.items())}


def week_drafts(
    releases: Iterable[Release], config: Config, env: jinja2.Environment, week: str
) -> tuple[Post, ...]:
    return tuple(
        post for release in newest_first(releases) for post in posts_for(release, config, env, week)
    )


def render_week(
    week: str,
    releases: tuple[Release, ...],
    config: Config,
    env: jinja2.Environment,
    inputs_hash: str,
) -> WeekOutput:
    """Every file of one week's folder, in memory."""
    digest = compose(week, releases, config)
    rendered = render_digest(digest, config, env)
    checks = check_digest(rendered.html, rendered.text)
    posts = week_drafts(releases, config, env, week)
    html = rendered.html_bytes
    heading = f"{config.newsletter.name} — {week_in_words(week, config.locale)}"
    report = {
        "week": week,
        "pressroom": __version__,
        "inputs": inputs_hash,
        "releases": [r.id for r in newest_first(releases)],
        "html_bytes": len(html),
        "ok": not failed(checks),
        "checks": [c.as_dict() for c in checks],
    }
    files = {
        "digest.html": html,
        "digest.txt": rendered.text.encode(),
        "digest.mjml": rendered.mjml.encode(),
        "digest.eml": build_eml(digest, rendered, config.newsletter),
        "posts.json": to_json(posts).encode(),
        "posts.csv": to_csv(posts).encode("utf-8-sig"),
        "posts.md": to_markdown(posts, heading).encode(),
        REPORT: (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    return WeekOutput(week, files, checks)


def templates_fingerprint(workspace: Path) -> str:
    """A hash of every template that could be used (the user's and the packaged ones)."""
    digest = hashlib.sha256()
    for folder in (workspace / "templates", PACKAGED_TEMPLATES):
        if folder.is_dir():
            for path in sorted(folder.glob("[ep]*/**/*.j2")):  # email/ and posts/
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def week_posts(
    workspace: Path, week: str, platforms: tuple[str, ...] | None = None
) -> tuple[Post, ...]:
    """One week's post drafts, composed afresh from the workspace (for ``pressroom posts``)."""
    config = load_config(workspace)
    if platforms is not None:
        unknown = [p for p in platforms if p not in PLATFORMS]
        if unknown:
            raise PressroomError(
                Problem(
                    "--platform",
                    1,
                    f"unknown platform {unknown[0]!r}",
                    f"use some of: {', '.join(PLATFORMS)}",
                )
            )
        config = replace(config, posts=replace(config.posts, platforms=platforms))
    env = environment(workspace)
    releases = group_by_week(read_workspace(workspace, config).releases).get(week, ())
    if not releases:
        raise PressroomError(
            Problem(
                str(workspace / SEEDS),
                1,
                f"no release in week {week}",
                "pick a week that has releases (see `pressroom build`)",
            )
        )
    return week_drafts(releases, config, env, week)


def build(
    workspace: Path,
    selection: WeekSelection = WeekSelection(),
    *,
    force: bool = False,
    jobs: int | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_week: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the selected weeks into workspace/outbox; raises PressroomError before any write.

    Only files whose size or modification time changed are read again, and only weeks
    whose inputs changed are rendered (``force`` renders them all). Reading and rendering
    run in ``jobs`` processes (default: one per CPU); the output is the same either way.
    """
    started = time.perf_counter()
    jobs = jobs or _usable_cpus()
    config = load_config(workspace)
    seeds, outbox = _seeds_dir(workspace), workspace / OUTBOX
    warm = (outbox / INDEX_NAME).is_file()
    with _Renderer(workspace, config, jobs, warm=warm) as renderer, Spool() as spool:
        index = load_index(outbox, f"{__version__}|{config.timezone}")
        stamps = dict(scan_records(seeds))
        prefix = len(str(seeds))
        names = {path: SEEDS + path[prefix:].replace(os.sep, "/") for path in stamps}
        stale = [(p, name) for p, name in names.items() if not _cached(index, name, stamps[p])]
        reads = {r.shown: r for r in _read_many(stale, config.timezone, jobs, spool, _preload)}
        entries = {
            name: reads[name].entry(stamps[p]) if name in reads else index.files[name]
            for p, name in names.items()
        }
        week_files, problems = _assign(entries)
        shared = json.dumps([__version__, renderer.fingerprint(), repr(config)])
        hashes = {w: _week_hash(shared, entries, files) for w, files in week_files.items()}
        wanted = [w for w in week_files if selection.wants(w)]
        to_render = [
            w
            for w in wanted
            if force or index.weeks.get(w) != hashes[w] or not (outbox / w / REPORT).exists()
        ]
        if on_plan:
            on_plan(len(to_render))
        renderer.prepare(len(to_render))  # a broken template stops the build before a write
        rendering = set(to_render)
        missing = [
            (p, name)
            for p, name in names.items()
            if name not in reads and entries[name].week in rendering
        ]
        reads.update((r.shown, r) for r in _read_many(missing, config.timezone, jobs, spool))
        releases = {w: tuple(reads[name].spooled() for name in week_files[w]) for w in to_render}
        del reads
        clean_leftovers(outbox)
        built: list[str] = []
        failed_checks: dict[str, tuple[Check, ...]] = {}
        for week, checks in renderer.render(_Batch(outbox, spool, releases, hashes)):
            built.append(week)
            if failed(checks):
                failed_checks[week] = checks
            if on_week:
                on_week(week)
    has_errors = any(p.is_error for p in problems)
    removed: list[str] = []
    if selection.everything and not has_errors:
        for week in existing_weeks(outbox):
            if week not in week_files:
                remove_week(outbox, week)
                removed.append(week)
    kept = {w: h for w, h in index.weeks.items() if w in week_files and w not in removed}
    kept.update((week, hashes[week]) for week in built)
    if kept != index.weeks or stale or len(entries) != len(index.files):
        if built or removed:
            flush(outbox)
        save_index(outbox, BuildIndex(index.key, entries, kept))
    return BuildResult(
        built=tuple(built),
        unchanged=tuple(w for w in wanted if w not in to_render),
        removed=tuple(removed),
        problems=problems,
        failed_checks=failed_checks,
        seconds=time.perf_counter() - started,
    )


def _seeds_dir(workspace: Path) -> Path:
    seeds = workspace / SEEDS
    if not seeds.is_dir():
        raise PressroomError(
            Problem(
                str(seeds),
                1,
                "no seeds/ folder in the workspace",
                "create seeds/ with release files, or pass -C DIR",
            )
        )
    return seeds


def _cached(index: BuildIndex, name: str, stamp: Stamp) -> bool:
    entry = index.files.get(name)
    return entry is not None and entry.matches(stamp)


def _assign(entries: dict[str, FileEntry]) -> tuple[dict[str, list[str]], tuple[Problem, ...]]:
    """Files per week, in name order, duplicates reported (see claim_ids)."""
    names = list(entries)
    kept, problems = claim_ids(
        Claim(
            name,
            entries[name].release_id if entries[name].week else None,
            entries[name].line,
            entries[name].problems,
        )
        for name in names
    )
    weeks: dict[str, list[str]] = defaultdict(list)
    for index in kept:
        weeks[str(entries[names[index]].week)].append(names[index])
    return dict(sorted(weeks.items())), problems


def _week_hash(shared: str, entries: dict[str, FileEntry], files: list[str]) -> str:
    digest = hashlib.sha256(shared.encode())
    for name in files:
        digest.update(f"{name}\0{entries[name].digest}\0".encode())
    return digest.hexdigest()


def _write(outbox: Path, output: WeekOutput) -> None:
    try:
        write_week(outbox, output.week, output.files)
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


# Processes: reading fans out over files, rendering over weeks. Readers put each release
# in the spool; render workers are forked once everything is read, so they inherit the
# config and the compiled templates, take their weeks' releases from the spool, and each
# writes the weeks it renders.

PARALLEL_MIN_FILES = 200
PARALLEL_MIN_WEEKS = 4


@dataclass(frozen=True, slots=True)
class _Read:
    """A file as read, kept small until its week renders: where its release lies in the
    spool, beside what the build index and the week plan need."""

    shown: str
    digest: str
    problems: tuple[Problem, ...]
    week: str | None
    release_id: str | None
    line: int
    slot: Slot | None

    @classmethod
    def of(cls, read: FileRead, spool: SpoolWriter) -> _Read:
        release = read.release
        if release is None:
            return cls(read.shown, read.digest, read.problems, None, None, 1, None)
        return cls(
            read.shown,
            read.digest,
            read.problems,
            iso_week(release.date),
            release.id,
            release.source.line,
            spool.add(release),
        )

    def entry(self, stamp: Stamp) -> FileEntry:
        return FileEntry(
            stamp.size,
            stamp.mtime_ns,
            self.digest,
            self.week,
            self.release_id,
            self.line,
            self.problems,
        )

    def spooled(self) -> Slot:
        assert self.slot is not None, self.shown
        return self.slot


@dataclass(frozen=True)
class _Batch:
    """The weeks a build renders, as the build hands them to whoever renders them."""

    outbox: Path
    spool: Spool
    releases: dict[str, tuple[Slot, ...]]
    """Where the releases of every week to render lie, by week."""
    hashes: dict[str, str]


@dataclass(frozen=True)
class _RenderJob:
    config: Config
    env: jinja2.Environment
    batch: _Batch


_job: _RenderJob | None = None


class _Renderer:
    """Renders the weeks a build needs: in this process, or in forked workers for many.

    A build with an index to start from (an incremental one) forks a warm worker first:
    while this process scans the seeds, the worker hashes and compiles the templates and
    imports what rendering needs (twitter-text, premailer, mjml: 0.3-0.4 s). When only a
    few weeks changed, they are handed to it; otherwise it is stopped.
    """

    def __init__(self, workspace: Path, config: Config, jobs: int, *, warm: bool) -> None:
        self._workspace, self._config, self._jobs = workspace, config, jobs
        self._warm = _WarmWorker(workspace, config) if warm and _may_fork(jobs) else None
        self._env: jinja2.Environment | None = None

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_warm()

    def fingerprint(self) -> str:
        """The templates' hash, read before they are compiled (an edit in between shows
        in the next build's hash)."""
        return self._warm.fingerprint() if self._warm else templates_fingerprint(self._workspace)

    def prepare(self, weeks: int) -> None:
        """Compile the templates for the weeks to render; raises on a broken one."""
        if self._warm and 0 < weeks < PARALLEL_MIN_WEEKS:
            self._warm.compiled()
            return
        self._stop_warm()
        self._env = environment(self._workspace)
        if weeks:
            compile_all(self._env)

    def render(self, batch: _Batch) -> Iterator[tuple[str, tuple[Check, ...]]]:
        if self._warm:
            return self._warm.render(batch)
        assert self._env is not None, "prepare() first"
        return _render_many(_RenderJob(self._config, self._env, batch), self._jobs)

    def _stop_warm(self) -> None:
        if self._warm:
            self._warm.stop()
            self._warm = None


class _WarmWorker:
    """The forked process of an incremental build, and what it says through its pipe:
    the templates' fingerprint, then whether they compiled, then each week it wrote."""

    def __init__(self, workspace: Path, config: Config) -> None:
        context = multiprocessing.get_context("fork")
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(
            target=_warm_worker, args=(theirs, workspace, config, os.getpid()), daemon=True
        )
        self._process.start()
        theirs.close()

    def fingerprint(self) -> str:
        return str(self._receive())

    def compiled(self) -> None:
        if problem := self._receive():
            raise problem

    def render(self, batch: _Batch) -> Iterator[tuple[str, tuple[Check, ...]]]:
        self._pipe.send(batch)
        for _ in batch.releases:
            answer = self._receive()
            if isinstance(answer, Exception):
                raise answer
            yield answer

    def stop(self) -> None:
        """Ends the worker at once, done or not needed; a week it was writing when the build
        stopped is left whole, old or new (see outbox.py)."""
        self._process.kill()
        self._process.join()
        self._pipe.close()

    def _receive(self) -> Any:
        try:
            return self._pipe.recv()
        except EOFError:
            raise RuntimeError(
                f"the render worker stopped (exit code {self._process.exitcode}); see above"
            ) from None


def _warm_worker(pipe: Connection, workspace: Path, config: Config, parent: int) -> None:
    global _job
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's: it stops this worker
    pipe.send(templates_fingerprint(workspace))
    env = environment(workspace)
    try:
        compile_all(env)
    except PressroomError as exc:
        pipe.send(exc)
        return
    pipe.send(None)
    _preload()
    batch: _Batch = pipe.recv()
    _job = _RenderJob(config, env, batch)
    try:
        for week in batch.releases:
            pipe.send(_render_and_write(week))
    except (PressroomError, OutboxError) as exc:
        pipe.send(exc)


def _usable_cpus() -> int:
    """CPUs this process may run on: a container's limit, not the host's count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _processes(jobs: int, tasks: int, minimum: int) -> int:
    """How many worker processes: one (no pool) for small work or without fork."""
    return jobs if tasks >= minimum and _may_fork(jobs) else 1


def _may_fork(jobs: int) -> bool:
    return jobs >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _read_many(
    files: list[tuple[str, str]],
    timezone: str,
    jobs: int,
    spool: Spool,
    meanwhile: Callable[[], None] | None = None,
) -> list[_Read]:
    """Read files (path, shown name) into the spool, in processes for many; ``meanwhile``
    runs in this one while they read."""
    if not files:
        return []
    processes = _processes(jobs, len(files), PARALLEL_MIN_FILES)
    if processes == 1:
        return _read_chunk((files, timezone, spool, spool.new_files(1)[0]))
    count = processes * 4
    chunks = [
        (files[i::count], timezone, spool, file) for i, file in enumerate(spool.new_files(count))
    ]
    with _pool(processes) as pool:
        results = pool.map(_read_chunk, chunks)
        if meanwhile:
            meanwhile()
        return [read for chunk in results for read in chunk]


def _pool(processes: int) -> ProcessPoolExecutor:
    """Forked workers (they inherit what this process holds) that die with it."""
    return ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


def _read_chunk(args: tuple[list[tuple[str, str]], str, Spool, int]) -> list[_Read]:
    files, timezone, spool, file = args
    tz = ZoneInfo(timezone)
    with spool.writer(file) as writer:
        return [_Read.of(read_file(Path(path), tz, shown), writer) for path, shown in files]


def _preload() -> None:
    """Import what rendering needs, and fill its first caches, before any week renders:
    in the parent before render workers are forked, or in the warm worker."""
    import mjml  # noqa: F401

    from pressroom.counting import x_length
    from pressroom.digest import inline_css

    inline_css("<html><head><style>/* pressroom:inline */ p { color: red }</style></head></html>")
    x_length("pressroom.example")


def _render_many(job: _RenderJob, jobs: int) -> Iterator[tuple[str, tuple[Check, ...]]]:
    """Render and write every week of the job; yields each week and its checks as it lands."""
    global _job
    _job = job
    weeks = list(job.batch.releases)
    processes = _processes(jobs, len(weeks), PARALLEL_MIN_WEEKS)
    try:
        if processes == 1:
            yield from map(_render_and_write, weeks)
            return
        gc.freeze()  # the workers share this process's objects: keep the collector off them
        with _pool(processes) as pool:
            try:
                yield from pool.map(
                    _render_and_write, weeks, chunksize=max(1, len(weeks) // (processes * 8))
                )
            except BaseException:
                pool.shutdown(cancel_futures=True)  # a failed write stops the weeks not begun
                raise
    finally:
        _job = None
        gc.unfreeze()


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a killed build: render workers write weeks, and would race
    the next build."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _render_and_write(week: str) -> tuple[str, tuple[Check, ...]]:
    assert _job is not None
    batch = _job.batch
    releases = batch.spool.load(batch.releases[week])
    output = render_week(week, releases, _job.config, _job.env, batch.hashes[week])
    _write(batch.outbox, output)
    return week, output.checks
