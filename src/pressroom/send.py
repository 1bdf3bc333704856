"""A test send: a built week's .eml to one address over SMTP."""

from __future__ import annotations

import smtplib
import ssl
from email import message_from_bytes
from email.policy import default
from email.utils import make_msgid, parseaddr

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
    """Send a built .eml as a test to one address; returns the Message-ID sent."""
    message = message_from_bytes(eml, policy=default)
    del message["To"]
    message["To"] = one_line(to)
    del message["Message-ID"]
    message["Message-ID"] = make_msgid(domain=sender_domain(str(message["From"])))
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


class SendFailed(Exception):
    """The server could not be reached or refused the message; the text says why."""
