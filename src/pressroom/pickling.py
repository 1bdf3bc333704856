"""How the frozen records cross between processes: as a call of their constructor.

A cold build reads its files in worker processes and receives every read back pickled
(10,000 releases with their blocks and quotes). Python pickles a dataclass with
``slots=True`` through a generic ``__setstate__`` that sets each field by name; a
constructor call with the fields in order loads 2.3 times faster and dumps a quarter
faster (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Give a frozen dataclass a ``__reduce__`` that rebuilds it by its constructor.

    Invariant: every field is a parameter of ``__init__``, in field order (no
    ``field(init=False)``), so the rebuilt record equals the original."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if any(not f.init for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: a field outside __init__ cannot be pickled so")
    values: Callable[[Any], Any] = attrgetter(*names)
    if len(names) == 1:
        single = values
        values = lambda record: (single(record),)  # noqa: E731

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
