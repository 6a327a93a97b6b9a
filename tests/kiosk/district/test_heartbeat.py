"""The heartbeat: typed health in the client (kiosk/district/client.py), the audit head at
the stand-in (kiosk/standin/store.py), over HTTP."""

from __future__ import annotations

import time
from typing import Any

from devices.status import Health, Paper
from kiosk.audit import Head
from kiosk.district.client import Ok, PlatformClient, Rejected, heartbeat_body
from kiosk.health import (
    Activity,
    DeviceHealth,
    OutOfService,
    StationHealth,
    TerminalHealth,
)
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import SECRET, TERMINAL


def beat(seq: int | None = None, mac: str = "a" * 64) -> dict[str, Any]:
    body: dict[str, Any] = {
        "terminalId": TERMINAL, "appVersion": "0.1.0", "catalogVersion": "sample-2026.11",
        "outboxDepth": 0, "devices": [], "at": "2026-11-26T10:00:00+08:00",
    }  # fmt: skip
    if seq is not None:
        body["auditHead"] = {"seq": seq, "mac": mac}
    return body


def test_heartbeat_audit_head_moving_on_is_kept_without_alert(
    client: PlatformClient, standin: StandIn
) -> None:
    for seq, mac in ((4, "a" * 64), (4, "a" * 64), (9, "b" * 64)):
        assert isinstance(client.post("/heartbeat", beat(seq, mac)), Ok)
    assert standin.store.audit_head(TERMINAL) == (9, "b" * 64)
    assert standin.store.audit_alert(TERMINAL) == ""


def test_heartbeat_audit_head_changed_at_the_same_row_raises_alert(
    client: PlatformClient, standin: StandIn
) -> None:
    assert isinstance(client.post("/heartbeat", beat(7, "a" * 64)), Ok)
    assert isinstance(client.post("/heartbeat", beat(7, "c" * 64)), Ok)
    assert standin.store.audit_alert(TERMINAL) == (
        "audit trail head changed: row 7 reported after row 7"
    )
    assert isinstance(client.post("/heartbeat", beat(8, "d" * 64)), Ok)
    assert "changed" in standin.store.audit_alert(TERMINAL)  # an alert stays


def test_heartbeat_without_audit_head_from_an_older_terminal_is_accepted(
    client: PlatformClient, standin: StandIn
) -> None:
    assert isinstance(client.post("/heartbeat", beat()), Ok)
    assert standin.store.audit_head(TERMINAL) is None


def test_heartbeat_audit_head_malformed_is_refused(standin: StandIn) -> None:
    # Not the contract-checked client: this request breaks the contract on purpose.
    client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
    try:
        answer = client.post("/heartbeat", beat(-1, "not-a-mac"))
    finally:
        client.close()
    assert isinstance(answer, Rejected)
    assert answer.status == 422
    assert standin.store.audit_head(TERMINAL) is None


def test_heartbeat_typed_health_arrives_as_the_contract_says(
    client: PlatformClient, standin: StandIn
) -> None:
    station = StationHealth(
        devices=(
            DeviceHealth("id_reader", Health.ONLINE),
            DeviceHealth("printer", Health.HARDWARE_ERROR, Paper.OUT),
            DeviceHealth("scanner", None),
        ),
        catalog_version="sample-2026.11",
        catalog_stored_at=1_795_999_000.0,
        catalog_synced_at=1_795_999_940.0,
        quarantined=1,
        activity=Activity(started_at=1_795_990_000.0)
        .with_session()
        .with_session()
        .with_answer("accepted")
        .with_answer("refused")
        .with_rating(5)
        .with_rating(2),
    )
    health = TerminalHealth(
        station=station,
        app_version="0.1.0",
        outbox_depth=2,
        oldest_pending_s=75,
        audit_head=Head(12, "e" * 64),
        at=1_796_000_000.0,
    )
    assert isinstance(client.heartbeat(health), Ok)
    assert standin.store.last_heartbeat(TERMINAL) == {
        "terminalId": TERMINAL,
        "appVersion": "0.1.0",
        "catalogVersion": "sample-2026.11",
        "outboxDepth": 2,
        "oldestPendingSeconds": 75,
        "devices": [
            {"device": "id_reader", "health": "online"},
            {"device": "printer", "health": "hardware_error", "paper": "out"},
            {"device": "scanner", "health": "not_configured"},
        ],
        "auditHead": {"seq": 12, "mac": "e" * 64},
        "at": "2026-11-30T00:53:20+00:00",
        "quarantined": 1,
        "catalogAgeSeconds": 1000,
        "catalogLastSync": "2026-11-30T00:52:20+00:00",
        "activity": {
            "startedAt": "2026-11-29T22:06:40+00:00",
            "sessions": 2,
            "submissionsAccepted": 1,
            "submissionsRefused": 1,
            "ratings": {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1},
        },
    }
    assert standin.store.audit_head(TERMINAL) == (12, "e" * 64)


