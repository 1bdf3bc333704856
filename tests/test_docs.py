"""The manual's generated references agree with the code."""

from __future__ import annotations

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
