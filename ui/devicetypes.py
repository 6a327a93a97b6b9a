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
from typing import TypeVar

from PySide6.QtCore import QEnum, QObject

from devices.status import DeviceKind as Kind
from devices.status import DeviceStatus
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

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
        Camera = 3


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


@dataclass(frozen=True)
class DeviceRoles:
    """A device row as QML delegates read it (roles device, name, health, light, paper,
    coverOpen, samOk, detail)."""

    device: DeviceKind.Value
    name: str  # its name in settings ("printer"), for objectNames
    health: DeviceHealth.Value
    light: DeviceLight.Value
    paper: DevicePaper.Value
    cover_open: bool
    sam_ok: bool
    detail: str


def row_roles(row: DeviceRow) -> DeviceRoles:
    """What QML shows of a device row."""
    status = row.status
    kind = qml_enum(DeviceKind.Value, row.kind)
    if status is None:
        return DeviceRoles(
            kind,
            row.kind.value,
            DeviceHealth.Value.NotConfigured,
            DeviceLight.Value.Off,
            DevicePaper.Value.NotApplicable,
            cover_open=False,
            sam_ok=True,
            detail="",
        )
    return DeviceRoles(
        kind,
        row.kind.value,
        qml_enum(DeviceHealth.Value, status.health),
        qml_enum(DeviceLight.Value, status.light),
        DevicePaper.Value.NotApplicable
        if status.paper is None
        else qml_enum(DevicePaper.Value, status.paper),
        cover_open=bool(status.cover_open),
        sam_ok=status.sam_ok is not False,
        detail=status.detail,
    )


@QmlElement
@QmlUncreatable("the device hub's rows")
class DeviceRows(RowModel):
    """Devices as list-model rows (DeviceRoles): changed values update in place, a
    different set of devices resets."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(DeviceRoles, parent, key=lambda roles: roles.device)

    def set_device_rows(self, rows: list[DeviceRow]) -> None:
        self.set_rows([row_roles(row) for row in rows])
