"""Where quotations open and close: « », “ ”, " ", ‘ ’ or ' ' after a colon, and quotations
that run over several paragraphs (each opening with the mark, only the last closing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pressroom.text.patterns import lazy

SPACES = " \t\u00a0\u202f\u2009"
LIST_ITEM = "• "
"""What opens a paragraph that is a list's item (the readers mark each so)."""
OPENERS = "«“\"‘'"
JOIN_LIMIT = 4
# The marks scan stops at: the openers, and a closing mark that may be written to open.
_SCANNED = OPENERS + "”»"
_CLOSERS = {"«": "»", "“": "”", "‘": "’"}
_SINGLE_AFTER = lazy(r"(?:[:,][ \u00a0]*|\b(?:said|says|wrote|writes|added)[ ]+)$")
_SINGLE_CLOSE = lazy(r"(?<=\S)['’](?=[\s,.;:!?)\]]|$)")


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation in a chunk of text: ``start``/``end`` include the marks."""

    start: int
    end: int
    inner: str
    mark: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """One paragraph, or several joined when a quotation runs over them."""

    text: str
    line: int
    first: int
    count: int
    spans: tuple[Span, ...]
    unclosed: str | None
    item: bool = False
    """A list's item (its mark taken off ``text``): a quotation may open it, and one
    without a quotation is a line between two of a speaker's, not a paragraph."""


def scan(text: str) -> tuple[list[Span], int | None, str | None]:
    """The closed quotations of a text, and where an opening mark is left open (if any)."""
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        i = _find_close(text, i, _SCANNED)  # the next mark: str.find is faster than a regex
        if i < 0:
            break
        char = text[i]
        if char in "«“":
            close = _find_close(text, i + 1, _CLOSERS[char] + ('"' if char == "“" else ""))
            close = _doubled_close(text, i + 1, close)  # "« … ’’": two single marks close
            if char == "«":
                close = _reversed_close(text, i + 1, close)
            elif text.find("“", i + 1, n if close < 0 else close) >= 0:  # no copy of the text
                close = _curly_close(text, i + 1, close)
            if close < 0:
                return spans, i, char
            end = close + (2 if text[close] == "’" else 1)
            spans.append(Span(i, end, text[i + 1 : close], char))
            i = end
        elif (char == '"' and _opens_straight(text, i)) or (
            char in "”»" and _closing_opens(text, i)
        ):
            close = _find_close(text, i + 1, "»«" if char == "»" else '"”')
            if close < 0:
                return spans, i, char
            spans.append(Span(i, close + 1, text[i + 1 : close], char))
            i = close + 1
        elif (
            char in "‘'"
            and i + 1 < n
            and text[i + 1] != " "
            and (_single_opens(text, i) or _opens_sentence(text, i))
        ):
            match = _SINGLE_CLOSE.search(text, i + 2)
            if match is None:
                return spans, i, char
            spans.append(Span(i, match.end(), text[i + 1 : match.start()], char))
            i = match.end()
        else:
            i += 1
    return spans, None, None


def _closing_opens(text: str, i: int) -> bool:
    """A closing mark written to open, glued after a comma or a colon and before a
    capital: ``President Kamau stated,”Commissioned the …”``, ``Selon X, »La …``, or
    opening a paragraph that it closes too: ``” The districts are working hard …”``,
    ``»J’ai travaillé … », a-t-il dit``."""
    if not text[:i].strip(" \u00a0"):  # the paragraph's first mark
        return text[i + 1 :].lstrip(" \u00a0")[:1].isupper() and text[i] in text[i + 2 :]
    return (
        0 < i < len(text) - 1
        and text[i + 1].isupper()
        and text[:i].rstrip(" \u00a0").endswith((",", ":"))
    )


def has_mark(text: str) -> bool:
    """Whether a text holds a quotation mark at all (faster than a regex search)."""
    return (
        "«" in text
        or "“" in text
        or '"' in text
        or "'" in text
        or "‘" in text
        or "»" in text  # written to open: "Selon X, »La …"
        or "”" in text
    )


