"""Dates as press offices write them, and dates and weeks in words (via Babel)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import regex
from babel.dates import format_date

from pressroom.errors import RecordError
from pressroom.lexicon import MONTHS_EN, MONTHS_FR, PACKAGED, WEEKDAYS_EN, WEEKDAYS_FR, numbered
from pressroom.text.heads import heads_date
from pressroom.text.patterns import lazy
from pressroom.weeks import MAX_YEAR, MIN_YEAR, week_monday

MONTHS = numbered(PACKAGED, MONTHS_FR, MONTHS_EN)
"""Every month's name, spelling and abbreviation (the lists ``months.fr.txt`` and
``months.en.txt`` of ``pressroom.lexicon``), lower case, with its number."""
_MONTH = "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
WEEKDAY_NAMES = tuple(sorted(numbered(PACKAGED, WEEKDAYS_FR, WEEKDAYS_EN), key=len, reverse=True))
"""Every weekday's name, French and English (``weekdays.fr.txt``, ``weekdays.en.txt``)."""
_WEEKDAY = r"(?:(?:" + "|".join(map(regex.escape, WEEKDAY_NAMES)) + r")\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:à|a|at|@|-|,)?\s*(?P<hour>\d{1,2})\s*(?:[:h.])\s*(?P<minute>\d{2})?(?::\d{2})?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?(?:\s+(?-i:ET|EST|EDT|CET|CEST|GMT|UTC|BST|PT|PST|PDT))?)?"
)


def _numeric(day: str, month: str, year: str) -> str:
    """A date in numbers (``09/10/2015``, ``9.10.2015``), its parts in the named groups."""
    return rf"(?P<{day}>\d{{1,2}}) ?[/.-] ?(?P<{month}>\d{{1,2}}) ?[/.-] ?(?P<{year}>\d{{4}})"


_DATE_FORMS = (
    r"(?P<iso>(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{2})(?P=isep)(?P<id>\d{2})"
    r"(?:[T ](?P<ih>\d{2}):(?P<imin>\d{2})"
    r"(?::\d{2}(?:\.\d+)?)?(?P<ioff>Z|[+-]\d{2}:?\d{2})?)?)",
    r"(?P<num>" + _numeric("nd", "nm", "ny") + ")" + _TIME,
    _WEEKDAY
    + r"(?P<words>(?P<wd>\d{1,2})(?:er|st|nd|rd|th|\.)?(?:\s+of)?(?:\s+|-)(?P<wm>"
    + _MONTH
    + r")\.?,?(?:\s+|-)(?P<wy>\d{4}))"
    + _TIME,
    _WEEKDAY + r"(?P<en>(?P<em>" + _MONTH + r")\.?\s+(?P<ed>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)"
    r"(?P<ey>\d{4}))" + _TIME,
    r"(?P<ym>(?P<yy>\d{4})-(?P<ymon>" + _MONTH + r")-(?P<yd>\d{1,2}))",  # "2017-Jun-28"
)
_PREFIX = (
    r"^\s*(?:[•·▪‣]\s*)?"  # a list's bullet: "• Jul. 31, 2014 8:00 a.m."
    r"(?:[\p{L}][\p{L}'’ -]{0,40},\s*)?"  # place: "Lyon, le ..."
    r"(?:(?:communiqué(?: de presse)?(?: du)?|(?:press|news|media) release)\s*[-–—:|]?\s*)?"
    r"(?:(?:publié|mise? à jour|mis en ligne|diffusé|published|updated|posted|issued)\s+"
    r"(?:le|on)?\s*"
    r"(?:(?:à|at)\s*)?(?:(?P<phour>\d{1,2})[:h.](?P<pminute>\d{2})\s*(?P<pampm>am|pm)?,?\s+)?"
    r"|le\s+|on\s+)?"
    r"(?:[\p{Ll}_]{3,20}(?=\d))?"  # an icon's name glued to the date: "event14 mars 2019"
)
_LINE_RES = tuple(lazy(_PREFIX + form + r"\s*\.?\s*$", regex.IGNORECASE) for form in _DATE_FORMS)

