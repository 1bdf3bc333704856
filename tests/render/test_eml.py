"""The .eml: written by the email package, reproducible, dated at the send slot, with the
list headers, and subjects of any text."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from email import message_from_bytes
from email.policy import default
from email.utils import format_datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pressroom.compose.digest import Digest
from pressroom.compose.week import compose_week
from pressroom.config import Newsletter
from pressroom.render.digest import RenderedDigest
from pressroom.render.eml import build_eml
from pressroom.render.week import WeekOutput, render_week
from support import (
    PARIS,
    SEED_WEEKS,
    make_release,
    post_templates,
    rendered_digest,
    repo_config,
    repo_env,
    seed_weeks,
)


def _rendered(week: str) -> WeekOutput:
    """A seed week's folder, composed and rendered as the build does."""
    composed = compose_week(week, seed_weeks()[week], repo_config(), templates=post_templates())
    return render_week(composed, repo_config(), repo_env(), "hash")


def _eml(week: str) -> bytes:
    return _rendered(week).files["digest.eml"]


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_eml_parses_back_with_both_parts_and_every_header(week: str) -> None:
    message = message_from_bytes(_eml(week), policy=default)
    assert message.get_content_type() == "multipart/alternative"
    for header in ("Subject", "From", "To", "Reply-To", "Date", "Message-ID", "List-Id"):
        assert message[header], header
    assert message["List-Unsubscribe"] == (
        "<https://www.auvergnerhonealpes.fr/presse/desinscription>, "
        "<mailto:desinscription-presse@auvergnerhonealpes.fr?subject=unsubscribe>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    assert html.get_content()[:15].lower() == "<!doctype html>"
    assert _eml(week).count(b"MIME-Version") == 1


def test_eml_is_reproducible_and_dated_at_the_send_slot() -> None:
    assert _eml("2025-W11") == _eml("2025-W11")
    message = message_from_bytes(_eml("2025-W11"), policy=default)
    assert message["Subject"] == "La lettre presse de la Région – Semaine du 10 au 16 mars 2025"
    # the week's last release: Friday 14 March 2025; newsletter.send_at: monday 08:00
    assert message["Date"].datetime == datetime(2025, 3, 17, 8, 0, tzinfo=PARIS)


def test_an_unsubscribe_merge_tag_passes_through_headers_and_links() -> None:
    config = repo_config()
    tagged = replace(
        config,
        newsletter=replace(config.newsletter, unsubscribe_url="*|UNSUB|*", unsubscribe_mailto=""),
    )
    releases = (make_release(1, url="https://www.auvergnerhonealpes.fr/a"),)
    digest = compose_week("2026-W04", releases, tagged).digest
    rendered = rendered_digest("2026-W04", releases, tagged)
    message = message_from_bytes(build_eml(digest, rendered, tagged.newsletter), policy=default)
    assert message["List-Unsubscribe"] == "<*|UNSUB|*>"
    assert 'href="*|UNSUB|*"' in rendered.html


def _as_the_package_writes(
    digest: Digest, rendered: RenderedDigest, newsletter: Newsletter
) -> bytes:
    """The same message built whole by the email package, SMTP policy, no memory."""
    from email.message import EmailMessage
    from email.policy import SMTP

    from pressroom.render.eml import (
        list_id,
        list_unsubscribe,
        one_line,
        sender_domain,
        transfer_encoded,
    )

    sha = hashlib.sha256(rendered.html_bytes).hexdigest()[:16]
    message = EmailMessage(policy=SMTP)
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
    for content, subtype in ((rendered.text, "plain"), (rendered.html_bytes.decode(), "html")):
        part = EmailMessage(policy=SMTP)
        cte, body = transfer_encoded(content.encode())
        part.set_content(content, subtype=subtype, charset="utf-8", cte=cte.decode())
        part.set_payload(body.decode("ascii"))  # the body's own test reads it back
        del part["MIME-Version"]
        message.attach(part)
    message.set_boundary(f"=_pressroom_{sha}")
    return message.as_bytes()


@settings(max_examples=200)
@given(
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn")), min_size=1, max_size=200).filter(
        lambda s: s.strip()
    )
)
@example("000000¡¡¡¡¡¡¡ࠀࠀ𐀀𐀀𐀀𐀀 ¡")  # the package's folding loses the space before "¡"
def test_any_newsletter_name_reads_back_as_the_package_writes_it(name: str) -> None:
    config = repo_config()
    named = replace(config, newsletter=replace(config.newsletter, name=name))
    releases = (make_release(1),)
    digest = compose_week("2026-W04", releases, named).digest
    rendered = rendered_digest("2026-W04", releases, named)
    raw = build_eml(digest, rendered, named.newsletter)
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 998 for line in head.split(b"\r\n"))
    parsed = message_from_bytes(raw, policy=default)["Subject"]
    assert " ".join(parsed.split()) == " ".join(digest.subject.split())
    expected = _as_the_package_writes(digest, rendered, named.newsletter)
    theirs = message_from_bytes(expected, policy=default)["Subject"]
    if " ".join(theirs.split()) == " ".join(digest.subject.split()):
        assert raw == expected
    else:  # the package's folding lost a space: only the Subject differs, and reads back
        assert _without_subject(raw) == _without_subject(expected)


