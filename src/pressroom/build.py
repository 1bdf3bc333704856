"""A build: read the workspace's releases, render every selected week, write the outbox.

Everything is rendered in memory before anything is written, so a template error
writes nothing; each week folder is then swapped in whole (see outbox.py).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import jinja2

from pressroom import __version__
from pressroom.checks import Check, check_digest, failed
from pressroom.config import PLATFORMS, Config, load_config
from pressroom.dates import iso_week, week_in_words, week_monday
from pressroom.digest import compose, render_digest
from pressroom.errors import OutboxError, PressroomError, Problem
from pressroom.exporters import to_csv, to_json, to_markdown
from pressroom.mailer import build_eml
from pressroom.model import Release, newest_first
from pressroom.outbox import clean_leftovers, existing_weeks, remove_week, write_week
from pressroom.posts import Post, posts_for
from pressroom.readers import ReadOutcome, read_files, record_files
from pressroom.templating import PACKAGED_TEMPLATES, compile_all, environment

SEEDS = "seeds"
OUTBOX = "outbox"
REPORT = "report.json"
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
    week: str
    releases: tuple[Release, ...]
    files: dict[str, bytes]
    checks: tuple[Check, ...]
    posts: tuple[Post, ...]


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
    return read_files(record_files(seeds), config.tz, display_root=workspace)


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
    heading = f"{config.newsletter.name} — {week_in_words(week, config.locale)}"
    report = {
        "week": week,
        "pressroom": __version__,
        "inputs": inputs_hash,
        "releases": [r.id for r in newest_first(releases)],
        "html_bytes": len(rendered.html.encode()),
        "ok": not failed(checks),
        "checks": [c.as_dict() for c in checks],
        "posts": [
            {
                "release_id": p.release_id,
                "platform": p.platform,
                "length": p.length,
                "limit": p.limit,
                "truncated": list(p.truncated),
            }
            for p in posts
        ],
    }
    files = {
        "digest.html": rendered.html.encode(),
        "digest.txt": rendered.text.encode(),
        "digest.mjml": rendered.mjml.encode(),
        "digest.eml": build_eml(digest, rendered, config.newsletter),
        "posts.json": to_json(posts).encode(),
        "posts.csv": to_csv(posts).encode("utf-8-sig"),
        "posts.md": to_markdown(posts, heading).encode(),
        REPORT: (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    return WeekOutput(week, releases, files, checks, posts)


def templates_fingerprint(workspace: Path) -> str:
    """A hash of every template that could be used (the user's and the packaged ones)."""
    digest = hashlib.sha256()
    for folder in (workspace / "templates", PACKAGED_TEMPLATES):
        if folder.is_dir():
            for path in sorted(folder.glob("[ep]*/**/*.j2")):  # email/ and posts/
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def week_inputs_hash(releases: tuple[Release, ...], shared: str) -> str:
    digest = hashlib.sha256(shared.encode())
    for release in sorted(releases, key=lambda r: r.id):
        digest.update(json.dumps(release.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


def _previous_hash(outbox: Path, week: str) -> str | None:
    try:
        return str(json.loads((outbox / week / REPORT).read_text())["inputs"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
    on_week: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the selected weeks into workspace/outbox; raises PressroomError before any write."""
    started = time.perf_counter()
    config = load_config(workspace)
    env = environment(workspace)
    compile_all(env)
    outcome = read_workspace(workspace, config)
    weeks = {w: r for w, r in group_by_week(outcome.releases).items() if selection.wants(w)}
    outbox = workspace / OUTBOX
    shared = json.dumps([__version__, templates_fingerprint(workspace), repr(config)])
    outputs: list[WeekOutput] = []
    unchanged: list[str] = []
    for week, releases in weeks.items():
        inputs = week_inputs_hash(releases, shared)
        if not force and _previous_hash(outbox, week) == inputs:
            unchanged.append(week)
        else:
            outputs.append(render_week(week, releases, config, env, inputs))
        if on_week:
            on_week(week)
    clean_leftovers(outbox)
    for output in outputs:
        try:
            write_week(outbox, output.week, output.files)
        except OSError as exc:
            raise OutboxError(
                Problem(
                    str(outbox / output.week),
                    1,
                    f"cannot write the week: {exc.strerror or exc}",
                    "free disk space or make outbox/ writable; this week and the ones after it "
                    "were left as they were",
                )
            ) from exc
    removed: list[str] = []
    if selection.everything and not outcome.has_errors:
        for week in existing_weeks(outbox):
            if week not in weeks:
                remove_week(outbox, week)
                removed.append(week)
    return BuildResult(
        built=tuple(o.week for o in outputs),
        unchanged=tuple(unchanged),
        removed=tuple(removed),
        problems=outcome.problems,
        failed_checks={o.week: o.checks for o in outputs if failed(o.checks)},
        seconds=time.perf_counter() - started,
    )
