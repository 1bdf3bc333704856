"""Records cross between processes pickled by their constructor, equal on arrival."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pytest

from pressroom.pickling import pickled_by_fields
from pressroom.readers.files import read_file
from support import FIXTURES, PARIS, SEEDS


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class One:
    value: tuple[int, ...]


def test_every_read_of_the_seeds_and_fixtures_comes_back_equal() -> None:
    paths = [*SEEDS.iterdir(), *(FIXTURES / "releases").rglob("*.*")]
    reads = [read_file(path, PARIS, path.name, FIXTURES) for path in sorted(paths)]
    assert sum(r.release is not None for r in reads) > 50
    assert any(r.problems for r in reads)
    assert pickle.loads(pickle.dumps(reads)) == reads


def test_a_record_of_one_field_and_a_field_outside_init() -> None:
    assert pickle.loads(pickle.dumps(One((1, 2)))) == One((1, 2))
    with pytest.raises(TypeError, match="outside __init__"):

        @pickled_by_fields
        @dataclass(frozen=True)
        class Derived:
            value: int
            double: int = field(init=False, default=0)
