"""The quote-attribution stage: speakers are names, resolved references or descriptors."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pressroom.attribution.names import NOT_FIRST, PRONOUNS
from pressroom.attribution.quotes import Paragraph, extract_quotes
from pressroom.lexicon import PACKAGED

_PIECES = [
    "« Nous ouvrirons le site en mai prochain »",
    '"We will open the site next May,"',
    "a déclaré",
    "a-t-elle souligné.",
    "said",
    "he said.",
    "Claire Dumas, maire de Vals,",
    "Tom Lee",
    "le préfet",
    "Pour y parvenir,",
    "Enfin,",
    "Selon lui,",
    "Ainsi",
    "the",
    "Il",
    ":",
    ",",
    ".",
    "Acme Capital partner Jane Q. Doe.",
]


def _speakers(texts: list[str]) -> list[tuple[str | None, str | None]]:
    quotes, _ = extract_quotes([Paragraph(t, i + 1) for i, t in enumerate(texts)], PACKAGED)
    return [(q.speaker, q.cue) for q in quotes]


@settings(max_examples=300)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join), max_size=5))
@example(
    [
        "« Nous ouvrirons le site en mai prochain » le préfet Ainsi Ainsi Pour y parvenir, "
        "a-t-elle souligné."
    ]
)
@example(["", "« Nous ouvrirons le site en mai prochain »"])  # an empty paragraph above
@example(["« Nous ouvrirons le site en mai prochain » a déclaré le préfet Tom Lee Tom Lee the"])
@example(["« Nous ouvrirons le site en mai prochain » a déclaré le préfet Tom Lee the le préfet"])
def test_no_speaker_is_a_common_word_a_pronoun_or_a_fragment(texts: list[str]) -> None:
    for speaker, cue in _speakers(texts):
        if speaker is None:
            assert cue is None
            continue
        words = speaker.split()
        assert not speaker.endswith((",", ":", ";", " ")), speaker
        assert not speaker.endswith(".") or len(words[-1]) == 2, speaker  # an initial only
        assert 1 <= len(words) <= 6, speaker
        assert speaker.lower() not in PRONOUNS | NOT_FIRST, speaker

        if any(w[:1].isupper() for w in words):
            continue
        # a descriptor ("le préfet"), found as such, carried to a quote that continues or
        # repeats it (a pull-quote), or an office the text was about when a pronoun speaks
        assert cue in ("descriptor", "continued", "repeated", "pronoun"), (speaker, cue)
        assert len(words) >= 2, (speaker, cue)


def test_pour_only_takes_a_name() -> None:
    texts = [
        "Pour y parvenir, « chaque quartier recevra sa part des arbres prévus ».",
        "Enfin, « les écoles choisiront elles-mêmes les essences plantées ».",
        "Pour Anne Martin, adjointe, « ce plan change la ville pour longtemps ».",
    ]
    assert _speakers(texts) == [(None, None), (None, None), ("Anne Martin", "lead-in")]


def test_pronoun_follows_the_gender_the_text_shows() -> None:
    texts = [
        "Claire Dumas, présidente de Vals Métropole, et Paul Renaud, maire de Brunac, ont signé.",
        "« Cette ligne relie enfin nos deux communes », a-t-elle déclaré.",
        "« Les travaux commencent dès le mois prochain », ajoute-t-il.",
    ]
    assert _speakers(texts) == [("Claire Dumas", "pronoun"), ("Paul Renaud", "pronoun")]


def test_role_before_the_name_and_initials() -> None:
    quotes, _ = extract_quotes(
        [Paragraph('"We back this team fully," said Acme Capital partner Jane Q. Doe.', 1)],
        PACKAGED,
    )
    assert (quotes[0].speaker, quotes[0].role) == ("Jane Q. Doe", "Acme Capital partner")


def test_unattributed_quote_keeps_no_speaker() -> None:
    assert _speakers(["« Le plus beau jour de l'année pour toute notre ville. »"]) == [(None, None)]


def test_multi_paragraph_quote_is_one_quote_not_an_error() -> None:
    quotes, unclosed = extract_quotes(
        [
            Paragraph("Tom Lee, mayor of Northfield, said:", 1),
            Paragraph("“This plan brings empty shops back into use.", 2),
            Paragraph("“It also makes the centre greener for everyone.”", 3),
        ],
        PACKAGED,
    )
    assert not unclosed
    assert len(quotes) == 1 and quotes[0].speaker == "Tom Lee"
    assert "greener" in quotes[0].text


def test_a_name_never_starts_inside_a_word() -> None:
    """``VAXIS. Selon le ministre``: the acronym's last letter and the next sentence's first
    word are no ``X. Selon``."""
    from pressroom.attribution.mentions import mentions
    from pressroom.attribution.vocabulary import vocabulary

    v = vocabulary(PACKAGED)
    assert mentions("livrées par l'initiative VAXIS. Selon le ministre, ces doses", v) == []
    assert [p.name for _, p in mentions("livrées par J. Selon, le ministre", v)] == ["J. Selon"]


def test_a_title_case_headline_names_no_one() -> None:
    """``Assam Cabinet Ministers To Camp In …``: a capitalised function word inside the run
    makes it a headline; a long office before a name still leaves the whole name."""
    from pressroom.attribution.mentions import mentions
    from pressroom.attribution.vocabulary import vocabulary

    v = vocabulary(PACKAGED)
    assert mentions("Assam Cabinet Ministers To Camp In Flood-Affected Districts", v) == []
    assert mentions("Cabinet Ministers To Camp In Assam", v) == []
    headline = mentions("Mayor Paul Roy To Visit Lyon", v)
    assert [(p.name, p.role) for _, p in headline] == [("Paul Roy", "Mayor")]
    found = mentions("Assam Chief Minister Himanta Biswa Sarma said on Wednesday", v)
    assert [(p.name, p.role) for _, p in found] == [("Himanta Biswa Sarma", "Assam Chief Minister")]


def test_a_photographer_after_an_agency_is_no_person_named() -> None:
    """``Photo DDM, Marc Vidal``: an agency's initials, then who took the picture; ``à
    l'AFP Marc Orsoni``: a body's initials before a first name are not part of the name."""
    from pressroom.attribution.mentions import mentions
    from pressroom.attribution.vocabulary import vocabulary

    v = vocabulary(PACKAGED)
    assert mentions("Le maire a conseillé les habitants./Photo DDM, Marc Vidal", v) == []
    found = mentions("précise à l'AFP Marc Orsoni, directeur des eaux.", v)
    assert [(p.name, p.role) for _, p in found] == [("Marc Orsoni", "directeur des eaux")]


def test_a_pull_quote_takes_the_speaker_and_leaves_nothing_to_check() -> None:
    texts = [
        "Jeanne Dupont a visité le site lundi avec les équipes.",
        "Pour le chef de l'agence, « la sécurité des habitants appartient à la commune ».",
        "« La sécurité des habitants appartient à la commune et à elle seule », a déclaré "
        "Paul Roy, maire de Vals.",
    ]
    quotes, _ = extract_quotes([Paragraph(t, i + 1) for i, t in enumerate(texts)], PACKAGED)
    pulled = quotes[0]
    assert (pulled.speaker, pulled.cue, pulled.check) == ("Paul Roy", "repeated", None)
