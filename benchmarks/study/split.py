"""Freeze a study set's split by issuer: ``python benchmarks/study/split.py STUDY``.

An issuer's part is fixed by a hash of its organisation (the last label of its domain that
is no public suffix: ``brokenhill.nsw.gov.au`` -> ``brokenhill``), salted once: 45 % go to the
test part. ``split.json`` is written with the salt; an issuer already in it keeps its part, so
that groups added later join the split without moving anyone.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

SALT = "pressroom-2026-12-07"
TEST_SHARE = 45
SUFFIXES = frozenset(
    """www com org net gov gouv co ac edu int info nsw vic qld wa sa tas act nt qc on bc ab
    mb gc uk au nz ca fr be ch in za sn ci cm ml bf bj tg cd ga mg ma tn dz re gp nc us ie sg
    eu lu ke ng gh ug pk ph mu ht mc govt mediaroom""".split()
)


def organisation(issuer: str) -> str:
    labels = [label for label in issuer.lower().split(".") if label not in SUFFIXES]
    return labels[-1] if labels else issuer


def part(issuer: str, salt: str) -> str:
    digest = hashlib.sha256(f"{salt}:{organisation(issuer)}".encode()).hexdigest()
    return "test" if int(digest, 16) % 100 < TEST_SHARE else "dev"


def main(study: Path) -> None:
    out = study / "split.json"
    frozen = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    salt = frozen.get("salt", SALT)
    split = dict(frozen.get("issuers", {}))
    for truth in sorted((study / "truth").glob("*.json")):
        for entry in json.loads(truth.read_text(encoding="utf-8")).values():
            split.setdefault(entry["issuer"], part(entry["issuer"], salt))
    document = {"issuers": dict(sorted(split.items())), "salt": salt, "rule": "sha256 % 100"}
    out.write_text(json.dumps(document, indent=1), encoding="utf-8")
    for name in ("dev", "test"):
        print(name, sum(1 for p in split.values() if p == name), "issuers")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
