"""Opening serial ports by URL, and what staff are told when it fails."""

from __future__ import annotations

import os
import tty

import pytest

from devices.errors import DeviceError
from devices.serialport import UNPLUGGED, explain_serial_error, open_serial


def test_open_serial_loop_url_echoes() -> None:
    port = open_serial("loop://", 9600, 0.1)
    port.write(b"ping")
    assert port.read(4) == b"ping"
    port.close()


def test_open_serial_second_open_of_a_device_is_busy() -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    first = open_serial(path, 9600, 0.1)
    try:
        with pytest.raises(DeviceError) as raised:
            open_serial(path, 9600, 0.1)
        assert raised.value.code == "busy"
        assert "another program" in raised.value.detail
    finally:
        first.close()
        os.close(master)
        os.close(slave)


def test_open_serial_absent_device_is_no_device_with_the_fix() -> None:
    with pytest.raises(DeviceError) as raised:
        open_serial("/dev/ttyKIOSK-absent", 9600, 0.1)
    assert raised.value.code == "no_device"
    assert "kiosk devices list" in raised.value.detail
    assert raised.value.message == UNPLUGGED


def test_explain_permission_denied_names_group_and_udev_rule() -> None:
    error = PermissionError(13, "Permission denied")
    text = explain_serial_error("/dev/ttyUSB0", error)
    assert "dialout" in text
    assert "60-kiosk-devices.rules" in text


def test_reader_unplugged_mid_read_leaks_no_socket() -> None:
    """pyserial's socket close skips the socket once the peer hung up (see close_port)."""
    import gc
    import warnings

    from devices.errors import DeviceError
    from devices.idcard.device import IdCardDevice
    from devices.sim.idcard import IdCardSimulator

    sim = IdCardSimulator().start()
    device = IdCardDevice(sim.url, command_timeout_s=0.3)
    device.open()
    device.claim()
    device.enable()
    sim.stop()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with pytest.raises(DeviceError):
            device.poll()
        gc.collect()
    device.close()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
