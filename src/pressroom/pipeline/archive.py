"""The web archive: ``outbox/index.html`` (every week, newest first, each linking to its
digest) and ``feed.xml`` (an Atom feed of the digests), made by the build from every week
folder in the outbox (built now or before, by a whole or a ``--week`` build).

Each week's summary comes from its report, which carries it under ``digest`` (``render.week``
writes it, ``archived_week`` reads it back), never from rendering the week again: a week
this build wrote hands it over (``WebArchive.written``), any other week's report is read.
It is kept with the report's stamp, in this process and in the build index: a report is
read again only when its stamp changed and this build did not write it.

The archive's key is made of what it shows: pressroom's version, the config and the
archive's templates (the key's first half), then every week's summary (its second half).
When the key is the one the build index recorded and the files are there, nothing is
rendered: a week written again with the same summary (``--week W --force``) leaves the
archive alone. When only the summaries changed, the templates are the ones that made the
recorded archive, so they are not test-rendered before the weeks are written.

The feed is written with the standard library's ElementTree rather than ``feedgen``: Atom
needs a dozen elements, ElementTree escapes text and attributes, its bytes depend only on
the weeks (no build-time stamp: the feed's ``updated`` is its newest digest's), and no
dependency is added. The archive's files are each written aside (``.index.html.tmp-PID``)
and renamed over the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2

from pressroom import __version__
from pressroom.compose.labels import labels, lang_of, plural
from pressroom.config import Brand, Config
from pressroom.errors import OutboxError, Problem
from pressroom.outbox import ARCHIVE_FEED, ARCHIVE_FILES, ARCHIVE_INDEX, REPORT, week_dir
from pressroom.render.templates import (
    compile_template,
    environment,
    render,
    templates_fingerprint,
)
from pressroom.text.dates import day_in_words
from pressroom.weeks import WEEK_PAGE, is_week

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

ARCHIVE_TEMPLATE = "archive/index.html.j2"
ARCHIVE_TEMPLATES = ("archive",)
"""The template folder of the archive (``templates_fingerprint`` reads it)."""
ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class ArchivedWeek:
    """One week as the archive shows it."""

    week: str
    subject: str
    preheader: str
    lead: str
    """The lead story's title."""
    lead_lang: str
    """The lead story's language where it differs from the digest's, else empty."""
    sent_at: datetime
    releases: int

    def as_dict(self) -> dict[str, str | int]:
        """The week as JSON keeps it (the build index does, see ``from_dict``)."""
        return {
            "week": self.week,
            "subject": self.subject,
            "preheader": self.preheader,
            "lead": self.lead,
            "lead_lang": self.lead_lang,
            "sent_at": self.sent_at.isoformat(),
            "releases": self.releases,
        }

    @classmethod
    def from_dict(cls, data: object) -> ArchivedWeek | None:
        """A week as ``as_dict`` wrote it; None for anything else."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                week=str(data["week"]),
                subject=str(data["subject"]),
                preheader=str(data["preheader"]),
                lead=str(data["lead"]),
                lead_lang=str(data["lead_lang"]),
                sent_at=datetime.fromisoformat(str(data["sent_at"])),
                releases=int(data["releases"]),
            )
        except (KeyError, ValueError, TypeError):
            return None


def archived_week(report: Mapping[str, object] | None) -> ArchivedWeek | None:
    """A week read back from its report; None when the report has no summary (written by
    an older pressroom, or damaged): such a week is rendered again by the next build."""
    if report is None:
        return None
    summary, week, releases = report.get("digest"), report.get("week"), report.get("releases")
    if not isinstance(summary, dict) or not isinstance(week, str) or not is_week(week):
        return None
    count = len(releases) if isinstance(releases, list) else 0
    return ArchivedWeek.from_dict({**summary, "week": week, "releases": count})


def compile_archive(env: jinja2.Environment) -> None:
    """Compile the archive's template; a broken one stops the build before any write."""
    compile_template(env, ARCHIVE_TEMPLATE)


def archive_files(
    weeks: Sequence[ArchivedWeek], config: Config, env: jinja2.Environment
) -> dict[str, bytes]:
    """The archive's files (``outbox.ARCHIVE_FILES``), the weeks newest first."""
    ordered = sorted(weeks, key=lambda w: w.week, reverse=True)
    return {
        ARCHIVE_INDEX: render_index(ordered, config, env).encode(),
        ARCHIVE_FEED: render_feed(ordered, config),
    }


