"""Incremental and parallel builds: the same bytes either way, and only what changed is redone."""

from __future__ import annotations

import errno
import gc
import json
import multiprocessing
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from archive import write_archive
from typer.testing import CliRunner

from pressroom import outbox as outbox_module
from pressroom.cli.main import app
from pressroom.errors import OutboxError, SetupError
from pressroom.outbox import INDEX_NAME, existing_weeks
from pressroom.pipeline import index as index_module
from pressroom.pipeline.build import WeekSelection, build
from pressroom.pipeline.index import BuildIndex
from pressroom.readers.files import read_file
from pressroom.render.week import WeekOutput, render_week
from support import (
    LEAD_IMAGE,
    PICTURES_WEEK,
    ROOT,
    fail_outbox_writes,
    pictures_workspace,
    write_image,
)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    workspace = tmp_path / "archive"
    write_archive(workspace / "seeds", releases=60, weeks=12)
    shutil.copy(ROOT / "pressroom.yaml", workspace)
    return workspace


def _files(outbox: Path) -> dict[str, bytes]:
    return {
        f"{week}/{p.name}": p.read_bytes()
        for week in existing_weeks(outbox)
        for p in sorted((outbox / week).iterdir())
    }


def _mtimes(outbox: Path) -> dict[str, int]:
    times = {week: (outbox / week).stat().st_mtime_ns for week in existing_weeks(outbox)}
    times.update(
        {
            f"{week}/{p.name}": p.stat().st_mtime_ns
            for week in existing_weeks(outbox)
            for p in (outbox / week).iterdir()
        }
    )
    return times


def _change_one_release(workspace: Path) -> None:
    changed = sorted((workspace / "seeds").glob("*.txt"))[3]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8"
    )


def test_parallel_build_equals_serial_byte_for_byte(archive: Path, tmp_path: Path) -> None:
    other = tmp_path / "copy"
    shutil.copytree(archive, other)
    serial = build(archive, jobs=1)
    parallel = build(other, jobs=2)
    assert serial.built == parallel.built and len(serial.built) == 12
    assert _files(archive / "outbox") == _files(other / "outbox")


