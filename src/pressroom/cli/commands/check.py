"""`pressroom check`: a built week against the email limits, SpamAssassin and axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, fail, week_or_exit, weeks_option
from pressroom.cli.output import STATUS_STYLE, out, report
from pressroom.config import load_config
from pressroom.errors import Problem, Severity
from pressroom.outbox import OUTBOX, existing_weeks, record_audit
from pressroom.status import ExitStatus
from pressroom.workspace import example_values, setting_line


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
            help="Also run axe-core in Chromium at 375 and 600 px, light and dark, and "
            "ask caniemail's data (node and its npm package) what each client lacks.",
        ),
    ] = False,
) -> None:
    """Check built digests: email limits, links, and SpamAssassin's score as sent now.

    The limits are size, lang, title, preheader and links; SpamAssassin runs when
    it is installed.

    The audit's results are also written into each week's report.json. A setting still
    holding an example.org address fails too; an unsubscribe_url without a per-recipient
    merge tag is a warning. Exits 1 when a check fails, 2 when there is nothing to check.
    """
    from pressroom.audit import axe_checks, caniemail_checks, spam_checks
    from pressroom.readers.images import images_in
    from pressroom.render.checks import Check, check_digest, failed
    from pressroom.render.week import published_images

    load_config(workspace)  # a setting that cannot work stops the check at its line
    outbox = workspace / OUTBOX
    weeks = [week_or_exit(w) for w in week] if week else existing_weeks(outbox)
    if not weeks:
        fail(Problem(str(outbox), 1, "no built week to check", "run `pressroom build` first"))
    built = {name: _built_week(outbox / name) for name in weeks}
    newsletter = load_config(workspace).newsletter
    if not newsletter.assets_url:  # digest.html shows them from the copies: the email's HTML
        for name, (html, text, eml) in built.items():
            built[name] = (published_images(html, newsletter.assets_base(name)), text, eml)
    spam = spam_checks([eml for _html, _text, eml in built.values()])
    any_failed = False
    for (name, (html, text, _eml)), spam_verdict in zip(built.items(), spam, strict=True):
        folder = outbox / name
        found: tuple[Check, ...] = (spam_verdict,)
        if audit:
            found += axe_checks(folder / "digest.html")
            found += caniemail_checks(folder / "digest.html", workspace)
        record_audit(outbox, name, [c.as_dict() for c in found])
        checks = check_digest(html, text, images_in(folder)) + found
        any_failed |= failed(checks)
        table = Table(title=f"{name}  {folder / 'digest.html'}", title_justify="left")
        table.add_column("check")
        table.add_column("result")
        table.add_column("detail", overflow="fold")
        for item in checks:
            table.add_row(item.name, STATUS_STYLE[item.status], item.detail)
        out.print(table)
    examples = example_values(workspace, Severity.ERROR)
    report(examples)
    report(unsubscribe_warnings(workspace))
    any_failed |= bool(examples)
    raise typer.Exit(ExitStatus.PROBLEMS if any_failed else ExitStatus.SUCCESS)


def _built_week(folder: Path) -> tuple[str, str, bytes]:
    """The week's digest.html, digest.txt and digest.eml, or a usage error."""
    try:
        return (
            (folder / "digest.html").read_text(encoding="utf-8"),
            (folder / "digest.txt").read_text(encoding="utf-8"),
            (folder / "digest.eml").read_bytes(),
        )
    except OSError:
        fail(Problem(str(folder), 1, f"week {folder.name} is not built", "run `pressroom build`"))


def unsubscribe_warnings(workspace: Path) -> tuple[Problem, ...]:
    """A warning at ``newsletter.unsubscribe_url`` when it carries no sending service's
    per-recipient merge tag (``render.checks.MERGE_TAG``): every reader then gets the same
    link, where Gmail's and Yahoo's bulk-sender rules want one-click unsubscribe
    (RFC 8058) to identify the reader."""
    from pressroom.config import load_config
    from pressroom.render.checks import MERGE_TAG

    url = load_config(workspace).newsletter.unsubscribe_url
    if MERGE_TAG.search(url):
        return ()
    path, line = setting_line(workspace, "newsletter.unsubscribe_url")
    return (
        Problem(
            path,
            line,
            f"newsletter.unsubscribe_url {url!r} carries no merge tag: every reader gets the "
            "same unsubscribe link (Gmail's and Yahoo's bulk-sender rules want it to identify "
            "the reader)",
            "put your sending service's per-recipient tag in it: ?u=*|UNIQID|* after the "
            "address (Mailchimp), or the tag alone ({{ unsubscribe_url }}, *|UNSUB|*)",
            Severity.WARNING,
        ),
    )
