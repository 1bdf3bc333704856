"""The web archive's page and Atom feed (pipeline/archive_pages.py): those of the seed weeks
against golden files, read back by lxml and feedparser; escaping, languages and the brand
colour made readable; the page in Chromium at 375 px, light and dark, audited by axe-core."""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressroom.audit import SERIOUS, axe_missing, axe_violations, chromium
from pressroom.config import Brand, Config, Newsletter
from pressroom.outbox import ARCHIVE_FEED, ARCHIVE_FILES, ARCHIVE_INDEX, OUTBOX
from pressroom.pipeline.archive import ArchivedWeek
from pressroom.pipeline.archive_pages import (
    DARK_BACKGROUNDS,
    LIGHT_BACKGROUNDS,
    MIN_CONTRAST,
    archive_files,
    contrast,
    hex_rgb,
    palette,
)
from pressroom.pipeline.build import build
from support import (
    GOLDEN,
    PARIS,
    SEED_WEEKS,
    assert_golden,
    copy_workspace,
    repo_config,
    repo_env,
    require_tool,
)

NEWEST_FIRST = sorted(SEED_WEEKS, reverse=True)


@pytest.fixture(scope="module")
def outbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's workspace, built."""
    workspace = copy_workspace(tmp_path_factory.mktemp("seeds"))
    build(workspace, jobs=1)
    return workspace / OUTBOX


def _page(outbox: Path) -> Any:
    return lxml.html.fromstring((outbox / ARCHIVE_INDEX).read_bytes())


def _summaries(outbox: Path) -> dict[str, dict[str, str]]:
    return {
        week: json.loads((outbox / week / "report.json").read_bytes())["digest"]
        for week in SEED_WEEKS
    }


@pytest.mark.parametrize("name", ARCHIVE_FILES)
def test_the_seed_archive_matches_golden(outbox: Path, name: str) -> None:
    """Nothing in either file depends on when the build ran: no normalising needed."""
    assert_golden((outbox / name).read_bytes(), GOLDEN / name)


def test_the_page_lists_every_week_newest_first_with_working_links(outbox: Path) -> None:
    page = _page(outbox)
    summaries = _summaries(outbox)
    links = page.xpath("//main//h2/a")
    assert [a.get("href") for a in links] == [f"{w}/digest.html" for w in NEWEST_FIRST]
    assert [a.text_content() for a in links] == [summaries[w]["subject"] for w in NEWEST_FIRST]
    leads = [" ".join(p.text_content().split()) for p in page.xpath("//main//p[@class='lead']")]
    assert leads == [f"À la une {summaries[w]['lead']}" for w in NEWEST_FIRST]
    times = page.xpath("//main//time/@datetime")
    assert times == [summaries[w]["sent_at"] for w in NEWEST_FIRST]
    for href in page.xpath("//a/@href"):
        if not href.startswith("https://"):
            assert (outbox / href).is_file(), href


def test_the_page_is_a_plain_accessible_document(outbox: Path) -> None:
    page = _page(outbox)
    assert page.get("lang") == "fr"
    assert page.findtext(".//title") == "La lettre presse de la Région – Archives"
    assert len(page.xpath("//h1")) == 1
    assert page.xpath("//script | //form | //iframe | //@*[starts-with(name(), 'on')]") == []
    assert page.xpath("//meta[@name='color-scheme']/@content") == ["light dark"]
    assert page.xpath("//link[@rel='alternate']/@href") == [ARCHIVE_FEED]
    assert all(a.text_content().strip() for a in page.xpath("//a"))


