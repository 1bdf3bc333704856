"""Shared helpers: paths, a golden-file assertion with a one-command refresh, a CLI runner.

Refresh every golden file after reviewing the change:

    PRESSROOM_UPDATE_GOLDENS=1 pytest
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"
UPDATE = os.environ.get("PRESSROOM_UPDATE_GOLDENS") == "1"

sys.path.insert(0, str(ROOT / "benchmarks"))  # the synthetic archive generator

settings.register_profile("ci", max_examples=1000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def assert_golden(actual: str, golden: Path) -> None:
    """Compare with a reviewed golden file; PRESSROOM_UPDATE_GOLDENS=1 rewrites it."""
    if UPDATE or not golden.exists():
        if not UPDATE:
            pytest.fail(f"{golden} is missing; run PRESSROOM_UPDATE_GOLDENS=1 pytest and review it")
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="")
        return
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{golden.name} differs; review, then PRESSROOM_UPDATE_GOLDENS=1"


def fail_outbox_writes(
    monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC, only: str = ""
) -> None:
    """Make the outbox's writes fail with ``code`` (those whose path holds ``only``), as a
    full or read-only disk would; reads still work."""
    from pressroom import outbox

    real_open = open

    def failing_open(path: object, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if "w" in mode and only in str(path):
            raise OSError(code, os.strerror(code))
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(outbox, "open", failing_open, raising=False)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the repository's workspace (config and seeds) in a temporary folder."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(ROOT / "pressroom.yaml", tmp_path / "pressroom.yaml")
    return tmp_path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
