"""What stands around a date at a line's head that makes it the line's dateline."""

from __future__ import annotations

from pressroom.text.patterns import lazy

__all__ = ["heads_date"]

# Before a date at a line's head: capitalised words, numbers, a bracket, ending on a
# separator ("Hanoi, Viet Nam, ", "(No. 241 - ", "Ann Roe (CLP) - "); after it, a stop.
_HEAD_BEFORE = lazy(
    r"\(?(?:(?:\p{Lu}[\p{L}'’.]*|[Nn]o\.|\d{1,5}|\([\p{Lu}\d][^()]{0,20}\)|de|du|of|the)"
    r"(?:\s*[,–—-]\s*|\s+)){1,6}"
)
_HEAD_AFTER = lazy(
    r"\.?(?:\s*(?:à|at|-)?\s*\d{1,2}[:h]\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?:\s+\p{Lu}{2,3})?)?"
    r"\)?(?:\s*[–—-]{1,2}|\.(?=\s)|\s+(?=\p{Lu}))"
)


def heads_date(line: str, start: int, end: int) -> bool:
    """Whether the date from ``start`` to ``end`` heads ``line``: only capitalised words,
    numbers or a bracket before it, ending on a separator (``Hanoi, Viet Nam, 21 March
    2012 Vowing …``, ``(No. 241 - July 30, 2010 - 11:45 a.m. ET) The …``, ``Ann Roe (CLP) -
    17 juil. 2023 à 18:04 -``), and a stop, a dash or a capital after it (a time between)."""
    return bool(_HEAD_BEFORE.fullmatch(line, 0, start) and _HEAD_AFTER.match(line, end))
