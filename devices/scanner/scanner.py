"""A serial / USB-CDC scanner: lifecycle, reading with a deadline, unplug detection."""

from __future__ import annotations

import time

import serial

from devices.errors import DeviceError
from devices.scanner.framer import FramerSettings, ScanFramer, ScanResult
from devices.serialport import UNPLUGGED, close_port, open_serial
from devices.status import DeviceKind, DeviceStatus, Health, Lifecycle, Stage, status_from_error


class SerialScanner(Lifecycle):
    def __init__(self, url: str, settings: FramerSettings, baud: int = 9600) -> None:
        super().__init__()
        self.url = url
        self.baud = baud
        self._framer = ScanFramer(settings)
        self._port: serial.Serial | None = None

    def _on_claim(self) -> None:
        self._port = open_serial(self.url, self.baud, 0.05)

    def _on_release(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            close_port(port)

    @property
    def connected(self) -> bool:
        return self._port is not None

    def read(self, timeout_s: float) -> list[ScanResult]:
        """Codes that arrived within `timeout_s` (returns early once one is complete)."""
        if self.stage is not Stage.ENABLED:
            return []
        self.ensure_claimed()
        assert self._port is not None
        deadline = time.monotonic() + timeout_s
        results: list[ScanResult] = []
        try:
            while not results and time.monotonic() < deadline:
                data = self._port.read(max(1, self._port.in_waiting))
                results = self._framer.feed(data, time.monotonic())
        except (OSError, serial.SerialException) as error:
            self._on_release()
            raise DeviceError("offline", UNPLUGGED, f"scanner {self.url}: {error}") from None
        return results

    def check_health(self) -> DeviceStatus:
        """A scanner answers no queries: healthy means the port is there and open."""
        try:
            self.ensure_claimed()
            assert self._port is not None
            _ = self._port.in_waiting  # raises once the device node is gone
        except DeviceError as error:
            return status_from_error(DeviceKind.SCANNER, error, scanner_on=False)
        except (OSError, serial.SerialException) as error:
            self._on_release()
            return DeviceStatus(
                DeviceKind.SCANNER, Health.OFFLINE, UNPLUGGED, str(error), scanner_on=False
            )
        return DeviceStatus(
            DeviceKind.SCANNER, Health.ONLINE, scanner_on=self.stage is Stage.ENABLED
        )
