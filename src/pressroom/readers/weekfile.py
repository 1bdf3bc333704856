"""The editor's week file, ``weeks/<YYYY-Www>.yaml``, read into a ``model.WeekPlan``: the
choices pressroom does not make.

Every key is optional (``WEEK_FILE_FIELDS``). A file is read whole or not at all: a wrong
name, key, type or id is a ``SetupError`` naming the file and line, and the build
writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from pressroom.errors import Problem, RecordError, SetupError
from pressroom.model import WeekPlan, note_markdown
from pressroom.readers.fields import Fields, check_known, list_field, load_mapping, text_field
from pressroom.weeks import is_week, week_monday

WEEKS = "weeks"
"""The folder of week files, in the workspace."""
WEEK_FILE_FIELDS = {
    "lead": "the release to lead the digest: its id or its file's name",
    "order": "releases (ids or file names), first in the digest in this order; the rest follow",
    "exclude": "releases (ids or file names) left out of the digest, the posts and the exports",
    "note": "Markdown: the editor's word under the digest's header",
    "subject": "the email's subject, in place of the computed one",
    "preheader": "the preview line under the subject, in place of the computed one",
}
_ID_KEYS = ("lead", "order", "exclude")
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def week_file_name(week: str) -> str:
    return f"{WEEKS}/{week}.yaml"


def parse_week_file(text: str, name: str, sha256: str = "") -> WeekPlan:
    """A week file's text; ``name`` is ``weeks/<YYYY-Www>.yaml``. Raises SetupError."""
    week = Path(name).name.removesuffix(".yaml")
    if not Path(name).name.endswith(".yaml") or not is_week(week):
        raise SetupError(
            Problem(name, 1, "a week file's name is not an ISO week", "name it weeks/2026-W04.yaml")
        )
    try:
        week_monday(week)
        fields = load_mapping(text)
        check_known(fields, tuple(WEEK_FILE_FIELDS))
        plan = _plan(fields, week, name, sha256)
    except RecordError as exc:
        raise SetupError(Problem(name, exc.line, exc.message, exc.hint)) from exc
    except ValueError as exc:
        raise SetupError(Problem(name, 1, str(exc), "name it after a week that exists")) from exc
    _check_choices(plan)
    return plan


def _plan(fields: Fields, week: str, name: str, sha256: str) -> WeekPlan:
    mentions: list[tuple[str, str, int]] = []
    lead = text_field(fields, "lead", WEEK_FILE_FIELDS)
    if lead:
        mentions.append(("lead", lead, fields.line("lead")))
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("order", "exclude"):
        ids = list_field(fields, key, "release ids", "[2026-01-19-an-id, 2026-01-20-another]")
        lists[key] = ids
        mentions += [(key, i, fields.item_line(key, n)) for n, i in enumerate(ids)]
    return WeekPlan(
        week=week,
        name=name,
        lead=lead or None,
        order=lists["order"],
        exclude=lists["exclude"],
        note=_note(fields),
        subject=text_field(fields, "subject", WEEK_FILE_FIELDS) or None,
        preheader=text_field(fields, "preheader", WEEK_FILE_FIELDS) or None,
        sha256=sha256,
        mentions=tuple(mentions),
        lines=dict(fields.lines),
    )


def _note(fields: Fields) -> str:
    value = fields.values.get("note")
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise RecordError(
            fields.line("note"), "field 'note' must be text", "write note: | and the text below"
        )
    note = str(value).strip()
    for token in note_markdown().parse(note):
        for child in token.children or ():
            href = str(child.attrs.get("href", ""))
            if child.type == "link_open" and not href.startswith(_LINK_SCHEMES):
                raise RecordError(
                    fields.line("note"),
                    f"the note links to {href!r}, not to an absolute address",
                    "write links as [text](https://...)",
                )
    return note


def _check_choices(plan: WeekPlan) -> None:
    """Choices that contradict each other, whatever the week's releases."""
    seen: dict[tuple[str, str], int] = {}
    for key, release_id, line in plan.mentions:
        if (key, release_id) in seen:
            raise _error(plan, line, f"{key} names {release_id!r} twice", "name it once")
        seen[key, release_id] = line
        if key != "exclude" and release_id in plan.exclude:
            raise _error(
                plan,
                line,
                f"{release_id!r} is in {key} and excluded",
                "remove it from one of them",
            )


