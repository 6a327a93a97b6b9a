"""A keyboard-wedge (USB HID) scanner read straight from its Linux input device.

The device is grabbed (EVIOCGRAB), so its "key presses" reach only us and never land in
whatever field has focus. Events are decoded with a US layout into the characters a
wedge can type — ASCII only, which is why docs/domain.md §7 prefers serial mode for Chinese —
then framed like a serial scanner's bytes. No third-party library: the event format is a
fixed 24-byte struct on 64-bit Linux.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import select
import struct
import time

from devices.errors import DeviceError
from devices.scanner.framer import FramerSettings, ScanFramer, ScanResult
from devices.serialport import UNPLUGGED
from devices.status import DeviceKind, DeviceStatus, Health, Lifecycle, Stage, status_from_error

EVENT = struct.Struct("llHHi")  # struct input_event: timeval, type, code, value
EV_KEY = 1
EVIOCGRAB = 0x40044590
SHIFT_KEYS = {42, 54}
ENTER_KEYS = {28: "\r", 96: "\r"}

_ROWS = {
    2: "1!", 3: "2@", 4: "3#", 5: "4$", 6: "5%", 7: "6^", 8: "7&", 9: "8*", 10: "9(", 11: "0)",
    12: "-_", 13: "=+", 16: "qQ", 17: "wW", 18: "eE", 19: "rR", 20: "tT", 21: "yY", 22: "uU",
    23: "iI", 24: "oO", 25: "pP", 26: "[{", 27: "]}", 30: "aA", 31: "sS", 32: "dD", 33: "fF",
    34: "gG", 35: "hH", 36: "jJ", 37: "kK", 38: "lL", 39: ";:", 40: "'\"", 41: "`~", 43: "\\|",
    44: "zZ", 45: "xX", 46: "cC", 47: "vV", 48: "bB", 49: "nN", 50: "mM", 51: ",<", 52: ".>",
    53: "/?", 57: "  ",
}  # fmt: skip


def parse_events(data: bytes) -> list[tuple[int, int, int]]:
    """(type, code, value) of each whole event in `data`."""
    whole = len(data) - len(data) % EVENT.size
    return [event[2:] for event in EVENT.iter_unpack(data[:whole])]


class KeyDecoder:
    """Key events → the characters typed (US layout, Shift honoured, repeats ignored)."""

    def __init__(self) -> None:
        self._shift = False

    def feed(self, kind: int, code: int, value: int) -> str:
        if kind != EV_KEY:
            return ""
        if code in SHIFT_KEYS:
            self._shift = value != 0
            return ""
        if value != 1:  # 0 = release, 2 = auto-repeat
            return ""
        if code in ENTER_KEYS:
            return ENTER_KEYS[code]
        pair = _ROWS.get(code)
        return pair[1 if self._shift else 0] if pair else ""


class WedgeScanner(Lifecycle):
    def __init__(self, path: str, settings: FramerSettings, *, grab: bool = True) -> None:
        super().__init__()
        self.path = path
        self._grab = grab
        self._framer = ScanFramer(settings)
        self._keys = KeyDecoder()
        self._fd: int | None = None
        self._pending = b""

    @property
    def connected(self) -> bool:
        return self._fd is not None

    def _on_claim(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError as error:
            code = "permission" if error.errno in (errno.EACCES, errno.EPERM) else "no_device"
            fix = (
                "add the kiosk user to group 'input' or install packaging/udev rules"
                if code == "permission"
                else "check the cable and the path (ls /dev/input/by-id/)"
            )
            raise DeviceError(code, UNPLUGGED, f"cannot open {self.path}: {fix}") from None
        if self._grab:
            try:
                fcntl.ioctl(fd, EVIOCGRAB, 1)
            except OSError as error:
                os.close(fd)
                raise DeviceError(
                    "busy", UNPLUGGED, f"cannot grab {self.path} ({error.strerror})"
                ) from None
        self._fd = fd

    def _on_release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def read(self, timeout_s: float) -> list[ScanResult]:
        if self.stage is not Stage.ENABLED:
            return []
        self.ensure_claimed()
        assert self._fd is not None
        deadline = time.monotonic() + timeout_s
        results: list[ScanResult] = []
        while not results and (left := deadline - time.monotonic()) > 0:
            if not select.select([self._fd], [], [], left)[0]:
                results = self._framer.expire(time.monotonic())
                continue
            try:
                data = os.read(self._fd, EVENT.size * 64)
            except BlockingIOError:
                continue
            except OSError as error:  # ENODEV: unplugged
                self._on_release()
                raise DeviceError("offline", UNPLUGGED, f"{self.path}: {error}") from None
            if not data:
                self._on_release()
                raise DeviceError("offline", UNPLUGGED, f"{self.path}: device went away")
            data, self._pending = self._pending + data, b""
            cut = len(data) - len(data) % EVENT.size
            data, self._pending = data[:cut], data[cut:]
            typed = "".join(self._keys.feed(*event) for event in parse_events(data))
            results = self._framer.feed(typed.encode("ascii"), time.monotonic())
        return results

    def check_health(self) -> DeviceStatus:
        try:
            self.ensure_claimed()
        except DeviceError as error:
            return status_from_error(DeviceKind.SCANNER, error, scanner_on=False)
        return DeviceStatus(
            DeviceKind.SCANNER, Health.ONLINE, scanner_on=self.stage is Stage.ENABLED
        )
