"""Measure how faithfully ``pressroom ingest`` reads a study set of real press releases.

Usage::

    python benchmarks/fidelity.py STUDY_DIR [--part dev|test|all] [--verbose] [--date-fallback]
    python benchmarks/fidelity.py RELEASES_DIR TRUTH.json [--verbose] [--date-fallback]

A study folder holds ``texts/<group>/*.txt``, ``truth/<group>.json`` (one truth file a
group, keyed by file name, each entry naming its ``issuer``) and ``split.json``, which puts
every issuer in the ``dev`` or the ``test`` part (``{"issuers": {"kent.gov.uk": "test"}}``).
The split is made by issuer once, before any rule changes, and then frozen: rules are
studied on the development part only; the test part is scored when a change is finished.
Without ``--part`` both parts are reported, side by side.

Run it with the Python that has pressroom installed (``python benchmarks/fidelity.py
...``): the script calls ``[sys.executable, "-m", "pressroom", "ingest", *files, "--format",
"json"]`` once on every ``*.txt`` of RELEASES_DIR, from the current folder (pressroom reads
``pressroom.yaml`` there if there is one). It needs the standard library, and pressroom's
own first-name list to score speakers.

Truth format
------------
TRUTH.json is one JSON object keyed by file name (``"001.txt"``); each value is::

    {
      "title": "the exact headline, as the page shows it (without kicker or breadcrumb)",
      "date": "YYYY-MM-DD" | null,     # the publication date the page states; null if none
      "lang": "fr" | "en",
      "quotes": [
        {
          "phrase": "a distinctive 4-8 word phrase copied from inside the quotation",
          "speaker": "Full Name as the text gives it" | "a descriptor (le préfet)" | null,
          "role": "role as the text states it" | null,
          "more": ["a phrase from each later paragraph of a multi-paragraph quote"]  # optional
        }
      ]
    }

``quotes`` lists every direct quotation: one entry per quoted span (a quotation broken by
its attribution, ``"X," she said. "Y."``, is two entries; one that runs over several
paragraphs with the opening mark repeated is one entry, its later paragraphs listed in
``more``). Quoted terms, titles and names of programmes, and fragments of four words or
fewer inside a sentence, are not quotations. ``speaker`` is null when the text never says
who spoke.

What it prints
--------------
- files that gave a record / all files (pressroom drops a release it cannot date);
- titles right: casefolded, whitespace collapsed, quotes and apostrophes unified, trailing
  punctuation ignored;
- dates right, over the files whose page states a date (and how many records carry a date
  for a page that states none);
- quotation recall: a truth quote is found when its phrase occurs in the text of a quote
  pressroom found in that file (quotes, apostrophes and spaces normalised);
- precision: found quotes whose text contains some truth phrase of the file (``phrase`` or
  one of ``more``) / all found;
- speakers right, over all truth quotes: the truth speaker's last name is a word of the
  found speaker, with no other first name before it (or the found speaker is a part of the
  truth name), or both are null;
- roles right, over the truth quotes that have a role: one normalised role contains the
  other;
- named speakers right: of the truth quotations found with a speaker named by pressroom,
  the share whose speaker is the right person (a wrong name is worse than none).

``--date-fallback`` ingests once more, each with a front-matter block ``date: 1970-01-01``
prepended (pressroom reads a leading ``---`` YAML block as extra fields), the files that gave
no record, so that their titles and quotations are measured too; the date figures still come
from the first run only, and quote line numbers of those files are 3 lines off.

``--by-cue`` adds the named speakers right for each cue that named them (``after-verb``,
``pronoun``, ``descriptor``…): how far each kind of evidence can be trusted.

``--verbose`` adds a per-file detail: problems pressroom reported on stderr
(``path:line: message``), the title and date read against the truth, each truth quote with
the speaker and role found, and the found quotes that match no truth quote.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_QUOTE_MARKS = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": '"',
        "\u203a": '"',
    }
)
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.,;:!?\u2026'\"-]+$")
_WORD = re.compile(r"[\w'.-]+")


def normalise(text: str) -> str:
    """Casefold, unify quote marks and apostrophes, collapse every kind of space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return _SPACES.sub(" ", text).strip().casefold()


def _plain(text: str) -> str:
    """``normalise`` without accents, for names and roles."""
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_title(text: str) -> str:
    return _TRAILING.sub("", normalise(text))


