"""The digest's editorial content: the week in words, the lead and its quote, the locale."""

from __future__ import annotations

from dataclasses import replace

from pressroom.compose.digest import PREHEADER_RANGE, compose_digest, preheader
from pressroom.render.digest import render_digest
from support import make_release, repo_config, repo_env, seed_weeks


def test_week_in_words_and_lead_quote_in_french() -> None:
    digest = compose_digest("2025-W11", seed_weeks()["2025-W11"], repo_config())
    assert digest.week_words == "Semaine du 10 au 16 mars 2025"
    assert digest.lead.quote_text.startswith("«\u202fNous voulons")
    assert digest.lead.quote and digest.lead.quote.speaker == "Fabrice Pannekoucke"


def test_english_locale_speaks_english() -> None:
    config = replace(repo_config(), locale="en")
    rendered = render_digest(
        compose_digest("2026-W04", seed_weeks()["2026-W04"], config), config, repo_env()
    )
    assert "Week of 19–25 January 2026" in rendered.text
    assert 'lang="en"' in rendered.html and "TOP STORY" in rendered.html


def test_the_lead_is_the_newest_release_with_a_quote() -> None:
    quoted = make_release(1)
    newer_unquoted = make_release(5, quotes=(), title="Sans citation")
    digest = compose_digest("2026-W04", (quoted, newer_unquoted), repo_config())
    assert digest.lead.release is quoted
    assert [s.release for s in digest.stories] == [newer_unquoted]


def test_preheader_is_within_its_range_whatever_the_titles() -> None:
    low, high = PREHEADER_RANGE
    for titles in (["Court"], ["Un titre assez long pour remplir " * 6] * 3):
        digest = compose_digest(
            "2026-W04",
            tuple(make_release(n, title=t) for n, t in enumerate(titles)),
            repo_config(),
        )
        assert low <= len(digest.preheader.strip("\u00a0")) or len(digest.preheader) == low
        assert len(digest.preheader) <= high
    assert preheader([], "La lettre, semaine 4").startswith("La lettre")


def test_a_release_without_url_links_nowhere_and_a_language_is_marked() -> None:
    english = make_release(1, url="https://www.auvergnerhonealpes.fr/en/a", lang="en")
    bare = make_release(2, url=None)
    digest = compose_digest("2026-W04", (english, bare), repo_config())
    stories = {s.release.id: s for s in (digest.lead, *digest.stories)}
    assert stories["r002"].url is None
    assert stories["r001"].url is not None and stories["r001"].url.startswith("https://")
    assert stories["r001"].lang == "en" and stories["r002"].lang == ""
    assert digest.lang == "fr"
