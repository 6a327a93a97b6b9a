"""进度查询 in the kiosk core: a number alone never names what a resident applied for.

Real parts: the encrypted outbox in SQLite, the stand-in over HTTP on loopback.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.delivery import Deliverer
from kiosk.district.client import Ok, PlatformClient
from kiosk.outbox import Outbox
from kiosk.progress import (
    NOT_FOUND,
    OLD_RECEIPT,
    RECEIPT_NOT_FOUND,
    TAIL_NEEDED,
    TOO_MANY,
    ProgressAnswer,
    TailAttempts,
    answer,
)
from kiosk.progressquery import NumberQuery, ProgressQuery, ReceiptQuery
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import SECRET, TERMINAL
from tests.kiosk.standin.test_server import case_body
from tests.kiosk.test_outbox import KEY

ITEM = "生育登记服务"
APPLY_NO = "XC-YT-BYG-0001-20261126-0001"
RIGHT_TAIL, WRONG_TAIL = "0013", "0031"  # of case_body's 110102195001010013


@pytest.fixture
def station(tmp_path: Path) -> Iterator[tuple[Outbox, PlatformClient, StandIn]]:
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        outbox = Outbox(tmp_path / "outbox.db", KEY)
        try:
            yield outbox, client, standin  # type: ignore[misc]
        finally:
            outbox.close()
            client.close()


def _submit(outbox: Outbox, apply_no: str = APPLY_NO) -> str:
    """A case in the outbox as the Submitter leaves it; returns its progress token."""
    token = secrets.token_urlsafe(16)
    outbox.enqueue("case", case_body(apply_no) | {"progressToken": token}, apply_no=apply_no)
    return token


def _ask(
    station: tuple[Outbox, PlatformClient, StandIn],
    query: ProgressQuery,
    attempts: TailAttempts | None = None,
) -> ProgressAnswer:
    outbox, client, _ = station
    return answer(query, outbox, client, attempts or TailAttempts())


def _names_no_item(reply: ProgressAnswer) -> bool:
    return reply.cases == () and ITEM not in repr(reply)


@pytest.mark.parametrize("delivered", [False, True], ids=["pending", "delivered"])
def test_progress_typed_number_without_or_with_wrong_tail_names_no_item(
    station: tuple[Outbox, PlatformClient, StandIn], delivered: bool
) -> None:
    outbox, client, _ = station
    _submit(outbox)
    if delivered:
        Deliverer(outbox, client).drain(deadline_s=10)
        assert outbox.reference(APPLY_NO)
    without = _ask(station, NumberQuery(APPLY_NO, ""))
    assert _names_no_item(without)
    assert without.message == TAIL_NEEDED
    wrong = _ask(station, NumberQuery(APPLY_NO, WRONG_TAIL))
    assert _names_no_item(wrong)
    assert wrong.message == NOT_FOUND
    right = _ask(station, NumberQuery(APPLY_NO, RIGHT_TAIL))
    assert [case.item_name for case in right.cases] == [ITEM]


@pytest.mark.parametrize("delivered", [False, True], ids=["pending", "delivered"])
def test_progress_after_too_many_wrong_tails_refuses_further_tries(
    station: tuple[Outbox, PlatformClient, StandIn], delivered: bool
) -> None:
    outbox, client, _ = station
    token = _submit(outbox)
    if delivered:
        Deliverer(outbox, client).drain(deadline_s=10)
    attempts = TailAttempts()
    for _ in range(5):
        assert _ask(station, NumberQuery(APPLY_NO, WRONG_TAIL), attempts).message == NOT_FOUND
    refused = _ask(station, NumberQuery(APPLY_NO, RIGHT_TAIL), attempts)
    assert _names_no_item(refused)
    assert refused.message == TOO_MANY
    scanned = _ask(station, ReceiptQuery(APPLY_NO, token), attempts)  # the QR still works
    assert [case.item_name for case in scanned.cases] == [ITEM]


@pytest.mark.parametrize("delivered", [False, True], ids=["pending", "delivered"])
def test_progress_receipt_token_of_another_case_gets_nothing(
    station: tuple[Outbox, PlatformClient, StandIn], delivered: bool
) -> None:
    outbox, client, _ = station
    _submit(outbox)
    other = _submit(outbox, "XC-YT-BYG-0001-20261126-0002")
    if delivered:
        Deliverer(outbox, client).drain(deadline_s=10)
    stolen = _ask(station, ReceiptQuery(APPLY_NO, other))
    assert _names_no_item(stolen)
    assert stolen.message == RECEIPT_NOT_FOUND


def test_progress_receipt_without_token_asks_for_number_and_tail(
    station: tuple[Outbox, PlatformClient, StandIn],
) -> None:
    outbox, _, _ = station
    _submit(outbox)
    old = _ask(station, ReceiptQuery(APPLY_NO, ""))  # a receipt printed before tokens
    assert _names_no_item(old)
    assert old.message == OLD_RECEIPT


def test_progress_receipt_qr_follows_the_contract_not_the_number_shape(
    station: tuple[Outbox, PlatformClient, StandIn], tmp_path: Path
) -> None:
    """An apply number shaped like the stand-in's case numbers ("XC…", no hyphen), sent by
    another kiosk: the scanned QR says it is an apply number, so it is found."""
    _, client, _ = station
    elsewhere = Outbox(tmp_path / "other-kiosk.db", KEY)
    token = _submit(elsewhere, "XCT0001000001")
    Deliverer(elsewhere, client).drain(deadline_s=10)
    elsewhere.close()
    scanned = _ask(station, ReceiptQuery("XCT0001000001", token))
    assert [case.item_name for case in scanned.cases] == [ITEM]
    typed = _ask(station, NumberQuery("XCT0001000001", RIGHT_TAIL))
    assert [case.item_name for case in typed.cases] == [ITEM]


def test_progress_typed_case_number_of_another_kiosk_is_found_with_the_tail(
    station: tuple[Outbox, PlatformClient, StandIn],
) -> None:
    _, client, _ = station
    created = client.post("/cases", case_body("XC-OTHER-20261126-0001"), uuid.uuid4().hex)
    assert isinstance(created, Ok)
    case_no = created.data["caseNo"]
    found = _ask(station, NumberQuery(case_no, RIGHT_TAIL))
    assert [case.number for case in found.cases] == [case_no]