def test_heartbeat_body_without_catalog_or_audit_head_says_none() -> None:
    health = TerminalHealth(StationHealth(), "0.1.0", 0, 0, None, 0.0)
    body = heartbeat_body("T1", health)
    assert body["catalogVersion"] == "none"
    assert body["devices"] == []
    assert "auditHead" not in body
    assert "catalogAgeSeconds" not in body  # no catalog stored: no age
    assert "catalogLastSync" not in body
    assert "activity" not in body  # the out-of-service screen counts nothing


def test_heartbeat_activity_counts_out_of_range_are_refused(standin: StandIn) -> None:
    # Not the contract-checked client: this request breaks the contract on purpose.
    client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
    body = beat()
    body["activity"] = {
        "startedAt": "2026-11-26T09:00:00+08:00", "sessions": -1, "submissionsAccepted": 0,
        "submissionsRefused": 0, "ratings": {"1": 0, "2": 0, "3": 0, "4": 0, "6": 1},
    }  # fmt: skip
    try:
        answer = client.post("/heartbeat", body)
    finally:
        client.close()
    assert isinstance(answer, Rejected)
    assert answer.status == 422
    assert set(answer.fields) >= {"activity/sessions", "activity/ratings"}
    assert standin.store.last_heartbeat(TERMINAL) is None


def test_heartbeat_out_of_service_reason_and_since_reach_the_platform(
    client: PlatformClient, standin: StandIn
) -> None:
    health = TerminalHealth(
        StationHealth(),
        "0.1.0",
        0,
        0,
        None,
        at=1_796_000_060.0,
        out_of_service=OutOfService("crash-loop", since=1_796_000_000.0),
    )
    assert isinstance(client.heartbeat(health), Ok)
    assert standin.store.out_of_service(TERMINAL) == {
        "reason": "crash-loop",
        "since": "2026-11-30T00:53:20+00:00",
    }
    # Serving again: the next heartbeat has no outOfService, and the platform forgets it.
    assert isinstance(
        client.heartbeat(TerminalHealth(StationHealth(), "0.1.0", 0, 0, None, 0.0)), Ok
    )
    assert standin.store.out_of_service(TERMINAL) is None


def test_heartbeat_out_of_service_reason_not_a_code_is_refused(standin: StandIn) -> None:
    # Not the contract-checked client: this request breaks the contract on purpose.
    client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
    body = beat()
    body["outOfService"] = {"reason": "<b>crashed</b>", "since": "2026-11-26T10:00:00+08:00"}
    try:
        answer = client.post("/heartbeat", body)
    finally:
        client.close()
    assert isinstance(answer, Rejected)
    assert answer.status == 422
    assert standin.store.out_of_service(TERMINAL) is None


def test_heartbeat_answer_carries_the_platforms_clock(client: PlatformClient) -> None:
    before = time.time()
    answer = client.post("/heartbeat", beat())
    after = time.time()
    assert isinstance(answer, Ok)
    assert answer.server_date is not None
    # Date has whole seconds: the platform's clock read between our two readings
    assert int(before) - 1 <= answer.server_date <= after + 1


def test_refused_request_carries_the_platforms_clock_too(standin: StandIn) -> None:
    stranger = PlatformClient(standin.url, TERMINAL, b"x" * 32, read_timeout_s=5)
    try:
        answer = stranger.post("/heartbeat", beat())
    finally:
        stranger.close()
    assert isinstance(answer, Rejected)
    assert answer.server_date is not None
    assert abs(answer.server_date - time.time()) < 5
