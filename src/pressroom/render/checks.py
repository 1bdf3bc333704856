"""The hard limits of a digest, checked on the HTML as a mail client receives it; its size
as the .eml sends it (Gmail clips a message whose HTML part passes 102 KB)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

import lxml.html

from pressroom.compose.digest import PREHEADER_RANGE
from pressroom.model import ImageFile, over_limits
from pressroom.render.eml import transfer_encoded
from pressroom.text.encoding import has_mojibake

GMAIL_CLIP = 102 * 1024
SIZE_WARNING = 80 * 1024
FORBIDDEN_TAGS = ("script", "form", "iframe", "object", "embed")

Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Scan:
    """What the checks need from the HTML, read with lxml (a premailer dependency)."""

    lang: str
    title: str
    images: int
    images_without_alt: int
    image_sources: list[str]
    links: int
    bad_links: list[str]
    forbidden: set[str]
    color_scheme: bool
    preheader: str

    @classmethod
    def of(cls, html: bytes) -> _Scan:
        root = lxml.html.document_fromstring(html)
        images = root.xpath("//img")
        hrefs = [str(a.get("href") or "") for a in root.xpath("//a")]
        hidden = [
            div
            for div in root.xpath("//body//div[@style]")
            if "display:none" in div.get("style", "").replace(" ", "").lower()
        ]
        return cls(
            lang=str(root.get("lang") or ""),
            title=" ".join(t.text_content() for t in root.xpath("//title")),
            images=len(images),
            images_without_alt=sum(1 for img in images if img.get("alt") is None),
            image_sources=[str(img.get("src") or "") for img in images],
            links=len(hrefs),
            bad_links=[h for h in hrefs if not _acceptable_link(h)],
            forbidden={str(el.tag) for tag in FORBIDDEN_TAGS for el in root.iter(tag)},
            color_scheme=bool(
                root.xpath("//meta[translate(@name, 'COLRSHEM', 'colrshem')='color-scheme']")
            ),
            preheader=" ".join(hidden[0].text_content().split()) if hidden else "",
        )


MERGE_TAG = re.compile(
    r"\*\|[A-Za-z0-9_:]+\|\*"  # Mailchimp: *|UNSUB|*
    r"|\{\{\s*[\w.]+\s*\}\}"  # {{ unsubscribe_url }}
    r"|%%[\w.-]+%%"  # %%unsubscribe%%
    r"|\[\[?[\w.-]+\]\]?"  # [unsubscribe], [[UNSUB_LINK]]
    r"|\{\$[\w.]+\}"  # {$unsubscribe}
)
"""A sending service's per-recipient placeholder, replaced when it sends to each person."""


def _acceptable_link(href: str) -> bool:
    """An absolute http(s) or mailto link, or a link that is only a merge tag."""
    href = href.strip()
    if MERGE_TAG.fullmatch(href):
        return True
    return bool(href) and urlsplit(href).scheme in ("http", "https", "mailto")


def check_digest(html: str, text: str, files: Sequence[ImageFile] = ()) -> tuple[Check, ...]:
    """The digest's checks; ``files`` are the workspace images the week folder holds."""
    data = html.encode()
    scan = _Scan.of(data)
    cte, sent = transfer_encoded(data)
    low, high = PREHEADER_RANGE
    pre = (scan.preheader or "").strip("\u00a0 ")
    mojibake = has_mojibake(text)
    return (
        _size(len(sent), len(data), cte.decode()),
        _ok("lang", bool(scan.lang), f"lang={scan.lang!r}" if scan.lang else "no lang on <html>"),
        _ok("title", bool(scan.title.strip()), scan.title.strip() or "no <title>"),
        _ok("preheader", low <= len(pre) <= high, f"{len(pre)} characters (wanted {low}-{high})"),
        _ok(
            "images have alt",
            scan.images_without_alt == 0,
            f"{scan.images} images, {scan.images_without_alt} without alt",
        ),
        _images(scan.image_sources, files),
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
        _ok(
            "no mojibake",
            not mojibake,
            "text such as Ã© left: save the release as UTF-8" if mojibake else "none",
        ),
    )


def _size(size: int, decoded: int, cte: str) -> Check:
    """The HTML part's size as sent (``cte``-encoded, as the .eml carries it), against the
    clip; the decoded size beside it."""
    kb = f"{size / 1024:.1f} KB as sent ({cte}; {decoded / 1024:.1f} KB decoded)"
    if size > GMAIL_CLIP:
        return Check(
            "size under Gmail clip",
            "fail",
            f"{kb}, {size - GMAIL_CLIP} bytes over the 102 KB limit",
        )
    if size > SIZE_WARNING:
        return Check("size under Gmail clip", "warn", f"{kb} (warns above 80 KB)")
    return Check("size under Gmail clip", "pass", f"{kb} of 102 KB")


def _images(sources: list[str], files: Sequence[ImageFile]) -> Check:
    """Images load over https, and the files are light enough for a mail (model.over_limits)."""
    insecure = [src for src in sources if not src.startswith("https://")]
    heavy = [f"{file.path} {excess}" for file in files for excess, _ in over_limits(file)]
    if insecure or heavy:
        found = [*(f"not https: {src[:80]}" for src in insecure), *heavy]
        return Check("images within limits", "fail", "; ".join(found))
    if not files:
        detail = f"{len(sources)} images, all https" if sources else "no images"
        return Check("images within limits", "pass", detail)
    largest = max(f.bytes for f in files)
    widest = max(f.width for f in files)
    count = f"{len(files)} file" + ("s" if len(files) > 1 else "")
    return Check(
        "images within limits",
        "pass",
        f"{len(sources)} images, all https; {count}: the largest {largest / 1024:.0f} KB, "
        f"the widest {widest} px",
    )


def _ok(name: str, ok: bool, detail: str) -> Check:
    return Check(name, "pass" if ok else "fail", detail)


def failed(checks: tuple[Check, ...]) -> bool:
    return any(c.status == "fail" for c in checks)
