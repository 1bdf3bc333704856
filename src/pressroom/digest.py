"""The weekly email digest: compose stories, then Jinja2 -> MJML -> HTML -> inlined CSS."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import jinja2
import regex

from pressroom.config import Config
from pressroom.dates import day_in_words, week_in_words
from pressroom.editorial import Featured, featured, quoted, with_utm
from pressroom.errors import PressroomError, Problem
from pressroom.i18n import labels, plural
from pressroom.model import Release, newest_first
from pressroom.spaces import collapse
from pressroom.templating import render

MJML_TEMPLATE = "email/digest.mjml.j2"
TEXT_TEMPLATE = "email/digest.txt.j2"
PREHEADER_MIN, PREHEADER_MAX = 40, 140
SUMMARY_MAX = 320
_INLINE_MARK = "/* pressroom:inline */"
_STYLE_OPEN = regex.compile(r"<style(?![^>]*data-premailer)([^>]*)>(?!\s*/\* pressroom:inline)")
_INLINE_BLOCK = regex.compile(r"<style[^>]*>\s*/\* pressroom:inline \*/.*?</style>", regex.S)


@dataclass(frozen=True)
class Story:
    release: Release
    url: str
    date_words: str
    summary: str
    quote: Featured | None
    quote_text: str


@dataclass(frozen=True)
class Digest:
    week: str
    locale: str
    subject: str
    week_words: str
    preheader: str
    lead: Story
    stories: tuple[Story, ...]
    web_version_url: str
    unsubscribe_url: str
    count_line: str


@dataclass(frozen=True)
class RenderedDigest:
    mjml: str
    html: str
    text: str

    @cached_property
    def html_bytes(self) -> bytes:
        """The HTML as UTF-8, encoded once for its file, its size and the .eml."""
        return self.html.encode()


def compose(week: str, releases: tuple[Release, ...], config: Config) -> Digest:
    """The digest of one ISO week; releases newest first, the lead is the one with a quote."""
    if not releases:
        raise ValueError(f"week {week} has no releases")
    locale = config.locale
    utm = {
        "utm_source": config.utm.source,
        "utm_medium": config.utm.medium,
        "utm_campaign": config.utm.campaign.format(week=week),
    }
    site = config.newsletter.site_url
    ordered = newest_first(releases)
    stories = [_story(r, locale, with_utm(r.url or site, site, utm)) for r in ordered]
    lead_index = next((i for i, s in enumerate(stories) if s.quote and s.quote.direct), 0)
    lead = stories.pop(lead_index)
    week_words = week_in_words(week, locale)
    words = labels(locale)
    return Digest(
        week=week,
        locale=locale,
        subject=f"{config.newsletter.name} – {week_words}",
        week_words=week_words,
        preheader=preheader([lead, *stories], f"{config.newsletter.name}, {week_words}"),
        lead=lead,
        stories=tuple(stories),
        web_version_url=with_utm(config.newsletter.web_version_url.format(week=week), site, utm),
        unsubscribe_url=config.newsletter.unsubscribe_url,
        count_line=plural(words["releases"], len(releases)),
    )


def _story(release: Release, locale: str, url: str) -> Story:
    quote = featured(release)
    return Story(
        release=release,
        url=url,
        date_words=day_in_words(release.date, locale),
        summary=shorten(release.standfirst, SUMMARY_MAX),
        quote=quote,
        quote_text=quoted(quote.text, release.lang) if quote and quote.direct else "",
    )


def preheader(stories: list[Story], fallback: str) -> str:
    """The week's headlines, 40 to 140 characters, cut at a word."""
    text = " · ".join(s.release.title for s in stories)
    if len(text) < PREHEADER_MIN:
        text = f"{text} · {fallback}" if text else fallback
    return shorten(text, PREHEADER_MAX).ljust(PREHEADER_MIN, "\u00a0")


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary that fits, with an ellipsis."""
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:·–-") + "…"


def render_digest(digest: Digest, config: Config, env: jinja2.Environment) -> RenderedDigest:
    context = {"digest": digest, "config": config, "t": labels(digest.locale)}
    source = render(env, MJML_TEMPLATE, **context)
    html = inline_css(compile_mjml(source, env))
    text = render(env, TEXT_TEMPLATE, **context)
    return RenderedDigest(mjml=source, html=html, text=text)


def compile_mjml(source: str, env: jinja2.Environment) -> str:
    from mjml import mjml2html  # imported when first needed: a no-change build never is

    try:
        return str(mjml2html(source, disable_comments=False, fonts={}))
    except ValueError as exc:  # MRML's parse errors carry no position: find the tag ourselves
        where, line, tag = locate_unclosed_tag(source, env)
        detail = f" (<{tag}> is never closed)" if tag else ""
        raise PressroomError(
            Problem(where, line, f"MJML error: {exc}{detail}", "close the tag in this template")
        ) from exc


_MJ_TAG = regex.compile(r"<(/?)(mj-[a-z-]+)\b[^>]*?(/?)>")


def locate_unclosed_tag(source: str, env: jinja2.Environment) -> tuple[str, int, str]:
    """The template file and line of the first MJML tag left open in the rendered source."""
    stack: list[tuple[str, int]] = []
    for match in _MJ_TAG.finditer(source):
        closing, name, self_closing = match.groups()
        if self_closing:
            continue
        line = source.count("\n", 0, match.start()) + 1
        if not closing:
            stack.append((name, line))
        elif stack and stack[-1][0] == name:
            stack.pop()
        else:
            break  # a closing tag for something else: the tag on top of the stack is open
    if not stack:
        return f"templates/{MJML_TEMPLATE}", 1, ""
    name, line = stack[-1]
    rendered = source.split("\n")[line - 1].strip()
    return (*_template_line(rendered, env), name)


def _template_line(rendered: str, env: jinja2.Environment) -> tuple[str, int]:
    """Find which email template line produced a rendered line (same opening text)."""
    probe = rendered.split("{", 1)[0][:40]
    for name in env.list_templates(filter_func=lambda n: n.startswith("email/")):
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        for number, text in enumerate(source.split("\n"), start=1):
            if probe and text.strip().startswith(probe):
                return filename or f"templates/{name}", number
    return f"templates/{MJML_TEMPLATE}", 1


def inline_css(html: str) -> str:
    """premailer with the settings MJML output needs, on the parts that need it.

    premailer reads the ``/* pressroom:inline */`` style block and writes its rules into
    the body; the head goes out as MJML wrote it. Parts a template marks as styled
    already (``<!-- pressroom:styled -->`` ... ``<!-- /pressroom:styled -->``: the story
    cards) are set aside while premailer reads and rewrites the body, then put back as
    MJML wrote them: the block's rules do not reach into them, and premailer's work no
    longer grows with the number of stories.
    """
    start = html.find("<body")
    html_tag = html.find("<html")
    if start < 0 or html_tag < 0:
        return _inline_everything(html)
    head, body = html[:start], html[start:]
    if "<style" in body:  # a template's own <style> in the body is left as it is
        body = ignore_other_styles(body)
    skeleton, styled = _set_aside_styled(body)
    opening = head[html_tag : head.index(">", html_tag) + 1]  # <html lang=...>: selectors see it
    rules = "".join(_INLINE_BLOCK.findall(head))
    document = f"{opening}<head>{rules}</head>{skeleton}"
    inlined = _premailer(document, replayable=_names_elements_only(rules))
    inlined = inlined[inlined.find("<body") :]
    placeholders = [_placeholder(number) for number in range(len(styled))]
    if not all(placeholder in inlined for placeholder in placeholders):
        return _inline_everything(html)  # a mark where HTML keeps no comment (in <title>, say)
    for placeholder, part in zip(placeholders, styled, strict=True):
        inlined = inlined.replace(placeholder, part, 1)
    return head.replace(_INLINE_MARK, "") + inlined


def _inline_everything(html: str) -> str:
    """premailer over the whole document, marks ignored; the doctype it drops put back."""
    html = ignore_other_styles(html.replace(_STYLED_OPEN, "").replace(_STYLED_CLOSE, ""))
    inlined = _premailer(html).replace(_INLINE_MARK, "")
    if not inlined[:64].lstrip().lower().startswith("<!doctype"):
        inlined = "<!DOCTYPE html>\n" + inlined
    return inlined


def _premailer(html: str, *, replayable: bool = False) -> str:
    """premailer over a tree parsed here (premailer would parse with a new parser each
    time, and a new libxml2 parser takes twice as long as one kept).

    ``replayable``: the rules name only elements, classes and ids (see
    ``_names_elements_only``), so what premailer changes depends only on the document's
    elements (tag, class, id, style, place in the tree), not on its words or links. Every
    week's digest has the same elements, with other words: premailer runs on the first,
    and the attributes it changed are set again on the next ones.
    """
    from lxml import etree

    page = etree.fromstring(html.strip(), _html_parser())
    if replayable:
        _run_or_replay_premailer(page)
    else:
        _run_premailer(page)
    return str(etree.tostring(page.getroottree(), method="html", encoding="unicode"))


def _run_or_replay_premailer(page: Any) -> None:
    """premailer on the first page of a shape; its attribute changes set again on the next."""
    elements = list(page.iter())
    shape = tuple(map(_element_shape, elements))
    changes = _replays.get(shape)
    if changes is None:
        before = [element.items() for element in elements]
        _run_premailer(page)
        if len(_replays) >= _REPLAYS_KEPT:
            _replays.clear()
        _replays[shape] = _attribute_changes(elements, before)
        return
    for index, removed, changed in changes:
        element = elements[index]
        for name in removed:
            del element.attrib[name]
        for name, value in changed:
            element.set(name, value)


def _run_premailer(page: Any) -> None:
    _inliner_class()(
        page,
        strip_important=False,
        keep_style_tags=True,
        allow_network=False,
        allow_loading_external_files=False,
        disable_validation=True,
        disable_leftover_css=True,  # no <head> lookup: only css_text= rules would go there
        remove_classes=False,
        exclude_pseudoclasses=True,
    ).transform()


_AttributeChanges = tuple[tuple[int, tuple[str, ...], tuple[tuple[str, str], ...]], ...]
"""Per changed element (its index in document order): attributes removed, then attributes
set, in the order premailer left them (a new one goes last, as premailer adds it)."""
_replays: dict[tuple[Any, ...], _AttributeChanges] = {}
_REPLAYS_KEPT = 16
"""Shapes remembered (a lead with or without a quote, a logo or not...); a build sees few."""


def _element_shape(element: Any) -> tuple[Any, ...]:
    """What premailer's work on an element can depend on, given rules that name only
    elements, classes and ids; the elements in document order with their child counts
    give the tree. A <style> element counts with what premailer reads of it."""
    if element.tag == "style":
        return ("style", element.get("media"), element.get("data-premailer"), element.text)
    return (
        element.tag,
        len(element),
        element.get("class"),
        element.get("id"),
        element.get("style"),
    )


def _attribute_changes(
    elements: list[Any], before: list[list[tuple[str, str]]]
) -> _AttributeChanges:
    changes = []
    for index, (element, old) in enumerate(zip(elements, before, strict=True)):
        new = element.items()
        if new != old:
            was, now = dict(old), dict(new)
            removed = tuple(name for name in was if name not in now)
            changed = tuple((name, value) for name, value in new if was.get(name) != value)
            changes.append((index, removed, changed))
    return tuple(changes)


@lru_cache(maxsize=8)
def _names_elements_only(rules: str) -> bool:
    """Whether every selector of these style blocks names only elements, classes and ids:
    no attribute selector (``a[href$=pdf]``), pseudo-class or at-rule, whose matches
    could depend on a link or a word."""
    css = _CSS_COMMENT.sub("", _STYLE_TAG.sub("", rules))
    selectors = _CSS_DECLARATIONS.sub(",", css)
    return not any(mark in selectors for mark in "[:@\\")


_CSS_COMMENT = regex.compile(r"/\*.*?\*/", regex.S)
_CSS_DECLARATIONS = regex.compile(r"\{[^}]*\}")
_STYLE_TAG = regex.compile(r"</?style[^>]*>")


_parsers = threading.local()


def _html_parser() -> Any:
    """This thread's HTML parser (an lxml parser must not be shared between threads)."""
    if not hasattr(_parsers, "html"):
        from lxml import etree

        _parsers.html = etree.HTMLParser()
    return _parsers.html


