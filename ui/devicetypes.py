"""Device states as QML enums, and the rows of the device hub as a list model.

QML compares `health === DeviceHealth.Online`, never a string. Each enum is a QEnum inside an
uncreatable type of the `Kiosk.Types` module (the QML name is the class name; Qt wants the
enum inside a QObject). The device layer stays Qt-free, so its enums (devices/status.py) are
mirrored here member by member, in Qt's CamelCase (NO_DEVICE → NoDevice); `qml_enum()`
converts, and a test proves that every member has its mirror.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEnum,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from devices.status import DeviceKind as Kind
from devices.status import DeviceStatus
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("an enum")
class DeviceKind(QObject):
    @QEnum
    class Value(IntEnum):
        IdReader = 0
        Printer = 1
        Scanner = 2


@QmlElement
@QmlUncreatable("an enum")
class DeviceHealth(QObject):
    @QEnum
    class Value(IntEnum):
        NotConfigured = 0  # the station has no such device (never a device's own report)
        Online = 1
        Offline = 2
        NoDevice = 3
        HardwareError = 4
        Busy = 5


@QmlElement
@QmlUncreatable("an enum")
class DevicePaper(QObject):
    @QEnum
    class Value(IntEnum):
        NotApplicable = 0  # not a printer, or not configured
        Ok = 1
        NearEnd = 2
        Out = 3
        Unknown = 4  # file and CUPS transports cannot report it


@QmlElement
@QmlUncreatable("an enum")
class DeviceLight(QObject):
    @QEnum
    class Value(IntEnum):
        Off = 0  # not configured
        Green = 1
        Amber = 2
        Red = 3


@QmlElement
@QmlUncreatable("an enum")
class PrintState(QObject):
    """Where the resident's last print job is (DeviceHub.printState)."""

    @QEnum
    class Value(IntEnum):
        Idle = 0  # no job on this screen
        Printing = 1
        Done = 2
        Failed = 3


Q = TypeVar("Q", bound=IntEnum)


def qml_enum(mirror: type[Q], value: enum.Enum) -> Q:
    """The QML enum value mirroring a device-layer one (Health.NO_DEVICE → NoDevice)."""
    return mirror["".join(part.capitalize() for part in value.name.split("_"))]


@dataclass(frozen=True)
class DeviceRow:
    """One device as the hub knows it: None until configured."""

    kind: Kind
    status: DeviceStatus | None


ROLES = ("device", "name", "health", "light", "paper", "coverOpen", "samOk", "detail")


def row_roles(row: DeviceRow) -> tuple[Any, ...]:
    """The role values of a row, in the order of ROLES."""
    status = row.status
    if status is None:
        return (
            qml_enum(DeviceKind.Value, row.kind),
            row.kind.value,
            DeviceHealth.Value.NotConfigured,
            DeviceLight.Value.Off,
            DevicePaper.Value.NotApplicable,
            False,
            True,
            "",
        )
    return (
        qml_enum(DeviceKind.Value, row.kind),
        row.kind.value,
        qml_enum(DeviceHealth.Value, status.health),
        qml_enum(DeviceLight.Value, status.light),
        DevicePaper.Value.NotApplicable
        if status.paper is None
        else qml_enum(DevicePaper.Value, status.paper),
        bool(status.cover_open),
        status.sam_ok is not False,
        status.detail,
    )


@QmlElement
@QmlUncreatable("the device hub's rows")
class DeviceRows(QAbstractListModel):
    """Devices as list-model rows; roles: device (DeviceKind), name (its name in settings:
    "printer"; for objectNames), health (DeviceHealth),
    light (DeviceLight), paper (DevicePaper), coverOpen, samOk (bool), detail (str)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: list[DeviceRow]) -> None:
        """Show `rows`: changed values update in place, a different set of devices resets."""
        values = [row_roles(row) for row in rows]
        if [v[0] for v in values] != [v[0] for v in self._rows]:
            self.beginResetModel()
            self._rows = values
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, values, strict=True)):
            if old != new:
                self._rows[number] = new
                index = self.index(number, 0)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {
            Qt.ItemDataRole.UserRole + number: QByteArray(name.encode())
            for number, name in enumerate(ROLES)
        }

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        column = role - Qt.ItemDataRole.UserRole
        if not index.isValid() or not 0 <= column < len(ROLES):
            return None
        return self._rows[index.row()][column]
