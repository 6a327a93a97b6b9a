"""Masking rules of docs/domain.md §9."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.privacy import mask_id_number, mask_name, mask_phone, mask_text


def test_id_number_keeps_first_two_and_last_two() -> None:
    assert mask_id_number("11010519491231002X") == "11**************2X"


def test_name_keeps_first_character() -> None:
    assert mask_name("王小明") == "王**"
    assert mask_name("王") == "王"


def test_phone_keeps_three_and_four() -> None:
    assert mask_phone("13812341234") == "138****1234"


def test_mask_text_masks_ids_and_phones_in_free_text() -> None:
    text = "申请人 11010519491231002X 电话 13812341234 已提交"
    assert mask_text(text) == "申请人 11**************2X 电话 138****1234 已提交"


def test_mask_text_leaves_other_numbers_alone() -> None:
    text = "receipt 20261126000123 area 110102000000 port 9100"
    assert mask_text(text) == text


@given(
    prefix=st.text(alphabet="abc 申请：", max_size=5),
    digits=st.text(alphabet="0123456789", min_size=17, max_size=17),
    check=st.sampled_from("0123456789X"),
)
def test_no_id_number_survives_masking(prefix: str, digits: str, check: str) -> None:
    number = digits + check
    assert number not in mask_text(f"{prefix}{number} end")


@given(
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9), second=st.sampled_from("3456789")
)
def test_no_mobile_number_survives_masking(rest: str, second: str) -> None:
    number = "1" + second + rest
    assert number not in mask_text(f"tel:{number}.")
