"""Hostile input can't take the build down: each bad file is its own located problem, the
other weeks are built, and the process stays within a memory cap and a time limit."""

from __future__ import annotations

import errno
import fcntl
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pressroom
from pressroom.cli.main import app
from pressroom.errors import OutboxError, SetupError
from pressroom.outbox import ARCHIVE_FEED, ARCHIVE_INDEX, INDEX_NAME
from pressroom.pipeline.build import build
from pressroom.yamlsafe import UNSAFE_CHARACTERS
from support import TRAM, copy_workspace, docx_bomb, fail_outbox_writes, write_docx, write_pdf
from test_yamlsafe import BOMB

MEMORY_CAP = 1536 * 1024 * 1024
"""Address space the build may take (a billion-laughs walk wanted 3 GB and more)."""
TIME_LIMIT = 120


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def build_capped(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pressroom build`` in a process of its own under the memory cap and time limit."""
    code = "from pressroom.cli.main import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "build", "-C", str(workspace), *args],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_capped,
        check=False,
    )


DEEP = "title: Profond\ndate: 2026-01-20\nbody:\n  - " + "[" * 1000 + "]" * 1000 + "\n"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    workspace = copy_workspace(tmp_path)
    seeds = workspace / "seeds"
    (seeds / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    (seeds / "deep.yaml").write_text(DEEP, encoding="utf-8")
    (seeds / "far.yaml").write_text(
        "title: Bien plus tard\ndate: 9999-12-31\nbody: Le texte.\n", encoding="utf-8"
    )
    (seeds / "far.txt").write_text(
        "Bien plus tard\n\nLe 31/12/9999\n\nLe texte de ce communiqué.\n", encoding="utf-8"
    )
    (seeds / "front.md").write_text(
        "---\ntitle: Alias\nquotes: &q [a]\ntags: *q\n---\n\nLe texte.\n", encoding="utf-8"
    )
    (seeds / "escapes.yaml").write_text(
        'title: "Contrôle \\x01 ici"\ndate: 2026-01-20\nbody: "Un texte \\0 et \\e et \\uFFFE."\n',
        encoding="utf-8",
    )
    (seeds / "raw.txt").write_bytes(
        b"Titre \x01 brut\n\nLe 21/01/2026\n\nUn texte\x1b[31m rouge \xef\xbf\xbe fini.\n"
    )
    return workspace


def test_hostile_releases_are_located_problems_and_the_rest_is_built(hostile: Path) -> None:
    result = build_capped(hostile)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for expected in (
        "seeds/bomb.yaml:2: YAML aliases are not allowed; write the value out",
        "seeds/deep.yaml:4: YAML nested more than 50 levels deep",
        "seeds/far.yaml:2: the date 9999-12-31 is outside 1900-2100; check the year",
        "seeds/front.md:4: YAML aliases are not allowed",
    ):
        assert expected in result.stderr
    assert "seeds/far.txt:" in result.stderr
    assert "seeds/escapes.yaml:1: warning: control characters or non-characters removed " in (
        result.stderr
    )
    assert "(also on line 3)" in result.stderr
    assert "seeds/raw.txt:1: warning: control characters or non-characters removed " in (
        result.stderr
    )
    digest = (hostile / "outbox" / "2026-W04" / "digest.html").read_text(encoding="utf-8")
    assert "Contrôle ici" in digest
    assert "Titre brut" in digest
    assert not UNSAFE_CHARACTERS.search(digest)
    outbox = hostile / "outbox"
    for written in ("2025-W11/digest.html", "2026-W04/digest.html", "index.html", "feed.xml"):
        assert (outbox / written).is_file(), written


def test_word_and_pdf_seeds_are_built_and_bad_ones_located(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path)
    seeds = workspace / "seeds"
    tram = [(style, text.replace("14 janvier", "21 janvier")) for style, text in TRAM]
    write_docx(seeds / "tram.docx", tram)
    (seeds / "bomb.docx").write_bytes(docx_bomb())
    (seeds / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    write_pdf(seeds / "scan.pdf", [[]])
    (seeds / "cut.pdf").write_bytes((seeds / "scan.pdf").read_bytes()[:200])
    result = build_capped(workspace)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for expected in (
        "seeds/bomb.docx:1: the Word document unpacks to 257 MB (limit 256 MB); not read",
        "seeds/old.docx:1: not a Word document pressroom can read",
        "seeds/scan.pdf:1: the PDF file has no text pressroom can read (no text layer",
        "seeds/cut.pdf:1: the PDF cannot be read (",
    ):
        assert expected in result.stderr
    assert "seeds/tram.docx" not in result.stderr
    digest = (workspace / "outbox" / "2026-W04" / "digest.html").read_text(encoding="utf-8")
    assert "La Métropole de Valmont ouvre trois lignes de tramway" in digest
    assert "Ce tramway va changer la vie des habitants des quartiers nord" in digest


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("pressroom.yaml", BOMB, "pressroom.yaml:2: YAML aliases are not allowed"),
        ("pressroom.yaml", "locale: " + "[" * 1000, "pressroom.yaml:1: YAML nested more than"),
        ("pressroom.yaml", 'newsletter:\n  name: "A\\uFFFE"\n', "pressroom.yaml:2: newsletter"),
        ("weeks/2026-W04.yaml", BOMB, "weeks/2026-W04.yaml:2: YAML aliases are not allowed"),
        ("weeks/2026-W04.yaml", "note: " + "{a: " * 1000, "weeks/2026-W04.yaml:1: YAML nested"),
        ("weeks/9999-W01.yaml", "note: Plus tard.\n", "weeks/9999-W01.yaml:1: '9999-W01' is not"),
    ],
)
def test_hostile_setup_files_stop_the_build_before_it_writes(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    workspace = copy_workspace(tmp_path)
    (workspace / name).parent.mkdir(parents=True, exist_ok=True)
    (workspace / name).write_text(text, encoding="utf-8")
    result = build_capped(workspace)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert not (workspace / "outbox").exists()


def test_a_seed_linking_out_of_the_workspace_is_not_read(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path / "ws")
    secret = tmp_path / "secret.txt"
    secret.write_text(
        "Mot de passe du serveur\n\nLe 20/01/2026\n\nLe secret est hunter2.\n", encoding="utf-8"
    )
    (workspace / "seeds" / "leak.txt").symlink_to(secret)
    inside = workspace / "notes" / "inside.txt"
    inside.parent.mkdir()
    inside.write_text(
        "Une note du service\n\nLe 21/01/2026\n\nLe texte de la note.\n", encoding="utf-8"
    )
    (workspace / "seeds" / "inside.txt").symlink_to(inside)
    result = build_capped(workspace)
    assert result.returncode == 1, result.stderr
    assert (
        "seeds/leak.txt:1: the file is a link to outside the workspace; not read" in result.stderr
    )
    week = workspace / "outbox" / "2026-W04"
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in week.iterdir())
    assert "hunter2" not in written
    assert "Une note du service" in (week / "digest.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("code", "only"),
    [
        (errno.ENOSPC, INDEX_NAME),
        (errno.EROFS, INDEX_NAME),
        (errno.EACCES, INDEX_NAME),
        (errno.ENOSPC, ARCHIVE_INDEX),
        (errno.EROFS, ARCHIVE_FEED),
    ],
)
def test_a_full_disk_at_the_index_or_archive_is_exit_3_without_temp_files(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, code: int, only: str
) -> None:
    fail_outbox_writes(monkeypatch, code, only=only)
    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 3, result.output
    assert os.strerror(code) in result.stderr
    assert "Traceback" not in result.output
    outbox = workspace / "outbox"
    assert not [p.name for p in outbox.iterdir() if ".tmp-" in p.name]
    assert (outbox / "2026-W04" / "digest.html").is_file()  # the weeks are whole


def test_a_second_build_waits_for_the_first_then_says_so(workspace: Path) -> None:
    fd = os.open(workspace, os.O_RDONLY)  # another build's hold on the workspace
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(OutboxError) as caught:
            build(workspace, jobs=1, lock_wait=0.2)
        assert caught.value.problem.message == (
            "another build of this workspace is running (waited 0.2 s)"
        )
        assert not (workspace / "outbox").exists()
    finally:
        os.close(fd)
    assert build(workspace, jobs=1).built == ("2025-W11", "2026-W04")


def test_concurrent_builds_end_cleanly(workspace: Path) -> None:
    code = "from pressroom.cli.main import main; main()"
    command = [sys.executable, "-c", code, "build", "-C", str(workspace), "--force"]
    builds = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [b.communicate(timeout=TIME_LIMIT) for b in builds]
    assert [b.returncode for b in builds] == [0] * 4, outputs
    outbox = workspace / "outbox"
    assert not [p.name for p in outbox.iterdir() if ".tmp-" in p.name or ".old-" in p.name]
    assert build(workspace, jobs=1).built == ()


def test_a_week_whose_content_breaks_mjml_is_that_weeks_problem(
    workspace: Path, runner: CliRunner
) -> None:
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    outbox = workspace / "outbox"
    before = (outbox / "2026-W04" / "digest.html").read_bytes()
    packaged = Path(pressroom.__file__).parent / "templates" / "email" / "digest.mjml.j2"
    template = packaged.read_text(encoding="utf-8").replace(
        "<mj-body", '{% if "BOOM" in digest.subject %}<mj-section>{% endif %}<mj-body', 1
    )
    (workspace / "templates" / "email").mkdir(parents=True)
    (workspace / "templates" / "email" / "digest.mjml.j2").write_text(template, "utf-8")
    (workspace / "weeks").mkdir()
    (workspace / "weeks" / "2026-W04.yaml").write_text("subject: Le BOOM de la semaine\n", "utf-8")
    (outbox / "2025-W11" / "digest.html").unlink()

    result = runner.invoke(app, ["build", "-C", str(workspace)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "templates/email/digest.mjml.j2:" in result.stderr
    assert ": week 2026-W04 not built: MJML error" in result.stderr
    assert (outbox / "2026-W04" / "digest.html").read_bytes() == before
    assert (outbox / "2025-W11" / "digest.html").is_file()
    assert "2026-W04" in (outbox / "index.html").read_text(encoding="utf-8")

    (workspace / "weeks" / "2026-W04.yaml").write_text("subject: Le calme\n", "utf-8")
    assert runner.invoke(app, ["build", "-C", str(workspace)]).exit_code == 0
    assert (outbox / "2026-W04" / "digest.html").read_bytes() != before


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates(),
    st.datetimes(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_FIELDS = st.dictionaries(
    st.sampled_from(
        [
            "id",
            "title",
            "date",
            "standfirst",
            "body",
            "quotes",
            "tags",
            "posts",
            "image",
            "url",
            "lang",
            "headline_quote",
            "credit",
        ]
    )
    | st.text(max_size=8),
    _VALUES,
    max_size=8,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=_FIELDS, raw=st.binary(max_size=300), week=_FIELDS)
def test_any_yaml_or_bytes_builds_or_is_a_located_problem(
    fields: dict[str, object], raw: bytes, week: dict[str, object]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        seeds = workspace / "seeds"
        seeds.mkdir()
        (seeds / "good.txt").write_text(
            "Une voie verte\n\nLe 20/01/2026\n\nLe texte du communiqué.\n", encoding="utf-8"
        )
        (seeds / "any.yaml").write_text(yaml.safe_dump(fields, allow_unicode=True), "utf-8")
        (seeds / "any.md").write_bytes(b"---\n" + raw + b"\n---\nText.\n")
        (seeds / "any.txt").write_bytes(raw)
        (seeds / "any.pdf").write_bytes(b"%PDF-1.4\n" + raw)
        (seeds / "any.docx").write_bytes(b"PK\x03\x04" + raw)
        (workspace / "weeks").mkdir()
        (workspace / "weeks" / "2026-W04.yaml").write_text(yaml.safe_dump(week), "utf-8")
        try:
            result = build(workspace, jobs=1)
        except SetupError as exc:  # the week file: located, nothing written
            assert exc.problem.path == "weeks/2026-W04.yaml" and exc.problem.line >= 1
            assert not (workspace / "outbox").exists()
            return
        assert result.built == ("2026-W04",)
        for problem in result.problems:
            assert problem.path.startswith("seeds/any.") and problem.line >= 1, problem
