"""Nothing lost, nothing let in: bad records among good ones, killed builds, failed writes,
injection through release text and config, and the preview server under load."""

from __future__ import annotations

import csv
import errno
import http.client
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from archive import write_archive
from typer.testing import CliRunner

from pressroom.cli.main import app
from pressroom.outbox import ARCHIVE_FILES, ARCHIVE_INDEX, WEEK_FILES
from pressroom.preview import PreviewState, serve
from support import FIXTURES, ROOT, fail_outbox_writes


def test_bad_records_among_good_ones(workspace: Path, runner: CliRunner) -> None:
    invalid = FIXTURES / "releases" / "invalid"
    for path in invalid.iterdir():
        if ".expected" not in path.name:
            shutil.copy(path, workspace / "seeds" / path.name)
    shutil.copy(FIXTURES / "releases" / "valid" / "windows_1252.txt", workspace / "seeds")
    seed = next((workspace / "seeds").glob("003_*.txt"))
    shutil.copy(seed, workspace / "seeds" / "zz_duplicate.txt")
    big = workspace / "seeds" / "huge.txt"
    big.write_bytes(b"Titre\n\nLe 19/01/2026\n\n" + b"x" * (5 * 1024 * 1024 + 1))

    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 1
    bad = [p.name for p in invalid.iterdir() if ".expected" not in p.name]
    bad += ["zz_duplicate.txt", "huge.txt"]
    for name in bad:
        named = [line for line in result.stderr.splitlines() if line.startswith(f"seeds/{name}:")]
        assert len(named) == 1, (name, result.stderr)
        assert "; " in named[0]  # what is wrong; what to do
    assert "seeds/windows_1252.txt:1: warning: decoded as Windows-1252" in result.stderr
    assert "Traceback" not in result.output
    for week in ("2025-W11", "2026-W04"):
        html = (workspace / "outbox" / week / "digest.html").read_text(encoding="utf-8")
        assert html == (FIXTURES / "golden" / week / "digest.html").read_text(encoding="utf-8")


def _leftovers(outbox: Path) -> list[Path]:
    """What an interrupted build leaves: temporary or old copies of a week or of the index."""
    return [p for p in outbox.iterdir() if re.search(r"\.(tmp|old)-\d+$", p.name)]


def _folder_state(outbox: Path) -> dict[str, bytes]:
    return {
        week.name: (week / "digest.html").read_bytes()
        for week in outbox.iterdir()
        if week.is_dir() and not week.name.startswith(".")
    }


@pytest.mark.slow
def test_killed_builds_leave_every_week_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "ws"
    write_archive(workspace / "seeds", releases=120, weeks=40)
    shutil.copy(ROOT / "pressroom.yaml", workspace)
    command = [sys.executable, "-m", "pressroom", "build", "-C", str(workspace), "-q"]
    temp = tmp_path / "temp"  # a build leaves nothing in TMPDIR, killed or not
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    subprocess.run(command, check=True, capture_output=True)
    old = _folder_state(workspace / "outbox")
    override = workspace / "templates" / "email" / "partials"
    override.mkdir(parents=True)
    footer = (ROOT / "templates" / "email" / "partials" / "footer.mjml.j2").read_text()
    (override / "footer.mjml.j2").write_text(footer.replace("<strong>", "<strong>NEW "))
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    full = time.perf_counter() - started
    new = _folder_state(workspace / "outbox")
    assert old.keys() == new.keys() and old != new

    rng = random.Random(7)
    outbox = workspace / "outbox"
    for _ in range(10):
        (override / "footer.mjml.j2").write_text(footer)
        subprocess.run([*command, "--force"], check=True, capture_output=True)
        assert _folder_state(outbox) == old
        (override / "footer.mjml.j2").write_text(footer.replace("<strong>", "<strong>NEW "))
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, full))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _no_build_survives(workspace), "a render worker outlived its killed build"
        for week in outbox.iterdir():
            if week.name.startswith("."):
                continue  # a leftover the next build cleans
            if week.name in ARCHIVE_FILES:  # replaced whole: old or new, never cut
                assert week.read_bytes().rstrip().endswith((b"</html>", b"</feed>")), week
                continue
            assert {p.name for p in week.iterdir()} == set(WEEK_FILES), week
            json.loads((week / "report.json").read_text())
            assert (week / "digest.html").read_bytes() in (old[week.name], new[week.name])
        assert {w for w in old if not (outbox / w).exists()} <= {
            p.name.split(".")[1] for p in _leftovers(outbox)
        }
        subprocess.run(command, check=True, capture_output=True)
        assert not _leftovers(outbox)
        assert not list(temp.iterdir()), "a killed build left files in TMPDIR"
        assert _folder_state(outbox) == new
        assert (outbox / ARCHIVE_INDEX).read_bytes().count(b"/digest.html") == len(new)


