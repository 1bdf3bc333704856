"""The one seam between a build and how it runs: ``Runner``.

Serial (``jobs`` 1, or a machine without fork): files are read and weeks rendered in this
process, one after the other, with nothing else (``processes.read_here``,
``processes.render_here``). Parallel (the default, one process a CPU): reading many files
and rendering many weeks fan out over forked processes; a build that has an index to
start from forks the warm worker first, to render the few weeks that changed (warm.py);
and the objects alive when the build starts (the imported modules' above all) are frozen
out of the collector's reach for the build (``gc.freeze``), in this process and in those
it forks: every collection walked them all again. Either way the outbox gets the same
bytes (tests/pipeline/test_build.py); docs/performance.md says what each device buys.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import jinja2

from pressroom.config import Config
from pressroom.lexicon import Lexicons
from pressroom.pipeline.speed.processes import (
    PARALLEL_MIN_WEEKS,
    Batch,
    Rendered,
    RenderJob,
    may_fork,
    preload,
    read_here,
    read_many,
    render_here,
    render_many,
    usable_cpus,
)
from pressroom.pipeline.speed.warm import WarmWorker
from pressroom.readers.files import FileRead
from pressroom.render.templates import compiled_environment, environment, templates_fingerprint

__all__ = ["Batch", "Rendered", "Runner", "preload"]


class Runner:
    """Reads and renders for one build: ``fingerprint``, then ``read`` as often as needed,
    ``prepare`` once the weeks to render are known, then ``render``. A context manager:
    leaving it ends any process it started."""

    def __init__(
        self,
        workspace: Path,
        config: Config,
        jobs: int | None,
        lexicons: Lexicons,
        *,
        incremental: bool,
    ) -> None:
        """``jobs``: processes to use (None: one a CPU; 1: the plain serial path).
        ``lexicons``: the word lists files are read with.
        ``incremental``: the outbox has an index, so few weeks may need rendering."""
        self._workspace, self._config, self._lexicons = workspace, config, lexicons
        self.jobs = jobs or usable_cpus()
        self.serial = not may_fork(self.jobs)
        if not self.serial:
            gc.freeze()  # before the warm worker forks: it inherits the frozen heap
        self._warm = WarmWorker(workspace, config) if incremental and not self.serial else None
        self._env: jinja2.Environment | None = None
        self._fingerprint = ""

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_warm()
        if not self.serial:
            gc.unfreeze()

    def fingerprint(self) -> str:
        """The templates' hash, read before they are compiled (an edit in between shows
        in the next build's hash)."""
        warm = self._warm
        self._fingerprint = warm.fingerprint() if warm else templates_fingerprint(self._workspace)
        return self._fingerprint

    def read(
        self, files: list[tuple[str, str]], *, preload_meanwhile: bool = False
    ) -> list[FileRead]:
        """The reads of files given as (path, name). ``preload_meanwhile``: while worker
        processes read, import what rendering needs in this one."""
        timezone = self._config.timezone
        if self.serial:
            return read_here(files, timezone, self._workspace, self._lexicons)
        meanwhile = preload if preload_meanwhile else None
        return read_many(files, timezone, self._workspace, self._lexicons, self.jobs, meanwhile)

    def prepare(self, weeks: int) -> None:
        """Compile the templates for the weeks to render; raises on a broken one."""
        if self._warm and 0 < weeks < PARALLEL_MIN_WEEKS:
            self._warm.compiled()
            return
        self._stop_warm()
        if weeks:
            self._env = compiled_environment(self._workspace, self._fingerprint)
        else:
            self._env = environment(self._workspace)

    def render(self, batch: Batch) -> Iterator[Rendered]:
        """Render and write the batch's weeks; yields each as it lands."""
        if self._warm:
            return self._warm.render(batch)
        assert self._env is not None, "prepare() first"
        job = RenderJob(self._config, self._env, batch)
        return render_here(job) if self.serial else render_many(job, self.jobs)

    def _stop_warm(self) -> None:
        if self._warm:
            self._warm.stop()
            self._warm = None
