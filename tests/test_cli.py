"""The command line end to end: exit codes, outputs, messages a person can act on."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from pressroom.cli.commands import COMMANDS
from pressroom.cli.main import app
from pressroom.outbox import WEEK_FILES, existing_weeks
from pressroom.status import ExitStatus
from support import FIXTURES, ROOT

_WITH_CTRL_C = (
    "import runpy, signal, sys;"
    "signal.signal(signal.SIGINT, signal.default_int_handler);"
    "sys.argv = ['pressroom', *sys.argv[1:]];"
    "runpy.run_module('pressroom', run_name='__main__')"
)
"""``python -c`` that runs pressroom with Python's own Ctrl-C handler: Python leaves SIGINT
ignored when it starts ignored, as it does under a shell's ``&``; a terminal would start
the command with the handler."""


def test_build_on_seeds_writes_both_weeks_with_passing_checks(
    workspace: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 0, result.output
    for week in ("2025-W11", "2026-W04"):
        folder = workspace / "outbox" / week
        assert {p.name for p in folder.iterdir()} == set(WEEK_FILES)
        report = json.loads((folder / "report.json").read_text())
        assert report["ok"] is True
        assert all(c["status"] == "pass" for c in report["checks"])
    assert "built 2 weeks" in result.output


def test_build_one_week_only(workspace: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["build", "-C", str(workspace), "--week", "2026-W04"])
    assert result.exit_code == 0, result.output
    assert existing_weeks(workspace / "outbox") == ["2026-W04"]


def test_build_since_until_selects_by_date(workspace: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["build", "-C", str(workspace), "--since", "2025-03-01", "--until", "2025-12-31"]
    )
    assert result.exit_code == 0, result.output
    assert existing_weeks(workspace / "outbox") == ["2025-W11"]


def test_bad_record_is_reported_and_the_others_still_build(
    workspace: Path, runner: CliRunner
) -> None:
    (workspace / "seeds" / "broken.txt").write_text("Titre sans date\n\nTexte.\n")
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 1
    assert "seeds/broken.txt:1: no date found; add a date line" in result.output
    assert (workspace / "outbox" / "2025-W11" / "digest.html").exists()


def test_unknown_config_key_is_a_usage_error_with_its_line(
    workspace: Path, runner: CliRunner
) -> None:
    (workspace / "pressroom.yaml").write_text("locale: fr\nnewsletter:\n  nom: X\n")
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 2
    assert "pressroom.yaml:3: unknown key 'newsletter.nom'" in result.output
    assert not (workspace / "outbox").exists()


def test_broken_template_writes_nothing(workspace: Path, runner: CliRunner) -> None:
    partials = workspace / "templates" / "email" / "partials"
    partials.mkdir(parents=True)
    (partials / "stories.mjml.j2").write_text("<mj-text>{% if %}</mj-text>\n")
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 2
    assert "stories.mjml.j2:1: template error" in result.output
    assert not (workspace / "outbox").exists()


def test_user_template_overrides_the_packaged_one(workspace: Path, runner: CliRunner) -> None:
    posts = workspace / "templates" / "posts"
    posts.mkdir(parents=True)
    (posts / "x.txt.j2").write_text("NEW {{ title }} {{ url }}\n")
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    drafts = json.loads((workspace / "outbox" / "2026-W04" / "posts.json").read_text())
    assert next(p for p in drafts if p["platform"] == "x")["text"].startswith("NEW La Région")
    assert not next(p for p in drafts if p["platform"] == "bluesky")["text"].startswith("NEW")


def test_check_prints_a_table_and_exit_code(workspace: Path, runner: CliRunner) -> None:
    assert runner.invoke(app, ["check", "-C", str(workspace)]).exit_code == 2
    runner.invoke(app, ["build", "-C", str(workspace)])
    result = runner.invoke(app, ["check", "-C", str(workspace)])
    assert result.exit_code == 0 and "size under Gmail clip" in result.output
    html = workspace / "outbox" / "2026-W04" / "digest.html"
    html.write_text(html.read_text().replace('lang="fr"', ""))
    assert runner.invoke(app, ["check", "-C", str(workspace)]).exit_code == 1


def test_posts_command_exports_each_format(workspace: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "posts",
            "-C",
            str(workspace),
            "--week",
            "2025-W11",
            "--platform",
            "x,mastodon",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    drafts = json.loads(result.stdout)
    assert [d["platform"] for d in drafts] == ["x", "mastodon"]
    assert all(d["status"] == "draft" and d["length"] <= d["limit"] for d in drafts)
    out = workspace / "posts.csv"
    result = runner.invoke(
        app,
        ["posts", "-C", str(workspace), "--week", "2025-W11", "--format", "sprout", "-o", str(out)],
    )
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdate,time_24hr,message_text")
    bad = runner.invoke(
        app, ["posts", "-C", str(workspace), "--week", "2025-W11", "--platform", "myspace"]
    )
    assert bad.exit_code == 2 and "unknown platform 'myspace'" in bad.output


def test_ingest_prints_records_and_reports_bad_files(runner: CliRunner) -> None:
    valid = FIXTURES / "releases" / "valid" / "pour_x.txt"
    invalid = FIXTURES / "releases" / "invalid" / "no_date.txt"
    result = runner.invoke(app, ["ingest", str(valid), str(invalid), "--format", "json"])
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["quotes"][0]["speaker"] for r in records] == ["Paul Girard"]
    assert f"{invalid}:1: no date found" in result.stderr


def test_console_script_runs_and_help_reads_well() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    for command in ("build", "check", "ingest", "posts"):
        assert command in result.stdout


def test_help_imports_no_command_and_says_what_each_command_s_own_help_says() -> None:
    """``pressroom --help`` lists the commands without importing their modules (nor the
    pipeline, readers or renderers they use): each one's line is its own help's first
    paragraph."""
    import inspect

    import typer.main

    code = (
        "import sys\n"
        "from pressroom.cli.main import main\n"
        "sys.argv = ['pressroom', '--help']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('pressroom'))), "
        "file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    imported = result.stderr.split()
    assert not [m for m in imported if m.startswith("pressroom.cli.commands.")], imported
    for layer in ("pipeline", "readers", "compose", "render", "attribution", "config"):
        assert not [m for m in imported if m.startswith(f"pressroom.{layer}")], imported
    group = typer.main.get_group(app)
    context = group.make_context("pressroom", ["--help"], resilient_parsing=True)
    for name, line in COMMANDS.items():
        command = group.get_command(context, name)
        assert command is not None and command.callback is not None
        own = inspect.getdoc(command.callback) or ""
        assert " ".join(own.split("\n\n")[0].split()) == line


def test_errors_print_square_brackets_as_written(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "[bold]draft"
    folder.mkdir()
    result = runner.invoke(app, ["build", "-C", str(folder)])
    assert result.exit_code == 2
    assert f"{folder}/seeds:1: no seeds/ folder in the workspace" in result.output


def test_runtime_template_error_names_the_partial(workspace: Path, runner: CliRunner) -> None:
    partials = workspace / "templates" / "email" / "partials"
    partials.mkdir(parents=True)
    footer = (ROOT / "templates" / "email" / "partials" / "footer.mjml.j2").read_text()
    (partials / "footer.mjml.j2").write_text("{{ config.nonexistent.thing }}\n" + footer)
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 2
    assert f"{partials / 'footer.mjml.j2'}:1: template error:" in result.output
    assert not (workspace / "outbox").exists()


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl-C while pressroom waits on a file: exit status 130 (ExitStatus.INTERRUPTED),
    one line on stderr. The file is a named pipe with no writer, so the read blocks until
    the signal comes, whatever the machine's speed."""
    fifo = tmp_path / "release.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-c", _WITH_CTRL_C, "ingest", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while True:  # a non-blocking open for writing succeeds once the reader has it open
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, "ingest never read"
            time.sleep(0.02)
    # the signal must find the read blocked: one that lands between the open and the read
    # is handled before the read begins, which then waits for ever (CPython checks for
    # signals when a system call is interrupted, not before it starts)
    wchan = Path(f"/proc/{process.pid}/wchan")
    while wchan.exists() and "pipe" not in wchan.read_text():
        assert time.monotonic() < deadline and process.poll() is None, "ingest never blocked"
        time.sleep(0.02)
    try:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        os.close(writer)
    assert process.returncode == ExitStatus.INTERRUPTED
    assert int(ExitStatus.INTERRUPTED) == 130  # what shells report for SIGINT
    assert "Traceback" not in stderr and "Interrupted" in stderr


