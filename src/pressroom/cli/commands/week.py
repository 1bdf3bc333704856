"""`pressroom week`: a week's releases as the digest takes them, and its week file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, fail, week_or_exit
from pressroom.cli.output import escape, out
from pressroom.compose.week import compose_week
from pressroom.config import load_config
from pressroom.errors import Problem
from pressroom.model import Release
from pressroom.pipeline.build import week_inputs
from pressroom.readers.weekfile import starter_week_file, week_file_name


@app.command()
def week(
    week: Annotated[str, typer.Argument(help="ISO week, e.g. 2026-W04.", show_default=False)],
    workspace: Workspace = Path("."),
    init: Annotated[
        bool,
        typer.Option("--init", help="Write a commented week file to start from."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --init: overwrite the week file.")
    ] = False,
) -> None:
    """Show a week's releases, its lead, order and exclusions, and its week file.

    Each release with its place in the digest, id, date and title (tab-separated when
    piped); the week file is weeks/<YYYY-Www>.yaml, and --init writes one to start from.
    """
    config = load_config(workspace)
    name = week_file_name(week_or_exit(week))
    path = workspace / name
    if init and path.exists() and not force:
        fail(Problem(name, 1, "the week file exists", "edit it, or pass --force to replace it"))
    inputs = week_inputs(workspace, week, config, with_plan=not init)
    composed = compose_week(week, inputs.releases, config, inputs.plan)
    digest, shown = composed.digest, composed.in_digest
    if init:
        rows = [(r.id, r.title) for r in shown]
        path.parent.mkdir(exist_ok=True)
        path.write_text(starter_week_file(week, rows, digest.subject, digest.preheader), "utf-8")
        out.print(f"wrote {name}: every key commented out; it changes nothing until you edit it")
        return
    plan = inputs.plan
    table = Table(title=f"{week}  {digest.count_line}", title_justify="left")
    for column in ("#", "in the digest", "id", "date", "title"):
        table.add_column(column, overflow="fold")
    table_rows = [
        (str(n), "lead" if n == 1 else "story", r.id, _day(r), r.title)
        for n, r in enumerate(shown, start=1)
    ]
    table_rows += [("-", "excluded", r.id, _day(r), r.title) for r in composed.excluded]
    if out.is_terminal:
        for row in table_rows:
            table.add_row(*(escape(cell) for cell in row))
        out.print(table)
    else:
        sys.stdout.write("".join("\t".join(row) + "\n" for row in table_rows))  # cut, awk
    lines = [
        f"week file: {name}"
        if plan
        else f"no week file: `pressroom week {week} --init` writes one",
        f"subject: {digest.subject}" + (" (week file)" if plan and plan.subject else ""),
        f"preheader: {digest.preheader.strip(chr(0xA0))}"
        + (" (week file)" if plan and plan.preheader else ""),
    ]
    if plan and plan.note:
        lines.append(f"note: {plan.note.splitlines()[0]}" + (" …" if "\n" in plan.note else ""))
    for line in lines:
        out.print(line, soft_wrap=True, markup=False)


def _day(release: Release) -> str:
    return f"{release.date:%Y-%m-%d}"
