"""The digest as mail clients show it, in Chromium: axe-core finds no serious violation at
phone and desktop widths, light and dark; dark mode wins over the inlined light colours;
without any <style> (clients that drop it) the hierarchy stays; headings and languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from pressroom.audit import SERIOUS, axe_missing, axe_violations, chromium
from pressroom.build import build
from support import MIXED, SEED_WEEKS, built_week, copy_workspace, require_tool

pytestmark = pytest.mark.browser

MIXED_WEEK = "2026-W04"


@pytest.fixture(scope="module")
def digests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_tool(chromium() and not axe_missing(), "chromium and axe", "apt-get install chromium")
    seeds = copy_workspace(tmp_path_factory.mktemp("seeds"))
    build(seeds, jobs=1)
    pages = {week: seeds / "outbox" / week / "digest.html" for week in SEED_WEEKS}
    mixed = built_week(tmp_path_factory.mktemp("mixed"), MIXED, MIXED_WEEK)
    pages["mixed"] = mixed / "digest.html"
    return pages


@pytest.mark.parametrize("name", [*SEED_WEEKS, "mixed"])
def test_axe_finds_no_serious_violation_light_and_dark(digests: dict[str, Path], name: str) -> None:
    serious = [v for v in axe_violations(digests[name]) if v.impact in SERIOUS]
    assert serious == []


@pytest.fixture
def page() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


_STYLE_OF = """(selector) => {
    const element = document.querySelector(selector);
    const style = getComputedStyle(element);
    return [parseFloat(style.fontSize), style.color, style.backgroundColor];
}"""


def test_dark_mode_recolours_the_small_print(digests: dict[str, Path], page: Any) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        view = page.new_page(color_scheme=scheme)
        view.goto(digests["mixed"].as_uri())
        colours[scheme] = {
            selector: view.evaluate(_STYLE_OF, selector)[1]
            for selector in (".kicker div", ".meta div", ".footer div", "p.s-meta", ".speaker")
        }
        view.close()
    for selector, light in colours["light"].items():
        assert colours["dark"][selector] != light, selector


def test_without_style_blocks_the_hierarchy_stays(
    digests: dict[str, Path], page: Any, tmp_path: Path
) -> None:
    """Some webmails drop <style>: sizes and colours must be on the elements themselves."""
    stripped = tmp_path / "no-style.html"
    document = lxml.html.fromstring(digests["mixed"].read_bytes())
    for style in document.xpath("//style"):
        style.getparent().remove(style)
    stripped.write_bytes(lxml.html.tostring(document, doctype="<!DOCTYPE html>"))
    view = page.new_page()
    view.goto(stripped.as_uri())
    body_size = view.evaluate(_STYLE_OF, "p.s-summary")[0]
    for selector in (".kicker div", ".meta div", ".footer div", "p.s-meta", ".speaker"):
        size, colour, _ = view.evaluate(_STYLE_OF, selector)
        assert size < body_size, selector
        assert colour != "rgb(0, 0, 0)", selector
    view.screenshot(path=str(tmp_path / "no-style.png"), full_page=True)


def test_headings_languages_and_links(digests: dict[str, Path]) -> None:
    document = lxml.html.fromstring(digests["mixed"].read_bytes())
    assert len(document.xpath("//h1")) == 1
    titles = [" ".join(h.text_content().split()) for h in document.xpath("//h2")]
    assert len(titles) == 4
    english = document.xpath("//h2[@lang='en']")
    assert [" ".join(h.text_content().split()) for h in english] == [
        "Regional fund backs twelve start-ups in medical imaging"
    ]
    no_url = "Les lycées de la région passent au chauffage par géothermie"
    heading = next(h for h in document.xpath("//h2") if no_url in h.text_content())
    assert heading.xpath(".//a") == []  # no link to the site's home page
    hrefs = [a.get("href") for a in document.xpath("//a")]
    assert "https://www.auvergnerhonealpes.fr/" not in [h.split("?")[0] for h in hrefs]
    for link in document.xpath("//a[@class='s-more']"):
        assert link.get("aria-label", "").startswith(link.text_content().strip().rstrip(" →"))


def test_the_call_to_action_is_a_button_outlook_draws(digests: dict[str, Path]) -> None:
    html = digests["mixed"].read_text(encoding="utf-8")
    assert "v:roundrect" in html or 'role="presentation"' in html
    document = lxml.html.fromstring(html.encode())
    (cta,) = document.xpath("//td[contains(@class, 'cta')]//a")
    assert cta.text_content().strip() == "Lire le communiqué"