LAKE = """---
title: Le lac de Brévanne rouvre à la baignade
date: 2026-01-20
image: https://www.example.org/images/lac.jpg
posts:
  x: "{x}"
  linkedin: Le lac de Brévanne rouvre samedi, surveillé chaque jour.
image_alt: Le ponton du lac de Brévanne au petit matin
---
La baignade rouvre samedi au lac de Brévanne après deux étés de travaux.
"""


def _outbox(workspace: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(workspace)): p.read_bytes()
        for p in sorted((workspace / "outbox").rglob("*"))
        if p.is_file()
    }


def test_an_override_over_its_limit_stops_the_command_and_writes_nothing(
    workspace: Path, runner: CliRunner
) -> None:
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    before = _outbox(workspace)
    seed = workspace / "seeds" / "lac.md"
    seed.write_text(LAKE.format(x=("Baignade surveillée au lac. " * 12)[:312]), encoding="utf-8")
    message = "seeds/lac.md:6: post for x is over its limit (x: 312/280); shorten it"
    posts = runner.invoke(app, ["posts", "-C", str(workspace), "--week", "2026-W04"])
    assert posts.exit_code == 2 and message in posts.output
    build = runner.invoke(app, ["build", "-C", str(workspace)])
    assert build.exit_code == 2 and message in build.output
    assert _outbox(workspace) == before  # every week as it was, the index too
    other = runner.invoke(app, ["build", "-C", str(workspace), "-w", "2025-W11", "--force"])
    assert other.exit_code == 0, other.output  # a week without the override still builds
    seed.write_text(LAKE.format(x="Le lac de Brévanne rouvre samedi !"), encoding="utf-8")
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    drafts = json.loads((workspace / "outbox" / "2026-W04" / "posts.json").read_text())
    lake = {d["platform"]: d for d in drafts if d["title"].startswith("Le lac")}
    assert lake["x"]["text"] == "Le lac de Brévanne rouvre samedi !"
    assert lake["x"]["flags"] == ["override"] and lake["x"]["length"] == 34
    assert {d["image"] for d in lake.values()} == {"https://www.example.org/images/lac.jpg"}
    assert lake["instagram"]["flags"] == []


