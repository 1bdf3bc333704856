"""One week's folder, in memory: the digest, its text and .eml, the posts and their exports,
and the report of the digest's checks (with the summary the web archive reads)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

import jinja2

from pressroom import __version__
from pressroom.compose.digest import Digest
from pressroom.compose.editorial import published_url
from pressroom.compose.week import ComposedWeek
from pressroom.config import Config
from pressroom.model import ImageFile
from pressroom.outbox import ASSETS, REPORT
from pressroom.render.checks import Check, check_digest, failed
from pressroom.render.digest import render_digest
from pressroom.render.eml import build_eml
from pressroom.render.exports import ExportFormat, file_bytes, to_csv, to_json, to_markdown
from pressroom.text.dates import week_in_words


@dataclass(frozen=True)
class WeekOutput:
    """One week's folder, in memory (file name -> bytes), and the checks of its digest."""

    week: str
    files: dict[str, bytes]
    checks: tuple[Check, ...]
    assets: tuple[str, ...] = ()
    """The workspace images the digest shows, to copy into the week folder (``assets/...``)."""
    report: dict[str, Any] = field(default_factory=dict)
    """The report as ``report.json`` holds it: the web archive reads its week's summary
    from it (``pipeline.archive.archived_week``) without reading the file back."""


def render_week(
    composed: ComposedWeek,
    config: Config,
    env: jinja2.Environment,
    inputs_hash: str,
    images: Mapping[str, ImageFile] | None = None,
) -> WeekOutput:
    """Every file of one composed week's folder (``outbox.WEEK_FILES``), and the workspace
    images (of ``images``, the facts of those the releases name) its digest shows. The
    week is composed with its post templates (``compose_week``'s ``templates``)."""
    if composed.posts is None:
        raise ValueError(f"week {composed.week} was composed without its post templates")
    week, digest, posts = composed.week, composed.digest, composed.posts
    images = images or {}
    rendered = render_digest(digest, config, env)
    assets = tuple(sorted({i.path for i in digest.images if i.path in images}))
    checks = check_digest(rendered.html, rendered.text, [images[path] for path in assets])
    html = rendered.html_bytes
    heading = f"{config.newsletter.name} — {week_in_words(week, config.locale)}"
    report = {
        "week": week,
        "pressroom": __version__,
        "inputs": inputs_hash,
        "releases": [r.id for r in composed.releases],
        "html_bytes": len(html),
        "ok": not failed(checks),
        "checks": [c.as_dict() for c in checks],
        "digest": week_summary(digest),
    }
    if not config.newsletter.assets_url:  # the images are published with the week folder
        html = local_copies(html, config.newsletter.assets_base(week), assets)
    files = {
        "digest.html": html,
        "digest.txt": rendered.text.encode(),
        "digest.mjml": rendered.mjml.encode(),
        "digest.eml": build_eml(digest, rendered, config.newsletter),  # the published URLs
        "posts.json": file_bytes(to_json(posts), ExportFormat.json),
        "posts.csv": file_bytes(to_csv(posts), ExportFormat.csv),
        "posts.md": file_bytes(to_markdown(posts, heading), ExportFormat.md),
        REPORT: (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    return WeekOutput(week, files, checks, assets, report)


def local_copies(html: bytes, base: str, paths: Iterable[str]) -> bytes:
    """The digest with its workspace images (``paths``, published under ``base``) taken
    from the week folder's copies, ``assets/NAME`` beside it: right from disk, in the
    preview and once the folder is published as it is (where ``base`` is, unless
    ``newsletter.assets_url`` says otherwise)."""
    for path in paths:
        url = published_url(path, base)
        local = f"{ASSETS}/{url[len(base) :]}".encode()
        for form in {url, escape(url)}:
            html = html.replace(f'src="{form}"'.encode(), b'src="' + local + b'"')
    return html


def published_images(html: str, base: str) -> str:
    """A digest.html made by ``local_copies`` with its images at their published addresses
    again, as the email's HTML has them (what ``pressroom check`` judges)."""
    return html.replace(f'src="{ASSETS}/', f'src="{escape(base)}')


def week_summary(digest: Digest) -> dict[str, str]:
    """What the web archive shows of a week, as its report carries it (``digest``; see
    ``pipeline.archive.archived_week``)."""
    return {
        "subject": digest.subject,
        "preheader": digest.preheader.strip("\u00a0 "),
        "lead": digest.lead.release.title,
        "lead_lang": digest.lead.lang,
        "sent_at": digest.sent_at.isoformat(),
    }
