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
    """Stands for ``regex.compile(pattern, flags)``; compiles on first attribute access, and
    from then on answers from its own attributes (no lookup through ``__getattr__``)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = regex.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


_ATTRIBUTES = (
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "pattern",
    "flags",
    "groupindex",
    "groups",
)


def lazy(pattern: str, flags: int = 0) -> Any:
    """A pattern compiled on first use (typed as Any: it answers as a compiled pattern)."""
    return LazyPattern(pattern, flags)
