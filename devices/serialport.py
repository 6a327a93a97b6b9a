"""Opening serial devices by URL (docs/domain.md §8): /dev/ttyUSB0, socket://…, loop://, spy://….

The usual failures (absent, busy, no permission) become one DeviceError each, with the fix.
"""

from __future__ import annotations

import contextlib
import errno
import os

import serial

from devices.errors import DeviceError

UNPLUGGED = "devices.unplugged"


def open_serial(url: str, baud: int, timeout_s: float) -> serial.Serial:
    """Open `url` exclusively where the platform allows it."""
    try:
        port = serial.serial_for_url(url, baudrate=baud, timeout=timeout_s, do_not_open=True)
        port.write_timeout = timeout_s
        if url.startswith("/"):
            port.exclusive = True  # a second program gets EBUSY instead of half the bytes
        port.open()
        return port
    except (serial.SerialException, ValueError, OSError) as error:
        raise DeviceError(_code(error), UNPLUGGED, explain_serial_error(url, error)) from None


def _errno(error: BaseException) -> int | None:
    number = getattr(error, "errno", None)
    if number is None and isinstance(error.__cause__, OSError):
        number = error.__cause__.errno
    if number is None and isinstance(error.__context__, OSError):
        number = error.__context__.errno
    return number


def _code(error: BaseException) -> str:
    number = _errno(error)
    if number in (errno.EACCES, errno.EPERM):
        return "permission"
    if number in (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK) or "lock" in str(error):
        return "busy"
    return "no_device"


def explain_serial_error(url: str, error: BaseException) -> str:
    """One sentence for staff: what went wrong and what to do."""
    code = _code(error)
    if code == "permission":
        return (
            f"no permission to open {url}: add the kiosk user to the 'dialout' group "
            "(sudo usermod -aG dialout USER, then log in again) or install "
            "packaging/udev/60-kiosk-devices.rules"
        )
    if code == "busy":
        return f"{url} is busy: another program (a second kiosk?) has it open"
    number = _errno(error)
    reason = os.strerror(number) if number is not None else str(error)  # the OS error once
    return f"cannot open {url}: {reason}. Check the cable and the port name (kiosk devices list)"


def close_port(port: serial.SerialBase) -> None:
    """Close a port, even one whose peer has gone.

    pyserial's socket:// close() skips closing the socket when its shutdown() fails, which
    it does once the other end has hung up: the socket would leak. Close it here as well.
    """
    sock = getattr(port, "_socket", None)
    with contextlib.suppress(OSError, serial.SerialException):  # unplugged already
        port.close()
    if sock is not None:
        sock.close()
