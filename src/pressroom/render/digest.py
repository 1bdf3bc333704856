"""The digest as an email: Jinja2 -> MJML -> HTML (mjml-python) -> CSS inlined (premailer),
and its plain-text part from a template of its own."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import jinja2

from pressroom.compose.digest import Digest, Story, StoryImage
from pressroom.compose.labels import labels
from pressroom.config import Config
from pressroom.render.inline import inline_css
from pressroom.render.mjml import compile_mjml
from pressroom.render.note import note_html, note_links, note_text
from pressroom.render.palette import palette
from pressroom.render.templates import render

__all__ = [
    "TEXT_WIDTH",
    "RenderedDigest",
    "Section",
    "image_heights",
    "note_html",
    "references",
    "render_digest",
    "sections",
]

MJML_TEMPLATE = "email/digest.mjml.j2"
TEXT_TEMPLATE = "email/digest.txt.j2"
TEXT_WIDTH = 78
"""The plain-text part's lines: at most 78 characters (RFC 5322's advice), but for a
reference's address, which is never broken."""


@dataclass(frozen=True)
class RenderedDigest:
    mjml: str
    html: str
    text: str

    @cached_property
    def html_bytes(self) -> bytes:
        """The HTML as UTF-8, encoded once for its file, its size and the .eml."""
        return self.html.encode()


@dataclass(frozen=True)
class Section:
    """Stories the email shows in one MJML section: a story with an image alone (its image
    and its text are two columns), the stories between those together."""

    stories: tuple[Story, ...]

    @property
    def image(self) -> bool:
        return self.stories[0].image is not None


def sections(stories: Iterable[Story]) -> tuple[Section, ...]:
    groups: list[list[Story]] = []
    for story in stories:
        if story.image or not groups or groups[-1][0].image:
            groups.append([story])
        else:
            groups[-1].append(story)
    return tuple(Section(tuple(group)) for group in groups)


def render_digest(digest: Digest, config: Config, env: jinja2.Environment) -> RenderedDigest:
    context = {
        "digest": digest,
        "config": config,
        "t": labels(digest.locale),
        "note_html": note_html(digest.note, digest.lang),
        "palette": palette(config.brand.colour),
        "sections": sections(digest.stories),
    }
    source = render(env, MJML_TEMPLATE, **context)
    html = inline_css(image_heights(compile_mjml(source, env, MJML_TEMPLATE), digest.images))
    refs = references(digest)
    text = render(
        env,
        TEXT_TEMPLATE,
        **context,
        refs=refs,
        note_urls=note_links(digest.note),
        width=TEXT_WIDTH,
        note_text=note_text(digest.note, digest.lang, refs, TEXT_WIDTH),
    )
    return RenderedDigest(mjml=source, html=html, text=text)


def references(digest: Digest) -> dict[str, int]:
    """The plain-text part's links, numbered in reading order (``[1]``): the note's, each
    story's (the lead first), then unsubscribe and the web version; a link met twice
    keeps its first number. Each story lists its own under it, as listmonk and Buttondown
    write them, so that no address runs through a paragraph."""
    urls = [
        *note_links(digest.note),
        *(s.url for s in (digest.lead, *digest.stories) if s.url),
        digest.unsubscribe_url,
        digest.web_version_url,
    ]
    numbers: dict[str, int] = {}
    for url in urls:
        numbers.setdefault(url, len(numbers) + 1)
    return numbers


_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s(src|width)="([^"]*)"')


def image_heights(html: str, images: Iterable[StoryImage]) -> str:
    """Each image's height attribute from its file (``StoryImage.height``), where MJML
    wrote ``height="auto"``: the templates give MJML ``height="auto"``, so that the image is
    ``height:auto`` inline and keeps its ratio where <style> is dropped, and no client turns
    a fixed height into a minimum; the attribute keeps its place while it loads (and
    Outlook sizes it). An image whose height is not known (a remote one, a logo) gets none."""
    heights = {(i.src, str(i.width)): i.height for i in images if i.height}

    def sized(match: re.Match[str]) -> str:
        tag = match.group(0)
        if ' height="auto"' not in tag:
            return tag
        found = {name: htmllib.unescape(value) for name, value in _ATTRIBUTE.findall(tag)}
        height = heights.get((found.get("src", ""), found.get("width", "")))
        return tag.replace(' height="auto"', f' height="{height}"' if height else "", 1)

    return _IMG.sub(sized, html)
