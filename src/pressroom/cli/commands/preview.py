"""`pressroom preview`: serve the outbox and rebuild on every change."""

from __future__ import annotations

import threading
import webbrowser
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, fail, port_or_exit
from pressroom.cli.output import err, escape, out, report
from pressroom.errors import Problem
from pressroom.outbox import OUTBOX
from pressroom.status import ExitStatus

if TYPE_CHECKING:
    from pressroom.pipeline.build import BuildResult
    from pressroom.preview import PreviewState


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
    from pressroom.preview import serve, watch

    port_or_exit(port)
    state = _logged_state(workspace)
    state.rebuild()
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
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    finally:
        stop.set()
        server.server_close()


def _logged_state(workspace: Path) -> PreviewState:
    """The preview's state, each rebuild logged in the terminal: when, the weeks it built
    (or that nothing changed), its problems or its error."""
    from pressroom.preview import PreviewState

    class Logged(PreviewState):
        def rebuild(self) -> None:
            super().rebuild()
            err.print(rebuild_line(self.last if self.error is None else None, self.error))
            if self.error is None and self.last is not None:
                report(self.last.problems)

    return Logged(workspace)


def rebuild_line(result: BuildResult | None, error: str | None, now: datetime | None = None) -> str:
    """One rebuild as the terminal logs it: ``10:42:07 rebuilt 2026-W04: 0 problems``, or
    ``up to date`` when no week changed."""
    stamp = (now or datetime.now()).strftime("%H:%M:%S")
    if result is None:
        return f"{stamp} [red]build failed: {escape(error or '')}[/]"
    weeks = f"rebuilt {', '.join(result.built)}" if result.built else "up to date"
    errors = sum(1 for p in result.problems if p.is_error)
    warnings = len(result.problems) - errors
    counts = f"{errors} problem{'s' * (errors != 1)}"
    counts += f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
    failed = f", checks failed in {', '.join(result.failed_checks)}" if result.failed_checks else ""
    return f"{stamp} {weeks}: {counts}{failed} ({result.seconds:.1f} s)"
