"""进度查询 (kiosk/progress.py, kiosk/progressquery.py) against the stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from kiosk.progress import NOT_FOUND, TailAttempts, answer
from kiosk.progressquery import (
    ApplicantQuery,
    NumberQuery,
    ReceiptQuery,
    normalise_tail,
    progress_link,
    read_progress_link,
)
from kiosk.standin.server import StandIn
from tests.kiosk.standin.test_server import case_body
from tests.kiosk.test_outbox import KEY

PATTERN = "https://zwfw.example/progress/{number}"
TOKEN = "Zt0k3n-of_22-characters"


@pytest.mark.parametrize(
    ("text", "query"),
    [
        (f"https://zwfw.example/progress/XC-T-1-20261126-0001?token={TOKEN}",
         ReceiptQuery("XC-T-1-20261126-0001", TOKEN)),
        ("https://zwfw.example/progress/xc2026112600001", ReceiptQuery("XC2026112600001")),
        (" xc2026112600001 ", ReceiptQuery("XC2026112600001")),
        ("https://zwfw.example/progress/XC2026112600001?token=x", ReceiptQuery("XC2026112600001")),
        ("火星", ReceiptQuery("")),
        ("", ReceiptQuery("")),
    ],
)  # fmt: skip
def test_read_progress_link(text: str, query: ReceiptQuery) -> None:
    assert read_progress_link(PATTERN, text) == query


@pytest.mark.parametrize(
    "pattern", [PATTERN, "https://zwfw.example/p?no={number}", "https://x.example/{number}/jd"]
)
def test_progress_link_reads_back_whatever_the_pattern(pattern: str) -> None:
    link = progress_link(pattern, "XC-T-1-20261126-0001", TOKEN)
    assert read_progress_link(pattern, link) == ReceiptQuery("XC-T-1-20261126-0001", TOKEN)


@pytest.mark.parametrize(
    ("text", "tail"), [("002x", "002X"), (" 0013 ", "0013"), ("00X2", ""), ("12345", ""), ("", "")]
)
def test_normalise_tail(text: str, tail: str) -> None:
    assert normalise_tail(text) == tail


def test_pending_then_delivered_then_by_case_number_and_by_person(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    outbox, attempts = Outbox(tmp_path / "outbox.db", KEY), TailAttempts()
    body = case_body("XCT0001-000001") | {"progressToken": TOKEN}
    outbox.enqueue("case", body, apply_no="XCT0001-000001")
    typed = NumberQuery("XCT0001-000001", "0013")
    pending = answer(typed, outbox, client, attempts)
    assert pending.cases[0].item_name == "生育登记服务"
    assert pending.cases[0].status == "待上传"
    assert pending.cases[0].pending
    scanned = ReceiptQuery("XCT0001-000001", TOKEN)
    assert answer(scanned, outbox, client, attempts) == pending
    Deliverer(outbox, client).drain(deadline_s=10)
    delivered = answer(typed, outbox, client, attempts)
    case = delivered.cases[0]
    assert case.number.startswith("XC")
    assert case.timeline[0][0] == "已接件"
    assert answer(scanned, outbox, client, attempts).cases == (case,)
    by_case_no = answer(NumberQuery(case.number, "0013"), outbox, client, attempts)
    assert by_case_no.cases == (case,)
    mine = answer(ApplicantQuery("resident_id", "110102195001010013"), outbox, client, attempts)
    assert [c.number for c in mine.cases] == [case.number]


def test_unknown_number_says_what_to_do(tmp_path: Path, client: PlatformClient) -> None:
    query = NumberQuery("XCT0009-999999", "0013")
    reply = answer(query, Outbox(tmp_path / "o.db", KEY), client, TailAttempts())
    assert reply.cases == ()
    assert reply.message == NOT_FOUND
