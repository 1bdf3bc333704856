"""The command line: parses flags, calls the core, reports, exits with an ExitStatus."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
import yaml
from rich.console import Console

from pressroom import __version__
from pressroom.config import load_config
from pressroom.errors import PressroomError, Problem
from pressroom.readers import read_files
from pressroom.status import ExitStatus

app = typer.Typer(
    help="Turn press releases into a weekly HTML email digest and social post drafts.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

Workspace = Annotated[
    Path,
    typer.Option("-C", "--workspace", help="Workspace folder (pressroom.yaml, seeds/, templates/, outbox/).",
                 file_okay=False, show_default="current folder"),
]


class IngestFormat(str, Enum):
    json = "json"
    yaml = "yaml"


def _version(value: bool) -> None:
    if value:
        out.print(f"pressroom {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn press releases into a weekly HTML email digest and social post drafts."""


@app.command()
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Release files (.txt, .md, .yaml).",
                                               show_default=False)],
    output_format: Annotated[IngestFormat, typer.Option("--format", "-f",
                                                        help="How to print the records.")] = IngestFormat.json,
    workspace: Workspace = Path("."),
) -> None:
    """Print the records pressroom understood from FILES, to check the parser's reading."""
    config = _config_or_exit(workspace)
    outcome = read_files(files, config.tz)
    records = [release.to_dict() for release in outcome.releases]
    if output_format is IngestFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))
    _report(outcome.problems)
    raise typer.Exit(ExitStatus.PROBLEMS if outcome.has_errors else ExitStatus.SUCCESS)


def _config_or_exit(workspace: Path):  # type: ignore[no-untyped-def]
    try:
        return load_config(workspace)
    except PressroomError as exc:
        _fail(exc.problem)


def _fail(problem: Problem) -> NoReturn:
    err.print(f"[bold red]error:[/] {problem}", markup=True, soft_wrap=True)
    raise typer.Exit(ExitStatus.USAGE)


def _report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        err.print(f"[{style}]{_escape(str(problem))}[/]", soft_wrap=True)


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


def main() -> None:
    app()
