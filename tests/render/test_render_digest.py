"""The digest as HTML and text: golden renders of both seed weeks, its checks, premailer's
traps, escaping, and size at scale."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from pressroom.compose.digest import Digest
from pressroom.compose.week import compose_week
from pressroom.model import Quote, Release
from pressroom.render.checks import GMAIL_CLIP, check_digest
from pressroom.render.digest import RenderedDigest, render_digest
from pressroom.render.eml import transfer_encoded
from pressroom.render.week import render_week
from support import (
    GOLDEN,
    SEED_WEEKS,
    assert_golden,
    make_release,
    post_templates,
    repo_config,
    repo_env,
    seed_weeks,
)


def test_seed_weeks_are_the_two_expected() -> None:
    assert tuple(seed_weeks()) == SEED_WEEKS


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_digest_matches_golden(week: str) -> None:
    rendered = render_digest(
        compose_week(week, seed_weeks()[week], repo_config()).digest, repo_config(), repo_env()
    )
    assert_golden(rendered.html, GOLDEN / week / "digest.html")
    assert_golden(rendered.text, GOLDEN / week / "digest.txt")


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_seed_digests_pass_every_check(week: str) -> None:
    rendered = render_digest(
        compose_week(week, seed_weeks()[week], repo_config()).digest, repo_config(), repo_env()
    )
    checks = check_digest(rendered.html, rendered.text)
    assert [c for c in checks if c.status != "pass"] == []


def test_html_survives_premailer_traps() -> None:
    html = render_digest(
        compose_week("2025-W11", seed_weeks()["2025-W11"], repo_config()).digest,
        repo_config(),
        repo_env(),
    ).html
    assert html[:15].lower() == "<!doctype html>"  # premailer drops it; MJML's is kept
    assert "@media (prefers-color-scheme: dark)" in html and "!important" in html
    assert "<!--[if mso | IE]>" in html
    assert "fonts.googleapis" not in html and "@import" not in html
    assert 'style="' in html.split("<body", 1)[1]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_release_text_is_escaped_and_bad_links_never_reach_the_html() -> None:
    evil = make_release(1, title="<script>alert(1)</script> Titre")
    evil = replace(
        evil,
        standfirst='Voir <a href="javascript:alert(1)">ici</a> javascript:alert(2)',
        quotes=(
            Quote(
                'Une "citation" <img src=x onerror=alert(1)> piégée ici', "Marie Durand", None, 3
            ),
        ),
    )
    rendered = render_digest(
        compose_week("2026-W04", (evil,), repo_config()).digest, repo_config(), repo_env()
    )
    tags = _Tags()
    tags.feed(rendered.html)
    assert "script" not in tags.names and "img" not in tags.names
    assert tags.hrefs and all(h.startswith(("https://", "http://")) for h in tags.hrefs)
    assert "&lt;script&gt;" in rendered.html
    assert "<script>alert(1)</script> Titre" in rendered.text
    checks = {c.name: c.status for c in check_digest(rendered.html, rendered.text)}
    assert checks["no script, form or iframe"] == "pass"
    assert checks["links are absolute http(s)"] == "pass"


def test_a_story_in_another_language_is_marked_on_its_own_text_only() -> None:
    english = make_release(1, title="A plan for industry", lang="en")
    lead = make_release(3, title="Un plan pour l’industrie")
    french = make_release(2, title="Un plan pour les transports")
    rendered = render_digest(
        compose_week("2026-W04", (english, lead, french), repo_config()).digest,
        repo_config(),
        repo_env(),
    )
    html = rendered.html
    stories = [part.split("</blockquote>")[0] for part in html.split('<td class="story"')[1:]]
    story = next(part for part in stories if "A plan for industry" in part)
    assert story.count('lang="en"') == 3  # title, summary, quote
    assert 'class="s-title"' in story and "<blockquote" in story
    others = html.replace(story, "")
    assert 'lang="en"' not in others
    assert '<html lang="fr"' in html


def test_stories_without_an_image_are_rows_of_one_text_block() -> None:
    releases = tuple(make_release(n, title=f"Communiqué {n}") for n in range(6))
    rendered = render_digest(
        compose_week("2026-W04", releases, repo_config()).digest, repo_config(), repo_env()
    )
    parts = [
        p.split("<!-- /pressroom")[0] for p in rendered.mjml.split("<!-- pressroom:styled -->")
    ]
    (styled,) = [part for part in parts[1:] if "story" in part]  # the preheader's spacer too
    assert styled.count('<td class="story"') == 5  # every story but the lead
    assert styled.count("<mj-text") == 1 and styled.count('<table role="presentation"') == 1 + 5
    assert rendered.html.count('<td class="story"') == 5


_TITLE = (
    "Communiqué numéro {} : la Région engage un plan pour l’industrie, l’emploi et la "
    "formation dans les territoires"
)
_STANDFIRST = (
    "La Région accélère l’accès des élèves, des étudiants et des salariés à des formations "
    "qualifiantes : écoles, lycées, universités et entreprises du territoire créent ensemble "
    "deux mille places réservées aux métiers de l’énergie, de l’économie sociale et de la santé."
)


def _forty_stories() -> tuple[Release, ...]:
    """A 40-story week of French releases, each with a link and a quote."""
    return tuple(
        make_release(
            n,
            title=_TITLE.format(n),
            standfirst=_STANDFIRST,
            url=f"https://www.auvergnerhonealpes.fr/presse/communique-{n}",
        )
        for n in range(40)
    )


def _html_part_as_sent(eml: bytes) -> bytes:
    """The HTML part's body in the .eml, as its transfer encoding wrote it."""
    part = eml.split(b'Content-Type: text/html; charset="utf-8"\r\n', 1)[1]
    return part.split(b"\r\n\r\n", 1)[1].split(b"\r\n--=_pressroom_", 1)[0]


