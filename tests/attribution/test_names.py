"""Person names and the words written around them."""

from __future__ import annotations

import pytest

from pressroom.attribution.names import post_nominal


@pytest.mark.parametrize("letters", ["B.S.N.", "M.B.A.", "R.N.", "C.N.O.R.", "Ph.D.", "MP", "OBE"])
def test_letters_after_a_name_are_post_nominals(letters: str) -> None:
    assert post_nominal(letters)


@pytest.mark.parametrize("role", ["CEO", "chief nursing officer", "Mayor", "coach"])
def test_an_office_is_no_post_nominal(role: str) -> None:
    assert not post_nominal(role)
