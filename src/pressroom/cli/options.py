"""Options shared by several commands, and values the command line reads itself."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from pressroom.errors import Problem, SetupError
from pressroom.weeks import parse_duration, week_monday

Workspace = Annotated[
    Path,
    typer.Option(
        "-C",
        "--workspace",
        help="Workspace folder (pressroom.yaml, seeds/, templates/, outbox/).",
        file_okay=False,
        show_default="current folder",
    ),
]


def weeks_option(help_text: str) -> Any:
    return typer.Option("--week", "-w", help=help_text, metavar="YYYY-Www", show_default=False)


def day_option(help_text: str) -> Any:
    return typer.Option(
        help=help_text, metavar="YYYY-MM-DD", formats=["%Y-%m-%d"], show_default=False
    )


def duration_or_exit(text: str) -> timedelta:
    try:
        gap = parse_duration(text)
    except ValueError:
        gap = timedelta(0)
    if not gap:
        fail(Problem("--every", 1, f"cannot read the duration {text!r}", "write 30m, 2h or 1d"))
    return gap


def week_or_exit(week: str) -> str:
    try:
        week_monday(week)
    except ValueError as exc:
        fail(Problem("--week", 1, str(exc), "write the week as 2026-W04"))
    return week


def fail(problem: Problem) -> NoReturn:
    """Usage the command cannot work with (exit code 2, see ``_Commands``)."""
    raise SetupError(problem)