def _without_subject(raw: bytes) -> bytes:
    """The message without its Subject header (the first, with its folded lines)."""
    lines = raw.split(b"\r\n")
    assert lines[0].startswith(b"Subject: ")
    rest = 1
    while lines[rest].startswith(b" "):
        rest += 1
    return b"\r\n".join(lines[rest:])


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_the_message_is_what_the_email_package_writes(week: str) -> None:
    config = repo_config()
    releases = seed_weeks()[week]
    digest = compose_week(week, releases, config).digest
    rendered = rendered_digest(week, releases, config)
    for newsletter in (config.newsletter, replace(config.newsletter, reply_to="")):
        expected = _as_the_package_writes(digest, rendered, newsletter)
        assert build_eml(digest, rendered, newsletter) == expected


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_the_remembering_policy_writes_what_the_smtp_policy_writes(
    week: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from email.policy import SMTP

    from pressroom.render import eml

    remembered = _eml(week) + _eml(week)  # the second one from the policy's memory
    monkeypatch.setattr(eml, "POLICY", SMTP)
    assert remembered == _eml(week) * 2


@settings(max_examples=200)
@given(st.text(max_size=400))
def test_a_base64_body_is_what_the_email_package_writes(text: str) -> None:
    from email.message import EmailMessage
    from email.policy import SMTP

    from pressroom.render.eml import base64_body

    part = EmailMessage(policy=SMTP)
    part.set_content(text, subtype="html", charset="utf-8", cte="base64")
    assert part.as_bytes().split(b"\r\n\r\n", 1)[1] == base64_body(text.encode())


@settings(max_examples=300)
@given(st.text(max_size=400))
@example("00\x80\x80\x80\x80\x80\x80\U00010000\U00010000\U00010000 ")  # b2a_qp wrote 77
def test_a_quoted_printable_body_reads_back_as_the_text(text: str) -> None:
    from email.policy import SMTP

    from pressroom.render.eml import quoted_printable_body

    body = quoted_printable_body(text.encode())
    assert all(len(line) <= 76 for line in body.split(b"\r\n"))  # RFC 2045
    assert all(32 <= byte < 127 or byte == 9 for byte in body.replace(b"\r\n", b""))
    head = b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
    part = message_from_bytes(head + b"\r\n\r\n" + body, policy=SMTP)
    lines = text.encode().splitlines()
    assert part.get_payload(decode=True) == b"\r\n".join(lines) + b"\r\n"


@pytest.mark.parametrize(
    ("text", "cte"),
    [
        ('<td style="padding:0 24px;">Région</td>\n' * 50, b"quoted-printable"),
        ("Ένα δελτίο τύπου για την περιοχή.\n" * 50, b"base64"),
    ],
)
def test_each_part_goes_in_the_shorter_encoding(text: str, cte: bytes) -> None:
    from pressroom.render.eml import base64_body, quoted_printable_body, transfer_encoded

    chosen, body = transfer_encoded(text.encode())
    assert chosen == cte
    assert len(body) == min(
        len(base64_body(text.encode())), len(quoted_printable_body(text.encode()))
    )


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_the_html_part_goes_quoted_printable_a_quarter_shorter(week: str) -> None:
    eml = _eml(week)
    message = message_from_bytes(eml, policy=default)
    html = message.get_body(("html",))
    assert html is not None and html["Content-Transfer-Encoding"] == "quoted-printable"
    decoded = _rendered(week).files["digest.html"]
    sent = eml.split(b'Content-Type: text/html; charset="utf-8"', 1)[1].split(b"\r\n\r\n", 1)[1]
    sent = sent.split(b"\r\n--=_pressroom_", 1)[0]
    assert len(decoded) < len(sent) < len(decoded) * 1.25 < len(decoded) * 4 / 3


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_both_parts_read_back_as_rendered(week: str) -> None:
    rendered = _rendered(week)
    parsed = message_from_bytes(rendered.files["digest.eml"], policy=default)
    text, html = (part.get_content() for part in parsed.iter_parts())
    assert text.splitlines() == rendered.files["digest.txt"].decode().splitlines()
    assert html.splitlines() == rendered.files["digest.html"].decode().splitlines()
