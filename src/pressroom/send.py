"""A test send: a built week's .eml to one address over SMTP."""

from __future__ import annotations

import smtplib
import ssl
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, make_msgid, parseaddr

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
) -> str:
    """Send a built .eml as a test to one address; returns the Message-ID sent.

    The message is dated now and gets a fresh Message-ID: a digest built on Friday and
    sent on Monday must not read as four days old (spam filters and inboxes sort by Date).
    """
    message = stamped(eml, datetime.now(UTC))
    del message["To"]
    message["To"] = one_line(to)
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if user:
                smtp.login(user, password or "")
            smtp.send_message(message, to_addrs=[parseaddr(to)[1]])
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailed(str(exc)) from exc
    return str(message["Message-ID"])


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
