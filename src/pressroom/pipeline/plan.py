"""What a build must do: which weeks the files fall in, which of them changed, which to
render. Pure functions over the build index's entries."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pressroom.errors import Problem
from pressroom.model import Release
from pressroom.pipeline.index import FileEntry
from pressroom.readers.files import Claim, claim_ids
from pressroom.weeks import iso_week, week_monday

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


def group_by_week(releases: Iterable[Release]) -> dict[str, tuple[Release, ...]]:
    weeks: dict[str, list[Release]] = defaultdict(list)
    for release in releases:
        weeks[iso_week(release.date)].append(release)
    return {week: tuple(items) for week, items in sorted(weeks.items())}


def files_by_week(
    entries: dict[str, FileEntry],
) -> tuple[dict[str, list[str]], tuple[Problem, ...]]:
    """The files of each week, in name order, weeks in order; a file whose release id is
    already taken is reported and left out (see readers.claim_ids)."""
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


def week_hash(
    shared: str, entries: dict[str, FileEntry], files: list[str], week_file: str = ""
) -> str:
    """The sha256 of a week's inputs: what every week shares (pressroom's version, the
    templates, the config, the workspace's lexicons), each of its files' name and sha256
    and those of the images they name, and the sha256 of its week file when it has one
    (so that editing it rebuilds that week only)."""
    sha = hashlib.sha256(shared.encode())
    for name in files:
        sha.update(f"{name}\0{entries[name].sha256}\0".encode())
        image = entries[name].image
        if image is not None:
            sha.update(f"{image.path}\0{image.sha256}\0".encode())
    if week_file:
        sha.update(f"weeks\0{week_file}\0".encode())
    return sha.hexdigest()
