"""The ready-to-send .eml: multipart/alternative, the plain-text part then the HTML."""

from __future__ import annotations

import base64
import hashlib
from email.policy import compat32
from email.utils import format_datetime, formataddr, parseaddr
from functools import lru_cache

from pressroom.compose.digest import Digest
from pressroom.config import Newsletter
from pressroom.render.digest import RenderedDigest


def build_eml(digest: Digest, rendered: RenderedDigest, newsletter: Newsletter) -> bytes:
    """multipart/alternative, UTF-8; Date and Message-ID derive from the content (reproducible).

    The email package writes the headers that come from the config, once per build; the
    subject is encoded here (RFC 2047, see ``encode_subject``) and the two base64 parts are
    framed in one pass: the same bytes as the email package's generator, which writes them
    line by line, several times slower (tests compare the two).
    """
    html = rendered.html_bytes
    digest_hash = hashlib.sha256(html).hexdigest()[:16]
    boundary = f"=_pressroom_{digest_hash}"  # reproducible, byte for byte
    newest = max(s.release.date for s in (digest.lead, *digest.stories))
    message_id = f"<digest-{digest.week}-{digest_hash}@{sender_domain(newsletter.sender)}>"
    headers = (
        f'Content-Type: multipart/alternative; boundary="{boundary}"\n'
        "MIME-Version: 1.0\n"
        f"Subject: {encode_subject(digest.subject)}\n"
        f"{_newsletter_headers(newsletter)}"
        f"Date: {format_datetime(newest)}\n"
        + _folded("Message-ID", message_id)
        + _list_headers(newsletter)
        + "\n"  # the blank line that ends the headers
    )
    # base64 for both parts: safe for every server, and encoded in C
    pieces = [headers.encode()]
    for subtype, body in (("plain", rendered.text.encode()), ("html", html)):
        pieces += [
            f"--{boundary}\n{_PART_HEADERS.format(subtype=subtype)}\n".encode(),
            _base64_lines(body),
            b"\n",
        ]
    pieces.append(f"--{boundary}--\n".encode())
    return b"".join(pieces)


_PART_HEADERS = (
    'Content-Type: text/{subtype}; charset="utf-8"\n'
    "MIME-Version: 1.0\n"
    "Content-Transfer-Encoding: base64\n"
)
_BASE64_LINE = 76
_WORD_TEXT = 57
"""Characters of Q-encoded text in one encoded word: with ``=?utf-8?q?`` and ``?=`` a
word is 69 characters, so a folded subject line stays within 78 (RFC 5322)."""
_Q_LITERAL = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def encode_subject(subject: str) -> str:
    """The subject on one line if it is short plain ASCII, else as RFC 2047 Q-encoded words
    (readable in the raw message; a character is never split), one per folded line."""
    subject = one_line(subject)
    if subject.isascii() and len("Subject: ") + len(subject) <= 78 and "=?" not in subject:
        return subject
    words: list[str] = []
    word = ""
    for char in subject:
        encoded = _q_encoded(char)
        if len(word) + len(encoded) > _WORD_TEXT:
            words.append(f"=?utf-8?q?{word}?=")
            word = ""
        word += encoded
    words.append(f"=?utf-8?q?{word}?=")
    return "\n ".join(words)


@lru_cache(maxsize=1024)
def _q_encoded(char: str) -> str:
    """One character as Q-encoded text (RFC 2047): its UTF-8 bytes, never split."""
    return "".join(
        chr(byte) if byte in _Q_LITERAL else "_" if byte == 0x20 else f"={byte:02X}"
        for byte in char.encode()
    )


def _base64_lines(data: bytes) -> bytes:
    """What base64.encodebytes writes (76-character lines), from one C call and slices."""
    encoded = base64.b64encode(data)
    lines = [encoded[i : i + _BASE64_LINE] for i in range(0, len(encoded), _BASE64_LINE)]
    return b"\n".join([*lines, b""]) if lines else b""  # a newline after each line


@lru_cache(maxsize=4)
def _newsletter_headers(newsletter: Newsletter) -> str:
    """From, To and Reply-To: the same for every week, so written once per build."""
    addresses = [("From", newsletter.sender), ("To", newsletter.to)]
    if newsletter.reply_to:
        addresses.append(("Reply-To", newsletter.reply_to))
    return "".join(_folded(name, _address(value)) for name, value in addresses)


@lru_cache(maxsize=4)
def _list_headers(newsletter: Newsletter) -> str:
    targets = [f"<{one_line(newsletter.unsubscribe_url)}>"]
    if newsletter.unsubscribe_mailto:
        targets.append(f"<mailto:{one_line(newsletter.unsubscribe_mailto)}?subject=unsubscribe>")
    return _folded("List-Unsubscribe", ", ".join(targets)) + (
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"
    )


def _folded(name: str, value: str) -> str:
    """One header line, folded by the email package when it is long."""
    line = f"{name}: {value}\n"
    return line if len(line) <= 79 else compat32.fold(name, value)


def _address(value: str) -> str:
    name, address = parseaddr(one_line(value))
    return formataddr((name, address), charset="utf-8") if address else one_line(value)


def one_line(value: str) -> str:
    """No header injection: a value never carries a line break."""
    return " ".join(value.split())


@lru_cache(maxsize=4)
def sender_domain(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or "pressroom.invalid"
