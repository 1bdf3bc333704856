"""A test send: a built week's .eml to one address or more over SMTP."""

from __future__ import annotations

import hashlib
import mimetypes
import re
import smtplib
import ssl
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import format_datetime, formataddr, make_msgid
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from pressroom.config.checks import parse_addresses
from pressroom.outbox import ASSETS
from pressroom.render.eml import one_line, sender_domain


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
    insecure_auth: bool = False,
    implicit_tls: bool = False,
) -> str:
    """Send a built .eml as a test to ``to`` (one address or more, ``parse_recipients``);
    returns the Message-ID sent. ``starttls`` upgrades a plain connection; ``implicit_tls``
    speaks TLS from the start (SMTPS, port 465). A login (``user``) needs one of them
    unless ``insecure_auth`` (a local test server): ValueError otherwise. The server's
    certificate is checked against the system's authorities (``SSL_CERT_FILE`` too).

    The message is dated now and gets a fresh Message-ID: a digest built on Friday and
    sent on Monday must not read as four days old (spam filters and inboxes sort by Date).
    """
    recipients = parse_recipients(to)
    if user and not (starttls or implicit_tls) and not insecure_auth:
        raise ValueError("an SMTP login without TLS sends the password in clear")
    message = stamped(eml, datetime.now(UTC))
    del message["To"]
    message["To"] = ", ".join(formataddr(r) for r in recipients)
    try:
        connection = (
            smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
            if implicit_tls
            else smtplib.SMTP(host, port, timeout=timeout)
        )
        with connection as smtp:
            if starttls and not implicit_tls:
                smtp.starttls(context=ssl.create_default_context())
            if user:
                smtp.login(user, password or "")
            smtp.send_message(message, to_addrs=[address for _, address in recipients])
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailed(str(exc)) from exc
    return str(message["Message-ID"])


def parse_recipients(to: str) -> list[tuple[str, str]]:
    """``Name <a@b.org>, c@d.org`` as (name, address) pairs, the same for the ``To``
    header and the envelope; ValueError when any part is not an address (or none is).
    The config's addresses are read by the same rule (``config.checks.parse_addresses``)."""
    try:
        return parse_addresses(one_line(to))
    except ValueError:
        raise ValueError(f"{to!r} is not a list of email addresses") from None


def stamped(eml: bytes, now: datetime) -> EmailMessage:
    """The built message with its Date set to ``now`` and a new Message-ID."""
    message = message_from_bytes(eml, _class=EmailMessage, policy=default)
    del message["Date"]
    message["Date"] = format_datetime(now.astimezone())
    del message["Message-ID"]
    message["Message-ID"] = make_msgid(domain=sender_domain(str(message["From"])))
    return message


_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif"})


def with_embedded_images(eml: bytes, folder: Path, base: str) -> bytes:
    """The built message with the images published under ``base`` (a week's
    ``Newsletter.assets_base``) embedded from the week ``folder``'s copies: the HTML part
    becomes multipart/related, each image a part whose Content-ID its ``cid:`` names, so
    that a test send shows them before they are published. An image without a copy in
    the folder keeps its address; a message without such images is returned as it is."""
    message = message_from_bytes(eml, _class=EmailMessage, policy=default)
    part = message.get_body(("html",))
    if not isinstance(part, EmailMessage):
        return eml
    html = str(part.get_content())
    found: dict[str, tuple[Path, str]] = {}
    for written in set(re.findall(r'src="([^"]+)"', html)):
        url = unescape(written)
        if not url.startswith(base):
            continue
        copy = _copy_in(folder, unquote(url[len(base) :]))
        kind = mimetypes.guess_type(copy.name)[0] if copy else None
        if copy is not None and kind in _IMAGE_TYPES:
            found[written] = (copy, str(kind))
    if not found:
        return eml
    related: list[tuple[bytes, str, str, str]] = []
    for number, (written, (copy, kind)) in enumerate(sorted(found.items()), start=1):
        data = copy.read_bytes()
        cid = f"{number}.{hashlib.sha256(data).hexdigest()[:24]}@pressroom"  # short: unfolded
        html = html.replace(f'src="{written}"', f'src="cid:{cid}"')
        related.append((data, kind, cid, copy.name))
    part.set_content(html, subtype="html", cte="base64")
    for data, kind, cid, name in related:
        maintype, subtype = kind.split("/")
        part.add_related(
            data,
            maintype=maintype,
            subtype=subtype,
            cid=f"<{cid}>",
            filename=name,
            disposition="inline",
        )
    for inner in message.walk():
        if inner is not message:
            del inner["MIME-Version"]  # the email package adds it to the parts it makes
    return message.as_bytes(policy=SMTP)


def _copy_in(folder: Path, name: str) -> Path | None:
    """The week folder's copy of ``assets/NAME``, if it is a file inside its assets/."""
    assets = (folder / ASSETS).resolve()
    try:
        path = (assets / name).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return path if path.is_relative_to(assets) and path.is_file() else None


class SendFailed(Exception):
    """The server could not be reached or refused the message; the text says why."""