def _words(text: str) -> list[str]:
    """A name's words; a hyphen parts two (a text may write ``Baudoin-Clerc`` in one
    place and ``Baudoin Clerc`` in another: one person)."""
    return [w.strip(".'") for w in _WORD.findall(_plain(text).replace("-", " ")) if w.strip(".'")]


def speaker_matches(truth: str | None, found: str | None) -> bool:
    """Truth's last name is a word of the found speaker, or found is part of the truth name;
    not when found gives that surname another first name (``Laurent Bourgnon`` for ``Yvan
    Bourgnon``: his brother)."""
    if not truth:
        return not found
    if not found:
        return False
    truth_words = _words(truth)
    found_words = _words(found)
    if not truth_words or not found_words:
        return False
    if set(found_words) <= set(truth_words):
        return True
    if truth_words[-1] not in found_words:
        return False
    at = found_words.index(truth_words[-1])
    before = found_words[at - 1] if at else ""
    return not (before and before not in truth_words and _first_name(before))


def _first_name(word: str) -> bool:
    """Whether the first-name list pressroom uses knows the word (not ``dci``, ``mayor``)."""
    from pressroom.attribution.persons import is_first_name

    return word not in _ARTICLES and is_first_name(word.capitalize())


_ARTICLES = frozenset({"the", "le", "la", "les", "l"})  # "the RCMP" is the RCMP


def role_matches(truth: str, found: str | None) -> bool:
    if not found:
        return False
    a, b = _plain(truth).strip(" .,;:"), _plain(found).strip(" .,;:")
    return bool(a and b) and (a in b or b in a)


@dataclass
class QuoteResult:
    phrase: str
    speaker: str | None
    role: str | None
    found: dict[str, Any] | None = None

    @property
    def speaker_ok(self) -> bool:
        return self.found is not None and speaker_matches(self.speaker, self.found.get("speaker"))

    @property
    def role_ok(self) -> bool:
        return (
            self.role is not None
            and self.found is not None
            and role_matches(self.role, self.found.get("role"))
        )


@dataclass
class FileResult:
    name: str
    truth: dict[str, Any]
    record: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)
    quotes: list[QuoteResult] = field(default_factory=list)
    unmatched_found: list[dict[str, Any]] = field(default_factory=list)
    date_assumed: bool = False

    @property
    def title_ok(self) -> bool:
        return (
            self.record is not None
            and bool(self.truth.get("title"))
            and normalise_title(str(self.record.get("title") or ""))
            == normalise_title(self.truth["title"])
        )

    @property
    def found_date(self) -> str | None:
        if self.record is None or self.date_assumed or not self.record.get("date"):
            return None
        return str(self.record["date"])[:10]

    @property
    def date_ok(self) -> bool:
        return self.truth.get("date") is not None and self.found_date == self.truth["date"]

    @property
    def found_quotes(self) -> list[dict[str, Any]]:
        return list(self.record.get("quotes") or []) if self.record else []


def run_pressroom(files: list[Path]) -> tuple[list[dict[str, Any]], list[str]]:
    command = [sys.executable, "-m", "pressroom", "ingest", *map(str, files), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"pressroom ingest failed ({done.returncode}):\n{done.stderr}")
    try:
        records = json.loads(done.stdout or "[]")
    except json.JSONDecodeError as exc:
        sys.exit(f"pressroom ingest printed no JSON ({exc}):\n{done.stdout[:500]}")
    return records, done.stderr.splitlines()


_FALLBACK_DATE = "1970-01-01"


def _problems(stderr: list[str], path: Path) -> list[str]:
    prefix = f"{path}:"
    return [line[len(prefix) :] for line in stderr if line.startswith(prefix)]


def _dated_copies(files: list[Path], folder: Path) -> dict[Path, Path]:
    """Copy each file into folder behind a front-matter date; map copy -> original."""
    copies: dict[Path, Path] = {}
    for path in files:
        data = path.read_bytes()
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        header = f"---\ndate: {_FALLBACK_DATE}\n---\n".encode()
        copy = (folder / path.name).resolve()
        copy.write_bytes(bom + header + data[len(bom) :])
        copies[copy] = path
    return copies


