"""A test send: a built week's .eml to one address or more over SMTP."""

from __future__ import annotations

import smtplib
import ssl
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, formataddr, make_msgid

from pressroom.config.checks import parse_addresses
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


class SendFailed(Exception):
    """The server could not be reached or refused the message; the text says why."""