def test_a_forty_story_week_under_the_clip_decoded_fails_as_sent() -> None:
    """The .eml sends the HTML quoted-printable (about 12 % longer for this French text):
    the check measures that, as Gmail does, not the decoded HTML."""
    releases = _forty_stories()
    composed = compose_week("2026-W04", releases, repo_config(), templates=post_templates())
    week = render_week(composed, repo_config(), repo_env(), "hash")
    html = week.files["digest.html"]
    sent = _html_part_as_sent(week.files["digest.eml"])
    assert len(html) < GMAIL_CLIP < len(sent)
    size_check = week.checks[0]
    assert size_check.name == "size under Gmail clip" and size_check.status == "fail"
    assert f"{len(sent) / 1024:.1f} KB as sent (quoted-printable" in size_check.detail
    assert f"{len(sent) - GMAIL_CLIP} bytes over the 102 KB limit" in size_check.detail
    assert week.report["ok"] is False


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_the_size_check_reads_the_html_part_of_the_eml(week: str) -> None:
    composed = compose_week(week, seed_weeks()[week], repo_config(), templates=post_templates())
    output = render_week(composed, repo_config(), repo_env(), "hash")
    sent = _html_part_as_sent(output.files["digest.eml"])
    assert output.checks[0].status == "pass"
    assert output.checks[0].detail.startswith(f"{len(sent) / 1024:.1f} KB as sent")


def test_an_oversized_week_is_reported_with_bytes_over() -> None:
    releases = tuple(make_release(n) for n in range(80))
    html = render_digest(
        compose_week("2026-W04", releases, repo_config()).digest, repo_config(), repo_env()
    ).html
    over = len(transfer_encoded(html.encode())[1]) - GMAIL_CLIP
    assert over > 0
    size_check = check_digest(html, "text")[0]
    assert size_check.status == "fail"
    assert f"{over} bytes over the 102 KB limit" in size_check.detail


def test_mojibake_left_in_a_digest_fails_its_check() -> None:
    clean = {c.name: c.status for c in check_digest("<html></html>", "La Région")}
    broken = {c.name: c.status for c in check_digest("<html></html>", "La RÃ©gion")}
    assert clean["no mojibake"] == "pass" and broken["no mojibake"] == "fail"


