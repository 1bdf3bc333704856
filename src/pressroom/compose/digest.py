"""The weekly digest's editorial content: its stories, the lead, the subject and preheader.

What the digest says, not how it looks: ``pressroom.render.digest`` turns a ``Digest``
into MJML, HTML, text and an ``.eml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from pressroom.compose.editorial import Featured, featured, published_url, quoted, with_utm
from pressroom.compose.labels import labels, lang_of, plural
from pressroom.config import Config
from pressroom.model import ImageFile, Release, WeekPlan, is_remote
from pressroom.text.dates import day_in_words, week_in_words
from pressroom.text.spaces import collapse
from pressroom.text.typography import typeset
from pressroom.weeks import week_send_slot

PREHEADER_RANGE = (40, 140)
"""A preheader's length in characters: shorter, clients fill it with body text; longer,
they cut it. The digest's check reads the same range."""
SUMMARY_MAX = 320
LEAD_IMAGE_WIDTH = 600
"""The lead's image spans the email's 600 px (templates/email/partials/lead.mjml.j2)."""
THUMBNAIL_WIDTH = 160
"""Another story's image, beside its text (templates/email/partials/picture_card.mjml.j2)."""


@dataclass(frozen=True)
class StoryImage:
    """A story's image as the digest shows it."""

    src: str
    """An absolute https URL: the release's own, or its file's under ``newsletter.assets_url``."""
    alt: str
    width: int
    """In CSS pixels: the display width, or the file's own when narrower (never enlarged)."""
    height: int | None
    """The file's height scaled to ``width``; None for a remote image, whose size is not
    known at build time (the client keeps its ratio)."""
    credit: str
    """The release's credit, shown as a caption; empty when it has none."""
    path: str
    """The workspace file the week folder copies (``assets/...``); empty for a remote image."""


@dataclass(frozen=True)
class Story:
    release: Release
    url: str | None
    """The release's own page with UTM parameters; None when the release has no URL (the
    digest then links nowhere rather than to the site's home page)."""
    date_words: str
    summary: str
    quote: Featured | None
    quote_text: str
    lang: str
    """The story's language where it differs from the digest's (for a ``lang``
    attribute), else empty."""
    title: str
    """The release's title as the digest shows it: French spacing in a French release
    (``text.typography.typeset``), as its summary and quote have."""
    standfirst: str
    """The release's whole standfirst, typeset as its title (the lead shows it)."""
    image: StoryImage | None = None


@dataclass(frozen=True)
class Digest:
    week: str
    locale: str
    lang: str
    """The digest's language: ``fr`` or ``en``."""
    subject: str
    """The week file's subject or the newsletter's name and the week, with French spacing
    in a French digest (as its preheader)."""
    week_words: str
    preheader: str
    lead: Story
    stories: tuple[Story, ...]
    web_version_url: str
    unsubscribe_url: str
    count_line: str
    sent_at: datetime
    """When the digest goes out: the first ``newsletter.send_at`` after its week (inside
    it, after its last release, with ``newsletter.send_in_week``: ``weeks.week_send_slot``)."""
    note: str = ""
    """The editor's word under the header (Markdown, from the week file), or empty."""

    @property
    def images(self) -> tuple[StoryImage, ...]:
        """Every story's image, the lead's first."""
        return tuple(s.image for s in (self.lead, *self.stories) if s.image)


