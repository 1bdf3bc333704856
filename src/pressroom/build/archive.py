"""The build's web archive step: ``outbox/index.html`` and ``feed.xml``, made from every
week folder in the outbox (built now or before, by a whole or a ``--week`` build).

The archive's inputs hash covers pressroom's version, the config, the archive's
templates and each week report's stamp. When it matches the one the build index recorded
and the files are there, nothing is read or rendered: a no-change rebuild costs a stat
per week. Otherwise the summaries are read from the reports (``render.archive``), never
by rendering a week again, and only the files whose bytes changed are replaced.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jinja2

from pressroom import __version__
from pressroom.config import Config
from pressroom.errors import OutboxError, Problem
from pressroom.outbox import ARCHIVE_FILES, read_report, report_stamps, write_archive
from pressroom.render.archive import (
    ARCHIVE_TEMPLATES,
    ArchivedWeek,
    archive_files,
    archived_week,
    compile_archive,
)
from pressroom.render.templates import environment, templates_fingerprint

ReportStamp = tuple[int, int, int]

_read: dict[Path, dict[str, tuple[ReportStamp, ArchivedWeek | None]]] = {}
"""The summaries of one outbox read so far, by week, with their report's stamp: a process
that builds again and again (the preview) reads a report again only when its week was
written again."""


class WebArchive:
    """The web archive of one build: ``prepare`` before any write, ``finish`` after the
    weeks."""

    def __init__(self, workspace: Path, outbox: Path, config: Config, recorded: str) -> None:
        self._workspace, self._outbox, self._config = workspace, outbox, config
        self._recorded = recorded
        self._shared = json.dumps(
            [__version__, repr(config), templates_fingerprint(workspace, ARCHIVE_TEMPLATES)]
        )
        self._env: jinja2.Environment | None = None
        self.reports = report_stamps(outbox)
        """Each week folder's report as the build starts (the plan reads it too)."""
        if outbox not in _read:
            _read.clear()
        self._known = _read.setdefault(outbox, {})

    def prepare(self, weeks_change: bool) -> None:
        """When the archive is to change (weeks will be written or removed, or its inputs
        changed), compile its template and render it once with one week: a template's
        mistake stops the build before any write."""
        stamps = self.reports
        if not weeks_change and self._current(stamps):
            return
        self._render(dict(sorted(stamps.items())[-1:]))

    def finish(self, weeks_changed: bool) -> str:
        """Write the archive of the weeks in the outbox now, if it changed; its inputs hash,
        for the build index. Raises OutboxError when it cannot be written."""
        stamps = report_stamps(self._outbox) if weeks_changed else self.reports
        key = self._key(stamps)
        if self._current(stamps):
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

    def _current(self, stamps: dict[str, ReportStamp]) -> bool:
        """Whether the archive on disk is the one these weeks make."""
        if self._key(stamps) != self._recorded:
            return False
        present = [(self._outbox / name).is_file() for name in ARCHIVE_FILES]
        return all(present) if stamps else not any(present)

    def _key(self, stamps: dict[str, ReportStamp]) -> str:
        data = json.dumps([self._shared, sorted(stamps.items())])
        return hashlib.sha256(data.encode()).hexdigest()

    def _render(self, stamps: dict[str, ReportStamp]) -> dict[str, bytes]:
        """The archive of the weeks whose report has a summary; empty when none has."""
        if self._env is None:
            self._env = environment(self._workspace)  # its own: archive/ edits show at once
            compile_archive(self._env)
        weeks = [w for week, stamp in stamps.items() if (w := self._summary(week, stamp))]
        files = archive_files(weeks, self._config, self._env)  # renders even with no week
        return files if weeks else {}

    def _summary(self, week: str, stamp: ReportStamp) -> ArchivedWeek | None:
        known = self._known.get(week)
        if known is None or known[0] != stamp:
            known = self._known[week] = (stamp, archived_week(read_report(self._outbox, week)))
        return known[1]