def test_an_unknown_platform_in_posts_is_reported_at_its_line(
    workspace: Path, runner: CliRunner
) -> None:
    (workspace / "seeds" / "velo.yaml").write_text(
        "title: Une piste cyclable\ndate: 2026-01-21\nposts:\n  x: À vélo !\n  twitter: Vélo\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 1
    assert "seeds/velo.yaml:5: unknown platform 'twitter' in posts; use one of: x, bluesky" in (
        result.output
    )
    assert (workspace / "outbox" / "2026-W04" / "posts.json").exists()


def test_posts_ics_puts_each_post_at_its_time_in_the_configured_zone(
    workspace: Path, runner: CliRunner
) -> None:
    out = workspace / "posts.ics"
    args = ["posts", "-C", str(workspace), "-w", "2026-W04", "--platform", "x,instagram"]
    args += ["--format", "ics", "--start", "2026-01-26T09:00", "--every", "30m", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")  # no byte-order mark
    events = Calendar.from_ical(out.read_text(encoding="utf-8")).walk("VEVENT")
    assert [str(e["SUMMARY"]).split(":")[0] for e in events] == ["X", "Instagram"]
    starts = [e.decoded("DTSTART") for e in events]
    assert [str(s.tzinfo) for s in starts] == ["Europe/Paris"] * 2
    assert [s.astimezone(UTC).strftime("%H:%M") for s in starts] == ["08:00", "08:00"]
    assert "needs image" in str(events[1]["DESCRIPTION"])
    config = workspace / "pressroom.yaml"
    config.write_text(config.read_text().replace("Europe/Paris", "America/Montreal"))
    assert runner.invoke(app, args).exit_code == 0
    (first, _) = Calendar.from_ical(out.read_text(encoding="utf-8")).walk("VEVENT")
    assert str(first.decoded("DTSTART").tzinfo) == "America/Montreal"
    assert first.decoded("DTSTART").astimezone(UTC).strftime("%H:%M") == "14:00"


def _ingest_quotes(runner: CliRunner, folder: Path, text: str) -> list[dict[str, object]]:
    release = folder / "seeds" / "port.txt"
    release.parent.mkdir(exist_ok=True)
    release.write_text(f"Port gets a new crane\n\nMarch 5, 2026\n\n{text}\n", "utf-8")
    result = runner.invoke(app, ["ingest", str(release), "-C", str(folder)])
    assert result.exit_code == 0, result.output
    quotes: list[dict[str, object]] = json.loads(result.stdout)[0]["quotes"]
    return quotes


def test_a_verb_the_workspace_adds_attributes_a_quote(tmp_path: Path, runner: CliRunner) -> None:
    # an unknown verb after the quotation: only the word list says it is speech
    text = '"We will load ships twice as fast now," Tom Lee chortled on Monday.'
    before = _ingest_quotes(runner, tmp_path, text)[0]
    assert before["speaker"] is None
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "verbs.en.txt").write_text("# our verbs\nchortled\n", "utf-8")
    quote = _ingest_quotes(runner, tmp_path, text)[0]
    assert (quote["speaker"], quote["role"]) == ("Tom Lee", None)


def test_an_unknown_verb_after_a_quote_stays_out_of_the_role(
    tmp_path: Path, runner: CliRunner
) -> None:
    text = '"We will load ships twice as fast now," chortled Tom Lee, director of the port.'
    quote = _ingest_quotes(runner, tmp_path, text)[0]
    assert (quote["speaker"], quote["role"], quote["cue"]) == (
        "Tom Lee",
        "director of the port",
        "after-verb",
    )


def test_a_role_the_workspace_adds_resolves_a_descriptor(tmp_path: Path, runner: CliRunner) -> None:
    text = (
        "The port bought a crane. Bosun Ann Roe and pilot Tom Lee opened the quay.\n\n"
        '"We will load ships twice as fast now," the bosun said.'
    )
    before = _ingest_quotes(runner, tmp_path, text)[0]
    assert before["speaker"] is None  # not an office pressroom knows: the editor checks it
    assert before["check"] == "“the bosun”: could be Ann Roe or Tom Lee"
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "roles.en.txt").write_text("bosun\n", "utf-8")
    quote = _ingest_quotes(runner, tmp_path, text)[0]
    assert (quote["speaker"], quote["role"], quote["cue"]) == (
        "Ann Roe",
        "Bosun",
        "descriptor",
    )


