"""Hostile input can't take the build down: each bad file is its own located problem, the
other weeks are built, and the process stays within a memory cap and a time limit."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from pressroom.yamlsafe import UNSAFE_CHARACTERS
from support import copy_workspace
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


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("pressroom.yaml", BOMB, "pressroom.yaml:2: YAML aliases are not allowed"),
        ("pressroom.yaml", "locale: " + "[" * 1000, "pressroom.yaml:1: YAML nested more than"),
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
