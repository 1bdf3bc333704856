"""benchmarks/fidelity.py's scoring: what counts as the right speaker and role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fidelity import FileResult, QuoteResult, by_cue, role_matches, speaker_matches, study_parts


@pytest.mark.parametrize(
    ("truth", "found", "right"),
    [
        ("Anne-Gaëlle Baudoin-Clerc", "Anne-Gaëlle Baudoin Clerc", True),  # one person
        ("Carlo Di Antonio", "Di Antonio", True),
        ("Jennifer Speed", "Speed", True),
        ("Roberto De Zerbi", "Pablo Longoria", False),
        ("Jean-Pierre Roy", "Jean Roy", True),  # the surname decides
        ("Paul Roy", "Paul Martin", False),
        ("Yvan Bourgnon", "Laurent Bourgnon", False),  # his brother
        ("Adnan Qureshi", "DCI Qureshi", True),  # a rank, not a first name
        ("RCMP", "the RCMP", True),  # "The" is in the first-name list
        (None, None, True),  # no speaker, and none named
        (None, "Paul Roy", False),
        ("Paul Roy", None, False),
    ],
)
def test_a_speaker_is_right_by_surname(truth: str | None, found: str | None, right: bool) -> None:
    assert speaker_matches(truth, found) is right


def test_a_role_is_right_when_one_holds_the_other() -> None:
    assert role_matches("Director, IIT Bombay", "Director")
    assert role_matches("maire", "maire de Vals")
    assert not role_matches("Minister for Health", "Councillor")
    assert not role_matches("maire", None)


def test_a_file_name_in_two_groups_is_refused(tmp_path: Path) -> None:
    """Results are keyed by file name: two groups' ``001.txt`` would be scored as one."""
    for group in ("uk", "fr"):
        (tmp_path / "texts" / group).mkdir(parents=True)
        (tmp_path / "texts" / group / "001.txt").write_text("x", encoding="utf-8")
        truth = {"001.txt": {"issuer": f"{group}.example", "quotes": []}}
        (tmp_path / "truth").mkdir(exist_ok=True)
        (tmp_path / "truth" / f"{group}.json").write_text(json.dumps(truth), encoding="utf-8")
    split = {"issuers": {"uk.example": "dev", "fr.example": "dev"}}
    (tmp_path / "split.json").write_text(json.dumps(split), encoding="utf-8")
    with pytest.raises(SystemExit, match="in another group too"):
        study_parts(tmp_path)


def test_named_speakers_are_counted_by_the_cue_that_named_them() -> None:
    quotes = [
        QuoteResult("a", "Paul Roy", None, {"speaker": "Paul Roy", "cue": "after-verb"}),
        QuoteResult("b", "Paul Roy", None, {"speaker": "Ann Lee", "cue": "pronoun"}),
        QuoteResult("c", "Ann Lee", None, {"speaker": "Ann Lee", "cue": "pronoun"}),
        QuoteResult("d", "Ann Lee", None, {"speaker": None, "cue": None}),  # named no one
        QuoteResult("e", "Ann Lee", None, None),  # not found
    ]
    result = FileResult("001.txt", {}, {"quotes": []}, quotes=quotes)
    assert by_cue([result]) == [("after-verb", "1/1 (100%)"), ("pronoun", "1/2 (50%)")]
