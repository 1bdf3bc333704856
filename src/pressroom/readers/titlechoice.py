"""Which line of a scraped page is the title: the nearest title-like line before a date
line, the one under a dated header or over a byline, the headline over its standfirst;
with no date line, the first title-like line of the page."""

from __future__ import annotations

import regex

from pressroom.readers.overlap import content_words, words_of_start
from pressroom.readers.titles import (
    BYLINE,
    CRAWLER,
    MAX_TITLE,
    PARAGRAPH_MIN,
    SHORT_CHROME,
    STAMP_LABEL,
    TITLE_MAX_GUESS,
    TOP_LINES,
    UPDATE_LINE,
    WEEKDAY,
    Line,
    is_candidate,
    is_paragraph,
    parse_or_none,
)
from pressroom.text.dates import WEEKDAY_NAMES, has_date
from pressroom.text.patterns import lazy


def _stamped_title(lines: list[Line], at: int) -> bool:
    """A crawler's stamp glued before the headline ("date 2023-12-06 The headline") with no
    title-like line under it, or one the text under it speaks of (three words shared): the
    stamped line is the title, not a caption under it."""
    text = lines[at].text
    stamp = CRAWLER.match(text)
    if stamp is None or not is_candidate(text[stamp.end() :]):
        return False
    if at + 1 >= len(lines) or not is_candidate(lines[at + 1].text):
        return True
    below = words_of_start(ln.text for ln in lines[at + 1 :])  # a caption under it
    return len(content_words(text[stamp.end() :]) & below) >= _STAMPED_SHARED


_STAMPED_SHARED = 3


def choose(
    lines: list[Line],
    date_at: int | None,
    title_stated: bool,
    kind: str,
    bylines: frozenset[int],
    labels: frozenset[int],
) -> tuple[Line | None, list[Line]]:
    """The title line and the body lines. Before a date line the nearest title-like line
    is the title; a date-bearing header above or a byline below shows the title is under
    the date; a wire dateline follows the title (and its subtitle); with no date line, the
    first title-like line of the page, or the one after a `Communiqué de presse` label.
    Lines above a title found this way are page chrome and left out."""
    if date_at is not None and kind == "label" and _stamped_title(lines, date_at):
        rest = lines[:date_at] + lines[date_at + 1 :]
        return (None, rest) if title_stated else (lines[date_at], rest)
    if (
        kind == "end"
        and date_at is not None
        and is_candidate(lines[date_at].text)
        and not BYLINE.match(lines[date_at].text)  # "By Ann Roe, Political Editor, 9 Aug"
        and not _WEEKDAY_END.search(lines[date_at].text)  # "DPI, Guyana, Wednesday, 27 …"
    ):
        rest = lines[:date_at] + lines[date_at + 1 :]
        return (None, rest) if title_stated else (lines[date_at], rest)
    if kind == "end" and date_at is not None:  # "Imprimer - par CD 99 - 19 sept 2017"
        lines, date_at = lines[:date_at] + lines[date_at + 1 :], None
    if kind == "dateline" and date_at is not None:
        if title_stated:
            return None, lines
        start = max((i + 1 for i in range(date_at) if lines[i].number in labels), default=0)
        found = next((i for i in range(start, date_at) if is_candidate(lines[i].text)), None)
        if found is not None:  # after a "Communiqués de presse" label, if there is one
            found = _last_before_paragraph(lines, found, date_at)
            return lines[found], lines[found + 1 :]
        if date_at == 0 and len(lines[0].text) > TITLE_MAX_GUESS:
            found = _first_candidate(lines, labels)  # the page opens on its dated paragraph
        else:
            found = max(date_at - 1, 0)
        return lines[found], lines[:found] + lines[found + 1 :]
    if date_at is None:
        if title_stated or not lines:
            return None, lines
        found = _first_candidate(lines, labels)
        if found > 0 and _body_above(lines, found):  # keep the body the text began with
            found = 0 if len(lines[0].text) <= TITLE_MAX_GUESS else found
            return lines[found], lines[:found] + lines[found + 1 :]
        return lines[found], lines[found + 1 :]
    return _around_date(lines, date_at, title_stated, bylines, labels)


# A dateline's place and weekday before its date, not a headline: "DPI, Guyana, Wednesday".
_WEEKDAY_END = lazy(r",\s*(?:" + "|".join(WEEKDAY_NAMES) + r")\s*,?\s*$", regex.I)


