"""The ready-to-send .eml: multipart/alternative, the plain-text part then the HTML.

The bytes the standard library's ``email`` package writes (``EmailMessage`` with the
SMTP policy: CRLF line ends, folded headers, RFC 2047 for non-ASCII words; each part in
quoted-printable or base64, whichever is shorter, ``transfer_encoded``): the package
parses and folds every header, and ``build_eml`` frames the parts as its generator does.
The message is reproducible: its boundary and Message-ID come from the HTML's sha256,
its Date from the digest's send slot (``newsletter.send_at``);
``pressroom send`` stamps both anew.
"""

from __future__ import annotations

import binascii
import hashlib
from email.header import Header
from email.parser import BytesHeaderParser
from email.policy import EmailPolicy, default
from email.utils import format_datetime, parseaddr
from functools import lru_cache
from typing import Any

from pressroom.compose.digest import Digest
from pressroom.config import Newsletter
from pressroom.render.digest import RenderedDigest
from pressroom.text.encoding import ascii_slug


class _RememberingPolicy(EmailPolicy):
    """The SMTP policy (CRLF, folded headers), remembering how it parsed and folded each
    header value: every week's message carries the same From, To, List-Id, List-Unsubscribe
    and part headers, and parsing and folding them was most of an .eml's time
    (docs/performance.md, "Digest"). Header objects are immutable strings, so sharing them
    between messages changes no byte (a test compares with ``email.policy.SMTP``)."""

    def header_store_parse(self, name: str, value: Any) -> tuple[str, str]:
        return _parsed(self, name, value)

    def fold_binary(self, name: str, value: Any) -> bytes:
        return _folded(self, name, value)

    def header_max_count(self, name: str) -> int | None:
        return _max_count(self, name)


@lru_cache(maxsize=512)
def _parsed(policy: EmailPolicy, name: str, value: Any) -> tuple[str, str]:
    return EmailPolicy.header_store_parse(policy, name, value)


@lru_cache(maxsize=512)
def _folded(policy: EmailPolicy, name: str, value: Any) -> bytes:
    return EmailPolicy.fold_binary(policy, name, value)


@lru_cache(maxsize=64)
def _max_count(policy: EmailPolicy, name: str) -> int | None:
    return EmailPolicy.header_max_count(policy, name)


POLICY = _RememberingPolicy(linesep="\r\n")
"""``email.policy.SMTP``, with the memory above."""


def build_eml(digest: Digest, rendered: RenderedDigest, newsletter: Newsletter) -> bytes:
    """The message as the email package writes it (``EmailMessage.as_bytes`` with the SMTP
    policy, a test compares them byte for byte). Each header is parsed and folded by the
    package (``POLICY``, once per value); the frame around the two parts, fixed for a
    multipart/alternative of two text parts, is written here with ``transfer_encoded``:
    the package's generator walking the message was half of an .eml's time."""
    html = rendered.html_bytes
    sha = hashlib.sha256(html).hexdigest()[:16]
    boundary = f"=_pressroom_{sha}".encode()
    headers = [
        ("Subject", one_line(digest.subject)),
        ("From", one_line(newsletter.sender)),
        ("To", one_line(newsletter.to)),
        *([("Reply-To", one_line(newsletter.reply_to))] if newsletter.reply_to else []),
        ("Date", format_datetime(digest.sent_at)),
        ("Message-ID", f"<digest-{digest.week}-{sha}@{sender_domain(newsletter.sender)}>"),
        ("List-Id", list_id(newsletter)),
        ("List-Unsubscribe", list_unsubscribe(newsletter)),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("MIME-Version", "1.0"),
        ("Content-Type", f'multipart/alternative; boundary="{boundary.decode()}"'),
    ]
    pieces = [POLICY.fold_binary(*POLICY.header_store_parse(n, v)) for n, v in headers]
    pieces[0] = _reads_back(pieces[0], headers[0][1])
    pieces.append(b"\r\n")
    for content, subtype in ((rendered.text.encode(), b"plain"), (html, b"html")):
        cte, body = transfer_encoded(content)
        pieces += [b"--", boundary, b"\r\n", _PART_HEADERS % (subtype, cte), body]
        pieces.append(b"\r\n")
    pieces += [b"--", boundary, b"--\r\n"]
    return b"".join(pieces)


def _reads_back(folded: bytes, value: str) -> bytes:
    """The folded Subject, or, where the package's folding loses a space (a space that
    falls where it splits an encoded word in two: whitespace between two encoded words
    is dropped on reading, RFC 2047), the same value encoded by ``email.header.Header``,
    whose encoded words hold their spaces."""
    if b"=?" not in folded or b"\r\n " not in folded:
        return folded  # on one line, or not encoded: nothing split
    parsed = BytesHeaderParser(policy=default).parsebytes(folded + b"\r\n")["Subject"]
    if " ".join(str(parsed).split()) == " ".join(value.split()):
        return folded
    encoded = Header(value, "utf-8", header_name="Subject").encode(linesep="\r\n")
    return b"Subject: " + encoded.encode("ascii") + b"\r\n"


