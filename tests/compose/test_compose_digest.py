"""The digest's editorial content: the week in words, the lead and its quote, the locale."""

from __future__ import annotations

from dataclasses import replace

from pressroom.compose.digest import (
    LEAD_IMAGE_WIDTH,
    PREHEADER_RANGE,
    THUMBNAIL_WIDTH,
    StoryImage,
    preheader,
)
from pressroom.compose.week import compose_week
from pressroom.model import ImageFile
from pressroom.render.digest import render_digest
from support import make_release, repo_config, repo_env, seed_weeks


def test_week_in_words_and_lead_quote_in_french() -> None:
    digest = compose_week("2025-W11", seed_weeks()["2025-W11"], repo_config()).digest
    assert digest.week_words == "Semaine du 10 au 16 mars 2025"
    assert digest.lead.quote_text.startswith("«\u202fNous voulons")
    assert digest.lead.quote and digest.lead.quote.speaker == "Fabrice Pannekoucke"


def test_english_locale_speaks_english() -> None:
    config = replace(repo_config(), locale="en")
    rendered = render_digest(
        compose_week("2026-W04", seed_weeks()["2026-W04"], config).digest, config, repo_env()
    )
    assert "Week of 19–25 January 2026" in rendered.text
    assert 'lang="en"' in rendered.html and "TOP STORY" in rendered.html


def test_the_lead_is_the_newest_release_with_a_quote() -> None:
    quoted = make_release(1)
    newer_unquoted = make_release(5, quotes=(), title="Sans citation")
    digest = compose_week("2026-W04", (quoted, newer_unquoted), repo_config()).digest
    assert digest.lead.release is quoted
    assert [s.release for s in digest.stories] == [newer_unquoted]


def test_preheader_is_within_its_range_whatever_the_titles() -> None:
    low, high = PREHEADER_RANGE
    for titles in (["Court"], ["Un titre assez long pour remplir " * 6] * 3):
        digest = compose_week(
            "2026-W04",
            tuple(make_release(n, title=t) for n, t in enumerate(titles)),
            repo_config(),
        ).digest
        assert low <= len(digest.preheader.strip("\u00a0")) or len(digest.preheader) == low
        assert len(digest.preheader) <= high
    assert preheader([], "La lettre, semaine 4").startswith("La lettre")


def test_a_release_without_url_links_nowhere_and_a_language_is_marked() -> None:
    english = make_release(1, url="https://www.auvergnerhonealpes.fr/en/a", lang="en")
    bare = make_release(2, url=None)
    digest = compose_week("2026-W04", (english, bare), repo_config()).digest
    stories = {s.release.id: s for s in (digest.lead, *digest.stories)}
    assert stories["r002"].url is None
    assert stories["r001"].url is not None and stories["r001"].url.startswith("https://")
    assert stories["r001"].lang == "en" and stories["r002"].lang == ""
    assert digest.lang == "fr"


def test_images_are_sized_for_their_place_and_never_enlarged() -> None:
    config = repo_config()
    config = replace(
        config,
        newsletter=replace(config.newsletter, assets_url="https://medias.example.org/{week}"),
    )
    releases = (
        make_release(2, image="assets/quai é.jpg", image_alt="Le quai", credit="© Région"),
        make_release(1, image="assets/petite.png", image_alt="Un logo", quotes=()),
        make_release(0, image="https://img.example.org/pins.jpg", image_alt="Des pins", quotes=()),
    )
    files = {
        "assets/quai é.jpg": ImageFile("assets/quai é.jpg", 50_000, 1200, 800, "JPEG"),
        "assets/petite.png": ImageFile("assets/petite.png", 900, 100, 50, "PNG"),
    }
    digest = compose_week("2026-W04", releases, config, images=files).digest
    assert digest.lead.release.id == "r002"
    assert digest.lead.image == StoryImage(
        "https://medias.example.org/2026-W04/quai%20%C3%A9.jpg",
        "Le quai",
        LEAD_IMAGE_WIDTH,
        400,
        "© Région",
        "assets/quai é.jpg",
    )
    small, remote = (s.image for s in digest.stories)
    assert small is not None and (small.width, small.height) == (100, 50)
    assert remote is not None and (remote.width, remote.height) == (THUMBNAIL_WIDTH, None)
    assert remote.src == "https://img.example.org/pins.jpg" and remote.path == ""
    assert digest.images == (digest.lead.image, small, remote)


def test_images_are_published_beside_the_web_version_unless_told_otherwise() -> None:
    release = make_release(0, image="assets/a.jpg", image_alt="A")
    digest = compose_week("2026-W04", (release,), repo_config()).digest
    assert digest.lead.image is not None
    assert (
        digest.lead.image.src
        == "https://www.auvergnerhonealpes.fr/presse/lettre/2026-W04/assets/a.jpg"
    )
    assert compose_week("2026-W04", (make_release(0),), repo_config()).digest.images == ()


NBSP, NNBSP = "\u00a0", "\u202f"