@dataclass(frozen=True)
class _Entry:
    """A week as the index page's template gets it."""

    href: str
    subject: str
    lead: str
    lead_lang: str
    sent_at: str
    sent_on: str
    count_line: str


def render_index(weeks: Sequence[ArchivedWeek], config: Config, env: jinja2.Environment) -> str:
    """The archive's page, from ``archive/index.html.j2``; weeks in the order given."""
    words = labels(config.locale)
    entries = [
        _Entry(
            href=f"{w.week}/{WEEK_PAGE}",
            subject=w.subject,
            lead=w.lead,
            lead_lang=w.lead_lang,
            sent_at=w.sent_at.isoformat(),
            sent_on=words["sent_on"].format(date=day_in_words(w.sent_at, config.locale)),
            count_line=plural(words["releases"], w.releases),
        )
        for w in weeks
    ]
    site = urlsplit(config.newsletter.site_url)
    return render(
        env,
        ARCHIVE_TEMPLATE,
        config=config,
        t=words,
        lang=lang_of(config.locale),
        title=f"{config.newsletter.name} – {words['archive']}",
        weeks=entries,
        feed=ARCHIVE_FEED,
        site_url=config.newsletter.site_url if site.scheme in ("http", "https") else "",
        site_name=site.hostname or "",
        colours=palette(config.brand.colour),
    )


def render_feed(weeks: Sequence[ArchivedWeek], config: Config) -> bytes:
    """The Atom feed (RFC 4287) of the digests, in the order given; its bytes depend only
    on the weeks and the config."""
    import xml.etree.ElementTree as ET  # here: a build that leaves the archive alone skips it

    newsletter = config.newsletter
    archive = newsletter.archive_url
    feed = ET.Element("feed", {"xmlns": ATOM, _XML_LANG: lang_of(config.locale)})
    _text(feed, "id", archive)
    _text(feed, "title", newsletter.name)
    _text(feed, "subtitle", labels(config.locale)["archive_intro"])
    ET.SubElement(
        feed, "link", rel="self", type="application/atom+xml", href=archive + ARCHIVE_FEED
    )
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=archive)
    if weeks:
        _text(feed, "updated", max(w.sent_at for w in weeks).isoformat())
    author = ET.SubElement(feed, "author")
    _text(author, "name", newsletter.organisation)
    _text(author, "uri", newsletter.site_url)
    for week in weeks:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", entry_id(archive, week.week))
        _text(entry, "title", week.subject)
        _text(entry, "updated", week.sent_at.isoformat())
        _text(entry, "published", week.sent_at.isoformat())
        ET.SubElement(
            entry, "link", rel="alternate", type="text/html", href=newsletter.web_version(week.week)
        )
        _text(entry, "summary", week.preheader or week.lead)
    ET.indent(feed)
    text = ET.tostring(feed, encoding="unicode")  # then encoded once: "utf-8" here is slower
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()


def entry_id(archive_url: str, week: str) -> str:
    """A week's permanent id in the feed, a tag URI (RFC 4151) made of the archive's host
    and path and the week (``tag:example.org,2026:/newsletter/2026-W04``): unique even when
    ``web_version_url`` names no week, and the same at every build."""
    parts = urlsplit(archive_url)
    return f"tag:{parts.hostname},{week[:4]}:{parts.path}{week}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(parent: Element, tag: str, text: str) -> None:
    child = parent.makeelement(tag, {})
    child.text = _NOT_XML.sub("", text)
    parent.append(child)


# The build's step: which weeks, and when to write the files again.

ReportStamp = tuple[int, int, int]
Known = dict[str, tuple[ReportStamp, ArchivedWeek | None]]
"""Each week's summary (None: its report has none), with its report's stamp."""

_read: dict[Path, Known] = {}
"""The summaries of one outbox known so far in this process (the preview builds again
and again)."""


