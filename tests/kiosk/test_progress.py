"""进度查询 (kiosk/progress.py) against the stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.district.standin import StandIn
from kiosk.outbox import Outbox
from kiosk.progress import NOT_FOUND, by_number, by_person, parse_query
from tests.kiosk.district.test_standin import case_body
from tests.kiosk.test_outbox import KEY


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("XC-T-1-20261126-0001", "XC-T-1-20261126-0001"),
        (" xc2026112600001 ", "XC2026112600001"),
        ("https://zwfw.example/progress/XC2026112600001", "XC2026112600001"),
        ("火星", ""),
        ("", ""),
    ],
)
def test_parse_query(text: str, number: str) -> None:
    assert parse_query(text) == number


def test_pending_then_delivered_then_by_case_number_and_by_person(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    outbox.enqueue("case", case_body("XCT0001-000001"), apply_no="XCT0001-000001")
    pending = by_number("XCT0001-000001", outbox, client)
    assert pending.cases[0].item_name == "生育登记服务"
    assert pending.cases[0].status == "待上传"
    assert pending.cases[0].pending
    Deliverer(outbox, client).drain(deadline_s=10)
    delivered = by_number("XCT0001-000001", outbox, client)
    case = delivered.cases[0]
    assert case.number.startswith("XC")
    assert case.timeline[0][0] == "已接件"
    assert by_number(f"https://zwfw.example/progress/{case.number}", outbox, client).cases == (
        case,
    )
    mine = by_person("resident_id", "110102195001010013", client)
    assert [c.number for c in mine.cases] == [case.number]


def test_unknown_number_says_what_to_do(tmp_path: Path, client: PlatformClient) -> None:
    answer = by_number("XCT0009-999999", Outbox(tmp_path / "o.db", KEY), client)
    assert answer.cases == ()
    assert answer.message == NOT_FOUND
