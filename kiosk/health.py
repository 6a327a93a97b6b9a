"""How the station stands, as the heartbeat tells the district: typed values, no wire format.

The screen side knows the devices and the catalog in use (`StationHealth`); the sync worker
adds what the outbox and the audit trail say (`TerminalHealth`); the district client turns
that into the contract's JSON (kiosk/district/client.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from devices.status import DeviceKind, DeviceStatus, Health, Paper
from kiosk.audit import Head


@dataclass(frozen=True)
class DeviceHealth:
    """One device slot of the station. `health` None: no such device is configured."""

    device: str  # "id_reader", "printer", "scanner", "camera"
    health: Health | None
    paper: Paper | None = None


SUBMISSION_OUTCOMES = ("accepted", "refused")
RATING_LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Activity:
    """What the terminal did since its process started at `started_at` (seconds since the
    epoch; a later value means a restart): resident sessions started, applications the
    platform accepted or refused, 好差评 ratings given by level (`ratings[0]` counts level 1).
    Counts only: nothing of a resident, an item or a case. Each event makes a new value, so
    it crosses threads as is.
    """

    started_at: float = 0.0
    sessions: int = 0
    accepted: int = 0
    refused: int = 0
    ratings: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)

    def with_session(self) -> Activity:
        return replace(self, sessions=self.sessions + 1)

    def with_answer(self, outcome: str) -> Activity:
        """One more application `outcome` ("accepted" or "refused"); anything else is no
        code of ours and changes nothing."""
        if outcome == "accepted":
            return replace(self, accepted=self.accepted + 1)
        if outcome == "refused":
            return replace(self, refused=self.refused + 1)
        return self

    def with_rating(self, level: object) -> Activity:
        """One more rating of `level` 1-5; any other value changes nothing."""
        levels = {str(known): index for index, known in enumerate(RATING_LEVELS)}
        index = levels.get(str(level))
        if index is None:
            return self
        counts = list(self.ratings)
        counts[index] += 1
        return replace(self, ratings=(counts[0], counts[1], counts[2], counts[3], counts[4]))


@dataclass(frozen=True)
class SelfCheckState:
    """The last daily self-check (kiosk/selfcheck.py): when (seconds since the epoch),
    whether every step passed, and the codes of the steps that did not."""

    at: float
    passed: bool
    failed_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class StationHealth:
    """What the screen side knows: each device slot, the catalog in use (its version, ""
    if none; when this terminal stored it; when the platform last confirmed it current,
    None if never), the submissions the platform refused (kept for staff) and the
    activity since the start."""

    devices: tuple[DeviceHealth, ...] = ()
    catalog_version: str = ""
    catalog_stored_at: float | None = None
    catalog_synced_at: float | None = None
    quarantined: int = 0
    activity: Activity = Activity()
    out_of_service: OutOfService | None = None  # staff's reason, or no catalog to show
    self_check: SelfCheckState | None = None  # None: never run on this terminal
    open_now: bool = True  # within the station's opening hours ([hours]; none: always)


# Why staff took a terminal out of service (the staff panel; kiosk/staffaccess.py keeps it).
STAFF_REASONS = ("maintenance", "device-fault", "staff-absent", "other")
# Why a terminal is out of service: codes; words in Words.qml (serviceReason). "crash-loop":
# systemd's out-of-service unit; "no-catalog": the kiosk has nothing to show.
OUT_OF_SERVICE_REASONS = ("crash-loop", "no-catalog", *STAFF_REASONS)


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
    DeviceKind.CAMERA: "Document camera",
}
_HEALTH_WORDS = {
    Health.OFFLINE: "not answering",
    Health.NO_DEVICE: "not found",
    Health.HARDWARE_ERROR: "hardware error",
}


def service_status(
    devices: Iterable[DeviceStatus],
    outbox_depth: int | None = None,
    outbox_problem: str = "",
    out_of_service: str = "",
) -> str:
    """The line a technician reads in `systemctl status` (systemd's STATUS=): what the kiosk
    does and what needs a hand, from what the devices and the outbox already report.

    `outbox_depth` None: this kiosk has no platform to deliver to. `out_of_service`: the
    reason code while residents are not served (OUT_OF_SERVICE_REASONS).
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
    doing = f"Out of service ({out_of_service})" if out_of_service else "Serving residents"
    return "; ".join([doing, *troubles])


def process_started_at() -> float:
    """When this process started (seconds since the epoch), as the kernel counts it (the
    same figure as prometheus-client's process_start_time_seconds); now where /proc is not
    there to ask."""
    try:
        stat = Path("/proc/self/stat").read_text()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        ticks = float(stat.rsplit(")", 1)[1].split()[19])  # field 22: starttime
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time()