class WebArchive:
    """The web archive of one build: ``prepare`` before any write, ``finish`` after the
    weeks, ``kept`` for the build index."""

    def __init__(
        self, workspace: Path, outbox: Path, config: Config, recorded: str, kept: dict[str, Any]
    ) -> None:
        """``recorded`` and ``kept``: the key and the summaries the build index holds."""
        self._workspace, self._outbox, self._config = workspace, outbox, config
        self._recorded = recorded
        shared = json.dumps(
            [__version__, repr(config), templates_fingerprint(workspace, ARCHIVE_TEMPLATES)]
        )
        self._shared = hashlib.sha256(shared.encode()).hexdigest()
        self._env: jinja2.Environment | None = None
        self.reports = report_stamps(outbox)
        """Each week folder's report as the build starts (the plan reads it too)."""
        self._final = self.reports
        self._written: dict[str, ArchivedWeek | None] = {}
        if outbox not in _read:
            _read.clear()
            _read[outbox] = _from_index(kept)
        self._known = _read[outbox]

    def prepare(self, weeks_change: bool) -> None:
        """When the archive is to change (weeks will be written or removed, or its inputs
        changed) and its templates are not those of the recorded archive, compile them and
        render once with one week: a template's mistake stops the build before any write."""
        if self._recorded.startswith(self._shared + "-"):
            return  # the templates that made the recorded archive: they render
        stamps = self.reports
        if not weeks_change and self._current(self._key(stamps), stamps):
            return
        self._render(dict(sorted(stamps.items())[-1:]))

    def written(self, week: str, summary: ArchivedWeek | None) -> None:
        """A week this build wrote, with the summary its new report holds."""
        self._written[week] = summary

    def finish(self, weeks_changed: bool) -> str:
        """Write the archive of the weeks in the outbox now, if it changed; its key, for the
        build index. Raises OutboxError when it cannot be written."""
        stamps = self._final = report_stamps(self._outbox) if weeks_changed else self.reports
        key = self._key(stamps)
        if self._current(key, stamps):
            return key
        files = self._render(stamps)
        try:
            write_archive(self._outbox, files)
        except OSError as exc:
            raise OutboxError(
                Problem(
                    str(self._outbox),
                    1,
                    f"cannot write the web archive: {exc.strerror or exc}",
                    "free disk space or make outbox/ writable; the week folders are whole, "
                    "and the next build writes the archive",
                )
            ) from exc
        return key

    def kept(self) -> dict[str, Any]:
        """The summaries of the weeks in the outbox (after ``finish``), as the build index
        keeps them."""
        stamps = self._final
        return {
            week: [*known[0], known[1].as_dict() if known[1] else None]
            for week in stamps
            if (known := self._known.get(week)) is not None and known[0] == stamps[week]
        }

    def _current(self, key: str, stamps: dict[str, ReportStamp]) -> bool:
        """Whether the archive on disk is the one these weeks make (``key``: theirs)."""
        if key != self._recorded:
            return False
        present = [(self._outbox / name).is_file() for name in ARCHIVE_FILES]
        return all(present) if stamps else not any(present)

    def _key(self, stamps: dict[str, ReportStamp]) -> str:
        shown = [(w.as_dict() if w else None) for w in self._summaries(stamps)]
        content = hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()
        return f"{self._shared}-{content}"

    def _summaries(self, stamps: dict[str, ReportStamp]) -> list[ArchivedWeek | None]:
        return [self._summary(week, stamp) for week, stamp in sorted(stamps.items())]

    def _render(self, stamps: dict[str, ReportStamp]) -> dict[str, bytes]:
        """The archive of the weeks whose report has a summary; empty when none has."""
        if self._env is None:
            self._env = environment(self._workspace)  # its own: archive/ edits show at once
            compile_archive(self._env)
        weeks = [w for w in self._summaries(stamps) if w]
        files = archive_files(weeks, self._config, self._env)  # renders even with no week
        return files if weeks else {}

    def _summary(self, week: str, stamp: ReportStamp) -> ArchivedWeek | None:
        known = self._known.get(week)
        if known is None or known[0] != stamp:
            if week in self._written:  # written by this build: its report is not read back
                known = self._known[week] = (stamp, self._written.pop(week))
            else:
                report = read_report(self._outbox, week)
                known = self._known[week] = (stamp, archived_week(report))
        return known[1]


