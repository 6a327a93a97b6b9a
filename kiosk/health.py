"""How the station stands, as the heartbeat tells the district: typed values, no wire format.

The screen side knows the devices and the catalog in use (`StationHealth`); the sync worker
adds what the outbox and the audit trail say (`TerminalHealth`); the district client turns
that into the contract's JSON (kiosk/district/client.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from devices.status import DeviceKind, DeviceStatus, Health, Paper
from kiosk.audit import Head


@dataclass(frozen=True)
class DeviceHealth:
    """One device slot of the station. `health` None: no such device is configured."""

    device: str  # "id_reader", "printer", "scanner"
    health: Health | None
    paper: Paper | None = None


@dataclass(frozen=True)
class StationHealth:
    """What the screen side knows: each device slot and the catalog version ("" if none)."""

    devices: tuple[DeviceHealth, ...] = ()
    catalog_version: str = ""


# Why a terminal is out of service: codes; words in Words.qml (serviceReason).
OUT_OF_SERVICE_REASONS = ("crash-loop",)


@dataclass(frozen=True)
class OutOfService:
    """The terminal shows its out-of-service screen: why (a code, e.g. "crash-loop"; words
    in Words.qml) and since when (seconds since the epoch)."""

    reason: str
    since: float


@dataclass(frozen=True)
class TerminalHealth:
    """One heartbeat: the station, the outbox's backlog and the audit trail's head at `at`
    (seconds since the epoch), and whether the terminal is out of service."""

    station: StationHealth
    app_version: str
    outbox_depth: int
    oldest_pending_s: int
    audit_head: Head | None
    at: float
    out_of_service: OutOfService | None = None


_DEVICE_NAMES = {
    DeviceKind.ID_READER: "ID-card reader",
    DeviceKind.PRINTER: "Printer",
    DeviceKind.SCANNER: "Scanner",
}
_HEALTH_WORDS = {
    Health.OFFLINE: "not answering",
    Health.NO_DEVICE: "not found",
    Health.HARDWARE_ERROR: "hardware error",
}


def service_status(
    devices: Iterable[DeviceStatus], outbox_depth: int | None = None, outbox_problem: str = ""
) -> str:
    """The line a technician reads in `systemctl status` (systemd's STATUS=): what the kiosk
    does and what needs a hand, from what the devices and the outbox already report.

    `outbox_depth` None: this kiosk has no platform to deliver to.
    """
    troubles: list[str] = []
    for status in devices:
        name = _DEVICE_NAMES[status.device]
        if status.paper is Paper.OUT:  # a printer out of paper also reports hardware_error
            troubles.append(f"{name}: out of paper")
        elif status.health in _HEALTH_WORDS:
            troubles.append(f"{name}: {_HEALTH_WORDS[status.health]}")
        elif status.paper is Paper.NEAR_END:
            troubles.append(f"{name}: paper running low")
    if outbox_problem:
        troubles.append(f"Delivery: {outbox_problem}")
    if outbox_depth:
        noun = "submission" if outbox_depth == 1 else "submissions"
        troubles.append(f"{outbox_depth} {noun} waiting for the platform")
    return "; ".join(["Serving residents", *troubles])
