"""Social post drafts: compose from an editorial template, then fit to the platform's limit.

Shortening goes in a fixed order and is reported: drop extra hashtags, shorten the quote
at a clause or word boundary with […], drop the role, drop the quote, shorten the title
at a word boundary with …. The URL, a word and a grapheme are never cut.

A release's ``posts:`` override is the whole post as the editor wrote it: it is counted
with the platform's rule and never shortened; over the limit, it is a problem
(``override_problems``) that stops the command before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

import regex

from pressroom.compose.editorial import (
    NNBSP,
    Featured,
    featured_candidates,
    hashtags,
    published_url,
    quoted,
    shown_link,
    with_utm,
)
from pressroom.compose.labels import labels
from pressroom.compose.shortening import STANDFIRST_AS_QUOTE, STEPS, Parts
from pressroom.config import Config
from pressroom.errors import Problem, SetupError
from pressroom.model import PostOverride, Release
from pressroom.platforms import PLATFORMS, Platform
from pressroom.text.counting import length
from pressroom.text.spaces import words
from pressroom.text.typography import typeset

ELLIPSIS = "…"
QUOTE_CUT = "[…]"
_BLANK_LINES = regex.compile(r"\n{3,}")

NEEDS_IMAGE = "needs image"
"""Flag: the platform cannot post without an image, and the release has none."""
OVERRIDE = "override"
"""Flag: the text is the editor's ``posts:`` override, as written."""


@dataclass(frozen=True)
class Post:
    release_id: str
    platform: str
    text: str
    length: int
    limit: int
    url: str
    truncated: tuple[str, ...]
    quote_speaker: str | None
    title: str
    status: str = "draft"
    image: str | None = None
    """The release's image (an https URL, or a path under the workspace's ``assets/``)."""
    image_alt: str | None = None
    flags: tuple[str, ...] = ()
    """What a reviewer should know: ``NEEDS_IMAGE``, ``OVERRIDE``."""
    at: datetime | None = None
    """When it goes out (``compose.schedule``), in the configured time zone; None until
    scheduled."""
    link_text: str | None = None
    """How the text shows ``url`` when the platform shows links shortened (Bluesky's
    ``example.org/news/2026-0...``); None when the text holds the URL itself or none."""

    def facets(self) -> list[dict[str, Any]]:
        """Bluesky's rich-text facets: the shortened link's UTF-8 byte range in the text,
        pointing at the full URL (``app.bsky.richtext.facet#link``)."""
        if not self.link_text or self.link_text not in self.text:
            return []
        start = len(self.text[: self.text.rindex(self.link_text)].encode())
        return [
            {
                "index": {"byteStart": start, "byteEnd": start + len(self.link_text.encode())},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": self.url}],
            }
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "release_id": self.release_id,
            "platform": self.platform,
            "text": self.text,
            "length": self.length,
            "limit": self.limit,
            "url": self.url,
            "truncated": list(self.truncated),
            "quote_speaker": self.quote_speaker,
            "title": self.title,
            "status": self.status,
            "image": self.image,
            "image_alt": self.image_alt,
            "flags": list(self.flags),
            "at": self.at.isoformat() if self.at else None,
            "facets": self.facets(),
        }


class PostTemplates(Protocol):
    """Each platform's post template (``pressroom.render.templates`` gives the Jinja ones)."""

    def render(self, platform: str, context: Mapping[str, object]) -> str:
        """The draft's text from its parts."""
        ...

    def uses(self, platform: str, variable: str) -> bool:
        """Whether the platform's template shows ``variable`` at all."""
        ...


