"""twitter-text, loaded on first use without setuptools' ``pkg_resources``.

twitter-text reads its emoji list with ``pkg_resources.resource_string``; importing
pkg_resources for that one call cost nearly as much as twitter-text itself (see
docs/performance.md). While twitter-text loads, and only if pkg_resources is not loaded
already, that name is a one-function module that reads the file beside the module.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from pressroom.text.freshstack import on_fresh_stack


@lru_cache(maxsize=1)
def twitter_text() -> tuple[Any, Any]:
    """twitter-text's URL extractor and its emoji regular expression.

    Loaded on a stack of its own (``text.freshstack``): compiling its patterns recurses
    deep (27,000 frame-chunk maps in a build of the seeds under ``python -m pressroom``
    otherwise)."""
    return on_fresh_stack(_load, "twitter-text")


def _load() -> tuple[Any, Any]:
    with _resource_string_stand_in():
        from twitter_text.extract_urls import extract_urls_with_indices
        from twitter_text.regexp.emoji import emoji
    return extract_urls_with_indices, emoji


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
