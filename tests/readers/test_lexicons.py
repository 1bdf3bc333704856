"""A workspace's word lists: its lexicons/ files add to the packaged lists, and a bad one
stops the command at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom.errors import SetupError
from pressroom.lexicon import GENDER_ROLES_EN, PACKAGED, ROLES_EN, VERBS_EN, packaged
from pressroom.readers.lexicons import read_lexicons


def test_no_lexicons_folder_means_the_packaged_lists(tmp_path: Path) -> None:
    assert read_lexicons(tmp_path) == PACKAGED


def test_a_workspace_list_adds_its_lines_to_the_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "verbs.en.txt").write_text("# mine\nchortled\nsaid\n", "utf-8")
    (tmp_path / "lexicons" / "gender-roles.en.txt").write_text("harbourmistress | f\n", "utf-8")
    lexicons = read_lexicons(tmp_path)
    assert lexicons.entries(VERBS_EN) == (*packaged(VERBS_EN), "chortled")
    assert lexicons.entries(GENDER_ROLES_EN)[-1] == "harbourmistress | f"
    assert lexicons.entries(ROLES_EN) == packaged(ROLES_EN)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("verbs.fr.txt", "# mine\nglousse | | gloussé\n", ":2: 'glousse | | gloussé' is not a"),
        ("verb.en.txt", "chortled\n", ":1: lexicons/ holds 'verb.en.txt', which is no word list"),
        ("gender-titles.txt", "dame\n", ":1: 'dame' is not a gendered line"),
        ("months.fr.txt", "2 | fév\n", ":1: months.fr.txt is read with the packaged list only"),
    ],
)
def test_a_bad_lexicon_file_is_a_located_setup_error(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    (tmp_path / "lexicons").mkdir()
    path = tmp_path / "lexicons" / name
    path.write_text(text, "utf-8")
    with pytest.raises(SetupError) as caught:
        read_lexicons(tmp_path)
    assert str(caught.value.problem).startswith(f"{path}{expected}")


def test_a_lexicon_file_not_in_utf8_is_located(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "titles.txt").write_bytes("Maître\n".encode("latin-1"))
    with pytest.raises(SetupError) as caught:
        read_lexicons(tmp_path)
    assert str(caught.value.problem).endswith(
        "titles.txt:1: the list is not UTF-8; save it as UTF-8"
    )
