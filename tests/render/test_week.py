"""Whole week folders of both seed weeks, as `pressroom build` writes them, against golden
files (one command refreshes them all: PRESSROOM_UPDATE_GOLDENS=1 python -m pytest)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pressroom.outbox import OUTBOX, REPORT, WEEK_FILES
from pressroom.pipeline.build import build
from support import GOLDEN, SEED_WEEKS, assert_golden

_EML_STAMPS = re.compile(rb"^(Date|Message-ID): .*$", re.M)


def _normalised(name: str, data: bytes) -> bytes:
    """What may differ between two builds of the same inputs is set to a fixed value: the
    .eml's Date and Message-ID, and the report's hash of the inputs (which covers the
    templates and pressroom's version)."""
    if name == "digest.eml":
        return _EML_STAMPS.sub(rb"\1: (normalised)", data)
    if name == REPORT:
        report = json.loads(data)
        report["inputs"] = "(normalised)"
        report["pressroom"] = "(normalised)"
        return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from support import copy_workspace

    workspace = copy_workspace(tmp_path_factory.mktemp("seeds"))
    build(workspace, jobs=1)
    return workspace / OUTBOX


@pytest.mark.parametrize("name", WEEK_FILES)
@pytest.mark.parametrize("week", SEED_WEEKS)
def test_week_folder_matches_golden(built: Path, week: str, name: str) -> None:
    data = (built / week / name).read_bytes()
    assert_golden(_normalised(name, data), GOLDEN / week / name)


@pytest.mark.parametrize("week", SEED_WEEKS)
def test_week_folder_holds_exactly_its_files(built: Path, week: str) -> None:
    assert sorted(p.name for p in (built / week).iterdir()) == sorted(WEEK_FILES)
