"""One status model and one lifecycle for every device (docs/domain.md §8).

The states follow XFS4IoT / UnifiedPOS: a device is online, offline (was there, stopped
answering), no_device (never found: wrong port, nothing plugged in), hardware_error or busy.
Each class adds its own sub-states: paper and cover for the printer, the SAM module for the
ID-card reader, power for the scanner. A `DeviceStatus` is a frozen value, so it can cross
threads as is.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from devices.errors import DeviceError


class DeviceKind(enum.StrEnum):
    """Which device a status is about (equal to its name in settings and on the wire)."""

    ID_READER = "id_reader"
    PRINTER = "printer"
    SCANNER = "scanner"
    CAMERA = "camera"


class Health(enum.Enum):
    ONLINE = "online"
    OFFLINE = "offline"
    NO_DEVICE = "no_device"
    HARDWARE_ERROR = "hardware_error"
    BUSY = "busy"


class Paper(enum.Enum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"  # file and CUPS transports cannot report it


class Light(enum.Enum):
    """What the corner indicator shows staff."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class DeviceStatus:
    """The last known state of one device.

    `message` is what to tell the person at the screen, as a message code ("devices.…",
    words in Words.qml), empty while all is well; `detail` is the precise reason for staff
    and the log.
    """

    device: DeviceKind
    health: Health
    message: str = ""
    detail: str = ""
    paper: Paper | None = None
    cover_open: bool | None = None
    sam_ok: bool | None = None
    scanner_on: bool | None = None

    @property
    def light(self) -> Light:
        if self.health in (Health.ONLINE, Health.BUSY):
            return Light.AMBER if self.paper is Paper.NEAR_END else Light.GREEN
        return Light.RED

    @property
    def usable(self) -> bool:
        return self.health in (Health.ONLINE, Health.BUSY)

    @property
    def concerns_residents(self) -> bool:
        """Whether residents are told (the card reader and the printer serve them; the
        scanner has the touch screen as a fallback)."""
        return not self.usable and self.device in (DeviceKind.ID_READER, DeviceKind.PRINTER)


HARDWARE_FAULTS = frozenset({"sam", "status", "paper_out", "cover_open"})


def status_from_error(device: DeviceKind, error: DeviceError, **substates: Any) -> DeviceStatus:
    """The status a failed command or health check leaves a device in.

    Absent (wrong port, nothing plugged in) is no_device; a fault the device itself reports
    (SAM, printer status, paper, cover) is hardware_error; anything else (silence, a lost
    connection, busy port) is offline.
    """
    if error.code == "no_device":
        health = Health.NO_DEVICE
    elif error.code in HARDWARE_FAULTS:
        health = Health.HARDWARE_ERROR
    else:
        health = Health.OFFLINE
    return DeviceStatus(device, health, error.message, f"{error.code}: {error.detail}", **substates)


class Stage(enum.IntEnum):
    """Lifecycle: open → claim → enable … disable → release → close."""

    CLOSED = 0
    OPENED = 1
    CLAIMED = 2
    ENABLED = 3


class LifecycleError(RuntimeError):
    """A programming error: a lifecycle step called out of order."""


class Lifecycle:
    """The order checks of the common lifecycle; devices override the `_on_*` hooks.

    open: find the device and its settings; claim: take it for this program alone (the port
    is opened exclusively); enable: start delivering data (polling, scanning); the reverse
    steps undo each one. `close()` from any stage walks back through the others, so it is
    always safe to call.
    """

    def __init__(self) -> None:
        self.stage = Stage.CLOSED

    def _step(self, expected: Stage, to: Stage, name: str) -> None:
        if self.stage is not expected:
            raise LifecycleError(f"{name}() in stage {self.stage.name}, needs {expected.name}")
        self.stage = to

    def open(self) -> None:
        self._step(Stage.CLOSED, Stage.OPENED, "open")

    def claim(self) -> None:
        self._step(Stage.OPENED, Stage.CLAIMED, "claim")
        try:
            self._on_claim()
        except BaseException:
            self.stage = Stage.OPENED
            raise

    def enable(self) -> None:
        self._step(Stage.CLAIMED, Stage.ENABLED, "enable")

    def disable(self) -> None:
        self._step(Stage.ENABLED, Stage.CLAIMED, "disable")

    def release(self) -> None:
        self._step(Stage.CLAIMED, Stage.OPENED, "release")
        self._on_release()

    def close(self) -> None:
        if self.stage is Stage.ENABLED:
            self.disable()
        if self.stage is Stage.CLAIMED:
            self.release()
        self.stage = Stage.CLOSED

    def ensure_claimed(self) -> None:
        """Claim the device if that never worked, or reopen it if it was lost since.

        This is how a device that was unplugged, or absent at start, comes back without a
        restart. Raises DeviceError while it is still not there.
        """
        if self.stage is Stage.CLOSED:
            self.open()
        if self.stage is Stage.OPENED:
            self.claim()
        elif not self.connected:
            self._on_claim()

    @property
    def connected(self) -> bool:
        """Whether the port is open (False after a failure dropped it)."""
        return True

    def _on_claim(self) -> None:
        """Acquire the device (open the port). Raises DeviceError."""

    def _on_release(self) -> None:
        """Let the device go (close the port). Never raises."""
