"""Where a printer is: a connection string from settings → an opened python-escpos printer.

    network://192.168.1.50:9100    TCP (raw port 9100)
    serial:/dev/ttyUSB0            any pyserial URL after "serial:" (socket://, loop://, …)
    usb:0x0416:0x5011              USB vendor:product id (needs pyusb and a udev rule)
    file:/dev/usb/lp0              a device node or file; cannot report status
    cups:Receipt_Printer           a CUPS queue (needs pycups); cannot report status

Opening failures become DeviceError with the fix in words staff understand.
"""

from __future__ import annotations

import errno
import re
import socket
from dataclasses import dataclass
from typing import Any

import serial

from devices.errors import DeviceError
from devices.serialport import open_serial

NO_PRINTER = "devices.printer_missing"
SCHEMES = ("network", "serial", "usb", "file", "cups")


@dataclass(frozen=True)
class PrinterAddress:
    scheme: str
    target: str

    @property
    def can_read(self) -> bool:
        """Whether status can be read back (DOMAIN.md §6: not over file or CUPS)."""
        return self.scheme in ("network", "serial", "usb")


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


def open_transport(address: PrinterAddress, baud: int, timeout_s: float) -> Any:
    """An opened python-escpos printer object for `address`; DeviceError when it fails."""
    from escpos import printer  # heavy (PIL, yaml): only when a printer is really used
    from escpos.exceptions import DeviceNotFoundError

    kind, target = address.scheme, address.target
    try:
        if kind == "network":
            host, _, port = target.partition(":")
            device = printer.Network(host, int(port or 9100), timeout=timeout_s)
            # python-escpos 3.1 leaks the socket when the connection is refused: connect here
            device.device = socket.create_connection((host, int(port or 9100)), timeout_s)
        elif kind == "serial":
            device = printer.Serial(devfile=target, baudrate=baud, timeout=timeout_s)
            # python-escpos opens serial.Serial(port=…): open by URL ourselves instead, so
            # socket:// and loop:// work, and exclusively, so a second program is refused.
            device.device = open_serial(target, baud, timeout_s)
        elif kind == "usb":
            vendor, product = (int(part, 16) for part in target.split(":"))
            device = printer.Usb(vendor, product, timeout=int(timeout_s * 1000))
            device.open()
        elif kind == "file":
            device = printer.File(devfile=target, auto_flush=True)
            device.open()
        else:
            if not printer.CupsPrinter.is_usable():
                raise DeviceError(
                    "no_device", NO_PRINTER, "CUPS printing needs pycups (apt install python3-cups)"
                )
            device = printer.CupsPrinter(printer_name=target)
            device.open()
    except DeviceError:
        raise
    except DeviceNotFoundError as error:
        raise DeviceError("no_device", NO_PRINTER, _explain(address, error)) from None
    except (OSError, serial.SerialException) as error:
        raise DeviceError("no_device", NO_PRINTER, _explain(address, error)) from None
    except Exception as error:  # pyusb and pycups raise their own kinds
        raise DeviceError("no_device", NO_PRINTER, _explain(address, error)) from None
    return device


def _explain(address: PrinterAddress, error: BaseException) -> str:
    text = str(error).replace("\n", " ")
    # python-escpos re-raises OSError as DeviceNotFoundError inside its except clause
    error = error.__cause__ or error.__context__ or error
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
