"""`pressroom build`: every week of seeds/ into outbox/<YYYY-Www>/."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, day_option, week_or_exit, weeks_option
from pressroom.cli.output import err, escape, out, progress, report, summary
from pressroom.outbox import OUTBOX
from pressroom.status import ExitStatus
from pressroom.workspace import example_values


@app.command()
def build(
    workspace: Workspace = Path("."),
    week: Annotated[
        list[str] | None, weeks_option("Build only this ISO week, e.g. 2026-W04 (repeatable).")
    ] = None,
    since: Annotated[datetime | None, day_option("Build weeks from this day on.")] = None,
    until: Annotated[datetime | None, day_option("Build weeks up to this day.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild weeks even when unchanged.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Processes to build with; 1 reads and renders all in this process (no fork).",
            show_default="CPU count",
        ),
    ] = None,
) -> None:
    """Build the digest and post drafts of every week in seeds/ into outbox/<YYYY-Www>/.

    Exit codes: 0 built clean, 1 built but some records or checks had problems,
    2 usage, config or template error (nothing written), 3 the outbox could not be
    written (each week folder is still whole, old or new).
    """
    from pressroom.pipeline.build import WeekSelection
    from pressroom.pipeline.build import build as run_build

    selection = WeekSelection(
        weeks=tuple(week_or_exit(w) for w in week or ()),
        since=since.date() if since else None,
        until=until.date() if until else None,
    )
    with progress(quiet) as (plan, tick):
        result = run_build(workspace, selection, force=force, jobs=jobs, on_plan=plan, on_week=tick)
    report(result.problems)
    report(example_values(workspace))
    for name, checks in result.failed_checks.items():
        for check in checks:
            if check.status == "fail":
                err.print(
                    f"[red]{OUTBOX}/{name}/digest.html: check failed: {check.name}: "
                    f"{escape(check.detail)}[/]",
                    soft_wrap=True,
                )
    if not quiet:
        out.print(summary(result, workspace))
    raise typer.Exit(ExitStatus.PROBLEMS if result.has_problems else ExitStatus.SUCCESS)