def _first_candidate(lines: list[Line], labels: frozenset[int]) -> int:
    top = range(min(len(lines), TOP_LINES))
    label = min(labels, default=None)
    if label is not None:  # after "Communiqué de presse", a headline may run long
        found = next(
            (i for i in top if lines[i].number > label and _label_headline(lines[i].text)), None
        )
        if found is not None:
            return found
    first = next((i for i in top if is_candidate(lines[i].text)), None)
    if first is None:  # "Header Ads" over "Kabogo Commissions a Water Project."
        return next((i for i in top if _headline_sentence(lines, i)), 0)
    if first > 0 and _is_headline_sentence(lines, first):
        return 0
    return _last_before_paragraph(lines, first)


def _label_headline(text: str) -> bool:
    """A title-like line, or a longer one with no sentence's end under a press label."""
    if len(text) > MAX_TITLE or text.endswith((".", ":")):
        return False
    return is_candidate(text[:TITLE_MAX_GUESS])


def _body_above(lines: list[Line], first: int) -> bool:
    """Two paragraphs above the first title-like line: the text began without a headline,
    and that line is the body's, not a title with page chrome above it."""
    return sum(1 for ln in lines[:first] if is_paragraph(ln.text)) >= 2


def _is_headline_sentence(lines: list[Line], first: int) -> bool:
    """A short first line that ends with a period, over the body's first paragraph: the
    headline, and the first title-like line after it a subheading."""
    return _sentence_like(lines[0].text) and any(
        len(ln.text) >= PARAGRAPH_MIN for ln in lines[1:first]
    )


def _headline_sentence(lines: list[Line], at: int) -> bool:
    """A short line that ends with a period right over a paragraph, on a page with no
    title-like line: its headline."""
    return (
        _sentence_like(lines[at].text)
        and at + 1 < len(lines)
        and len(lines[at + 1].text) >= PARAGRAPH_MIN
    )


def _sentence_like(text: str) -> bool:
    return (
        len(text) <= HEADLINE_SENTENCE_MAX
        and text.endswith(".")
        and len(text.split()) > 2
        and text[0].isupper()
    )


HEADLINE_SENTENCE_MAX = 100


def _last_before_paragraph(lines: list[Line], first: int, end: int | None = None) -> int:
    """A site's name, a section or a kicker above the headline is title-like too, and
    shorter: the headline is the longest of the title-like lines above the first paragraph
    that grow longer down the page (a subtitle or a byline under it is shorter)."""
    found = first
    for i in range(first + 1, min(len(lines), first + 8 if end is None else end)):
        text = lines[i].text
        if is_candidate(text):
            longer = len(text) > len(lines[found].text) and not BYLINE.match(text)
            if (
                longer
                and not _wrapped(lines, i)
                and not _heads_body(lines, found)
                and not (_title_case_head(lines, found) and _SENTENCE_CASE.search(text))
                and not _standfirst(lines, i)
            ):
                found = i
        elif (
            len(text) >= PARAGRAPH_MIN
            or text.endswith((".", "!", "?", "»", "”", '"'))
            or STAMP_LABEL.match(text)  # "Publié", "le", the date: the header ends
        ):
            return found
    return first if end is None else found  # a dateline ends the lines above it


def _heads_body(lines: list[Line], at: int) -> bool:
    """A headline in sentence case of five words or more that shares three with the
    paragraphs under it: a longer line under it is its standfirst or a caption, not the
    title. (A line of capitalised words may be a name or places above the headline.)"""
    text = lines[at].text
    if len(text.split()) < _HEADLINE_WORDS or not _SENTENCE_CASE.search(text):
        return False
    if not (text[0].isalnum() or text[0] in "'‘’\"“«"):
        return False  # "|Patrick J. Sullivan, Chairman": a table's cell
    return _shares_with_body(lines, at)


def _shares_with_body(lines: list[Line], at: int) -> bool:
    """Whether the line at ``at`` shares three content words with the paragraphs under it."""
    body = (ln.text for ln in lines[at + 1 :] if is_paragraph(ln.text))
    return len(content_words(lines[at].text) & words_of_start(body)) >= 3