def _pictured_week() -> tuple[str, str]:
    from pressroom.model import ImageFile

    releases = (
        make_release(3, image="assets/quai.jpg", image_alt="Le quai", credit="© Région | Photo L."),
        make_release(2, quotes=()),
        make_release(1, image="https://img.example.org/pins.jpg", image_alt="Des pins"),
        make_release(0, quotes=()),
    )
    files = {"assets/quai.jpg": ImageFile("assets/quai.jpg", 80_000, 1200, 900, "JPEG")}
    config = repo_config()
    rendered = render_digest(
        compose_week("2026-W04", releases, config, images=files).digest, config, repo_env()
    )
    return rendered.html, rendered.text


def test_images_carry_width_height_alt_and_the_credit_as_caption() -> None:
    import lxml.html

    html, _ = _pictured_week()
    document = lxml.html.fromstring(html.encode())
    lead, thumbnail = document.xpath("//img")
    assert (lead.get("width"), lead.get("height"), lead.get("alt")) == ("600", "450", "Le quai")
    assert lead.get("src") == (
        "https://www.auvergnerhonealpes.fr/presse/lettre/2026-W04/assets/quai.jpg"
    )
    assert (thumbnail.get("width"), thumbnail.get("alt")) == ("160", "Des pins")
    (caption,) = document.xpath("//td[contains(@class, 'caption')]")
    assert caption.text_content().strip() == "© Région | Photo L."
    assert len(document.xpath("//h2")) == 4  # every story still there, in its order
    checks = {c.name: c for c in check_digest(html, "text")}
    assert checks["images have alt"].status == "pass"
    assert checks["images within limits"].detail == "2 images, all https"


def test_images_keep_their_ratio_inline_with_no_fixed_height() -> None:
    """``height:auto`` inline on every image, the file's height only as the attribute (a
    client that drops <style> keeps the ratio; Yahoo turns a CSS height into a minimum);
    an image whose size is unknown carries no height attribute at all."""
    import lxml.html

    html, _ = _pictured_week()
    document = lxml.html.fromstring(html.encode())
    lead, thumbnail = document.xpath("//img")
    for image in (lead, thumbnail):
        style = image.get("style").replace(" ", "")
        assert "height:auto" in style and "width:100%" in style
        assert "px" not in style.split("height:", 1)[1].split(";")[0]
    assert lead.get("height") == "450" and thumbnail.get("height") is None
    assert 'height="auto"' not in html


def test_image_checks_fail_on_http_and_on_a_file_over_the_limits() -> None:
    from pressroom.model import ImageFile

    html, text = _pictured_week()
    wide = ImageFile("assets/quai.jpg", 2_000_000, 3000, 2000, "JPEG")
    check = {c.name: c for c in check_digest(html, text, [wide])}["images within limits"]
    assert check.status == "fail"
    assert "assets/quai.jpg is 3,000 px wide (limit 1,200 px)" in check.detail
    assert "assets/quai.jpg weighs 1.9 MB (2,000,000 bytes; limit 1 MB)" in check.detail
    http = html.replace('src="https://img.example.org', 'src="http://img.example.org')
    check = {c.name: c for c in check_digest(http, text)}["images within limits"]
    assert (check.status, check.detail) == ("fail", "not https: http://img.example.org/pins.jpg")
    light = ImageFile("assets/quai.jpg", 80_000, 1200, 900, "JPEG")
    check = {c.name: c for c in check_digest(html, text, [light])}["images within limits"]
    assert check.detail == "2 images, all https; 1 file: the largest 78 KB, the widest 1200 px"


