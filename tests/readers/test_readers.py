"""Readers: every fixture parses to its reviewed expectation; bad files give located errors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom.readers.decode import MAX_BYTES
from pressroom.readers.files import file_suffix, read_bytes, read_files
from support import FIXTURES, SEEDS, assert_golden

PARIS = ZoneInfo("Europe/Paris")
VALID = sorted(p for p in (FIXTURES / "releases" / "valid").iterdir() if ".expected" not in p.name)
INVALID = sorted(
    p for p in (FIXTURES / "releases" / "invalid").iterdir() if ".expected" not in p.name
)


def _shown(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_parses_as_expected(path: Path) -> None:
    release, problems = read_bytes(path.read_bytes(), _shown(path), PARIS)
    assert release is not None, problems
    assert not [p for p in problems if p.is_error]
    result = {"record": release.to_dict(), "problems": [str(p) for p in problems]}
    actual = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    assert_golden(actual, path.with_name(path.name + ".expected.json"))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_reports_located_errors(path: Path) -> None:
    _release, problems = read_bytes(path.read_bytes(), _shown(path), PARIS)
    lines = "".join(f"{p}\n" for p in problems)
    assert any(p.is_error for p in problems)
    assert all(str(p).startswith(f"{_shown(path)}:{p.line}: ") for p in problems)
    assert_golden(lines, path.with_name(path.name + ".expected.txt"))


def test_fixture_folder_covers_the_variations() -> None:
    assert len(VALID) >= 15
    assert {p.suffix for p in VALID} == {".txt", ".yaml", ".md"}


def _seed(name: str) -> dict:  # type: ignore[type-arg]
    outcome = read_files([next(SEEDS.glob(f"{name}_*.txt"))], PARIS)
    assert not outcome.problems
    return outcome.releases[0].to_dict()


def test_seed_003_quotes_speakers_roles_and_time() -> None:
    record = _seed("003")
    assert record["title"] == "Auvergne-Rhône-Alpes, moteur de la réindustrialisation en France"
    assert record["date"] == "2025-03-14T14:15:00+01:00"
    speakers = [(q["speaker"], q["role"].replace("’", "'")) for q in record["quotes"]]
    assert speakers == [
        ("Fabrice Pannekoucke", "président de la région"),
        ("Laurent Wauquiez", "co-président de l'agence régionale"),
    ]
    assert record["quotes"][0]["text"].startswith("Nous voulons que chaque entrepreneur")
    assert not record["quotes"][0]["text"].endswith("»")
    assert record["lang"] == "fr"


def test_seed_000_credit_bullets_no_leftover() -> None:
    record = _seed("000")
    assert record["quotes"] == []
    assert record["credit"] == "© European Union 2025 | Getty images - Picture alliance"
    bullets = [b for b in record["blocks"] if b["type"] == "bullets"]
    assert len(bullets) == 1 and len(bullets[0]["items"]) == 3
    texts = json.dumps(record["blocks"], ensure_ascii=False)
    assert "Contenu" not in texts and "Contenu" not in record["standfirst"]
    assert record["date"] == "2026-01-19T00:00:00+01:00"
    assert record["title"].startswith("La Région Auvergne-Rhône-Alpes rejoint")


def test_file_over_5_mb_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Titre\n\nLe 19/01/2026\n\n" + b"a" * MAX_BYTES)
    release, problems = read_bytes(big.read_bytes(), "big.txt", PARIS)
    assert release is None
    assert str(problems[0]).startswith("big.txt:1: file is 5.0 MB, over the 5 MB limit")


def test_duplicate_ids_keep_the_first_and_name_both(tmp_path: Path) -> None:
    text = "Même titre\n\nLe 19/01/2026\n\nUn paragraphe.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    outcome = read_files([tmp_path / "a.txt", tmp_path / "b.txt"], PARIS, relative_to=tmp_path)
    assert len(outcome.releases) == 1
    assert [str(p) for p in outcome.problems] == [
        "b.txt:1: duplicate id '2026-01-19-meme-titre', also used by a.txt; "
        "give one of them its own `id:` or title"
    ]


def test_windows_1252_is_decoded_with_a_warning() -> None:
    path = FIXTURES / "releases" / "valid" / "windows_1252.txt"
    release, problems = read_bytes(path.read_bytes(), "w.txt", PARIS)
    assert release is not None and "cœur" in release.quotes[0].text
    assert [str(p) for p in problems] == [
        "w.txt:1: warning: decoded as Windows-1252, not UTF-8; save the file as UTF-8"
    ]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000) | st.binary(max_size=2000).map(lambda b: b.decode("latin-1")))
def test_text_reader_never_raises(text: str) -> None:
    for suffix in (".txt", ".md", ".yaml"):
        release, problems = read_bytes(text.encode("utf-8", "surrogatepass"), f"x{suffix}", PARIS)
        assert release is not None or any(p.is_error for p in problems)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=200),
    body=st.lists(st.text(max_size=300), max_size=8),
    date_line=st.sampled_from(["Le 19/01/2026", "Publié le 3 février 2026", "2026-01-19", ""]),
)
def test_structured_noise_never_raises(title: str, body: list[str], date_line: str) -> None:
    text = "\n\n".join([title, date_line, *body])
    release, problems = read_bytes(text.encode("utf-8", "surrogatepass"), "n.txt", PARIS)
    assert release is not None or any(p.is_error for p in problems)


@given(st.text(alphabet=st.sampled_from(list("a.TxÉ")), max_size=8))
def test_a_file_suffix_is_the_one_splitext_gives(name: str) -> None:
    assert file_suffix(name) == os.path.splitext(name)[1].lower()


def test_any_exception_while_reading_is_that_files_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressroom.readers import files

    def crashing(*_: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(files.READERS, ".yaml", crashing)
    path = tmp_path / "crash.yaml"
    path.write_text("title: x\n", encoding="utf-8")
    read = files.read_file(path, PARIS, "seeds/crash.yaml")
    assert read.release is None
    assert [str(p) for p in read.problems] == [
        "seeds/crash.yaml:1: cannot read the file (RecursionError: maximum recursion depth"
        " exceeded); simplify the file; if it looks ordinary, report it"
    ]
