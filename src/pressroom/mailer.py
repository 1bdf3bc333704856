"""The ready-to-send .eml and a test send over SMTP."""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid, parseaddr

from pressroom.config import Newsletter
from pressroom.digest import Digest, RenderedDigest


def build_eml(digest: Digest, rendered: RenderedDigest, newsletter: Newsletter) -> bytes:
    """multipart/alternative, UTF-8; Date and Message-ID derive from the content (reproducible).

    Built with the compat32 classes: the modern header registry re-parses and refolds every
    header and made this the slowest step of a week's build.
    """
    message = MIMEMultipart("alternative")
    message["Subject"] = Header(_one_line(digest.subject), "utf-8", header_name="Subject").encode()
    message["From"] = _address(newsletter.sender)
    message["To"] = _address(newsletter.to)
    if newsletter.reply_to:
        message["Reply-To"] = _address(newsletter.reply_to)
    newest = max(s.release.date for s in (digest.lead, *digest.stories))
    message["Date"] = format_datetime(newest)
    digest_hash = hashlib.sha256(rendered.html.encode()).hexdigest()[:16]
    message.set_boundary(f"=_pressroom_{digest_hash}")  # reproducible, byte for byte
    message["Message-ID"] = f"<digest-{digest.week}-{digest_hash}@{_domain(newsletter.sender)}>"
    targets = [f"<{_one_line(digest.unsubscribe_url)}>"]
    if newsletter.unsubscribe_mailto:
        targets.append(f"<mailto:{_one_line(newsletter.unsubscribe_mailto)}?subject=unsubscribe>")
    message["List-Unsubscribe"] = ", ".join(targets)
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # base64 for both parts: safe for every server, and encoded in C (quoted-printable is not)
    message.attach(MIMEText(rendered.text, "plain", "utf-8"))
    message.attach(MIMEText(rendered.html, "html", "utf-8"))
    return message.as_bytes()


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