def test_the_serial_path_forks_nothing_and_leaves_the_collector_alone(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--jobs 1``: every file read and every week rendered in this process, the garbage
    collector on and nothing frozen, in a first build and in an incremental one."""
    from pressroom.pipeline.speed import processes

    seen: list[tuple[int, bool, int]] = []

    def noting(real: Any) -> Any:
        def call(*args: Any) -> Any:
            seen.append((os.getpid(), gc.isenabled(), gc.get_freeze_count()))
            return real(*args)

        return call

    monkeypatch.setattr(processes, "read_file", noting(read_file))
    monkeypatch.setattr(processes, "render_week", noting(render_week))
    assert len(build(archive, jobs=1).built) == 12
    _change_one_release(archive)
    assert len(build(archive, jobs=1).built) == 1
    assert len(seen) == 60 + 12 + 2  # a first build, then one file read, and its week
    assert set(seen) == {(os.getpid(), True, 0)}


def test_no_change_rebuild_writes_nothing(archive: Path) -> None:
    build(archive)
    before = _mtimes(archive / "outbox")
    again = build(archive)
    assert again.built == () and len(again.unchanged) == 12
    assert _mtimes(archive / "outbox") == before


def test_one_changed_release_rebuilds_only_its_week(archive: Path) -> None:
    build(archive)
    before = _mtimes(archive / "outbox")
    _change_one_release(archive)
    result = build(archive)
    assert len(result.built) == 1
    week = result.built[0]
    after = _mtimes(archive / "outbox")
    assert {k for k in after if after[k] != before.get(k)} <= {
        week,
        *(f"{week}/{name}" for name in (p.name for p in (archive / "outbox" / week).iterdir())),
    }


def test_template_or_config_change_rebuilds_every_week(archive: Path) -> None:
    build(archive)
    override = archive / "templates" / "posts"
    override.mkdir(parents=True)
    (override / "x.txt.j2").write_text("{{ title }} {{ url }}\n")
    assert len(build(archive).built) == 12
    config = archive / "pressroom.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("#0b5ea8", "#aa0000"), encoding="utf-8"
    )
    assert len(build(archive).built) == 12


def test_force_rebuilds_everything(archive: Path) -> None:
    build(archive)
    assert len(build(archive, force=True).built) == 12


def test_a_week_whose_records_disappeared_loses_its_folder(
    archive: Path, runner: CliRunner
) -> None:
    build(archive)
    weeks = existing_weeks(archive / "outbox")
    gone = weeks[0]
    for path in (archive / "seeds").iterdir():
        text = path.read_text(encoding="utf-8")
        if any(marker in text for marker in _dates_of(gone)):
            path.unlink()
    result = runner.invoke(app, ["build", "-C", str(archive)])
    assert result.exit_code == 0, result.output
    assert f"removed {gone} (no releases left)" in result.output
    assert existing_weeks(archive / "outbox") == weeks[1:]


def _dates_of(week: str) -> list[str]:
    from datetime import timedelta

    from pressroom.weeks import week_monday

    monday = week_monday(week)
    days = [monday + timedelta(days=n) for n in range(7)]
    return [f"{d:%d/%m/%Y}" for d in days] + [d.isoformat() for d in days]


def test_summary_line_and_quiet(archive: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["build", "-C", str(archive), "--jobs", "2"])
    assert "built 12 weeks, 0 problems in" in result.output
    result = runner.invoke(app, ["build", "-C", str(archive), "-q"])
    assert result.output == ""
    result = runner.invoke(app, ["build", "-C", str(archive)])
    assert "built 0 weeks, 12 unchanged, 0 problems" in result.output


@pytest.mark.parametrize("one_change", [False, True], ids=["render pool", "warm worker"])
def test_a_failed_write_in_a_worker_stops_the_build_and_keeps_the_outbox(
    archive: Path, monkeypatch: pytest.MonkeyPatch, one_change: bool
) -> None:
    """Workers write their weeks (all of them forced through the pool, or one changed week
    in the warm worker); a write error comes back whole, with its Problem."""
    build(archive, jobs=2)
    before = _files(archive / "outbox")
    if one_change:
        _change_one_release(archive)
    fail_outbox_writes(monkeypatch)
    with pytest.raises(OutboxError) as caught:
        build(archive, jobs=2, force=not one_change)
    assert caught.value.problem.message == f"cannot write the week: {os.strerror(errno.ENOSPC)}"
    assert _files(archive / "outbox") == before


def test_weeks_reach_the_disk_before_the_index_says_they_are_built(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pressroom.pipeline.build as build_module

    calls: list[str] = []
    real_flush, real_save = outbox_module.flush, index_module.save_index

    def flush(outbox: Path) -> None:
        calls.append("flush")
        real_flush(outbox)

    def save_index(outbox: Path, index: BuildIndex) -> None:
        calls.append("index")
        real_save(outbox, index)

    monkeypatch.setattr(build_module, "flush", flush)
    monkeypatch.setattr(build_module, "save_index", save_index)
    build(archive, jobs=1)
    build(archive, jobs=1)  # nothing written: nothing to flush, no index to save
    assert calls == ["flush", "index"]


def test_a_few_changed_weeks_render_in_the_warm_worker_byte_for_byte(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An incremental build forks a worker that loads the renderers while this process
    scans; what it writes is what a serial build writes."""
    from pressroom.pipeline.speed import processes

    build(archive, jobs=1)
    other = tmp_path / "copy"
    shutil.copytree(archive, other)
    _change_one_release(archive)
    _change_one_release(other)
    renderers = tmp_path / "renderers"
    real_render = render_week

    def noted(*args: Any) -> WeekOutput:
        with open(renderers, "a") as note:
            note.write(f"{os.getpid()}\n")
        return real_render(*args)

    monkeypatch.setattr(processes, "render_week", noted)
    warm = build(archive, jobs=2)
    assert len(warm.built) == 1
    assert renderers.read_text().split() != [str(os.getpid())]
    renderers.unlink()
    assert build(other, jobs=1).built == warm.built
    assert renderers.read_text().split() == [str(os.getpid())]
    assert _files(archive / "outbox") == _files(other / "outbox")
    assert multiprocessing.active_children() == []


def test_preload_runs_on_a_stack_of_its_own_and_raises_its_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Imports that recurse deep run on a fresh thread's stack, whatever the caller's depth
    (docs/performance.md); what goes wrong there is raised here."""
    from pressroom.pipeline.speed import processes

    threads: list[threading.Thread] = []

    def failing() -> None:
        threads.append(threading.current_thread())
        raise ImportError("no renderer")

    monkeypatch.setattr(processes, "_preload", failing)
    with pytest.raises(ImportError, match="no renderer"):
        processes.preload()
    assert len(threads) == 1
    assert threads[0] is not threading.current_thread()


def test_a_broken_template_stops_a_warm_build_before_any_write(archive: Path) -> None:
    build(archive, jobs=2)
    before = _mtimes(archive / "outbox")
    (archive / "templates" / "email").mkdir(parents=True)
    (archive / "templates" / "email" / "digest.txt.j2").write_text("{% if %}\n")
    one_week = WeekSelection(weeks=(existing_weeks(archive / "outbox")[0],))
    with pytest.raises(SetupError) as caught:
        build(archive, one_week, jobs=2)  # one week to render: the warm worker's
    assert caught.value.problem.path.endswith("templates/email/digest.txt.j2")
    assert _mtimes(archive / "outbox") == before
    assert multiprocessing.active_children() == []


def test_a_warm_worker_that_dies_is_an_error_not_a_hang(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressroom.pipeline.speed import processes

    build(archive, jobs=2)
    _change_one_release(archive)
    monkeypatch.setattr(processes, "render_week", lambda *args: os._exit(70))
    with pytest.raises(RuntimeError, match="exit code 70"):
        build(archive, jobs=2)
    assert multiprocessing.active_children() == []


def _with_another_week(workspace: Path) -> Path:
    (workspace / "seeds" / "04-autre.txt").write_text(
        "Une autre semaine\n\nLe 02/02/2026\n\nUn communiqué d'une autre semaine.\n",
        encoding="utf-8",
    )
    return workspace


def test_a_changed_image_rebuilds_its_week_and_its_copy(tmp_path: Path) -> None:
    workspace = _with_another_week(pictures_workspace(tmp_path))
    first = build(workspace)
    assert first.problems == () and sorted(first.built) == [PICTURES_WEEK, "2026-W06"]
    week = workspace / "outbox" / PICTURES_WEEK
    assert (week / LEAD_IMAGE).read_bytes() == (workspace / LEAD_IMAGE).read_bytes()
    assert not (workspace / "outbox" / "2026-W06" / "assets").exists()
    assert build(workspace).built == ()

    write_image(workspace / LEAD_IMAGE, 1200, 600)
    again = build(workspace)
    assert again.built == (PICTURES_WEEK,)
    assert (week / LEAD_IMAGE).read_bytes() == (workspace / LEAD_IMAGE).read_bytes()
    assert 'height="300"' in (week / "digest.html").read_text()

    (workspace / LEAD_IMAGE).unlink()
    gone = build(workspace)
    assert gone.built == (PICTURES_WEEK,) and gone.has_problems
    assert [str(p) for p in gone.problems] == [
        "seeds/01-quai.txt:3: image assets/quai-valmont.jpg not found; put the file in "
        "assets/ or fix the path; the release was built without it"
    ]
    assert (
        not (week / "assets").exists() and "quai-valmont" not in (week / "digest.html").read_text()
    )
    assert [str(p) for p in build(workspace).problems] == [str(p) for p in gone.problems]
    write_image(workspace / LEAD_IMAGE, 1200, 800)
    assert build(workspace).built == (PICTURES_WEEK,) and (week / LEAD_IMAGE).exists()


def test_an_image_over_the_limits_exits_1_and_is_kept(tmp_path: Path, runner: CliRunner) -> None:
    workspace = pictures_workspace(tmp_path, width=3000, height=2000)
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 1, result.output
    assert (
        "seeds/01-quai.txt:3: image assets/quai-valmont.jpg is 3,000 px wide (limit 1,200 px)"
        in " ".join(result.output.split())
    )
    week = workspace / "outbox" / PICTURES_WEEK
    assert (week / LEAD_IMAGE).exists() and 'height="400"' in (week / "digest.html").read_text()
    checks = runner.invoke(app, ["check", "-C", str(workspace)], env={"COLUMNS": "300"})
    assert checks.exit_code == 1
    assert "images within limits" in checks.output and "3,000 px wide" in checks.output


def test_a_process_building_again_reads_a_changed_file_anew(archive: Path, tmp_path: Path) -> None:
    """Reads kept between builds of one process (the preview) hold only for their file's
    stamp: a release edited, even to the same size and time, reads as edited."""
    build(archive, jobs=1)
    edited = sorted((archive / "seeds").glob("*.txt"))[3]
    stat = edited.stat()
    text = edited.read_text(encoding="utf-8")
    changed = text.replace("Région", "Régiôn", 1)
    assert changed != text and len(changed.encode()) == len(text.encode()) + 1
    edited.write_text(changed, encoding="utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    second = build(archive, jobs=1, force=True)
    fresh = tmp_path / "fresh"
    shutil.copytree(archive, fresh, ignore=shutil.ignore_patterns("outbox"))
    build(fresh, jobs=1)
    assert len(second.built) == 12
    assert _files(archive / "outbox") == _files(fresh / "outbox")


def test_a_workspace_word_list_rebuilds_every_week_with_it(archive: Path, tmp_path: Path) -> None:
    """The workspace's lexicons/ change what the releases say (who speaks): every week is
    built again, and a process building again does not keep the reads made without them."""
    build(archive, jobs=1)
    before = _files(archive / "outbox")
    (archive / "lexicons").mkdir()
    # a role word that is also a speaker's name: "Paul Girard" is no longer who speaks
    (archive / "lexicons" / "roles.fr.txt").write_text("girard\n", encoding="utf-8")
    again = build(archive, jobs=1)
    fresh = tmp_path / "fresh"
    shutil.copytree(archive, fresh, ignore=shutil.ignore_patterns("outbox"))
    build(fresh, jobs=1)
    assert len(again.built) == 12
    assert _files(archive / "outbox") == _files(fresh / "outbox") != before
    assert build(archive, jobs=1).built == ()


def _week_files(outbox: Path, week: str) -> dict[str, tuple[bytes, int]]:
    folder = outbox / week
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _index_key(workspace: Path) -> str:
    """The key the build index's file entries hold for."""
    data = json.loads((workspace / "outbox" / INDEX_NAME).read_text(encoding="utf-8"))
    return str(data["key"])


OTHER_WEEK = "2026-W06"


def _change_release(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = workspace / "seeds" / "04-autre.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", "utf-8")
    return OTHER_WEEK


def _change_week_file(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (workspace / "weeks").mkdir(exist_ok=True)
    (workspace / "weeks" / f"{OTHER_WEEK}.yaml").write_text("subject: Un autre objet\n")
    return OTHER_WEEK


def _change_image(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    write_image(workspace / LEAD_IMAGE, 1200, 600)
    return PICTURES_WEEK


@pytest.mark.parametrize(
    "change",
    [_change_release, _change_week_file, _change_image],
    ids=["release file", "week file", "asset image"],
)
def test_a_week_s_own_input_rebuilds_that_week_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    workspace = _with_another_week(pictures_workspace(tmp_path))
    outbox = workspace / "outbox"
    assert sorted(build(workspace, jobs=1).built) == [PICTURES_WEEK, OTHER_WEEK]
    before = {week: _week_files(outbox, week) for week in (PICTURES_WEEK, OTHER_WEEK)}
    week = change(workspace, monkeypatch)
    assert build(workspace, jobs=1).built == (week,)
    (other,) = {PICTURES_WEEK, OTHER_WEEK} - {week}
    assert _week_files(outbox, other) == before[other]
    assert _week_files(outbox, week) != before[week]
    assert build(workspace, jobs=1).built == ()


def _change_template(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    override = workspace / "templates" / "posts"
    override.mkdir(parents=True)
    (override / "x.txt.j2").write_text("{{ title }} {{ url }}\n")


def _change_config(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = workspace / "pressroom.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("#0b5ea8", "#aa0000"), encoding="utf-8"
    )


def _change_lexicon(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workspace / "lexicons").mkdir(exist_ok=True)
    verbs = workspace / "lexicons" / "verbs.en.txt"
    verbs.write_text(verbs.read_text() + "opined\n" if verbs.exists() else "opined\n")


def _change_version(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pressroom.pipeline.build as build_module

    monkeypatch.setattr(build_module, "__version__", "99.0.0")


@pytest.mark.parametrize(
    ("change", "reads_again"),
    [
        (_change_template, False),
        (_change_config, False),
        (_change_lexicon, True),
        (_change_version, True),
    ],
    ids=["template", "config", "lexicon file", "version"],
)
def test_an_input_every_week_shares_rebuilds_every_week(
    archive: Path, monkeypatch: pytest.MonkeyPatch, change: Any, reads_again: bool
) -> None:
    """Templates, config, lexicons and version are in every week's inputs hash; lexicons
    and version change what a file reads as, so the build index's entries go too."""
    assert len(build(archive, jobs=1).built) == 12
    key = _index_key(archive)
    change(archive, monkeypatch)
    assert len(build(archive, jobs=1).built) == 12
    assert (_index_key(archive) != key) == reads_again
    assert build(archive, jobs=1).built == ()
    if change is _change_lexicon:  # and again when a lexicon file is edited
        change(archive, monkeypatch)
        assert len(build(archive, jobs=1).built) == 12


def test_the_lexicons_environment_variable_is_no_input(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(archive, jobs=1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "verbs.en.txt").write_text("opined\n")
    monkeypatch.setenv("PRESSROOM_LEXICONS", str(elsewhere))
    assert build(archive, jobs=1).built == ()
