"""`pressroom fetch`: releases from a site's feed or pages into seeds/<id>.md."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, day_option, fail
from pressroom.cli.output import err, escape, out, progress
from pressroom.errors import Problem
from pressroom.status import ExitStatus

if TYPE_CHECKING:
    from pressroom.fetch.run import Fetched

SEEDS = "seeds"


@app.command()
def fetch(
    urls: Annotated[
        list[str] | None,
        typer.Argument(
            help="Feeds (RSS, Atom) or release pages; none: the sources of pressroom.yaml.",
            metavar="URL...",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        datetime | None, day_option("Leave out releases dated before this day.")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="At most N entries of each feed, newest first."),
    ] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh", help="Fetch pages already in seeds/ again; rewrite those that changed."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
    workspace: Workspace = Path("."),
) -> None:
    """Fetch press releases from their website into seeds/<id>.md, one file a release.

    A URL is an RSS or Atom feed, whose entries' pages are fetched, or a release page.
    A page already in seeds/ (same url) is left alone unless --refresh. Exit codes: 0
    all fetched, 1 some addresses failed (each printed with its reason), 2 usage or
    config error.
    """
    # imported here: trafilatura, httpx and feedparser would slow every other command's start
    from pressroom.config import WebSource, load_config
    from pressroom.fetch.run import FetchOptions, Outcome
    from pressroom.fetch.run import fetch as run_fetch

    config = load_config(workspace)
    configured = {source.url: source for source in config.sources}
    sources = [configured.get(url, WebSource(url=url)) for url in urls or ()]
    if not sources:
        sources = list(config.sources)
    if not sources:
        fail(
            Problem(
                "pressroom fetch",
                1,
                "no address to fetch",
                "give a feed or page URL, or list them under `sources:` in pressroom.yaml",
            )
        )
    options = FetchOptions(
        since=since.date() if since else None,
        limit=limit,
        refresh=refresh,
        user_agent_contact=config.newsletter.site_url,
    )
    started = time.perf_counter()
    with progress(quiet, "Fetching pages", "Fetched") as (plan, tick):
        results = run_fetch(sources, workspace / SEEDS, config.tz, options, plan, tick)
    for result in results:
        _print(result, workspace, quiet)
    if not quiet:
        out.print(_summary(results, time.perf_counter() - started), soft_wrap=True)
    failed = any(r.outcome is Outcome.failed for r in results)
    raise typer.Exit(ExitStatus.PROBLEMS if failed else ExitStatus.SUCCESS)


def _print(result: Fetched, workspace: Path, quiet: bool) -> None:
    from pressroom.fetch.run import Outcome

    if result.outcome is Outcome.failed:
        err.print(f"[red]{escape(result.reason)}[/]", soft_wrap=True)
    elif not quiet and result.outcome in (Outcome.new, Outcome.updated) and result.path:
        path = result.path
        shown = path.relative_to(workspace) if path.is_relative_to(workspace) else path
        line = f"{result.outcome.value:8} {shown}  {result.title}"
        out.print(escape(line), soft_wrap=True)


def _summary(results: list[Fetched], seconds: float) -> str:
    from pressroom.fetch.run import Outcome

    count = {outcome: sum(r.outcome is outcome for r in results) for outcome in Outcome}
    parts = [f"{count[Outcome.new]} new", f"{count[Outcome.updated]} updated"]
    if count[Outcome.unchanged]:
        parts.append(f"{count[Outcome.unchanged]} unchanged")
    if count[Outcome.known]:
        parts.append(f"{count[Outcome.known]} already in {SEEDS}/ (--refresh fetches them again)")
    if count[Outcome.skipped]:
        parts.append(f"{count[Outcome.skipped]} before --since")
    parts.append(f"{count[Outcome.failed]} failed")
    return f"fetched: {', '.join(parts)} in {seconds:.1f} s"
