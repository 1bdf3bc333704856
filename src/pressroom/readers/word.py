"""A Word release (.docx): mammoth reads the document into HTML (headings, bold, links,
lists), and its blocks become paragraph lines for the text reader (``document.py``).

The zip's directory is checked before anything is decompressed: an XML part may not be
larger than ``MAX_PART`` once uncompressed (and zipfile never gives more bytes than the
directory states), nor the whole more than ``MAX_UNCOMPRESSED``; an XML part that declares
a DTD (whose entities could expand a kilobyte into gigabytes) is refused. Images are never read
(the release states its picture in an ``assets/`` file); headers, footers and comments
are not part of the text mammoth gives.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from pressroom.errors import RecordError
from pressroom.readers.document import Document, check_size, joined, no_text, paragraph

MAX_PART = 2 * 1024 * 1024
"""An XML part's size once uncompressed: a long release's document.xml is a few hundred
kilobytes; mammoth reads about a megabyte in 5 s (100,000 paragraphs, 7 MB: 38 s, 290 MB)."""
MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_ENTRIES = 4096
_STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD_RANK = 7
_TITLE_RANK = 0
_CONTAINERS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "div"})
_NOTE_LINKS = ("#footnote-", "#endnote-", "#comment-")


def read_docx(raw: bytes, name: str) -> Document:
    """A .docx file's paragraphs; raises RecordError for what cannot be read."""
    check_size(raw, "the Word")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise RecordError(
            1,
            "not a Word document pressroom can read: the file is not a .docx zip "
            "(an older .doc, a password-protected or a damaged document)",
            "save it from Word as .docx without a password",
        ) from exc
    try:
        with archive:
            _check_directory(archive)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise RecordError(
            1,
            f"the Word document's zip is damaged ({type(exc).__name__}: {str(exc)[:120]})",
            "open it in Word and save it again as .docx",
        ) from exc
    html = _html(raw)
    lines, ranked = _lines(html)
    return Document(joined(lines), tuple(line for _, line in sorted(ranked)))


def _check_directory(archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise RecordError(
            1,
            f"the Word document holds {len(entries)} parts (limit {MAX_ENTRIES}); not read",
            "save the document again from Word, or export its text",
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED:
        raise RecordError(
            1,
            f"the Word document unpacks to {total / 1024 / 1024:.0f} MB "
            f"(limit {MAX_UNCOMPRESSED // 1024 // 1024} MB); not read",
            "remove large embedded files, or export the text",
        )
    for entry in entries:
        if not entry.filename.endswith((".xml", ".rels")):
            continue
        if entry.file_size > MAX_PART:
            raise RecordError(
                1,
                f"the Word document's part {entry.filename} unpacks to "
                f"{entry.file_size / 1024 / 1024:.1f} MB (limit {MAX_PART // 1024 // 1024} MB); "
                "not read",
                "split the release, or export its text",
            )
        if b"<!DOCTYPE" in archive.read(entry):  # entities that expand: never from Word
            raise RecordError(
                1,
                f"the Word document's part {entry.filename} declares a DTD, which Word never "
                "writes; not read",
                "open it in Word and save it again as .docx",
            )
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise no_text(
            "the Word", "the zip holds no word/document.xml", "save it from Word as .docx"
        )


def _html(raw: bytes) -> str:
    """mammoth's HTML, images left out unread. Imported here: only .docx files need it."""
    import mammoth

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(raw), style_map=_STYLE_MAP, convert_image=lambda image: []
        )
    except Exception as exc:  # a malformed part: mammoth raises what its parsers raise
        raise RecordError(
            1,
            f"the Word document cannot be read ({type(exc).__name__}: {str(exc)[:120]})",
            "open it in Word and save it again as .docx",
        ) from exc
    return str(result.value)


def _lines(html: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The HTML's blocks as lines, and (rank, line) for the lines that may be the title."""
    import lxml.html

    lines: list[str] = []
    ranked: list[tuple[int, int]] = []
    if not html.strip():
        return lines, ranked
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    for note in root.xpath("//sup[a] | //li[@id]"):
        links = [a.get("href", "") for a in note.iter("a")]
        if note.tag == "li" or any(link.startswith(_NOTE_LINKS) for link in links):
            note.drop_tree()  # footnote marks and the notes: not the release's prose

    def visit(element: Any) -> None:
        tag = element.tag
        if tag in _HEADINGS or tag == "p":
            text = paragraph(_text(element))
            if not text:
                return
            lines.append(text)
            if tag in _HEADINGS:
                rank = _TITLE_RANK if "title" in element.get("class", "") else _HEADINGS[tag]
                ranked.append((rank, len(lines)))
            elif _all_bold(element, text):
                ranked.append((_BOLD_RANK, len(lines)))
        elif tag in ("ul", "ol"):
            for item in element.iter("li"):
                text = paragraph(_text(item))
                if text:
                    lines.append(f"• {text}")
        elif tag in _CONTAINERS:
            for child in element:
                visit(child)

    for child in root:
        visit(child)
    return lines, ranked


def _text(element: Any) -> str:
    """An element's text, without the lists inside it (a list item's own words)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("ul", "ol"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _all_bold(element: Any, text: str) -> bool:
    bold = "".join(_text(strong) for strong in element.iter("strong"))
    return paragraph(bold) == text
