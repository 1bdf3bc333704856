"""Which line of a page without a date line is its title."""

from __future__ import annotations

import pytest

from pressroom.readers.titlechoice import choose
from pressroom.readers.titles import BYLINE, Line, is_candidate

_BODY = (
    "The county has opened a water project that will serve the residents of Harlow Bend"
    " with clean drinking water, the governor said at the opening on Tuesday."
)


def _title(*texts: str) -> str | None:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1) if text]
    title, _ = choose(lines, None, False, "none", frozenset(), frozenset())
    return title.text if title else None


def test_a_headline_sentence_under_chrome_is_the_title() -> None:
    # no title-like line at all: a two-word label above, a headline ending with a period
    headline = "Governor Opens a Water Project To Ease Shortages in Harlow Bend."
    assert _title("Header Ads", "", headline, "", _BODY) == headline


def test_the_first_line_stays_the_title_when_no_headline_sentence_follows() -> None:
    assert _title("Water news", "", _BODY) == "Water news"


def test_a_speaker_and_their_words_make_a_headline() -> None:
    from pressroom.readers.titles import is_candidate

    assert is_candidate('Maud Lagarde : "On touche le fond de la piscine !"')
    assert not is_candidate("« Nous touchons le fond, et la saison n'est pas finie. »")


def test_a_banner_with_a_phone_number_is_no_headline() -> None:
    from pressroom.readers.titles import is_candidate

    assert not is_candidate("IN CASE OF AN EMERGENCY DIAL 9-1-1 NON-EMERGENCY LINE (352) 555-0190")


def test_a_name_in_camel_case_can_open_a_headline() -> None:
    from pressroom.readers.titles import is_candidate

    assert is_candidate("eThekwini 'working tirelessly' to fix water supply, says mayor")
    assert is_candidate("iPhone sales fall for the second year running")
    assert not is_candidate("read more about the water supply works in the city")


# Pages as lines, the index of their date line (None: no date), the title's line number.
_CHOSEN = {
    "a headline over its standfirst and date": (
        [
            "Three harbour colleges share £4M for research students",
            "The money from the national science council will pay for research students "
            "to work on coastal engineering projects",
            "Published 29th Feb 2026",
            "Three harbour colleges are to share £4.1 million to support research students.",
        ],
        2,
        1,
    ),
    "no date, a headline over its longer standfirst": (
        [
            "The Harbour Museum to Reopen Its Maritime Galleries in May "
            "Following a Long Renovation",
            "The renovated maritime galleries, in the old customs wing, will show the museum's "
            "collection of ship models and harbour charts from across three centuries",
            "The Harbour Museum announced that it will reopen its maritime galleries on 31 May.",
        ],
        None,
        1,
    ),
    "a long headline under a menu is no standfirst": (
        [
            "Editer l'article Suivre ce blog Administration + Créer mon blog",
            "Cent agents territoriaux devant la mairie de Valbrune "
            "pour défendre leur régime de travail",
            "Première journée de mobilisation à la mairie de Valbrune "
            "contre le nouveau régime de travail.",
        ],
        None,
        2,
    ),
    "an issuer under its label below a weekday date": (
        [
            "New Harbour Hospital Opens For Portlyn Children",
            "Friday, 30 September 2026, 9:53 am",
            "Press Release: Portlyn Health Board",
            "A new children's hospital officially opened in Portlyn this morning for the region.",
        ],
        1,
        1,
    ),
    "a kicker in capitals under the date": (
        [
            "Publié le 6 juillet 2026 - 23:41",
            "ANNULATION DES SUJETS D’EXAMEN",
            "Le bac de Valmorin à l’épreuve des fuites",
            "Colère et incompréhension sont les sentiments les mieux partagés chez les candidats.",
        ],
        0,
        3,
    ),
}


@pytest.mark.parametrize("case", _CHOSEN, ids=str)
def test_the_title_line_is_chosen_by_its_shape(case: str) -> None:
    texts, date_at, number = _CHOSEN[case]
    lines = [Line(n, text) for n, text in enumerate(texts, start=1)]
    title, _ = choose(lines, date_at, False, "alone", frozenset(), frozenset())
    assert title is not None and title.number == number


def test_page_furniture_is_no_title_candidate() -> None:
    """A reading time, a listing's page number, a site's greeting, a reporter's byline."""
    from pressroom.readers.titles import is_candidate

    for line in [
        "Harbour Builders Association 2 mins read",
        "Fundraising Archives - Page 21 of 27 - Portlyn Hospice",
        "Welcome to the Portlyn Chamber of Commerce website",
        "Nina Marsh Reporter from Portlyn Outlook",
        "Q: What could possibly get community members so riled up?",
        "A: The 2010 – 2011 School District Budget",
    ]:
        assert not is_candidate(line), line
    assert is_candidate("Builders hopeful as new home approvals fall for a third month")
    assert is_candidate("Reporter from Portlyn wins the national press award")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Lena Marsh, Political Correspondent, The Harwick Times", True),
        ("By Jo Penn, Local Democracy Reporter", True),
        ("Par Léa Morel", True),
        ("Par: Stéphane Roy", True),
        ("By Friday, the council will decide on the barrier", False),
        ("By 2030, Harwick will have two new schools", False),
    ],
)
def test_a_byline_may_name_a_role_and_a_paper_after_commas(line: str, byline: bool) -> None:
    assert bool(BYLINE.match(line)) is byline


@pytest.mark.parametrize(
    ("line", "candidate"),
    [
        ("Le 20 septembre 2026 : Valmont a dit oui !", True),  # a date, then the headline
        ("20 septembre 2026", False),  # a date line
        ("Publié le 20 septembre 2026 à 10:04", False),
    ],
)
def test_a_headline_may_open_on_its_date(line: str, candidate: bool) -> None:
    assert is_candidate(line) is candidate


def test_a_long_headline_under_a_press_label_is_the_title() -> None:
    headline = (
        "Les chambres de métiers de la région expriment leur vive inquiétude face à l'annonce"
        " d'une nouvelle baisse de leurs ressources de 12 millions d'euros prévue dans le"
        " projet de budget régional pour l'année 2026"
    )
    lines = [
        Line(1, "Le réseau au service des entreprises"),
        Line(3, "Communiqué de presse"),
        Line(5, headline),
        Line(7, _BODY),
    ]
    title, _ = choose(lines, None, False, "none", frozenset(), frozenset({3}))
    assert len(headline) > 200 and title is not None and title.text == headline


def test_a_long_sentence_under_a_press_label_is_no_title() -> None:
    sentence = _BODY + " The opening had been awaited for two years by the whole valley."
    lines = [Line(1, "Water Project Opens"), Line(3, "Press Release"), Line(5, sentence)]
    title, _ = choose(lines, None, False, "none", frozenset(), frozenset({3}))
    assert title is not None and title.text == "Water Project Opens"


@pytest.mark.parametrize(
    "line",
    [
        "Flu Alert - For the latest information on the flu in Westshire, please visit flu.ws.gov",
        "Click here for the daily Harbour District Health Department Press Releases",
        "91.7 Harbour City 104.1 Grand Lakes 91.3 Port Ellis 89.7 Lansford 91.1 Flintwood",
        "Posts tagged ‘harbour’",
    ],
)
def test_banners_links_and_frequencies_are_no_headline(line: str) -> None:
    assert not is_candidate(line)
    assert is_candidate("State police get $2 million in federal grants for 2025")
