"""进度查询 on the platform needs proof only the applicant has (queryCases, openapi.yaml).

Over real HTTP against the stand-in, every exchange checked against the contract.
"""

from __future__ import annotations

import secrets
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.district.client import Busy, Ok, PlatformClient, Rejected
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import SECRET, STEP_S, TERMINAL, ContractCheck
from tests.kiosk.standin.test_server import case_body

ID_NUMBER = "11010219400202002X"
TRIES = 5  # wrong ID tails before the platform refuses (openapi.yaml, queryCases)


@pytest.fixture
def platform() -> Iterator[tuple[StandIn, PlatformClient, ContractCheck]]:
    check = ContractCheck()
    with StandIn(terminals={TERMINAL: SECRET}, seconds_per_step=STEP_S) as standin:
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        client._session.hooks["response"].append(check)
        try:
            yield standin, client, check  # type: ignore[misc]
        finally:
            client.close()
    assert not check.problems, "\n".join(check.problems)


def _create(client: PlatformClient, apply_no: str, token: str = "") -> dict[str, Any]:
    body = case_body(apply_no, ID_NUMBER)
    if token:
        body["progressToken"] = token
    created = client.post("/cases", body, uuid.uuid4().hex)
    assert isinstance(created, Ok)
    data: dict[str, Any] = created.data
    return data


def _query(client: PlatformClient, body: dict[str, str]) -> Any:
    return client.post("/cases/query", body)


def test_query_cases_by_number_alone_is_refused_and_names_no_item(platform: Any) -> None:
    _, client, check = platform
    case = _create(client, "XCT0001-000001")
    for body in ({"caseNo": case["caseNo"]}, {"applyNo": "XCT0001-000001"}):
        answer = _query(client, body)
        assert isinstance(answer, Rejected)
        assert answer.status == 422
        assert "生育" not in repr(answer)
    old = client.get(f"/cases/{case['caseNo']}")  # the old public read by case number
    assert isinstance(old, Rejected)
    assert old.status == 404
    assert "生育" not in repr(old)
    # The contract itself has no such requests: two invalid bodies and an unknown path.
    assert len([p for p in check.problems if p.startswith("request ")]) == 3
    check.problems.clear()


def test_query_cases_wrong_tail_answers_no_case(platform: Any) -> None:
    _, client, _ = platform
    case = _create(client, "XCT0001-000001")
    wrong = _query(client, {"caseNo": case["caseNo"], "idTail": "0013"})
    assert isinstance(wrong, Ok)
    assert wrong.data == {"cases": []}
    right = _query(client, {"caseNo": case["caseNo"], "idTail": "002X"})
    assert isinstance(right, Ok)
    assert [c["itemName"] for c in right.data["cases"]] == ["生育登记服务"]
    by_apply_no = _query(client, {"applyNo": "XCT0001-000001", "idTail": "002X"})
    assert isinstance(by_apply_no, Ok)
    assert [c["caseNo"] for c in by_apply_no.data["cases"]] == [case["caseNo"]]


def test_query_cases_after_too_many_wrong_tails_refuses_even_the_right_one(
    platform: Any,
) -> None:
    _, client, _ = platform
    case = _create(client, "XCT0001-000001")
    for _ in range(TRIES):
        wrong = _query(client, {"caseNo": case["caseNo"], "idTail": "1234"})
        assert isinstance(wrong, Ok)
        assert wrong.data == {"cases": []}
    refused = _query(client, {"caseNo": case["caseNo"], "idTail": "002X"})
    assert isinstance(refused, Busy)
    assert refused.code == "too_many_attempts"
    assert refused.retry_after_s == 3600  # 24 h asked; the client waits at most an hour
    via_apply_no = _query(client, {"applyNo": "XCT0001-000001", "idTail": "002X"})
    assert isinstance(via_apply_no, Busy)  # the count is the case's, whichever number names it


def test_query_cases_right_tail_resets_the_count(platform: Any) -> None:
    _, client, _ = platform
    case = _create(client, "XCT0001-000001")
    for _ in range(2):
        for _ in range(TRIES - 1):
            _query(client, {"caseNo": case["caseNo"], "idTail": "1234"})
        right = _query(client, {"caseNo": case["caseNo"], "idTail": "002x".upper()})
        assert isinstance(right, Ok)
        assert len(right.data["cases"]) == 1


def test_query_cases_token_of_another_case_answers_nothing(platform: Any) -> None:
    _, client, _ = platform
    mine, theirs = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    case = _create(client, "XCT0001-000001", mine)
    _create(client, "XCT0001-000002", theirs)
    stolen = _query(client, {"applyNo": "XCT0001-000001", "token": theirs})
    assert isinstance(stolen, Ok)
    assert stolen.data == {"cases": []}
    scanned = _query(client, {"applyNo": "XCT0001-000001", "token": mine})
    assert isinstance(scanned, Ok)
    assert [c["caseNo"] for c in scanned.data["cases"]] == [case["caseNo"]]


def test_query_cases_without_a_token_at_creation_cannot_be_read_by_token(platform: Any) -> None:
    _, client, _ = platform
    _create(client, "XCT0001-000001")  # a case sent before receipts had tokens
    guess = _query(client, {"applyNo": "XCT0001-000001", "token": "A" * 22})
    assert isinstance(guess, Ok)
    assert guess.data == {"cases": []}


def test_platform_store_keeps_no_token_and_no_id_tail_in_clear(platform: Any) -> None:
    standin, client, _ = platform
    token = secrets.token_urlsafe(16)
    _create(client, "XCT0001-000001", token)
    with sqlite3.connect(standin.store.path) as db:
        stored = "\n".join(
            repr(row)
            for table in ("platform_case", "idempotency")
            for row in db.execute(f"SELECT * FROM {table}")
        )
    assert token not in stored
