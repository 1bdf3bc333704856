"""`pressroom init`: a workspace of one's own, with a commented pressroom.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.output import out
from pressroom.workspace import init_workspace


@app.command()
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The workspace folder to create or fill.",
            file_okay=False,
            show_default="current folder",
        ),
    ] = Path("."),
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing pressroom.yaml."),
    ] = False,
) -> None:
    """Start a workspace: a commented pressroom.yaml, example releases, the folders.

    Writes pressroom.yaml (every key, its default and what it does), seeds/ with one
    example release in each format (.txt, .md, .yaml) when it holds none yet, weeks/,
    assets/ and lexicons/. An existing pressroom.yaml is kept (exit code 2) unless
    --force; no other file is replaced. Releases in seeds/ may also be Word (.docx)
    or PDF files with a text layer.
    """
    started = init_workspace(folder, force=force)
    for name in started.written:
        out.print(f"wrote {folder / name}", markup=False, soft_wrap=True)
    steps = (
        ("edit pressroom.yaml", "your name, addresses and site in place of example.org"),
        ("add to seeds/", "your releases: .txt, .md, .yaml, Word .docx, PDF with a text layer"),
        ("pressroom build", "each week's digest and post drafts, in outbox/"),
        ("pressroom preview", "see them in your browser; an edit rebuilds"),
        ("pressroom check", "the email checks (they fail while example.org remains)"),
        (f"pressroom send --week {started.week} --to YOU --smtp HOST:PORT", "a test send"),
    )
    out.print("\nNext steps:", markup=False)
    if folder != Path("."):
        out.print(f"  cd {folder}", markup=False, soft_wrap=True)
    for command, what in steps:
        out.print(f"  {command.ljust(19)} # {what}", markup=False, soft_wrap=True)
