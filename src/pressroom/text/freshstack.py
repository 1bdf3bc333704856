"""Work run on a stack of its own.

Compiling twitter-text's patterns recurses deep, and from a deep stack (``python -m
pressroom`` adds frames under the command's) CPython 3.11 maps and unmaps a 16 KB frame
chunk each time a call crosses a chunk's end: about 30,000 times in a single-week build,
0.13 s of CPU (docs/performance.md). A thread starts on a fresh stack."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def on_fresh_stack(work: Callable[[], T], name: str) -> T:
    """``work()`` run in a thread of its own and waited for: its result, or its
    exception raised again in the caller's thread."""
    done: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(work())
        except BaseException as exc:  # raised again in the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name=name)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return done[0]