def _single_opens(text: str, i: int) -> bool:
    """Whether a single mark at ``i`` follows a colon, a comma or ``said``; the regex runs
    only when the text before the mark ends so (an apostrophe is common, the cue is not)."""
    head = text[:i]
    spaced = head.rstrip(" ")
    if not head.rstrip(" \u00a0").endswith((":", ",")) and not (
        len(spaced) < len(head) and spaced.endswith(_SINGLE_VERBS)
    ):
        return False
    return _SINGLE_AFTER.search(text, 0, i) is not None


_SINGLE_VERBS = ("said", "says", "wrote", "writes", "added")


def _opens_sentence(text: str, i: int) -> bool:
    """``'En 40 ans, le Jura s'est donné …', a souligné …``: a straight single mark that
    opens a paragraph or a sentence, before a capital ("‘We’re …,’ said X" too)."""
    return (text[i + 1].isupper() and (i == 0 or text[:i].rstrip(" \u00a0")[-1:] in ".!?")) or (
        i == 0 and text[i] == "‘"
    )


def _doubled_close(text: str, start: int, close: int) -> int:
    """A closing mark typed as two single ones (``« … le CHAN ’’``, or ``’’`` in a joined
    paragraph that had no “ of its own), when it comes before the closing mark found
    (``close``, -1 if none). ``''`` never reaches here: ``_doubled_marks`` made it ``"``."""
    end = len(text) if close < 0 else close
    doubled = text.find("’’", start, end)
    return doubled if doubled >= 0 else close


def _reversed_close(text: str, start: int, close: int) -> int:
    """An opening « written to close (``… dans chaque commune« , souligne X``): one
    followed by punctuation or the end, before the closing mark found (-1 if none)."""
    end = len(text) if close < 0 else close
    at = text.find("«", start, end)
    while at >= 0:
        if text[at + 1 :].lstrip(" \u00a0")[:1] in ("", ",", ".", ";", ":", "!", "?"):
            return at
        at = text.find("«", at + 1, end)
    return close


def _curly_close(text: str, start: int, close: int) -> int:
    """An opening “ written to close before its speech verb (``… priorities, “said X``,
    ``… performance “ said Jones``), before the closing mark found (-1 if none)."""
    found = _CURLY_SAID.search(text, start, len(text) if close < 0 else close)
    return found.start() if found is not None else close


_CURLY_SAID = lazy(r"“ ?(?:said|says|added|adds|stated|states|explained|noted|told)\b")


def _find_close(text: str, start: int, closers: str) -> int:
    best = -1
    for closer in closers:
        at = text.find(closer, start)
        if at >= 0 and (best < 0 or at < best):
            best = at
    return best


def _opens_straight(text: str, i: int) -> bool:
    """A straight quote opens at the start, after a space or punctuation, not after a digit
    (12" is inches)."""
    return i == 0 or not text[i - 1].isdigit()


def chunks(texts: Sequence[str], lines: Sequence[int]) -> list[Chunk]:
    """Paragraphs in reading order; one whose quotation stays open is joined with the next
    (up to ``JOIN_LIMIT``), dropping the repeated opening mark of a continued paragraph."""
    found: list[Chunk] = []
    texts = [_doubled_marks(text) for text in texts]
    index = 0
    while index < len(texts):
        text, used = texts[index], 1
        item = text.startswith(LIST_ITEM)
        if item:
            text = text[len(LIST_ITEM) :]
        spans, open_at, mark = scan(text)
        while open_at is not None and used <= JOIN_LIMIT and index + used < len(texts):
            following = texts[index + used].lstrip(SPACES)
            if mark == '"' and not (following.startswith('"') or following.count('"') % 2):
                break
            if following[:1] not in OPENERS and following.rstrip(SPACES).endswith(":"):
                break  # "Owner, Roman Abramovich said:": another attribution, another quote
            if mark == "“" and following[:1] not in OPENERS and _ends_unsaid(text, open_at):
                break  # '…,” X said. “I … .' then a paragraph without “: not more of it
            if following[:1] in OPENERS and following[:1] in (mark or "", "“", '"', "«"):
                following = following[1:].lstrip(SPACES)
            text = f"{text} {following}"
            used += 1
            spans, open_at, mark = scan(text)
        if open_at is not None:
            text, used = texts[index][len(LIST_ITEM) if item else 0 :], 1
            spans, open_at, mark = scan(text)
            if open_at is not None and (
                _continued_below(text, texts[index + 1 : index + 3])
                or _said_to_the_end(text, open_at)
                or (open_at == 0 and index > 0 and _said_above(texts[index - 1], text))
            ):
                # each paragraph of the quotation opens with the mark, only the last closes
                # (a caption or an advertisement line may stand between them); or the
                # closing mark was lost after 'said: "…'
                spans.append(Span(open_at, len(text), text[open_at + 1 :], text[open_at]))
                open_at, mark = None, None
            if mark in ("'", "‘", '"'):
                mark = None  # a stray straight or single mark is not an error
        found.append(Chunk(text, lines[index], index, used, tuple(spans), mark, item))
        index += used
    return found