def evaluate(
    releases: Path | list[Path], truth: dict[str, dict[str, Any]], date_fallback: bool = False
) -> list[FileResult]:
    if isinstance(releases, Path):
        files = sorted(p.resolve() for p in releases.glob("*.txt"))
        missing = sorted(set(truth) - {p.name for p in files})
        for name in missing:
            print(f"warning: {name} is in the truth but not in {releases}", file=sys.stderr)
    else:
        files = sorted(p.resolve() for p in releases)
    files = [p for p in files if p.name in truth]
    if not files:
        sys.exit(f"no release of {releases} has an entry in the truth")
    records, stderr = run_pressroom(files)
    by_path = {Path(r["source"]["path"]).resolve(): r for r in records}
    results = {p: FileResult(p.name, truth[p.name], by_path.get(p)) for p in files}
    for path, result in results.items():
        result.problems = _problems(stderr, path)
    undated = [p for p, r in results.items() if r.record is None]
    if date_fallback and undated:
        with tempfile.TemporaryDirectory(prefix="fidelity-") as folder:
            copies = _dated_copies(undated, Path(folder))
            records, stderr = run_pressroom(list(copies))
            for record in records:
                original = copies.get(Path(record["source"]["path"]).resolve())
                if original is not None:
                    results[original].record = record
                    results[original].date_assumed = True
            for copy, original in copies.items():
                results[original].problems += [f"(dated run) {p}" for p in _problems(stderr, copy)]
    for result in results.values():
        _match_quotes(result)
    return list(results.values())


def _match_quotes(result: FileResult) -> None:
    found = result.found_quotes
    texts = [normalise(str(q.get("text") or "")) for q in found]
    for q in result.truth.get("quotes", []):
        phrase = normalise(q["phrase"])
        hit = next((f for f, t in zip(found, texts, strict=True) if phrase in t), None)
        result.quotes.append(QuoteResult(q["phrase"], q.get("speaker"), q.get("role"), hit))
    phrases = [
        normalise(p)
        for q in result.truth.get("quotes", [])
        for p in [q["phrase"], *q.get("more", [])]
    ]
    result.unmatched_found = [
        f for f, t in zip(found, texts, strict=True) if not any(p in t for p in phrases)
    ]


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else f"{part}/0"


def report(results: list[FileResult]) -> list[tuple[str, str]]:
    total = len(results)
    with_record = sum(r.record is not None and not r.date_assumed for r in results)
    assumed = sum(r.date_assumed for r in results)
    dated = [r for r in results if r.truth.get("date")]
    titled = [r for r in results if r.truth.get("title")]  # an excerpt may start below it
    undated_with_date = sum(r.found_date is not None for r in results if not r.truth.get("date"))
    quotes = [q for r in results for q in r.quotes]
    with_role = [q for q in quotes if q.role]
    found = sum(len(r.found_quotes) for r in results)
    precise = found - sum(len(r.unmatched_found) for r in results)
    recalled = sum(q.found is not None for q in quotes)
    named = [q for q in quotes if q.found is not None and q.found.get("speaker")]
    rows = [
        (
            "files that gave a record",
            _ratio(with_record, total)
            + (f"  (+{assumed} with --date-fallback)" if assumed else ""),
        ),
        ("titles right", _ratio(sum(r.title_ok for r in titled), len(titled))),
        (
            "dates right",
            f"{_ratio(sum(r.date_ok for r in dated), len(dated))}  (pages with a date;"
            f" {undated_with_date} dated record(s) for pages without one)",
        ),
        ("quotation recall", _ratio(recalled, len(quotes))),
        ("precision", _ratio(precise, found)),
        ("speakers right", _ratio(sum(q.speaker_ok for q in quotes), len(quotes))),
        ("roles right", _ratio(sum(q.role_ok for q in with_role), len(with_role))),
        ("named speakers right", _ratio(sum(q.speaker_ok for q in named), len(named))),
    ]
    return rows


def by_cue(results: list[FileResult]) -> list[tuple[str, str]]:
    """Named speakers right, by the cue that named them: which evidence can be trusted."""
    named = [q for r in results for q in r.quotes if q.found is not None and q.found.get("speaker")]
    cues = sorted({str(q.found.get("cue")) for q in named if q.found is not None})
    rows = []
    for cue in cues:
        these = [q for q in named if q.found is not None and str(q.found.get("cue")) == cue]
        rows.append((cue, _ratio(sum(q.speaker_ok for q in these), len(these))))
    return rows


def print_rows(columns: dict[str, list[tuple[str, str]]]) -> None:
    """One column a part (dev, test), one row a measure."""
    names = list(columns)
    labels = [label for label, _ in next(iter(columns.values()))]
    width = 2 + max(len(value) for rows in columns.values() for _, value in rows)
    print(f"{'':<26}" + "".join(f"{name:<{width}}" for name in names))
    for i, label in enumerate(labels):
        print(f"{label + ':':<26}" + "".join(f"{columns[n][i][1]:<{width}}" for n in names))


