"""A test send: a built week's .eml to one address or more over SMTP."""

from __future__ import annotations

import re
import smtplib
import ssl
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, formataddr, getaddresses, make_msgid

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
) -> str:
    """Send a built .eml as a test to ``to`` (one address or more, ``parse_recipients``);
    returns the Message-ID sent. A login (``user``) needs ``starttls`` unless
    ``insecure_auth`` (a local test server): ValueError otherwise.

    The message is dated now and gets a fresh Message-ID: a digest built on Friday and
    sent on Monday must not read as four days old (spam filters and inboxes sort by Date).
    """
    recipients = parse_recipients(to)
    if user and not starttls and not insecure_auth:
        raise ValueError("an SMTP login without TLS sends the password in clear")
    message = stamped(eml, datetime.now(UTC))
    del message["To"]
    message["To"] = ", ".join(formataddr(r) for r in recipients)
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if user:
                smtp.login(user, password or "")
            smtp.send_message(message, to_addrs=[address for _, address in recipients])
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailed(str(exc)) from exc
    return str(message["Message-ID"])


_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+")


def parse_recipients(to: str) -> list[tuple[str, str]]:
    """``Name <a@b.org>, c@d.org`` as (name, address) pairs, the same for the ``To``
    header and the envelope; ValueError when any part is not an address (or none is)."""
    text = one_line(to)
    parts = [part for part in getaddresses([text]) if part != ("", "")]
    if not parts or not all(_ADDRESS.fullmatch(address) for _, address in parts):
        raise ValueError(f"{to!r} is not a list of email addresses")
    if len(parts) != text.count("@"):  # an address the parser dropped or merged
        raise ValueError(f"{to!r} is not a list of email addresses")
    return parts


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
