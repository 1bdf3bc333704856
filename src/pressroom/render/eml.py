"""The ready-to-send .eml: multipart/alternative, the plain-text part then the HTML.

Written with the standard library's ``email`` package (``EmailMessage``, SMTP policy:
CRLF line ends, folded headers, RFC 2047 for non-ASCII words; both parts in base64). The message is
reproducible: its boundary and Message-ID come from the HTML's sha256, its Date from
the digest's send slot (``newsletter.send_at``); ``pressroom send`` stamps both anew.
"""

from __future__ import annotations

import binascii
import hashlib
from email.message import EmailMessage
from email.policy import EmailPolicy
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
    """The message as the email package writes it; each part's body is a stand-in line
    while the package writes, replaced by ``base64_body`` (the same bytes, written at once).
    """
    html = rendered.html_bytes
    sha = hashlib.sha256(html).hexdigest()[:16]
    message = EmailMessage(policy=POLICY)
    message["Subject"] = one_line(digest.subject)
    message["From"] = one_line(newsletter.sender)
    message["To"] = one_line(newsletter.to)
    if newsletter.reply_to:
        message["Reply-To"] = one_line(newsletter.reply_to)
    message["Date"] = format_datetime(digest.sent_at)
    message["Message-ID"] = f"<digest-{digest.week}-{sha}@{sender_domain(newsletter.sender)}>"
    message["List-Id"] = list_id(newsletter)
    message["List-Unsubscribe"] = list_unsubscribe(newsletter)
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["MIME-Version"] = "1.0"
    message.make_alternative()
    bodies: dict[bytes, bytes] = {}
    for content, subtype in ((rendered.text.encode(), "plain"), (html, "html")):
        part = EmailMessage(policy=POLICY)
        part.set_content("", subtype=subtype, charset="utf-8", cte="base64")
        del part["MIME-Version"]  # said once, by the message
        stand_in = f"=_pressroom_{subtype}_{sha}"  # not base64, and no header holds it
        part.set_payload(stand_in + "\n")
        bodies[f"{stand_in}\r\n".encode()] = base64_body(content)
        message.attach(part)
    message.set_boundary(f"=_pressroom_{sha}")
    raw = message.as_bytes()
    for stand_in_line, body in bodies.items():
        raw = raw.replace(stand_in_line, body, 1)
    return raw


def base64_body(data: bytes) -> bytes:
    """A text part's body as ``set_content(..., cte="base64")`` and the SMTP policy write
    it: the lines joined by CRLF, in base64 lines of 76 characters (57 bytes), each ending
    in CRLF (a property test compares with the email package, which frames it 57 bytes at
    a time and writes it line by line: most of an .eml's time, docs/performance.md).
    """
    encoded = binascii.b2a_base64(b"\r\n".join(data.splitlines()) + b"\r\n", newline=False)
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