def check_plan(
    plan: WeekPlan, release_ids: Sequence[str], file_names: Sequence[str] = ()
) -> WeekPlan:
    """The plan with every release it names by file (``seeds/a.txt``, ``a.txt`` or ``a``,
    ``file_names`` given in the order of ``release_ids``) named by its id; raises
    SetupError when it names a release not of its week (listing the week's ids, sorted)
    or leaves none."""
    aliases = _aliases(release_ids, file_names)
    ids = set(release_ids)
    for _, named, line in plan.mentions:
        if named not in ids and named not in aliases:
            raise _error(plan, line, f"unknown release {named!r}", _known(release_ids, file_names))

    def by_id(named: str) -> str:
        return named if named in ids else aliases[named]

    if any(named not in ids for _, named, _ in plan.mentions):
        plan = replace(
            plan,
            lead=by_id(plan.lead) if plan.lead else None,
            order=tuple(by_id(n) for n in plan.order),
            exclude=tuple(by_id(n) for n in plan.exclude),
            mentions=tuple((key, by_id(n), line) for key, n, line in plan.mentions),
        )
        _check_choices(plan)
    if release_ids and set(release_ids) <= set(plan.exclude):
        raise _error(
            plan,
            plan.line("exclude"),
            "every release of the week is excluded",
            "keep at least one, or delete the week's release files",
        )
    return plan


def _aliases(release_ids: Sequence[str], file_names: Sequence[str]) -> dict[str, str]:
    """Each release's file as a week file may name it: as problems name it, without its
    folder, without its extension (a name two files share names neither)."""
    found: dict[str, set[str]] = {}
    for release_id, name in zip(release_ids, file_names, strict=bool(file_names)):
        path = PurePosixPath(name)
        for alias in {name, path.name, path.stem}:
            found.setdefault(alias, set()).add(release_id)
    return {alias: next(iter(ids)) for alias, ids in found.items() if len(ids) == 1}


def _known(release_ids: Sequence[str], file_names: Sequence[str]) -> str:
    if not release_ids:
        return "the week has no release"
    known = "use one of: " + ", ".join(sorted(release_ids))
    if file_names:
        known += " (or a file: " + ", ".join(sorted(PurePosixPath(n).name for n in file_names))
        known += ")"
    return known


def _error(plan: WeekPlan, line: int, message: str, hint: str) -> SetupError:
    return SetupError(Problem(plan.name, line, message, hint))


def read_week_file(path: Path, name: str) -> WeekPlan:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise SetupError(
            Problem(name, 1, f"cannot read the week file: {exc.strerror}", "check it is readable")
        ) from exc
    except UnicodeDecodeError as exc:
        raise SetupError(
            Problem(name, 1, "the week file is not UTF-8", "save it as UTF-8")
        ) from exc
    return parse_week_file(text, name, hashlib.sha256(raw).hexdigest())


def read_week_plans(workspace: Path) -> dict[str, WeekPlan]:
    """Every week file of the workspace, by week; raises SetupError on the first bad one."""
    folder = workspace / WEEKS
    if not folder.is_dir():
        return {}
    plans: dict[str, WeekPlan] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        plan = read_week_file(path, f"{WEEKS}/{path.name}")
        plans[plan.week] = plan
    return plans


def read_week_plan(workspace: Path, week: str) -> WeekPlan | None:
    """One week's file, or None when it has none."""
    path = workspace / week_file_name(week)
    return read_week_file(path, week_file_name(week)) if path.is_file() else None


def starter_week_file(
    week: str, releases: Sequence[tuple[str, str]], subject: str, preheader: str
) -> str:
    """A week file that changes nothing: every key as a comment, with the week's ids
    (``releases``: id and title, in the digest's order today, the lead first)."""
    ids = [release_id for release_id, _ in releases]
    listed = "\n".join(f"#   {release_id}  {title}" for release_id, title in releases)
    first = ids[0] if ids else "2026-01-19-an-id"
    return (
        f"# The editor's choices for {week}; `pressroom week {week}` shows what they do.\n"
        "# Every key is optional: remove the # before the ones you want.\n"
        "# The week's releases, in the digest's order today (the lead first):\n"
        f"{listed}\n"
        "#\n"
        f"# lead: {first}  # the story put first, whatever has a quotation\n"
        "# order:  # these first, in this order; the others follow, newest first\n"
        + "".join(f"#   - {release_id}\n" for release_id in ids)
        + "# exclude:  # left out of the digest, the posts and every export\n"
        f"#   - {ids[-1] if ids else first}\n"
        "# note: |  # Markdown, under the digest's header and in its plain-text part\n"
        "#   A word from the press office, with a [link](https://example.org/).\n"
        f"# subject: {_yaml_text(subject)}\n"
        f"# preheader: {_yaml_text(preheader)}  # 40 to 140 characters\n"
    )


def _yaml_text(text: str) -> str:
    """A text as one YAML double-quoted scalar (JSON's escaping is YAML's)."""
    return json.dumps(text.strip("\u00a0 "), ensure_ascii=False)
