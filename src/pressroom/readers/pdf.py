"""A PDF release with a text layer: pdfminer.six's layout analysis gives each page's text
boxes and where they stand; they become paragraph lines for the text reader
(``document.py``).

What a page layout adds to the text is taken out: a header or a footer repeated on two
pages or more (its digits aside: "Page 2 / 3"), a page number alone, a word hyphenated at
the end of a line (joined; its hyphen kept when the document spells it with one
elsewhere, as "porte-parole"), lines of one paragraph (joined). A paragraph that runs on
to the next page is joined by the text reader, as a hard-wrapped line is. The title
hints are the largest type on the first page. Only the first ``MAX_PAGES`` pages are read.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex

from pressroom.errors import Problem, RecordError, Severity
from pressroom.readers.document import Document, check_size, joined, no_text, paragraph

MAX_PAGES = 40
"""Pages read: a release is a page or three; the rest of a long report is left out."""
BAND = 0.1
"""The top and bottom tenth of a page, where headers, footers and page numbers stand."""
TITLE_SIZE = 1.15
"""Type this much larger than the body's is a title's."""
_PAGE_NUMBER = regex.compile(
    r"^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:/|sur|of|de)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
    regex.I,
)
_DIGITS = regex.compile(r"\d+")
_HYPHENATED = regex.compile(r"(\p{L}+)[-\u00ad\u2010]$")
_NEXT_WORD = regex.compile(r"^(\p{Ll}[\p{L}]*)")
_SENTENCE_END = (".", "!", "?", ":", "»", "”", '"', "…")
_SHORT_LINE = 0.75
"""A line this far short of the column's width may end its paragraph."""
_UNMAPPED = "(cid:"


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    width: float
    size: float
    """The type size most of its letters are set in."""


@dataclass(frozen=True, slots=True)
class _Box:
    page: int
    top: float
    bottom: float
    lines: tuple[_Line, ...]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def read_pdf(raw: bytes, name: str) -> Document:
    """A PDF's paragraphs; raises RecordError for what cannot be read."""
    check_size(raw, "the PDF")
    if not raw.lstrip()[:5] == b"%PDF-":
        raise RecordError(
            1, "not a PDF file (it does not start with %PDF-)", "export it as PDF again"
        )
    pages, heights = _boxes(raw)
    read = pages[:MAX_PAGES]
    boxes = _without_page_furniture(read, heights)
    problems = []
    if len(pages) > MAX_PAGES:
        problems.append(
            Problem(
                name,
                1,
                f"only the first {MAX_PAGES} pages of the PDF were read",
                "a release is a few pages: split the document, or leave out its annexes",
                Severity.WARNING,
            )
        )
    if not any(box.lines for box in boxes):
        raise no_text(
            "the PDF",
            "no text layer: a scan or an image",
            "export the PDF from the text editor, or run it through OCR",
        )
    text = " ".join(box.text for box in boxes)
    if text.count(_UNMAPPED) * 20 > len(text.split()):
        raise no_text(
            "the PDF",
            "its fonts do not say which letters they draw",
            "export the PDF again with fonts embedded as text, or save the release as .docx",
        )
    spelt = frozenset(regex.findall(r"\p{L}+-\p{L}+", text.lower()))
    lines: list[str] = []
    hints: list[tuple[float, int]] = []
    body_size, column = _body_size_and_column(boxes)
    for box in boxes:
        for words, size in _paragraphs(box, column, body_size, spelt):
            line = paragraph(words)
            if not line:
                continue
            lines.append(line)
            if box.page == 0 and size >= body_size * TITLE_SIZE:
                hints.append((-size, len(lines)))
    return Document(joined(lines), tuple(line for _, line in sorted(hints)), tuple(problems))