def _show(value: object) -> str:
    return "—" if value is None else json.dumps(value, ensure_ascii=False)


def detail(results: list[FileResult]) -> None:
    for r in results:
        print(f"\n== {r.name} ({r.truth.get('lang')}){'' if r.record else '  NO RECORD'}")
        for problem in r.problems:
            print(f"   problem {problem}")
        if r.record is None:
            continue
        mark = "ok" if r.title_ok else ("--" if not r.truth.get("title") else "XX")
        print(f"   title {mark}: {_show(r.record.get('title'))}")
        if not r.title_ok and r.truth.get("title"):
            print(f"        want: {_show(r.truth['title'])}")
        mark = "ok" if r.date_ok else ("--" if r.truth.get("date") is None else "XX")
        shown = "assumed (no date read)" if r.date_assumed else r.found_date
        print(f"   date  {mark}: {shown} (want {r.truth.get('date')})")
        for q in r.quotes:
            if q.found is None:
                print(f"   quote MISSING {_show(q.phrase)} ({q.speaker})")
                continue
            s = "ok" if q.speaker_ok else "XX"
            role = "  " if q.role is None else ("ok" if q.role_ok else "XX")
            print(f"   quote found   {_show(q.phrase)}")
            got = _show(q.found.get("speaker"))
            cue = f"  [{q.found['cue']}]" if q.found.get("cue") else ""
            if q.found.get("check"):  # why pressroom named no one: what the editor sees
                cue += f"  ? {q.found['check']}"
            print(f"         speaker {s}: {got} (want {_show(q.speaker)}){cue}")
            print(f"         role    {role}: {_show(q.found.get('role'))} (want {_show(q.role)})")
        for f in r.unmatched_found:
            text = str(f.get("text") or "")
            print(f"   EXTRA line {f.get('line')}: {_show(text[:80])} ({f.get('speaker')})")


def study_parts(study: Path) -> dict[str, tuple[list[Path], dict[str, dict[str, Any]]]]:
    """The files and truth of each part of a study folder, by its frozen issuer split."""
    split = json.loads((study / "split.json").read_text(encoding="utf-8"))["issuers"]
    parts: dict[str, tuple[list[Path], dict[str, dict[str, Any]]]] = {}
    for truth_file in sorted((study / "truth").glob("*.json")):
        group = truth_file.stem
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for name, entry in truth.items():
            part = split.get(entry.get("issuer", ""))
            if part is None:
                sys.exit(
                    f"{truth_file}: {name}'s issuer {entry.get('issuer')!r} is not in split.json"
                )
            files, truths = parts.setdefault(part, ([], {}))
            if name in truths:  # results are keyed by file name
                sys.exit(f"{truth_file}: {name} is in another group too; name files uniquely")
            files.append(study / "texts" / group / name)
            truths[name] = entry
    return dict(sorted(parts.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("releases", type=Path, help="a study folder, or a folder of *.txt")
    parser.add_argument("truth", type=Path, nargs="?", help="truth JSON keyed by file name")
    parser.add_argument("--part", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--verbose", "-v", action="store_true", help="print a per-file detail")
    parser.add_argument(
        "--date-fallback",
        action="store_true",
        help="ingest again, behind a front-matter date, the files that gave no record",
    )
    parser.add_argument(
        "--by-cue", action="store_true", help="named speakers right, by the cue that named them"
    )
    args = parser.parse_args(argv)
    if args.truth is None:
        parts = study_parts(args.releases)
        if args.part != "all":
            parts = {args.part: parts[args.part]}
        columns = {}
        for part, (files, truth) in parts.items():
            results = evaluate(files, truth, args.date_fallback)
            if args.verbose:
                detail(results)
                print()
            issuers = len({truth[r.name].get("issuer") for r in results})
            name = f"{part} ({len(results)} texts, {issuers} issuers)"
            columns[name] = report(results)
            if args.by_cue and by_cue(results):
                print(f"{name}, named speakers right by cue:")
                print_rows({"": by_cue(results)})
        print_rows(columns)
        return
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    results = evaluate(args.releases, truth, args.date_fallback)
    if args.verbose:
        detail(results)
        print()
    if args.by_cue and by_cue(results):
        print_rows({"by cue": by_cue(results)})
    print_rows({"all": report(results)})


if __name__ == "__main__":
    main()
