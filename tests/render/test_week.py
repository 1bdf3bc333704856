"""Whole week folders of both seed weeks, as `pressroom build` writes them, against golden
files (one command refreshes them all: PRESSROOM_UPDATE_GOLDENS=1 python -m pytest)."""

from __future__ import annotations

import json
import re
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import lxml.html
import pytest

from pressroom.outbox import OUTBOX, REPORT, WEEK_FILES
from pressroom.pipeline.build import build
from support import (
    GOLDEN,
    LEAD_IMAGE,
    PICTURES_WEEK,
    SEED_WEEKS,
    assert_golden,
    pictures_workspace,
)

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


def _image_sources(html: bytes) -> list[str]:
    return [img.get("src") for img in lxml.html.fromstring(html).iter("img")]


def test_the_digest_shows_the_copies_of_unpublished_images(tmp_path: Path) -> None:
    workspace = pictures_workspace(tmp_path)
    config = workspace / "pressroom.yaml"
    text = config.read_text(encoding="utf-8")  # no assets_url: published with the week folder
    config.write_text(text.replace("  assets_url:", "  # assets_url:"), encoding="utf-8")
    build(workspace, jobs=1)
    week = workspace / OUTBOX / PICTURES_WEEK
    sources = _image_sources((week / "digest.html").read_bytes())
    local = [src for src in sources if not src.startswith("https://")]
    assert local == [LEAD_IMAGE]  # relative to digest.html, so right from disk
    assert all((week / src).is_file() for src in local)
    assert (week / LEAD_IMAGE).read_bytes() == (workspace / LEAD_IMAGE).read_bytes()
    eml = message_from_bytes(
        (week / "digest.eml").read_bytes(), _class=EmailMessage, policy=default
    )
    html_part = eml.get_body(("html",))
    assert html_part is not None
    published = f"https://www.auvergnerhonealpes.fr/presse/lettre/{PICTURES_WEEK}/{LEAD_IMAGE}"
    assert published in _image_sources(html_part.get_content().encode())  # the email: absolute
    report = json.loads((week / REPORT).read_bytes())
    shown = len((week / "digest.html").read_bytes())
    assert report["html_bytes"] == shown - len(LEAD_IMAGE) + len(published)  # the email's


def test_images_published_at_assets_url_are_shown_from_there(tmp_path: Path) -> None:
    workspace = pictures_workspace(tmp_path)
    build(workspace, jobs=1)
    html = (workspace / OUTBOX / PICTURES_WEEK / "digest.html").read_bytes()
    assert f"https://medias.auvergnerhonealpes.fr/lettre/{PICTURES_WEEK}/quai-valmont.jpg" in (
        _image_sources(html)
    )
