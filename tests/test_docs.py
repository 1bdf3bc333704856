"""The manual's generated references agree with the code."""

from __future__ import annotations

import re

from pressroom.cli.commands import COMMANDS
from pressroom.docs import REFRESH, references
from pressroom.workspace import settings
from support import ROOT


def test_generated_references_match_the_code() -> None:
    for name, text in references().items():
        written = (ROOT / name).read_text(encoding="utf-8")
        assert written == text, f"{name} differs from what the code makes; run `{REFRESH}`"


def test_the_references_hold_every_key_and_command() -> None:
    made = references()
    for setting in settings():
        assert f"`{setting.key}`" in made["docs/configuration.md"]
    for name in COMMANDS:
        assert f"## `pressroom {name}`" in made["docs/cli.md"]
        assert f"Usage: pressroom {name} [OPTIONS]" in made["docs/cli.md"]


def _anchors(text: str) -> set[str]:
    heads = (line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#"))
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in heads}


def test_the_readme_and_manual_links_lead_somewhere() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path) if path else page
            if not linked.exists():
                broken.append(f"{page.name}: {target}")
            elif anchor and anchor not in _anchors(linked.read_text(encoding="utf-8")):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert broken == []
