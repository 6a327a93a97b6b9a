"""Whatever the platform answers, the client turns it into a typed result and the outbox
keeps delivering: no answer makes a step raise, hang or store what the contract rules out.

Real HTTP on loopback (a scripted server, and a raw socket that drips its answer)."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.delivery import Deliverer
from kiosk.district.client import (
    HUNG_UP,
    HUNG_UP_CAUSE,
    Offline,
    Ok,
    PlatformClient,
    Rejected,
    server_date,
)
from kiosk.outbox import Outbox
from tests.security.dripserver import drip
from tests.security.loopback import Answer, Seen, serve

JSON = {"Content-Type": "application/json"}
MAX_ANSWER_BYTES = 1024 * 1024  # kiosk.district.client.MAX_ANSWER_BYTES
APPLY_NO = "T1-20261129-0001"
CASE_NO = "XC20261129000001"


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.db", os.urandom(32))
    box.enqueue(
        "case",
        {"serviceCode": "X", "applicant": {"name": "王小明", "idNumber": "11010519491231002X"}},
        apply_no=APPLY_NO,
    )
    yield box
    box.close()


def one_answer(status: int, body: bytes, headers: dict[str, str] = JSON) -> Answer:
    return status, headers, body


@pytest.mark.parametrize("fields", [["x"], "oops", 7])
def test_client_refusal_fields_not_an_object_rejected_without_fields(fields: object) -> None:
    body = json.dumps({"error": "bad", "message": "不行", "fields": fields}).encode()
    with serve(lambda _: one_answer(422, body)) as platform:
        result = PlatformClient(platform.url, "T1", b"k" * 32).post("/cases", {"a": 1})
    assert result == Rejected(422, "bad", "不行", {})


@pytest.mark.parametrize("status", [201, 400, 503])
def test_client_deeply_nested_answer_typed_result(status: int) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    with serve(lambda _: one_answer(status, body)) as platform:
        result = PlatformClient(platform.url, "T1", b"k" * 32).post("/cases", {"a": 1})
    assert not isinstance(result, Ok)
    if status == 201:
        assert isinstance(result, Offline)


def test_client_answer_nested_beyond_bound_offline() -> None:
    nested: object = 1
    for _ in range(40):  # a few hundred levels pass Python's decoder; 40 pass ours not
        nested = [nested]
    body = json.dumps({"caseNo": CASE_NO, "x": nested})
    with serve(lambda _: one_answer(201, body.encode())) as platform:
        result = PlatformClient(platform.url, "T1", b"k" * 32).post("/cases", {"a": 1})
    assert isinstance(result, Offline)


def test_delivery_success_not_json_retried_with_same_key_never_quarantined(
    outbox: Outbox,
) -> None:
    answers = iter(
        [
            one_answer(201, b"<html>ok</html>", {"Content-Type": "text/html"}),
            one_answer(200, json.dumps({"caseNo": CASE_NO}).encode()),
        ]
    )
    with serve(lambda _: next(answers)) as platform:
        deliverer = Deliverer(outbox, PlatformClient(platform.url, "T1", b"k" * 32))
        first = deliverer.step()
        assert first.state == "waiting"
        assert outbox.quarantined() == []
        second = deliverer.step(now=time.time() + 3600)
    assert second.state == "delivered"
    assert outbox.reference(APPLY_NO) == CASE_NO
    keys = {seen.headers["Idempotency-Key"] for seen in platform.seen}
    assert len(platform.seen) == 2
    assert len(keys) == 1


def assert_cut_off_at_deadline(head: bytes, body: bytes) -> None:
    """A server sending `head` at once, then `body` a byte every 0.5 s: each read is well
    within its 1 s timeout, but the request's overall budget (2 s) ends it."""
    with drip(head, body, every_s=0.5) as url:
        client = PlatformClient(url, "T1", b"k" * 32)
        started = time.monotonic()
        result = client.request("POST", "/cases", {"a": 1}, timeout=(1.0, 1.0))
        took = time.monotonic() - started
        client.close()
    assert isinstance(result, Offline)
    assert "deadline" in result.detail
    assert took < 5.0


def test_client_dripping_answer_offline_at_deadline() -> None:
    body = b'{"caseNo": "' + b" " * 40 + b'"}'
    head = b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
    head += b"Content-Length: %d\r\n\r\n" % len(body)
    assert_cut_off_at_deadline(head, body)


@pytest.mark.parametrize("declared", [True, False])
def test_client_answer_over_size_cap_offline(declared: bool) -> None:
    body = b'{"caseNo": "' + b"A" * (MAX_ANSWER_BYTES + 1) + b'"}'
    head = b"HTTP/1.0 201 Created\r\nContent-Type: application/json\r\n"
    if declared:
        head += b"Content-Length: %d\r\n" % len(body)
    head += b"\r\n"
    with drip(head, body, every_s=0.0, piece=64 * 1024) as url:
        client = PlatformClient(url, "T1", b"k" * 32)
        result = client.request("POST", "/cases", {"a": 1}, timeout=(2.0, 5.0))
        client.close()
    assert isinstance(result, Offline)
    assert str(MAX_ANSWER_BYTES) in result.detail


