"""Post drafts: always within the limit, headline and quote carried, shortened in order."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from pressroom.compose.editorial import shown_link
from pressroom.compose.posts import (
    NEEDS_IMAGE,
    OVERRIDE,
    Post,
    PostTemplates,
    override_problems,
    posts_for,
)
from pressroom.config import Config, Posts
from pressroom.errors import SetupError
from pressroom.model import PostOverride, Quote, Release
from pressroom.platforms import PLATFORMS
from pressroom.readers.files import read_bytes, read_files
from pressroom.text.counting import length
from pressroom.text.encoding import has_mojibake
from pressroom.text.typography import typeset
from pressroom.yamlsafe import UNSAFE_CHARACTERS
from support import PARIS, SEEDS, make_release, post_templates, repo_config


def _seed_posts(prefix: str, url: str = "") -> dict[str, Post]:
    release = read_files([next(SEEDS.glob(f"{prefix}_*.txt"))], PARIS).releases[0]
    release = replace(release, url=url or release.url)
    return {p.platform: p for p in posts_for(release, repo_config(), post_templates(), "2025-W11")}


def test_seed_003_every_platform_has_title_and_a_named_quote() -> None:
    posts = _seed_posts("003")
    assert set(posts) == set(PLATFORMS)
    for post in posts.values():
        assert "Auvergne-Rhône-Alpes, moteur de la réindustrialisation en France" in post.text
        assert post.quote_speaker in ("Fabrice Pannekoucke", "Laurent Wauquiez")
        assert "«" in post.text and "»" in post.text
        assert post.length <= post.limit


def test_seed_000_standfirst_stands_in_without_quote_marks() -> None:
    for post in _seed_posts("000").values():
        assert "Lancée officiellement le 13 janvier 2026" in post.text
        assert "«" not in post.text
        assert post.quote_speaker is None


def test_x_uses_handles_and_plain_no_break_spaces() -> None:
    x = _seed_posts("003")["x"]
    assert x.quote_speaker is not None
    assert repo_config().handles[x.quote_speaker]["x"] in x.text
    assert "\u202f" not in x.text and "«\u00a0" in x.text


def test_french_typography_kept_on_other_platforms() -> None:
    assert "«\u202fNous voulons" in _seed_posts("003")["mastodon"].text


def test_instagram_has_no_link_but_link_in_bio() -> None:
    post = _seed_posts("003")["instagram"]
    assert "http" not in post.text and "Lien en bio" in post.text
    assert post.url == ""  # the release has no URL: no link, not the site's home page


def test_linkedin_hook_sits_before_the_fold() -> None:
    post = _seed_posts("003")["linkedin"]
    assert len(post.text.split("\n", 1)[0]) <= 210


def test_shortening_is_reported_in_order() -> None:
    x = _seed_posts("003", "https://www.auvergnerhonealpes.fr/actualites/industrie")["x"]
    assert x.truncated == ("quote shortened",)
    assert "[…]\u00a0»" in x.text


def test_a_standfirst_standing_in_for_a_quote_is_reported_as_the_standfirst() -> None:
    sentence = " ".join(["La Région soutient les entreprises du territoire"] * 8) + "."
    release = replace(
        _release("Un titre", "", "", "", "https://example.org/a", "fr"),
        standfirst=f"{sentence} Une seconde phrase.",
    )
    x = next(
        p
        for p in posts_for(release, repo_config(), post_templates(), "2026-W04")
        if p.platform == "x"
    )
    assert x.truncated == ("standfirst shortened",)
    assert "La Région soutient" in x.text and x.length <= x.limit


def _release(title: str, quote: str, speaker: str, role: str, url: str, lang: str) -> Release:
    return make_release(
        title=title,
        standfirst=quote[:200],
        quotes=(Quote(quote, speaker or None, role or None, 1),) if quote else (),
        url=url,
        lang="fr" if lang == "fr" else "en",
    )


# Quote marks are left out of the text so that every mark in a post is one the fitter placed.
_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="«»“”")
    | st.sampled_from(" 🇫🇷👩‍👩‍👧é\u202f漢字"),
    min_size=1,
    max_size=600,
).filter(lambda s: s.strip())
_url = st.builds(
    lambda path: f"https://example.org/{path}", st.text(alphabet="abcdefghij-/", max_size=400)
)
_hashtags = st.lists(st.text(alphabet="abcdéf", min_size=1, max_size=30), max_size=40)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_text,
    quote=_text | st.just(""),
    speaker=st.sampled_from(["", "Marie Curie"]),
    role=st.text(st.characters(exclude_characters="«»“”"), max_size=80),
    url=_url,
    lang=st.sampled_from(["fr", "en"]),
    tags=_hashtags,
)
@example(  # a '#' in the role beside 30 tags (found by CI's search)
    title="0",
    quote="0",
    speaker="Marie Curie",
    role="#",
    url="https://example.org/",
    lang="fr",
    tags=["a" * n for n in range(1, 32)],
)
def test_every_post_fits_whatever_the_input(
    title: str, quote: str, speaker: str, role: str, url: str, lang: str, tags: list[str]
) -> None:
    release = _release(
        " ".join(title.split()) or "x",
        " ".join(quote.split()),
        speaker,
        " ".join(role.split()),
        url,
        lang,
    )
    config = replace(Config(), posts=replace(Posts(), hashtags=tuple(tags)))
    title_words = set(typeset(release.title, release.lang).split())  # French spacing added
    for post in posts_for(release, config, post_templates(), "2026-W04"):
        platform = PLATFORMS[post.platform]
        assert length(platform, post.text) == post.length <= platform.limit
        assert post.text.count("«") == post.text.count("»")
        assert post.text.count("“") == post.text.count("”")
        if "link left out" not in post.truncated and platform.clickable_links:
            assert (post.link_text or post.url) in post.text
        if post.platform == "instagram":  # at most 30 hashtags; a '#' of the text is no tag
            written = (release.title, release.standfirst, quote, role)
            assert post.text.count("#") <= 30 + sum(field.count("#") for field in written)
        first = post.text.split("\n", 1)[0]
        if "title dropped" not in post.truncated:
            shown = first.removesuffix("…").split()
            assert all(word in title_words for word in shown[:-1])
            assert not shown or shown[-1] in title_words or first.rstrip("…") != first


def _overridden(platform: str, text: str) -> Release:
    override = PostOverride(platform, text, line=5)
    return replace(make_release(url="https://example.org/a"), posts=(override,))


def _only(platform: str) -> Config:
    return replace(repo_config(), posts=replace(repo_config().posts, platforms=(platform,)))


def test_an_override_is_the_whole_post_as_written_and_counted() -> None:
    text = "Le lac rouvre samedi\u202f! Deux postes de secours, l’eau contrôlée chaque matin."
    drafts = {p.platform: p for p in posts_for(_overridden("x", text), repo_config(), *_week())}
    x = drafts["x"]
    assert x.text == text  # no link, hashtag or French spacing change; U+202F kept
    assert x.length == length(PLATFORMS["x"], text) == len(text) + 1  # U+202F weighs 2 on X
    assert (
        x.flags == (OVERRIDE,) and x.truncated == () and x.url.startswith("https://example.org/a")
    )
    assert OVERRIDE not in drafts["bluesky"].flags and "example.org/a" in drafts["bluesky"].text


def test_an_override_over_its_limit_is_an_error_naming_file_line_platform_and_count() -> None:
    release = _overridden("x", "a" * 312)
    with pytest.raises(SetupError) as raised:
        posts_for(release, repo_config(), *_week())
    assert str(raised.value.problem) == (
        "r0.txt:5: post for x is over its limit (x: 312/280); shorten it"
    )
    assert override_problems([release], ["bluesky", "linkedin"]) == ()  # x not composed


def test_every_post_carries_the_image_and_instagram_without_one_needs_it() -> None:
    pictured = replace(make_release(), image="https://example.org/lac.jpg", image_alt="Le lac")
    for post in posts_for(pictured, repo_config(), *_week()):
        assert (post.image, post.image_alt) == ("https://example.org/lac.jpg", "Le lac")
        assert NEEDS_IMAGE not in post.flags
    bare = {p.platform: p for p in posts_for(make_release(), repo_config(), *_week())}
    assert bare["instagram"].flags == (NEEDS_IMAGE,) and bare["instagram"].image is None
    assert all(not p.flags for name, p in bare.items() if name != "instagram")
    assert bare["instagram"].as_dict()["flags"] == ["needs image"]


def test_a_workspace_image_is_posted_at_its_published_address() -> None:
    """The scheduling tools fetch the image: the post carries the address the week's
    assets are published at (``newsletter.assets_url``), not the workspace path."""
    config = repo_config()
    config = replace(
        config, newsletter=replace(config.newsletter, assets_url="https://cdn.example.org/{week}/")
    )
    pictured = replace(make_release(), image="assets/lac d'été.jpg", image_alt="Le lac")
    templates, week = _week()
    for post in posts_for(pictured, config, templates, week):
        assert post.image == f"https://cdn.example.org/{week}/lac%20d%27%C3%A9t%C3%A9.jpg"


_override_text = st.builds(
    lambda unit, times: (unit * times).strip(),
    st.text(
        st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n🇫🇷é\u202f"),
        min_size=1,
        max_size=12,
    ),
    st.integers(1, 320),
).filter(bool)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(
    platform=st.sampled_from(["x", "bluesky", "mastodon", "threads", "instagram"]),
    text=_override_text,
)
def test_an_override_is_kept_exactly_within_its_limit_and_rejected_over_it(
    platform: str, text: str
) -> None:
    """Through the reader (a YAML record) and the composer: never cut, never let through.
    (Record text is NFC, mojibake is repaired and non-characters such as U+FFFE are taken
    out before any field is read: texts the reader would change that way are left to the
    reader's own tests.)"""
    assume(unicodedata.is_normalized("NFC", text) and not has_mojibake(text))
    assume(not UNSAFE_CHARACTERS.search(text))
    record = yaml.safe_dump(
        {"title": "Un titre", "date": "2026-01-19", "posts": {platform: text}}, allow_unicode=True
    )
    release, problems = read_bytes(record.encode(), "seeds/r.yaml", PARIS)
    assert release is not None, problems
    rule = PLATFORMS[platform]
    if length(rule, text) <= rule.limit:
        (post,) = posts_for(release, _only(platform), *_week())
        assert post.text == text and post.length == length(rule, text)
    else:
        with pytest.raises(SetupError, match=f"post for {platform} is over its limit"):
            posts_for(release, _only(platform), *_week())


def _week() -> tuple[PostTemplates, str]:
    return post_templates(), "2026-W04"


_LONG_URL = "https://www.auvergnerhonealpes.fr/actualites/2026/01/la-region-et-l-industrie"


def _bluesky(release: Release) -> Post:
    return next(
        p
        for p in posts_for(release, repo_config(), post_templates(), "2026-W04")
        if p.platform == "bluesky"
    )


def test_bluesky_shows_the_link_shortened_and_keeps_the_quote_whole() -> None:
    quote = (
        "Chaque entreprise qui investit ici trouvera la Région à ses côtés, "
        "de la première usine à l’export, et nous tiendrons parole 🇫🇷."
    )
    release = make_release(
        title="L’industrie régionale en tête", quotes=(Quote(quote, "Marie Durand", None, 3),)
    )
    release = replace(release, url=_LONG_URL)
    post = _bluesky(release)
    assert post.truncated == () and quote in post.text  # not cut for the UTM parameters
    assert post.url.startswith(_LONG_URL + "?utm_source=bluesky")
    assert post.link_text == "www.auvergnerhonealpes.fr/actualites/2..."
    assert post.url not in post.text and post.link_text in post.text
    # the whole URL in the text would not have fitted with the quote whole
    assert length(PLATFORMS["bluesky"], post.text.replace(post.link_text, post.url)) > 300
    (facet,) = post.facets()
    start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
    assert post.text.encode()[start:end].decode() == post.link_text
    assert start > post.text.index(post.link_text)  # bytes, not characters: « é ’ 🇫🇷 before
    assert facet["features"] == [{"$type": "app.bsky.richtext.facet#link", "uri": post.url}]
    assert post.as_dict()["facets"] == [facet]


def test_a_short_link_is_shown_whole_without_its_scheme_on_bluesky() -> None:
    assert shown_link("https://example.org/") == "example.org"
    assert shown_link("https://www.example.org/a/b?c=1") == "www.example.org/a/b?c=1"
    assert shown_link("https://example.org/abcdefghijklmnop") == "example.org/abcdefghijkl..."
    post = _bluesky(replace(make_release(), url="https://other.org/a"))
    assert post.link_text == "other.org/a" and post.url == "https://other.org/a"
    assert post.facets()[0]["features"][0]["uri"] == "https://other.org/a"


def test_a_release_without_url_has_no_link_in_any_post() -> None:
    release = make_release(url=None, tags=("Industrie",))
    posts = posts_for(release, repo_config(), post_templates(), "2026-W04")
    assert len(posts) == len(repo_config().posts.platforms)
    for post in posts:
        assert post.url == "" and post.link_text is None and post.facets() == []
        assert "example.org" not in post.text and "http" not in post.text
        assert not any(line.rstrip().endswith(":") for line in post.text.split("\n"))
        assert not any(line.startswith(" ") for line in post.text.split("\n"))
        assert "#Industrie" in post.text
