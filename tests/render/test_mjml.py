"""MJML to HTML: the widths Outlook reads (inside the conditional comments) fit the 600 px
body, with mjml-python's handling of a bare ``0`` worked around; compared with node's
mjml where node and the npm package are installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from pressroom.compose.week import compose_week
from pressroom.config import Config
from pressroom.model import ImageFile, WeekPlan
from pressroom.render.digest import RenderedDigest, render_digest
from pressroom.render.mjml import compile_mjml, zero_with_units
from support import ROOT, SEED_WEEKS, make_release, repo_config, repo_env, seed_weeks

BODY = 600
_OUTLOOK = re.compile(r"<!--\[if mso \| IE\]>(.*?)<!\[endif\]-->", re.S)
_WIDTH = re.compile(r"""\bwidth(?:="|:\s*)(\d+(?:\.\d+)?)(?:px)?""")


def outlook_widths(html: str) -> list[float]:
    """Every pixel width (attribute or style) inside the Outlook conditional comments."""
    return [float(w) for part in _OUTLOOK.findall(html) for w in _WIDTH.findall(part)]


def _full_week() -> tuple[Config, RenderedDigest]:
    """A week with every part: a logo, a note, a lead image, picture cards between text
    stories, the last story a picture card."""
    config = repo_config()
    config = replace(
        config,
        brand=replace(config.brand, logo_url="https://www.auvergnerhonealpes.fr/logo.png"),
    )
    releases = (
        make_release(5, image="assets/quai.jpg", image_alt="Le quai", credit="© Région"),
        make_release(4, quotes=(), url="https://www.auvergnerhonealpes.fr/a"),
        make_release(3, image="https://img.example.org/pins.jpg", image_alt="Des pins"),
        make_release(2, quotes=()),
        make_release(1, quotes=()),
        make_release(0, image="https://img.example.org/lac.jpg", image_alt="Le lac"),
    )
    files = {"assets/quai.jpg": ImageFile("assets/quai.jpg", 80_000, 1200, 900, "JPEG")}
    plan = WeekPlan("2026-W04", "weeks/2026-W04.yaml", note="Une **note** de la semaine.")
    digest = compose_week("2026-W04", releases, config, plan, images=files).digest
    return config, render_digest(digest, config, repo_env())


def _digests() -> dict[str, str]:
    config = repo_config()
    pages = {
        week: render_digest(
            compose_week(week, seed_weeks()[week], config).digest, config, repo_env()
        )
        for week in SEED_WEEKS
    }
    pages["full"] = _full_week()[1]
    return {name: page.html for name, page in pages.items()}


@pytest.mark.parametrize("name", [*SEED_WEEKS, "full"])
def test_every_outlook_width_fits_the_body(name: str) -> None:
    widths = outlook_widths(_digests()[name])
    assert widths and max(widths) <= BODY


def test_side_padding_counts_in_outlook_widths() -> None:
    """The picture card's section has 24 px each side: its columns share 552 px, 176 + 376
    (mjml-python gave 192 + 408 with a bare 0, and 176.64 + 375.36 for 32 % and 68 %,
    where node's mjml rounds), and its rule is 552 px wide (was 600)."""
    widths = outlook_widths(_digests()["full"])
    assert 176 in widths and 376 in widths
    assert 192 not in widths and 408 not in widths
    assert widths.count(552) >= 2  # the picture cards' rules and the footer's


def test_a_bare_zero_in_padding_gets_its_unit() -> None:
    source = '<mj-section padding="16px 24px 0"><mj-image padding-left="0" cellpadding="0">'
    assert zero_with_units(source) == (
        '<mj-section padding="16px 24px 0px"><mj-image padding-left="0px" cellpadding="0">'
    )
    assert zero_with_units('<mj-button inner-padding="0 10.5px 0.5em 0">') == (
        '<mj-button inner-padding="0px 10.5px 0.5em 0px">'
    )


def test_the_packaged_templates_write_no_bare_zero_padding() -> None:
    """The .mjml a build writes compiles the same in node's mjml and in mjml-python."""
    for path in (ROOT / "templates" / "email").rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert zero_with_units(text) == text, path.name


NODE_MODULES = Path(
    os.environ.get("MJML_NODE_MODULES", ROOT / "benchmarks" / "node" / "node_modules")
)
"""Where node's mjml is installed (``npm install --prefix benchmarks/node mjml``)."""


def node_mjml(sources: list[str]) -> list[str] | None:
    """Each MJML source compiled by node's mjml, or None when node or the package is missing."""
    if shutil.which("node") is None or not (NODE_MODULES / "mjml").is_dir():
        return None
    script = (
        "const mjml = require('mjml');"
        "const sources = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "Promise.all(sources.map((s) => Promise.resolve(mjml(s, {validationLevel: 'skip'}))))"
        ".then((out) => process.stdout.write(JSON.stringify(out.map((o) => o.html))));"
    )
    result = subprocess.run(
        ["node", "-e", script],
        input=json.dumps(sources).encode(),
        capture_output=True,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
        timeout=120,
        check=True,
    )
    return [str(html) for html in json.loads(result.stdout)]


def test_outlook_widths_match_node_mjml_where_it_is_installed() -> None:
    """The Outlook widths of the same MJML compiled by node's mjml; where node or its mjml
    package is not installed the comparison reports that it is not available (the widths
    are checked against the body above either way)."""
    _, rendered = _full_week()
    theirs = node_mjml([rendered.mjml])
    if theirs is None:
        warnings.warn(
            "node's mjml: not available (npm install --prefix benchmarks/node mjml); "
            "Outlook widths checked against the 600 px body only",
            stacklevel=1,
        )
        return
    python = compile_mjml(rendered.mjml, repo_env(), "email/digest.mjml.j2")
    assert sorted(outlook_widths(python)) == sorted(outlook_widths(theirs[0]))
