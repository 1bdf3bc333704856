"""The hard limits of a digest (DESIGN.md), checked on the HTML as a mail client receives it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from typing import Any, Literal
from urllib.parse import urlsplit

GMAIL_CLIP = 102 * 1024
SIZE_WARNING = 80 * 1024
PREHEADER_RANGE = (40, 140)
FORBIDDEN_TAGS = ("script", "form", "iframe", "object", "embed")

Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.in_title = False
        self.images_without_alt = 0
        self.images = 0
        self.bad_links: list[str] = []
        self.links = 0
        self.forbidden: set[str] = set()
        self.color_scheme = False
        self.preheader: str | None = None
        self._hidden_depth = 0
        self._hidden_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = attr.get("lang", "")
        elif tag == "title":
            self.in_title = True
        elif tag == "img":
            self.images += 1
            self.images_without_alt += "alt" not in attr
        elif tag == "a":
            self.links += 1
            href = attr.get("href", "")
            if urlsplit(href.strip()).scheme not in ("http", "https", "mailto") or not href:
                self.bad_links.append(href)
        elif tag == "meta" and attr.get("name", "").lower() == "color-scheme":
            self.color_scheme = True
        if tag in FORBIDDEN_TAGS:
            self.forbidden.add(tag)
        if tag == "div":
            style = attr.get("style", "").replace(" ", "").lower()
            if self._hidden_depth:
                self._hidden_depth += 1
            elif self.preheader is None and "display:none" in style:
                self._hidden_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "div" and self._hidden_depth:
            self._hidden_depth -= 1
            if not self._hidden_depth:
                self.preheader = " ".join("".join(self._hidden_text).split())

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self._hidden_depth:
            self._hidden_text.append(data)


def check_digest(html: str, text: str) -> tuple[Check, ...]:
    scan = _Scan()
    scan.feed(html)
    size = len(html.encode("utf-8"))
    low, high = PREHEADER_RANGE
    pre = (scan.preheader or "").strip("\u00a0 ")
    return (
        _size(size),
        _ok("lang", bool(scan.lang), f"lang={scan.lang!r}" if scan.lang else "no lang on <html>"),
        _ok("title", bool(scan.title.strip()), scan.title.strip() or "no <title>"),
        _ok("preheader", low <= len(pre) <= high, f"{len(pre)} characters (wanted {low}-{high})"),
        _ok(
            "images have alt",
            scan.images_without_alt == 0,
            f"{scan.images} images, {scan.images_without_alt} without alt",
        ),
        _ok(
            "links are absolute http(s)",
            not scan.bad_links,
            f"{scan.links} links"
            + (f", bad: {', '.join(scan.bad_links[:3])}" if scan.bad_links else ""),
        ),
        _ok(
            "no script, form or iframe",
            not scan.forbidden,
            "none" if not scan.forbidden else "found " + ", ".join(sorted(scan.forbidden)),
        ),
        _ok(
            "color-scheme meta",
            scan.color_scheme,
            "present" if scan.color_scheme else "missing <meta name=color-scheme>",
        ),
        _ok("plain-text part", bool(text.strip()), f"{len(text)} characters"),
    )


def _size(size: int) -> Check:
    kb = f"{size / 1024:.1f} KB"
    if size > GMAIL_CLIP:
        return Check(
            "size under Gmail clip",
            "fail",
            f"{kb}, {size - GMAIL_CLIP} bytes over the 102 KB limit",
        )
    if size > SIZE_WARNING:
        return Check("size under Gmail clip", "warn", f"{kb} (warns above 80 KB)")
    return Check("size under Gmail clip", "pass", f"{kb} of 102 KB")


def _ok(name: str, ok: bool, detail: str) -> Check:
    return Check(name, "pass" if ok else "fail", detail)


def failed(checks: tuple[Check, ...]) -> bool:
    return any(c.status == "fail" for c in checks)
