"""The first-name table read in one pass is gender-guesser's own, entry for entry."""

from __future__ import annotations

import unicodedata

import gender_guesser.detector

from pressroom.text import firstnames


def test_the_table_is_the_librarys_in_the_same_order() -> None:
    theirs = gender_guesser.detector.Detector(case_sensitive=False).names
    ours = firstnames.detector().names
    assert len(ours) > 60_000
    # the order of the names, and of the genders within one, breaks get_gender's ties
    assert [(name, list(genders.items())) for name, genders in ours.items()] == [
        (name, list(genders.items())) for name, genders in theirs.items()
    ]


def test_every_name_gets_the_librarys_answer() -> None:
    theirs = gender_guesser.detector.Detector(case_sensitive=False)
    ours = firstnames.detector()
    names = list(theirs.names)
    # as the text writes them: capitalised, without accents, and words that are no name
    asked = [
        *names,
        *(name.title() for name in names),
        *(unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in names),
        *"Port Côte Islamic Dominique Camille Jean-Noël Éric Lee Aissata X".split(),
    ]
    answers = {ours.get_gender(name) for name in asked}
    assert {"male", "female", "mostly_male", "mostly_female", "andy", "unknown"} <= answers
    assert [ours.get_gender(name) for name in asked] == [theirs.get_gender(n) for n in asked]


def test_a_plus_stands_for_nothing_a_space_or_a_hyphen() -> None:
    names = firstnames.detector().names
    plus = [n for n in gender_guesser.detector.Detector(case_sensitive=False).names if "+" in n]
    assert not plus  # the library expands them too
    assert {"jun wei", "jun-wei", "junwei"} <= set(names)
