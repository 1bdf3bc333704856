"""A release's review notes: one per concern, at its line, in line order."""

from __future__ import annotations

from dataclasses import replace

from pressroom.compose.review import ReviewNote, release_review
from pressroom.errors import Problem, Severity
from pressroom.model import Quote
from support import make_release


def test_a_complete_release_has_nothing_to_review() -> None:
    assert release_review(make_release(1, url="https://example.org/a")) == ()


def test_each_concern_is_a_note_at_its_line() -> None:
    release = replace(
        make_release(
            2,
            quotes=(
                Quote(
                    "Une phrase citée sans que l’on sache qui la prononce, ici ou ailleurs.", line=7
                ),
            ),
        ),
        image="https://example.org/photo.jpg",
    )
    mojibake = Problem("r2.txt", 1, "mojibake repaired", "save as UTF-8", Severity.WARNING)
    elsewhere = Problem("other.txt", 3, "not this release's file")
    assert release_review(release, [mojibake, elsewhere]) == (
        ReviewNote("r2.txt", 1, "mojibake repaired"),
        ReviewNote(
            "r2.txt", 1, "no URL: the digest shows it without a link, and its posts carry none"
        ),
        ReviewNote("r2.txt", 1, "image without alt text (image_alt)"),
        ReviewNote(
            "r2.txt",
            7,
            "citation sans auteur\u00a0: «\u00a0"
            "Une phrase citée sans que l’on sache qui la prononce, ici…"
            "\u00a0» — le texte ne nomme personne qui la dise",
            "indiquez qui parle dans la liste speakers: du fichier",
        ),
    )


def test_a_release_without_quotation_says_so() -> None:
    release = replace(make_release(3, quotes=(), url="https://example.org/b"), image_alt="x")
    assert release_review(release) == (ReviewNote("r3.txt", 1, "no quotation found"),)


def test_a_speaker_to_check_is_a_note_in_the_releases_language() -> None:
    they = Quote(
        "We have waited ten years for this channel to be dredged at last.",
        line=8,
        check="“they”: several people speak together",
    )
    ils = replace(they, text="Cette station protège la rivière pour trente ans.", check="“ils”: x")
    english = make_release(4, quotes=(they,), url="https://example.org/c", lang="en")
    french = make_release(5, quotes=(ils,), url="https://example.org/d")
    assert release_review(english) == (
        ReviewNote(
            "r4.txt",
            8,
            "speaker to check: We have waited ten years for this channel to be dredged at…"
            " — “they”: several people speak together",
            "name the speaker in the file's speakers: list",
        ),
    )
    assert release_review(french) == (
        ReviewNote(
            "r5.txt",
            8,
            "auteur à vérifier\u00a0: Cette station protège la rivière pour trente ans. — “ils”: x",
            "indiquez qui parle dans la liste speakers: du fichier",
        ),
    )


def test_a_headline_quote_without_a_sure_speaker_is_a_note() -> None:
    unsure = Quote("Les travaux ont tenu le calendrier.", line=6, check="“ils”: x")
    release = make_release(
        6, quotes=(unsure,), url="https://example.org/e", headline_quote="tenu le calendrier"
    )
    assert release_review(release)[-1] == ReviewNote(
        "r6.txt",
        6,
        "citation à la une sans auteur sûr\u00a0: tenu le calendrier",
        "indiquez qui parle dans la liste speakers: du fichier",
    )
    unmatched = replace(release, headline_quote="Words of no quotation", lang="en")
    assert ReviewNote(
        "r6.txt", 1, "headline quote without a sure speaker: Words of no quotation"
    ) in release_review(unmatched)
    sure = replace(release, quotes=(replace(unsure, speaker="Éric Roy", check=None),))
    assert release_review(sure) == ()
