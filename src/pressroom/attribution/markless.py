"""Quotations whose marks the page lost, given back their marks before they are looked for:

- a paragraph after an attribution line that ends with a colon (``Education Secretary
  Jane Roe said:``) and holds no quotation mark itself: government releases set the
  quotation apart as its own paragraph, without marks;
- a paragraph that closes a quotation it never opened (``Je crains … Charte,” a déclaré
  …``): the opening mark was lost with the page's formatting.

Only the attribution stage sees the marks it adds; the release text stays as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

_MARKS = '«»“”"'
_OPENER_OF = {"”": "“", "»": "«"}
# After a closing mark: the attribution goes on ("», a déclaré", "," she said").
_ATTRIBUTION_AFTER = lazy(r"^[ \u00a0\u202f]*,?[ \u00a0\u202f]*\p{Ll}")
_FIRST_MARK = lazy(r"[«“»”]")
_SET_APART_MIN_WORDS = 8
_LINE_MAX_WORDS = 40


def implied_marks(texts: Sequence[str], v: Vocabulary) -> list[str]:
    """The paragraphs, with the marks of the quotations whose marks were lost."""
    marked = list(texts)
    for index, text in enumerate(marked):
        if index and _sets_apart(marked[index - 1], v) and _plain_prose(text):
            marked[index] = f"“{text.strip()}”"
            continue
        opener = _lost_opener(text)
        if opener:
            marked[index] = opener + text.lstrip()
    return marked


def _sets_apart(line: str, v: Vocabulary) -> bool:
    """``Councillor Mark Norris, Rhondda Council, said:`` alone on its line."""
    stripped = line.rstrip()
    return (
        stripped.endswith(":")
        and not any(mark in stripped for mark in _MARKS)
        and len(stripped.split()) <= _LINE_MAX_WORDS
        and v.verb_re.search(stripped) is not None
    )


def _plain_prose(text: str) -> bool:
    stripped = text.strip()
    return (
        not stripped.endswith(":")
        and not any(mark in stripped for mark in _MARKS)
        and len(stripped.split()) >= _SET_APART_MIN_WORDS
    )


def _lost_opener(text: str) -> str:
    """The opening mark a paragraph lost, if it closes a quotation it never opened."""
    stripped = text.lstrip()
    if not stripped[:1].isupper():
        return ""
    found = _FIRST_MARK.search(stripped)
    if found is None or found.group() not in _OPENER_OF:
        return ""
    first = found.start()
    if _ATTRIBUTION_AFTER.match(stripped[first + 1 :]) is None:
        return ""
    return _OPENER_OF[stripped[first]]
