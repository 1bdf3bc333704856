"""The tree stays clean: ruff, mypy strict, the import contract, short modules, templates
a designer can edit, and nothing that reaches outside the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

pytestmark = pytest.mark.slow

MAX_MODULE_LINES = 400
MAX_TEMPLATE_LINE = 120


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"],
        [sys.executable, "-m", "ruff", "format", "--check", "src", "tests", "benchmarks"],
        [sys.executable, "-m", "mypy"],
        [str(Path(sys.executable).parent / "lint-imports")],
    ],
    ids=["ruff", "ruff-format", "mypy", "lint-imports"],
)
def test_static_checks_pass(command: list[str]) -> None:
    if shutil.which(command[0]) is None and not Path(command[0]).exists():
        pytest.fail(f"{command[0]} not found")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "src").rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_template_lines_stay_short() -> None:
    long = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*.j2"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_TEMPLATE_LINE
    ]
    assert long == []


@pytest.mark.parametrize("folder", ["src", "tests", "benchmarks"])
def test_nothing_reaches_outside_the_repository(folder: str) -> None:
    outside = ("../shared", "DESIGN.md", "parents[2]")
    found = [
        f"{path.relative_to(ROOT)}: {mark}"
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "test_quality.py"
        for mark in outside
        if mark in path.read_text(encoding="utf-8")
    ]
    assert found == []