def _title_case_head(lines: list[Line], at: int) -> bool:
    """A headline in Title Case of five words or more that shares three with the paragraphs
    under it (``DAERA Minister Promises To Help Farming Sector``): a longer line under it in
    sentence case is its standfirst."""
    text = lines[at].text  # not "RESEARCH SPOTLIGHT: St. Michael's Hospital", a kicker
    kicker = ":" in text or _SENTENCE_CASE.search(text)
    return len(text.split()) >= _HEADLINE_WORDS and not kicker and _shares_with_body(lines, at)


_HEADLINE_WORDS = 5
_SENTENCE_CASE = lazy(r"(?<!\p{L})\p{Ll}{3,}")


def _menu_over_headline(lines: list[Line], above: int, below: int | None) -> bool:
    """A short menu item the page repeats ("Research Chairs" twice) above the date, and a
    longer title-like line under it: the headline is under the date."""
    text = lines[above].text
    return (
        below is not None
        and len(text.split()) <= _MENU_WORDS
        and sum(1 for ln in lines[:above] if ln.text == text) >= 1
        and is_candidate(lines[below].text)
        and len(lines[below].text) > len(text)
        and not _wrapped(lines, below)
    )


def _wrapped(lines: list[Line], at: int) -> bool:
    """Whether the line at ``at`` is a sentence hard-wrapped onto the next line, which
    goes on in lower case: an interview's question, not a headline."""
    return at + 1 < len(lines) and lines[at + 1].text[:1].islower()


_MENU_WORDS = 4


def _capitals_over_headline(lines: list[Line], above: int, below: int | None) -> bool:
    """A company's or a paper's name in capitals above the date ("ACME MINING LTD") and a
    longer headline in mixed case under it."""
    text = lines[above].text
    if below is None or not text.isupper():
        return False
    headline = lines[below].text
    return is_candidate(headline) and not headline.isupper() and len(headline) > len(text)


def _standfirst(lines: list[Line], at: int) -> bool:
    """A long title-like line under a shorter headline of five words or more that shares
    two words with it and the text: the headline's standfirst (``Seven universities share
    £20M ⏎ The cash … will be used for PhD students to carry out research``), not a long
    headline under a menu (``Editer l'article Suivre ce blog …``)."""
    if at == 0 or not is_candidate(CRAWLER.sub("", lines[at - 1].text)):
        return False  # a crawler's stamp may open the headline's line
    head, line = len(lines[at - 1].text.split()), len(lines[at].text.split())
    if head < _HEADLINE_WORDS or line < _STANDFIRST_WORDS or line < 1.5 * head:
        return False
    if lines[at].text.endswith(("...", "…")):
        return True  # a teaser cut short: "Une belle occasion de revenir sur … Elise Roy..."
    below = words_of_start(ln.text for ln in lines[at:])
    return len(content_words(lines[at - 1].text) & below) >= _STANDFIRST_SHARED


_STANDFIRST_WORDS = 14
_STANDFIRST_SHARED = 2
# An issuer under its label, not a headline: "Press Release: New Zealand Government".
_ISSUER_LABEL = lazy(r"^(?:press|media|news)\s+release\s*:\s*(?:\p{Lu}\S*\s*){1,5}$", regex.I)


def _worded_above(lines: list[Line], before: int) -> int:
    """The nearest line above the date that is more than a word or two: a place line
    ("EPINAL") or a section name between the headline and the date is passed over."""
    for i in range(before, max(before - 3, -1), -1):
        text = lines[i].text
        if len(text) > TITLE_MAX_GUESS:
            break
        if len(text.split()) > 2:
            return i
    return before


def _short_headline(lines: list[Line], at: int) -> bool:
    """A two-word headline in sentence case over the text ("Making headlines"): not a
    name ("Jo Penn"), a label ("Read more") or a time ("10 am")."""
    words = lines[at].text.split()
    return (
        len(words) == 2
        and words[0][0].isupper()
        and words[0].isalpha()
        and words[1].isalpha()
        and words[1].islower()
        and words[0].lower() not in _NOT_HEADLINE_WORDS
        and at + 1 < len(lines)
        and len(lines[at + 1].text) >= _STANDFIRST_MIN
    )


_NOT_HEADLINE_WORDS = frozenset(
    "read share print back see more view voir lire partager imprimer retour plus en".split()
)
_STANDFIRST_MIN = 60


def _after_label(lines: list[Line], at: int, labels: frozenset[int]) -> int | None:
    """The title-like line right under a label (``Communiqué``) a line or two below
    ``at``: the issuer's name above the label is not the title."""
    for i in range(at, min(at + 3, len(lines) - 1)):
        if lines[i].number in labels and is_candidate(lines[i + 1].text):
            return i + 1
    return None