def compose_digest(
    week: str,
    ordered: Sequence[Release],
    config: Config,
    plan: WeekPlan | None = None,
    images: Mapping[str, ImageFile] | None = None,
) -> Digest:
    """The digest of one ISO week, of its releases in the week's order (as
    ``compose.week.arranged`` gives them: ``compose_week`` composes a week): the lead the
    first with a quote, unless the week file (``plan``) names one; its subject, preheader
    and note.

    ``images`` are the facts of the workspace images the releases name, by path: a file
    image gets width and height attributes from them."""
    if not ordered:
        raise ValueError(f"week {week} has no releases")
    locale = config.locale
    utm = {
        "utm_source": config.utm.source,
        "utm_medium": config.utm.medium,
        "utm_campaign": config.utm.campaign.format(week=week),
    }
    site = config.newsletter.site_url
    lang = lang_of(locale)
    stories = [
        _story(r, locale, lang, with_utm(r.url, site, utm) if r.url else None) for r in ordered
    ]
    if plan and plan.lead:
        lead_index = next(i for i, s in enumerate(stories) if s.release.id == plan.lead)
    else:
        lead_index = next((i for i, s in enumerate(stories) if s.quote and s.quote.direct), 0)
    assets = config.newsletter.assets_base(week)
    widths = [LEAD_IMAGE_WIDTH if i == lead_index else THUMBNAIL_WIDTH for i in range(len(stories))]
    stories = [
        replace(s, image=story_image(s.release, images or {}, assets, width))
        for s, width in zip(stories, widths, strict=True)
    ]
    lead = stories.pop(lead_index)
    week_words = week_in_words(week, locale)
    words = labels(locale)
    fallback = typeset(f"{config.newsletter.name}, {week_words}", lang)
    computed = preheader([lead, *stories], fallback)
    subject = (plan and plan.subject) or f"{config.newsletter.name} – {week_words}"
    return Digest(
        week=week,
        locale=locale,
        lang=lang,
        subject=typeset(subject, lang),
        week_words=week_words,
        preheader=typeset(plan.preheader, lang) if plan and plan.preheader else computed,
        lead=lead,
        stories=tuple(stories),
        web_version_url=with_utm(config.newsletter.web_version(week), site, utm),
        unsubscribe_url=config.newsletter.unsubscribe_url,
        count_line=plural(words["releases"], len(ordered)),
        sent_at=week_send_slot(
            week,
            max(r.date for r in ordered),
            config.send_slot,
            config.tz,
            config.newsletter.send_in_week,
        ),
        note=plan.note if plan else "",
    )


def _story(release: Release, locale: str, lang: str, url: str | None) -> Story:
    quote = featured(release)
    return Story(
        release=release,
        url=url,
        date_words=day_in_words(release.date, locale),
        summary=shorten(typeset(release.standfirst, release.lang), SUMMARY_MAX),
        quote=quote,
        quote_text=quoted(quote.text, release.lang) if quote and quote.direct else "",
        lang=release.lang if release.lang != lang else "",
        title=typeset(release.title, release.lang),
        standfirst=typeset(release.standfirst, release.lang),
    )


def story_image(
    release: Release, images: Mapping[str, ImageFile], assets: str, width: int
) -> StoryImage | None:
    """The release's image at ``width`` (the readers kept only images that have an alt)."""
    if not release.image or not release.image_alt:
        return None
    credit = release.credit or ""
    if is_remote(release.image):
        return StoryImage(release.image, release.image_alt, width, None, credit, "")
    src = published_url(release.image, assets)
    file = images.get(release.image)
    if file is None or not file.width:
        return StoryImage(src, release.image_alt, width, None, credit, release.image)
    shown = min(width, file.width)
    height = max(1, round(file.height * shown / file.width))
    return StoryImage(src, release.image_alt, shown, height, credit, release.image)


def preheader(stories: list[Story], fallback: str) -> str:
    """The week's headlines, each whole, as many as fit in 140 characters (a headline
    longer than that alone is cut after its last whole word, with an ellipsis); under 40
    characters, ``fallback`` (the newsletter's name and the week) follows when it fits.
    It never ends on a fragment of the next headline (``· Sujet…``)."""
    low, high = PREHEADER_RANGE
    text = ""
    for story in stories:
        joined = f"{text} · {story.title}" if text else story.title
        if len(joined) > high:
            break
        text = joined
    if not text and stories:
        text = shorten(stories[0].title, high)
    if len(text) < low:
        joined = f"{text} · {fallback}" if text else fallback
        text = joined if len(joined) <= high else text or shorten(fallback, high)
    return text.ljust(low, "\u00a0")


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary that fits, with an ellipsis."""
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:·–-") + "…"
