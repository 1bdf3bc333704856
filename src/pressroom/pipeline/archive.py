"""The web archive: ``outbox/index.html`` and ``feed.xml`` (their page and feed:
``pipeline.archive_pages``), made by the build from every week folder in the outbox (built
now or before, by a whole or a ``--week`` build), and written beside them.

Each week's summary comes from its report, which carries it under ``digest`` (``render.week``
writes it, ``archived_week`` reads it back), never from rendering the week again: a week
this build wrote hands it over (``WebArchive.written``), any other week's report is read.
It is kept with the report's stamp, in this process and in the build index: a report is
read again only when its stamp changed and this build did not write it.

The archive's key is made of what it shows: pressroom's version, the config and the
archive's templates (the key's first half), then every week's summary (its second half).
When the key is the one the build index recorded and the files are there, nothing is
rendered: a week written again with the same summary (``--week W --force``) leaves the
archive alone. When only the summaries changed, the templates are the ones that made the
recorded archive, so they are not test-rendered before the weeks are written. The files
are each written aside (``.index.html.tmp-PID``) and renamed over the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from pressroom import __version__
from pressroom.config import Config
from pressroom.errors import OutboxError, Problem
from pressroom.outbox import ARCHIVE_FILES, REPORT, week_dir
from pressroom.pipeline.archive_pages import ARCHIVE_TEMPLATES, archive_files, compile_archive
from pressroom.render.templates import environment, templates_fingerprint
from pressroom.weeks import is_week


@dataclass(frozen=True)
class ArchivedWeek:
    """One week as the archive shows it."""

    week: str
    subject: str
    preheader: str
    lead: str
    """The lead story's title."""
    lead_lang: str
    """The lead story's language where it differs from the digest's, else empty."""
    sent_at: datetime
    releases: int

    def as_dict(self) -> dict[str, str | int]:
        """The week as JSON keeps it (the build index does, see ``from_dict``)."""
        return {
            "week": self.week,
            "subject": self.subject,
            "preheader": self.preheader,
            "lead": self.lead,
            "lead_lang": self.lead_lang,
            "sent_at": self.sent_at.isoformat(),
            "releases": self.releases,
        }

    @classmethod
    def from_dict(cls, data: object) -> ArchivedWeek | None:
        """A week as ``as_dict`` wrote it; None for anything else."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                week=str(data["week"]),
                subject=str(data["subject"]),
                preheader=str(data["preheader"]),
                lead=str(data["lead"]),
                lead_lang=str(data["lead_lang"]),
                sent_at=datetime.fromisoformat(str(data["sent_at"])),
                releases=int(data["releases"]),
            )
        except (KeyError, ValueError, TypeError):
            return None


def archived_week(report: Mapping[str, object] | None) -> ArchivedWeek | None:
    """A week read back from its report; None when the report has no summary (written by
    an older pressroom, or damaged): such a week is rendered again by the next build."""
    if report is None:
        return None
    summary, week, releases = report.get("digest"), report.get("week"), report.get("releases")
    if not isinstance(summary, dict) or not isinstance(week, str) or not is_week(week):
        return None
    count = len(releases) if isinstance(releases, list) else 0
    return ArchivedWeek.from_dict({**summary, "week": week, "releases": count})


# The build's step: which weeks, and when to write the files again.

ReportStamp = tuple[int, int, int]
Known = dict[str, tuple[ReportStamp, ArchivedWeek | None]]
"""Each week's summary (None: its report has none), with its report's stamp."""

_read: dict[Path, Known] = {}
"""The summaries of one outbox known so far in this process (the preview builds again
and again)."""


class WebArchive:
    """The web archive of one build: ``prepare`` before any write, ``finish`` after the
    weeks, ``kept`` for the build index."""

    def __init__(
        self, workspace: Path, outbox: Path, config: Config, recorded: str, kept: dict[str, Any]
    ) -> None:
        """``recorded`` and ``kept``: the key and the summaries the build index holds."""
        self._workspace, self._outbox, self._config = workspace, outbox, config
        self._recorded = recorded
        shared = json.dumps(
            [__version__, repr(config), templates_fingerprint(workspace, ARCHIVE_TEMPLATES)]
        )
        self._shared = hashlib.sha256(shared.encode()).hexdigest()
        self._env: jinja2.Environment | None = None
        self.reports = report_stamps(outbox)
        """Each week folder's report as the build starts (the plan reads it too)."""
        self._final = self.reports
        self._written: dict[str, ArchivedWeek | None] = {}
        if outbox not in _read:
            _read.clear()
            _read[outbox] = _from_index(kept)
        self._known = _read[outbox]

    def prepare(self, weeks_change: bool) -> None:
        """When the archive is to change (weeks will be written or removed, or its inputs
        changed) and its templates are not those of the recorded archive, compile them and
        render once with one week: a template's mistake stops the build before any write."""
        if self._recorded.startswith(self._shared + "-"):
            return  # the templates that made the recorded archive: they render
        stamps = self.reports
        if not weeks_change and self._current(self._key(stamps), stamps):
            return
        self._render(dict(sorted(stamps.items())[-1:]))

    def written(self, week: str, summary: ArchivedWeek | None) -> None:
        """A week this build wrote, with the summary its new report holds."""
        self._written[week] = summary

    def finish(self, weeks_changed: bool) -> str:
        """Write the archive of the weeks in the outbox now, if it changed; its key, for the
        build index. Raises OutboxError when it cannot be written."""
        stamps = self._final = report_stamps(self._outbox) if weeks_changed else self.reports
        key = self._key(stamps)
        if self._current(key, stamps):
            return key
        files = self._render(stamps)
        try:
            write_archive(self._outbox, files)
        except OSError as exc:
            raise OutboxError(
                Problem(
                    str(self._outbox),
                    1,
                    f"cannot write the web archive: {exc.strerror or exc}",
                    "free disk space or make outbox/ writable; the week folders are whole, "
                    "and the next build writes the archive",
                )
            ) from exc
        return key

    def kept(self) -> dict[str, Any]:
        """The summaries of the weeks in the outbox (after ``finish``), as the build index
        keeps them."""
        stamps = self._final
        return {
            week: [*known[0], known[1].as_dict() if known[1] else None]
            for week in stamps
            if (known := self._known.get(week)) is not None and known[0] == stamps[week]
        }

    def _current(self, key: str, stamps: dict[str, ReportStamp]) -> bool:
        """Whether the archive on disk is the one these weeks make (``key``: theirs)."""
        if key != self._recorded:
            return False
        present = [(self._outbox / name).is_file() for name in ARCHIVE_FILES]
        return all(present) if stamps else not any(present)

    def _key(self, stamps: dict[str, ReportStamp]) -> str:
        shown = [(w.as_dict() if w else None) for w in self._summaries(stamps)]
        content = hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()
        return f"{self._shared}-{content}"

    def _summaries(self, stamps: dict[str, ReportStamp]) -> list[ArchivedWeek | None]:
        return [self._summary(week, stamp) for week, stamp in sorted(stamps.items())]

    def _render(self, stamps: dict[str, ReportStamp]) -> dict[str, bytes]:
        """The archive of the weeks whose report has a summary; empty when none has."""
        if self._env is None:
            self._env = environment(self._workspace)  # its own: archive/ edits show at once
            compile_archive(self._env)
        weeks = [w for w in self._summaries(stamps) if w]
        files = archive_files(weeks, self._config, self._env)  # renders even with no week
        return files if weeks else {}

    def _summary(self, week: str, stamp: ReportStamp) -> ArchivedWeek | None:
        known = self._known.get(week)
        if known is None or known[0] != stamp:
            if week in self._written:  # written by this build: its report is not read back
                known = self._known[week] = (stamp, self._written.pop(week))
            else:
                report = read_report(self._outbox, week)
                known = self._known[week] = (stamp, archived_week(report))
        return known[1]


