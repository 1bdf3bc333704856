"""Bytes to text: BOMs, UTF-8, Windows-1252 and line endings, decided once for every reader."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from pressroom.errors import Problem, RecordError, Severity
from pressroom.text.encoding import has_mojibake, repair_mojibake

MAX_BYTES = 5 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # controls but tab, LF, FF, CR


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repaired: bool = False
    """Whether mojibake (``RÃ©gion``) was found and repaired."""

    @property
    def is_legacy(self) -> bool:
        return self.encoding in ("windows-1252", "utf-8 and windows-1252")


def decode(raw: bytes) -> Decoded:
    """Decode a release file; raises RecordError for what is not text at all."""
    if len(raw) > MAX_BYTES:
        raise RecordError(
            1,
            f"file is {len(raw) / 1024 / 1024:.1f} MB, over the 5 MB limit for a release",
            "split it or remove embedded data",
        )
    if not raw.strip():
        raise RecordError(1, "file is empty", "add the release text or delete the file")
    text, encoding = _decode_bytes(raw)
    if _looks_binary(text):
        raise RecordError(1, "file is binary, not text", "export the release as .txt, .md or .yaml")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired = has_mojibake(text)
    if repaired:
        fixed = repair_mojibake(text)
        repaired = fixed != text
        text = fixed
    return Decoded(unicodedata.normalize("NFC", text), encoding, repaired)


def _decode_bytes(raw: bytes) -> tuple[str, str]:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as exc:
                raise RecordError(
                    1, f"file starts with a {name} mark but is not {name}", "save it again as UTF-8"
                ) from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise RecordError(1, "file is binary, not text", "export the release as .txt, .md or .yaml")
    lines = raw.split(b"\n")
    utf8 = sum(1 for line in lines if _is_utf8(line) and not line.isascii())
    if utf8:  # some lines UTF-8, others not: each line decoded as what it is
        return "\n".join(_line(line) for line in lines), "utf-8 and windows-1252"
    # Windows-1252 leaves five bytes undefined; map them as Latin-1 rather than fail.
    return raw.decode("windows-1252", errors="replace").replace("\ufffd", ""), "windows-1252"


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line(line: bytes) -> str:
    if _is_utf8(line):
        return line.decode("utf-8")
    return line.decode("windows-1252", errors="replace").replace("\ufffd", "")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    return "\x00" in sample or controls > max(2, len(sample) // 100)


def removed_characters(path: str, lines: tuple[int, ...]) -> Problem:
    """The warning for control characters and non-characters removed on ``lines``."""
    others = ", ".join(map(str, lines[1:6])) + (", ..." if len(lines) > 6 else "")
    more = f" (also on line{'s' if len(lines) > 2 else ''} {others})" if len(lines) > 1 else ""
    return Problem(
        path,
        lines[0],
        f"control characters or non-characters removed{more}",
        "delete them from the file (they break the email)",
        Severity.WARNING,
    )
