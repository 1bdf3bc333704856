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
    if shares_a_word(content_words(title.text), (ln.text for ln in body)):
        return title
    best, best_shared = title, _SHARED_MIN - 1
    first = next((i for i, ln in enumerate(lines) if is_paragraph(ln.text)), len(lines))
    numbers = {ln.number for ln in lines}
    for line in lines[: min(first, TOP_LINES)]:  # a headline heads the text
        if line is title or len(line.text) > TITLE_MAX_GUESS or not is_candidate(line.text):
            continue
        if line.number - 1 in numbers or line.number + 1 in numbers:
            continue  # a line of a wrapped paragraph or of a menu: a headline stands alone
        others = (ln.text for ln in body if ln is not title and ln is not line)
        shared = len(content_words(line.text) & words_of_start(others))
        if shared >= _SHARED_SURE:
            return line  # the first: a subtitle or a heading of the body comes after it
        if shared > best_shared:
            best, best_shared = line, shared
    return best