MAX_DATE_LINE = 90
# Every form has a four-digit year: a line without one is passed over at once (speed).
_YEAR = lazy(r"\d{4}")
MAX_SEARCHED_LINE = 400
_PROSE_AFTER = 120  # "04.03.2024 – Le président de …, X, s'inquiète …": a paragraph
LONG_LINE_HEAD = 160
"""A longer line is a paragraph: only a label or a wire dateline in its first characters
is its date (``LAKE FOREST, Calif., March 20, 2013 /PRNewswire/ — Acme today…``)."""
_FORMS = "|".join(f"(?:{form})" for form in _DATE_FORMS)
_LABELLED = lazy(
    r"(?:publié|publiée|mise? à jour|modifié|mis en ligne|diffusé|published|updated|posted|issued|"
    r"release date|date released|by(?=\s*:)|"
    r"for immediate release|date|dateline|daily news)\b"  # not "the letter dated 11 …"
    r"\s*(?:le|on|:)?\s*:?\s*(?:(?:dans|in)\s+[^,.;:]{1,40}?\s+(?:du|le|of|on)\s+|[\p{L}]+\s+)?"
    r"(?:à|at)?\s*"  # "Article publié dans Le Crestois du 7 novembre 2025"
    r"(?:\d{1,2}[:h]\d{2}\s*(?:am|pm)?,?\s*)?(?:[\p{Ll}_]{3,20}(?=\d))?"
    rf"(?:{_FORMS})",
    regex.IGNORECASE,
)
_WIRE = lazy(  # "LYON, 3 févr. 2026 –", "BOSTON, Aug. 19, 2008 --", "… /PRNewswire/",
    # "NEW YORK (February 21, 2014) –"
    r"^[\p{Lu}][\p{Lu}\p{L} .'’-]{1,40}(?:,\s*[\p{L}. ]{2,20})?\s*"
    r"(?:,|-|[–—]|/[^/]{1,30}/|\([^()]{1,30}\)\s*,?|\((?=[^()]{6,30}\)\s*[–—-])|"
    r"-{1,2}\s*\([\p{L} ]{2,30}\s[–—-]\s)\s*"  # "TORONTO--(Marketwired - Oct. 22, 2017) -"
    rf"(?:le\s+)?(?i:{_FORMS})\s*\)?\.?\s*(?:\([^()]{{1,30}}\)\s*)?(?:[–—-]{{1,2}}|/|:(?!\d))",
)
# A dateline with no dash after the date: "Toronto, ON October 23, 2003 Allan Rock, minister
# of …", "Toronto, ON – February 13, 2026 Canada Soccer …",
# "Québec, le 1er mars 2001. Le ministre …"
_BARE_WIRE = lazy(
    rf"^\p{{Lu}}[\p{{L}} .'’-]{{1,30}},\s*(?:\p{{Lu}}{{2}}\s+)?(?:[–—-]\s*)?(?:le\s+)?"
    rf"(?i:{_FORMS})\.?\s+(?=\p{{Lu}})"
)
_START = lazy(  # "13.02.2025 18h41 Rédaction": a date, then a byline or a name
    rf"^(?:le\s+)?(?:{_FORMS})\s*,?\s*"
    r"(?:(?:à|at|dans|par|by|rédigé|written|posted|publié|[-–—|/])\s|\|(?=\s*by\b)|"
    r"(?=(?-i:\p{Lu})[\p{L}'’ .-]{0,40}$)|"
    r"(?=\d{1,2}\s+\p{L}{3,9}\s+\d{4})|"  # the date twice: "28 September 2021 28 September …"
    r"(?=(?:news|press|media)\s+release|communiqué)|"  # "22-11-2001 News Release 01/46"
    r"(?=\p{L}{1,12}\s*:\s*[\d\s]+$))",  # "08 Décembre 2022    Lu: 673": a count of views
    regex.IGNORECASE,
)
_HEAD_CHARS = 80
# A paragraph that dates what it tells: "Mr X, TD, today (26 July 2001) expressed …".
_TODAY = lazy(rf"\b(?:today|aujourd['’]hui)\s*\(\s*(?:{_FORMS})\s*\)", regex.IGNORECASE)
_ANYWHERE = lazy(rf"(?<![\p{{L}}\d])(?:{_FORMS})(?![\p{{L}}\d])", regex.IGNORECASE)
_UPDATE = lazy(r"mise? à jour|modifié|updated", regex.IGNORECASE)

