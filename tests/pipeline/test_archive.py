"""The web archive (pipeline/archive.py): right after a whole, a partial (``--week``) or a
no-change build and after a week's releases are deleted, made without rendering a week
again, and never half-written; each week's summary read back from its report; the files
replaced whole, each only when it changed."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

import feedparser
import lxml.html
import pytest

from pressroom.config import load_config
from pressroom.errors import OutboxError, SetupError
from pressroom.outbox import (
    ARCHIVE_FEED,
    ARCHIVE_FILES,
    ARCHIVE_INDEX,
    OUTBOX,
    existing_weeks,
    write_week,
)
from pressroom.pipeline import archive as archive_module
from pressroom.pipeline.archive import (
    ArchivedWeek,
    archived_week,
    read_report,
    report_stamps,
    write_archive,
)
from pressroom.pipeline.build import WeekSelection, build
from pressroom.render.templates import PACKAGED_TEMPLATES
from support import PARIS, fail_outbox_writes

OLD, NEW = "2025-W11", "2026-W04"
NEW_SEED = "seeds/000_a72f51d7e522d999.txt"
OLD_SEED = "seeds/003_5ce66427e87a6284.txt"


def _archive(workspace: Path) -> tuple[list[str], list[str], list[str]]:
    """The weeks the page links to (each link's file must exist), its leads, and the
    weeks of the feed's entries."""
    outbox = workspace / OUTBOX
    page = lxml.html.fromstring((outbox / ARCHIVE_INDEX).read_bytes())
    hrefs = page.xpath("//main//h2/a/@href")
    for href in hrefs:
        assert (outbox / href).is_file(), href
    leads = [p.xpath("./span")[-1].text for p in page.xpath("//main//p[@class='lead']")]
    feed = feedparser.parse((outbox / ARCHIVE_FEED).read_bytes())
    assert not feed.bozo
    return [h.split("/")[0] for h in hrefs], leads, [e.link.split("/")[-2] for e in feed.entries]


def _retitle(workspace: Path, seed: str, title: str) -> None:
    path = workspace / seed
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0 if seed == NEW_SEED else 3] = title
    path.write_text("\n".join(lines), encoding="utf-8")


def _stamps(workspace: Path) -> dict[str, int]:
    return {name: (workspace / OUTBOX / name).stat().st_mtime_ns for name in ARCHIVE_FILES}


def test_a_whole_build_archives_every_week(workspace: Path) -> None:
    build(workspace, jobs=1)
    assert _archive(workspace) == (
        [NEW, OLD],
        [
            "La Région Auvergne-Rhône-Alpes rejoint l’Alliance européenne pour les produits "
            "chimiques critiques",
            "Auvergne-Rhône-Alpes, moteur de la réindustrialisation en France",
        ],
        [NEW, OLD],
    )


def test_a_partial_build_keeps_the_weeks_it_did_not_build(workspace: Path) -> None:
    build(workspace, jobs=1)
    _retitle(workspace, NEW_SEED, "Un titre tout neuf pour la semaine")
    result = build(workspace, WeekSelection(weeks=(NEW,)), jobs=1)
    assert result.built == (NEW,)
    weeks, leads, entries = _archive(workspace)
    assert weeks == entries == [NEW, OLD]
    assert leads[0] == "Un titre tout neuf pour la semaine"
    assert leads[1] == "Auvergne-Rhône-Alpes, moteur de la réindustrialisation en France"


def test_a_week_whose_releases_are_deleted_leaves_the_archive_with_its_folder(
    workspace: Path,
) -> None:
    build(workspace, jobs=1)
    (workspace / OLD_SEED).unlink()
    build(workspace, WeekSelection(weeks=(NEW,)), jobs=1)  # a partial build keeps the folder,
    assert existing_weeks(workspace / OUTBOX) == [OLD, NEW]
    assert _archive(workspace)[0] == [NEW, OLD]  # so the archive still links to it
    result = build(workspace, jobs=1)
    assert result.removed == (OLD,)
    weeks, _, entries = _archive(workspace)
    assert weeks == entries == [NEW]