_PART_HEADERS = b'Content-Type: text/%s; charset="utf-8"\r\nContent-Transfer-Encoding: %s\r\n\r\n'


def transfer_encoded(data: bytes) -> tuple[bytes, bytes]:
    """A text part's Content-Transfer-Encoding and body as sent: quoted-printable or base64,
    whichever is shorter (base64 adds a third to any text; quoted-printable, about a tenth to
    the digest's HTML and far more to text in a non-Latin script). The one measure of a part
    as sent: the Gmail clip check (``render.checks``) reads it."""
    text = _crlf_lines(data)
    qp = _quoted_printable(text)
    characters = -(-len(text) // 3) * 4
    if len(qp) <= characters + 2 * -(-characters // 76):  # the length of _base64(text)
        return b"quoted-printable", qp
    return b"base64", _base64(text)


def quoted_printable_body(data: bytes) -> bytes:
    """A text part's body in quoted-printable (RFC 2045): CRLF line ends, lines of at most
    76 characters with a soft break, trailing spaces encoded; it decodes to the text's lines
    joined by CRLF (a property test reads it back with the email package)."""
    return _quoted_printable(_crlf_lines(data))


def base64_body(data: bytes) -> bytes:
    """A text part's body as ``set_content(..., cte="base64")`` and the SMTP policy write
    it: the lines joined by CRLF, in base64 lines of 76 characters (57 bytes), each ending
    in CRLF (a property test compares with the email package, which frames it 57 bytes at
    a time and writes it line by line: most of an .eml's time, docs/performance.md)."""
    return _base64(_crlf_lines(data))


def _crlf_lines(data: bytes) -> bytes:
    return b"\r\n".join(data.splitlines()) + b"\r\n"


def _quoted_printable(text: bytes) -> bytes:
    """``binascii.b2a_qp``, not the email package's ``quoprimime``: that one writes lines of
    78 characters (its policy's header limit, not RFC 2045's 76) and took 1 ms of a 20-story
    digest's 3.2 ms. It writes a line of 77 when the line's last character is an encoded
    space (``=20``) at the limit: such a line is broken again, never inside an escape."""
    encoded = binascii.b2a_qp(text, istext=True)
    lines = encoded.split(b"\r\n")
    if all(len(line) <= _QP_LINE for line in lines):
        return encoded
    return b"\r\n".join(b"\r\n".join(_soft_broken(line)) for line in lines)


def _soft_broken(line: bytes) -> list[bytes]:
    pieces: list[bytes] = []
    while len(line) > _QP_LINE:
        cut = _QP_LINE - 1  # room for the soft break's "="
        cut -= 2 if line[cut - 2 : cut - 1] == b"=" else 1 if line[cut - 1 : cut] == b"=" else 0
        pieces.append(line[:cut] + b"=")
        line = line[cut:]
    return [*pieces, line]


_QP_LINE = 76


def _base64(text: bytes) -> bytes:
    encoded = binascii.b2a_base64(text, newline=False)
    return b"\r\n".join([encoded[at : at + 76] for at in range(0, len(encoded), 76)]) + b"\r\n"


def list_id(newsletter: Newsletter) -> str:
    """``"Name" <name-slug.sender-domain>`` (RFC 2919), or the configured identifier."""
    identifier = (
        newsletter.list_id
        or f"{ascii_slug(newsletter.name) or 'digest'}.{sender_domain(newsletter.sender)}"
    )
    return f"{one_line(newsletter.name)} <{one_line(identifier)}>"


def list_unsubscribe(newsletter: Newsletter) -> str:
    """The unsubscribe link as written in the config: a sending service's per-recipient
    merge tag in it (``*|UNSUB|*``, ``{{ unsubscribe_url }}``...) is passed through, for the
    service to replace for each recipient (RFC 8058 one-click needs one URL per person)."""
    targets = [f"<{one_line(newsletter.unsubscribe_url)}>"]
    if newsletter.unsubscribe_mailto:
        targets.append(f"<mailto:{one_line(newsletter.unsubscribe_mailto)}?subject=unsubscribe>")
    return ", ".join(targets)


def one_line(value: str) -> str:
    """No header injection: a value never carries a line break."""
    return " ".join(value.split())


@lru_cache(maxsize=64)
def sender_domain(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or "pressroom.invalid"
