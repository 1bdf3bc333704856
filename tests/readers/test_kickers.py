"""What a page glues to a headline is left out of the title; a list item is no title."""

from __future__ import annotations

import pytest

from pressroom.readers.kickers import without_breadcrumb, without_kicker
from pressroom.readers.titles import is_candidate


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (  # a stop the page left before the headline
            ". Kelburn University Scientists Awarded Millions For Research",
            "Kelburn University Scientists Awarded Millions For Research",
        ),
        (  # a breadcrumb's start glued to the headline
            "Home | Media statement: New Portlyn schools chief must visit every school",
            "Media statement: New Portlyn schools chief must visit every school",
        ),
        ("Accueil > Le port de Valmont rouvre ses quais", "Le port de Valmont rouvre ses quais"),
        ("PostHeaderIcon Départ en retraite de Mme Roy", "Départ en retraite de Mme Roy"),
        (
            "VIDÉO. La joie des rameuses de Valbrune au bout du bassin",
            "La joie des rameuses de Valbrune au bout du bassin",
        ),
        (
            "EXCLUSIF | Trois ponts rouverts à Valmorin avant l'été",
            "Trois ponts rouverts à Valmorin avant l'été",
        ),
        (
            "• CP / La coopérative de Brévans attaque le projet de barrage",
            "CP / La coopérative de Brévans attaque le projet de barrage",
        ),
        (  # an agency's rubric of hyphenated capitals and a slash
            "• BRÉVANS-AFRIQUE-FOOTBALL / Moussa Ndiaye : « La préparation est prête ’’",
            "Moussa Ndiaye : « La préparation est prête ’’",
        ),
        ("PRESS RELEASE : Harbour hall to reopen next month", "Harbour hall to reopen next month"),
        ("Harbour hall to reopen next month [March 2026]", "Harbour hall to reopen next month"),
        (
            "MEDIA RELEASE - Council gives $80K to harbour clubs",
            "Council gives $80K to harbour clubs",
        ),
        (
            "[Harbour-news] Media Release: Reef divers find a rare fish",
            "Reef divers find a rare fish",
        ),
        ("thumbnail Royal opening for the harbour hall", "Royal opening for the harbour hall"),
        (
            "LE VALBRUN. Exercice incendie à la mairie pour les pompiers",
            "Exercice incendie à la mairie pour les pompiers",
        ),
        (
            "Valbrune. Une grosse frustration et des questions sans réponse",
            "Une grosse frustration et des questions sans réponse",
        ),
        (
            "Brévans / Valmorin. Le pont entre les deux villages rouvrira en mai",
            "Le pont entre les deux villages rouvrira en mai",
        ),
        (
            "SIDÉRURGIE : Brévans Acier investit 4 M€ à Valmorin",
            "Brévans Acier investit 4 M€ à Valmorin",
        ),
        (
            "FAIT DU JOUR Après un an de travaux, la piscine de Valbrune rouvre",
            "Après un an de travaux, la piscine de Valbrune rouvre",
        ),
        (
            "2) 30 logements au Moulin : l'opposition en colère",
            "30 logements au Moulin : l'opposition en colère",
        ),
        ("[Presse_Valbrune] Guichets fermés: la gare se vide", "Guichets fermés: la gare se vide"),
        (
            "Harbour businesses say politicians do not understand fishing | HBA",
            "Harbour businesses say politicians do not understand fishing",
        ),
        (
            "Valmorin: la rentrée des étudiants de nouveau repoussée - valnews.com",
            "Valmorin: la rentrée des étudiants de nouveau repoussée",
        ),
        (
            "Accompagner la rentrée des associations de Brévans Abonnés",
            "Accompagner la rentrée des associations de Brévans",
        ),
    ],
)
def test_a_kicker_or_label_is_left_out(line: str, title: str) -> None:
    assert without_kicker(line) == title


@pytest.mark.parametrize(
    "line",
    [
        "U.S. Coast Guard opens a station in Portlyn harbour",
        "NHS trust opens a new ward in Portlyn",
        "Dr. Ann Roe opens the Portlyn clinic",
        "St. Albans opens the Portlyn clinic",
        "Portlyn. A harbour town",
        "SNCF : grève des contrôleurs à Valbrune ce week-end",
        "Mairie | Travaux",
        "Harbour | News",
    ],
)
def test_initials_and_acronyms_stay(line: str) -> None:
    assert without_kicker(line) == line


def test_a_dash_list_item_is_no_title() -> None:
    assert not is_candidate("- VIDÉO : Rencontre avec la chercheuse Inès Caradec - Brévans")
    assert is_candidate("Rencontre avec la chercheuse Inès Caradec à Brévans")


def test_a_menu_whose_links_run_together_is_no_title() -> None:
    assert not is_candidate("Email this articleE-mail this storyShare this articlePrint this page")
    assert is_candidate("Portlyn firm moves its LinkedIn and YouTube teams to the harbour")
    assert is_candidate("PostHeaderIcon Départ en retraite de Mme Roy")


def test_a_caption_with_its_photographer_is_no_title() -> None:
    assert not is_candidate("Kelburn Council mayor Richie Dunmore. Adam Halloran")
    assert not is_candidate("Le conseil présente son dispositif vaudois. Keystone")
    assert is_candidate("Former Kelburn coach Ferris hired at St. Olaf")
    assert is_candidate("Rignac. La médiathèque officiellement inaugurée")


@pytest.mark.parametrize(
    ("line", "below", "title"),
    [
        (
            "Accueil Archives des actualités Les ambassadeurs du tri passent",
            "Les ambassadeurs du tri passent Imprimer",
            "Les ambassadeurs du tri passent",
        ),
        (
            "Home News Council sets its budget",
            "Council sets its budget for 2026",
            "Council sets its budget",
        ),
        (
            "Accueil Le maire inaugure le pont",
            "Le maire inaugure le pont",
            "Le maire inaugure le pont",
        ),
        ("Council sets its budget", "Council sets its budget for 2026", "Council sets its budget"),
        (
            "Accueil Archives Le pont rouvre",
            "Vêtus de jaune, les agents passent",
            "Accueil Archives Le pont rouvre",
        ),
        ("Accueil Archives Le pont rouvre", None, "Accueil Archives Le pont rouvre"),
    ],
)
def test_a_breadcrumb_trail_before_the_headline_below_is_cut(
    line: str, below: str | None, title: str
) -> None:
    assert without_breadcrumb(line, below) == title


def test_a_close_button_before_the_headline_is_cut() -> None:
    assert without_kicker("× Valmont Police Chief Dana Roe to retire") == (
        "Valmont Police Chief Dana Roe to retire"
    )