def ignore_other_styles(html: str) -> str:
    """Every <style> but the ``/* pressroom:inline */`` block marked for premailer to skip:
    MJML's resets and media queries stay style blocks, never inlined."""
    return _STYLE_OPEN.sub(r'<style\1 data-premailer="ignore">', html)


_STYLED_OPEN, _STYLED_CLOSE = "<!-- pressroom:styled -->", "<!-- /pressroom:styled -->"


def _set_aside_styled(html: str) -> tuple[str, list[str]]:
    """The document with each styled part replaced by a numbered comment, and the parts."""
    kept: list[str] = []
    styled: list[str] = []
    rest = html
    while (start := rest.find(_STYLED_OPEN)) >= 0 and (end := rest.find(_STYLED_CLOSE, start)) >= 0:
        kept += [rest[:start], _placeholder(len(styled))]
        styled.append(rest[start + len(_STYLED_OPEN) : end])
        rest = rest[end + len(_STYLED_CLOSE) :]
    return "".join(kept) + rest, styled


def _placeholder(number: int) -> str:
    return f"<!--pressroom:styled-{number}-->"


@lru_cache(maxsize=1)
def _inliner_class() -> type[Any]:
    """premailer's Premailer, remembering the rules it reads from a style block.

    Every week's digest carries the same style block, and turning it into rules
    (cssutils parses and serialises every property) was most of premailer's time.
    The rules are plain tuples; premailer copies them and does not change them.
    """
    import cssutils
    import premailer

    cssutils.log.setLevel(logging.CRITICAL)  # MJML's mso-* properties are not errors
    rules: dict[tuple[str, int], Any] = {}

    class RememberingPremailer(premailer.Premailer):  # type: ignore[misc]
        def _parse_style_rules(self, css_body: str, ruleset_index: int) -> Any:
            key = (css_body, ruleset_index)
            if key not in rules:
                rules[key] = super()._parse_style_rules(css_body, ruleset_index)
            return rules[key]

    return RememberingPremailer
