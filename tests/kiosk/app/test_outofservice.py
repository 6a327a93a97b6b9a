"""The out-of-service heartbeat against the stand-in over HTTP, checked against the contract."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kiosk.app.outofservice import OutOfServiceBeacon, outbox_backlog
from kiosk.district.client import Ok, PlatformClient
from kiosk.health import OutOfService
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import TERMINAL, ContractCheck

SINCE = 1_796_000_000.0  # 2026-11-30T00:53:20+00:00


def heartbeats(standin: StandIn) -> int:
    with standin.state.lock:
        return standin.state.requests.count("POST /api/v1/heartbeat")


def wait_until(check: object, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_beacon_first_beat_says_out_of_service_with_reason_and_backlog(
    client: PlatformClient, standin: StandIn, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.db", os.urandom(32))
    outbox.enqueue("case", {"n": 1}, apply_no="XCT0001-000001")
    outbox.enqueue("case", {"n": 2}, apply_no="XCT0001-000002")
    beacon = OutOfServiceBeacon(
        lambda: client, OutOfService("crash-loop", SINCE), tmp_path / "outbox.db"
    )
    assert isinstance(beacon.beat(), Ok)
    assert standin.store.out_of_service(TERMINAL) == {
        "reason": "crash-loop",
        "since": "2026-11-30T00:53:20+00:00",
    }
    body = standin.store.last_heartbeat(TERMINAL)
    assert body is not None
    assert body["outboxDepth"] == 2
    assert body["devices"] == []  # no device is opened out of service


def test_beacon_repeats_every_interval_until_stopped(
    client: PlatformClient, standin: StandIn, contract_check: ContractCheck
) -> None:
    beacon = OutOfServiceBeacon(
        lambda: client, OutOfService("crash-loop", SINCE), None, interval_s=0.2
    )
    started = time.monotonic()
    beacon.start()
    try:
        wait_until(lambda: heartbeats(standin) >= 3, 10)
    finally:
        beacon.stop()
    assert time.monotonic() - started >= 0.35  # paced, not sent all at once
    sent = heartbeats(standin)
    assert contract_check.checked == sent
    assert standin.store.out_of_service(TERMINAL) is not None


def test_beacon_platform_unreachable_keeps_trying_without_raising(tmp_path: Path) -> None:
    attempts: list[float] = []

    def connect() -> PlatformClient:
        attempts.append(time.monotonic())
        raise OSError("no route to the platform")

    beacon = OutOfServiceBeacon(connect, OutOfService("crash-loop", SINCE), None, interval_s=0.1)
    beacon.start()
    try:
        wait_until(lambda: len(attempts) >= 2, 10)
    finally:
        beacon.stop()


def test_outbox_backlog_without_outbox_is_zero(tmp_path: Path) -> None:
    assert outbox_backlog(tmp_path / "outbox.db", time.time()) == (0, 0)


def test_outbox_backlog_unreadable_file_is_zero(tmp_path: Path) -> None:
    (tmp_path / "outbox.db").write_bytes(b"not a database at all" * 100)
    assert outbox_backlog(tmp_path / "outbox.db", time.time()) == (0, 0)


def test_beacon_platform_unreachable_metrics_still_say_out_of_service_and_backlog(
    tmp_path: Path,
) -> None:
    from prometheus_client import generate_latest

    from kiosk.metrics import KioskMetrics

    outbox = Outbox(tmp_path / "outbox.db", os.urandom(32))
    outbox.enqueue("case", {"n": 1}, apply_no="XCT0001-000001")
    metrics = KioskMetrics(version="1.0", terminal_id=TERMINAL)

    def connect() -> PlatformClient:
        raise OSError("no route to the platform")

    beacon = OutOfServiceBeacon(
        connect, OutOfService("crash-loop", SINCE), tmp_path / "outbox.db", metrics=metrics
    )
    with pytest.raises(OSError, match="no route"):  # the beacon's thread logs it, retries
        beacon.beat()
    text = generate_latest(metrics.registry).decode()
    assert 'kiosk_service_state{kiosk_service_state="crash-loop"} 1.0' in text
    assert 'kiosk_service_state{kiosk_service_state="in_service"} 0.0' in text
    assert "kiosk_outbox_depth 1.0" in text
