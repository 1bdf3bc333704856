"""How long `pressroom preview` takes from a saved edit to the page's reload event.

    python benchmarks/preview_reload.py [--releases 2000] [--edits 8]

Writes a synthetic archive (benchmarks/archive.py, one week per 20 releases, as
benchmarks/run.py does) with the repository's pressroom.yaml, starts
`python -m pressroom preview --port 0 --no-open` on it, listens to its /events stream,
then appends a sentence to a different release file each time and measures the wall time
from the write to the "data: reload" event the rebuild sends. Prints each time and the
median, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import BinaryIO

from archive import write_archive
from run import compile_package

ROOT = Path(__file__).resolve().parent.parent
URL = re.compile(r"http://127\.0\.0\.1:(\d+)/")
START_TIMEOUT = 600.0  # the first, cold build of the archive comes before the URL
RELOAD_TIMEOUT = 60.0
SETTLE = 0.5  # quiet time between edits, so that no rebuild is still running


def workspace_of(root: Path, releases: int) -> tuple[Path, list[Path]]:
    """The archive's workspace and its raw-text release files (where a line can be added)."""
    workspace = root / f"archive-{releases}"
    paths = write_archive(workspace / "seeds", releases, max(1, releases // 20))
    shutil.copy(ROOT / "pressroom.yaml", workspace / "pressroom.yaml")
    return workspace, [p for p in paths if p.suffix == ".txt"]


def start_preview(workspace: Path) -> tuple[subprocess.Popen[str], int]:
    """The preview server, once it has built the archive, and the port it listens on."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "1000", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pressroom", "preview", "-C", str(workspace)]
    server = subprocess.Popen(
        [*command, "--port", "0", "--no-open"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.stdout is not None
    seen = ""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        seen += line
        if match := URL.search(seen):
            # keep reading what it prints, so that a full pipe never blocks it
            threading.Thread(target=server.stdout.read, daemon=True).start()
            return server, int(match[1])
    stop_preview(server)
    raise SystemExit(f"the preview printed no URL:\n{seen}")


def stop_preview(server: subprocess.Popen[str]) -> None:
    """Ctrl-C, as a user stops it; killed if it does not stop."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def open_events(port: int) -> tuple[socket.socket, BinaryIO]:
    """GET /events, read up to the server's ": connected" comment."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=RELOAD_TIMEOUT)
    request = f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n"
    connection.sendall(request.encode() + b"\r\n")
    stream = connection.makefile("rb")
    status = stream.readline()
    if b" 200 " not in status:
        raise SystemExit(f"/events answered {status!r}")
    while (line := stream.readline()) not in (b"\r\n", b"\n", b""):
        pass  # headers
    while (line := stream.readline()).strip() != b": connected":
        if not line:
            raise SystemExit("/events closed before ': connected'")
    return connection, stream


def next_event(stream: BinaryIO) -> str:
    """The next event's data, skipping comments (keep-alives) and blank lines."""
    while line := stream.readline():
        text = line.decode().strip()
        if text.startswith("data:"):
            return text.removeprefix("data:").strip()
    raise SystemExit("/events closed")


def measure(workspace: Path, files: list[Path], edits: int) -> list[float]:
    """Milliseconds from each write to its reload event."""
    server, port = start_preview(workspace)
    try:
        connection, stream = open_events(port)
        times = []
        for number in range(1, edits + 1):
            time.sleep(SETTLE)
            path = files[(number - 1) * len(files) // edits]
            text = path.read_text(encoding="utf-8") + f"\nUne phrase de plus {number}.\n"
            started = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            event = next_event(stream)
            elapsed = (time.perf_counter() - started) * 1000
            if event != "reload":
                raise SystemExit(f"unexpected event {event!r}")
            times.append(elapsed)
            print(f"edit {number}: {path.name}: {elapsed:.0f} ms", flush=True)
        stream.close()
        connection.close()
        return times
    finally:
        stop_preview(server)


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--releases", type=int, default=2000, help="size of the archive")
    parser.add_argument("--edits", type=int, default=8, help="saves to time, one file each")
    args = parser.parse_args()
    if args.releases < 5 or args.edits < 1:
        parser.error("--releases must be at least 5 and --edits at least 1")
    with tempfile.TemporaryDirectory(prefix="pressroom-reload-") as root:
        workspace, files = workspace_of(Path(root), args.releases)
        times = measure(workspace, files, min(args.edits, len(files)))
    print(
        f"median edit-to-reload: {statistics.median(times):.0f} ms "
        f"({len(times)} edits, {args.releases} releases, {max(1, args.releases // 20)} weeks)"
    )


if __name__ == "__main__":
    main()