@pytest.mark.parametrize("case_no", ["A" * 41, "xc-lower-case", "XC 1", 20261129000001])
def test_delivery_case_number_outside_contract_not_stored_row_kept(
    outbox: Outbox, case_no: object
) -> None:
    body = json.dumps({"caseNo": case_no}).encode()
    with serve(lambda _: one_answer(201, body)) as platform:
        step = Deliverer(outbox, PlatformClient(platform.url, "T1", b"k" * 32)).step()
    assert step.state == "waiting"
    assert outbox.is_pending(APPLY_NO)
    assert outbox.reference(APPLY_NO) == ""
    assert outbox.quarantined() == []


def test_delivery_refusal_quoting_resident_stored_masked_and_short(
    outbox: Outbox, tmp_path: Path
) -> None:
    message = "申请人王小明（11010519491231002X，手机13812345678）不在本辖区。" + "说明" * 300

    def refuse(_: Seen) -> Answer:
        body = {"error": "out_of_area", "message": message}
        return one_answer(422, json.dumps(body, ensure_ascii=False).encode())

    with serve(refuse) as platform:
        step = Deliverer(outbox, PlatformClient(platform.url, "T1", b"k" * 32)).step()
    assert step.state == "quarantined"
    [(_, apply_no, reason)] = outbox.quarantined()
    assert apply_no == APPLY_NO
    assert reason.startswith("422 out_of_area: 申请人王**（11**************2X")
    assert "138****5678" in reason
    assert len(reason) <= 200
    assert step.detail == reason
    outbox.close()
    stored = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    for secret in ("王小明", "11010519491231002X", "13812345678"):
        assert secret.encode() not in stored


def test_client_compressed_answer_expanding_past_cap_offline() -> None:
    body = gzip.compress(b'{"caseNo": "' + b"A" * 20_000_000 + b'"}')
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    with serve(lambda _: (201, headers, body)) as platform:
        result = PlatformClient(platform.url, "T1", b"k" * 32).post("/cases", {"a": 1})
    assert isinstance(result, Offline)
    assert str(MAX_ANSWER_BYTES) in result.detail


def test_client_dripping_status_line_offline_at_deadline() -> None:
    status_line = b"HTTP/1.1 201 Created" + b" " * 40  # a reason phrase without end
    assert_cut_off_at_deadline(b"", status_line)


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (b"", b"HTTP/1.1 201 Created" + b" " * 40),  # still in the status line
        (b"HTTP/1.1 201 Created\r\nContent-Length: 60\r\n\r\n", b" " * 60),  # in the body
    ],
    ids=["status-line", "body"],
)
def test_client_hung_up_ends_the_exchange_in_flight_at_once(head: bytes, body: bytes) -> None:
    """The kiosk stopping hangs up on a platform that answers a byte every 0.5 s: the
    request ends then, not at its 13 s deadline, as Offline (the row is sent again later)."""
    arrived = threading.Event()
    with drip(head, body, every_s=0.5, arrived=arrived) as url:
        client = PlatformClient(url, "T1", b"k" * 32)
        results: list[object] = []
        making = threading.Thread(target=lambda: results.append(client.post("/cases", {"a": 1})))
        making.start()
        assert arrived.wait(timeout=10)
        time.sleep(0.6)  # a byte of the answer in: past the head for the body's case
        hung_up = time.monotonic()
        client.hang_up()
        making.join(timeout=15)
        took = time.monotonic() - hung_up
        client.close()
    assert not making.is_alive()
    assert results == [Offline(HUNG_UP, HUNG_UP_CAUSE)]
    assert took < 1.0


def test_client_hung_up_while_sending_to_a_platform_that_reads_nothing() -> None:
    """A request body too large for the socket buffers, to a platform that takes the
    connection and reads nothing: the send blocks, and the hang-up ends it."""
    silent = socket.create_server(("127.0.0.1", 0))
    taken: list[socket.socket] = []
    accepted = threading.Event()

    def take() -> None:
        silent.settimeout(10)
        with contextlib.suppress(OSError):
            taken.append(silent.accept()[0])
            accepted.set()

    threading.Thread(target=take, daemon=True).start()
    client = PlatformClient(f"http://127.0.0.1:{silent.getsockname()[1]}", "T1", b"k" * 32)
    results: list[object] = []
    making = threading.Thread(
        target=lambda: results.append(client.post("/materials", {"data": "A" * 50_000_000}))
    )
    try:
        making.start()
        assert accepted.wait(timeout=10)
        time.sleep(0.5)  # the buffers are full: the send is blocked
        hung_up = time.monotonic()
        client.hang_up()
        making.join(timeout=15)
        took = time.monotonic() - hung_up
    finally:
        client.close()
        for connection in taken:
            connection.close()
        silent.close()
    assert not making.is_alive()
    assert results == [Offline(HUNG_UP, HUNG_UP_CAUSE)]
    assert took < 1.0