def _around_date(
    lines: list[Line],
    date_at: int,
    title_stated: bool,
    bylines: frozenset[int],
    labels: frozenset[int],
) -> tuple[Line | None, list[Line]]:
    if not title_stated and _body_above(lines, date_at):  # a date at the page's foot
        rest = lines[:date_at] + lines[date_at + 1 :]
        found = _first_candidate(rest, labels)
        return rest[found], rest[:found] + rest[found + 1 :]
    after = date_at + 1
    while after < len(lines) and (
        parse_or_none(lines[after].text) or UPDATE_LINE.match(lines[after].text)
    ):
        after += 1  # "Brussels, 4 April 2019" under "Daily News 04 / 04 / 2019"
    if title_stated:
        return None, lines[:date_at] + lines[after:]
    below = after if after < len(lines) else None
    if (
        below is not None
        and below + 1 < len(lines)
        and lines[below + 1].number in bylines
        and is_candidate(lines[below].text)
        and is_candidate(lines[below + 1].text)
    ):
        below += 1  # "Échos de la MRC du 12 juin ⏎ <headline> ⏎ Par: Ann Roe": over the byline
    if below is not None and is_candidate(lines[below].text):
        header = date_at > 0 and has_date(lines[date_at - 1].text)
        # a blog's "Mercredi 26 mars 2014" header, not a field's value under "Date :"
        blog = (
            WEEKDAY.match(lines[date_at].text)
            and not (date_at > 0 and lines[date_at - 1].text.endswith(":"))
            and not _ISSUER_LABEL.match(lines[below].text)  # "Press Release: Acme Ltd"
        )
        if header or blog or lines[below].number in bylines:
            return lines[below], lines[below + 1 :]
    before = date_at - 1
    while before >= 0 and (
        parse_or_none(lines[before].text) or UPDATE_LINE.match(lines[before].text)
    ):
        before -= 1  # "Mis à jour le 02/07/2013" above the document's own date
    for i in range(before, max(before - 4, -1), -1):
        if len(lines[i].text) > TITLE_MAX_GUESS:
            break
        if is_candidate(lines[i].text):
            if _menu_over_headline(lines, i, below) or _capitals_over_headline(lines, i, below):
                break
            if _standfirst(lines, i):  # "Headline ⏎ A longer standfirst ⏎ Published …"
                return lines[i - 1], lines[i:date_at] + lines[after:]
            return lines[i], lines[after:]
    near_top = all(len(ln.text) < PARAGRAPH_MIN for ln in lines[:date_at])
    if near_top and below is not None and _short_headline(lines, below):
        return lines[below], lines[below + 1 :]  # "Making headlines", then the text
    while below is not None and below + 1 < len(lines) and SHORT_CHROME.match(lines[below].text):
        below += 1  # "spot_img" under a header's date
    if near_top and below is not None and is_candidate(lines[below].text):  # "Premium", date
        labelled = _after_label(lines, below, labels)
        if labelled is not None:  # "Ville de Gatineau ⏎ Communiqué ⏎ <the headline>"
            return lines[labelled], lines[labelled + 1 :]
        if _capitals_over_headline(lines, below, below + 1 if below + 1 < len(lines) else None):
            below += 1  # "ANNULATION DES SUJETS D’EXAMEN" over the headline
        return lines[below], lines[below + 1 :]
    if (
        before >= 0
        and len(lines[before].text) <= TITLE_MAX_GUESS
        and not is_paragraph(lines[before].text)
    ):  # not a paragraph's end over a date at the foot of the page
        return lines[_worded_above(lines, before)], lines[after:]
    top = next((i for i in range(min(before + 1, TOP_LINES)) if is_candidate(lines[i].text)), None)
    if top is not None:  # the date is an event's, further down the page
        return lines[top], lines[top + 1 :]
    below_fits = below is not None and len(lines[below].text) <= TITLE_MAX_GUESS
    if below is not None and below_fits and lines[below].text[-1] != ".":
        return lines[below], lines[: before + 1] + lines[below + 1 :]
    if before >= 0:
        return lines[before], lines[after:]
    if below is None:
        return None, []
    # a site's motto ending in a stop under the date, then the headline
    near = next(
        (i for i in range(below, min(below + 3, len(lines))) if is_candidate(lines[i].text)), below
    )
    return lines[near], lines[near + 1 :]
