"""The stand-in over real HTTP through the client; every exchange checked against the contract."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.district.client import Busy, Offline, Ok, PlatformClient, Rejected
from kiosk.district.signing import sign
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import SECRET, STEP_S, TERMINAL, ContractCheck


def key() -> str:
    return uuid.uuid4().hex


def case_body(
    apply_no: str = "XCT0001-000001", id_number: str = "110102195001010013"
) -> dict[str, Any]:
    return {
        "applyNo": apply_no,
        "itemCode": "00010901000000-110102000000-000-11110102MB0000000X-1-00",
        "itemName": "生育登记服务",
        "applicantType": "个人",
        "applicant": {
            "name": "测试甲",
            "idType": "resident_id",
            "idNumber": id_number,
            "mobile": "13800000000",
            "identifiedBy": "id_card_reader",
        },
        "form": {"childCount": 1},
        "materials": [{"name": "居民身份证", "provision": "at_counter"}],
        "channel": "自助机网上申请",
        "operationTime": "2026-11-26T10:00:00+08:00",
        "areaCode": "110102000000",
        "terminalId": TERMINAL,
        "consent": {
            "purpose": "办理生育登记",
            "recipient": "西城区卫生健康委员会",
            "retention": "按档案管理规定",
            "givenAt": "2026-11-26T09:59:00+08:00",
        },
    }


def test_create_case_then_read_it_back(client: PlatformClient) -> None:
    created = client.post("/cases", case_body(), key())
    assert isinstance(created, Ok)
    assert created.status == 201
    case_no = created.data["caseNo"]
    assert created.data["status"] == "已接件"
    fetched = client.post("/cases/query", {"caseNo": case_no, "idTail": "0013"})
    assert isinstance(fetched, Ok)
    assert fetched.data["cases"][0]["applyNo"] == "XCT0001-000001"
    linked = client.get("/cases/by-apply-no/XCT0001-000001")
    assert isinstance(linked, Ok)
    assert linked.data["caseNo"] == case_no


def test_create_case_same_key_twice_creates_one_case(
    client: PlatformClient, standin: StandIn
) -> None:
    idem = key()
    first = client.post("/cases", case_body(), idem)
    second = client.post("/cases", case_body(), idem)
    assert isinstance(first, Ok)
    assert isinstance(second, Ok)
    assert (first.status, second.status) == (201, 200)
    assert first.data["caseNo"] == second.data["caseNo"]
    assert standin.store.case_count() == 1


def test_create_case_same_key_other_body_is_a_conflict(client: PlatformClient) -> None:
    idem = key()
    client.post("/cases", case_body(), idem)
    other = client.post("/cases", case_body("XCT0001-000002"), idem)
    assert isinstance(other, Rejected)
    assert other.status == 409
    assert other.code == "key_reused"


def test_create_case_invalid_body_names_the_fields(standin: StandIn) -> None:
    client = PlatformClient(standin.url, TERMINAL, SECRET)  # no contract check: we send bad data
    body = case_body()
    del body["consent"]
    body["applicant"]["mobile"] = "12345"
    result = client.post("/cases", body, key())
    client.close()
    assert isinstance(result, Rejected)
    assert result.status == 422
    assert "applicant/mobile" in result.fields
    assert "(body)" in result.fields


def test_case_states_advance_over_time(client: PlatformClient, standin: StandIn) -> None:
    created = client.post("/cases", case_body(), key())
    assert isinstance(created, Ok)
    assert [e["status"] for e in created.data["timeline"]] == ["已接件"]
    # Read it as the platform will see it a few steps later, instead of waiting for them.
    later = standin.store.case(created.data["caseNo"], now=time.time() + 4 * STEP_S)
    statuses = [entry["status"] for entry in later["timeline"]]
    assert statuses[0] == "已接件"
    assert len(statuses) >= 2
    assert statuses[-1] in ("正常办结", "待补正", "不予受理")


def test_search_cases_by_applicant(client: PlatformClient) -> None:
    client.post("/cases", case_body("XCT0001-000001"), key())
    client.post("/cases", case_body("XCT0001-000002"), key())
    client.post("/cases", case_body("XCT0001-000003", "11010219400202002X"), key())
    found = client.post("/cases/query", {"idType": "resident_id", "idNumber": "110102195001010013"})
    assert isinstance(found, Ok)
    assert sorted(c["applyNo"] for c in found.data["cases"]) == ["XCT0001-000001", "XCT0001-000002"]


def test_evaluation_once_per_case_and_bad_rating_needs_a_reason(client: PlatformClient) -> None:
    created = client.post("/cases", case_body(), key())
    assert isinstance(created, Ok)
    rating = {"caseNo": created.data["caseNo"], "level": 5, "channel": "自助终端",
              "ratedAt": "2026-11-26T10:05:00+08:00"}  # fmt: skip
    assert isinstance(client.post("/evaluations", rating, key()), Ok)
    again = client.post("/evaluations", {**rating, "level": 4}, key())
    assert isinstance(again, Rejected)
    assert again.code == "already_rated"
    other = client.post("/cases", case_body("XCT0001-000009"), key())
    assert isinstance(other, Ok)
    bad = client.post("/evaluations", {**rating, "caseNo": other.data["caseNo"], "level": 1}, key())
    assert isinstance(bad, Rejected)
    assert bad.code == "reason_required"


def test_material_upload(client: PlatformClient) -> None:
    page = {"applyNo": "XCT0001-000001", "name": "居民身份证", "page": 1,
            "contentType": "image/jpeg", "data": "/9j/4AAQSkZJRg=="}  # fmt: skip
    stored = client.post("/materials", page, key())
    assert isinstance(stored, Ok)
    assert stored.data["materialId"].startswith("M")
    # Appointments: tests/kiosk/standin/test_booking.py


def test_heartbeat_and_search_misses(client: PlatformClient, standin: StandIn) -> None:
    beat = {"terminalId": TERMINAL, "appVersion": "0.1.0", "catalogVersion": "sample-2026.11",
            "outboxDepth": 2, "devices": [{"device": "printer", "health": "online", "paper": "ok"}],
            "at": "2026-11-26T10:00:00+08:00"}  # fmt: skip
    assert isinstance(client.post("/heartbeat", beat), Ok)
    assert standin.store.last_heartbeat(TERMINAL) == beat
    misses = {"terminalId": TERMINAL, "terms": [{"term": "火星移民", "count": 2}]}
    idem = key()
    assert isinstance(client.post("/search-misses", misses, idem), Ok)
    assert isinstance(client.post("/search-misses", misses, idem), Ok)  # replay: counted once
    assert standin.store.missed_terms() == {"火星移民": 2}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"X-Signature": "0" * 64}, "bad_signature"),
        ({"X-Terminal-Id": "XC-ELSE"}, "unknown_terminal"),
    ],
)
def test_badly_signed_request_refused_with_reason(
    standin: StandIn, change: dict[str, str], code: str
) -> None:
    path = "/api/v1/cases/XC20261126000001"
    headers = sign(SECRET, TERMINAL, "GET", path, b"") | change
    answer = requests.get(standin.url + path, headers=headers, timeout=5)
    assert answer.status_code == 401
    assert answer.json()["error"] == code


def test_replayed_request_refused(standin: StandIn) -> None:
    path = "/api/v1/cases/by-apply-no/XCT0001-000001"
    headers = sign(SECRET, TERMINAL, "GET", path, b"")
    requests.get(standin.url + path, headers=headers, timeout=5)
    again = requests.get(standin.url + path, headers=headers, timeout=5)
    assert again.status_code == 401
    assert again.json()["error"] == "replay"


def test_skewed_clock_refused(standin: StandIn) -> None:
    path = "/api/v1/cases/by-apply-no/XCT0001-000001"
    headers = sign(SECRET, TERMINAL, "GET", path, b"", now=time.time() - 600)
    answer = requests.get(standin.url + path, headers=headers, timeout=5)
    assert answer.status_code == 401
    assert answer.json()["error"] == "clock_skew"
    assert "校准" in answer.json()["message"]


def test_error_rate_answers_busy_with_retry_after(client: PlatformClient, standin: StandIn) -> None:
    standin.state.error_rate = 1.0
    standin.state.retry_after_s = 7
    result = client.post("/cases", case_body(), key())
    assert isinstance(result, Busy)
    assert result.retry_after_s == 7
    assert standin.store.case_count() == 0


def test_lost_response_after_commit_then_retry_returns_the_same_case(
    client: PlatformClient, standin: StandIn
) -> None:
    idem = key()
    standin.state.lose_rate = 1.0
    lost = client.post("/cases", case_body(), idem)
    assert isinstance(lost, Offline)
    assert standin.store.case_count() == 1  # committed although the answer never came
    standin.state.lose_rate = 0.0
    retried = client.post("/cases", case_body(), idem)
    assert isinstance(retried, Ok)
    assert retried.replayed
    assert standin.store.case_count() == 1


def test_platform_down_is_offline() -> None:
    with StandIn(terminals={TERMINAL: SECRET}) as server:
        url = server.url
    client = PlatformClient(url, TERMINAL, SECRET, connect_timeout_s=0.5)
    assert isinstance(client.post("/cases", case_body(), key()), Offline)
    client.close()


def test_slow_drip_still_arrives_within_the_read_timeout(
    client: PlatformClient, standin: StandIn
) -> None:
    standin.state.drip_s = 0.5
    assert isinstance(client.post("/cases", case_body(), key()), Ok)


def test_contract_check_sees_every_exchange(
    client: PlatformClient, contract_check: ContractCheck
) -> None:
    client.post("/cases", case_body(), key())
    client.get("/cases/by-apply-no/XCT0009-999999")  # 404
    assert contract_check.checked == 2


def test_catalog_sync_signs_its_request(standin: StandIn, tmp_path: Path) -> None:
    from kiosk.catalog.sample import sample_document
    from kiosk.catalog.store import CatalogStore
    from kiosk.catalog.sync import sync_catalog

    standin.state.set_catalog(sample_document())
    store = CatalogStore(tmp_path / "catalog.db")
    with requests.Session() as session:
        unsigned = sync_catalog(store, session, standin.url, max_bytes=10**8)
        signed = sync_catalog(
            store, session, standin.url, max_bytes=10**8, credentials=(TERMINAL, SECRET)
        )
    assert unsigned.status == "failed"
    assert "unsigned" in unsigned.detail
    assert signed.status == "updated"


def test_search_misses_reported_once_even_when_the_answer_is_lost(
    client: PlatformClient, standin: StandIn, tmp_path: Path
) -> None:
    from kiosk.catalog.misses import report_search_misses
    from kiosk.catalog.sample import load_sample
    from kiosk.catalog.store import CatalogStore

    store = CatalogStore(tmp_path / "catalog.db")
    store.save(load_sample())
    for term in ("低保 怎么办", "低保 怎么办", "养猫补贴"):
        store.record_search_miss(term)
    standin.state.lose_rate = 1.0
    assert "kept for later" in report_search_misses(store, client)
    store.record_search_miss("养猫补贴")  # counted into the next batch, not this one
    standin.state.lose_rate = 0.0
    assert "reported 2" in report_search_misses(store, client)
    assert standin.store.missed_terms() == {"低保": 2, "补贴": 1}
    assert "reported 1" in report_search_misses(store, client)
    assert standin.store.missed_terms() == {"低保": 2, "补贴": 2}
    assert report_search_misses(store, client) == "nothing to report"


def test_submission_records_count_each_record_and_show_a_page_sent_twice(
    client: PlatformClient, standin: StandIn
) -> None:
    page = {"applyNo": "XCT0001-000007", "name": "居民身份证", "page": 1,
            "contentType": "image/jpeg", "data": "/9j/4AAQSkZJRg=="}  # fmt: skip
    retry_key = key()
    assert isinstance(client.post("/materials", page, retry_key), Ok)
    assert isinstance(client.post("/materials", page, retry_key), Ok)  # a retry: replayed
    case = client.post("/cases", case_body("XCT0001-000007"), key())
    assert isinstance(case, Ok)
    rating = {"caseNo": "XCT0001-000007", "level": 5, "channel": "自助终端",
              "ratedAt": "2026-11-26T10:05:00+08:00"}  # fmt: skip
    assert isinstance(client.post("/evaluations", rating, key()), Ok)
    records = standin.store.submission_records()
    assert records == {
        ("material", "XCT0001-000007", "居民身份证/1"): 1,
        ("case", "XCT0001-000007", ""): 1,
        ("evaluation", "XCT0001-000007", ""): 1,
    }
    assert isinstance(client.post("/materials", page, key()), Ok)  # the same page, a new key
    assert standin.store.submission_records()["material", "XCT0001-000007", "居民身份证/1"] == 2
