"""`pressroom send`: a built week's .eml as a test email."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import CommandFailed, app
from pressroom.cli.options import Workspace, fail, week_or_exit
from pressroom.cli.output import out, report
from pressroom.errors import Problem
from pressroom.outbox import OUTBOX
from pressroom.workspace import example_values


@app.command()
def send(
    week: Annotated[
        str,
        typer.Option("--week", "-w", help="ISO week to send, e.g. 2026-W04.", show_default=False),
    ],
    to: Annotated[
        str,
        typer.Option(
            help="Test recipient address, or several separated by commas.", show_default=False
        ),
    ],
    workspace: Workspace = Path("."),
    smtp: Annotated[str, typer.Option(help="SMTP server as HOST:PORT.")] = "127.0.0.1:25",
    starttls: Annotated[bool, typer.Option(help="Upgrade the connection with STARTTLS.")] = False,
    user: Annotated[
        str | None,
        typer.Option(
            help="SMTP login; the password is read from PRESSROOM_SMTP_PASSWORD.",
            show_default=False,
        ),
    ] = None,
    insecure_auth: Annotated[
        bool,
        typer.Option(help="Allow --user without --starttls (a local test server only)."),
    ] = False,
) -> None:
    """Send a built week's digest.eml as a test email.

    Until newsletter.assets_url is set (the images published there), the week's
    workspace images are embedded in the message (multipart/related, cid:).
    """
    from pressroom.config import load_config
    from pressroom.send import SendFailed, parse_recipients, with_embedded_images
    from pressroom.send import send as send_eml

    try:
        parse_recipients(to)
    except ValueError as exc:
        fail(Problem("--to", 1, str(exc), "write it as me@example.org or Name <me@example.org>"))
    if user and not starttls and not insecure_auth:
        fail(
            Problem(
                "--user",
                1,
                "the SMTP login would send the password in clear",
                "add --starttls (or --insecure-auth for a local test server)",
            )
        )

    eml_path = workspace / OUTBOX / week_or_exit(week) / "digest.eml"
    if not eml_path.exists():
        fail(Problem(str(eml_path), 1, f"week {week} is not built", "run `pressroom build`"))
    host, _, port_text = smtp.rpartition(":")
    if not host or not port_text.isdigit():
        fail(Problem("--smtp", 1, f"cannot read {smtp!r}", "write it as HOST:PORT"))
    report(example_values(workspace))
    password = os.environ.get("PRESSROOM_SMTP_PASSWORD")
    if user and password is None:
        fail(
            Problem(
                "--user",
                1,
                "no password for the SMTP login",
                "set PRESSROOM_SMTP_PASSWORD in the environment",
            )
        )
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
            int(port_text),
            starttls=starttls,
            user=user,
            password=password,
            insecure_auth=insecure_auth,
        )
    except SendFailed as exc:
        raise CommandFailed(f"{smtp}: sending failed: {exc}") from exc
    out.print(f"Sent {week} to {to} via {smtp} ({message_id})")