def test_a_bad_lexicon_stops_ingest_at_its_line(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "verbs.fr.txt").write_text("glousse | | gloussé\n", "utf-8")
    release = tmp_path / "a.txt"
    release.write_text("Title\n\nMarch 5, 2026\n\nText.\n", "utf-8")
    result = runner.invoke(app, ["ingest", str(release), "-C", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'lexicons' / 'verbs.fr.txt'}:1: 'glousse | | gloussé'" in result.stderr


def test_a_gender_word_the_workspace_adds_resolves_a_pronoun(
    tmp_path: Path, runner: CliRunner
) -> None:
    text = (
        "Harbourmistress Dominique Roe welcomed Maria Lee, director of the port, to the quay.\n\n"
        '"It is a great day for the whole town," she said.'
    )
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "roles.en.txt").write_text("harbourmistress\n", "utf-8")
    before = _ingest_quotes(runner, tmp_path, text)[0]  # "Dominique" is used for both
    assert before["speaker"] is None
    assert before["check"] == "“she”: could be Dominique Roe or Maria Lee"
    (lexicons / "gender-roles.en.txt").write_text("harbourmistress | f\n", "utf-8")
    quote = _ingest_quotes(runner, tmp_path, text)[0]
    assert (quote["speaker"], quote["role"], quote["cue"]) == (
        "Dominique Roe",
        "Harbourmistress",
        "pronoun",
    )


