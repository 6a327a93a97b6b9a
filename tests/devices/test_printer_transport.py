"""One transport per kind of printer address (devices/printer/transport.py), over real bytes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.printer.status import Query, check_status_byte, query_bytes
from devices.printer.transport import (
    FileTransport,
    NetworkTransport,
    SerialTransport,
    open_transport,
    parse_address,
)
from devices.sim.printer import PrinterSimulator


@pytest.fixture(params=["tcp", "pty"])
def sim(request: pytest.FixtureRequest) -> Iterator[PrinterSimulator]:
    with PrinterSimulator(pty=request.param == "pty") as simulator:
        yield simulator  # type: ignore[misc]


def test_open_transport_kind_follows_the_address(sim: PrinterSimulator) -> None:
    transport = open_transport(parse_address(sim.address), 9600, 1.0)
    transport.close()
    expected = SerialTransport if sim.address.startswith("serial:") else NetworkTransport
    assert type(transport) is expected


def test_query_printer_status_returns_a_valid_status_byte(sim: PrinterSimulator) -> None:
    transport = open_transport(parse_address(sim.address), 9600, 1.0)
    reply = transport.query(query_bytes(Query.PRINTER), 1.0, threading.Event())
    transport.close()
    assert transport.can_query
    assert reply is not None
    assert check_status_byte(reply) == 0x12  # online: no offline bit


def test_query_silent_printer_returns_none_after_the_timeout(sim: PrinterSimulator) -> None:
    transport = open_transport(parse_address(sim.address), 9600, 1.0)
    sim.unplugged = True
    started = time.monotonic()
    reply = transport.query(query_bytes(Query.PRINTER), 0.3, threading.Event())
    waited = time.monotonic() - started
    transport.close()
    assert reply is None
    assert 0.25 < waited < 2.0


def test_query_cancelled_returns_none_at_once(sim: PrinterSimulator) -> None:
    transport = open_transport(parse_address(sim.address), 9600, 1.0)
    sim.unplugged = True
    cancel = threading.Event()
    cancel.set()
    started = time.monotonic()
    reply = transport.query(query_bytes(Query.PRINTER), 5.0, cancel)
    transport.close()
    assert reply is None
    assert time.monotonic() - started < 1.0


def test_network_query_after_the_printer_hung_up_is_offline() -> None:
    with PrinterSimulator() as sim:
        transport = open_transport(parse_address(sim.address), 9600, 1.0)
    with pytest.raises(DeviceError) as raised:
        transport.query(query_bytes(Query.PRINTER), 1.0, threading.Event())
    transport.close()
    assert raised.value.code == "offline"


def test_network_open_nothing_listening_is_no_device_with_fix() -> None:
    with PrinterSimulator() as sim:
        address = parse_address(sim.address)
    with pytest.raises(DeviceError) as raised:
        open_transport(address, 9600, 0.5)
    assert raised.value.code == "no_device"
    assert "nothing answers" in raised.value.detail


def test_serial_open_missing_port_is_no_device_with_fix(tmp_path: Path) -> None:
    with pytest.raises(DeviceError) as raised:
        open_transport(parse_address(f"serial:{tmp_path}/ttyUSB9"), 9600, 0.5)
    assert raised.value.code == "no_device"
    assert "ttyUSB9" in raised.value.detail


def test_usb_open_absent_printer_is_no_device() -> None:
    with pytest.raises(DeviceError) as raised:
        open_transport(parse_address("usb:0x0000:0x0000"), 9600, 0.5)
    assert raised.value.code == "no_device"
    assert "libusb" in raised.value.detail or "0x0000:0x0000" in raised.value.detail


def test_file_open_missing_folder_is_no_device_with_the_path(tmp_path: Path) -> None:
    with pytest.raises(DeviceError) as raised:
        open_transport(parse_address(f"file:{tmp_path}/missing/lp0"), 9600, 0.5)
    assert raised.value.code == "no_device"
    assert "missing/lp0" in raised.value.detail


def test_file_writes_every_byte_and_cannot_answer_a_query(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    transport = open_transport(parse_address(f"file:{target}"), 9600, 0.5)
    transport.write(b"\x1b@" + bytes(range(256)) * 64)
    reply = transport.query(query_bytes(Query.PRINTER), 0.5, threading.Event())
    transport.end_job()
    transport.close()
    assert type(transport) is FileTransport
    assert not transport.can_query
    assert reply is None
    assert target.read_bytes() == b"\x1b@" + bytes(range(256)) * 64


def test_cups_open_unknown_queue_is_no_device() -> None:
    with pytest.raises(DeviceError) as raised:
        open_transport(parse_address("cups:No_Such_Queue"), 9600, 0.5)
    assert raised.value.code == "no_device"
    assert "pycups" in raised.value.detail or "No_Such_Queue" in raised.value.detail
