"""`pressroom ingest`: print what pressroom understood of release files."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.options import Workspace
from pressroom.cli.output import report
from pressroom.status import ExitStatus


class IngestFormat(StrEnum):
    json = "json"
    yaml = "yaml"


@app.command()
def ingest(
    files: Annotated[
        list[Path],
        typer.Argument(help="Release files (.txt, .md, .yaml, .docx, .pdf).", show_default=False),
    ],
    output_format: Annotated[
        IngestFormat, typer.Option("--format", "-f", help="How to print the records.")
    ] = IngestFormat.json,
    workspace: Workspace = Path("."),
) -> None:
    """Print the releases pressroom understood from FILES, to check the parser's reading."""
    import yaml

    from pressroom.config import load_config
    from pressroom.readers.files import read_files
    from pressroom.readers.lexicons import read_lexicons

    config = load_config(workspace)
    outcome = read_files(files, config.tz, workspace=workspace, lexicons=read_lexicons(workspace))
    records = [release.to_dict() for release in outcome.releases]
    if output_format is IngestFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))
    report(outcome.problems)
    raise typer.Exit(ExitStatus.PROBLEMS if outcome.has_errors else ExitStatus.SUCCESS)
