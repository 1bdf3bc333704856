"""The .eml: what the email package writes, headers, and subjects of any text."""

from __future__ import annotations

import base64
from email import message_from_bytes
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32, default
from email.utils import format_datetime, formataddr, parseaddr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressroom.compose.digest import compose_digest
from pressroom.render.eml import _base64_lines, encode_subject
from pressroom.render.week import render_week
from support import SEED_WEEKS, repo_config, repo_env, seed_weeks


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_eml_is_what_the_email_package_writes(week: str) -> None:
    """build_eml writes the subject and frames its base64 parts itself; the email package,
    given the same message, must write the same bytes."""
    output = render_week(week, seed_weeks()[week], repo_config(), repo_env(), "hash")
    digest = compose_digest(week, seed_weeks()[week], repo_config())
    ours = message_from_bytes(output.files["digest.eml"], policy=compat32)
    letter = repo_config().newsletter
    reference = MIMEMultipart("alternative")
    reference["Subject"] = Header(digest.subject, "utf-8", header_name="Subject").encode()
    reference["From"] = formataddr(parseaddr(letter.sender), charset="utf-8")
    reference["To"] = formataddr(parseaddr(letter.to), charset="utf-8")
    if letter.reply_to:
        reference["Reply-To"] = formataddr(parseaddr(letter.reply_to), charset="utf-8")
    reference["Date"] = format_datetime(max(r.date for r in seed_weeks()[week]))
    reference["Message-ID"] = ours["Message-ID"]
    reference["List-Unsubscribe"] = (
        f"<{letter.unsubscribe_url}>, <mailto:{letter.unsubscribe_mailto}?subject=unsubscribe>"
    )
    reference["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    reference.set_boundary(str(ours.get_boundary()))
    for part in ours.walk():
        if part.is_multipart():
            continue
        payload = bytes(part.get_payload(decode=True)).decode()
        reference.attach(MIMEText(payload, part.get_content_subtype(), "utf-8"))
    assert reference.as_bytes() == output.files["digest.eml"]


@settings(max_examples=300)
@given(st.text(min_size=1, max_size=200))
def test_any_subject_is_encoded_within_line_limits_and_reads_back(subject: str) -> None:
    encoded = encode_subject(subject)
    raw = f"Subject: {encoded}\n\nbody\n".encode()
    assert all(len(line) <= 78 for line in raw.split(b"\n"))
    parsed = message_from_bytes(raw, policy=default)["Subject"]
    assert " ".join(parsed.split()) == " ".join(subject.split())


@given(st.binary(max_size=2000))
def test_base64_parts_are_framed_as_the_email_package_frames_them(data: bytes) -> None:
    assert _base64_lines(data) == base64.encodebytes(data)


def test_eml_has_both_parts_and_every_header() -> None:
    output = render_week("2025-W11", seed_weeks()["2025-W11"], repo_config(), repo_env(), "hash")
    message = message_from_bytes(output.files["digest.eml"], policy=default)
    assert message.get_content_type() == "multipart/alternative"
    for header in (
        "Subject",
        "From",
        "To",
        "Date",
        "Message-ID",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
    ):
        assert message[header], header
    assert message["Subject"] == "La lettre presse de la Région – Semaine du 10 au 16 mars 2025"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and "Fabrice Pannekoucke" in plain.get_content()
    assert html is not None and html.get_content()[:15].lower() == "<!doctype html>"