def _doubled_marks(text: str) -> str:
    """Double marks typed as two single ones (``‘‘They’re …’’``, ``''We were …''``) as
    the double marks they stand for, so that a quotation over paragraphs is one."""
    if "‘‘" not in text and "’’" not in text and "''" not in text:
        return text
    text = text.replace("‘‘", "“").replace("''", '"')
    return text.replace("’’", "”") if "“" in text else text  # "« … ’’": left for « to close


# How an attribution ends right before its quotation: "said:", "stated,", "commented".
_ATTRIBUTION_END = lazy(r"(?:[:,]|\b(?:said|says|\p{Ll}+ed))$")


def _said_to_the_end(text: str, open_at: int) -> bool:
    """``X said: "We are … association.`` with no closing mark: an attribution before the
    mark (a colon, a comma, ``commented``), whole sentences after it, and no other mark."""
    return (
        _ATTRIBUTION_END.search(text[:open_at].rstrip(SPACES)) is not None
        and text.rstrip(SPACES)[-1:] in ".!?…"
        and not any(m in text[open_at + 1 :] for m in '«»“”"')
    )


def _ends_unsaid(text: str, open_at: int) -> bool:
    """Whether a quotation opened inside a paragraph, with no attribution right before its
    mark (``said:``), ends a sentence at the paragraph's end: English opens each paragraph
    a quotation runs over with “, so a paragraph without one is not more of it."""
    return (
        open_at > 0
        and _ATTRIBUTION_END.search(text[:open_at].rstrip(SPACES)) is None
        and text.rstrip(SPACES)[-1:] in ".!?…"
    )


def _said_above(above: str, text: str) -> bool:
    """``X commented:`` alone above ``"This milestone … commissioned.`` with no closing
    mark: the quotation is the paragraph."""
    return (
        above.rstrip(SPACES).endswith(":")
        and text.rstrip(SPACES)[-1:] in ".!?…"
        and not any(m in text[1:] for m in '«»“”"')
    )


def _continued_below(text: str, below: Sequence[str]) -> bool:
    """Whether a paragraph left open ends a sentence and one of the next opens a quotation."""
    return text.rstrip(SPACES)[-1:] in ".!?…" and any(
        following.lstrip(SPACES)[:1] in '«“"' for following in below
    )


def opens_quote(text: str) -> bool:
    """Whether a paragraph begins with an opening quotation mark (a quote block)."""
    return bool(text) and text[0] in '«“"'


def outside(text: str, spans: Sequence[Span]) -> str:
    """The text with its quotations blanked out (same length, so positions hold)."""
    if not spans:
        return text
    parts, at = [], 0
    for span in spans:
        parts += [text[at : span.start], " " * (span.end - span.start)]
        at = span.end
    parts.append(text[at:])
    return "".join(parts)


def is_quoted_title(inner: str) -> bool:
    """A quoted title of a work (“Only the Brave”), an honour's name in capitals («GRAND
    COMMANDER OF THE ORDER OF THE STAR»), not speech."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    if len(words) >= 3 and inner.isupper():
        return True
    return len(words) <= 8 and all(w[:1].isupper() for w in words if len(w) > 3)
