"""The serial scanner end to end through its simulator over a pty and TCP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.errors import DeviceError
from devices.scanner.framer import BadScan, FramerSettings, Scan
from devices.scanner.scanner import SerialScanner
from devices.sim.scanner import ScannerSimulator
from devices.status import Health


@pytest.fixture(params=["pty", "tcp"])
def sim(request: pytest.FixtureRequest) -> Iterator[ScannerSimulator]:
    with ScannerSimulator(pty=request.param == "pty") as simulator:
        yield simulator  # type: ignore[misc]


def enabled(url: str, **settings: object) -> SerialScanner:
    scanner = SerialScanner(url, FramerSettings(**settings))  # type: ignore[arg-type]
    scanner.open()
    scanner.claim()
    scanner.enable()
    return scanner


def read_one(scanner: SerialScanner) -> list[object]:
    for _ in range(50):
        if results := scanner.read(0.1):
            return list(results)
    raise AssertionError("no scan within 5 s")


def test_read_receipt_code_arrives(sim: ScannerSimulator) -> None:
    scanner = enabled(sim.url)
    sim.scan("https://zwfw.example/progress/XC202611260001")
    assert read_one(scanner) == [Scan("https://zwfw.example/progress/XC202611260001")]
    assert scanner.check_health().health is Health.ONLINE
    scanner.close()


def test_read_gb18030_code(sim: ScannerSimulator) -> None:
    scanner = enabled(sim.url, encoding="gb18030", suffix="CRLF")
    sim.scan("西城区白云观社区", encoding="gb18030", suffix="CRLF")
    assert read_one(scanner) == [Scan("西城区白云观社区")]
    scanner.close()


def test_read_garbage_is_a_bad_scan_not_an_exception(sim: ScannerSimulator) -> None:
    scanner = enabled(sim.url)
    sim.emit(b"\xff\xfe\x00\r")
    (result,) = read_one(scanner)
    assert isinstance(result, BadScan)
    scanner.close()


def test_read_when_not_enabled_returns_nothing(sim: ScannerSimulator) -> None:
    scanner = SerialScanner(sim.url, FramerSettings())
    scanner.open()
    scanner.claim()
    assert scanner.read(0.05) == []
    scanner.close()


def test_unplug_over_tcp_goes_offline() -> None:
    sim = ScannerSimulator(pty=False).start()
    scanner = enabled(sim.url)
    sim.stop()

    def read_until_error() -> None:
        for _ in range(40):
            scanner.read(0.05)

    with pytest.raises(DeviceError) as raised:
        read_until_error()
    assert raised.value.code == "offline"
    assert scanner.check_health().health in (Health.NO_DEVICE, Health.OFFLINE)
    scanner.close()


def test_claim_missing_port_is_no_device() -> None:
    scanner = SerialScanner("/dev/ttyKIOSK-absent", FramerSettings())
    scanner.open()
    with pytest.raises(DeviceError) as raised:
        scanner.claim()
    assert raised.value.code == "no_device"
    assert "kiosk devices list" in raised.value.detail
    assert scanner.check_health().health is Health.NO_DEVICE
