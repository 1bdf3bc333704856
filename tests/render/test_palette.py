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
