"""`pressroom preview`: serve the outbox and rebuild on every change."""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from pressroom.cli.app import app
from pressroom.cli.options import Workspace, fail
from pressroom.cli.output import err, escape, out
from pressroom.errors import Problem
from pressroom.outbox import OUTBOX


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
