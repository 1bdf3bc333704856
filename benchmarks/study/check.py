"""Check one group of a study set: ``python benchmarks/study/check.py STUDY GROUP``.

Every text has a truth entry and every entry a text; each entry has its keys; the title, each
quotation's phrases and each speaker's last word occur in the text (quotes, apostrophes and
spaces normalised). Prints the group's counts, then the problems or ``no problems``.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub('[\u201c\u201d\u00ab\u00bb\u201e"]', '"', text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).casefold().strip()


def problems(study: Path, group: str) -> tuple[str, list[str]]:
    texts = sorted((study / "texts" / group).glob("*.txt"))
    truth = json.loads((study / "truth" / f"{group}.json").read_text(encoding="utf-8"))
    found = [f"{f.name}: no truth entry" for f in texts if f.name not in truth]
    for name, entry in truth.items():
        path = study / "texts" / group / name
        if not path.exists():
            found.append(f"{name}: truth entry without text file")
            continue
        body = norm(path.read_text(encoding="utf-8"))
        found += [
            f"{name}: missing key {k}"
            for k in ("title", "date", "lang", "quotes", "issuer")
            if k not in entry
        ]
        if entry.get("lang") not in ("fr", "en"):
            found.append(f"{name}: lang must be fr or en")
        if entry.get("date") is not None:
            try:
                datetime.date.fromisoformat(entry["date"])
            except ValueError:
                found.append(f"{name}: date {entry['date']!r} is not YYYY-MM-DD")
        if entry.get("title") and norm(entry["title"]) not in body:
            found.append(f"{name}: title not found verbatim in the text")
        for quote in entry.get("quotes", []):
            for phrase in [quote.get("phrase", ""), *quote.get("more", [])]:
                if not phrase or norm(phrase) not in body:
                    found.append(f"{name}: phrase not in text: {phrase!r}")
            speaker = quote.get("speaker")
            if speaker and norm(speaker.split()[-1]) not in body:
                found.append(f"{name}: speaker's last word not in text: {speaker!r}")
    quotes = sum(len(e.get("quotes", [])) for e in truth.values())
    issuers = len({e.get("issuer") for e in truth.values()})
    return f"{group}: {len(texts)} texts, {quotes} quotations, {issuers} issuers", found


if __name__ == "__main__":
    counts, found = problems(Path(sys.argv[1]), sys.argv[2])
    print(counts)
    print("\n".join(found) if found else "no problems")
