"""An editor's few words find a quotation, case and punctuation aside."""

from __future__ import annotations

import pytest

from pressroom.text.matching import holds, plain


def test_plain_keeps_words_and_numbers_only() -> None:
    assert plain("« Nous PLANTONS 40\u202f000 arbres ! »") == "nous plantons 40 000 arbres"


@pytest.mark.parametrize(
    ("words", "held"),
    [
        ("plantons 40 000", True),
        ("« nous plantons »", True),
        ("Nous plantons 40 000 arbres, a-t-elle dit.", True),  # the whole quotation and more
        ("plantons 400", False),  # 40 000 is not 400
        ("arbres nous", False),
        ("« … »", False),  # no words: nothing is held
    ],
)
def test_holds(words: str, held: bool) -> None:
    assert holds("Nous plantons 40 000 arbres", words) is held
