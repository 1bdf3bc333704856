"""The command line: parses flags, calls the core, reports what it returns.

Errors become exit codes in one place, ``_Commands.invoke``: a command raises, it never
picks an exit code for an error itself (see ``status.ExitStatus``).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import webbrowser
from datetime import datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.table import Table
from typer.core import TyperGroup

from pressroom import __version__
from pressroom.build import WeekSelection, week_posts
from pressroom.build import build as run_build
from pressroom.cli.options import (
    Workspace,
    day_option,
    duration_or_exit,
    fail,
    week_or_exit,
    weeks_option,
)
from pressroom.cli.output import (
    STATUS_STYLE,
    err,
    escape,
    out,
    print_error,
    progress,
    report,
    summary,
)
from pressroom.config import load_config
from pressroom.errors import OutboxError, PressroomError, Problem
from pressroom.outbox import OUTBOX, existing_weeks, record_audit
from pressroom.platforms import PLATFORMS
from pressroom.readers import read_files
from pressroom.render.checks import Check, check_digest, failed
from pressroom.render.exports import (
    ExportFormat,
    file_bytes,
    to_csv,
    to_hootsuite,
    to_json,
    to_markdown,
    to_sprout,
)
from pressroom.status import ExitStatus
from pressroom.weeks import week_monday


class CommandFailed(Exception):
    """A command that ran but did not do what was asked (a test send refused, say)."""


class _Commands(TyperGroup):
    """The one place where errors become exit codes and messages."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PressroomError as exc:
            print_error(str(exc.problem))
            raise typer.Exit(ExitStatus.USAGE) from None
        except OutboxError as exc:
            print_error(str(exc.problem))
            raise typer.Exit(ExitStatus.WRITE_FAILED) from None
        except CommandFailed as exc:
            print_error(str(exc))
            raise typer.Exit(ExitStatus.PROBLEMS) from None
        except KeyboardInterrupt:
            err.print("[yellow]Interrupted.[/]")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None


app = typer.Typer(
    cls=_Commands,
    help="Turn press releases into a weekly HTML email digest and social post drafts.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)


class IngestFormat(StrEnum):
    json = "json"
    yaml = "yaml"


def _version(value: bool) -> None:
    if value:
        out.print(f"pressroom {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn press releases into a weekly HTML email digest and social post drafts."""


@app.command()
def ingest(
    files: Annotated[
        list[Path], typer.Argument(help="Release files (.txt, .md, .yaml).", show_default=False)
    ],
    output_format: Annotated[
        IngestFormat, typer.Option("--format", "-f", help="How to print the records.")
    ] = IngestFormat.json,
    workspace: Workspace = Path("."),
) -> None:
    """Print the releases pressroom understood from FILES, to check the parser's reading."""
    config = load_config(workspace)
    outcome = read_files(files, config.tz)
    records = [release.to_dict() for release in outcome.releases]
    if output_format is IngestFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))
    report(outcome.problems)
    raise typer.Exit(ExitStatus.PROBLEMS if outcome.has_errors else ExitStatus.SUCCESS)


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
            help="Processes to build with.",
            show_default="CPU count",
        ),
    ] = None,
) -> None:
    """Build the digest and post drafts of every week in seeds/ into outbox/<YYYY-Www>/.

    Exit codes: 0 built clean, 1 built but some records or checks had problems,
    2 usage, config or template error (nothing written), 3 the outbox could not be
    written (each week folder is still whole, old or new).
    """
    selection = WeekSelection(
        weeks=tuple(week_or_exit(w) for w in week or ()),
        since=since.date() if since else None,
        until=until.date() if until else None,
    )
    with progress(quiet) as (plan, tick):
        result = run_build(workspace, selection, force=force, jobs=jobs, on_plan=plan, on_week=tick)
    report(result.problems)
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


@app.command()
def check(
    workspace: Workspace = Path("."),
    week: Annotated[
        list[str] | None,
        weeks_option("Check only this week (repeatable); default: every built week."),
    ] = None,
    audit: Annotated[
        bool,
        typer.Option(
            "--audit",
            help="Also run axe-core in Chromium at 375 and 600 px, light and dark.",
        ),
    ] = False,
) -> None:
    """Check built digests against the email limits (size, lang, title, preheader, links...)
    and SpamAssassin's score of the .eml as sent now (when spamassassin is installed).

    The audit's results are also written into each week's report.json. Exits 1 when a
    check fails, 2 when there is nothing to check.
    """
    from pressroom.audit import axe_checks, spam_check

    outbox = workspace / OUTBOX
    weeks = [week_or_exit(w) for w in week] if week else existing_weeks(outbox)
    if not weeks:
        fail(Problem(str(outbox), 1, "no built week to check", "run `pressroom build` first"))
    any_failed = False
    for name in weeks:
        folder = outbox / name
        try:
            html = (folder / "digest.html").read_text(encoding="utf-8")
            text = (folder / "digest.txt").read_text(encoding="utf-8")
        except OSError:
            fail(Problem(str(folder), 1, f"week {name} is not built", "run `pressroom build`"))
        found: tuple[Check, ...] = (spam_check((folder / "digest.eml").read_bytes()),)
        if audit:
            found += axe_checks(folder / "digest.html")
        record_audit(outbox, name, [c.as_dict() for c in found])
        checks = check_digest(html, text) + found
        any_failed |= failed(checks)
        table = Table(title=f"{name}  {folder / 'digest.html'}", title_justify="left")
        table.add_column("check")
        table.add_column("result")
        table.add_column("detail", overflow="fold")
        for item in checks:
            table.add_row(item.name, STATUS_STYLE[item.status], item.detail)
        out.print(table)
    raise typer.Exit(ExitStatus.PROBLEMS if any_failed else ExitStatus.SUCCESS)


