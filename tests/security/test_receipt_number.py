"""A number a resident must read out or type is printed on one line, on either paper width."""

from __future__ import annotations

import datetime

import pytest

from devices.printer.layout import PrinterProfile, receipt_bytes
from kiosk.catalog.sample import load_sample
from kiosk.submission import Person, case_receipt

AT = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
FONT_B = "\x1bM\x01"  # ESC M 1
APPLY_NO = "XC-YT-BYG-0001-20261126-0007"  # the outbox's format: terminal, day, sequence


def _printed_lines(number: str, paper_mm: int) -> list[str]:
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    receipt = case_receipt(
        item=item, number=number, uploaded=False,
        applicant=Person("测试甲", "resident_id", "110102195001010013"), at=AT,
        station="服务站", hotline="12345", progress_url="https://zwfw.example/p/{number}",
        apply_no=number, progress_token="T" * 22,
    )  # fmt: skip
    profile = PrinterProfile(paper_mm=paper_mm, chinese_mode=False, encoding="utf-8")
    return receipt_bytes(receipt, profile).decode("utf-8", "replace").split("\n")


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_case_receipt_pending_apply_number_prints_on_one_line(paper_mm: int) -> None:
    lines = _printed_lines(APPLY_NO, paper_mm)
    assert any(APPLY_NO in line for line in lines), lines
    assert not any(line.strip() and line.strip() in APPLY_NO[1:] for line in lines)


def test_case_receipt_number_longer_than_a_line_prints_whole_in_the_narrow_font() -> None:
    number = "XC-YT-BYG-0001-20261126-0007-ABCDEFGHIJ"  # 38: more than 32 columns of font A
    lines = _printed_lines(number, 58)
    assert FONT_B + number in lines
