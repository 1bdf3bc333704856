"""A release page's main text, title, date, image and language, by trafilatura.

trafilatura finds the release among the page's furniture (menus, cookie banners, share
buttons, related links) and writes it as Markdown; its metadata gives the title (Open
Graph or ``<title>``), the date (htmldate: ``article:published_time``, JSON-LD, the
page's own date lines) and the image (``og:image``). Where a site's layout defeats it, a
source's CSS selector names the release's element and only that is read. The image's
text alternative and the language are read from the page (``og:image:alt``,
``<html lang>``), which trafilatura does not report.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.xml import xmltotxt

from pressroom.errors import RecordError
from pressroom.model import Lang
from pressroom.text.dates import find_date_in_line, parse_date_line
from pressroom.text.spaces import collapse

DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": DATE_FORMAT}
_DATE_LABEL = re.compile(
    r"(?:publié|mis à jour|modifié|posted|published|updated|date)(?: le| on)?\s*:?", re.IGNORECASE
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
"""lxml refuses text that still declares an encoding."""
_MAX_DATE_LINE = 120
"""A page's own date line (``Publié le 3 février 2026``) is short."""


class PageError(Exception):
    """The page holds no release pressroom can read (the reason is the message)."""


@dataclass(frozen=True)
class Page:
    title: str | None
    date: datetime | None
    image: str | None
    image_alt: str | None
    lang: Lang | None
    body: str
    """The release text as Markdown (paragraphs, headings, lists, block quotes)."""


def extract_page(
    content: bytes, url: str, tz: ZoneInfo, selector: str = "", charset: str | None = None
) -> Page:
    """The release on an HTML page at ``url``; dates without an offset are in ``tz``;
    ``charset`` is the one the HTTP response stated, if any."""
    html = page_text(content, charset)
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        raise PageError(f"cannot read the page's HTML: {exc}") from exc
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None or isinstance(document, dict):
        raise PageError("no release text found on the page")
    body_tree = document.body
    if selector:
        body_tree = _selected(tree, selector)
    title = collapse(document.title or "") or None
    body = _without_page_head(xmltotxt(body_tree, True) if body_tree is not None else "", title, tz)
    if not body.strip():
        raise PageError(
            "no release text found on the page"
            + (f" under the selector {selector!r}" if selector else "")
        )
    image = urljoin(url, document.image) if document.image else None
    return Page(
        title=title,
        date=_date(document.date, tz),
        image=image,
        image_alt=_image_alt(tree, document.image),
        lang=_lang(tree),
        body=body,
    )


def page_text(content: bytes, charset: str | None) -> str:
    """The page decoded by the charset HTTP stated, else the one its ``<meta>`` states, else
    UTF-8, else Windows-1252 (left to guess, short French pages come out as Baltic)."""
    head = content[:4096]
    found = _META_CHARSET.search(head)
    for name in (charset, found.group(1).decode("ascii") if found else None):
        if name:
            try:
                text = content.decode(codecs.lookup(name).name, errors="replace")
            except LookupError:
                continue
            return _XML_DECLARATION.sub("", text, count=1)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("windows-1252", errors="replace")
    return _XML_DECLARATION.sub("", text, count=1)


def _selected(tree: lxml.html.HtmlElement, selector: str) -> object:
    """The selector's elements, extracted alone (trafilatura still drops their furniture)."""
    found = tree.cssselect(selector)
    if not found:
        return None
    fragment = "".join(lxml.html.tostring(node, encoding="unicode") for node in found)
    document = trafilatura.bare_extraction(
        f"<html><body><article>{fragment}</article></body></html>",
        include_formatting=True,
        include_comments=False,
    )
    if document is None or isinstance(document, dict):
        return None
    return document.body


def _without_page_head(markdown: str, title: str | None, tz: ZoneInfo) -> str:
    """The body without what the record states apart: a first heading that repeats the
    title and the page's own date line (the Markdown reader would take them for the
    title and the standfirst)."""
    blocks = [block for block in markdown.split("\n\n") if block.strip()]
    while blocks:
        first = collapse(blocks[0].lstrip("#").strip(" *_"))
        repeats_title = bool(title) and blocks[0].startswith("#") and first == collapse(title or "")
        if repeats_title or (len(first) <= _MAX_DATE_LINE and _is_date_line(first, tz)):
            blocks.pop(0)
        else:
            break
    return "\n\n".join(block.strip("\n") for block in blocks) + "\n" if blocks else ""


def _is_date_line(text: str, tz: ZoneInfo) -> bool:
    """``Publié le 3 février 2026``, ``Posted on 5 February 2026``, ``3 février 2026 - …``,
    or the label alone (``Publié le``) when the date was in an element trafilatura drops."""
    if _DATE_LABEL.fullmatch(text):
        return True
    try:
        if parse_date_line(text, tz, 1) is not None:
            return True
    except RecordError:
        return False
    found = find_date_in_line(text, tz, 1)
    return found is not None and found[1] in ("label", "update", "start")


def _date(value: str | None, tz: ZoneInfo) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    return moment.astimezone(tz) if moment.tzinfo else moment.replace(tzinfo=tz)


def _image_alt(tree: lxml.html.HtmlElement, image: str | None) -> str | None:
    for name in ("og:image:alt", "twitter:image:alt"):
        for meta in tree.xpath("//meta[@property=$name or @name=$name][@content]", name=name):
            alt = collapse(str(meta.get("content")))
            if alt:
                return alt
    if image:
        for img in tree.xpath("//img[@src=$src][@alt]", src=image):
            alt = collapse(str(img.get("alt")))
            if alt:
                return alt
    return None


def _lang(tree: lxml.html.HtmlElement) -> Lang | None:
    stated = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    if not stated:
        for meta in tree.xpath("//meta[@property='og:locale'][@content]"):
            stated = str(meta.get("content"))
    code = stated.strip().lower()[:2]
    if code == "fr":
        return "fr"
    if code == "en":
        return "en"
    return None