# A wire dateline without its year: "LYON, 3 février (AFP) -", "BOSTON, Aug. 19 --".
_YEARLESS_WIRE = lazy(
    r"^[\p{Lu}][\p{Lu}\p{L} .'’-]{1,40}(?:,\s*[\p{L}. ]{2,20})?\s*,\s*(?i:(?:le\s+)?"
    + _WEEKDAY
    + r"(?:(?P<wd>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<wm>"
    + _MONTH
    + r")|(?P<em>"
    + _MONTH
    + r")\.?\s+(?P<ed>\d{1,2})(?:st|nd|rd|th)?))\.?\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?:[–—-]{1,2}|/|:(?!\d))"
)
# The year a page states for itself: its copyright line ("© 2026 Agency").
_COPYRIGHT_YEAR = lazy(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", regex.IGNORECASE)
_A_YEAR = lazy(r"(?<![\d/.:-])(?:19[5-9]\d|20\d\d)(?![\d/:-]|\.\d)")


def page_year(text: str) -> int | None:
    """The year a page is from, for a dateline that leaves it out: its copyright year, else
    the one year the page mentions; None when it mentions none or several."""
    copyright_years = _COPYRIGHT_YEAR.findall(text)
    if copyright_years:
        return int(copyright_years[-1])
    years = set(_A_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


def find_yearless_dateline(line: str, year: int, tz: ZoneInfo, lineno: int) -> datetime | None:
    """A wire dateline without a year (``LYON, 3 février (AFP) -``), dated in ``year``."""
    day_month = yearless_dateline(line)
    if day_month is None:
        return None
    try:
        return _in_range(datetime(year, day_month[1], day_month[0], tzinfo=tz), lineno)
    except (ValueError, RecordError):
        return None


def yearless_dateline(line: str) -> tuple[int, int] | None:
    """The day and month of a wire dateline without a year, None if the line has none."""
    match = _YEARLESS_WIRE.match(line[:LONG_LINE_HEAD])
    if match is None:
        return None
    found = match.groupdict()
    if found["wd"]:
        return int(found["wd"]), MONTHS[found["wm"].lower()]
    return int(found["ed"]), MONTHS[found["em"].lower()]


def find_date_in_line(line: str, tz: ZoneInfo, lineno: int) -> tuple[datetime, str] | None:
    """A date inside a longer line: after a label (``Publié le``, ``Posted on:``), in a wire
    dateline (``BOSTON, Aug. 19, 2008 --``) or at the end of the line. Returns the date and
    how it was found (``label``, ``update``, ``dateline``, ``end``), None if there is none or
    it cannot exist."""
    long = len(line) > MAX_SEARCHED_LINE
    if long:  # a paragraph that opens with its dateline: only its head is searched
        line = line[:LONG_LINE_HEAD]
    if not _YEAR.search(line):
        return None
    patterns = (
        (_LABELLED, "label"),
        (_WIRE, "dateline"),
        (_BARE_WIRE, "dateline"),
        (_TODAY, "dateline"),
        (None, "dateline"),  # a date at the line's head: "Hanoi, Viet Nam, 21 March 2012 …"
    )
    update = None  # "Updated … | Published …": the publication date first
    for pattern, kind in (*patterns, (_START, "start")):
        if long and pattern is _START:
            break
        for match in _head_date(line) if pattern is None else pattern.finditer(line):
            found = _quiet(match, tz, lineno)
            if found is None:
                continue
            if kind == "label" and _UPDATE.match(match.group()):
                if update is None:  # "8th Mar, 2016 Updated: 28th Oct, 2016": the first
                    head = line[: match.start()]
                    before = _ending_date(head, list(_ANYWHERE.finditer(head)), tz, lineno)
                    update = before or found
            elif long or (kind == "start" and len(line) - match.end() > _PROSE_AFTER):
                return found, "dateline"  # the paragraph stays: it is the text, dated
            else:
                return found, kind
    if update is not None:
        return update, "update"
    tail = [] if long else list(_ANYWHERE.finditer(line))
    found = _ending_date(line, tail, tz, lineno, _COMMENTS)
    if found is not None:
        return found, "end"
    if tail and len(line) <= MAX_META_LINE and _META_SEPARATOR.search(line):
        return _meta_date(line, tz, lineno)
    return None


def _head_date(line: str) -> list[regex.Match[str]]:
    """The date at a line's head after capitalised words (``heads_date``), found fast."""
    found = _ANYWHERE.search(line, 0, _HEAD_CHARS)
    if found is None or not found.start() or line[: found.start()].rstrip()[-1:] not in ",–—-(":
        return []
    return [found] if heads_date(line, found.start(), found.end()) else []


# A count of comments after a byline's date: "Par Ann Roe le 13 janvier 2022 4 commentaires".
_COMMENTS = lazy(r"^\s*\d+\s+(?:commentaires?|comments?|réactions?)\s*$", regex.I)
# A byline's line of parts: "Jo Penn · 12 March 2024 · 3 min read".
MAX_META_LINE = 120
_BYLINE_PART = lazy(r"^(?:rédigée?|écrite?|publiée?|posted|published|written|par|by)\b", regex.I)
_META_SEPARATOR = lazy(r"\s[·•|]\s")


def _meta_date(line: str, tz: ZoneInfo, lineno: int) -> tuple[datetime, str] | None:
    """The date that is one whole part of a byline's line of parts, else the date that
    ends one (``Rédigé par X le vendredi 5 avril 2019 à 14:22 | 0 commentaire(s)``)."""
    parts = _META_SEPARATOR.split(line)
    for part in parts:
        for pattern in _LINE_RES:
            match = pattern.match(part)
            found = _quiet(match, tz, lineno) if match else None
            if found is not None:
                return found, "label"
    for part in parts:
        tail = list(_ANYWHERE.finditer(part)) if _BYLINE_PART.match(part) else []
        found = _ending_date(part, tail, tz, lineno)
        if found is not None:
            return found, "label"
    return None


def _ending_date(
    text: str,
    dates: list[regex.Match[str]],
    tz: ZoneInfo,
    lineno: int,
    also_after: regex.Pattern[str] | None = None,
) -> datetime | None:
    """The last of ``dates`` (found in ``text``) when nothing but punctuation follows it,
    or what ``also_after`` matches (a count of comments)."""
    if not dates:
        return None
    rest = text[dates[-1].end() :]
    if also_after is not None:
        rest = also_after.sub("", rest)
    return None if rest.strip(" .)]|") else _quiet(dates[-1], tz, lineno)


def has_date(line: str) -> bool:
    """Does the line hold a date in any form (``Daily News 04 / 04 / 2019``)."""
    return len(line) <= MAX_SEARCHED_LINE and bool(_YEAR.search(line) and _ANYWHERE.search(line))


def _quiet(match: regex.Match[str], tz: ZoneInfo, lineno: int) -> datetime | None:
    try:
        return _to_datetime(match.groupdict(), tz, lineno, match.group())
    except RecordError:
        return None


def parse_date_line(line: str, tz: ZoneInfo, lineno: int) -> datetime | None:
    """The datetime a whole line states, None if the line is not a date line.

    Raises RecordError for a date that cannot exist (31/02/2026).
    """
    if len(line) > MAX_DATE_LINE or not _YEAR.search(line):
        return None
    for pattern in _LINE_RES:
        match = pattern.match(line)
        if match:
            return _to_datetime(match.groupdict(), tz, lineno, line.strip())
    return None


def day_month_swapped(found: datetime, line: str) -> datetime | None:
    """``found`` with its day and month the other way round, when ``line`` writes it in
    numbers either order can read (``09/10/2015``: 9 October or September 10); else None
    (``20/07/2012``, ``07/20/2012`` and ``05/05/2012`` read one way only)."""
    if found.day > _MONTHS or found.day == found.month:
        return None
    for match in _NUMERIC.finditer(line):
        if (int(match["d"]), int(match["m"]), int(match["y"])) == (
            found.day,
            found.month,
            found.year,
        ):
            return found.replace(day=found.month, month=found.day)
    return None


_MONTHS = 12
_NUMERIC = lazy(r"(?<!\d)" + _numeric("d", "m", "y") + r"(?!\d)")


def parse_date_value(value: object, tz: ZoneInfo, lineno: int) -> datetime:
    """A date from a YAML field: a date, a datetime or any text a date line may hold."""
    if isinstance(value, datetime):
        return _in_range(value if value.tzinfo else value.replace(tzinfo=tz), lineno)
    if isinstance(value, date):
        return _in_range(datetime.combine(value, time(0, 0), tz), lineno)
    found = parse_date_line(str(value), tz, lineno) if value is not None else None
    if found is None:
        raise RecordError(
            lineno,
            f"cannot read the date {value!r}",
            "write it as 2026-01-19, 19/01/2026 or 19 janvier 2026",
        )
    return found


def _to_datetime(g: dict[str, str | None], tz: ZoneInfo, lineno: int, raw: str) -> datetime:
    hour, minute = 0, 0
    if g.get("iso"):
        year, month, day = int(g["iy"] or 0), int(g["im"] or 0), int(g["id"] or 0)
        hour, minute = int(g["ih"] or 0), int(g["imin"] or 0)
        offset = g.get("ioff")
        if offset:
            stamp = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
            suffix = "+00:00" if offset == "Z" else offset[:3] + ":" + offset[-2:]
            try:
                return _in_range(datetime.fromisoformat(stamp + suffix), lineno)
            except ValueError as exc:
                raise _impossible(lineno, raw) from exc
    elif g.get("num"):
        day, month, year = int(g["nd"] or 0), int(g["nm"] or 0), int(g["ny"] or 0)
        if month > 12 >= day:  # 02/13/2026: a US month/day order
            day, month = month, day
    elif g.get("ym"):
        day, month, year = int(g["yd"] or 0), MONTHS[(g["ymon"] or "").lower()], int(g["yy"] or 0)
    elif g.get("words"):
        day, month, year = int(g["wd"] or 0), MONTHS[(g["wm"] or "").lower()], int(g["wy"] or 0)
    else:
        day, month, year = int(g["ed"] or 0), MONTHS[(g["em"] or "").lower()], int(g["ey"] or 0)
    if g.get("hour") is None and g.get("phour") is not None:  # "Published 5:23 pm Friday, …"
        g = {**g, "hour": g["phour"], "minute": g.get("pminute"), "ampm": g.get("pampm")}
    if g.get("hour") is not None:
        hour, minute = int(g["hour"] or 0), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "")  # "8:00 a.m."
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    try:
        return _in_range(datetime(year, month, day, hour, minute, tzinfo=tz), lineno)
    except ValueError as exc:
        raise _impossible(lineno, raw) from exc


def _in_range(moment: datetime, lineno: int) -> datetime:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise RecordError(
            lineno,
            f"the date {moment:%Y-%m-%d} is outside {MIN_YEAR}-{MAX_YEAR}",
            "check the year",
        )
    return moment


def _impossible(lineno: int, raw: str) -> RecordError:
    return RecordError(
        lineno, f"the date {raw!r} does not exist", "check the day and month (day/month/year)"
    )


def week_in_words(week: str, locale: str) -> str:
    """``Semaine du 19 au 25 janvier 2026`` / ``Week of 19–25 January 2026``."""
    monday = week_monday(week)
    sunday = monday + timedelta(days=6)
    french = locale.startswith("fr")
    if monday.year != sunday.year:
        first = format_date(monday, "d MMMM y", locale=locale)
    elif monday.month != sunday.month:
        first = format_date(monday, "d MMMM", locale=locale)
    else:
        first = format_date(monday, "d", locale=locale)
    last = format_date(sunday, "d MMMM y", locale=locale)
    if french:
        first, last = _french_first(first, monday.day), _french_first(last, sunday.day)
        return f"Semaine du {first} au {last}"
    separator = "–" if monday.month == sunday.month else " – "
    return f"Week of {first}{separator}{last}"


def day_in_words(moment: datetime | date, locale: str) -> str:
    """``19 janvier 2026`` / ``19 January 2026``; French writes the first day ``1er``."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return _day_in_words(day, locale)


def _day_in_words(day: date, locale: str) -> str:
    text = format_date(day, "d MMMM y", locale=locale)
    return _french_first(text, day.day) if locale.startswith("fr") else text


def _french_first(text: str, day: int) -> str:
    return "1er" + text[1:] if day == 1 and text.startswith("1") else text
