"""The common status model and lifecycle (devices/status.py)."""

from __future__ import annotations

import pytest

from devices.status import (
    DeviceKind,
    DeviceStatus,
    Health,
    Lifecycle,
    LifecycleError,
    Light,
    Paper,
    Stage,
)


def test_lifecycle_in_order_then_close_from_enabled_walks_back() -> None:
    device = Lifecycle()
    device.open()
    device.claim()
    device.enable()
    device.close()
    assert device.stage is Stage.CLOSED


@pytest.mark.parametrize("step", ["claim", "enable", "disable", "release"])
def test_lifecycle_step_out_of_order_raises(step: str) -> None:
    with pytest.raises(LifecycleError):
        getattr(Lifecycle(), step)()


def test_lifecycle_failed_claim_stays_opened() -> None:
    class Failing(Lifecycle):
        def _on_claim(self) -> None:
            raise OSError("gone")

    device = Failing()
    device.open()
    with pytest.raises(OSError, match="gone"):
        device.claim()
    assert device.stage is Stage.OPENED


@pytest.mark.parametrize(
    ("status", "light"),
    [
        (DeviceStatus("printer", Health.ONLINE, paper=Paper.OK), Light.GREEN),
        (DeviceStatus("printer", Health.ONLINE, paper=Paper.NEAR_END), Light.AMBER),
        (DeviceStatus("printer", Health.HARDWARE_ERROR, paper=Paper.OUT), Light.RED),
        (DeviceStatus("scanner", Health.OFFLINE), Light.RED),
        (DeviceStatus("id_reader", Health.BUSY), Light.GREEN),
        (DeviceStatus("id_reader", Health.NO_DEVICE), Light.RED),
    ],
)
def test_status_light(status: DeviceStatus, light: Light) -> None:
    assert status.light is light


@pytest.mark.parametrize(
    ("status", "concerns"),
    [
        (DeviceStatus(DeviceKind.ID_READER, Health.OFFLINE), True),
        (DeviceStatus(DeviceKind.PRINTER, Health.HARDWARE_ERROR, paper=Paper.OUT), True),
        (DeviceStatus(DeviceKind.PRINTER, Health.ONLINE, paper=Paper.NEAR_END), False),
        (DeviceStatus(DeviceKind.ID_READER, Health.BUSY), False),
        (DeviceStatus(DeviceKind.SCANNER, Health.NO_DEVICE), False),
    ],
)
def test_status_concerns_residents_only_reader_or_printer_down(
    status: DeviceStatus, concerns: bool
) -> None:
    assert status.concerns_residents is concerns
