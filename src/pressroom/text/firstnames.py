"""gender-guesser's first-name list, read in one pass.

``gender_guesser.detector.Detector`` parses its 4 MB list (``data/nam_dict.txt``, 48,000
lines) through ``codecs.open``, a line and four method calls at a time: 0.12 s, in every
process that reads a release with a name in it. ``detector()`` builds the same table
(same names, same genders, same country columns, in the same order: the order breaks
ties) from the file read whole, in less than half that time, and leaves the answers to
the library's own ``get_gender``. tests/text/test_firstnames.py holds the two tables
equal, entry for entry.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

_GENDERS = {
    "M": "male",
    "1M": "mostly_male",
    "?M": "mostly_male",
    "F": "female",
    "1F": "mostly_female",
    "?F": "mostly_female",
    "?": "andy",
}
"""The list's first column, as gender-guesser names it."""


@cache
def detector() -> Any:
    """A case-insensitive ``gender_guesser.detector.Detector``, its table built here."""
    import gender_guesser.detector

    cls = gender_guesser.detector.Detector
    made = cls.__new__(cls)
    made.case_sensitive = False
    made.names = names(_data_file())
    return made


def _data_file() -> Path:
    """The list beside the library's module, where the library reads it."""
    module = sys.modules["gender_guesser.detector"]
    return Path(str(module.__file__)).parent / "data" / "nam_dict.txt"


def names(path: Path) -> dict[str, dict[str, str]]:
    """The table ``Detector(case_sensitive=False)`` builds from the list at ``path``:
    lower-case name -> {gender: country columns}, in the list's order. A ``+`` in a name
    stands for nothing, a space or a hyphen: the name goes in three ways."""
    table: dict[str, dict[str, str]] = {}
    get = table.get
    genders = _GENDERS
    # The library splits lines as str.splitlines does and strips each; its data has no
    # empty line (it would fail on one).
    for raw in path.read_bytes().decode("utf-8").splitlines():
        line = raw.strip()
        if line[:1] in ("#", "="):
            continue
        code, name = line[:29].split()  # the name ends before column 29 ("+" may stand there)
        name = name.lower()
        gender = genders[code]
        countries = line[30:-1]
        if "+" in name:
            for key in (name.replace("+", ""), name.replace("+", " "), name.replace("+", "-")):
                table.setdefault(key, {})[gender] = countries
            continue
        entry = get(name)
        if entry is None:
            table[name] = {gender: countries}
        else:
            entry[gender] = countries
    return table
