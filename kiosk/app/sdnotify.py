"""Telling the service manager how the kiosk stands: the sd_notify protocol, without libsystemd.

systemd (Type=notify) passes $NOTIFY_SOCKET, an AF_UNIX datagram socket (a path, or an
abstract name written "@name"); each datagram holds newline-separated assignments such as
READY=1, STATUS=…, WATCHDOG=1, STOPPING=1 (man sd_notify). Without $NOTIFY_SOCKET every
call is a no-op, so the same code runs in the demo, the tests and a developer's shell.

Sending never blocks and never raises: a service manager that is gone or busy must not stall
the GUI thread that feeds the watchdog. Under cage the kiosk is cage's child: systemd needs
NotifyAccess=all, and $WATCHDOG_PID names cage, so the kiosk reads $WATCHDOG_USEC alone.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
MAX_STATUS_CHARS = 200  # one line the technician reads in `systemctl status`


class Notifier:
    """Sends sd_notify datagrams to `address` (None: nowhere, every call does nothing)."""

    def __init__(self, address: str | None) -> None:
        self.address = address or None
        self._socket: socket.socket | None = None
        self._target = ""
        self._failed = False
        self._status = ""
        if self.address is None:
            return
        if self.address.startswith("@"):
            self._target = "\0" + self.address[1:]  # an abstract socket
        elif self.address.startswith("/"):
            self._target = self.address
        else:
            log.warning("NOTIFY_SOCKET %r is neither a path nor @name: not notifying", address)
            self.address = None
            return
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
        self._socket.setblocking(False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Notifier:
        return cls(environ.get(NOTIFY_SOCKET))

    @property
    def enabled(self) -> bool:
        return self._socket is not None

    def ready(self, status: str = "") -> None:
        """The kiosk serves (after its first frame): systemd ends the start job."""
        self._send("READY=1", status)

    def status(self, text: str) -> None:
        """What the kiosk is doing, in a technician's words; a repeat is not sent again."""
        if text != self._status:
            self._send("", text)

    def watchdog(self) -> None:
        """The GUI thread is alive (see ui/servicewatch.py)."""
        self._send("WATCHDOG=1")

    def stopping(self, status: str = "") -> None:
        self._send("STOPPING=1", status)

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def _send(self, assignment: str, status: str = "") -> None:
        if self._socket is None:
            return
        lines = [assignment] if assignment else []
        if status:
            self._status = " ".join(status.split())[:MAX_STATUS_CHARS]
            lines.append("STATUS=" + self._status)
        try:
            self._socket.sendto("\n".join(lines).encode("utf-8"), self._target)
        except OSError as error:  # full queue, no listener: the next message may get through
            if not self._failed:
                self._failed = True
                log.warning("cannot notify the service manager at %s: %s", self.address, error)
        else:
            self._failed = False


def watchdog_interval_ms(environ: Mapping[str, str]) -> int | None:
    """How often to send WATCHDOG=1: half of $WATCHDOG_USEC (man sd_watchdog_enabled), or
    None when the service manager expects none. $WATCHDOG_PID is not checked: under cage
    it names cage, the service's main process, not the kiosk."""
    value = environ.get(WATCHDOG_USEC, "")
    try:
        usec = int(value)
    except ValueError:
        if value:
            log.warning("WATCHDOG_USEC %r is not a number: not feeding the watchdog", value)
        return None
    if usec <= 0:
        return None
    return max(1, usec // 2000)
