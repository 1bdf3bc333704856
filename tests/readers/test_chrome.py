"""Lines of page chrome are left out of the title's choice and of the body."""

from __future__ import annotations

import pytest

from pressroom.readers.chrome import (
    is_chrome,
    without_breadcrumbs,
    without_categories,
    without_link_tail,
)
from pressroom.readers.titles import Line


@pytest.mark.parametrize(
    "line",
    [
        "Ecrit par Le Courrier du Val le 10 avril 2026",  # a byline without its accent
        "Download the Portlyn Sport App on Your Mobile Device Today",
        "Téléchargez l’application de la ville",
        "BIENVENUE SUR LE SITE WEB",
        "Bienvenue sur le site de la mairie de Valbrune",
        "Welcome to our website",
        "Passer à la version normale du site",
        "— Valbrune Officiel (@Valbrune_FC) March 3, 2026",  # an embedded post's signature
        "Retour vers Actualites/ARCHIVES/2014/Education",  # a breadcrumb's way back
    ],
)
def test_chrome_line(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Bienvenue aux nouveaux habitants de Valbrune",
        "Download the report on the harbour budget",
        "Welcome boost for the harbour clubs",
        "Passer l'hiver au chaud : la ville ouvre trois refuges",
        "— Le maire de Valbrune",
        "Retour vers le futur : la mairie rouvre le cinéma",
    ],
)
def test_headline_is_no_chrome(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("“The needs are urgent.” Read more", "“The needs are urgent.”"),
        ("Les habitants sont ravis. Lire la suite »", "Les habitants sont ravis."),
        ("Read more about the plan", "Read more about the plan"),  # a sentence of its own
        ("We will read more books this year.", "We will read more books this year."),
    ],
)
def test_a_listing_link_leaves_the_paragraph(line: str, kept: str) -> None:
    assert without_link_tail(line) == kept


def test_a_category_label_and_its_values_leave_the_page() -> None:
    lines = [
        Line(1, "Catégories"),
        Line(2, "Culture et loisirs Vie de la cité"),
        Line(3, "La médiathèque de Brassac inaugurée"),
        Line(4, "Tags"),
        Line(5, "La médiathèque est enfin ouverte aux habitants depuis le 24 septembre."),
    ]
    kept = [line.number for line in without_categories(lines)]
    assert kept == [3, 5]  # a sentence under a label stays: it is the text


@pytest.mark.parametrize(
    "page_title",
    [
        "The Harbour's New Ferry Timetable - Coast Gazette",
        "The Harbour’s New Ferry Timetable | Coast Gazette",
    ],
)
def test_the_page_title_over_its_headline_leaves_the_page(page_title: str) -> None:
    lines = [Line(1, page_title), Line(2, "The Harbour’s New Ferry Timetable"), Line(3, "Text.")]
    assert [ln.number for ln in without_breadcrumbs(lines)] == [2, 3]
