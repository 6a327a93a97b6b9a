"""Device states as QML enums and the hub's rows as a list model (ui/devicetypes.py)."""

from __future__ import annotations

import enum
from enum import IntEnum

import pytest

from devices.status import DeviceKind, DeviceStatus, Health, Light, Paper
from ui.devicetypes import (
    DeviceHealth,
    DeviceLight,
    DevicePaper,
    DeviceRow,
    DeviceRows,
    qml_enum,
)
from ui.devicetypes import DeviceKind as QmlDeviceKind

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.parametrize(
    ("device_enum", "mirror"),
    [
        (DeviceKind, QmlDeviceKind.Value),
        (Health, DeviceHealth.Value),
        (Paper, DevicePaper.Value),
        (Light, DeviceLight.Value),
    ],
)
def test_qml_enum_every_device_layer_member_has_its_own_mirror(
    device_enum: type[enum.Enum], mirror: type[IntEnum]
) -> None:
    mirrored = [qml_enum(mirror, member) for member in device_enum]
    assert len(set(mirrored)) == len(device_enum)
    assert all(isinstance(value, mirror) for value in mirrored)


def test_qml_enum_multi_word_name_becomes_camel_case() -> None:
    assert qml_enum(DeviceHealth.Value, Health.NO_DEVICE) is DeviceHealth.Value.NoDevice
    assert qml_enum(DevicePaper.Value, Paper.NEAR_END) is DevicePaper.Value.NearEnd


def role(rows: DeviceRows, row: int, name: str) -> object:
    names = {bytes(value.data()).decode(): number for number, value in rows.roleNames().items()}
    return rows.data(rows.index(row, 0), names[name])


def test_device_rows_unconfigured_device_reads_not_configured_and_no_light() -> None:
    rows = DeviceRows()
    rows.set_device_rows([DeviceRow(DeviceKind.SCANNER, None)])
    assert rows.rowCount() == 1
    assert role(rows, 0, "device") == QmlDeviceKind.Value.Scanner
    assert role(rows, 0, "name") == "scanner"
    assert role(rows, 0, "health") == DeviceHealth.Value.NotConfigured
    assert role(rows, 0, "light") == DeviceLight.Value.Off
    assert role(rows, 0, "paper") == DevicePaper.Value.NotApplicable


def test_device_rows_printer_out_of_paper_reads_typed_states() -> None:
    rows = DeviceRows()
    out = DeviceStatus(
        DeviceKind.PRINTER, Health.HARDWARE_ERROR, detail="paper out", paper=Paper.OUT
    )
    rows.set_device_rows([DeviceRow(DeviceKind.PRINTER, out)])
    assert role(rows, 0, "health") == DeviceHealth.Value.HardwareError
    assert role(rows, 0, "light") == DeviceLight.Value.Red
    assert role(rows, 0, "paper") == DevicePaper.Value.Out
    assert role(rows, 0, "detail") == "paper out"
    assert role(rows, 0, "samOk") is True


def test_device_rows_changed_status_updates_that_row_in_place() -> None:
    rows = DeviceRows()
    ready = DeviceStatus(DeviceKind.PRINTER, Health.ONLINE, paper=Paper.OK)
    rows.set_device_rows(
        [DeviceRow(DeviceKind.ID_READER, None), DeviceRow(DeviceKind.PRINTER, ready)]
    )
    changed: list[int] = []
    resets: list[bool] = []
    rows.dataChanged.connect(lambda first, _last, _roles=(): changed.append(first.row()))
    rows.modelReset.connect(lambda: resets.append(True))
    low = DeviceStatus(DeviceKind.PRINTER, Health.ONLINE, paper=Paper.NEAR_END)
    rows.set_device_rows(
        [DeviceRow(DeviceKind.ID_READER, None), DeviceRow(DeviceKind.PRINTER, low)]
    )
    assert changed == [1]
    assert resets == []
    assert role(rows, 1, "light") == DeviceLight.Value.Amber


def test_device_rows_other_devices_reset_the_model() -> None:
    rows = DeviceRows()
    rows.set_device_rows([DeviceRow(DeviceKind.PRINTER, None)])
    resets: list[bool] = []
    rows.modelReset.connect(lambda: resets.append(True))
    rows.set_device_rows([])
    assert resets == [True]
    assert rows.rowCount() == 0
