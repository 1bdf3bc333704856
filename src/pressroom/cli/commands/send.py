"""`pressroom send`: a built week's .eml as a test email."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import CommandFailed, app
from pressroom.cli.options import Workspace, fail, week_or_latest
from pressroom.cli.output import out, report
from pressroom.config import Smtp, load_config
from pressroom.config.checks import port_problem
from pressroom.errors import Problem
from pressroom.outbox import OUTBOX
from pressroom.workspace import example_values

DEFAULT_PORTS = {"none": 25, "ssl": 465, "starttls": 587}
"""The port of each ``smtp.security`` when neither the config nor ``--smtp`` gives one."""


@app.command()
def send(
    to: Annotated[
        str,
        typer.Option(
            help="Test recipient address, or several separated by commas.", show_default=False
        ),
    ],
    week: Annotated[
        str | None,
        typer.Option(
            "--week", "-w", help="ISO week to send, e.g. 2026-W04.", show_default="the latest built"
        ),
    ] = None,
    workspace: Workspace = Path("."),
    smtp: Annotated[
        str | None,
        typer.Option(
            help="SMTP server as HOST or HOST:PORT (the port by default: 25, 465 with --ssl,"
            " 587 with --starttls).",
            show_default="smtp.host and smtp.port in pressroom.yaml",
        ),
    ] = None,
    starttls: Annotated[
        bool | None,
        typer.Option(
            "--starttls", help="Upgrade the connection with STARTTLS.", show_default=False
        ),
    ] = None,
    implicit_tls: Annotated[
        bool | None,
        typer.Option("--ssl", help="Implicit TLS from the start (SMTPS).", show_default=False),
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(
            help="SMTP login; the password is read from the environment (smtp.password_env,"
            " PRESSROOM_SMTP_PASSWORD by default).",
            show_default="smtp.user in pressroom.yaml",
        ),
    ] = None,
    insecure_auth: Annotated[
        bool,
        typer.Option(help="Allow a login without TLS (a local test server only)."),
    ] = False,
) -> None:
    """Send a built week's digest.eml as a test email.

    Until newsletter.assets_url is set (the images published there), the week's
    workspace images are embedded in the message (multipart/related, cid:).
    """
    from pressroom.send import SendFailed, parse_recipients, with_embedded_images
    from pressroom.send import send as send_eml

    try:
        parse_recipients(to)
    except ValueError as exc:
        fail(Problem("--to", 1, str(exc), "write it as me@example.org or Name <me@example.org>"))
    settings = load_config(workspace).smtp
    security = _security(settings, starttls, implicit_tls)
    host, port = _server(smtp, settings, security)
    user = user if user is not None else (settings.user or None)
    if user and security == "none" and not insecure_auth:
        fail(
            Problem(
                "--user",
                1,
                "the SMTP login would send the password in clear",
                "add --starttls or --ssl (or --insecure-auth for a local test server)",
            )
        )
    week = week_or_latest(week, workspace)
    eml_path = workspace / OUTBOX / week / "digest.eml"
    if not eml_path.exists():
        fail(Problem(str(eml_path), 1, f"week {week} is not built", "run `pressroom build`"))
    report(example_values(workspace))
    password = os.environ.get(settings.password_env)
    if user and password is None:
        fail(
            Problem(
                "--user",
                1,
                "no password for the SMTP login",
                f"set {settings.password_env} in the environment",
            )
        )
    server = f"{host}:{port}"
    eml = eml_path.read_bytes()
    newsletter = load_config(workspace).newsletter
    if not newsletter.assets_url:  # the images are not published yet: they travel along
        eml = with_embedded_images(
            eml, eml_path.parent, newsletter.assets_base(eml_path.parent.name)
        )
    try:
        message_id = send_eml(
            eml,
            to,
            host,
            port,
            starttls=security == "starttls",
            implicit_tls=security == "ssl",
            user=user,
            password=password,
            insecure_auth=insecure_auth,
        )
    except SendFailed as exc:
        raise CommandFailed(f"{server}: sending failed: {exc}") from exc
    out.print(f"Sent {week} to {to} via {server} ({message_id})")


def _security(settings: Smtp, starttls: bool | None, implicit_tls: bool | None) -> str:
    """``starttls``, ``ssl`` or ``none``: the flags', else the config's."""
    if starttls and implicit_tls:
        fail(Problem("--ssl", 1, "--ssl and --starttls exclude each other", "give one of them"))
    if starttls:
        return "starttls"
    if implicit_tls:
        return "ssl"
    if starttls is False or implicit_tls is False:
        return "none"
    return settings.security


def _server(smtp: str | None, settings: Smtp, security: str) -> tuple[str, int]:
    """Host and port: ``--smtp`` (``HOST``, ``HOST:PORT``, ``[::1]:PORT``), else the
    config's; a missing port is the security's usual one."""
    if smtp is None:
        return settings.host, settings.port or DEFAULT_PORTS[security]
    text = smtp.strip()
    host, port_text = text, ""
    if text.startswith("["):  # [IPv6] or [IPv6]:PORT
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":") if rest.startswith(":") else rest
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    if not host or any(c.isspace() for c in host) or (port_text and not port_text.isdigit()):
        fail(Problem("--smtp", 1, f"cannot read {smtp!r}", "write it as HOST or HOST:PORT"))
    port = int(port_text) if port_text else DEFAULT_PORTS[security]
    problem = port_problem(port)
    if problem:
        fail(Problem("--smtp", 1, problem, "write it as HOST or HOST:PORT"))
    return host, port
