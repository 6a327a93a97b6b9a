"""The ID-card reader device: lifecycle, health, unplug and replug through the simulator."""

from __future__ import annotations

import time

import pytest

from devices.errors import DeviceError
from devices.idcard.device import IdCardDevice
from devices.idcard.identity import CardKind
from devices.idcard.reader import SAM_FAILED
from devices.sim.idcard import IdCardSimulator
from devices.status import Health


def enabled(sim: IdCardSimulator) -> IdCardDevice:
    device = IdCardDevice(sim.url, sim.baud or 115200, command_timeout_s=0.5)
    device.open()
    device.claim()
    device.enable()
    return device


@pytest.mark.parametrize("kind", ["resident", "elder", "hmt", "foreign", "foreign_2023"])
def test_poll_reads_every_sample_card_kind(kind: str) -> None:
    with IdCardSimulator() as sim:
        sim.insert(kind)
        device = enabled(sim)
        identity = device.poll()
        device.close()
    assert identity is not None
    assert identity.kind in CardKind


def test_poll_before_enable_reads_nothing() -> None:
    with IdCardSimulator() as sim:
        sim.insert()
        device = IdCardDevice(sim.url)
        device.open()
        device.claim()
        assert device.poll() is None
        device.close()


def test_claim_with_failed_sam_raises_and_health_says_hardware_error() -> None:
    with IdCardSimulator() as sim:
        sim.fault = "sam_failure"
        device = IdCardDevice(sim.url, command_timeout_s=0.5)
        device.open()
        with pytest.raises(DeviceError):
            device.claim()
        status = device.check_health()
    assert status.health is Health.HARDWARE_ERROR
    assert status.sam_ok is False
    assert status.message == SAM_FAILED


def test_unplug_goes_offline_within_two_seconds_and_replug_reads_again() -> None:
    with IdCardSimulator() as sim:
        device = enabled(sim)
        assert device.check_health().health is Health.ONLINE
        sim.fault = "unplug"
        started = time.monotonic()
        with pytest.raises(DeviceError):
            device.poll()
        status = device.check_health()
        assert status.health is not Health.ONLINE
        assert status.message
        assert time.monotonic() - started < 2.0
        sim.fault = ""
        sim.insert()
        assert device.poll() is not None
        assert device.check_health().health is Health.ONLINE
        device.close()


def test_claim_absent_port_is_no_device() -> None:
    device = IdCardDevice("/dev/ttyKIOSK-absent")
    device.open()
    with pytest.raises(DeviceError) as raised:
        device.claim()
    assert raised.value.code == "no_device"
    assert device.check_health().health is Health.NO_DEVICE
