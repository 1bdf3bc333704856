"""The command line: parses flags, calls the core, reports what it returns.

``cli.app`` holds the Typer app and the one place where errors become exit codes
(``_Commands.invoke``); ``cli.commands`` has one module a command.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

from pressroom.cli import commands
from pressroom.cli.app import CommandFailed, app

__all__ = ["CommandFailed", "app", "commands", "main"]


def main() -> None:
    """The ``pressroom`` program. When the command is done (its files closed, its worker
    processes ended, its output flushed here), the process ends at once: Python's own
    teardown of every module and object would only add time, about 0.1 s a command. The
    garbage collector leaves the imported modules' objects alone: each collection walked
    them all, 40 ms of loading a 10,000-file build index (docs/performance.md)."""
    gc.freeze()  # what the imports made lives as long as the process: collections skip it
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