def test_the_feed_has_one_entry_per_week(outbox: Path) -> None:
    feed = feedparser.parse((outbox / ARCHIVE_FEED).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    summaries = _summaries(outbox)
    archive = "https://www.auvergnerhonealpes.fr/presse/lettre/"
    assert feed.feed.title == "La lettre presse de la Région"
    assert feed.feed.id == archive
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": archive + ARCHIVE_FEED,
        "alternate": archive,
    }
    assert feed.feed.author == "Région Auvergne-Rhône-Alpes"
    assert [e.title for e in feed.entries] == [summaries[w]["subject"] for w in NEWEST_FIRST]
    assert [e.link for e in feed.entries] == [f"{archive}{w}/digest.html" for w in NEWEST_FIRST]
    assert [e.summary for e in feed.entries] == [summaries[w]["preheader"] for w in NEWEST_FIRST]
    sent = [datetime.fromisoformat(summaries[w]["sent_at"]) for w in NEWEST_FIRST]
    assert [calendar.timegm(e.updated_parsed) for e in feed.entries] == [
        int(s.timestamp()) for s in sent
    ]
    assert calendar.timegm(feed.feed.updated_parsed) == int(max(sent).timestamp())
    assert [e.id for e in feed.entries] == [
        f"tag:www.auvergnerhonealpes.fr,{w[:4]}:/presse/lettre/{w}" for w in NEWEST_FIRST
    ]


def _week(n: int, **changes: Any) -> ArchivedWeek:
    sent = datetime(2026, 1, 26, 8, tzinfo=PARIS) + timedelta(weeks=n)
    week = ArchivedWeek(
        week=f"{sent.isocalendar()[0]}-W{sent.isocalendar()[1]:02d}",
        subject=f"La lettre – semaine {n}",
        preheader=f"Titre {n} · Autre titre",
        lead=f"Titre {n}",
        lead_lang="",
        sent_at=sent,
        releases=n % 3 + 1,
    )
    return replace(week, **changes)


def _render(weeks: list[ArchivedWeek], config: Config | None = None) -> tuple[Any, Any]:
    files = archive_files(weeks, config or Config(), repo_env())
    page = lxml.html.fromstring(files[ARCHIVE_INDEX])
    return page, feedparser.parse(files[ARCHIVE_FEED])


def test_release_text_is_escaped_in_the_page_and_the_feed() -> None:
    subject = "<script>alert(1)</script> « R&D » \x0bfin"
    page, feed = _render([_week(1, subject=subject, lead="<b>gras</b> & co")])
    assert page.xpath("//script | //b") == []
    assert page.xpath("//main//h2/a")[0].text_content() == subject
    assert "<b>gras</b> & co" in page.xpath("//main//p[@class='lead']")[0].text_content()
    assert not feed.bozo
    assert feed.entries[0].title == subject.replace("\x0b", "")


def test_weeks_come_newest_first_whatever_their_order() -> None:
    weeks = [_week(n) for n in (3, 1, 7, 2)]
    page, feed = _render(weeks)
    order = [w.week for w in sorted(weeks, key=lambda w: w.week, reverse=True)]
    assert [a.get("href") for a in page.xpath("//main//h2/a")] == [
        f"{w}/digest.html" for w in order
    ]
    assert [e.link for e in feed.entries] == [
        f"https://example.org/newsletter/{w}/digest.html" for w in order
    ]


def test_english_words_and_a_lead_in_another_language() -> None:
    config = Config(locale="en")
    page, feed = _render([_week(1, lead="Un titre en français", lead_lang="fr")], config)
    assert page.get("lang") == "en"
    assert page.findtext(".//title") == "Press digest – Archive"
    lead = page.xpath("//main//p[@class='lead']")[0]
    assert lead.xpath(".//span[@lang='fr']")[0].text == "Un titre en français"
    assert "Top story" in lead.text_content()
    assert "Sent on 2 February 2026" in page.xpath("//main//p[@class='meta']")[0].text_content()
    assert feed.feed.language == "en"


def test_entry_ids_stay_unique_when_the_web_version_names_no_week() -> None:
    config = Config(newsletter=Newsletter(web_version_url="https://example.org/latest"))
    _, feed = _render([_week(n) for n in range(5)], config)
    assert {e.link for e in feed.entries} == {"https://example.org/latest"}
    assert len({e.id for e in feed.entries}) == 5


