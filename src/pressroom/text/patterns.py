"""Regular expressions compiled when first used.

The readers' big patterns (dates in every form, person names, speech verbs) take a few
hundred milliseconds to compile; every command imports the readers, and most runs (a
build with nothing new to read, ``--help``) never use them. ``lazy`` defers the cost to the
first match; a forked worker inherits what its parent compiled.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``; compiles on first attribute access."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(self._pattern, self._flags)
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> Any:
    """A pattern compiled on first use (typed as Any: it answers as a compiled pattern)."""
    return LazyPattern(pattern, flags)
