"""The ID-card reader as a device: lifecycle, health, reconnect after an unplug.

`IdCardReader` speaks the protocol over a port it is given; this class owns the port:
claim opens it (exclusively) and checks the SAM module, a lost port is noticed at the next
command and reopened by the poll after that, so a reader plugged back in comes online
without restarting the kiosk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import serial

from devices.errors import DeviceError
from devices.idcard.identity import Identity
from devices.idcard.photo import PhotoDecoder
from devices.idcard.reader import NO_READER, IdCardReader
from devices.serialport import close_port, open_serial
from devices.status import DeviceKind, DeviceStatus, Health, Lifecycle, Stage, status_from_error

T = TypeVar("T")


class IdCardDevice(Lifecycle):
    def __init__(
        self,
        url: str,
        baud: int = 115200,
        command_timeout_s: float = 1.0,
        photo_decoder: PhotoDecoder | None = None,
    ) -> None:
        super().__init__()
        self._photo_decoder = photo_decoder
        self.url = url
        self.baud = baud
        self._timeout = command_timeout_s
        self._port: serial.Serial | None = None
        self._reader: IdCardReader | None = None

    def _on_claim(self) -> None:
        self._on_release()  # never two ports: a half-done earlier claim is let go first
        self._port = open_serial(self.url, self.baud, 0.02)
        self._reader = IdCardReader(self._port, self._timeout, self._photo_decoder)
        try:
            self._guard(self._reader.check_sam)
        except DeviceError:
            self._on_release()
            raise

    def _on_release(self) -> None:
        port, self._port, self._reader = self._port, None, None
        if port is not None:
            close_port(port)

    @property
    def connected(self) -> bool:
        return self._reader is not None

    def cancel(self) -> None:
        if self._reader is not None:
            self._reader.cancel.set()

    def poll(self) -> Identity | None:
        """One read attempt (find → select → read); None while there is no new card."""
        if self.stage is not Stage.ENABLED:
            return None
        self.ensure_claimed()
        assert self._reader is not None
        return self._guard(self._reader.poll)

    def check_health(self) -> DeviceStatus:
        try:
            if self.connected and self.stage is not Stage.OPENED:
                assert self._reader is not None
                self._guard(self._reader.check_sam)
            else:
                self.ensure_claimed()  # checks the SAM on the way
        except DeviceError as error:
            return status_from_error(
                DeviceKind.ID_READER, error, sam_ok=False if error.code == "sam" else None
            )
        return DeviceStatus(DeviceKind.ID_READER, Health.ONLINE, sam_ok=True)

    def _guard(self, action: Callable[[], T]) -> T:
        """Run a reader command; a lost port or a silent reader drops the port for reopening."""
        try:
            return action()
        except DeviceError as error:
            if error.code in ("timeout", "sam"):
                self._on_release()
            raise
        except (OSError, serial.SerialException) as error:
            self._on_release()
            raise DeviceError("offline", NO_READER, f"reader {self.url}: {error}") from None
