"""The build's web archive step: ``outbox/index.html`` and ``feed.xml``, made from every
week folder in the outbox (built now or before, by a whole or a ``--week`` build).

Each week's summary comes from its report (``render.archive``), never from rendering the
week again: a week this build wrote hands it over (``written``), any other week's report
is read. It is kept with the report's stamp, in this process and in the build index: a
report is read again only when its stamp changed and this build did not write it.

The archive's key is made of what it shows: pressroom's version, the config and the
archive's templates (the key's first half), then every week's summary (its second half).
When the key is the one the build index recorded and the files are there, nothing is
rendered: a week written again with the same summary (``--week W --force``) leaves the
archive alone. When only the summaries changed, the templates are the ones that made the
recorded archive, so they are not test-rendered before the weeks are written.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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