def posts_for(
    release: Release, config: Config, templates: PostTemplates, week: str
) -> tuple[Post, ...]:
    """One draft per configured platform; what the platforms share is worked out once.

    Raises SetupError when an override is over its limit (see ``override_problems``).
    """
    check_overrides((release,), config.posts.platforms)
    site = config.newsletter.site_url
    campaign = config.utm.campaign.format(week=week)
    tags = hashtags((*config.posts.hashtags, *release.tags))
    starts = tuple(
        _Start(feature, _full_parts(release, feature, tags))
        for feature in featured_candidates(release) or (None,)
    )
    image = None
    if release.image:  # the week's address worked out only for a release with an image
        image = published_url(release.image, config.newsletter.assets_base(week))
    drafts = []
    for name in config.posts.platforms:
        platform = PLATFORMS[name]
        url = ""  # a release without a URL: no link at all, not the site's home page
        if release.url:
            utm = {"utm_source": name, "utm_medium": config.posts.utm_medium}
            url = with_utm(release.url, site, {**utm, "utm_campaign": campaign})
        override = release.override(name)
        if override is not None:
            post = _as_written(release, platform, override, url)
        elif platform.short_links and url:
            shown = shown_link(url)
            post = compose_post(release, platform, config, templates, shown, starts)
            post = replace(post, url=url, link_text=shown if shown != url else None)
        else:
            post = compose_post(release, platform, config, templates, url, starts)
        drafts.append(_with_media(post, release, platform, image))
    return tuple(drafts)


def override_problems(releases: Iterable[Release], platforms: Iterable[str]) -> tuple[Problem, ...]:
    """Each override of these platforms that is over its limit, counted as drafts are
    (``text.counting.length``), named by its file and line: it is never cut."""
    wanted = set(platforms)
    problems = []
    for release in releases:
        for override in release.posts:
            if override.platform not in wanted:
                continue
            platform = PLATFORMS[override.platform]
            count = length(platform, override.text)
            if count > platform.limit:
                problems.append(
                    Problem(
                        release.source.path,
                        override.line,
                        f"post for {platform.name} is over its limit "
                        f"({platform.name}: {count}/{platform.limit})",
                        "shorten it",
                    )
                )
    return tuple(problems)


def check_overrides(releases: Iterable[Release], platforms: Iterable[str]) -> None:
    """Raise SetupError (nothing is written) naming the first override over its limit,
    and how many more there are."""
    problems = override_problems(releases, platforms)
    if problems:
        first = problems[0]
        more = f" ({len(problems) - 1} more over their limit)" if len(problems) > 1 else ""
        raise SetupError(replace(first, hint=first.hint + more))


def _as_written(release: Release, platform: Platform, override: PostOverride, url: str) -> Post:
    """The editor's text, verbatim: no link, hashtag or typography added, nothing cut."""
    return Post(
        release_id=release.id,
        platform=platform.name,
        text=override.text,
        length=length(platform, override.text),
        limit=platform.limit,
        url=url,
        truncated=(),
        quote_speaker=None,
        title=release.title,
        flags=(OVERRIDE,),
    )


def _with_media(post: Post, release: Release, platform: Platform, image: str | None) -> Post:
    """The post with its release's image at ``image``, the address the scheduling tools
    fetch it from (None when the release has none)."""
    needs_image = platform.needs_image and not release.image
    if image is None and release.image_alt is None and not needs_image:
        return post  # nothing to add: a copy of a frozen post would be the same post
    return replace(
        post,
        image=image,
        image_alt=release.image_alt,
        flags=(*post.flags, *((NEEDS_IMAGE,) if needs_image else ())),
    )


@dataclass(frozen=True)
class _Start:
    """A candidate headline quote and the full, unshortened parts of a post featuring it."""

    feature: Featured | None
    parts: Parts


def _full_parts(release: Release, feature: Featured | None, tags: tuple[str, ...]) -> Parts:
    return Parts(
        title=typeset(release.title, release.lang),
        standfirst_words=tuple(words(typeset(_standfirst(release, feature), release.lang))),
        standfirst_full=True,
        quote_words=tuple(words(feature.text)) if feature else (),
        quote_full=True,
        speaker=feature.speaker if feature else None,
        role=feature.role if feature else None,
        hashtags=tags,
        show_quote=feature is not None,
        title_full=True,
        show_title=True,
        show_url=True,
    )


