"""The week file, weeks/<YYYY-Www>.yaml: what it reads as, and every way it can be wrong
(each a located error: the build stops before writing, see tests/test_week_file.py)."""

from __future__ import annotations

import pytest

from pressroom.errors import SetupError
from pressroom.model import WeekPlan
from pressroom.readers.weekfile import (
    check_plan,
    parse_week_file,
    starter_week_file,
)

NAME = "weeks/2026-W04.yaml"
IDS = ("2026-01-20-port", "2026-01-21-fund", "2026-01-22-schools")


def _error(text: str, name: str = NAME, ids: tuple[str, ...] = IDS) -> str:
    with pytest.raises(SetupError) as caught:
        check_plan(parse_week_file(text, name), ids)
    return str(caught.value.problem)


def test_every_key_is_read_with_its_line() -> None:
    plan = parse_week_file(
        "lead: 2026-01-22-schools\n"
        "order:\n"
        "  - 2026-01-21-fund\n"
        "exclude: [2026-01-20-port]\n"
        "note: |\n"
        "  Un mot **important**.\n"
        "\n"
        "  Second paragraphe.\n"
        "subject: Notre semaine\n"
        "preheader: Les lycées, le fonds et le reste de la semaine en un coup d'œil\n",
        NAME,
    )
    assert plan == WeekPlan(
        week="2026-W04",
        name=NAME,
        lead="2026-01-22-schools",
        order=("2026-01-21-fund",),
        exclude=("2026-01-20-port",),
        note="Un mot **important**.\n\nSecond paragraphe.",
        subject="Notre semaine",
        preheader="Les lycées, le fonds et le reste de la semaine en un coup d'œil",
    )
    assert plan.mentions == (
        ("lead", "2026-01-22-schools", 1),
        ("order", "2026-01-21-fund", 3),
        ("exclude", "2026-01-20-port", 4),
    )
    check_plan(plan, IDS)


def test_an_empty_file_changes_nothing() -> None:
    plan = parse_week_file("# nothing yet\n", NAME)
    assert (plan.lead, plan.order, plan.exclude, plan.note, plan.subject) == (
        None,
        (),
        (),
        "",
        None,
    )


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "lead: 2026-01-20-port\nbogus: 1\n",
            NAME,
            f"{NAME}:2: unknown field 'bogus'; use one of: lead, order, exclude, note",
        ),
        (
            "order:\n  - 2026-01-20-port\n  - x\n",
            NAME,
            f"{NAME}:3: unknown release 'x'; use one of: 2026-01-20-port, 2026-01-21-fund",
        ),
        (
            "exclude: [2026-01-20-port]\nlead: 2026-01-20-port\n",
            NAME,
            f"{NAME}:2: '2026-01-20-port' is in lead and excluded; remove it from one of them",
        ),
        (
            "order:\n  - 2026-01-20-port\n  - 2026-01-20-port\n",
            NAME,
            f"{NAME}:3: order names '2026-01-20-port' twice",
        ),
        ("order: {a: 1}\n", NAME, f"{NAME}:1: field 'order' must be a list of release ids"),
        ("subject: [a, b]\n", NAME, f"{NAME}:1: field 'subject' must be text"),
        ("note:\n  a: 1\n", NAME, f"{NAME}:1: field 'note' must be text"),
        ("lead: [unclosed\n", NAME, f"{NAME}:1: invalid YAML"),
        ("- a list\n", NAME, f"{NAME}:1: expected a mapping of fields"),
        ("lead: x\n", "weeks/2026-W4.yaml", "weeks/2026-W4.yaml:1: a week file's name is not"),
        ("lead: x\n", "weeks/2026-W04.yml", "weeks/2026-W04.yml:1: a week file's name is not"),
        ("", "weeks/2026-W54.yaml", "weeks/2026-W54.yaml:1: '2026-W54' is not an ISO week"),
        (
            "note: Voir [ici](/presse).\n",
            NAME,
            f"{NAME}:1: the note links to '/presse', not to an absolute address",
        ),
        (
            "exclude: [2026-01-20-port, 2026-01-21-fund, 2026-01-22-schools]\n",
            NAME,
            f"{NAME}:1: every release of the week is excluded",
        ),
    ],
)
def test_a_bad_week_file_is_an_error_at_its_line(text: str, name: str, expected: str) -> None:
    assert _error(text, name).startswith(expected)


def test_the_starter_file_lists_the_ids_and_parses_back_to_no_choice() -> None:
    releases = [(i, f"Titre {n}") for n, i in enumerate(IDS)]
    text = starter_week_file("2026-W04", releases, "La lettre – semaine 4", "Un aperçu\u00a0")
    for release_id in IDS:
        assert f"#   - {release_id}\n" in text
    assert '# subject: "La lettre – semaine 4"\n' in text
    plan = parse_week_file(text, NAME)
    assert plan == WeekPlan(week="2026-W04", name=NAME)
    uncommented = "\n".join(
        line.removeprefix("# ") for line in text.splitlines() if line.startswith("# ")
    )
    assert "lead:" in uncommented and "note: |" in uncommented


FILES = ("seeds/port.txt", "seeds/fonds.md", "seeds/lycees.docx")


def test_a_release_may_be_named_by_its_file() -> None:
    plan = parse_week_file("lead: lycees.docx\norder: [seeds/fonds.md]\nexclude: [port]\n", NAME)
    resolved = check_plan(plan, IDS, FILES)
    assert resolved.lead == "2026-01-22-schools"
    assert resolved.order == ("2026-01-21-fund",) and resolved.exclude == ("2026-01-20-port",)
    assert resolved.mentions[0] == ("lead", "2026-01-22-schools", 1)
    assert check_plan(parse_week_file("lead: 2026-01-20-port\n", NAME), IDS, FILES).lead == (
        "2026-01-20-port"
    )


def test_an_unknown_release_lists_the_week_s_ids_and_files_sorted() -> None:
    with pytest.raises(SetupError) as caught:
        check_plan(parse_week_file("lead: lycée.docx\n", NAME), IDS[::-1], FILES[::-1])
    assert str(caught.value.problem) == (
        f"{NAME}:1: unknown release 'lycée.docx'; use one of: 2026-01-20-port, "
        "2026-01-21-fund, 2026-01-22-schools (or a file: fonds.md, lycees.docx, port.txt)"
    )


def test_a_file_named_and_its_id_excluded_is_a_contradiction() -> None:
    plan = parse_week_file("lead: port.txt\nexclude: [2026-01-20-port]\n", NAME)
    with pytest.raises(SetupError, match="is in lead and excluded"):
        check_plan(plan, IDS, FILES)
