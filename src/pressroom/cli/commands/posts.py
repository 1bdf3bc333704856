"""`pressroom posts`: a week's post drafts, printed or exported."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, duration_or_exit, week_or_latest
from pressroom.cli.output import err
from pressroom.compose.week import compose_week
from pressroom.config import Config, load_config
from pressroom.errors import Problem, SetupError
from pressroom.pipeline.build import week_inputs
from pressroom.platforms import PLATFORMS
from pressroom.render.exports import (
    ExportFormat,
    file_bytes,
    to_csv,
    to_hootsuite,
    to_ics,
    to_json,
    to_markdown,
    to_sprout,
)
from pressroom.render.templates import PostTemplates, environment


@app.command()
def posts(
    week: Annotated[
        str | None,
        typer.Option(
            "--week", "-w", help="ISO week, e.g. 2026-W04.", show_default="the latest built"
        ),
    ] = None,
    workspace: Workspace = Path("."),
    platform: Annotated[
        str | None,
        typer.Option(
            help=f"Comma-separated platforms among {', '.join(PLATFORMS)}.",
            show_default="all in pressroom.yaml",
        ),
    ] = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of printing.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        datetime | None,
        typer.Option(
            help="The first slot (YYYY-MM-DDTHH:MM, in the configured timezone); outside"
            " working hours (posts.schedule), the next working moment.",
            formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
            show_default="the first working moment after the week",
        ),
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            help="Time from one release's posts to the next's: 30m, 2h, 1d.",
            show_default="posts.schedule.between_releases",
        ),
    ] = None,
) -> None:
    """Print or export a week's social post drafts, for review or a scheduling tool."""
    wanted = tuple(p.strip() for p in platform.split(",")) if platform else None
    config = _with_platforms(load_config(workspace), wanted)
    week = week_or_latest(week, workspace)
    if every is not None:
        duration_or_exit(every)
        schedule = replace(config.posts.schedule, between_releases=every)
        config = replace(config, posts=replace(config.posts, schedule=schedule))
    inputs = week_inputs(workspace, week, config)  # an override over its limit: posts_for raises
    templates = PostTemplates(environment(workspace))
    first = start.replace(tzinfo=config.tz) if start else None
    drafts = compose_week(
        week, inputs.releases, config, inputs.plan, templates=templates, start=first
    ).posts
    assert drafts is not None, "composed with the post templates"
    text = {
        ExportFormat.md: lambda: to_markdown(drafts, f"Posts {week}"),
        ExportFormat.json: lambda: to_json(drafts),
        ExportFormat.csv: lambda: to_csv(drafts),
        ExportFormat.hootsuite: lambda: to_hootsuite(drafts),
        ExportFormat.sprout: lambda: to_sprout(drafts),
        ExportFormat.ics: lambda: to_ics(drafts, stamp=datetime.now(UTC), name=f"Posts {week}"),
    }[output_format]()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_bytes(file_bytes(text, output_format))
        err.print(f"{len(drafts)} posts → {output}")


def _with_platforms(config: Config, platforms: tuple[str, ...] | None) -> Config:
    """The config with only the ``--platform`` ones (all of its own when None)."""
    if platforms is None:
        return config
    unknown = [p for p in platforms if p not in PLATFORMS]
    if unknown:
        raise SetupError(
            Problem(
                "--platform",
                1,
                f"unknown platform {unknown[0]!r}",
                f"use some of: {', '.join(PLATFORMS)}",
            )
        )
    return replace(config, posts=replace(config.posts, platforms=platforms))
