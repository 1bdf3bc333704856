"""The warm worker of an incremental build.

A build that has an index to start from forks this worker first. While the build scans
the seeds and plans, the worker hashes and compiles the templates and imports what
rendering needs (twitter-text, premailer, mjml). When only a few weeks changed, the
build hands them to it; otherwise it is stopped. It saves a one-change build of 10,000
releases about a quarter of its time, on two cores (docs/performance.md).

The conversation, one message type per step: the worker sends ``Fingerprint``, then
``Compiled`` (with the template's error, if any); the build sends a ``Batch``; the worker
sends ``Written`` for each week, or ``Failed`` and stops.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from pressroom.config import Config
from pressroom.errors import OutboxError, SetupError
from pressroom.pipeline.speed.processes import (
    Batch,
    Rendered,
    RenderJob,
    die_with_parent,
    ignore_interrupts,
    preload,
    render_and_write,
)
from pressroom.render.templates import compile_all, environment, templates_fingerprint


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    """The templates' hash, read before they were compiled."""


@dataclass(frozen=True)
class Compiled:
    error: SetupError | None


@dataclass(frozen=True)
class Written:
    rendered: Rendered


@dataclass(frozen=True)
class Failed:
    error: SetupError | OutboxError


Message = Fingerprint | Compiled | Written | Failed


class WarmWorker:
    def __init__(self, workspace: Path, config: Config) -> None:
        context = multiprocessing.get_context("fork")
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(
            target=_work, args=(theirs, workspace, config, os.getpid()), daemon=True
        )
        self._process.start()
        theirs.close()

    def fingerprint(self) -> str:
        message = self._receive()
        assert isinstance(message, Fingerprint), message
        return message.sha256

    def compiled(self) -> None:
        """Returns once the templates compiled; raises the error of a broken one."""
        message = self._receive()
        assert isinstance(message, Compiled), message
        if message.error:
            raise message.error

    def render(self, batch: Batch) -> Iterator[Rendered]:
        self._pipe.send(batch)
        for _ in batch.releases:
            message = self._receive()
            if isinstance(message, Failed):
                raise message.error
            assert isinstance(message, Written), message
            yield message.rendered

    def stop(self) -> None:
        """End the worker at once, done or not needed; a week it was writing is left whole,
        old or new (see outbox.write_week)."""
        self._process.kill()
        self._process.join()
        self._pipe.close()

    def _receive(self) -> Message:
        try:
            message: Message = self._pipe.recv()
        except EOFError:
            self._process.join(timeout=5)  # its exit code, once the kernel has it
            raise RuntimeError(
                f"the render worker stopped (exit code {self._process.exitcode}); see above"
            ) from None
        return message


def _work(pipe: Connection, workspace: Path, config: Config, parent: int) -> None:
    die_with_parent(parent)
    ignore_interrupts()

    def send(message: Message) -> None:
        pipe.send(message)

    send(Fingerprint(templates_fingerprint(workspace)))
    env = environment(workspace)
    try:
        compile_all(env)
    except SetupError as exc:
        send(Compiled(exc))
        return
    send(Compiled(None))
    preload()
    batch: Batch = pipe.recv()
    job = RenderJob(config, env, batch)
    try:
        for week in batch.releases:
            send(Written(render_and_write(job, week)))
    except (SetupError, OutboxError) as exc:
        send(Failed(exc))
