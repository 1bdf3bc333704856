"""The digest as mail clients show it, in Chromium: axe-core finds no serious violation at
phone and desktop widths, light and dark; dark mode wins over the inlined light colours;
without any <style> (clients that drop it) the hierarchy stays; headings and languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest

from pressroom.audit import SERIOUS, axe_missing, axe_violations, chromium
from pressroom.pipeline.build import build
from support import (
    MIXED,
    PICTURES_WEEK,
    SEED_WEEKS,
    built_week,
    copy_workspace,
    pictures_workspace,
    require_tool,
    write_image,
)

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
    pictures = pictures_workspace(tmp_path_factory.mktemp("pictures"))
    build(pictures, jobs=1)
    pages["pictures"] = pictures / "outbox" / PICTURES_WEEK / "digest.html"
    return pages


@pytest.mark.parametrize("name", [*SEED_WEEKS, "mixed", "pictures"])
def test_axe_finds_no_serious_violation_light_and_dark(digests: dict[str, Path], name: str) -> None:
    serious = [v for v in axe_violations(digests[name]) if v.impact in SERIOUS]
    assert serious == []


_STYLE_OF = """(selector) => {
    const element = document.querySelector(selector);
    const style = getComputedStyle(element);
    return [parseFloat(style.fontSize), style.color, style.backgroundColor];
}"""


def test_dark_mode_recolours_the_small_print(digests: dict[str, Path], browser: Any) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        view = browser.new_page(color_scheme=scheme)
        view.goto(digests["mixed"].as_uri())
        colours[scheme] = {
            selector: view.evaluate(_STYLE_OF, selector)[1]
            for selector in (".kicker div", ".meta div", ".footer div", "p.s-meta", ".speaker")
        }
        view.close()
    for selector, light in colours["light"].items():
        assert colours["dark"][selector] != light, selector


def test_without_style_blocks_the_hierarchy_stays(
    digests: dict[str, Path], browser: Any, tmp_path: Path
) -> None:
    """Some webmails drop <style>: sizes and colours must be on the elements themselves."""
    stripped = tmp_path / "no-style.html"
    document = lxml.html.fromstring(digests["mixed"].read_bytes())
    for style in document.xpath("//style"):
        style.getparent().remove(style)
    stripped.write_bytes(lxml.html.tostring(document, doctype="<!DOCTYPE html>"))
    view = browser.new_page()
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


ASSETS_URL = "https://medias.auvergnerhonealpes.fr/lettre/2026-W04/"
"""The pictures workspace's newsletter.assets_url, for its week."""


def _serve_images(view: Any, week: Path, remote: bytes) -> None:
    """The images as the readers' clients would fetch them: the assets_url from the week
    folder's copies (so a wrong URL or a missing copy shows), other https images from
    ``remote``; nothing else reaches the network."""

    def route(request: Any) -> None:
        url = request.request.url
        if url.startswith(ASSETS_URL):
            copy = week / "assets" / url.removeprefix(ASSETS_URL)
            if copy.is_file():
                request.fulfill(body=copy.read_bytes(), content_type="image/jpeg")
            else:
                request.fulfill(status=404)
        elif url.startswith("https://images.example.org/"):
            request.fulfill(body=remote, content_type="image/jpeg")
        elif url.startswith("file:"):
            request.continue_()
        else:
            request.abort()

    view.route("**/*", route)


_BOXES = """() => {
    const box = (element) => {
        const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
                height: r.height};
    };
    const [lead, thumbnail] = document.querySelectorAll("img");
    const titles = [...document.querySelectorAll("h2.s-title")];
    const title = titles.find((h) => h.textContent.includes("replanter"));
    const caption = document.querySelector("td.caption div");
    return {
        scroll: document.documentElement.scrollWidth,
        lead: box(lead), leadLoaded: lead.naturalWidth, leadAlt: lead.alt,
        thumbnail: box(thumbnail), thumbnailLoaded: thumbnail.naturalWidth,
        thumbnailAlt: thumbnail.alt, title: box(title),
        caption: box(caption), captionText: caption.textContent.trim(),
    };
}"""


