"""Which line of a scraped page is the title: page chrome around it (mastheads, site and
section names, image file names, labels, kickers) is passed over by its shape."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import regex

from pressroom.errors import RecordError
from pressroom.readers.overlap import content_words, words_of_start
from pressroom.text.dates import WEEKDAY_NAMES, has_date, parse_date_line
from pressroom.text.patterns import lazy

TITLE_MAX_GUESS = 200
# How many lines from the top of a page a headline is looked for (also to replace one).
TOP_LINES = 24
# An update stamp, not the publication date: "Mis à jour le …", "Last updated …".
UPDATE_LINE = lazy(r"^(?:mise? à jour|modifié|updated|last updated)", regex.I)
# A byline under a title: "Par Léa Morel", "- By Tom Lee Political Editor", "- Léa Morel",
# "Par Léa MOREL | La Gazette".
BYLINE = lazy(
    r"^(?:[-–—]\s*)?(?i:par|by)\s+\p{Lu}[\p{L}'’ .|/-]{1,80}$|"
    r"^[-–—]\s*\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$"
)
# A label or breadcrumb line that the title follows: "Communiqué de presse", "Press
# release", "Accueil / À la une", "Home > News".
LABEL = lazy(
    r"^(?:communiqués?(?: de presse| officiels?)?|(?:joint )?(?:press|news|media) "
    r"(?:release|statement)|for immediate release|(?:accueil|home)\s*[/>›»].*)$",
    regex.I,
)
# A publication's masthead or a site's name: "Scottish Daily Mail", "Aqui.fr",
# "European Commission - Daily News", "Toutes les Nouvelles (Vals)".
_MASTHEAD = lazy(
    r"^(?:[\p{L}'’&.-]+\s+){0,4}(?:news|times|post|mail|gazette|herald|tribune|journal|"
    r"magazine|nouvelles|today|info|actu)(?:\s*\([^)]*\))?$|"
    r"^[\p{L}\d-]+\.(?:fr|com|net|org|info|eu|be|ch|ca|uk|tv)$",
    regex.I,
)
_ODDS = lazy(  # image file names, addresses, telephone numbers
    r"\.(?:jpe?g|png|gif|webp)\)?$|@\S+\.\w+$|^https?://|^\+?[\d ().-]{8,}(?:\s*\(.*\))?$",
    regex.I,
)
_WEEKDAY = lazy(r"^(?:" + "|".join(WEEKDAY_NAMES) + r")\b", regex.I)
# A photo caption ends with its credit: "… at the opening. Picture: Supplied", "… © AFP",
# "… (photo Tania Feller)".
_CAPTION = lazy(
    r"(?:©|(?:\b|(?<=\p{Ll}))(?:photos?|pictures?|images?|crédits?(?: photo)?|credits?)\s*:)"
    r"\s*[^.!?:]{1,60}$|"
    r"\((?:photo|picture|crédit|credit)\b[^()]{1,60}\)$",
    regex.I,
)
# "… at the quay on Tuesday. Copyright Lindmouth Press"
_COPYRIGHT_CAPTION = lazy(r"[.!?]\s+copyright\s[^.!?:]{1,60}$", regex.I)
# A date the headline speaks of, not a stamp after it: "Weekly news: week of 20 June 2021".
# or the date of the event the headline names: "Minister Jane Doe opening the trade
# fair, 1 December 2026" (a stamp stands after a dash, a bar or "le").
HEADLINE_DATE = lazy(
    r"(?:\s(?:du|des|au|aux|of|from|for|since|until|till|depuis|on|by|before|after|avant|"
    r"après|jusqu['’]au)|(?<=\p{L})\sle)\s+(?:\p{L}+\s+)?\d[\w .,/-]*$|"
    r"^(?:\S+\s+){5,}\S+,\s+(?:\d{1,2}(?:er|st|nd|rd|th)?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2},?)"
    r"\s+\d{4}$",
    regex.I,
)
# A menu or list item: "• Subscribe to our newsletter".
BULLET = lazy(r"^(?:[•·▪◦‣*»›►▶▸●○■□✓✔→>]\s*|-\s+)")
# A byline or stamp that ends with its date: "Posted by Ann Lee on 3 May 2024".
_BYLINE_STAMP = lazy(
    r"^(?:posted|published|written|submitted|updated|issued|released|publié|mis à jour|par|by)\b",
    regex.I,
)
# A crawler's stamp left at the top: " date 2021-05".
CRAWLER = lazy(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\b\s*", regex.I)
_SITE_BYLINE = lazy(r"\|\s*(?:par|by)\s+\p{Lu}", regex.I)
_WORD = lazy(r"\p{L}{2}")
# A publication stamp's label left alone on its line: the headline is above it.
_STAMP_LABEL = lazy(r"^(?:publiée?|published|posted|mise? à jour|updated)\b", regex.I)
# A word or two of page chrome: "spot_img", "Share", "10 am".
_SHORT_CHROME = lazy(r"^\S+(?:\s\S+)?$")
# A paragraph of the body: the title is the last title-like line above the first one.
_PARAGRAPH_MIN = 100
_QUOTED_SENTENCE = lazy(r"[.!?…]\s*[»”\"]$")  # a quotation's paragraph: « ….» / “….”
# A headline that gives a speaker, a colon and their words: 'Ann Roe : "On touche le fond !"'
_SPEAKER_HEADLINE = lazy(r"^[^.!?:«»“”\"]{3,60}[ \u00a0]:[ \u00a0]*[«“\"][^«»“”\"]{3,90}[»”\"]$")
_PHONE = lazy(r"\(\d{3}\)[ \u00a0]?\d{3}-\d{4}|\b9-1-1\b")  # a banner's phone number
_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def parse_or_none(text: str) -> bool:
    try:
        return parse_date_line(text, _UTC, 0) is not None
    except RecordError:
        return False


def is_candidate(text: str) -> bool:
    """Could this line be a title: not a site name, a one- or two-word label, a sentence,
    a lower-case leftover, an image file name, a dated header."""
    words = text.split()
    return not (  # the cheap tests first: most lines are paragraphs, too long
        len(words) <= 2
        or len(text) > TITLE_MAX_GUESS
        or (text[0].islower() and not text[1:2].isupper())  # not "eThekwini", "iPhone"
        or (text.endswith((":", ".")) and not text.endswith(".."))
        or text.count(" | ") >= 2  # "Site | Section | tagline"
        or " > " in text  # a breadcrumb: "Council > Newsroom"
        or " • " in text  # "Site • tagline"
        or " · " in text
        or " › " in text
        or (_QUOTED_SENTENCE.search(text) and not _SPEAKER_HEADLINE.match(text))
        or _PHONE.search(text)  # "IN CASE OF AN EMERGENCY DIAL 9-1-1 … (352) 249-2790"
        or (text[0] == "(" and text.endswith(")"))  # "(Health and Community Services)"
        or _SITE_BYLINE.search(text)  # "LEFASO.NET | Par Tiga Sawadogo"
        or sum(1 for w in words if _WORD.search(w)) < 2  # "0.5400 AUD +1.89%"
        or _MASTHEAD.match(text)
        or _ODDS.search(text)
        or (has_date(text) and not HEADLINE_DATE.search(text))
        or BULLET.match(text)
        or _CAPTION.search(text)
        or (("opyright" in text or "OPYRIGHT" in text) and _COPYRIGHT_CAPTION.search(text))
    )


def holds_event_date(text: str) -> bool:
    """A date the line speaks of, not a stamp: a headline's ("… open until 31 March 2025")
    or a paragraph's ("… a concert on Saturday 30 January 2010."). A short sentence ("Issued
    by the Office on 2 May 2024.") and a byline ("• Posted by Ann Lee on 3 May 2024") stamp."""
    if not HEADLINE_DATE.search(text):
        return False
    if _BYLINE_STAMP.match(BULLET.sub("", text, count=1)):
        return False
    return len(text) > TITLE_MAX_GUESS or not text.endswith(".")