def test_ingest_shows_why_a_speaker_is_to_check_and_the_speaker_the_editor_sets(
    tmp_path: Path, runner: CliRunner
) -> None:
    release = tmp_path / "port.md"
    text = (
        "---\ntitle: Port gets a new crane\ndate: 2026-03-05\nlang: en\n---\n"
        "Ann Lowe and Tom Lee opened the quay.\n\n"
        '"We will load ships twice as fast now," they said.\n'
    )
    release.write_text(text, "utf-8")
    result = runner.invoke(app, ["ingest", str(release), "-C", str(tmp_path), "-f", "yaml"])
    assert result.exit_code == 0, result.output
    assert "check: '“they”: several people speak together'" in result.stdout
    stated = "speakers:\n  - quote: twice as fast\n    speaker: Ann Lowe\n"
    release.write_text(text.replace("lang: en\n", f"lang: en\n{stated}"), "utf-8")
    result = runner.invoke(app, ["ingest", str(release), "-C", str(tmp_path)])
    assert result.exit_code == 0, result.output
    quote = json.loads(result.stdout)[0]["quotes"][0]
    assert (quote["speaker"], quote["cue"], quote["check"]) == ("Ann Lowe", "editor", None)
    unmatched = (
        stated.replace("Ann Lowe", "Tom Lee") + "  - quote: at low tide\n    speaker: Ann Lowe\n"
    )
    release.write_text(text.replace("lang: en\n", f"lang: en\n{unmatched}"), "utf-8")
    result = runner.invoke(app, ["ingest", str(release), "-C", str(tmp_path)])
    assert result.exit_code == ExitStatus.PROBLEMS
    assert json.loads(result.stdout)[0]["quotes"][0]["speaker"] == "Tom Lee"
    assert f'{release}:8: no quotation holds "at low tide"; copy a few words' in result.stderr


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["preview", "--port", "99999", "--no-open"], "--port:1: 99999 is not a port"),
        (["preview", "--port", "-1", "--no-open"], "--port:1: -1 is not a port"),
        (["posts", "--week", "2026-W4"], "--week:1: '2026-W4' is not an ISO week"),
        (["send", "--to", "me@example.org", "--smtp", "host:99999"], "--smtp:1: 99999 is not"),
        (["send", "--to", "me@example.org", "--smtp", "a host:25"], "--smtp:1: cannot read"),
        (["send", "--to", "me@example.org", "--ssl", "--starttls"], "--ssl:1: --ssl and"),
        (["send", "--to", "not an address"], "--to:1: 'not an address' is not a list of"),
    ],
)
def test_a_bad_flag_is_exit_2_naming_the_flag_without_traceback(
    workspace: Path, runner: CliRunner, command: list[str], says: str
) -> None:
    result = runner.invoke(app, [*command, "-C", str(workspace)])
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert result.output.count("2026-W04") <= 1  # the hint said once


def test_weeks_are_read_in_any_case_and_posts_default_to_the_latest_built(
    workspace: Path, runner: CliRunner
) -> None:
    lower = runner.invoke(app, ["posts", "-C", str(workspace), "--week", "2026-w04", "-f", "json"])
    assert lower.exit_code == 0, lower.output
    assert '"release_id": "2026-01-19-' in lower.stdout
    nothing = runner.invoke(app, ["posts", "-C", str(workspace)])
    assert nothing.exit_code == 2 and "no built week to default to" in nothing.output
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    latest = runner.invoke(app, ["posts", "-C", str(workspace), "-f", "json"])
    assert latest.exit_code == 0 and latest.stdout == lower.stdout
    assert "week 2026-W04 (the latest built" in latest.stderr


def _line_with(stream: Any, text: str, process: subprocess.Popen[str], poke: Any = None) -> str:
    """The first line of ``stream`` holding ``text`` (60 s at most: a deadline, not a
    measure); ``poke`` is called while none came (a change the watcher may have missed
    while it was starting)."""
    import select

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if poke is not None:
            poke()
        ready, _, _ = select.select([stream], [], [], 1)
        if ready:
            line = stream.readline()
            if text in line:
                return str(line)
            assert line or process.poll() is None, "the preview stopped"
    raise AssertionError(f"no line with {text!r}")