@pytest.mark.parametrize("width", [375, 600])
def test_images_fit_the_screen_and_stack_on_phones(
    digests: dict[str, Path], browser: Any, tmp_path: Path, width: int
) -> None:
    html = digests["pictures"]
    remote = write_image(tmp_path / "remote.jpg", 900, 600).read_bytes()
    view = browser.new_page(viewport={"width": width, "height": 900})
    _serve_images(view, html.parent, remote)
    view.goto(html.as_uri())
    view.wait_for_load_state("networkidle")
    found = view.evaluate(_BOXES)
    view.screenshot(path=str(tmp_path / f"pictures-{width}.png"), full_page=True)
    view.close()
    assert found["scroll"] == width  # nothing wider than the screen
    assert found["leadLoaded"] == 1200 and found["thumbnailLoaded"] == 900
    lead, thumbnail, title = found["lead"], found["thumbnail"], found["title"]
    assert lead["width"] == width  # across the whole email, 600 px at most
    assert abs(lead["height"] - width * 800 / 1200) <= 1  # its ratio kept
    assert found["leadAlt"].startswith("Une barge électrique")
    assert found["thumbnailAlt"].startswith("De jeunes pins")
    assert found["captionText"] == "© Région Auvergne-Rhône-Alpes | Photo Lina Ferrand"
    assert found["caption"]["top"] >= lead["bottom"]
    assert thumbnail["right"] <= width
    assert abs(thumbnail["height"] - thumbnail["width"] * 600 / 900) <= 1
    if width == 600:  # beside the text
        assert thumbnail["width"] == 160
        assert thumbnail["right"] < title["left"] and thumbnail["top"] == title["top"]
    else:  # above it, as wide as the text
        assert thumbnail["bottom"] < title["top"]
        assert thumbnail["width"] == width - 48


def _without_style(page: Path, folder: Path) -> Path:
    """The digest as a client that drops every <style> shows it, beside its images."""
    stripped = page.parent / "no-style.html"
    document = lxml.html.fromstring(page.read_bytes())
    for style in document.xpath("//style"):
        style.getparent().remove(style)
    stripped.write_bytes(lxml.html.tostring(document, doctype="<!DOCTYPE html>"))
    return stripped


_IMAGES = """() => [...document.querySelectorAll("img")].map((image) => {
    const r = image.getBoundingClientRect();
    const style = getComputedStyle(image);
    return {width: r.width, height: r.height, right: r.right, loaded: image.naturalWidth,
            colour: style.color, font: style.fontFamily, size: parseFloat(style.fontSize),
            background: style.backgroundColor};
})"""


@pytest.mark.parametrize("width", [320, 600])
def test_without_style_images_keep_their_ratio(
    digests: dict[str, Path], browser: Any, tmp_path: Path, width: int
) -> None:
    """Clients that drop <style> (and Yahoo, which makes a CSS height a minimum): the
    images are height:auto inline, so the lead is never squashed at 320 px."""
    page = _without_style(digests["pictures"], tmp_path)
    remote = write_image(tmp_path / "remote.jpg", 900, 600).read_bytes()
    view = browser.new_page(viewport={"width": width, "height": 900})
    _serve_images(view, page.parent, remote)
    view.goto(page.as_uri())
    view.wait_for_load_state("networkidle")
    lead, thumbnail = view.evaluate(_IMAGES)
    view.screenshot(path=str(tmp_path / f"no-style-{width}.png"), full_page=True)
    view.close()
    assert lead["loaded"] == 1200 and thumbnail["loaded"] == 900
    assert lead["width"] <= width
    assert abs(lead["height"] - lead["width"] * 800 / 1200) <= 1
    assert abs(thumbnail["height"] - thumbnail["width"] * 600 / 900) <= 1


@pytest.mark.parametrize("width", [375, 600])
def test_with_images_off_the_layout_holds_and_the_alt_text_is_styled(
    digests: dict[str, Path], browser: Any, tmp_path: Path, width: int
) -> None:
    """Images blocked (Outlook's and many webmails' default): every box stays on screen,
    none taller than its image would be, a tinted placeholder holding its alt text, small,
    grey and sans-serif."""
    view = browser.new_page(viewport={"width": width, "height": 900})
    view.route(
        "**/*",
        lambda route: route.abort() if route.request.url[:5] != "file:" else route.continue_(),
    )
    view.goto(digests["pictures"].as_uri())
    scroll = view.evaluate("document.documentElement.scrollWidth")
    lead, thumbnail = view.evaluate(_IMAGES)
    view.screenshot(path=str(tmp_path / f"images-off-{width}.png"), full_page=True)
    view.close()
    assert scroll == width
    assert lead["loaded"] == 0 and thumbnail["loaded"] == 0
    assert lead["height"] <= lead["width"] * 800 / 1200 + 1
    assert thumbnail["height"] <= 80 and thumbnail["right"] <= width
    for image in (lead, thumbnail):
        assert image["colour"] == "rgb(95, 99, 104)" and image["size"] == 13
        assert "Helvetica" in image["font"] and image["background"] == "rgb(238, 240, 243)"


def test_dark_mode_recolours_the_caption(digests: dict[str, Path], browser: Any) -> None:
    colours = []
    for scheme in ("light", "dark"):
        view = browser.new_page(color_scheme=scheme)
        view.goto(digests["pictures"].as_uri())
        colours.append(view.evaluate(_STYLE_OF, "td.caption div")[1])
        view.close()
    assert colours == ["rgb(95, 99, 104)", "rgb(180, 184, 191)"]