def _stamped_title(lines: list[Line], at: int) -> bool:
    """A crawler's stamp glued before the headline ("date 2023-12-06 The headline") with no
    title-like line under it: the stamped line is the title."""
    text = lines[at].text
    stamp = CRAWLER.match(text)
    return (
        stamp is not None
        and is_candidate(text[stamp.end() :])
        and (at + 1 >= len(lines) or not is_candidate(lines[at + 1].text))
    )


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
    if kind == "end" and date_at is not None and is_candidate(lines[date_at].text):
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
    return _around_date(lines, date_at, title_stated, bylines)


def _first_candidate(lines: list[Line], labels: frozenset[int]) -> int:
    top = range(min(len(lines), TOP_LINES))
    label = min(labels, default=None)
    if label is not None:
        found = next(
            (i for i in top if lines[i].number > label and is_candidate(lines[i].text)), None
        )
        if found is not None:
            return found
    first = next((i for i in top if is_candidate(lines[i].text)), None)
    if first is None:  # "Header Ads" over "Kabogo Commissions a Water Project."
        return next((i for i in top if _headline_sentence(lines, i)), 0)
    if first > 0 and _is_headline_sentence(lines, first):
        return 0
    return _last_before_paragraph(lines, first)


def _body_above(lines: list[Line], first: int) -> bool:
    """Two paragraphs above the first title-like line: the text began without a headline,
    and that line is the body's, not a title with page chrome above it."""
    return sum(1 for ln in lines[:first] if is_paragraph(ln.text)) >= 2


