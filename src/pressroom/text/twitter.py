"""twitter-text, loaded on first use without setuptools' ``pkg_resources``.

twitter-text reads its emoji list with ``pkg_resources.resource_string``; importing
pkg_resources for that one call cost nearly as much as twitter-text itself (see
docs/performance.md). While twitter-text loads, and only if pkg_resources is not loaded
already, that name is a one-function module that reads the file beside the module.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def twitter_text() -> tuple[Any, Any]:
    """twitter-text's URL extractor and its emoji regular expression.

    Loaded in a thread of its own, on a fresh stack: compiling its patterns recurses
    deep, and from a deep stack CPython 3.11 maps and unmaps a 16 KB frame chunk each
    time a call crosses a chunk's end (27,000 times in a build of the seeds under
    ``python -m pressroom``; see docs/performance.md)."""
    loaded: list[tuple[Any, Any]] = []
    failed: list[BaseException] = []

    def load() -> None:
        try:
            with _resource_string_stand_in():
                from twitter_text.extract_urls import extract_urls_with_indices
                from twitter_text.regexp.emoji import emoji
            loaded.append((extract_urls_with_indices, emoji))
        except BaseException as exc:  # raised again in the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=load, name="twitter-text")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return loaded[0]


@contextmanager
def _resource_string_stand_in() -> Iterator[None]:
    if "pkg_resources" in sys.modules:
        yield
        return
    stand_in = types.ModuleType("pkg_resources")
    stand_in.resource_string = _resource_string  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = stand_in
    try:
        yield
    finally:
        if sys.modules.get("pkg_resources") is stand_in:
            del sys.modules["pkg_resources"]


def _resource_string(module: str, name: str) -> bytes:
    """The one call twitter-text makes: a file beside a loaded module, as bytes."""
    return (Path(str(sys.modules[module].__file__)).parent / name).read_bytes()
