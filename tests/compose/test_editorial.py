"""Editorial choices shared by the digest and the posts: links with UTM parameters."""

from __future__ import annotations

import pytest

from pressroom.compose.editorial import Featured, featured, featured_candidates, with_utm
from pressroom.model import Quote
from support import make_release

SITE = "https://www.auvergnerhonealpes.fr"
UTM = {"utm_source": "x", "utm_medium": "social", "utm_campaign": "digest-2026-W04"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.auvergnerhonealpes.fr/actualites/usine",
            "https://www.auvergnerhonealpes.fr/actualites/usine"
            "?utm_source=x&utm_medium=social&utm_campaign=digest-2026-W04",
        ),
        (  # the link's own query stays as written, its own utm_source wins
            "https://www.auvergnerhonealpes.fr/a?id=3&utm_source=presse#suite",
            "https://www.auvergnerhonealpes.fr/a?id=3&utm_source=presse"
            "&utm_medium=social&utm_campaign=digest-2026-W04#suite",
        ),
        (  # a subdomain of the site is the site
            "https://presse.www.auvergnerhonealpes.fr/b",
            "https://presse.www.auvergnerhonealpes.fr/b"
            "?utm_source=x&utm_medium=social&utm_campaign=digest-2026-W04",
        ),
        ("https://example.org/c?utm=1", "https://example.org/c?utm=1"),  # not the site's
        ("https://evilauvergnerhonealpes.fr/d", "https://evilauvergnerhonealpes.fr/d"),
    ],
)
def test_utm_parameters_reach_only_the_site_and_never_replace_the_links_own(
    url: str, expected: str
) -> None:
    assert with_utm(url, SITE, UTM) == expected
    assert with_utm(url, SITE, UTM) == expected  # asked again: the remembered split agrees


def test_each_platform_gets_its_own_source_on_the_same_link() -> None:
    url = "https://www.auvergnerhonealpes.fr/e"
    links = {name: with_utm(url, SITE, {**UTM, "utm_source": name}) for name in ("x", "bluesky")}
    assert links["x"].endswith("?utm_source=x&utm_medium=social&utm_campaign=digest-2026-W04")
    assert "utm_source=bluesky&" in links["bluesky"]


def test_an_empty_parameter_is_left_out() -> None:
    assert with_utm(SITE + "/f", SITE, {"utm_source": "x", "utm_medium": ""}) == (
        SITE + "/f?utm_source=x"
    )


UNSURE = Quote("Cette station protège la rivière pour trente ans.", line=8, check="“ils”: x")
SURE = Quote("Les travaux ont tenu le calendrier.", "Éric Roy", "président", 10, "after-verb")
STANDFIRST = "La station de Vals est rénovée. Elle traite l’eau de trois communes."


def test_only_a_quote_with_a_speaker_is_featured() -> None:
    release = make_release(1, quotes=(UNSURE, SURE), standfirst=STANDFIRST)
    assert featured_candidates(release) == (
        Featured("Les travaux ont tenu le calendrier.", "Éric Roy", "président"),
    )


def test_without_a_sure_speaker_the_standfirst_stands_in_as_without_quotes() -> None:
    unsure = make_release(2, quotes=(UNSURE,), standfirst=STANDFIRST)
    no_quote = make_release(2, quotes=(), standfirst=STANDFIRST)
    assert featured(unsure) == featured(no_quote)
    assert featured(unsure) == Featured("La station de Vals est rénovée.", direct=False)


def test_the_editors_headline_quote_wins_even_without_a_speaker() -> None:
    release = make_release(
        3, quotes=(UNSURE, SURE), standfirst=STANDFIRST, headline_quote="protège la rivière"
    )
    assert featured_candidates(release)[:2] == (
        Featured("protège la rivière"),
        Featured("Les travaux ont tenu le calendrier.", "Éric Roy", "président"),
    )