@app.command()
def posts(
    week: Annotated[
        str, typer.Option("--week", "-w", help="ISO week, e.g. 2026-W04.", show_default=False)
    ],
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
            help="First scheduled slot for hootsuite/sprout (YYYY-MM-DDTHH:MM).",
            formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
            show_default="Monday after the week, 09:00",
        ),
    ] = None,
    every: Annotated[str, typer.Option(help="Time between scheduled posts: 30m, 2h, 1d.")] = "2h",
) -> None:
    """Print or export a week's social post drafts, for review or a scheduling tool."""
    wanted = tuple(p.strip() for p in platform.split(",")) if platform else None
    drafts = week_posts(workspace, week_or_exit(week), wanted)
    slot = start or datetime.combine(week_monday(week) + timedelta(days=7), time(9, 0))
    gap = duration_or_exit(every)
    text = {
        ExportFormat.md: lambda: to_markdown(drafts, f"Posts {week}"),
        ExportFormat.json: lambda: to_json(drafts),
        ExportFormat.csv: lambda: to_csv(drafts),
        ExportFormat.hootsuite: lambda: to_hootsuite(drafts, slot, gap),
        ExportFormat.sprout: lambda: to_sprout(drafts, slot, gap),
    }[output_format]()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_bytes(file_bytes(text, output_format))
        err.print(f"{len(drafts)} posts → {output}")


@app.command()
def preview(
    workspace: Workspace = Path("."),
    port: Annotated[int, typer.Option(help="Port to listen on (0 picks a free one).")] = 8000,
    host: Annotated[
        str,
        typer.Option(help="Address to bind; keep 127.0.0.1 unless you mean to share the preview."),
    ] = "127.0.0.1",
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the preview in a browser.")
    ] = True,
) -> None:
    """Build, serve the outbox with a page per week, and rebuild when a file changes.

    The week page shows the email at 600 and 375 px and in dark mode, the plain
    text, the .eml headers, the checks, and every post with its counter.
    """
    from pressroom.preview import PreviewState, serve, watch

    state = PreviewState(workspace)
    state.rebuild()
    if state.error:
        err.print(f"[red]{escape(state.error)}[/]", soft_wrap=True)
    try:
        server = serve(state, host, port)
    except OSError as exc:
        fail(Problem(f"{host}:{port}", 1, f"cannot listen: {exc.strerror}", "pick another --port"))
    url = f"http://{host}:{server.server_address[1]}/"
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(state, stop), daemon=True)
    watcher.start()
    out.print(f"Previewing {workspace / OUTBOX} at [bold]{url}[/] (Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        out.print("Stopped.")
    finally:
        stop.set()
        server.server_close()


@app.command()
def send(
    week: Annotated[
        str,
        typer.Option("--week", "-w", help="ISO week to send, e.g. 2026-W04.", show_default=False),
    ],
    to: Annotated[str, typer.Option(help="Test recipient address.", show_default=False)],
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
) -> None:
    """Send a built week's digest.eml as a test email."""
    from pressroom.send import SendFailed
    from pressroom.send import send as send_eml

    eml_path = workspace / OUTBOX / week_or_exit(week) / "digest.eml"
    if not eml_path.exists():
        fail(Problem(str(eml_path), 1, f"week {week} is not built", "run `pressroom build`"))
    host, _, port_text = smtp.rpartition(":")
    if not host or not port_text.isdigit():
        fail(Problem("--smtp", 1, f"cannot read {smtp!r}", "write it as HOST:PORT"))
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
    try:
        message_id = send_eml(
            eml_path.read_bytes(),
            to,
            host,
            int(port_text),
            starttls=starttls,
            user=user,
            password=password,
        )
    except SendFailed as exc:
        raise CommandFailed(f"{smtp}: sending failed: {exc}") from exc
    out.print(f"Sent {week} to {to} via {smtp} ({message_id})")


def main() -> None:
    app()
