"""GB 11643 check character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard.checksum import check_character, is_valid_id_number


def test_known_valid_number() -> None:
    assert is_valid_id_number("11010519491231002X")
    assert is_valid_id_number("11010519491231002x")


@pytest.mark.parametrize(
    "number", ["110105194912310021", "11010519491231002", "1101051949123100XX", "", "abc"]
)
def test_invalid_numbers(number: str) -> None:
    assert not is_valid_id_number(number)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_computed_check_character_validates(first_17: str) -> None:
    assert is_valid_id_number(first_17 + check_character(first_17))


@given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.sampled_from("0123456789X"))
def test_exactly_one_check_character_fits(first_17: str, last: str) -> None:
    assert is_valid_id_number(first_17 + last) == (last == check_character(first_17))
