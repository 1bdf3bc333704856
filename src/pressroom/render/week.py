"""One week's folder, in memory: the digest, its text and .eml, the posts and their exports,
and the report of the digest's checks (with the summary the web archive reads)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import jinja2

from pressroom import __version__
from pressroom.compose.digest import arranged, compose_digest
from pressroom.compose.posts import Post, posts_for
from pressroom.config import Config
from pressroom.model import ImageFile, Release
from pressroom.outbox import REPORT
from pressroom.readers.weekfile import WeekPlan
from pressroom.render.archive import ArchivedWeek, archived_week, week_summary
from pressroom.render.checks import Check, check_digest, failed
from pressroom.render.digest import render_digest
from pressroom.render.eml import build_eml
from pressroom.render.exports import ExportFormat, file_bytes, to_csv, to_json, to_markdown
from pressroom.render.templates import PostTemplates
from pressroom.text.dates import week_in_words


@dataclass(frozen=True)
class WeekOutput:
    """One week's folder, in memory (file name -> bytes), and the checks of its digest."""

    week: str
    files: dict[str, bytes]
    checks: tuple[Check, ...]
    assets: tuple[str, ...] = ()
    """The workspace images the digest shows, to copy into the week folder (``assets/...``)."""
    summary: ArchivedWeek | None = None
    """What the web archive shows of the week, as its report says it (``archived_week``)."""


def week_drafts(
    releases: Iterable[Release],
    config: Config,
    env: jinja2.Environment,
    week: str,
    plan: WeekPlan | None = None,
) -> tuple[Post, ...]:
    """Every platform's draft of every release in the digest's order (newest release first
    unless the week file orders them), without the releases it excludes."""
    templates = PostTemplates(env)
    return tuple(
        post
        for release in arranged(releases, plan)
        for post in posts_for(release, config, templates, week)
    )


def render_week(
    week: str,
    releases: tuple[Release, ...],
    config: Config,
    env: jinja2.Environment,
    inputs_hash: str,
    plan: WeekPlan | None = None,
    images: Mapping[str, ImageFile] | None = None,
) -> WeekOutput:
    """Every file of one week's folder (``outbox.WEEK_FILES``), as its week file says, and
    the workspace images (of ``images``, the facts of those the releases name) its digest
    shows."""
    images = images or {}
    digest = compose_digest(week, releases, config, plan, images)
    rendered = render_digest(digest, config, env)
    assets = tuple(sorted({i.path for i in digest.images if i.path in images}))
    checks = check_digest(rendered.html, rendered.text, [images[path] for path in assets])
    posts = week_drafts(releases, config, env, week, plan)
    html = rendered.html_bytes
    heading = f"{config.newsletter.name} — {week_in_words(week, config.locale)}"
    report = {
        "week": week,
        "pressroom": __version__,
        "inputs": inputs_hash,
        "releases": [r.id for r in arranged(releases, plan)],
        "html_bytes": len(html),
        "ok": not failed(checks),
        "checks": [c.as_dict() for c in checks],
        "digest": week_summary(digest),
    }
    files = {
        "digest.html": html,
        "digest.txt": rendered.text.encode(),
        "digest.mjml": rendered.mjml.encode(),
        "digest.eml": build_eml(digest, rendered, config.newsletter),
        "posts.json": file_bytes(to_json(posts), ExportFormat.json),
        "posts.csv": file_bytes(to_csv(posts), ExportFormat.csv),
        "posts.md": file_bytes(to_markdown(posts, heading), ExportFormat.md),
        REPORT: (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    return WeekOutput(week, files, checks, assets, archived_week(report))
