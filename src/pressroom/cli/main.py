"""The command line: parses flags, calls the core, reports what it returns.

``cli.app`` holds the Typer app and the one place where errors become exit codes
(``_Commands.invoke``); ``cli.commands`` has one module a command.
"""

from __future__ import annotations

import contextlib
import os
import sys

from pressroom.cli import commands
from pressroom.cli.app import CommandFailed, app

__all__ = ["CommandFailed", "app", "commands", "main"]


def main() -> None:
    """The ``pressroom`` program. When the command is done (its files closed, its worker
    processes ended, its output flushed here), the process ends at once: Python's own
    teardown of every module and object would only add time, 0.2 s of a seed build's
    0.7 s and 50 ms of a no-change build of 10,000 releases (docs/performance.md)."""
    try:
        app()
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    if not isinstance(code, int):  # sys.exit("message"), as Click does for some errors
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (| head)
            stream.flush()
    os._exit(code)
