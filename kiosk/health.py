"""How the station stands, as the heartbeat tells the district: typed values, no wire format.

The screen side knows the devices and the catalog in use (`StationHealth`); the sync worker
adds what the outbox and the audit trail say (`TerminalHealth`); the district client turns
that into the contract's JSON (kiosk/district/client.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.status import Health, Paper
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


@dataclass(frozen=True)
class TerminalHealth:
    """One heartbeat: the station, the outbox's backlog and the audit trail's head at `at`
    (seconds since the epoch)."""

    station: StationHealth
    app_version: str
    outbox_depth: int
    oldest_pending_s: int
    audit_head: Head | None
    at: float