def _boxes(raw: bytes) -> tuple[list[list[_Box]], list[float]]:
    """Each page's text boxes, pdfminer's reading order; imported here: only PDFs need it."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError

    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # pressroom says what is wrong
    pages: list[list[_Box]] = []
    heights: list[float] = []
    try:
        for number, page in enumerate(
            extract_pages(io.BytesIO(raw), maxpages=MAX_PAGES + 1, laparams=LAParams())
        ):
            heights.append(float(page.height))
            pages.append(
                [_box(number, element) for element in page if isinstance(element, LTTextContainer)]
            )
    except PDFEncryptionError as exc:
        raise no_text(
            "the PDF",
            "it is encrypted with a password",
            "export it again without a password to open it",
        ) from exc
    except Exception as exc:  # a damaged file: pdfminer raises what its parsers raise
        raise RecordError(
            1,
            f"the PDF cannot be read ({type(exc).__name__}: {str(exc)[:120]})",
            "export it as PDF again, or save the release as .docx",
        ) from exc
    return pages, heights


def _box(page: int, element: Any) -> _Box:
    lines: list[_Line] = []
    for line in element:
        text = line.get_text().strip() if hasattr(line, "get_text") else ""
        if not text:
            continue
        sizes: Counter[float] = Counter(
            round(float(char.size), 1) for char in line if getattr(char, "size", None)
        )
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        lines.append(_Line(text, float(line.width), size))
    return _Box(page, float(element.y1), float(element.y0), tuple(lines))


def _without_page_furniture(pages: list[list[_Box]], heights: list[float]) -> list[_Box]:
    """The boxes less the headers and footers repeated on two pages or more and the page
    numbers, in the top or bottom band of their page."""

    def in_band(box: _Box) -> bool:
        height = heights[box.page]
        return box.bottom >= height * (1 - BAND) or box.top <= height * BAND

    def key(box: _Box) -> str:
        return _DIGITS.sub("#", box.text.lower())

    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({key(box) for box in page if in_band(box)})
    kept: list[_Box] = []
    for page in pages:
        for box in page:
            if in_band(box) and (seen[key(box)] >= 2 or _PAGE_NUMBER.match(box.text)):
                continue
            kept.append(box)
    return kept


def _body_size_and_column(boxes: list[_Box]) -> tuple[float, float]:
    """The type size of most of the text, and the width of the text's column (a long
    line's: the ninth decile of the lines' widths)."""
    sizes: Counter[float] = Counter()
    widths: list[float] = []
    for box in boxes:
        for line in box.lines:
            sizes[line.size] += len(line.text)
            widths.append(line.width)
    widths.sort()
    column = widths[len(widths) * 9 // 10] if widths else 0.0
    return (sizes.most_common(1)[0][0] if sizes else 0.0), column


def _paragraphs(
    box: _Box, column: float, body_size: float, spelt: frozenset[str]
) -> list[tuple[str, float]]:
    """A box's lines joined into paragraphs, each with its type size, a hyphenated word
    made whole (``_ends_paragraph`` says where one ends)."""
    found: list[tuple[str, float]] = []
    current = ""
    for index, line in enumerate(box.lines):
        current = _join(current, line.text, spelt) if current else line.text
        after = box.lines[index + 1] if index + 1 < len(box.lines) else None
        if after is None or _ends_paragraph(line, after, column, body_size):
            found.append((current, line.size))
            current = ""
    return found


def _ends_paragraph(line: _Line, after: _Line, column: float, body_size: float) -> bool:
    """A change of type size ends a paragraph; so does a short line of the body's type
    that ends a sentence or that a capital follows (a title in larger type, wrapped on
    two lines, stays one however its lines fall)."""
    if abs(after.size - line.size) > max(line.size, after.size) * 0.1:
        return True
    if line.width >= column * _SHORT_LINE or line.size > body_size * 1.05:
        return False
    return line.text.endswith(_SENTENCE_END) or not after.text[0].islower()


def _join(before: str, line: str, spelt: frozenset[str]) -> str:
    """Two lines of a paragraph: "commu-" and "nication" make "communication"; "porte-"
    and "parole" stay "porte-parole" when the text spells it so elsewhere."""
    if before.endswith("\u00ad"):
        return before[:-1] + line
    head = _HYPHENATED.search(before)
    if head is None:
        return f"{before} {line}"
    tail = _NEXT_WORD.match(line)
    if tail is None:  # "Saint-" and "Étienne", "2025-" and "2026": the hyphen is the word's
        return before + line
    if f"{head.group(1)}-{tail.group(1)}".lower() in spelt:
        return before + line
    return before[: head.end(1)] + line