@given(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
def test_the_brand_colour_is_made_readable_on_light_and_dark(brand: str) -> None:
    colours = palette(brand)
    for key, backgrounds in (("brand", LIGHT_BACKGROUNDS), ("brand_dark", DARK_BACKGROUNDS)):
        colour = hex_rgb(colours[key])
        assert colour is not None
        for ground in backgrounds:
            background = hex_rgb(ground)
            assert background is not None
            assert contrast(colour, background) >= MIN_CONTRAST, (key, ground)


def test_a_readable_brand_colour_is_kept_and_a_broken_one_replaced() -> None:
    assert palette("#0b5ea8")["brand"] == "#0b5ea8"
    assert palette(Brand().colour)["brand"] == Brand().colour
    assert palette("#FFF")["brand"] != "#ffffff"
    assert palette("red; } body { display: none")["brand"] == Brand().colour


# In Chromium.


@pytest.fixture(scope="module")
def pages(outbox: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed archive, and one of eight weeks with long titles, an unbreakable word and
    a lead in English."""
    require_tool(chromium() and not axe_missing(), "chromium and axe", "apt-get install chromium")
    long = tmp_path_factory.mktemp("long") / ARCHIVE_INDEX
    word = "Réindustrialisation" * 4
    weeks = [
        _week(n, subject=f"La lettre presse de la Région – Semaine {n} – {word}", lead=word)
        for n in range(7)
    ]
    weeks.append(_week(9, lead="A new hydrogen valley for the region", lead_lang="en"))
    long.write_bytes(archive_files(weeks, repo_config(), repo_env())[ARCHIVE_INDEX])
    return {"seeds": outbox / ARCHIVE_INDEX, "long": long}


_LAYOUT = """() => {
    const links = [...document.querySelectorAll('a')].map(a => {
        const box = a.getBoundingClientRect();
        const style = getComputedStyle(a);
        return [box.left, box.right, box.width, box.height, style.visibility, style.color];
    });
    return [document.documentElement.scrollWidth, window.innerWidth, links];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("name", ["seeds", "long"])
def test_at_375_px_nothing_overflows_and_every_link_shows(
    pages: dict[str, Path], browser: Any, name: str
) -> None:
    view = browser.new_page(viewport={"width": 375, "height": 800})
    view.goto(pages[name].as_uri())
    scroll_width, width, links = view.evaluate(_LAYOUT)
    view.close()
    assert width == 375 and scroll_width <= width
    assert links
    for left, right, box_width, height, visibility, _ in links:
        assert box_width > 0 and height > 0 and visibility == "visible"
        assert left >= 0 and right <= width


_COLOURS = """() => [
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.body).color,
    getComputedStyle(document.querySelector('main a')).color,
    getComputedStyle(document.querySelector('.week')).backgroundColor,
]"""


@pytest.mark.browser
def test_dark_mode_changes_the_colours(pages: dict[str, Path], browser: Any) -> None:
    seen = {}
    for scheme in ("light", "dark"):
        view = browser.new_page(color_scheme=scheme)
        view.goto(pages["seeds"].as_uri())
        seen[scheme] = view.evaluate(_COLOURS)
        view.close()
    assert all(light != dark for light, dark in zip(seen["light"], seen["dark"], strict=True))
    assert seen["light"][2] == "rgb(11, 94, 168)"  # the repository's brand colour, #0b5ea8


@pytest.mark.browser
def test_axe_finds_no_serious_violation_at_375_and_600_px_light_and_dark(
    pages: dict[str, Path],
) -> None:
    """On the long page (the seed page is the same template with less in it)."""
    serious = [v for v in axe_violations(pages["long"]) if v.impact in SERIOUS]
    assert serious == []