def compose_post(
    release: Release,
    platform: Platform,
    config: Config,
    templates: PostTemplates,
    url: str,
    starts: tuple[_Start, ...],
) -> Post:
    """The longest draft that fits, trying each candidate quote (best first)."""
    uses_standfirst = templates.uses(platform.name, "standfirst")
    best: tuple[str, tuple[str, ...], Featured | None] | None = None
    for start in starts:
        parts = start.parts
        if len(parts.hashtags) > (platform.max_hashtags or len(parts.hashtags)):
            parts = parts._replace(hashtags=parts.hashtags[: platform.max_hashtags])
        if parts.standfirst_words and not uses_standfirst:
            parts = parts._replace(standfirst_words=())  # nothing to shorten there
        text, steps = _fit(release, platform, config, templates, url, parts, start.feature)
        if not steps:
            best = (text, steps, start.feature)
            break
        if best is None:
            best = (text, steps, start.feature)
    assert best is not None
    text, steps, chosen = best
    quote_kept = "quote dropped" not in steps and chosen is not None and chosen.direct
    return Post(
        release_id=release.id,
        platform=platform.name,
        text=text,
        length=length(platform, text),
        limit=platform.limit,
        url=url,
        truncated=steps,
        quote_speaker=chosen.speaker if quote_kept and chosen else None,
        title=release.title,
    )


def _fit(
    release: Release,
    platform: Platform,
    config: Config,
    templates: PostTemplates,
    url: str,
    parts: Parts,
    feature: Featured | None,
) -> tuple[str, tuple[str, ...]]:
    label = labels(release.lang)
    handle = config.handles.get(feature.speaker or "", {}).get(platform.name) if feature else None

    drawn: dict[Parts, str] = {}

    def draw(parts: Parts) -> str:
        if parts not in drawn:
            drawn[parts] = _draw(parts)
        return drawn[parts]

    def _draw(parts: Parts) -> str:
        quote = None
        if parts.show_quote and feature and parts.quote_words:
            cut = f" {QUOTE_CUT}" if feature.direct else ELLIPSIS
            body = " ".join(parts.quote_words) + ("" if parts.quote_full else cut)
            quote = quoted(body, release.lang) if feature.direct else body
        title = parts.title if parts.title_full else f"{parts.title}{ELLIPSIS}"
        context = {
            "title": title if parts.show_title else "",
            "quote": quote,
            "speaker": (handle or parts.speaker) if quote and feature and feature.direct else None,
            "role": parts.role if quote and not handle else None,
            "url": url if parts.show_url else "",
            "hashtags": list(parts.hashtags),
            "standfirst": " ".join(parts.standfirst_words)
            + ("" if parts.standfirst_full or not parts.standfirst_words else ELLIPSIS),
            "read_label": label["read"],
            "colon": f"{NNBSP}:" if release.lang == "fr" else ":",
            "link_in_bio": label["link_in_bio"],
            "lang": release.lang,
            "platform": platform.name,
        }
        text = templates.render(platform.name, context)
        return _tidy(text, platform, config)

    def fits(parts: Parts) -> bool:
        text = draw(parts)
        if length(platform, text) > platform.limit:
            return False
        return platform.fold is None or len(text.split("\n", 1)[0]) <= platform.fold

    named = STANDFIRST_AS_QUOTE if feature and not feature.direct else {}
    steps: list[str] = []
    for step, shorten in STEPS:
        if fits(parts):
            break
        shorter = shorten(parts, fits)
        if draw(shorter) != draw(parts):
            steps.append(named.get(step, step))
        parts = shorter
    return draw(parts), tuple(steps)


def _tidy(text: str, platform: Platform, config: Config) -> str:
    lines = [line.rstrip() for line in text.strip().split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if platform.name == "x" and config.posts.x_narrow_nbsp_to_nbsp:
        text = text.replace(NNBSP, "\u00a0")  # U+202F weighs 2 on X, U+00A0 weighs 1
    return text


def _standfirst(release: Release, feature: Featured | None) -> str:
    if feature is not None and not feature.direct:
        return ""  # the standfirst already stands in for the quote
    return release.standfirst