def is_paragraph(text: str) -> bool:
    return len(text) >= _PARAGRAPH_MIN and text.endswith((".", "!", "?", "»", "”", '"'))


def _is_headline_sentence(lines: list[Line], first: int) -> bool:
    """A short first line that ends with a period, over the body's first paragraph: the
    headline, and the first title-like line after it a subheading."""
    return _sentence_like(lines[0].text) and any(
        len(ln.text) >= _PARAGRAPH_MIN for ln in lines[1:first]
    )


def _headline_sentence(lines: list[Line], at: int) -> bool:
    """A short line that ends with a period right over a paragraph, on a page with no
    title-like line: its headline."""
    return (
        _sentence_like(lines[at].text)
        and at + 1 < len(lines)
        and len(lines[at + 1].text) >= _PARAGRAPH_MIN
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
            if longer and not _heads_body(lines, found):
                found = i
        elif (
            len(text) >= _PARAGRAPH_MIN
            or text.endswith((".", "!", "?", "»", "”", '"'))
            or _STAMP_LABEL.match(text)  # "Publié", "le", the date: the header ends
        ):
            return found
    return first if end is None else found  # a dateline ends the lines above it


def _heads_body(lines: list[Line], at: int) -> bool:
    """A headline in sentence case of five words or more that shares two with the
    paragraphs under it: a longer line under it is its standfirst or a caption, not the
    title. (A line of capitalised words may be a name or places above the headline.)"""
    text = lines[at].text
    if len(text.split()) < _HEADLINE_WORDS or not _SENTENCE_CASE.search(text):
        return False
    if not (text[0].isalnum() or text[0] in "'‘’\"“«"):
        return False  # "|Patrick J. Sullivan, Chairman": a table's cell
    body = (ln.text for ln in lines[at + 1 :] if is_paragraph(ln.text))
    return len(content_words(lines[at].text) & words_of_start(body)) >= 3


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
        and not (below + 1 < len(lines) and lines[below + 1].text[0].islower())  # wrapped
    )


_MENU_WORDS = 4


def _capitals_over_headline(lines: list[Line], above: int, below: int | None) -> bool:
    """A company's or a paper's name in capitals above the date ("ACME MINING LTD") and a
    longer headline in mixed case under it."""
    text = lines[above].text
    if below is None or not text.isupper():
        return False
    headline = lines[below].text
    return is_candidate(headline) and not headline.isupper() and len(headline) > len(text)


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


def _around_date(
    lines: list[Line], date_at: int, title_stated: bool, bylines: frozenset[int]
) -> tuple[Line | None, list[Line]]:
    after = date_at + 1
    while after < len(lines) and (
        parse_or_none(lines[after].text) or UPDATE_LINE.match(lines[after].text)
    ):
        after += 1  # "Brussels, 4 April 2019" under "Daily News 04 / 04 / 2019"
    if title_stated:
        return None, lines[:date_at] + lines[after:]
    below = after if after < len(lines) else None
    if below is not None and is_candidate(lines[below].text):
        header = date_at > 0 and has_date(lines[date_at - 1].text)
        # a blog's "Mercredi 26 mars 2014" header, not a field's value under "Date :"
        blog = _WEEKDAY.match(lines[date_at].text) and not (
            date_at > 0 and lines[date_at - 1].text.endswith(":")
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
            return lines[i], lines[after:]
    near_top = all(len(ln.text) < _PARAGRAPH_MIN for ln in lines[:date_at])
    if near_top and below is not None and _short_headline(lines, below):
        return lines[below], lines[below + 1 :]  # "Making headlines", then the text
    while below is not None and below + 1 < len(lines) and _SHORT_CHROME.match(lines[below].text):
        below += 1  # "spot_img" under a header's date
    if near_top and below is not None and is_candidate(lines[below].text):  # "Premium", date
        return lines[below], lines[below + 1 :]
    if before >= 0 and len(lines[before].text) <= TITLE_MAX_GUESS:
        return lines[_worded_above(lines, before)], lines[after:]
    top = next((i for i in range(min(before + 1, TOP_LINES)) if is_candidate(lines[i].text)), None)
    if top is not None:  # the date is an event's, further down the page
        return lines[top], lines[top + 1 :]
    below_fits = below is not None and len(lines[below].text) <= TITLE_MAX_GUESS
    if below is not None and below_fits and lines[below].text[-1] != ".":
        return lines[below], lines[: before + 1] + lines[below + 1 :]
    if before >= 0:
        return lines[before], lines[after:]
    return (lines[below], lines[below + 1 :]) if below is not None else (None, [])
