"""The web archive's page, ``outbox/index.html`` (every week, newest first, each linking to
its digest), and its Atom feed, ``feed.xml``, made from the weeks as the archive shows them
(``pipeline.archive.ArchivedWeek``); the archive's step (``pipeline.archive``) alone uses them.

The feed is written with the standard library's ElementTree rather than ``feedgen``: Atom
needs a dozen elements, ElementTree escapes text and attributes, its bytes depend only on
the weeks (no build-time stamp: the feed's ``updated`` is its newest digest's), and no
dependency is added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import jinja2

from pressroom.compose.labels import labels, lang_of, plural
from pressroom.config import Brand, Config
from pressroom.outbox import ARCHIVE_FEED, ARCHIVE_INDEX
from pressroom.render.templates import compile_template, render
from pressroom.text.dates import day_in_words
from pressroom.weeks import WEEK_PAGE

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from pressroom.pipeline.archive import ArchivedWeek

ARCHIVE_TEMPLATE = "archive/index.html.j2"
ARCHIVE_TEMPLATES = ("archive",)
"""The template folder of the archive (``templates_fingerprint`` reads it)."""
ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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
