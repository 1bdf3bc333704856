"""CSS inlining with premailer, set up for MJML's output.

Invariants:

- premailer reads only the style block marked ``/* pressroom:inline */`` and writes its
  rules into the ``<body>``; every other ``<style>`` (MJML's resets, media queries, the
  dark-mode rules) stays a style block and is never inlined.
- The ``<head>`` goes out as MJML wrote it, doctype included (premailer would drop the
  doctype and rewrite the head).
- A rule's ``width``, ``height`` or ``background-color`` never becomes an attribute
  (``disable_basic_attributes``): an image's attributes are its file's size
  (``render.digest.image_heights``), and premailer would write ``width="100%"``
  ``height="auto"`` over them.
- ``!important`` is kept (``strip_important=False``): MJML's columns and the dark-mode
  rules rely on it. Nothing is fetched (``allow_network=False``).
- Parts a template marks as styled already (``<!-- pressroom:styled -->`` ...
  ``<!-- /pressroom:styled -->``: the stories, which repeat and carry their styles on
  their elements) are set aside while premailer works and put back as MJML wrote them:
  the inline block's rules never reach into them, and premailer's work does not grow
  with the number of stories (docs/performance.md, "Digest").
  Where a mark cannot survive HTML parsing, everything is inlined instead.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

import regex

INLINE_MARK = "/* pressroom:inline */"
_OTHER_STYLE = regex.compile(r"<style(?![^>]*data-premailer)([^>]*)>(?!\s*/\* pressroom:inline)")
_INLINE_BLOCK = regex.compile(r"<style[^>]*>\s*/\* pressroom:inline \*/.*?</style>", regex.S)


def inline_css(html: str) -> str:
    """The document with the inline block's rules written into the body's elements."""
    start = html.find("<body")
    html_tag = html.find("<html")
    if start < 0 or html_tag < 0:
        return _inline_everything(html)
    head, body = html[:start], html[start:]
    if "<style" in body:  # a template's own <style> in the body is left as it is
        body = ignore_other_styles(body)
    skeleton, styled = _set_aside(body)
    opening = head[html_tag : head.index(">", html_tag) + 1]  # <html lang=...>: selectors see it
    rules = "".join(_INLINE_BLOCK.findall(head))
    inlined = _premailer(f"{opening}<head>{rules}</head>{skeleton}")
    inlined = inlined[inlined.find("<body") :]
    placeholders = [_placeholder(number) for number in range(len(styled))]
    if not all(placeholder in inlined for placeholder in placeholders):
        return _inline_everything(html)  # a mark where HTML keeps no comment (in <title>, say)
    for placeholder, part in zip(placeholders, styled, strict=True):
        inlined = inlined.replace(placeholder, part, 1)
    return head.replace(INLINE_MARK, "") + inlined


def ignore_other_styles(html: str) -> str:
    """Every <style> but the inline block marked for premailer to leave alone."""
    return _OTHER_STYLE.sub(r'<style\1 data-premailer="ignore">', html)


STYLED_OPEN, STYLED_CLOSE = "<!-- pressroom:styled -->", "<!-- /pressroom:styled -->"


def _set_aside(html: str) -> tuple[str, list[str]]:
    """The document with each styled part replaced by a numbered comment, and the parts."""
    kept: list[str] = []
    styled: list[str] = []
    rest = html
    while (start := rest.find(STYLED_OPEN)) >= 0 and (end := rest.find(STYLED_CLOSE, start)) >= 0:
        kept += [rest[:start], _placeholder(len(styled))]
        styled.append(rest[start + len(STYLED_OPEN) : end])
        rest = rest[end + len(STYLED_CLOSE) :]
    return "".join(kept) + rest, styled


def _placeholder(number: int) -> str:
    return f"<!--pressroom:styled-{number}-->"


def _inline_everything(html: str) -> str:
    """premailer over the whole document, marks ignored, the doctype it drops put back."""
    html = html.replace(STYLED_OPEN, "").replace(STYLED_CLOSE, "")
    inlined = _premailer(ignore_other_styles(html)).replace(INLINE_MARK, "")
    if not inlined[:64].lstrip().lower().startswith("<!doctype"):
        inlined = "<!DOCTYPE html>\n" + inlined
    return inlined


def _premailer(html: str) -> str:
    from lxml import etree

    page = etree.fromstring(html.strip(), _html_parser())
    _inliner_class()(
        page,
        strip_important=False,
        keep_style_tags=True,
        allow_network=False,
        allow_loading_external_files=False,
        disable_validation=True,
        disable_leftover_css=True,  # no <head> lookup: only css_text= rules would go there
        disable_basic_attributes=["width", "height", "bgcolor"],
        remove_classes=False,
        exclude_pseudoclasses=True,
    ).transform()
    return str(etree.tostring(page.getroottree(), method="html", encoding="unicode"))


_parsers = threading.local()


def _html_parser() -> Any:
    """This thread's lxml HTML parser, kept (a new one per document parses slower), and an
    lxml parser must not be shared between threads."""
    if not hasattr(_parsers, "html"):
        from lxml import etree

        _parsers.html = etree.HTMLParser()
    return _parsers.html


@lru_cache(maxsize=1)
def _inliner_class() -> type[Any]:
    """premailer's Premailer, remembering the rules it parses from a style block.

    Every week's digest carries the same style block, and parsing it with cssutils was
    most of premailer's time. The rules are plain tuples premailer copies, never changes.
    """
    import cssutils
    import premailer

    cssutils.log.setLevel(logging.CRITICAL)  # MJML's mso-* properties are not errors
    parsed: dict[tuple[str, int], Any] = {}

    class RememberingPremailer(premailer.Premailer):  # type: ignore[misc]
        def _parse_style_rules(self, css_body: str, ruleset_index: int) -> Any:
            key = (css_body, ruleset_index)
            if key not in parsed:
                parsed[key] = super()._parse_style_rules(css_body, ruleset_index)
            return parsed[key]

    return RememberingPremailer
