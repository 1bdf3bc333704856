"""CSS inlining: the document reads as plain premailer would write it, the head as MJML
wrote it, MJML's other style blocks left alone."""

from __future__ import annotations

import re

import lxml.html
import premailer

from pressroom.compose.week import compose_week
from pressroom.render.digest import MJML_TEMPLATE, render_digest
from pressroom.render.inline import STYLED_CLOSE, STYLED_OPEN, ignore_other_styles, inline_css
from pressroom.render.mjml import compile_mjml
from support import make_release, repo_config, repo_env


def test_inlined_digest_reads_as_premailer_over_everything_would_write_it() -> None:
    """premailer reads the style block and the body; the document a mail client reads must
    be the one plain premailer would write from the whole of it, the head as MJML wrote it."""
    titles = ["L'usine & ses <b>salariés</b>", "Un « titre » — long", 'Des "guillemets" droits']
    releases = tuple(make_release(n, title=titles[n % 3]) for n in range(12))
    source = render_digest(
        compose_week("2026-W04", releases, repo_config()).digest, repo_config(), repo_env()
    ).mjml
    compiled = compile_mjml(source, repo_env(), MJML_TEMPLATE)
    assert compiled.count(STYLED_OPEN) == 2  # the preheader's spacer, the stories
    ours = inline_css(compiled)
    head = compiled.split("<body")[0].replace("/* pressroom:inline */", "")
    assert ours.startswith(head)  # as MJML wrote it
    assert "pressroom:styled" not in ours
    stories = compiled.split(STYLED_OPEN)[2].split(STYLED_CLOSE)[0]
    assert stories in ours and stories.count('class="story"') == 11  # as MJML wrote them
    assert _tree(ours) == _tree(_premailer_over_everything(compiled))


def test_marks_where_html_keeps_no_comment_fall_back_to_inlining_everything() -> None:
    html = (
        f"<!doctype html><html><head><title>{STYLED_OPEN}Semaine{STYLED_CLOSE}</title>"
        "<style>/* pressroom:inline */ p { color: red }</style></head>"
        f"<body><textarea>{STYLED_OPEN}x{STYLED_CLOSE}</textarea>"
        "<p>Texte</p></body></html>"
    )
    inlined = inline_css(html)
    assert "<title>Semaine</title>" in inlined and '<p style="color:red">' in inlined
    assert "pressroom:styled" not in inlined and "<textarea>x</textarea>" in inlined


def test_a_page_without_the_usual_shape_is_inlined_whole_with_its_doctype() -> None:
    page = "<p>Texte</p><style>/* pressroom:inline */ p { color: red }</style>"
    inlined = inline_css(page)
    assert inlined.lower().startswith("<!doctype html")
    assert '<p style="color:red">' in inlined


def test_other_style_blocks_stay_style_blocks() -> None:
    page = (
        "<!doctype html><html><head><style>/* pressroom:inline */ p { color: red }</style>"
        "<style>p { font-size: 40px }</style></head><body><p>x</p></body></html>"
    )
    inlined = inline_css(page)
    assert '<p style="color:red">' in inlined and "font-size: 40px" in inlined
    assert "font-size:40px" not in inlined.split("<body")[1]


def _premailer_over_everything(compiled: str) -> str:
    """What plain premailer writes from a whole compiled digest, marks and all."""
    unmarked = compiled.replace(STYLED_OPEN, "").replace(STYLED_CLOSE, "")
    everything = premailer.Premailer(
        ignore_other_styles(unmarked),  # MJML's resets stay
        strip_important=False,
        keep_style_tags=True,
        allow_network=False,
        disable_validation=True,
        exclude_pseudoclasses=True,
    ).transform(pretty_print=False)
    return _IGNORED.sub("", everything.replace("/* pressroom:inline */", ""))


_IGNORED = re.compile(r' data-premailer="ignore"')
"""What premailer leaves on style blocks it does not see (in comments, or for a screen)."""


def _tree(html: str) -> bytes:
    return bytes(lxml.html.tostring(lxml.html.document_fromstring(html.encode())))
