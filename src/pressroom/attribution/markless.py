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

from pressroom.attribution.quotemarks import LIST_ITEM
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

_MARKS = '«»“”"'
_OPENER_OF = {"”": "“", "»": "«"}
# After a closing mark: the attribution goes on ("», a déclaré", "," she said").
_ATTRIBUTION_AFTER = lazy(r"^[ \u00a0\u202f]*,?[ \u00a0\u202f]*\p{Ll}")
_FIRST_MARK = lazy(r"[«“»”]")
_SET_APART_MIN_WORDS = 8
_DOUBLED = lazy(r"''|’’|‘’|‘‘")  # an opening pair may be typed ‘’ or ‘‘
# A sentence's words before a comma and a French inversion: "…, a-t-il lancé", "…, dit-elle".
_INCISE = lazy(
    r"(?:^|(?<=[.!?…][ \u00a0]))(?P<q>\p{Lu}[^.!?…«»“”\"]{20,400}?),[ \u00a0]+"
    r"(?=(?:a|ont|avait)-t-(?:il|elle)s?[ \u00a0]+\p{Ll}|\p{Ll}{3,}(?:-t)?-(?:il|elle)s?\b)"
)
_LINE_MAX_WORDS = 40


def implied_marks(texts: Sequence[str], v: Vocabulary) -> list[str]:
    """The paragraphs, with the marks of the quotations whose marks were lost."""
    marked = [_doubled_apostrophes(text) for text in texts]
    for index, text in enumerate(marked):
        if index and _plain_prose(text) and _sets_apart(marked[index - 1], v):
            marked[index] = f"“{text.strip()}”"
            continue
        opener = _lost_opener(text)
        if opener:
            marked[index] = opener + text.lstrip()
            continue
        marked[index] = _marked_incise(marked[index])
    return marked


def _doubled_apostrophes(text: str) -> str:
    """``''Pour la première fois …'', a noté X``: two apostrophes typed for each mark, in
    pairs, where the paragraph has no other marks."""
    if "''" not in text and "’’" not in text and "‘" not in text:
        return text
    parts = _DOUBLED.split(text)
    if len(parts) < 3 or len(parts) % 2 == 0 or any(m in text for m in _MARKS):
        return text
    return "".join(
        part + ("“" if i % 2 == 0 else "”") if i < len(parts) - 1 else part
        for i, part in enumerate(parts)
    )


def _marked_incise(text: str) -> str:
    """``C'est une grande joie de vous retrouver, a-t-il lancé jeudi.``: a French
    inversion after a comma says the words before it were spoken; they get their marks."""
    if any(mark in text for mark in _MARKS) or ("-il" not in text and "-elle" not in text):
        return text  # the inversion is "-il", "-elle", "-t-il"...
    found = _INCISE.search(text)
    if found is None:
        return text
    return f"{text[: found.start('q')]}« {found['q']} »{text[found.end('q') :]}"


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
        and not text.startswith(LIST_ITEM)  # a list's item is no quotation set apart
        and not any(mark in stripped for mark in _MARKS)
        and len(stripped.split()) >= _SET_APART_MIN_WORDS
    )


def _lost_opener(text: str) -> str:
    """The opening mark a paragraph lost, if it closes a quotation it never opened."""
    stripped = text.lstrip()
    if not stripped[:1].isupper() or ("”" not in stripped and "»" not in stripped):
        return ""
    found = _FIRST_MARK.search(stripped)
    if found is None or found.group() not in _OPENER_OF:
        return ""
    first = found.start()
    if stripped[first - 1 : first].isspace() and stripped[first + 1 : first + 2].isalpha():
        return ""  # "de façon à »monter en puissance": an opening mark typed the wrong way
    if _ATTRIBUTION_AFTER.match(stripped[first + 1 :]) is None:
        return ""
    return _OPENER_OF[stripped[first]]
