"""Markdown bodies as CommonMark (markdown-it-py): inline markup to plain text, lists,
block quotes and nested quotes to the model's blocks, file lines kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressroom.model import Block
from pressroom.readers.files import read_bytes
from pressroom.readers.markdown import has_markup, markdown_blocks, parsed_blocks, plain_blocks
from support import PARIS


def test_links_keep_their_text_and_drop_their_address() -> None:
    (block,) = markdown_blocks(
        'Le [programme complet](https://example.org/culture "Programme") est en ligne, '
        "comme <https://example.org/agenda> et [le dossier][d].\n\n[d]: https://example.org/d\n",
        1,
    )
    assert block.text == (
        "Le programme complet est en ligne, comme https://example.org/agenda et le dossier."
    )


def test_a_script_link_keeps_its_text_and_nothing_of_its_address() -> None:
    (block,) = markdown_blocks("Un [lien](javascript:alert(1)) et [un autre](data:x).\n", 1)
    assert block.text == "Un lien et un autre."


def test_emphasis_code_images_and_html_leave_their_text_only() -> None:
    (block,) = markdown_blocks(
        "La Région finance **trente** *festivals* __cet__ _été_, `en 2026`"
        "![Affiche du festival](affiche.jpg) <span>et après</span>.\n",
        1,
    )
    assert block.text == "La Région finance trente festivals cet été, en 2026 et après."


def test_a_star_between_words_is_text_not_emphasis() -> None:
    (block,) = markdown_blocks("Prix : 5 € * 3 = 15 €, snake_case_word.\n", 1)
    assert block.text == "Prix : 5 € * 3 = 15 €, snake_case_word."


def test_lists_bullets_and_numbers_with_nested_items_and_lazy_lines() -> None:
    body = (
        "Trois tranches :\n\n"
        "- d’avril à septembre :\n"
        "  Ormeval – Les Granges\n"
        "- l’automne :\n"
        "  1. Les Granges\n"
        "  2. Valcourt\n"
        "\n"
        "3) dernière tranche\n"
        "4) mise en service\n"
    )
    blocks = markdown_blocks(body, 10)
    assert blocks == (
        Block("paragraph", "Trois tranches :", line=10),
        Block(
            "bullets",
            items=(
                "d’avril à septembre : Ormeval – Les Granges",
                "l’automne :",
                "Les Granges",
                "Valcourt",
            ),
            line=12,
        ),
        Block("bullets", items=("dernière tranche", "mise en service"), line=18),
    )


def test_block_quotes_one_block_a_paragraph_nested_included() -> None:
    body = (
        "> « Premier paragraphe de la citation,\n"
        "> sur deux lignes.\n"
        ">\n"
        "> « Second paragraphe », a déclaré Anne Martin.\n"
        ">> Une citation dans la citation.\n"
        "\n"
        "Après la citation.\n"
    )
    blocks = markdown_blocks(body, 1)
    assert [(b.kind, b.text, b.line) for b in blocks] == [
        ("quote", "« Premier paragraphe de la citation, sur deux lignes.", 1),
        ("quote", "« Second paragraphe », a déclaré Anne Martin.", 4),
        ("quote", "Une citation dans la citation.", 5),
        ("paragraph", "Après la citation.", 7),
    ]


def test_headings_setext_and_atx_and_hard_breaks() -> None:
    body = "Calendrier\n==========\n\nPremière ligne  \nseconde ligne\n\n### Budget ###\n"
    blocks = markdown_blocks(body, 1)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Calendrier"),
        ("paragraph", "Première ligne seconde ligne"),
        ("heading", "Budget"),
    ]


def test_a_markdown_record_reads_its_quote_and_speaker_through_the_markup() -> None:
    text = (
        "---\ndate: 2026-02-27\n---\n"
        "# Trente festivals **soutenus**\n\n"
        "La Région accompagne [trente festivals](https://example.org/f).\n\n"
        "> « La culture doit vivre *partout* », a déclaré Élise Fontaine, "
        "vice-présidente à la culture.\n"
    )
    release, problems = read_bytes(text.encode(), "seeds/f.md", PARIS)
    assert release is not None and not problems
    assert release.title == "Trente festivals soutenus"
    assert release.standfirst == "La Région accompagne trente festivals."
    (quote,) = release.quotes
    assert quote.text == "La culture doit vivre partout"
    assert quote.speaker == "Élise Fontaine" and quote.line == 8


@given(st.text(alphabet=st.sampled_from(list("ab «»“”\n>-*_#[]()!`1.")), max_size=300))
def test_every_block_has_text_and_a_line_of_the_body(body: str) -> None:
    last = 10 + body.count("\n")
    for block in markdown_blocks(body, 10):
        assert 10 <= block.line <= last
        assert (block.items if block.kind == "bullets" else block.text) != ""
        assert all(item.strip() == item and item for item in block.items)


PROSE = st.lists(
    st.sampled_from([*"ab É1.,;:!?'’«»“”\"()-+=#>%\n\u00a0\u202f\x85\u2028", "    ", "\n\n"]),
    max_size=120,
).map("".join)


@given(PROSE)
def test_a_body_without_markup_reads_as_markdown_it_reads_it(body: str) -> None:
    plain = plain_blocks(body, 3) if not has_markup(body) else None
    if plain is not None:
        assert plain == parsed_blocks(body, 3)


def test_prose_skips_the_parser_and_markup_does_not() -> None:
    prose = "Première ligne\n  suite, 12 mars.\n\n\n« Deuxième » paragraphe\u00a0!\n"
    assert not has_markup(prose)
    assert plain_blocks(prose, 1) == (
        Block("paragraph", "Première ligne suite, 12 mars.", line=1),
        Block("paragraph", "« Deuxième » paragraphe\u00a0!", line=5),
    )
    for markup in ("# Titre", "1. un", "texte *appuyé*", "    code", "a\n- b", "a &amp; b"):
        assert has_markup(markup), markup
