"""Where a printer is, and the byte stream to it: one `Transport` per kind of address.

    network://192.168.1.50:9100    TCP (raw port 9100)
    serial:/dev/ttyUSB0            any pyserial URL after "serial:" (socket://, loop://, …)
    usb:0x0416:0x5011              USB vendor:product id (needs libusb and a udev rule)
    file:/dev/usb/lp0              a device node or file; cannot report status
    cups:Receipt_Printer           a CUPS queue (needs pycups); cannot report status

The kind is chosen once, from the address, as pyserial's `serial_for_url` chooses a backend;
the printer then talks to a `Transport` and never asks which one it has. Each transport owns
its connection (socket, pyserial port, pyusb device, file, CUPS job) and turns exactly the
errors its library raises into DeviceError: opening fails as no_device with the fix in words
staff understand, a lost connection as offline. python-escpos only builds the job's bytes
(layout.py); it is no transport here.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import re
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import serial

from devices.errors import DeviceError
from devices.serialport import close_port, open_serial

NO_PRINTER = "devices.printer_missing"
SCHEMES = ("network", "serial", "usb", "file", "cups")
POLL_S = 0.05  # how often a wait for a reply looks at the cancel flag
STALE_READS = 16  # reads of stale input before a query, at most (a chatty line cannot hang it)


@dataclass(frozen=True)
class PrinterAddress:
    """Where the printer is: a scheme (network, serial, usb, file, cups) and its target."""

    scheme: str
    target: str


def parse_address(spec: str) -> PrinterAddress:
    scheme, sep, target = spec.partition(":")
    if not sep or scheme not in SCHEMES or not target:
        raise ValueError(
            f"printer {spec!r}: write network://HOST:PORT, serial:PORT, usb:VID:PID, "
            "file:PATH or cups:QUEUE"
        )
    if scheme == "network":
        if not re.fullmatch(r"//[^:/\s]+(:\d{1,5})?", target):
            raise ValueError(f"printer {spec!r}: write network://HOST:9100")
        target = target[2:]
    if scheme == "usb" and not re.fullmatch(r"0x[0-9a-fA-F]{4}:0x[0-9a-fA-F]{4}", target):
        raise ValueError(f"printer {spec!r}: write usb:0xVVVV:0xPPPP (see `kiosk devices list`)")
    return PrinterAddress(scheme, target)


class Transport(Protocol):
    """An open byte stream to one printer. Opening is constructing (see `open_transport`)."""

    @property
    def can_query(self) -> bool:
        """Whether the printer can answer status queries (docs/domain.md §6: not file or CUPS)."""
        ...

    def write(self, data: bytes) -> None:
        """Send `data`. Raises DeviceError("offline") when the printer has gone."""
        ...

    def query(self, request: bytes, timeout_s: float, cancel: threading.Event) -> int | None:
        """Drop stale input, send a real-time request, return the first reply byte; None when
        nothing came within `timeout_s` or `cancel` was set meanwhile. Raises
        DeviceError("offline") when the printer has gone."""
        ...

    def end_job(self) -> None:
        """The job is complete (a spooler prints it now; a stream has nothing to do)."""
        ...

    def close(self) -> None:
        """Let the printer go. Never raises."""
        ...


def open_transport(address: PrinterAddress, baud: int, timeout_s: float) -> Transport:
    """The open transport for `address`; DeviceError (no_device, …) when it cannot open."""
    return OPENERS[address.scheme](address, baud, timeout_s)


@contextlib.contextmanager
def _opening(address: PrinterAddress, *errors: type[BaseException]) -> Iterator[None]:
    try:
        yield
    except errors as error:
        raise DeviceError("no_device", NO_PRINTER, _explain(address, error)) from None


@contextlib.contextmanager
def _connected(*errors: type[BaseException]) -> Iterator[None]:
    try:
        yield
    except errors as error:
        raise DeviceError("offline", NO_PRINTER, f"printer connection lost: {error}") from None


def _wait_for_byte(
    read: Callable[[float], bytes], timeout_s: float, cancel: threading.Event
) -> int | None:
    """Call `read(slice_s)` until it returns a byte, the time is up or `cancel` is set."""
    deadline = time.monotonic() + timeout_s
    while (left := deadline - time.monotonic()) > 0 and not cancel.is_set():
        data = read(min(left, POLL_S))
        if data:
            return data[0]
    return None


class NetworkTransport:
    """Raw TCP, as printers take it on port 9100."""

    can_query = True

    def __init__(self, address: PrinterAddress, _baud: int, timeout_s: float) -> None:
        host, _, port = address.target.partition(":")
        with _opening(address, OSError):
            self._socket = socket.create_connection((host, int(port or 9100)), timeout_s)

    def write(self, data: bytes) -> None:
        with _connected(OSError):
            self._socket.sendall(data)

    def query(self, request: bytes, timeout_s: float, cancel: threading.Event) -> int | None:
        with _connected(OSError):
            for _ in range(STALE_READS):  # a late reply to an earlier ask
                if not select.select([self._socket], [], [], 0)[0] or not self._socket.recv(64):
                    break
            self._socket.sendall(request)
            return _wait_for_byte(self._read, timeout_s, cancel)

    def _read(self, wait_s: float) -> bytes:
        if not select.select([self._socket], [], [], wait_s)[0]:
            return b""
        data = self._socket.recv(1)
        if not data:
            raise DeviceError("offline", NO_PRINTER, "printer closed the connection")
        return data

    def end_job(self) -> None:
        pass

    def close(self) -> None:
        self._socket.close()


class SerialTransport:
    """Any pyserial URL, opened by us: exclusively, so a second program is refused."""

    can_query = True

    def __init__(self, address: PrinterAddress, baud: int, timeout_s: float) -> None:
        # open_serial raises DeviceError itself (no_device, busy, permission: with the fix).
        self._port = open_serial(address.target, baud, timeout_s)

    def write(self, data: bytes) -> None:
        with _connected(serial.SerialException, OSError):
            self._port.write(data)

    def query(self, request: bytes, timeout_s: float, cancel: threading.Event) -> int | None:
        with _connected(serial.SerialException, OSError):
            self._port.reset_input_buffer()
            self._port.write(request)
            return _wait_for_byte(self._read, timeout_s, cancel)

    def _read(self, wait_s: float) -> bytes:
        self._port.timeout = wait_s
        return bytes(self._port.read(1))

    def end_job(self) -> None:
        pass

    def close(self) -> None:
        close_port(self._port)


class UsbTransport:
    """A USB printer class device through pyusb (libusb): bulk out for the job, bulk in for
    status replies."""

    can_query = True

    def __init__(self, address: PrinterAddress, _baud: int, timeout_s: float) -> None:
        import usb.core
        import usb.util

        self._usb = usb
        self._timeout_ms = max(1, round(timeout_s * 1000))
        vendor, product = (int(part, 16) for part in address.target.split(":"))
        try:
            device = usb.core.find(idVendor=vendor, idProduct=product)
        except usb.core.NoBackendError:
            raise DeviceError(
                "no_device", NO_PRINTER, "USB printing needs libusb (apt install libusb-1.0-0)"
            ) from None
        with _opening(address, usb.core.USBError, ValueError):
            if device is None:
                raise DeviceError(
                    "no_device",
                    NO_PRINTER,
                    f"no USB printer {address.target}: is it on and plugged in? "
                    "(kiosk devices list)",
                )
            with contextlib.suppress(NotImplementedError):  # only libusb1 can tell
                if device.is_kernel_driver_active(0):
                    device.detach_kernel_driver(0)  # usblp would hold it otherwise
            device.set_configuration()
            interface = device.get_active_configuration()[(0, 0)]
            self._out = _endpoint(usb, interface, usb.util.ENDPOINT_OUT)
            self._in = _endpoint(usb, interface, usb.util.ENDPOINT_IN)
            self._device = device

    def write(self, data: bytes) -> None:
        with _connected(self._usb.core.USBError):
            self._device.write(self._out, data, self._timeout_ms)

    def query(self, request: bytes, timeout_s: float, cancel: threading.Event) -> int | None:
        with _connected(self._usb.core.USBError):
            for _ in range(STALE_READS):  # a late reply to an earlier ask
                if not self._read(0.001):
                    break
            self._device.write(self._out, request, self._timeout_ms)
            return _wait_for_byte(self._read, timeout_s, cancel)

    def _read(self, wait_s: float) -> bytes:
        try:
            return bytes(self._device.read(self._in, 16, max(1, round(wait_s * 1000))))
        except self._usb.core.USBTimeoutError:
            return b""

    def end_job(self) -> None:
        pass

    def close(self) -> None:
        with contextlib.suppress(self._usb.core.USBError):
            self._usb.util.dispose_resources(self._device)


def _endpoint(usb: Any, interface: Any, direction: int) -> Any:
    def matches(endpoint: Any) -> bool:
        return bool(usb.util.endpoint_direction(endpoint.bEndpointAddress) == direction)

    endpoint = usb.util.find_descriptor(interface, custom_match=matches)
    if endpoint is None:
        raise ValueError("the device has no bulk endpoint for printing: is it a printer?")
    return endpoint


class FileTransport:
    """A device node (/dev/usb/lp0) or a file: bytes out, nothing ever comes back."""

    can_query = False

    def __init__(self, address: PrinterAddress, _baud: int, _timeout_s: float) -> None:
        with _opening(address, OSError):
            self._fd = os.open(address.target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)

    def write(self, data: bytes) -> None:
        with _connected(OSError):
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]

    def query(self, request: bytes, timeout_s: float, cancel: threading.Event) -> int | None:
        return None

    def end_job(self) -> None:
        pass

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)


class CupsTransport:
    """A raw CUPS queue: the job is kept in memory (no spool file of a resident's receipt)
    and handed to CUPS in one piece when it is complete."""

    can_query = False

    def __init__(self, address: PrinterAddress, _baud: int, _timeout_s: float) -> None:
        try:
            cups = importlib.import_module("cups")  # pycups: no type information
        except ImportError:
            raise DeviceError(
                "no_device", NO_PRINTER, "CUPS printing needs pycups (apt install python3-cups)"
            ) from None
        self._cups = cups
        self._queue = address.target
        self._job = bytearray()
        with _opening(address, cups.IPPError, cups.HTTPError, RuntimeError):
            self._connection = cups.Connection()
            if self._queue not in self._connection.getPrinters():
                raise RuntimeError(f"no CUPS queue {self._queue!r} (see lpstat -p)")

    def write(self, data: bytes) -> None:
        self._job += data

    def query(self, request: bytes, timeout_s: float, cancel: threading.Event) -> int | None:
        return None

    def end_job(self) -> None:
        job, self._job = bytes(self._job), bytearray()
        cups = self._cups
        with _connected(cups.IPPError, cups.HTTPError, RuntimeError):
            number = self._connection.createJob(self._queue, "receipt", {})
            self._connection.startDocument(self._queue, number, "receipt", cups.CUPS_FORMAT_RAW, 1)
            self._connection.writeRequestData(job, len(job))
            self._connection.finishDocument(self._queue)

    def close(self) -> None:
        self._job = bytearray()


OPENERS: dict[str, Callable[[PrinterAddress, int, float], Transport]] = {
    "network": NetworkTransport,
    "serial": SerialTransport,
    "usb": UsbTransport,
    "file": FileTransport,
    "cups": CupsTransport,
}


def _explain(address: PrinterAddress, error: BaseException) -> str:
    text = str(error).replace("\n", " ")
    number = getattr(error, "errno", None)
    if number in (errno.EACCES, errno.EPERM) or "Access denied" in text:
        if address.scheme == "usb":
            return (
                f"no permission for USB printer {address.target}: install "
                "packaging/udev/60-kiosk-devices.rules and replug the printer"
            )
        return f"no permission for {address.target}: add the kiosk user to group 'lp' or 'dialout'"
    if number == errno.EBUSY or "busy" in text.lower():
        return f"{address.target} is busy: another program or the usblp driver holds it"
    if isinstance(error, ConnectionRefusedError):
        return f"nothing answers at {address.target}: is the printer on and on the network?"
    if isinstance(error, socket.timeout):
        return f"no connection to {address.target} in time: check the network cable"
    return f"cannot open printer {address.scheme}:{address.target}: {text}"
