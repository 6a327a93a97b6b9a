"""Items 5 and 10: Retry-After is bounded and honoured, by the client, the deliverer and
the sync worker, against a real HTTP server on loopback."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app.services import connect_platform, open_audit_trail, open_outbox
from kiosk.delivery import Deliverer
from kiosk.district.client import Busy, PlatformClient
from kiosk.district.signing import Credentials
from kiosk.keyfiles import load_key
from kiosk.outbox import Outbox
from tests.kiosk.standin.test_server import case_body
from tests.security.loopback import Loopback, Seen, serve

TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"
HOUR = 3600.0
DEFAULT = 30.0

BUSY_BODY = json.dumps({"error": "busy", "message": "平台繁忙"}).encode()
CASE_BODY = json.dumps(
    {
        "caseNo": "XC20261129000001",
        "applyNo": "XCT0001-000001",
        "itemCode": "x",
        "itemName": "x",
        "status": "已接件",
        "submittedAt": "2026-11-29T08:00:00+08:00",
        "timeline": [],
    }
).encode()


def busy(retry_after: str) -> tuple[int, dict[str, str], bytes]:
    return 503, {"Retry-After": retry_after, "Content-Type": "application/json"}, BUSY_BODY


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.db", load_key(tmp_path / "outbox.key", create=True))
    box.enqueue("case", case_body(), apply_no="XCT0001-000001")
    yield box
    box.close()


@pytest.mark.parametrize(
    ("header", "low", "high"),
    [
        ("3", 3.0, 3.0),
        ("inf", DEFAULT, DEFAULT),
        ("nan", DEFAULT, DEFAULT),
        ("-5", DEFAULT, DEFAULT),
        ("1e10", HOUR, HOUR),
        ("Infinity", DEFAULT, DEFAULT),
        ("soon", DEFAULT, DEFAULT),
    ],
)
def test_client_retry_after_odd_values_bounded_to_an_hour(
    header: str, low: float, high: float
) -> None:
    with serve(lambda _: busy(header)) as server:
        client = PlatformClient(server.url, TERMINAL, SECRET)
        try:
            result = client.post("/cases", case_body(), "k" * 16)
        finally:
            client.close()
    assert isinstance(result, Busy)
    assert low <= result.retry_after_s <= high


def test_client_retry_after_http_date_counts_seconds_from_now() -> None:
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    with serve(lambda _: busy(when)) as server:
        client = PlatformClient(server.url, TERMINAL, SECRET)
        try:
            result = client.post("/cases", case_body(), "k" * 16)
        finally:
            client.close()
    assert isinstance(result, Busy)
    assert 100 <= result.retry_after_s <= 121


def test_deliverer_retry_after_inf_waits_bounded_and_keeps_row(outbox: Outbox) -> None:
    with serve(lambda _: busy("inf")) as server:
        deliverer = Deliverer(outbox, PlatformClient(server.url, TERMINAL, SECRET))
        step = deliverer.step(now=1000.0)
        deliverer.client.close()
    assert step.state == "waiting"
    assert 0 < step.wait_s <= HOUR
    head = outbox.head()
    assert head is not None
    assert head.due_at <= 1000.0 + HOUR


def test_deliverer_urgent_step_within_retry_after_sends_nothing(outbox: Outbox) -> None:
    answers = [busy("3"), (201, {"Content-Type": "application/json"}, CASE_BODY)]

    def answer(_: Seen) -> tuple[int, dict[str, str], bytes]:
        return answers.pop(0)

    with serve(answer) as server:
        deliverer = Deliverer(outbox, PlatformClient(server.url, TERMINAL, SECRET))
        try:
            t0 = time.time()
            assert deliverer.step(now=t0).state == "waiting"
            # the next resident submits one second later and waits at the screen
            early = deliverer.step(now=t0 + 1.0, urgent=True)
            assert early.state == "waiting"
            assert 1.5 <= early.wait_s <= 2.0
            assert len(server.seen) == 1
            # once Retry-After has run out, urgent goes at once (before the row's backoff)
            late = deliverer.step(now=t0 + 3.5, urgent=True)
        finally:
            deliverer.client.close()
        assert len(server.seen) == 2
    assert late.state == "delivered"


def start_worker(server: Loopback, tmp_path: Path, outbox: Outbox):  # type: ignore[no-untyped-def]
    from ui.outboxworker import OutboxWorker

    secret_file = tmp_path / "terminal.secret"
    secret_file.write_bytes(SECRET)
    secret_file.chmod(0o600)
    audit_key = tmp_path / "audit.key"
    audit_key.write_bytes(b"a" * 32)
    audit_key.chmod(0o600)
    worker = OutboxWorker(
        partial(open_outbox, outbox.path, tmp_path / "outbox.key"),
        partial(open_audit_trail, tmp_path / "audit.db", audit_key),
        partial(connect_platform, server.url, Credentials(TERMINAL, secret_file)),
    )
    worker.start()  # on this thread: the test drives its event loop
    return worker


def test_sync_worker_retry_after_huge_keeps_its_timer_running(
    qtbot: QtBot, tmp_path: Path, outbox: Outbox
) -> None:
    with serve(lambda _: busy("1e10")) as server:
        worker = start_worker(server, tmp_path, outbox)
        try:
            qtbot.waitUntil(lambda: len(server.seen) == 1, timeout=5000)
            qtbot.waitUntil(worker._timer.isActive, timeout=2000)
            assert 1000 < worker._timer.interval() <= HOUR * 1000
        finally:
            worker._timer.stop()
            if worker._deliverer is not None:
                worker._deliverer.client.close()
                worker._deliverer.outbox.close()