def test_client_gives_a_large_body_time_to_go_over_a_slow_uplink() -> None:
    """A 200 KB page to a platform that takes it in at 40 KB/s (about 5 s), from a client
    whose timeouts alone allow 2 s: the read time grows with the body (at 32 KB/s), so the
    page goes; the same body with the timeouts given as they are (a resident waiting)
    does not."""
    page = {"applyNo": APPLY_NO, "data": "A" * 200_000}
    answer = one_answer(201, b'{"materialId": "M1"}')
    with serve(lambda _: answer, read_bytes_per_s=40_000) as platform:
        client = PlatformClient(
            platform.url, "T1", b"k" * 32, connect_timeout_s=1.0, read_timeout_s=1.0
        )
        assert isinstance(client.post("/materials", page, "K1"), Ok)
        quick = client.request("POST", "/materials", page, idempotency_key="K2", timeout=(1, 1))
        client.close()
        until = time.monotonic() + 15
        while len(platform.seen) < 2 and time.monotonic() < until:  # it reads on, slowly
            time.sleep(0.1)
    assert isinstance(quick, Offline)


def test_client_hung_up_sends_nothing_more() -> None:
    with serve(lambda _: one_answer(201, b'{"caseNo": "XC20261129000001"}')) as platform:
        client = PlatformClient(platform.url, "T1", b"k" * 32)
        assert isinstance(client.post("/cases", {"a": 1}), Ok)
        client.hang_up()
        assert client.post("/cases", {"a": 2}) == Offline(HUNG_UP, HUNG_UP_CAUSE)
        client.close()
    assert len(platform.seen) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sun, 29 Nov 2026 11:00:00 GMT", 1795950000.0),
        ("", None),
        ("yesterday", None),
        ("Sun, 29 Nov 99999 11:00:00 GMT", None),
        ("Sun, 29 Nov 2026 25:00:00 GMT", None),
        ("Sun, 29 Nov 2026 11:00:00 +9999", None),
    ],
)
def test_client_date_header_unreadable_is_no_date(value: str, expected: float | None) -> None:
    response = requests.Response()
    response.headers["Date"] = value
    assert server_date(response) == expected


def _question_case(reply: object) -> dict[str, object]:
    return {
        "caseNo": CASE_NO, "applyNo": "T1-20261129-0002", "itemCode": "", "kind": "question",
        "itemName": "留言咨询", "status": "已答复", "submittedAt": "2026-11-29T01:00:00+00:00",
        "timeline": [{"status": "已接件", "at": "2026-11-29T01:00:00+00:00"}], "reply": reply,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "shown"),
    [
        # Plain text only: direction overrides, escapes and runs of blank lines go.
        (
            {
                "text": "可以\u202e代办\x1b[31m\n\n\n\n请带身份证",
                "by": "民政局\u200b",
                "at": "2026-11-29T01:30:00+00:00",
            },
            ("可以代办[31m\n\n请带身份证", "民政局", "2026-11-29 09:30"),  # Beijing time
        ),
        (
            {"text": "答" * 5000, "at": "2026-11-29T01:30:00Z"},
            ("答" * 2000, "", "2026-11-29 09:30"),
        ),
        (7, None),  # a reply that cannot be read: the case shows, without it
        ({"text": ["x"], "at": "2026"}, None),
        ({"text": "\x00\x07", "at": "2026-11-29T01:30:00Z"}, None),  # nothing left to show
    ],
)
def test_progress_reply_plain_bounded_and_never_hides_the_case(
    outbox: Outbox, reply: object, shown: tuple[str, str, str] | None
) -> None:
    from kiosk.progress import TailAttempts, answer
    from kiosk.progressquery import ReceiptQuery

    body = json.dumps({"cases": [_question_case(reply)]}).encode()
    with serve(lambda _: one_answer(200, body)) as platform:
        client = PlatformClient(platform.url, "T1", b"k" * 32)
        query = ReceiptQuery("T1-20261129-0002", "t" * 22)
        (case,) = answer(query, outbox, client, TailAttempts()).cases
    assert (case.number, case.question) == (CASE_NO, True)
    if shown is None:
        assert case.reply is None
    else:
        assert case.reply is not None
        assert (case.reply.text, case.reply.by, case.reply.at) == shown
    assert case.timeline == (("已接件", "2026-11-29 09:00", ""),)
