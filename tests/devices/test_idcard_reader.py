"""The reader against the simulator over a real TCP byte stream (socket://)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import serial

from devices.errors import DeviceError
from devices.idcard.identity import CardKind
from devices.idcard.reader import CARD_UNREADABLE, NO_READER, IdCardReader
from devices.sim.idcard import IdCardSimulator, PtyIdCardSimulator


@pytest.fixture(params=["tcp", "pty"])
def sim(request: pytest.FixtureRequest) -> Iterator[IdCardSimulator]:
    """The same simulated reader over TCP (socket://) and over a pseudo-terminal."""
    simulator = IdCardSimulator() if request.param == "tcp" else PtyIdCardSimulator()
    with simulator:
        yield simulator


@pytest.fixture
def reader(sim: IdCardSimulator) -> Iterator[IdCardReader]:
    port = serial.serial_for_url(sim.url, baudrate=115200, timeout=0.02)
    try:
        yield IdCardReader(port, command_timeout_s=1.0)
    finally:
        port.close()


def test_sam_is_checked_at_open(reader: IdCardReader) -> None:
    reader.check_sam()


def test_no_card_is_not_a_fault(reader: IdCardReader) -> None:
    assert reader.poll() is None


def test_card_is_read_once_and_again_after_leaving_the_field(
    sim: IdCardSimulator, reader: IdCardReader
) -> None:
    sim.insert("resident")
    identity = reader.poll()
    assert identity is not None
    assert identity.kind is CardKind.RESIDENT
    assert identity.name == "测试甲"
    assert identity.id_number_valid
    assert reader.poll() is None  # still lying on the reader
    sim.remove()
    assert reader.poll() is None
    sim.insert("elder")
    again = reader.poll()
    assert again is not None
    assert again.name == "测试乙"


@pytest.mark.parametrize(
    ("fault", "code", "said"),
    [
        ("bad_checksum", "frame", CARD_UNREADABLE),
        ("silence", "timeout", NO_READER),
        ("truncated", "timeout", NO_READER),
    ],
)
def test_faults_become_device_errors_with_a_message(
    sim: IdCardSimulator, reader: IdCardReader, fault: str, code: str, said: str
) -> None:
    sim.insert("resident")
    sim.fault = fault
    with pytest.raises(DeviceError) as caught:
        reader.poll()
    assert caught.value.code == code
    assert caught.value.message == said


def test_garbage_on_the_line_is_skipped(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.insert("resident")
    sim.fault = "garbage"
    identity = reader.poll()
    assert identity is not None


def test_sam_failure_is_reported(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.fault = "sam_failure"
    with pytest.raises(DeviceError, match="sam"):
        reader.check_sam()
