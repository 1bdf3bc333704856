"""Options shared by several commands, and values the command line reads itself."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from pressroom.cli.output import err
from pressroom.config.checks import port_problem
from pressroom.errors import Problem, SetupError
from pressroom.outbox import OUTBOX, existing_weeks
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
    """The ``--week`` as pressroom writes weeks (``2026-w07``: ``2026-W07``)."""
    week = week.strip().upper()
    try:
        week_monday(week)
    except ValueError as exc:
        fail(Problem("--week", 1, str(exc), "write the week as 2026-W04"))
    return week


def week_or_latest(week: str | None, workspace: Path) -> str:
    """The ``--week`` given, or the latest week the outbox holds (said on stderr)."""
    if week is not None:
        return week_or_exit(week)
    built = existing_weeks(workspace / OUTBOX)
    if not built:
        fail(
            Problem(
                str(workspace / OUTBOX),
                1,
                "no built week to default to",
                "run `pressroom build`, or give --week 2026-W04",
            )
        )
    err.print(f"week {built[-1]} (the latest built; --week picks another)")
    return built[-1]


def port_or_exit(port: int, flag: str = "--port", allow_zero: bool = True) -> int:
    """A TCP port given on the command line (0: any free one, where allowed)."""
    problem = port_problem(port, allow_zero)
    if problem:
        fail(
            Problem(
                flag, 1, problem, "pick a port from 1 to 65535" + " (0: any free one)" * allow_zero
            )
        )
    return port


def fail(problem: Problem) -> NoReturn:
    """Usage the command cannot work with (exit code 2, see ``_Commands``)."""
    raise SetupError(problem)