def _no_build_survives(workspace: Path, wait: float = 5.0) -> bool:
    """No process left running a build of this workspace (forked workers share its
    command line), after giving the kernel a moment to take them down."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        survivors = []
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                command = (proc / "cmdline").read_bytes().split(b"\0")
                state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if str(workspace).encode() in command and state != "Z":
                survivors.append(proc.name)
        if not survivors:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_failed_writes_keep_the_previous_outbox(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    before = _folder_state(workspace / "outbox")
    fail_outbox_writes(monkeypatch, code, only="digest.mjml")
    result = runner.invoke(app, ["build", "-C", str(workspace), "--force"])
    assert result.exit_code == 3
    assert f"cannot write the week: {os.strerror(code)}" in result.stderr
    assert "Traceback" not in result.output
    assert _folder_state(workspace / "outbox") == before
    assert not _leftovers(workspace / "outbox")


def test_injection_through_text_and_config(workspace: Path, runner: CliRunner) -> None:
    (workspace / "seeds" / "evil.md").write_text(
        '---\ntitle: "=HYPERLINK(\\"http://evil\\") <script>x</script>"\n'
        'date: 2026-01-20\nurl: "https://www.auvergnerhonealpes.fr/a\\nBcc: victim@example.org"\n'
        "---\n@SUM(1+1) un paragraphe [lien](javascript:alert(1)) <iframe src=x>\n",
        encoding="utf-8",
    )
    config = (workspace / "pressroom.yaml").read_text(encoding="utf-8")
    config = config.replace(
        "name: La lettre presse de la Région", 'name: "Lettre\\r\\nBcc: victim@example.org"'
    )
    (workspace / "pressroom.yaml").write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 1  # the url with a line break is refused, the record builds
    week = workspace / "outbox" / "2026-W04"
    html = (week / "digest.html").read_text(encoding="utf-8")
    assert "<script>x" not in html and "<iframe" not in html and "javascript:" not in html
    message = message_from_bytes((week / "digest.eml").read_bytes(), policy=default)
    assert message["Bcc"] is None and "\n" not in str(message["Subject"])
    rows = list(csv.DictReader(io.StringIO((week / "posts.csv").read_text("utf-8-sig"))))
    assert rows and all(not row["title"].startswith(("=", "+", "-", "@")) for row in rows)
    sheet = (week / "posts.md").read_text(encoding="utf-8")
    raw_html = [line for line in sheet.splitlines() if "<script" in line or "<iframe" in line]
    assert raw_html and all(line.startswith("    ") for line in raw_html)  # code blocks only


def _request(port: int, method: str, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.fixture
def server(workspace: Path):  # type: ignore[no-untyped-def]
    state = PreviewState(workspace)
    state.rebuild()
    preview = serve(state, "127.0.0.1", 0)
    threading.Thread(target=preview.serve_forever, daemon=True).start()
    yield preview.server_address[1]
    preview.shutdown()
    preview.server_close()


@pytest.mark.slow
def test_preview_under_load_answers_everything(server: int) -> None:
    paths = ["/", "/2025-W11/", "/2026-W04/digest.html", "/2025-W11/posts.json", "/nope"]
    expected = {"/nope": 404}

    def batch(start: int) -> list[tuple[str, int]]:
        return [
            (p, _request(server, "GET", p))
            for p in (paths[(start + i) % len(paths)] for i in range(1000 // 32 + 1))
        ]

    tracemalloc.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(32) as pool:
        first = [r for rs in pool.map(batch, range(32)) for r in rs]
    middle, _ = tracemalloc.get_traced_memory()
    with ThreadPoolExecutor(32) as pool:
        second = [r for rs in pool.map(batch, range(32)) for r in rs]
    after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    elapsed = time.perf_counter() - started
    answers = first + second
    assert len(answers) >= 2000
    assert all(status == expected.get(path, 200) for path, status in answers)
    assert elapsed < 60
    assert after - middle < 5 * 1024 * 1024  # flat: the second thousand keeps nothing


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/" + "a" * 5000, 414),
        ("POST", "/", 405),
        ("DELETE", "/2025-W11/digest.html", 405),
        ("FOO", "/", 405),
        ("GET", "/%zz%", 404),
        ("GET", "/%c0%af", 400),
        ("GET", "/2025-W11/%ff", 400),
    ],
)
def test_bad_requests_get_4xx(server: int, method: str, path: str, status: int) -> None:
    assert _request(server, method, path) == status
    assert _request(server, "GET", "/") == 200  # still serving
