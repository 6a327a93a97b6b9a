"""Whether the kiosk serves residents now, and what it tells them when it does not.

Out of service by staff (the staff panel, behind the PIN; kept across restarts by
kiosk/staffaccess.py) or by itself when it cannot serve: no catalog is stored and the
platform sent none. Residents then see the out-of-service screen — why, the hotline and the
nearest staffed stations from the station file — and can still read the guides when there
are any; applications wait. It is back in service when staff say so, or by itself when the
cause clears (a catalog arrives).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.health import OutOfService
from kiosk.settings import Settings
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel
from ui.staffgate import StaffGate

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

NO_CATALOG = "no-catalog"


@dataclass(frozen=True)
class NearbyStationRoles:
    """One staffed station to go to (roles name, address, hours, phone)."""

    name: str
    address: str
    hours: str
    phone: str


@QmlElement
@QmlUncreatable("the out-of-service model's stations")
class NearbyStationRows(RowModel):
    """The nearest staffed stations, nearest first (settings: out_of_service.stations)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(NearbyStationRoles, parent)


def nearby_stations(settings: Settings, parent: QObject) -> NearbyStationRows:
    rows = NearbyStationRows(parent)
    rows.set_rows(
        [
            NearbyStationRoles(s.name, s.address, s.hours, s.phone)
            for s in settings.out_of_service.stations
        ]
    )
    return rows


@QmlElement
@QmlUncreatable("built by the composition root")
class ServiceState(QObject):
    """`reason` is "" while the kiosk serves; else a code (kiosk/health.py STAFF_REASONS, or
    "no-catalog"), with words in Words.qml serviceReason. Staff's reason comes first.

    Signals:
        changed: `reason` changed.
    """

    changed = Signal()

    def __init__(self, settings: Settings, staff: StaffGate, parent: QObject | None = None):
        super().__init__(parent)
        self._staff = staff
        self._no_catalog_since = 0.0
        self._stations = nearby_stations(settings, self)
        self._reason = ""
        staff.outOfServiceChanged.connect(self._update)

    def out_of_service(self) -> OutOfService | None:
        """For the heartbeat: why and since when, or None while serving."""
        reason, since = self._staff.out_of_service()
        if reason:
            return OutOfService(reason, since)
        if self._no_catalog_since:
            return OutOfService(NO_CATALOG, self._no_catalog_since)
        return None

    def _get_reason(self) -> str:
        return self._reason

    def current_reason(self) -> str:
        """For Python: "" while serving, else why not (see `reason`)."""
        return self._reason

    def _get_stations(self) -> NearbyStationRows:
        return self._stations

    reason = Property(str, _get_reason, notify=changed)
    byStaff = Property(bool, lambda self: bool(self._staff.out_of_service()[0]), notify=changed)
    stations = Property(NearbyStationRows, _get_stations, constant=True)

    @Slot()
    def catalog_missing(self) -> None:
        """No catalog is stored and the platform sent none."""
        if not self._no_catalog_since:
            self._no_catalog_since = time.time()
            self._update()

    @Slot(object)
    def catalog_ready(self, _library: object = None) -> None:
        if self._no_catalog_since:
            self._no_catalog_since = 0.0
            self._update()

    @Slot()
    def _update(self) -> None:
        state = self.out_of_service()
        reason = state.reason if state is not None else ""
        if reason != self._reason:
            self._reason = reason
            self.changed.emit()
