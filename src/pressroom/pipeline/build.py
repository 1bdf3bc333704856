"""A build: read the workspace's releases, render every selected week, write the outbox.

Order of work, and why:

1. the config and the build index are loaded, the seeds are stat'ed: a file whose stamp
   did not change is not read again;
2. weeks are planned from the index's entries: a week whose inputs hash did not change
   (and whose folder is there) is not rendered again;
3. the templates are compiled: a broken one stops the build before any write;
4. each week folder is rendered and swapped in whole as soon as it is ready;
5. the web archive (index.html, feed.xml) is made from every week folder's report
   (pipeline/archive.py), so it stays right after a partial build without rendering a week;
6. the disk is synced once, then the index records the weeks built.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pressroom import __version__
from pressroom.compose.posts import check_overrides
from pressroom.compose.week import arranged
from pressroom.config import Config, load_config
from pressroom.errors import OutboxError, Problem, SetupError
from pressroom.lexicon import PACKAGED, Lexicons
from pressroom.model import Release, WeekPlan
from pressroom.outbox import (
    INDEX_NAME,
    LOCK_WAIT,
    OUTBOX,
    build_lock,
    clean_leftovers,
    existing_weeks,
    flush,
    remove_week,
)
from pressroom.pipeline.archive import WebArchive
from pressroom.pipeline.index import BuildIndex, load_index, save_index
from pressroom.pipeline.plan import WeekSelection, files_by_week, group_by_week, week_hash
from pressroom.pipeline.reads import (
    entry_holds,
    file_entry,
    file_stamps,
    read_changed,
)
from pressroom.pipeline.speed.processes import Batch
from pressroom.pipeline.speed.runner import Runner, preload
from pressroom.readers.files import read_files, release_of
from pressroom.readers.lexicons import read_lexicons
from pressroom.readers.weekfile import check_plan, read_week_plan, read_week_plans
from pressroom.render.checks import Check, failed

SEEDS = "seeds"
EVERY_WEEK = WeekSelection()

__all__ = [
    "SEEDS",
    "BuildResult",
    "WeekInputs",
    "WeekSelection",
    "build",
    "preload",
    "week_inputs",
]


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


def build(
    workspace: Path,
    selection: WeekSelection = EVERY_WEEK,
    *,
    force: bool = False,
    jobs: int | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_week: Callable[[str], None] | None = None,
    lock_wait: float = LOCK_WAIT,
) -> BuildResult:
    """Build the selected weeks into workspace/outbox; raises SetupError before any write.

    ``force`` renders every selected week. Reading and rendering run in ``jobs``
    processes (default: one per CPU; 1: all in this process, see speed.runner); the
    output is the same either way. One build at a time per workspace: another waits
    ``lock_wait`` seconds, then raises OutboxError.
    """
    with build_lock(workspace, lock_wait):
        return _build(workspace, selection, force, jobs, on_plan, on_week)


def _build(
    workspace: Path,
    selection: WeekSelection,
    force: bool,
    jobs: int | None,
    on_plan: Callable[[int], None] | None,
    on_week: Callable[[str], None] | None,
) -> BuildResult:
    started = time.perf_counter()
    config = load_config(workspace)
    lexicons = read_lexicons(workspace)
    plans = read_week_plans(workspace)
    seeds, outbox = _seeds_dir(workspace), workspace / OUTBOX
    # an outbox with an index: the warm worker starts first, its start is the longest wait
    with Runner(
        workspace, config, jobs, lexicons, incremental=(outbox / INDEX_NAME).is_file()
    ) as runner:
        index = load_index(outbox, _index_key(config, lexicons))
        web_archive = WebArchive(workspace, outbox, config, index.web_archive, index.archived)
        stamps = file_stamps(seeds, SEEDS)
        stale = [
            (path, name)
            for name, (path, stamp) in stamps.items()
            if not entry_holds(index, name, stamp, workspace)
        ]
        reads = {
            r.name: r
            for r in read_changed(
                stale,
                stamps,
                config.timezone,
                workspace,
                lexicons,
                lambda files: runner.read(files, preload_meanwhile=True),
            )
        }
        entries = {
            name: file_entry(reads[name], stamp) if name in reads else index.files[name]
            for name, (_, stamp) in stamps.items()
        }
        week_files, problems = files_by_week(entries)
        for week, plan in list(plans.items()):
            names = week_files.get(week, [])
            plans[week] = check_plan(plan, [str(entries[n].release_id) for n in names], names)
        shared = json.dumps([__version__, runner.fingerprint(), repr(config), lexicons.key])
        hashes = {
            w: week_hash(shared, entries, files, plans[w].sha256 if w in plans else "")
            for w, files in week_files.items()
        }
        wanted = [w for w in week_files if selection.wants(w)]
        to_render = [
            w
            for w in wanted
            if force or index.weeks.get(w) != hashes[w] or w not in web_archive.reports
        ]
        if on_plan:
            on_plan(len(to_render))
        runner.prepare(len(to_render))  # a broken template stops the build before a write
        gone = selection.everything and not set(existing_weeks(outbox)) <= set(week_files)
        web_archive.prepare(weeks_change=bool(to_render) or gone)
        rendering = set(to_render)
        missing = [
            (path, name)
            for name, (path, _) in stamps.items()
            if name not in reads and entries[name].week in rendering
        ]
        reads.update(
            (r.name, r)
            for r in read_changed(
                missing, stamps, config.timezone, workspace, lexicons, runner.read
            )
        )
        releases = {w: tuple(release_of(reads[name]) for name in week_files[w]) for w in to_render}
        images = {
            read.image.path: read.image
            for week in to_render
            for read in (reads[name] for name in week_files[week])
            if read.image
        }
        del reads
        # an override over its limit is the editor's to shorten: stop before any write (a
        # release the week file excludes has no posts, so none is checked)
        check_overrides(
            (r for w, rs in releases.items() for r in arranged(rs, plans.get(w))),
            config.posts.platforms,
        )
        clean_leftovers(outbox)
        built: list[str] = []
        failed_checks: dict[str, tuple[Check, ...]] = {}
        batch = Batch(outbox, releases, hashes, workspace, images, plans)
        failures: dict[str, Problem] = {}
        for week, checks, summary, failure in runner.render(batch):
            if failure:  # that week's content broke its rendering: its old folder stays
                failures[week] = failure
                continue
            built.append(week)
            web_archive.written(week, summary)
            if failed(checks):
                failed_checks[week] = checks
            if on_week:
                on_week(week)
        problems = (*problems, *_week_problems(failures, built))
    removed: list[str] = []
    if selection.everything and not any(p.is_error for p in problems):
        for week in existing_weeks(outbox):
            if week not in week_files:
                remove_week(outbox, week)
                removed.append(week)
    archive_failed: OutboxError | None = None
    try:
        archive_hash = web_archive.finish(weeks_changed=bool(built or removed))
    except OutboxError as exc:  # the weeks are written all the same: the index says so
        archive_hash, archive_failed = "", exc
    kept = {w: h for w, h in index.weeks.items() if w in week_files and w not in removed}
    kept.update((week, hashes[week]) for week in built)
    if (
        kept != index.weeks
        or stale
        or len(entries) != len(index.files)
        or archive_hash != index.web_archive
    ):
        if built or removed:
            flush(outbox)
        save_index(outbox, BuildIndex(index.key, entries, kept, archive_hash, web_archive.kept()))
    if archive_failed:
        raise archive_failed
    return BuildResult(
        built=tuple(built),
        unchanged=tuple(w for w in wanted if w not in to_render),
        removed=tuple(removed),
        problems=problems,
        failed_checks=failed_checks,
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True)
class WeekInputs:
    """One week as the workspace holds it now, for ``compose_week``: what ``pressroom week``,
    ``pressroom posts`` and the preview's editor view show."""

    releases: tuple[Release, ...]
    problems: tuple[Problem, ...]
    """Its release files' problems, warnings included (a mojibake repaired, say)."""
    plan: WeekPlan | None
    """Its week file, checked against its releases; None when it has none."""


