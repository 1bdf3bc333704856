"""The ready-to-send .eml and a test send over SMTP."""

from __future__ import annotations

import base64
import hashlib
import smtplib
import ssl
from email.header import Header
from email.message import Message
from email.utils import format_datetime, formataddr, make_msgid, parseaddr

from pressroom.config import Newsletter
from pressroom.digest import Digest, RenderedDigest


def build_eml(digest: Digest, rendered: RenderedDigest, newsletter: Newsletter) -> bytes:
    """multipart/alternative, UTF-8; Date and Message-ID derive from the content (reproducible).

    The headers come from the email package (compat32: the modern header registry re-parses
    and refolds each one); the two base64 parts are framed here in one pass, the same bytes
    as its generator writes line by line, several times slower (tests compare the two).
    """
    digest_hash = hashlib.sha256(rendered.html.encode()).hexdigest()[:16]
    boundary = f"=_pressroom_{digest_hash}"  # reproducible, byte for byte
    headers = Message()
    headers["Subject"] = Header(_one_line(digest.subject), "utf-8", header_name="Subject").encode()
    headers["From"] = _address(newsletter.sender)
    headers["To"] = _address(newsletter.to)
    if newsletter.reply_to:
        headers["Reply-To"] = _address(newsletter.reply_to)
    newest = max(s.release.date for s in (digest.lead, *digest.stories))
    headers["Date"] = format_datetime(newest)
    headers["Message-ID"] = f"<digest-{digest.week}-{digest_hash}@{_domain(newsletter.sender)}>"
    targets = [f"<{_one_line(digest.unsubscribe_url)}>"]
    if newsletter.unsubscribe_mailto:
        targets.append(f"<mailto:{_one_line(newsletter.unsubscribe_mailto)}?subject=unsubscribe>")
    headers["List-Unsubscribe"] = ", ".join(targets)
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # base64 for both parts: safe for every server, and encoded in C
    parts = b"".join(
        f"--{boundary}\n{_PART_HEADERS.format(subtype=subtype)}\n".encode()
        + base64.encodebytes(body.encode())
        + b"\n"
        for subtype, body in (("plain", rendered.text), ("html", rendered.html))
    )
    container = f'Content-Type: multipart/alternative; boundary="{boundary}"\nMIME-Version: 1.0\n'
    return container.encode() + headers.as_bytes() + parts + f"--{boundary}--\n".encode()


_PART_HEADERS = (
    'Content-Type: text/{subtype}; charset="utf-8"\n'
    "MIME-Version: 1.0\n"
    "Content-Transfer-Encoding: base64\n"
)


def _address(value: str) -> str:
    name, address = parseaddr(_one_line(value))
    return formataddr((name, address), charset="utf-8") if address else _one_line(value)


def _one_line(value: str) -> str:
    """No header injection: a value never carries a line break."""
    return " ".join(value.split())


def _domain(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or "pressroom.invalid"


def send(
    eml: bytes,
    to: str,
    host: str,
    port: int,
    *,
    starttls: bool = False,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 30,
) -> str:
    """Send a built .eml as a test to one address; returns the Message-ID sent."""
    from email import message_from_bytes
    from email.policy import default

    message = message_from_bytes(eml, policy=default)
    del message["To"]
    message["To"] = _one_line(to)
    del message["Message-ID"]
    message["Message-ID"] = make_msgid(domain=_domain(str(message["From"])))
    with smtplib.SMTP(host, port, timeout=timeout) as smtp:
        if starttls:
            smtp.starttls(context=ssl.create_default_context())
        if user:
            smtp.login(user, password or "")
        smtp.send_message(message, to_addrs=[parseaddr(to)[1]])
    return str(message["Message-ID"])
