"""The heartbeat's audit head at the stand-in (kiosk/standin/store.py), over HTTP."""

from __future__ import annotations

from typing import Any

from kiosk.district.client import Ok, PlatformClient, Rejected
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
