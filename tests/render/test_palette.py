"""The dark palette: the brand colour lightened to 4.5:1 on the dark card, its hue kept;
two brands, two palettes; in Chromium's dark scheme the digest shows it, and axe-core
finds no contrast failure; every link carries its colour inline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from coloraide import Color
from hypothesis import given, settings
from hypothesis import strategies as st

from pressroom.audit import SERIOUS, axe_missing, axe_violations, chromium
from pressroom.compose.week import compose_week
from pressroom.model import WeekPlan
from pressroom.render.digest import render_digest
from pressroom.render.palette import CARD_DARK, MIN_CONTRAST, contrast, palette
from support import make_release, repo_config, repo_env, require_tool

BRANDS = ("#0b5ea8", "#c0392b")
"""The repository's blue, and a red."""


@pytest.mark.parametrize("brand", [*BRANDS, "#1f4e79", "#000000", "#6a1b9a"])
def test_the_dark_brand_reaches_the_contrast_and_keeps_its_hue(brand: str) -> None:
    dark = palette(brand).brand_dark
    assert contrast(dark, CARD_DARK) >= MIN_CONTRAST
    assert contrast(brand, CARD_DARK) < MIN_CONTRAST  # each of these needed lightening
    assert Color(dark).convert("oklch")["lightness"] > Color(brand).convert("oklch")["lightness"]
    if brand != "#000000":  # black has no hue
        hues = [Color(c).convert("oklch")["hue"] for c in (brand, dark)]
        assert abs(hues[0] - hues[1]) < 8


@settings(max_examples=500)
@given(st.integers(0, 0xFFFFFF))
def test_the_dark_brand_is_coloraides_within_a_step(value: int) -> None:
    """The palette's own OKLCh arithmetic against coloraide's (the reference it replaces
    at run time): the same colour, or one a step of the lightness loop away where the
    gamut mapping falls on the other side of the contrast line."""
    brand = f"#{value:06x}"
    ours = palette(brand).brand_dark
    assert contrast(ours, CARD_DARK) >= MIN_CONTRAST or ours == "#ffffff"
    theirs = _coloraide_lightened(brand)
    assert Color(ours).delta_e(theirs, method="ok") < 0.03


def _coloraide_lightened(brand: str) -> str:
    back = Color(CARD_DARK)
    shade = Color(brand).convert("oklch")
    while True:
        written = str(shade.convert("srgb").fit("srgb", method="oklch-chroma").to_string(hex=True))
        if Color(written).contrast(back, method="wcag21") >= MIN_CONTRAST:
            return written
        if shade["lightness"] >= 1:
            return written
        shade["lightness"] = min(1.0, shade["lightness"] + 0.01)


def test_contrast_is_wcags() -> None:
    """WCAG 2.1's luminance coefficients (0.2126, 0.7152, 0.0722), as axe-core uses them;
    coloraide's come from its XYZ matrix and differ in the fourth decimal."""
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the familiar near miss
    for foreground, background in (("#0b5ea8", CARD_DARK), ("#777777", "#ffffff")):
        wcag = Color(foreground).contrast(Color(background), method="wcag21")
        assert abs(contrast(foreground, background) - wcag) < 1e-3


def test_two_brands_give_two_dark_palettes_and_a_light_one_stays() -> None:
    blue, red = (palette(brand).brand_dark for brand in BRANDS)
    assert blue != red
    assert palette("#ffcc00").brand_dark == "#ffcc00"  # already 10.9:1


def _week(brand: str) -> str:
    config = repo_config()
    config = replace(config, brand=replace(config.brand, colour=brand))
    releases = (
        make_release(2, url="https://www.auvergnerhonealpes.fr/a"),
        make_release(1, url="https://www.auvergnerhonealpes.fr/b", quotes=()),
    )
    plan = WeekPlan(
        "2026-W04", "weeks/2026-W04.yaml", note="À lire : [le plan](https://example.org/plan)."
    )
    digest = compose_week("2026-W04", releases, config, plan).digest
    return render_digest(digest, config, repo_env()).html


def test_every_link_carries_its_colour_inline() -> None:
    """Clients that drop <style> show no link in the browser's default blue (the note's
    links had none)."""
    document = lxml.html.fromstring(_week(BRANDS[0]).encode())
    links = document.xpath("//a")
    assert len(links) >= 6
    for link in links:
        assert "color:" in (link.get("style") or "").replace(" ", ""), link.text_content()
    (note_link,) = document.xpath("//td[contains(@class, 'note')]//a")
    assert "color:#0b5ea8" in note_link.get("style").replace(" ", "")


_COLOURS = """() => ({
    kicker: getComputedStyle(document.querySelector(".kicker div")).color,
    note: getComputedStyle(document.querySelector("td.note a")).color,
    more: getComputedStyle(document.querySelector("a.s-more")).color,
    button: getComputedStyle(document.querySelector(".cta a")).backgroundColor,
})"""


@pytest.mark.browser
@pytest.mark.parametrize("brand", BRANDS)
def test_dark_mode_shows_the_brands_palette(brand: str, browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "digest.html"
    page.write_text(_week(brand), encoding="utf-8")
    view = browser.new_page(color_scheme="dark")
    view.goto(page.as_uri())
    colours = view.evaluate(_COLOURS)
    page_colour = view.evaluate("getComputedStyle(document.body).backgroundColor")
    view.close()
    expected = Color(palette(brand).brand_dark).convert("srgb").to_string(comma=True, precision=0)
    assert colours == {"kicker": expected, "note": expected, "more": expected, "button": expected}
    dark_page = Color(palette(brand).page_dark).convert("srgb").to_string(comma=True, precision=0)
    assert page_colour == dark_page  # no light band under the footer


@pytest.mark.browser
@pytest.mark.parametrize("brand", BRANDS)
def test_axe_finds_no_serious_violation_with_either_brand(brand: str, tmp_path: Path) -> None:
    """Light and dark, 375 and 600 px: the lightened brand passes colour-contrast."""
    require_tool(chromium() and not axe_missing(), "chromium and axe", "apt-get install chromium")
    page = tmp_path / "digest.html"
    page.write_text(_week(brand), encoding="utf-8")
    serious = [v for v in axe_violations(page) if v.impact in SERIOUS]
    assert serious == []
