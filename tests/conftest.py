"""pytest set-up: hypothesis profiles and the fixtures most tests share (see support.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from support import copy_workspace

settings.register_profile("ci", max_examples=1000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the repository's workspace (config and seeds) in a temporary folder."""
    return copy_workspace(tmp_path)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def browser() -> Iterator[Any]:
    """Debian's Chromium, launched through Playwright (the browser tests' one launcher)."""
    from playwright.sync_api import sync_playwright

    from pressroom.audit import chromium

    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()
