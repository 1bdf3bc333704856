"""PDF releases (made here with reportlab): the text layer read to the title, date, quotation
and speaker; page headers, footers and numbers left out, hyphenation joined; a PDF that
cannot be read is a located problem."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pressroom.readers.files import read_bytes, read_file
from pressroom.readers.pdf import MAX_PAGES, read_pdf
from support import PARIS, ROOT, write_pdf

RUN: list[tuple[float, str]] = [
    (10, "The new quay opens to the public on Saturday with a free ferry service linking the"),
    (10, "old town to the island, every twenty minutes from seven in the morning until"),
    (10, "midnight, and a night crossing on Fridays and Saturdays through the summer."),
    (0, ""),
]
QUAY: list[list[tuple[float, str]]] = [
    [
        (10, "Harbour Board of Eastmere"),
        (10, "12 March 2026"),
        (0, ""),
        (18, "Eastmere harbour opens its"),
        (18, "Rebuilt Ferry Quay"),  # a title on two lines, the second short and capitalised
        (0, ""),
        (11, "A two-year project gives the island a crossing every twenty minutes."),
        (0, ""),
        *RUN * 3,
        (
            10,
            "“The quay gives the island its harbour back,” said Tom Ashdown, chair of the",
        ),
        (10, "Harbour Board. The works were paid for by the county, the port and the ferry com-"),
        (10, "pany, whose boats were refitted over the winter, and the ticket office moved to the"),
    ],
    [
        (10, "front of the quay beside the new waiting room and its bicycle racks."),
        (0, ""),
        (10, "The timetable, the fares for residents and the full list of the firms that worked"),
        (10, "on the quay are on the board's website, with the plans of the two new pontoons and"),
        (10, "the answers of the board's spokes-"),
        (10, "person to the residents' questions about the spokesperson's role."),
        (0, ""),
        *RUN,
    ],
    [
        (10, "About the Harbour Board"),
        (0, ""),
        (10, "The board runs the port and its two ferries."),
    ],
]


def _quay(tmp_path: Path) -> Path:
    return write_pdf(
        tmp_path / "quay.pdf",
        QUAY,
        header="Harbour Board of Eastmere \u2014 Press release",
        footer="Page {page} of {pages}",
    )


def test_a_three_page_pdf_reads_without_its_page_furniture(tmp_path: Path) -> None:
    path = _quay(tmp_path)
    release, problems = read_bytes(path.read_bytes(), "seeds/quay.pdf", PARIS)
    assert release is not None, problems
    assert problems == []
    assert release.title == "Eastmere harbour opens its Rebuilt Ferry Quay"
    assert release.date.date() == date(2026, 3, 12)
    assert release.lang == "en"
    assert release.standfirst == (
        "A two-year project gives the island a crossing every twenty minutes."
    )
    [quote] = release.quotes
    assert quote.text == "The quay gives the island its harbour back"
    assert (quote.speaker, quote.role) == ("Tom Ashdown", "chair of the Harbour Board")
    text = "\n".join(block.text for block in release.blocks)
    assert "Press release" not in text and "Page " not in text  # header and footer, 3 times
    # a hyphenated word joined; a paragraph running on to the next page is one paragraph
    assert "the ferry company, whose boats were refitted" in text
    assert "ticket office moved to the front of the quay beside the new waiting room" in text
    assert "the board's spokesperson to the residents" in text
    assert text.count("The new quay opens to the public") == 4
    assert release.blocks[-1].text == "The board runs the port and its two ferries."


def test_a_word_spelt_with_a_hyphen_keeps_it_at_a_line_end(tmp_path: Path) -> None:
    pages: list[list[tuple[float, str]]] = [
        [
            (16, "Le port de Valmont accueille son premier ferry électrique"),
            (10, "Valmont, le 2 avril 2026"),
            (0, ""),
            (10, "La porte-parole du port présente le navire. Elle a rappelé que la porte-"),
            (10, "parole du ministère viendra samedi. « Le ferry électrique est une première »,"),
            (10, "a déclaré Claire Vasseur, directrice du port de Valmont."),
        ]
    ]
    path = write_pdf(tmp_path / "ferry.pdf", pages)
    release, problems = read_bytes(path.read_bytes(), "seeds/ferry.pdf", PARIS)
    assert release is not None, problems
    assert release.title == "Le port de Valmont accueille son premier ferry électrique"
    assert release.date.date() == date(2026, 4, 2)
    assert "que la porte-parole du ministère" in release.standfirst
    assert release.quotes[0].text == "Le ferry électrique est une première"
    assert release.quotes[0].speaker == "Claire Vasseur"


def test_only_the_first_pages_are_read(tmp_path: Path) -> None:
    pages: list[list[tuple[float, str]]] = [
        [(16, "A very long annual report of the board")],
        [(10, "12 March 2026")],
    ]
    pages += [[(10, f"Page of annex number {n} about the harbour works.")] for n in range(60)]
    document = read_pdf(write_pdf(tmp_path / "long.pdf", pages).read_bytes(), "seeds/long.pdf")
    assert f"annex number {MAX_PAGES - 3} " in document.text
    assert f"annex number {MAX_PAGES - 2} " not in document.text
    assert [str(p) for p in document.problems] == [
        f"seeds/long.pdf:1: warning: only the first {MAX_PAGES} pages of the PDF were read; "
        "a release is a few pages: split the document, or leave out its annexes"
    ]


def _scan(path: Path) -> bytes:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    drawing.rect(50, 50, 400, 600, fill=1)  # a page that is a picture, no text
    drawing.save()
    return path.read_bytes()


def _encrypted(path: Path) -> bytes:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), encrypt="secret")
    drawing.drawString(72, 720, "Confidential release")
    drawing.save()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_scan, "has no text pressroom can read (no text layer: a scan or an image)"),
        (_encrypted, "has no text pressroom can read (it is encrypted with a password)"),
        (lambda path: b"%PDF-1.7\n" + b"\x00garbage" * 100, "the PDF cannot be read ("),
        (lambda path: _scan(path)[:300], "the PDF cannot be read ("),
        (lambda path: b"<html>not a pdf</html>", "not a PDF file"),
    ],
    ids=["scan", "encrypted", "garbage", "truncated", "not-pdf"],
)
def test_a_pdf_that_cannot_be_read_is_a_located_problem(
    tmp_path: Path, make: object, expected: str
) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(make(path))  # type: ignore[operator]
    read = read_file(path, PARIS, "seeds/bad.pdf")
    assert read.release is None
    [problem] = read.problems
    assert str(problem).startswith("seeds/bad.pdf:1: ") and expected in str(problem)


def test_other_formats_read_without_importing_mammoth_or_pdfminer() -> None:
    """Nor the Word and PDF readers: a build of .txt releases starts as fast as before."""
    code = (
        "import sys; from pathlib import Path; from zoneinfo import ZoneInfo;"
        "from pressroom.readers.files import read_files, release_files;"
        "outcome = read_files(release_files(Path('seeds')), ZoneInfo('Europe/Paris'));"
        "assert outcome.releases;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mammoth', 'pdfminer')"
        " or m.startswith(('pressroom.readers.word', 'pressroom.readers.pdf'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"
