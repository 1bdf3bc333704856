"""`pressroom init` and the settings described from the typed Config."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pressroom.cli.main import app
from pressroom.config import Config, load_config
from pressroom.errors import Severity
from pressroom.workspace import STARTER_WEEK, example_values, settings
from support import ROOT


def _init(runner: CliRunner, folder: Path) -> str:
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    return result.output


def test_init_then_build_and_check_in_a_fresh_folder(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "newsroom"
    said = _init(runner, folder)
    assert "Next steps" in said and f"pressroom send --week {STARTER_WEEK}" in said
    assert "Word .docx, PDF with a text layer" in said
    assert "a\n# Word .docx, or a PDF with a text layer" in (folder / "pressroom.yaml").read_text()
    assert {p.name for p in folder.iterdir()} == {
        "pressroom.yaml",
        "seeds",
        "weeks",
        "assets",
        "lexicons",
    }
    seeds = sorted(p.suffix for p in (folder / "seeds").iterdir())
    assert seeds == [".md", ".txt", ".yaml"]

    built = runner.invoke(app, ["build", "-C", str(folder)])
    assert built.exit_code == 0, built.output
    config = folder / "pressroom.yaml"
    line = config.read_text().splitlines().index("  from: Press office <press@example.org>") + 1
    assert f"{config}:{line}: warning: newsletter.from is still the example" in built.output
    posts = json.loads((folder / "outbox" / STARTER_WEEK / "posts.json").read_text())
    speakers = {p["quote_speaker"] for p in posts}
    assert speakers == {"Hélène Garnier", "Tom Avery", "Karim Benali"}

    checked = runner.invoke(app, ["check", "-C", str(folder)], env={"COLUMNS": "300"})
    assert checked.exit_code == 1
    lines = config.read_text().splitlines()
    for key, value in (
        ("from", "Press office <press@example.org>"),
        ("to", "Subscribers <subscribers@example.org>"),
        ("site_url", "https://example.org/"),
        ("unsubscribe_url", "https://example.org/unsubscribe"),
    ):
        number = lines.index(f"  {key}: {value}") + 1
        assert f"{config}:{number}: newsletter.{key} is still the example" in checked.output

    mine = (
        config.read_text()
        .replace("press@example.org", "presse@valmont.fr")
        .replace("subscribers@example.org", "abonnes@valmont.fr")
        .replace("https://example.org/", "https://www.valmont.fr/")
    )
    config.write_text(mine, encoding="utf-8")
    assert runner.invoke(app, ["build", "-C", str(folder)]).exit_code == 0
    checked = runner.invoke(app, ["check", "-C", str(folder)], env={"COLUMNS": "300"})
    assert checked.exit_code == 0, checked.output
    assert "example" not in checked.output


def test_init_twice_refuses_unless_forced(tmp_path: Path, runner: CliRunner) -> None:
    _init(runner, tmp_path)
    config = tmp_path / "pressroom.yaml"
    config.write_text("locale: en\n", encoding="utf-8")
    again = runner.invoke(app, ["init", str(tmp_path)])
    assert again.exit_code == 2
    assert f"{config}:1: a workspace is already here" in again.output
    assert "--force" in again.output and config.read_text() == "locale: en\n"
    (tmp_path / "seeds" / "2026-03-03-jardins-partages.txt").write_text("mine\n")
    forced = runner.invoke(app, ["init", str(tmp_path), "--force"])
    assert forced.exit_code == 0, forced.output
    assert load_config(tmp_path) == Config()
    assert (tmp_path / "seeds" / "2026-03-03-jardins-partages.txt").read_text() == "mine\n"


def test_init_adds_no_example_to_a_seeds_folder_in_use(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "mine.md").write_text("# Mine\n")
    _init(runner, tmp_path)
    assert [p.name for p in (tmp_path / "seeds").iterdir()] == ["mine.md"]


def test_the_written_config_is_the_defaults_with_every_key(
    tmp_path: Path, runner: CliRunner
) -> None:
    _init(runner, tmp_path)
    text = (tmp_path / "pressroom.yaml").read_text()
    assert load_config(tmp_path) == Config()
    for setting in settings():
        name = setting.key.rsplit(".", 1)[-1]
        if "[]" in setting.key:
            assert f"#   {name}: {setting.description[:20]}" in text
        elif not setting.section:
            assert f"{name}: {setting.default}" in text, setting.key
        assert setting.description, f"{setting.key} has no docstring in config.py"


def test_example_values_are_named_even_without_a_config(tmp_path: Path) -> None:
    config = tmp_path / "pressroom.yaml"
    found = [str(p) for p in example_values(tmp_path)]
    assert len(found) == 4 and all(p.startswith(f"{config}:1: warning: ") for p in found)
    assert "newsletter.from is not set (no pressroom.yaml)" in found[0]
    config.write_text(
        "newsletter:\n  from: a@valmont.fr\n  to: b@valmont.fr\n  site_url: https://valmont.fr/\n"
        "  unsubscribe_url: https://valmont.fr/u\n  reply_to: press@www.example.com\n"
    )
    assert [str(p) for p in example_values(tmp_path, Severity.ERROR)] == [
        f"{config}:6: newsletter.reply_to is still the example 'press@www.example.com'; "
        "replace it with your own"
    ]
    assert example_values(ROOT) == ()