def _from_index(kept: dict[str, Any]) -> Known:
    """The summaries the build index kept; an entry that does not parse is left out (its
    report is read again)."""
    known: Known = {}
    for week, entry in kept.items():
        if isinstance(entry, list) and len(entry) == 4 and all(type(n) is int for n in entry[:3]):
            summary = ArchivedWeek.from_dict(entry[3])
            if summary is not None or entry[3] is None:
                known[week] = ((entry[0], entry[1], entry[2]), summary)
    return known


# The outbox's side: its reports read, its archive files written.


def report_stamps(outbox: Path) -> dict[str, tuple[int, int, int]]:
    """Each week folder's report file: (inode, size, modification time), which change
    whenever the week is written again or audited; weeks without a report are left out."""
    stamps = {}
    try:
        entries = list(os.scandir(outbox))  # no stat per entry to tell folders
    except OSError:
        return {}
    for entry in sorted(entries, key=lambda e: e.name):
        if not (is_week(entry.name) and entry.is_dir()):
            continue
        try:
            stat = os.stat(os.path.join(entry.path, REPORT))
        except OSError:
            continue
        stamps[entry.name] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return stamps


def read_report(outbox: Path, week: str) -> dict[str, object] | None:
    """A built week's report, or None when it is missing or unreadable."""
    try:
        report = json.loads((week_dir(outbox, week) / REPORT).read_bytes())
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) else None


def write_archive(outbox: Path, files: Mapping[str, bytes]) -> bool:
    """Put the archive's files in place, each replaced whole; a file whose bytes did not
    change is left alone; with no files, the archive is removed. Whether anything changed."""
    unknown = set(files) - set(ARCHIVE_FILES)
    if unknown:
        raise ValueError(f"not an archive file: {sorted(unknown)[0]!r}")
    changed = False
    for name in ARCHIVE_FILES:
        path = outbox / name
        data = files.get(name)
        if data is None:
            if path.exists():
                path.unlink()
                changed = True
            continue
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        temp = outbox / f".{name}.tmp-{os.getpid()}"
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        changed = True
    return changed


# Colours: the brand colour, made readable on the page's backgrounds.

LIGHT_BACKGROUNDS = ("#ffffff", "#f5f6f8")
"""The archive page's card and page backgrounds in the light scheme."""
DARK_BACKGROUNDS = ("#1e1f23", "#121316")
"""The same in the dark scheme."""
MIN_CONTRAST = 4.5
"""WCAG AA for body text: the brand colour is used for links and small labels."""


def palette(brand: str) -> dict[str, str]:
    """The page's colours: its backgrounds, and the brand colour mixed towards black (light
    scheme) or white (dark scheme) just enough to be read on them. A brand colour that is
    not ``#rgb`` or ``#rrggbb`` gives way to pressroom's default."""
    colour = hex_rgb(brand) or hex_rgb(Brand().colour)
    assert colour is not None
    return {
        "brand": _hex(_readable(colour, LIGHT_BACKGROUNDS, (0.0, 0.0, 0.0))),
        "brand_dark": _hex(_readable(colour, DARK_BACKGROUNDS, (1.0, 1.0, 1.0))),
        "card": LIGHT_BACKGROUNDS[0],
        "page": LIGHT_BACKGROUNDS[1],
        "card_dark": DARK_BACKGROUNDS[0],
        "page_dark": DARK_BACKGROUNDS[1],
    }


RGB = tuple[float, float, float]


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _readable(colour: RGB, backgrounds: tuple[str, ...], towards: RGB) -> RGB:
    grounds = [g for b in backgrounds if (g := hex_rgb(b))]
    for step in range(21):
        mixed = _byte_exact(_mix(colour, towards, step / 20))  # as the page will write it
        if all(contrast(mixed, ground) >= MIN_CONTRAST for ground in grounds):
            return mixed
    return towards


def hex_rgb(colour: str) -> RGB | None:
    match = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour.strip())
    if not match:
        return None
    digits = match[1] if len(match[1]) == 6 else "".join(c * 2 for c in match[1])
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _hex(colour: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour)


def _byte_exact(colour: RGB) -> RGB:
    red, green, blue = (round(c * 255) / 255 for c in colour)
    return red, green, blue


def _mix(a: RGB, b: RGB, share: float) -> RGB:
    red, green, blue = (x + (y - x) * share for x, y in zip(a, b, strict=True))
    return red, green, blue


def _luminance(colour: RGB) -> float:
    red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
