"""MJML to HTML with mjml-python (MRML), and MJML errors located in the template."""

from __future__ import annotations

import re

import jinja2
import regex

from pressroom.errors import Problem, SetupError

_MJ_TAG = regex.compile(r"<(/?)(mj-[a-z-]+)\b[^>]*?(/?)>")
# (the standard re: with the literal "padding" to look for, it skips the rest of the source
# fast; 1.2 ms a digest with a look-behind, docs/performance.md)
_PADDING = re.compile(r'(padding(?:-(?:top|right|bottom|left))?=")([^"]*)"')
_BARE_ZERO = re.compile(r"(?<![\w.])0(?![\w.%])")


def zero_with_units(source: str) -> str:
    """Every bare ``0`` of a padding attribute written ``0px``: mjml-python drops the whole
    shorthand when one of its values has no unit (``padding="16px 24px 0"`` leaves no side
    padding), and computes the Outlook widths without it (columns of 192 + 408 px for
    177 + 375, a 600 px divider for 552). A workspace's template may write ``0``."""
    return _PADDING.sub(_with_units, source)


def _with_units(found: re.Match[str]) -> str:
    value, start = found.group(2), found.start()
    before = found.string[max(0, start - 7) : start]
    attribute = before[-1:].isspace() or (before.endswith("inner-") and before[:1].isspace())
    if "0" not in value or not attribute:  # not "cellpadding"
        return found.group(0)
    return f'{found.group(1)}{_BARE_ZERO.sub("0px", value)}"'


def compile_mjml(source: str, env: jinja2.Environment, template: str) -> str:
    """HTML from MJML rendered by ``template``; a broken tag is a located error (exit 2)."""
    from mjml import mjml2html  # imported when first needed: a no-change build never is

    try:
        return str(mjml2html(zero_with_units(source), disable_comments=False, fonts={}))
    except ValueError as exc:  # MRML's parse errors carry no position: find the tag ourselves
        where, line, tag = locate_unclosed_tag(source, env, template)
        detail = f" (<{tag}> is never closed)" if tag else ""
        raise SetupError(
            Problem(where, line, f"MJML error: {exc}{detail}", "close the tag in this template")
        ) from exc


def locate_unclosed_tag(
    source: str, env: jinja2.Environment, template: str
) -> tuple[str, int, str]:
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
        return f"templates/{template}", 1, ""
    name, line = stack[-1]
    rendered = source.split("\n")[line - 1].strip()
    return (*_template_line(rendered, env, template), name)


def _template_line(rendered: str, env: jinja2.Environment, template: str) -> tuple[str, int]:
    """Which email template line produced a rendered line (the same opening text)."""
    probe = rendered.split("{", 1)[0][:40]
    for name in env.list_templates(filter_func=lambda n: n.startswith("email/")):
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        for number, text in enumerate(source.split("\n"), start=1):
            if probe and text.strip().startswith(probe):
                return filename or f"templates/{name}", number
    return f"templates/{template}", 1