def test_when_every_week_is_gone_so_is_the_archive(workspace: Path) -> None:
    build(workspace, jobs=1)
    for seed in (NEW_SEED, OLD_SEED):
        (workspace / seed).unlink()
    build(workspace, jobs=1)
    assert sorted(p.name for p in (workspace / OUTBOX).iterdir()) == [".pressroom-index.json"]


def test_a_no_change_rebuild_reads_no_report_and_rewrites_nothing(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(workspace, jobs=1)
    before = _stamps(workspace)

    def no_reading(outbox: Path, week: str) -> None:
        raise AssertionError(f"read the report of {week}")

    monkeypatch.setattr(archive_module, "read_report", no_reading)
    assert build(workspace, jobs=1).built == ()
    assert _stamps(workspace) == before


def test_a_week_written_again_alike_reads_no_report_and_leaves_the_archive(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(workspace, jobs=1)
    before = _stamps(workspace)
    archive_module._read.clear()  # as in a new process: the build index holds the summaries
    read: list[str] = []
    real = read_report

    def reading(outbox: Path, week: str) -> dict[str, object] | None:
        read.append(week)
        return real(outbox, week)

    monkeypatch.setattr(archive_module, "read_report", reading)
    assert build(workspace, WeekSelection(weeks=(NEW,)), force=True, jobs=1).built == (NEW,)
    assert read == []  # the week it wrote handed its summary over
    assert _stamps(workspace) == before
    _retitle(workspace, NEW_SEED, "Un autre titre pour la semaine")
    assert build(workspace, WeekSelection(weeks=(NEW,)), jobs=1).built == (NEW,)
    assert _archive(workspace)[1][0] == "Un autre titre pour la semaine"


def test_an_archive_file_deleted_by_hand_comes_back(workspace: Path) -> None:
    build(workspace, jobs=1)
    feed = (workspace / OUTBOX / ARCHIVE_FEED).read_bytes()
    (workspace / OUTBOX / ARCHIVE_FEED).unlink()
    assert build(workspace, jobs=1).built == ()
    assert (workspace / OUTBOX / ARCHIVE_FEED).read_bytes() == feed


def test_editing_the_archive_template_renders_no_week(workspace: Path) -> None:
    build(workspace, jobs=1)
    override = workspace / "templates" / "archive" / "index.html.j2"
    override.parent.mkdir(parents=True)
    packaged = (PACKAGED_TEMPLATES / "archive" / "index.html.j2").read_text(encoding="utf-8")
    override.write_text(packaged.replace("<main>", '<main class="edited">'), encoding="utf-8")
    feed = (workspace / OUTBOX / ARCHIVE_FEED).stat().st_mtime_ns
    assert build(workspace, jobs=1).built == ()
    assert b'<main class="edited">' in (workspace / OUTBOX / ARCHIVE_INDEX).read_bytes()
    assert (workspace / OUTBOX / ARCHIVE_FEED).stat().st_mtime_ns == feed  # same bytes


def test_a_broken_archive_template_stops_the_build_before_any_write(workspace: Path) -> None:
    override = workspace / "templates" / "archive" / "index.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text("<ol>\n{% for week in weeks %}\n</ol>\n", encoding="utf-8")
    with pytest.raises(SetupError) as caught:
        build(workspace, jobs=1)
    assert caught.value.problem.path.endswith("archive/index.html.j2")
    assert not (workspace / OUTBOX).exists()
    override.write_text("<p>{{ weeks[0].nothing_such }}</p>\n", encoding="utf-8")
    with pytest.raises(SetupError) as caught:
        build(workspace, jobs=1)
    assert caught.value.problem.line == 1
    assert not (workspace / OUTBOX).exists()


def test_a_failed_archive_write_keeps_the_weeks_and_the_next_build_writes_it(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_outbox_writes(monkeypatch, only=ARCHIVE_FEED)
    with pytest.raises(OutboxError) as caught:
        build(workspace, jobs=1)
    problem = caught.value.problem
    assert problem.message == f"cannot write the web archive: {os.strerror(errno.ENOSPC)}"
    outbox = workspace / OUTBOX
    assert existing_weeks(outbox) == [OLD, NEW]
    assert not (outbox / ARCHIVE_FEED).exists()
    assert [p.name for p in outbox.iterdir() if p.name.startswith(".") and "tmp" in p.name] == []
    monkeypatch.undo()
    assert build(workspace, jobs=1).built == ()
    assert _archive(workspace)[0] == [NEW, OLD]


def test_the_digest_links_to_its_page_in_the_archive(workspace: Path) -> None:
    build(workspace, jobs=1)
    archive_url = load_config(workspace).newsletter.archive_url
    assert archive_url == "https://www.auvergnerhonealpes.fr/presse/lettre/"
    for week in (OLD, NEW):
        digest = lxml.html.fromstring((workspace / OUTBOX / week / "digest.html").read_bytes())
        (link,) = [a for a in digest.xpath("//a") if a.text_content() == "Voir la version en ligne"]
        assert link.get("href").startswith(f"{archive_url}{week}/digest.html?utm_source=")


# Its summaries, read back from the reports, and its files in the outbox.


def test_a_report_without_a_summary_is_not_archived() -> None:
    good = {"week": "2026-W04", "releases": ["a", "b"], "digest": _summary()}
    assert archived_week(good) == ArchivedWeek(
        "2026-W04", "S", "P", "L", "", datetime(2026, 1, 26, 8, tzinfo=PARIS), 2
    )
    assert archived_week(None) is None
    assert archived_week({"week": "2026-W04", "releases": []}) is None  # an older pressroom
    assert archived_week({**good, "week": "../etc"}) is None
    assert archived_week({**good, "digest": {**_summary(), "sent_at": "lundi"}}) is None
    assert archived_week({**good, "digest": {"subject": "S"}}) is None


def _summary() -> dict[str, str]:
    return {
        "subject": "S",
        "preheader": "P",
        "lead": "L",
        "lead_lang": "",
        "sent_at": "2026-01-26T08:00:00+01:00",
    }


def test_the_archive_is_replaced_file_by_file_and_only_when_it_changed(tmp_path: Path) -> None:
    files = {ARCHIVE_INDEX: b"<p>one</p>", ARCHIVE_FEED: b"<feed/>"}
    assert write_archive(tmp_path, files) is True
    stamp = (tmp_path / ARCHIVE_FEED).stat().st_mtime_ns
    assert write_archive(tmp_path, {**files, ARCHIVE_INDEX: b"<p>two</p>"}) is True
    assert (tmp_path / ARCHIVE_INDEX).read_bytes() == b"<p>two</p>"
    assert (tmp_path / ARCHIVE_FEED).stat().st_mtime_ns == stamp
    assert write_archive(tmp_path, {**files, ARCHIVE_INDEX: b"<p>two</p>"}) is False
    assert write_archive(tmp_path, {}) is True
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="not an archive file"):
        write_archive(tmp_path, {"../index.html": b"x"})


def test_a_failed_archive_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_archive(tmp_path, {ARCHIVE_INDEX: b"old"})
    fail_outbox_writes(monkeypatch, only=ARCHIVE_INDEX)
    with pytest.raises(OSError):
        write_archive(tmp_path, {ARCHIVE_INDEX: b"new"})
    assert [p.name for p in tmp_path.iterdir()] == [ARCHIVE_INDEX]
    assert (tmp_path / ARCHIVE_INDEX).read_bytes() == b"old"


def test_report_stamps_name_the_week_folders_with_a_report(tmp_path: Path) -> None:
    write_week(tmp_path, "2026-W04", {"report.json": b"{}"})
    write_week(tmp_path, "2026-W05", {"digest.txt": b"x"})
    (tmp_path / "notes").mkdir()
    assert list(report_stamps(tmp_path)) == ["2026-W04"]
    assert report_stamps(tmp_path / "missing") == {}