def week_inputs(
    workspace: Path, week: str, config: Config | None = None, *, with_plan: bool = True
) -> WeekInputs:
    """One week's releases, their files' problems and its week file (unless ``with_plan``
    is false), read afresh."""
    config = config or load_config(workspace)
    lexicons = read_lexicons(workspace)
    seeds = _seeds_dir(workspace)
    index = load_index(workspace / OUTBOX, _index_key(config, lexicons))
    paths = [  # the build index spares reading the files of other weeks that did not change
        Path(path)
        for name, (path, stamp) in file_stamps(seeds, SEEDS).items()
        if not entry_holds(index, name, stamp, workspace) or index.files[name].week == week
    ]
    outcome = read_files(
        paths, config.tz, relative_to=workspace, workspace=workspace, lexicons=lexicons
    )
    releases = group_by_week(outcome.releases).get(week, ())
    if not releases:
        raise SetupError(
            Problem(
                str(seeds),
                1,
                f"no release in week {week}",
                "pick a week that has releases (see `pressroom build`)",
            )
        )
    plan = read_week_plan(workspace, week) if with_plan else None
    if plan:
        plan = check_plan(plan, [r.id for r in releases], [r.source.path for r in releases])
    names = {r.source.path for r in releases}
    problems = tuple(p for p in outcome.problems if p.path in names)
    return WeekInputs(releases, problems, plan)


def _week_problems(failures: dict[str, Problem], built: list[str]) -> list[Problem]:
    """The weeks that failed, each its own problem; one same failure in every week (a
    template broken whatever the content) stops the build as a setup error, as nothing
    was written (exit 2)."""
    if failures and not built and len(set(failures.values())) == 1:
        raise SetupError(next(iter(failures.values())))
    hint = "its previous folder is kept; look in its releases for what the template chokes on"
    return [
        Problem(p.path, p.line, f"week {week} not built: {p.message}", hint)
        for week, p in failures.items()
    ]


def _index_key(config: Config, lexicons: Lexicons) -> str:
    """What the index's entries hold for: pressroom's version, the time zone and the
    workspace's word lists (they change the quotes' speakers, so every week)."""
    key = f"{__version__}|{config.timezone}"
    return key if lexicons == PACKAGED else f"{key}|{lexicons.key}"


def _seeds_dir(workspace: Path) -> Path:
    seeds = workspace / SEEDS
    if not seeds.is_dir():
        raise SetupError(
            Problem(
                str(seeds),
                1,
                "no seeds/ folder in the workspace",
                "create seeds/ with release files, or pass -C DIR",
            )
        )
    return seeds