def test_the_preview_logs_each_rebuild_and_exits_130_on_ctrl_c(workspace: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _WITH_CTRL_C,
            "preview",
            "-C",
            str(workspace),
            "--port=0",
            "--no-open",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"},
    )
    try:
        first = _line_with(process.stderr, " rebuilt ", process)
        assert "2025-W11, 2026-W04: 0 problems" in first
        assert re.match(r"\d\d:\d\d:\d\d rebuilt", first)
        _line_with(process.stdout, "Previewing", process)
        seed = next((workspace / "seeds").glob("000_*.txt"))

        def edit() -> None:
            seed.write_text(seed.read_text(encoding="utf-8") + "\nUne ligne de plus.\n")

        again = _line_with(process.stderr, " rebuilt ", process, edit)
        assert "rebuilt 2026-W04: 0 problems" in again
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == ExitStatus.INTERRUPTED
    assert "Traceback" not in stderr


def test_a_rebuild_line_says_the_weeks_the_problems_or_the_error() -> None:
    from pressroom.cli.commands.preview import rebuild_line
    from pressroom.errors import Problem, Severity
    from pressroom.pipeline.build import BuildResult

    at = datetime(2026, 1, 26, 10, 42, 7)
    warning = Problem("seeds/a.txt", 3, "mojibake repaired", severity=Severity.WARNING)
    result = BuildResult(("2026-W04",), (), (), (Problem("seeds/b.txt", 1, "no title"), warning))
    assert rebuild_line(result, None, at).startswith(
        "10:42:07 rebuilt 2026-W04: 1 problem, 1 warning ("
    )
    assert "10:42:07 up to date: 0 problems" in rebuild_line(
        BuildResult((), ("2026-W04",), (), ()), None, at
    )
    assert "build failed: pressroom.yaml:2: bad" in rebuild_line(None, "pressroom.yaml:2: bad", at)


def test_check_judges_images_at_their_published_address(tmp_path: Path, runner: CliRunner) -> None:
    """digest.html shows unpublished images from the week folder (relative addresses);
    `check` judges them where the email loads them, over https."""
    from support import PICTURES_WEEK, pictures_workspace

    workspace = pictures_workspace(tmp_path)
    config = workspace / "pressroom.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  assets_url:", "  # assets_url:"), encoding="utf-8")
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    assert 'src="assets/' in (workspace / "outbox" / PICTURES_WEEK / "digest.html").read_text()
    command = ["check", "-C", str(workspace), "--week", PICTURES_WEEK]
    result = runner.invoke(app, command, env={"COLUMNS": "300"})
    row = next(line for line in result.output.splitlines() if "images within limits" in line)
    assert "pass" in row and "2 images, all https; 1 file" in row, result.output


def test_check_warns_when_unsubscribe_url_has_no_merge_tag(
    workspace: Path, runner: CliRunner
) -> None:
    runner.invoke(app, ["build", "-C", str(workspace)])
    config = workspace / "pressroom.yaml"
    line = next(
        n
        for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1)
        if text.strip().startswith("unsubscribe_url:")
    )
    result = runner.invoke(app, ["check", "-C", str(workspace)])
    assert result.exit_code == 0  # a warning: the check still passes
    warning = f"pressroom.yaml:{line}: warning: newsletter.unsubscribe_url "
    assert warning in result.output and "carries no merge tag" in result.output
    tagged = config.read_text(encoding="utf-8").replace(
        "https://www.auvergnerhonealpes.fr/presse/desinscription",
        "https://www.auvergnerhonealpes.fr/presse/desinscription?u=*|UNIQID|*",
    )
    config.write_text(tagged, encoding="utf-8")
    runner.invoke(app, ["build", "-C", str(workspace)])
    result = runner.invoke(app, ["check", "-C", str(workspace)])
    assert result.exit_code == 0 and "merge tag" not in result.output