def test_an_invisible_spacer_follows_the_preheader() -> None:
    """A client's preview shows the preheader, then nothing it could read: the spacer
    holds only zero-width characters and no-break spaces, hidden as the preheader is."""
    import lxml.html

    html = render_digest(
        compose_week("2025-W11", seed_weeks()["2025-W11"], repo_config()).digest,
        repo_config(),
        repo_env(),
    ).html
    body = lxml.html.fromstring(html.encode()).xpath("//body")[0]
    preheader, spacer = body.xpath(".//div[@class='preheader' or @class='preheader-spacer']")
    assert preheader.getnext() is spacer
    assert "display:none" in spacer.get("style") and "mso-hide:all" in spacer.get("style")
    text = spacer.text_content()
    assert len(text) >= 3 * 60 and set(text) == {"\u034f", "\u200c", "\u00a0"}
    assert html.count("&#847;&zwnj;&nbsp;") >= 60  # as character references: short as sent


def test_the_head_tells_ios_and_outlook_how_to_show_it() -> None:
    html = render_digest(
        compose_week("2025-W11", seed_weeks()["2025-W11"], repo_config()).digest,
        repo_config(),
        repo_env(),
    ).html
    head = html[: html.index("<body")]
    assert '<meta name="x-apple-disable-message-reformatting"' in head
    assert '<meta name="format-detection" content="telephone=no' in head
    outlook = head.split("<!--[if mso]>")[-1].split("<![endif]-->")[0]
    assert "font-family: Arial" in outlook  # not Times New Roman


_REFERENCE = re.compile(r"\[(\d+)\] (https?://\S+)")


def _text_with_a_note() -> tuple[RenderedDigest, Digest]:
    from pressroom.model import WeekPlan

    releases = tuple(
        make_release(n, url=f"https://www.auvergnerhonealpes.fr/presse/communique-{n}")
        for n in range(4)
    )
    plan = WeekPlan(
        "2026-W04",
        "weeks/2026-W04.yaml",
        note=(
            "Cette semaine : **deux annonces** sur l’industrie, à lire dans "
            "[le plan régional](https://www.auvergnerhonealpes.fr/plan) et *ci-dessous*.\n\n"
            "- un premier point\n- un second, [en ligne](https://example.org/second)"
        ),
    )
    digest = compose_week("2026-W04", releases, repo_config(), plan).digest
    return render_digest(digest, repo_config(), repo_env()), digest


def test_the_text_part_wraps_at_78_with_links_as_numbered_references() -> None:
    rendered, digest = _text_with_a_note()
    lines = rendered.text.splitlines()
    for line in lines:
        assert len(line) <= 78 or _REFERENCE.fullmatch(line), line
    references = [_REFERENCE.fullmatch(line) for line in lines]
    listed = {int(m[1]): m[2] for m in references if m}
    assert list(listed) == list(range(1, len(listed) + 1))
    for story in (digest.lead, *digest.stories):
        assert story.url in listed.values()
    for line in lines:  # an address only ever on its reference line
        if "https://" in line:
            assert _REFERENCE.fullmatch(line), line
    number = next(n for n, u in listed.items() if u == digest.stories[0].url)
    block = rendered.text.split(digest.stories[0].title)[1].split("-" * 78)[0]
    assert f"Lire la suite [{number}]" in block and f"[{number}] {digest.stories[0].url}" in block


def test_the_text_part_renders_the_note_as_text() -> None:
    rendered, _ = _text_with_a_note()
    note = rendered.text.split("=" * 78)[0]
    assert "**" not in note and "](" not in note and "*ci-dessous*" not in note
    assert "Cette semaine\u00a0: deux annonces sur l’industrie, à lire dans le plan" in note
    assert "régional\u00a0[1] et ci-dessous." in note
    assert "- un premier point\n- un second, en ligne\u00a0[2]" in note
    assert "[1] https://www.auvergnerhonealpes.fr/plan\n[2] https://example.org/second" in note


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_the_seed_text_parts_fit_78_columns(week: str) -> None:
    text = render_digest(
        compose_week(week, seed_weeks()[week], repo_config()).digest, repo_config(), repo_env()
    ).text
    assert all(len(line) <= 78 or _REFERENCE.fullmatch(line) for line in text.splitlines())
