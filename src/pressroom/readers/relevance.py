"""Whether a title line speaks of the text under it: a headline shares words with the
first paragraphs it heads; page chrome ("From the news desk", "Displaying 1 - 25 of
55", "Boutique") shares none. On the study sets (365 titled pages), 5 of 312 right titles
shared no word with the body and 13 of 53 wrong ones none; looking again for those mended
8 and lost none."""

from __future__ import annotations

from pressroom.readers.overlap import content_words, shares_a_word, words_of_start
from pressroom.readers.titles import (
    TITLE_MAX_GUESS,
    TOP_LINES,
    Line,
    is_candidate,
    is_paragraph,
)
from pressroom.text.patterns import lazy

# Words a replacement headline shares with the body, at least; the first line that shares
# _SHARED_SURE is taken, else the line that shares most.
_SHARED_MIN = 2
_SHARED_SURE = 3


def related_title(lines: list[Line], title: Line, body: list[Line]) -> Line:
    """The title, or, when it shares no word with the body under it, a line near the top,
    standing alone and title-like, that shares words with it: the first that shares three,
    else the one that shares most (two at least)."""
    if title not in lines:
        return title
    whole = _whole(title, body) or _named_below(title, body)
    if whole is not None:
        return whole
    if shares_a_word(content_words(title.text), (ln.text for ln in body)):
        return _sharing_more(lines, title, body)
    best, best_shared = title, _SHARED_MIN - 1
    numbers = {ln.number for ln in lines}
    for line in _top_lines(lines, title):
        if line.number - 1 in numbers or line.number + 1 in numbers or line.text[-1:] == ",":
            continue  # a wrapped paragraph's line (or one cut at a comma), a menu's: not alone
        others = (ln.text for ln in body if ln is not title and ln is not line)
        shared = len(content_words(line.text) & words_of_start(others))
        if shared >= _SHARED_SURE:
            return line  # the first: a subtitle or a heading of the body comes after it
        if shared > best_shared:
            best, best_shared = line, shared
    return best


def _top_lines(lines: list[Line], title: Line) -> list[Line]:
    """The title-like lines above the first paragraph, near the top, other than ``title``:
    a headline heads the text."""
    first = next((i for i, ln in enumerate(lines) if is_paragraph(ln.text)), len(lines))
    return [
        line
        for line in lines[: min(first, TOP_LINES)]
        if line is not title and len(line.text) <= TITLE_MAX_GUESS and is_candidate(line.text)
    ]


# A title cut short: "Accueil A la une Burkina: le Consulat … avec 10...".
_CUT = lazy(r"(?:\.\.\.|…)\s*$")
# How many characters of a cut title's end are looked for in the lines under it.
_CUT_TAIL = 24


def _whole(title: Line, body: list[Line]) -> Line | None:
    """The line among the first under a cut title (a breadcrumb's, a list's) that holds the
    words it ends on and goes on past them: the headline in full."""
    if not _CUT.search(title.text):
        return None
    stem = _CUT.sub("", title.text).rstrip()
    if len(stem) <= _CUT_TAIL:
        return None
    tail = stem[-_CUT_TAIL:]
    for line in body[:3]:
        at = line.text.find(tail)
        if at >= 0 and len(line.text) > at + len(tail):
            return None if _CUT.search(line.text) else line
    return None


# How many words a site's or section's name taken for the title has, at most.
_SHORT_TITLE_WORDS = 6
# How many words a category over a headline has, at most.
_CATEGORY_WORDS = 4


def _named_below(title: Line, body: list[Line]) -> Line | None:
    """The first line under a short title that holds all its words and more, title-like:
    the title was a category (``Pre Match Interviews`` over ``Mayo GAA Tv pre match
    interviews with Intermediate & Junior managers``)."""
    if len(title.text.split()) > _CATEGORY_WORDS or not body:
        return None  # speed: most titles are longer, and content_words is what costs
    first = body[0]
    words = content_words(title.text)
    fuller = len(first.text) > len(title.text) and words and words <= content_words(first.text)
    return first if fuller and is_candidate(first.text) else None


def _sharing_more(lines: list[Line], title: Line, body: list[Line]) -> Line:
    """A short title of capitalised words that shares a word or two with the body
    ("Chambers Ireland", "Council & Business") gives way to the first title-like line at
    the top that shares more than twice as many, three at least (the headline the site's
    name stood over)."""
    words = title.text.split()
    if len(words) > _SHORT_TITLE_WORDS or any(len(w) > 3 and w[0].islower() for w in words):
        return title  # "Pellham’s new flood policy": a headline in sentence case
    top = _top_lines(lines, title)  # (a menu's line may stand next to others: it shares few)
    if not top:
        return title
    shared = len(content_words(title.text) & words_of_start(ln.text for ln in body))
    wanted = max(_SHARED_SURE, 2 * shared + 1)
    tops = {id(ln) for ln in top}
    below = words_of_start(ln.text for ln in body if id(ln) not in tops)  # own words aside
    return next((ln for ln in top if len(content_words(ln.text) & below) >= wanted), title)
