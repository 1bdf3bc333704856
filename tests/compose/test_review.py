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
        ReviewNote("r2.txt", 1, "no URL: the digest and the posts link nowhere"),
        ReviewNote("r2.txt", 1, "image without alt text (image_alt)"),
        ReviewNote(
            "r2.txt",
            7,
            "quotation without speaker: "
            "“Une phrase citée sans que l’on sache qui la prononce, ici…”",
        ),
    )


def test_a_release_without_quotation_says_so() -> None:
    release = replace(make_release(3, quotes=(), url="https://example.org/b"), image_alt="x")
    assert release_review(release) == (ReviewNote("r3.txt", 1, "no quotation found"),)
