"""Word releases (.docx, made here with python-docx): read to the title, date, quotation and
speaker the text says, through the text reader; a file that cannot be read is a problem."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from pressroom.readers.files import read_bytes, read_file, release_files, source_lines
from pressroom.readers.word import MAX_PART
from support import PARIS, TRAM, docx_bomb, write_docx


def test_a_french_word_release_reads_to_its_title_date_and_quotation(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "tram.docx", TRAM)
    release, problems = read_bytes(path.read_bytes(), "seeds/tram.docx", PARIS)
    assert release is not None, problems
    assert problems == []
    assert release.title == "La Métropole de Valmont ouvre trois lignes de tramway"
    assert release.source.line == 3  # the third paragraph of the document
    assert release.date.date() == date(2026, 1, 14)
    assert release.lang == "fr"
    assert release.standfirst.startswith("Les trois lignes desserviront douze communes")
    [quote] = release.quotes
    assert quote.text == "Ce tramway va changer la vie des habitants des quartiers nord"
    assert (quote.speaker, quote.role) == ("Léa Fontanel", "présidente de la Métropole")
    kinds = [(block.kind, block.text or block.items) for block in release.blocks]
    assert kinds[0] == ("heading", "Un chantier de quatre ans")
    assert ("bullets", ("Ligne A : Gare – Hôpital nord", "Ligne B : Campus – Port")) in kinds
    assert kinds[-1] == ("paragraph", "Les horaires sont sur le site de la Métropole.")


def test_a_word_release_may_open_with_fields(tmp_path: Path) -> None:
    fields = ["---", "url: https://valmont.example/tram", "tags: [tram, mobilité]", "---"]
    path = write_docx(tmp_path / "tram.docx", [*(("Normal", f) for f in fields), *TRAM])
    release, problems = read_bytes(path.read_bytes(), "seeds/tram.docx", PARIS)
    assert release is not None and problems == []
    assert (release.url, release.tags) == ("https://valmont.example/tram", ("tram", "mobilité"))
    assert release.title == "La Métropole de Valmont ouvre trois lignes de tramway"
    assert release.source.line == 7


def test_an_english_word_release_with_a_bold_title(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "library.docx",
        [
            ("Normal", "Northbridge Borough Council"),
            ("Normal", "**Northbridge library reopens after a year of repairs**"),
            ("Normal", "3 February 2026"),
            ("Normal", "The central library reopens on Monday with a new children's floor."),
            (
                "Normal",
                "\u201cA library is the town's living room,\u201d said Priya Okafor, the "
                "council's head of culture. \u201cWe are glad to open its doors again.\u201d",
            ),
        ],
    )
    release, problems = read_bytes(path.read_bytes(), "seeds/library.docx", PARIS)
    assert release is not None, problems
    assert release.title == "Northbridge library reopens after a year of repairs"
    assert release.date.date() == date(2026, 2, 3)
    assert release.lang == "en"
    assert release.standfirst.startswith("The central library reopens on Monday")
    assert release.quotes[0].text == "A library is the town's living room"
    assert release.quotes[0].speaker == "Priya Okafor"


def test_word_files_are_release_files(tmp_path: Path) -> None:
    write_docx(tmp_path / "a.docx", TRAM)
    (tmp_path / "~$a.docx").write_bytes(b"lock")  # Word's lock while the document is open
    assert [p.name for p in release_files(tmp_path)] == ["a.docx"]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
).encode()
"""A billion laughs: entities that expand a kilobyte into three gigabytes."""
_EMPTY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body/></w:document>"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "the file is not a .docx zip"),
        (b"PK\x03\x04broken", "the file is not a .docx zip"),
        (_zip({"content.xml": b"<office/>"}), "the zip holds no word/document.xml"),
        (
            _zip({"word/document.xml": b"<w:document>" + b" " * (MAX_PART + 1)}),
            "part word/document.xml unpacks to 2.0 MB (limit 2 MB); not read",
        ),
        (_zip({"word/document.xml": b"<w:document><w:body>"}), "cannot be read"),
        (_zip({"word/document.xml": _LAUGHS}), "part word/document.xml declares a DTD"),
        (_zip({"word/document.xml": _EMPTY}), "the document holds no text"),
    ],
    ids=["old-doc", "broken-zip", "no-document", "huge-xml", "bad-xml", "laughs", "empty"],
)
def test_a_word_file_that_cannot_be_read_is_a_located_problem(raw: bytes, expected: str) -> None:
    release, problems = read_bytes(raw, "seeds/bad.docx", PARIS)
    assert release is None
    [problem] = problems
    assert str(problem).startswith("seeds/bad.docx:1: ") and expected in str(problem)


def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_bomb())
    read = read_file(path, PARIS, "seeds/bomb.docx")
    assert read.release is None
    assert [str(p) for p in read.problems] == [
        "seeds/bomb.docx:1: the Word document unpacks to 257 MB (limit 256 MB); not read; "
        "remove large embedded files, or export the text"
    ]


def test_a_documents_lines_are_its_paragraphs(tmp_path: Path) -> None:
    """What the preview shows beside a review note's line: the paragraph it counts."""
    raw = write_docx(tmp_path / "tram.docx", TRAM).read_bytes()
    release, _ = read_bytes(raw, "seeds/tram.docx", PARIS)
    assert release is not None
    lines = source_lines(raw, "seeds/tram.docx")
    assert lines[release.source.line - 1] == release.title
    assert lines[release.quotes[0].line - 1].startswith("Le chantier a mobilisé")
    assert source_lines(b"not a zip", "seeds/bad.docx") == []
    assert source_lines(b"Titre\nLe 3/2/2026\n", "seeds/a.txt") == ["Titre", "Le 3/2/2026"]