def test_french_spacing_on_every_text_a_french_digest_shows() -> None:
    """Titles, standfirsts, quotes, the subject and the preheader: a no-break space before
    ':' and narrow ones inside « » and before ! ? ; so that no line ends on '«'. English
    text in a French digest keeps its own spacing."""
    from pressroom.model import Quote, WeekPlan

    french = make_release(
        2,
        title="Forêts : « la relève » est plantée",
        standfirst="Un plan en deux temps : planter puis suivre ! Qui paie ?",
        quotes=(Quote("Nous avons planté : « la forêt de demain »", "Anne Roy", None, 3),),
    )
    english = make_release(1, title="Forests: what next?", lang="en", quotes=())
    plan = WeekPlan(
        "2026-W04",
        "weeks/2026-W04.yaml",
        subject="La lettre : semaine des forêts !",
        preheader="Au programme : « la relève » des forêts, et un plan qui court sur dix ans",
    )
    digest = compose_week("2026-W04", (french, english), repo_config(), plan).digest
    lead, other = digest.lead, digest.stories[0]
    assert lead.title == f"Forêts{NBSP}: «{NNBSP}la relève{NNBSP}» est plantée"
    assert lead.standfirst == (
        f"Un plan en deux temps{NBSP}: planter puis suivre{NNBSP}! Qui paie{NNBSP}?"
    )
    assert (
        lead.quote_text
        == f"«{NNBSP}Nous avons planté{NBSP}: «{NNBSP}la forêt de demain{NNBSP}»{NNBSP}»"
    )
    assert digest.subject == f"La lettre{NBSP}: semaine des forêts{NNBSP}!"
    assert digest.preheader.startswith(f"Au programme{NBSP}: «{NNBSP}la relève{NNBSP}»")
    assert other.title == "Forests: what next?"
    computed = compose_week("2026-W04", (french, english), repo_config()).digest.preheader
    assert computed.startswith(f"Forêts{NBSP}: «{NNBSP}la relève")
    assert "Forests: what next?" in computed


def test_french_spacing_reaches_the_html_text_and_the_note() -> None:
    from pressroom.model import WeekPlan

    release = make_release(1, title="Forêts : « la relève » est plantée", url="https://a.fr/x?y=1")
    plan = WeekPlan(
        "2026-W04", "weeks/2026-W04.yaml", note="À lire : [le plan](https://a.fr/p?x=1) `a : b`"
    )
    config = repo_config()
    rendered = render_digest(
        compose_week("2026-W04", (release,), config, plan).digest, config, repo_env()
    )
    assert f"Forêts{NBSP}: «{NNBSP}la relève{NNBSP}»" in rendered.html
    assert f"Forêts{NBSP}: «{NNBSP}la relève{NNBSP}»" in rendered.text
    assert f"À lire{NBSP}: " in rendered.html
    assert 'href="https://a.fr/p?x=1"' in rendered.html and "<code>a : b</code>" in rendered.html
    assert "Forêts : «" not in rendered.html


def test_the_preheader_ends_on_a_whole_headline() -> None:
    """As many whole headlines as fit in 140 characters: never a fragment of the next
    (``· Sujet…``); a single headline longer than that is cut after a whole word."""
    titles = [
        "Auvergne-Rhône-Alpes, moteur de la réindustrialisation en France",
        "Un plan pour replanter deux millions d'arbres en cinq ans",
        "Sujet de la troisième histoire de la semaine, qui ne tient plus",
    ]
    releases = tuple(make_release(n, title=t) for n, t in enumerate(titles))
    digest = compose_week("2026-W04", releases, repo_config()).digest
    shown = [digest.lead.title, *(s.title for s in digest.stories)]
    text = digest.preheader.strip("\u00a0")
    assert text == " · ".join(shown[: text.count(" · ") + 1])
    assert not text.endswith("…")
    long = make_release(1, title="Un très long titre de communiqué " * 6)
    alone = compose_week("2026-W04", (long,), repo_config()).digest.preheader
    assert alone.endswith("…") and long.title.startswith(alone.removesuffix("…") + " ")
    assert len(alone) <= PREHEADER_RANGE[1]
    words = alone.removesuffix("…").split()
    assert all(word in long.title.split() for word in words)


def test_a_week_is_dated_the_monday_after_it() -> None:
    """2026-W04 ("Semaine du 19 au 25 janvier") goes out on Monday 26 January at 08:00,
    not on Monday 19, before most of the week it covers; with newsletter.send_in_week
    and a Friday slot, on the Friday of the week, after its last release."""
    from datetime import datetime

    from support import PARIS

    digest = compose_week("2026-W04", seed_weeks()["2026-W04"], repo_config()).digest
    assert digest.week_words == "Semaine du 19 au 25 janvier 2026"
    assert digest.sent_at == datetime(2026, 1, 26, 8, 0, tzinfo=PARIS)
    config = repo_config()
    friday = replace(
        config, newsletter=replace(config.newsletter, send_at="vendredi 16h00", send_in_week=True)
    )
    digest = compose_week("2026-W04", seed_weeks()["2026-W04"], friday).digest
    assert digest.sent_at == datetime(2026, 1, 23, 16, 0, tzinfo=PARIS)
