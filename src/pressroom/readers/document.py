"""Word and PDF releases: a document's paragraphs as text, one paragraph a line, for the
text reader (``text.read_text``) to find the title, the date and the quotations as it does
in a scraped page. A problem's line is the paragraph's number in the document (empty
paragraphs, page headers, footers and numbers not counted).

A document is bounded before it is read: its size here, a .docx's parts from the zip's
directory (``word.py``) and a PDF's pages (``pdf.py``). What cannot be read (no text layer,
a password, a broken file) is a ``RecordError`` naming the reason.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pressroom.errors import Problem, RecordError
from pressroom.readers.decode import MAX_BYTES
from pressroom.text.spaces import collapse

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""A Word or PDF file's size limit (a PDF with its photographs; the text it gives is
bounded like any release's, ``decode.MAX_BYTES``)."""
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text, one paragraph a line (list items start with ``• ``), and the
    lines that look like its title, most likely first (Word's Title and heading styles,
    a PDF's largest type): the text reader takes the first that a title can be."""

    text: str
    title_lines: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()


Extractor = Callable[[bytes, str], Document]
"""A file's bytes and its name (for the problems) to its ``Document``; raises RecordError."""


def paragraph(text: str) -> str:
    """A paragraph as one line: spaces collapsed, ligatures spelt out, NFC."""
    return collapse(unicodedata.normalize("NFC", text.translate(_LIGATURES)))


def check_size(raw: bytes, kind: str) -> None:
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise RecordError(
            1,
            f"{kind} file is {len(raw) / 1024 / 1024:.1f} MB, over the "
            f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MB limit for a release",
            "compress its images or export the text alone",
        )


def no_text(kind: str, why: str, hint: str) -> RecordError:
    return RecordError(1, f"{kind} file has no text pressroom can read ({why})", hint)


def joined(lines: list[str]) -> str:
    """Paragraph lines as the text reader takes them; an empty document is an error."""
    if not lines:
        raise RecordError(1, "the document holds no text", "add the release text")
    text = "\n".join(lines) + "\n"
    if len(text) > MAX_BYTES:
        raise RecordError(
            1,
            f"the document's text is {len(text) / 1024 / 1024:.1f} MB, over the "
            f"{MAX_BYTES // 1024 // 1024} MB limit for a release",
            "split it into releases",
        )
    return text
