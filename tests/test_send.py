"""pressroom send, against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner, Result

from pressroom.cli.main import app
from pressroom.pipeline.build import build
from support import LEAD_IMAGE, PICTURES_WEEK, pictures_workspace


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Any:
    inbox = _Inbox()
    with socket.socket() as probe:  # aiosmtpd needs a real port number to check it is up
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, f"127.0.0.1:{controller.port}"
    controller.stop()


def test_send_delivers_both_parts_and_headers(
    workspace: Path, runner: CliRunner, smtp_server: Any
) -> None:
    inbox, address = smtp_server
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    result = runner.invoke(
        app,
        [
            "send",
            "-C",
            str(workspace),
            "--week",
            "2025-W11",
            "--to",
            "Test <me@example.org>",
            "--smtp",
            address,
        ],
    )
    assert result.exit_code == 0, result.output
    [(recipients, raw)] = inbox.messages
    assert recipients == ["me@example.org"]
    message = message_from_bytes(raw, policy=default)
    assert message["To"] == "Test <me@example.org>"
    for header in ("Subject", "From", "Message-ID", "List-Id", "List-Unsubscribe"):
        assert message[header], header
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"].endswith("<la-lettre-presse-de-la-region.auvergnerhonealpes.fr>")
    sent = parsedate_to_datetime(str(message["Date"]))
    assert abs((datetime.now(UTC) - sent).total_seconds()) < 60  # dated when sent, not built
    built = message_from_bytes(
        (workspace / "outbox" / "2025-W11" / "digest.eml").read_bytes(), policy=default
    )
    assert message["Message-ID"] != built["Message-ID"]
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None


def test_send_needs_a_built_week_and_a_password_from_the_environment(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _send(runner, workspace)
    assert result.exit_code == 2 and "not built" in result.output
    runner.invoke(app, ["build", "-C", str(workspace)])
    monkeypatch.delenv("PRESSROOM_SMTP_PASSWORD", raising=False)
    result = _send(runner, workspace, "--user", "me", "--starttls")
    assert result.exit_code == 2 and "PRESSROOM_SMTP_PASSWORD" in result.output


def test_unreachable_server_is_a_clear_failure(workspace: Path, runner: CliRunner) -> None:
    runner.invoke(app, ["build", "-C", str(workspace)])
    result = _send(runner, workspace, "--smtp", "127.0.0.1:9")
    assert result.exit_code == 1 and "sending failed" in result.output


def _send(runner: CliRunner, workspace: Path, *options: str) -> Result:
    """`pressroom send` of the week 2025-W11 to me@example.org, with more options."""
    command = ["send", "-C", str(workspace), "--week", "2025-W11", "--to", "me@example.org"]
    return runner.invoke(app, [*command, *options])


def test_a_login_without_tls_is_refused(
    workspace: Path, runner: CliRunner, smtp_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, address = smtp_server
    runner.invoke(app, ["build", "-C", str(workspace)])
    monkeypatch.setenv("PRESSROOM_SMTP_PASSWORD", "secret")
    result = _send(runner, workspace, "--smtp", address, "--user", "me")
    assert result.exit_code == 2
    assert "--user:1: the SMTP login would send the password in clear" in result.stderr
    assert "--insecure-auth" in result.stderr
    assert inbox.messages == []


def test_several_recipients_are_the_same_in_the_header_and_the_envelope(
    workspace: Path, runner: CliRunner, smtp_server: Any
) -> None:
    inbox, address = smtp_server
    runner.invoke(app, ["build", "-C", str(workspace)])
    to = 'a@example.org, "Rédaction, Lyon" <b@example.org>'
    command = ["send", "-C", str(workspace), "--week", "2025-W11", "--to", to]
    result = runner.invoke(app, [*command, "--smtp", address])
    assert result.exit_code == 0, result.output
    [(recipients, raw)] = inbox.messages
    assert recipients == ["a@example.org", "b@example.org"]
    header = message_from_bytes(raw, policy=default)["To"]
    assert [a.addr_spec for a in header.addresses] == recipients
    assert [a.display_name for a in header.addresses] == ["", "Rédaction, Lyon"]


@pytest.mark.parametrize("to", ["", "  ", "a, b", "garbage", "a@b@c", "me@example.org, x"])
def test_a_recipient_that_is_no_address_is_refused(
    workspace: Path, runner: CliRunner, smtp_server: Any, to: str
) -> None:
    inbox, address = smtp_server
    runner.invoke(app, ["build", "-C", str(workspace)])
    command = ["send", "-C", str(workspace), "--week", "2025-W11", "--to", to]
    result = runner.invoke(app, [*command, "--smtp", address])
    assert result.exit_code == 2, result.output
    assert "--to:1: " in result.stderr and "is not a list of email addresses" in result.stderr
    assert inbox.messages == []


def test_send_names_the_example_values_still_in_the_config(
    tmp_path: Path, runner: CliRunner, smtp_server: Any
) -> None:
    inbox, address = smtp_server
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["build", "-C", str(tmp_path)]).exit_code == 0
    result = runner.invoke(
        app,
        ["send", "-C", str(tmp_path), "-w", "2026-W10", "--to", "me@valmont.fr", "--smtp", address],
        env={"COLUMNS": "300"},
    )
    assert result.exit_code == 0, result.output
    config = tmp_path / "pressroom.yaml"
    line = config.read_text().splitlines().index("  from: Press office <press@example.org>") + 1
    assert f"{config}:{line}: warning: newsletter.from is still the example" in result.output
    assert len(inbox.messages) == 1


def _config_smtp(workspace: Path, lines: str) -> None:
    config = workspace / "pressroom.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "smtp:\n" + lines, encoding="utf-8")


def test_the_server_can_be_kept_in_the_config(
    workspace: Path, runner: CliRunner, smtp_server: Any
) -> None:
    inbox, address = smtp_server
    host, _, port = address.rpartition(":")
    _config_smtp(workspace, f"  host: {host}\n  port: {port}\n")
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    result = runner.invoke(app, ["send", "-C", str(workspace), "--to", "me@example.org"])
    assert result.exit_code == 0, result.output
    assert f"Sent 2026-W04 to me@example.org via {address}" in result.stdout  # the latest week
    assert len(inbox.messages) == 1


@pytest.mark.parametrize(("options", "port"), [((), 25), (("--ssl",), 465), (("--starttls",), 587)])
def test_a_server_without_port_takes_its_security_s_usual_one(
    workspace: Path, runner: CliRunner, options: tuple[str, ...], port: int
) -> None:
    runner.invoke(app, ["build", "-C", str(workspace)])
    result = _send(runner, workspace, "--smtp", "127.0.0.1", *options)
    assert result.exit_code != 2, result.output  # accepted; whether it is answered varies
    assert f"127.0.0.1:{port}" in result.output and "Traceback" not in result.output


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made here with the openssl command."""
    import shutil
    import subprocess

    from support import require_tool

    require_tool(shutil.which("openssl"), "openssl", "apt-get install openssl")
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    names = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        ["openssl", *request, "-keyout", str(key), "-out", str(cert), *names],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_implicit_tls_with_a_login_from_the_config_and_the_environment(
    workspace: Path, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    from aiosmtpd.smtp import AuthResult

    cert, key = _self_signed(tmp_path)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    logins: list[tuple[str, str]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> Any:
        logins.append((auth.login.decode(), auth.password.decode()))
        return AuthResult(success=auth.password == b"s3cret")

    inbox = _Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        ssl_context=server_context,
        authenticator=authenticator,
        auth_require_tls=False,  # the whole session is TLS; aiosmtpd only knows STARTTLS's
    )
    controller.start()
    try:
        _config_smtp(
            workspace,
            f"  host: 127.0.0.1\n  port: {port}\n  security: ssl\n  user: press\n"
            "  password_env: NEWSROOM_SMTP\n",
        )
        runner.invoke(app, ["build", "-C", str(workspace)])
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the one authority the client trusts
        monkeypatch.delenv("NEWSROOM_SMTP", raising=False)
        result = _send(runner, workspace)
        assert result.exit_code == 2 and "set NEWSROOM_SMTP in the environment" in result.output
        monkeypatch.setenv("NEWSROOM_SMTP", "s3cret")
        result = _send(runner, workspace)
        assert result.exit_code == 0, result.output
        assert logins == [("press", "s3cret")] and len(inbox.messages) == 1
        monkeypatch.delenv("SSL_CERT_FILE")  # an unknown authority: refused, not sent
        result = _send(runner, workspace, "--smtp", f"127.0.0.1:{port}")
        assert result.exit_code == 1 and "CERTIFICATE_VERIFY_FAILED" in result.output
        assert len(inbox.messages) == 1
    finally:
        controller.stop()


def _pictures(folder: Path, published: bool) -> Path:
    """The pictures workspace, built; its images published at assets_url, or not yet."""
    workspace = pictures_workspace(folder)
    if not published:
        config = workspace / "pressroom.yaml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("  assets_url:", "  # assets_url:"), encoding="utf-8")
    assert build(workspace, jobs=1).built == (PICTURES_WEEK,)
    return workspace


def _send_pictures(
    runner: CliRunner, workspace: Path, smtp_server: tuple[Any, str]
) -> EmailMessage:
    """The pictures week sent to the test server: the one message it received."""
    inbox, address = smtp_server
    command = ["send", "-C", str(workspace), "--week", PICTURES_WEEK, "--to", "me@example.org"]
    result = runner.invoke(app, [*command, "--smtp", address])
    assert result.exit_code == 0, result.output
    [(_, raw)] = inbox.messages
    return message_from_bytes(raw, _class=EmailMessage, policy=default)


def test_the_test_send_embeds_images_not_yet_published(
    tmp_path: Path, runner: CliRunner, smtp_server: Any
) -> None:
    workspace = _pictures(tmp_path, published=False)
    message = _send_pictures(runner, workspace, smtp_server)
    html_part = message.get_body(("html",))
    assert html_part is not None
    html = html_part.get_content()
    related = [p for p in message.walk() if p.get_content_maintype() == "image"]
    [image] = related
    assert image.get_content_type() == "image/jpeg"
    assert image["Content-ID"].startswith("<") and image["Content-ID"].endswith(">")
    assert f'src="cid:{image["Content-ID"][1:-1]}"' in html
    assert image.get_content() == (workspace / LEAD_IMAGE).read_bytes()
    assert f"/{LEAD_IMAGE}" not in html  # no address left that leads nowhere yet
    assert 'src="https://images.example.org/forets/jeunes-pins.jpg"' in html  # remote: as is
    assert message.get_body(("plain",)) is not None
    types = [p.get_content_type() for p in message.walk()]
    assert types[:4] == ["multipart/alternative", "text/plain", "multipart/related", "text/html"]
    eml = (workspace / "outbox" / PICTURES_WEEK / "digest.eml").read_bytes()
    assert b"multipart/related" not in eml  # the outbox's .eml is not changed


def test_the_test_send_of_published_images_is_the_built_message(
    tmp_path: Path, runner: CliRunner, smtp_server: Any
) -> None:
    workspace = _pictures(tmp_path, published=True)
    message = _send_pictures(runner, workspace, smtp_server)
    assert [p.get_content_maintype() for p in message.walk()] == ["multipart", "text", "text"]
    html_part = message.get_body(("html",))
    assert html_part is not None
    published = "https://medias.auvergnerhonealpes.fr/lettre/2026-W04/quai-valmont.jpg"
    assert f'src="{published}"' in html_part.get_content()
    built = message_from_bytes(
        (workspace / "outbox" / PICTURES_WEEK / "digest.eml").read_bytes(),
        _class=EmailMessage,
        policy=default,
    )
    built_html = built.get_body(("html",))
    assert built_html is not None and html_part.get_content() == built_html.get_content()
