"""The editor's week end to end: a week file steers the build, the posts and every export;
a bad one stops the build with its file and line and leaves the outbox as it was;
`pressroom week` shows the week and `--init` starts a file that changes nothing."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressroom.cli.main import app
from pressroom.outbox import INDEX_NAME, OUTBOX, WEEK_FILES
from pressroom.readers.weekfile import read_week_plan
from support import FIXTURES

EDITOR = FIXTURES / "workspaces" / "editor"
"""Five releases in 2026-W04 (one with problems to review) and one in 2026-W05."""
PORT = "2026-01-20-le-port-de-valmont-ouvre-un-quai-pour-les-bateaux-electriques"
FUND = "2026-01-21-regional-fund-backs-twelve-start-ups-in-medical-imaging"
SCHOOLS = "2026-01-22-les-lycees-de-la-region-passent-au-chauffage-par-geothermie"
FOREST = "2026-01-23-un-plan-pour-replanter-deux-millions-d-arbres-en-cinq-ans"
WEEK_FILE = f"""\
lead: {SCHOOLS}
order: [{PORT}]
exclude:
  - {FUND}
note: |
  Bonne semaine à **toutes et tous**, et merci de votre [lecture](https://www.example.org/).

  <script>alert("no")</script>
subject: La semaine de la Région, choisie par la rédaction
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The editor workspace, built once without a week file (copied by each test)."""
    folder = tmp_path_factory.mktemp("built") / "ws"
    shutil.copytree(EDITOR, folder)
    result = CliRunner().invoke(app, ["build", "-C", str(folder), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "ws")
    return tmp_path / "ws"


def _outbox(workspace: Path) -> dict[str, bytes]:
    outbox = workspace / OUTBOX
    return {str(p.relative_to(outbox)): p.read_bytes() for p in outbox.rglob("*") if p.is_file()}


def _write_week_file(workspace: Path, text: str, name: str = "2026-W04.yaml") -> None:
    (workspace / "weeks").mkdir(exist_ok=True)
    (workspace / "weeks" / name).write_text(text, encoding="utf-8")


def test_the_week_file_picks_the_lead_orders_excludes_and_adds_a_note(
    ws: Path, runner: CliRunner
) -> None:
    other = ws / OUTBOX / "2026-W05" / "digest.html"
    before = other.stat().st_mtime_ns
    _write_week_file(ws, WEEK_FILE)
    result = runner.invoke(app, ["build", "-C", str(ws)])
    assert result.exit_code == 0, result.output
    assert "built 1 week, 1 unchanged" in result.output  # 2026-W05 is not rendered again
    assert other.stat().st_mtime_ns == before

    folder = ws / OUTBOX / "2026-W04"
    html = (folder / "digest.html").read_text(encoding="utf-8")
    text = (folder / "digest.txt").read_text(encoding="utf-8")
    titles = ["passent au chauffage par géothermie", "ouvre un quai", "replanter deux millions"]
    assert [html.index(t) for t in titles] == sorted(html.index(t) for t in titles)
    assert [text.index(t) for t in titles] == sorted(text.index(t) for t in titles)
    assert text.index("À LA UNE") < text.index(titles[0]) < text.index("ÉGALEMENT")
    for name in WEEK_FILES:  # the excluded release is nowhere
        data = (folder / name).read_text(encoding="utf-8-sig")
        assert "medical imaging" not in data and "medical-imaging" not in data, name
    assert "<strong>toutes et tous</strong>" in html
    assert '<a href="https://www.example.org/"' in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert html.index("toutes et tous") < html.index("À LA UNE")
    assert "Bonne semaine à toutes et tous" in text and "**" not in text  # as text
    assert text.index("toutes et tous") < text.index("À LA UNE")
    eml = (folder / "digest.eml").read_bytes()
    assert b"Subject: La semaine de la =?utf-8?q?R=C3=A9gion" in eml
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["releases"][:3] == [PORT, FOREST, SCHOOLS]  # order first, the rest newest first
    assert FUND not in report["releases"]
    assert report["ok"] is True

    for fmt in ("md", "json", "csv", "hootsuite", "sprout", "ics"):
        shown = runner.invoke(app, ["posts", "-C", str(ws), "--week", "2026-W04", "-f", fmt])
        assert shown.exit_code == 0, shown.output
        assert "medical imaging" not in shown.output and FUND not in shown.output, fmt
        assert "géothermie" in shown.output


def test_editing_or_removing_the_week_file_rebuilds_that_week_only(
    ws: Path, runner: CliRunner
) -> None:
    _write_week_file(ws, f"lead: {PORT}\n")
    assert "built 1 week, 1 unchanged" in runner.invoke(app, ["build", "-C", str(ws)]).output
    assert "built 0 weeks, 2 unchanged" in runner.invoke(app, ["build", "-C", str(ws)]).output
    (ws / "weeks" / "2026-W04.yaml").unlink()
    assert "built 1 week, 1 unchanged" in runner.invoke(app, ["build", "-C", str(ws)]).output


def test_a_preheader_from_the_week_file_is_still_checked(ws: Path, runner: CliRunner) -> None:
    _write_week_file(ws, "preheader: Trop court\n")
    result = runner.invoke(app, ["build", "-C", str(ws)])
    assert result.exit_code == 1
    assert "check failed: preheader: 10 characters (wanted 40-140)" in result.output


BAD_FILES = [
    ("2026-W04.yaml", f"lead: {PORT}\nleed: x\n", "weeks/2026-W04.yaml:2: unknown field 'leed'"),
    (
        "2026-W04.yaml",
        f"order:\n  - {PORT}\n  - 2026-01-20-port\n",
        "weeks/2026-W04.yaml:3: unknown release '2026-01-20-port'; use one of: 2026-01-20-le-port",
    ),
    (
        "2026-W05.yaml",
        f"lead: {PORT}\n",
        f"weeks/2026-W05.yaml:1: unknown release '{PORT}'; use one of: 2026-01-27-la-region",
    ),
    (
        "2026-W04.yaml",
        f"lead: {PORT}\nexclude: [{PORT}]\n",
        f"weeks/2026-W04.yaml:1: '{PORT}' is in lead and excluded",
    ),
    ("2026-W4.yaml", "", "weeks/2026-W4.yaml:1: a week file's name is not an ISO week"),
    ("2026-W04.yaml", "exclude: {a: b}\n", "weeks/2026-W04.yaml:1: field 'exclude' must be"),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD_FILES)
def test_a_bad_week_file_exits_2_and_leaves_the_outbox_whole(
    ws: Path, runner: CliRunner, name: str, text: str, expected: str
) -> None:
    before = _outbox(ws)
    assert INDEX_NAME in before
    _write_week_file(ws, text, name)
    for command in (["build", "--force"], ["posts", "--week", name[:8]], ["week", name[:8]]):
        result = runner.invoke(app, [*command, "-C", str(ws)])
        if command[0] != "build" and name == "2026-W4.yaml":
            continue  # only the build reads every week file; the others read their week's
        assert result.exit_code == 2, (command, result.output)
        assert expected in " ".join(result.output.split()), command
        assert "Traceback" not in result.output
    assert _outbox(ws) == before


def test_week_shows_the_week_and_init_starts_a_file_that_changes_nothing(
    ws: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["week", "2026-W04", "-C", str(ws)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines() if "\t" in line]
    assert [row[:2] for row in rows] == [["1", "lead"], *[[str(n), "story"] for n in (2, 3, 4, 5)]]
    assert rows[0][2] == FOREST and rows[0][3] == "2026-01-23"
    assert "no week file: `pressroom week 2026-W04 --init` writes one" in result.output

    before = _outbox(ws)
    init = runner.invoke(app, ["week", "2026-W04", "--init", "-C", str(ws)])
    assert init.exit_code == 0, init.output
    written = ws / "weeks" / "2026-W04.yaml"
    assert all(f"#   - {i}" in written.read_text(encoding="utf-8") for i in (PORT, FUND, FOREST))
    plan = read_week_plan(ws, "2026-W04")
    assert plan is not None and plan.preheader is None
    assert plan == replace(plan, lead=None, order=(), exclude=(), note="", subject=None)
    assert runner.invoke(app, ["build", "-C", str(ws)]).exit_code == 0
    after = _outbox(ws)
    for name in WEEK_FILES[:-1]:  # the same bytes; only report.json's inputs hash moved
        assert after[f"2026-W04/{name}"] == before[f"2026-W04/{name}"], name

    again = runner.invoke(app, ["week", "2026-W04", "--init", "-C", str(ws)])
    assert again.exit_code == 2
    assert "weeks/2026-W04.yaml:1: the week file exists" in again.output
    _write_week_file(ws, WEEK_FILE)
    shown = runner.invoke(app, ["week", "2026-W04", "-C", str(ws)])
    assert f"-\texcluded\t{FUND}" in shown.output
    assert "week file: weeks/2026-W04.yaml" in shown.output
    assert "subject: La semaine de la Région, choisie par la rédaction (week file)" in shown.output
    forced = runner.invoke(app, ["week", "2026-W04", "--init", "--force", "-C", str(ws)])
    assert forced.exit_code == 0 and "lead:" not in written.read_text(encoding="utf-8")[:100]


def test_an_excluded_release_has_no_posts_to_check(ws: Path, runner: CliRunner) -> None:
    (ws / "seeds" / "07-long.yaml").write_text(
        "title: Un communiqué au post trop long\ndate: 2026-01-22T08:00:00+01:00\n"
        f"standfirst: Un texte court.\nposts:\n  x: {'Trop long. ' * 30}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", "-C", str(ws)])
    assert result.exit_code == 2 and "x: 329/280" in " ".join(result.output.split())
    _write_week_file(ws, "exclude: [2026-01-22-un-communique-au-post-trop-long]\n")
    result = runner.invoke(app, ["build", "-C", str(ws)])
    assert result.exit_code == 0, result.output
    posts = runner.invoke(app, ["posts", "-C", str(ws), "--week", "2026-W04", "-f", "json"])
    assert posts.exit_code == 0 and "Trop long" not in posts.output