def _from_index(kept: dict[str, Any]) -> Known:
    """The summaries the build index kept; an entry that does not parse is left out (its
    report is read again)."""
    known: Known = {}
    for week, entry in kept.items():
        if isinstance(entry, list) and len(entry) == 4 and all(type(n) is int for n in entry[:3]):
            summary = ArchivedWeek.from_dict(entry[3])
            if summary is not None or entry[3] is None:
                known[week] = ((entry[0], entry[1], entry[2]), summary)
    return known


# The outbox's side: its reports read, its archive files written.


def report_stamps(outbox: Path) -> dict[str, tuple[int, int, int]]:
    """Each week folder's report file: (inode, size, modification time), which change
    whenever the week is written again or audited; weeks without a report are left out."""
    stamps = {}
    try:
        entries = list(os.scandir(outbox))  # no stat per entry to tell folders
    except OSError:
        return {}
    for entry in sorted(entries, key=lambda e: e.name):
        if not (is_week(entry.name) and entry.is_dir()):
            continue
        try:
            stat = os.stat(os.path.join(entry.path, REPORT))
        except OSError:
            continue
        stamps[entry.name] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return stamps


def read_report(outbox: Path, week: str) -> dict[str, object] | None:
    """A built week's report, or None when it is missing or unreadable."""
    try:
        report = json.loads((week_dir(outbox, week) / REPORT).read_bytes())
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) else None


def write_archive(outbox: Path, files: Mapping[str, bytes]) -> bool:
    """Put the archive's files in place, each replaced whole; a file whose bytes did not
    change is left alone; with no files, the archive is removed. Whether anything changed."""
    unknown = set(files) - set(ARCHIVE_FILES)
    if unknown:
        raise ValueError(f"not an archive file: {sorted(unknown)[0]!r}")
    changed = False
    for name in ARCHIVE_FILES:
        path = outbox / name
        data = files.get(name)
        if data is None:
            if path.exists():
                path.unlink()
                changed = True
            continue
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        temp = outbox / f".{name}.tmp-{os.getpid()}"
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        changed = True
    return changed
