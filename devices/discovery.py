"""What is plugged into this terminal: serial ports and USB printers, with a guess at each.

One discovery for both places staff choose a device: `kiosk devices list` on the command
line and the devices page of the staff panel. It only lists; it opens nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

USB_SERIAL_ADAPTERS = {
    (0x1A86, 0x7523): "CH340",
    (0x067B, 0x2303): "PL2303",
    (0x10C4, 0xEA60): "CP210x",
}
FTDI_VENDOR = 0x0403
USB_PRINTER_CLASS = 7


@dataclass(frozen=True)
class SerialPort:
    """A serial port: its path, USB vendor and product ids (None if not USB), what it
    probably is, and the name the system gives it."""

    device: str
    vid: int | None
    pid: int | None
    guess: str
    description: str

    @property
    def usb_id(self) -> str:
        return f"{self.vid:04x}:{self.pid:04x}" if self.vid is not None else ""


@dataclass(frozen=True)
class UsbPrinters:
    """USB printers as `printer.address` values; `problem` says why the list may be
    incomplete (no libusb, no permission), "" when it is not."""

    addresses: tuple[str, ...] = ()
    problem: str = ""


# What each kind of port probably is, in words for `kiosk devices list` (the staff panel
# has its own, translated, for the same codes).
_GUESSES = {
    "acm": "USB device with its own serial port: most often a scanner",
    "usb-serial": "{adapter} USB-serial adapter: an ID-card reader or a scanner",
    "usb-other": "USB serial device of unknown kind (add its id to udev rules)",
    "built-in": "built-in serial port (RS-232): a reader or scanner on it",
}


def port_kind(device: str, vid: int | None, pid: int | None) -> tuple[str, str]:
    """What a serial port probably is, as a code ("acm", "usb-serial", "usb-other",
    "built-in") and the USB-serial adapter's name where known."""
    if device.rsplit("/", 1)[-1].startswith("ttyACM"):
        return "acm", ""
    adapter = USB_SERIAL_ADAPTERS.get((vid, pid)) if vid is not None and pid is not None else None
    if adapter is None and vid == FTDI_VENDOR:
        adapter = "FTDI"
    if adapter:
        return "usb-serial", adapter
    if vid is not None:
        return "usb-other", ""
    return "built-in", ""


def port_guess(device: str, vid: int | None, pid: int | None) -> str:
    """What a serial port probably is, for the technician choosing id_reader.port or
    scanner.port (a guess from the port's kind and its USB ids; `devices probe` tells)."""
    code, adapter = port_kind(device, vid, pid)
    return _GUESSES[code].format(adapter=adapter)


def serial_ports() -> list[SerialPort]:
    """The serial ports the system knows, sorted by path."""
    from serial.tools import list_ports

    return [
        SerialPort(
            device=port.device,
            vid=port.vid,
            pid=port.pid if port.vid is not None else None,
            guess=port_guess(port.device, port.vid, port.pid),
            description=port.description or "",
        )
        for port in sorted(list_ports.comports(), key=lambda port: port.device)
    ]


def usb_printers() -> UsbPrinters:
    """The USB devices with a printer interface, as `usb:0xVVVV:0xPPPP` addresses."""
    try:
        import usb.core

        found = list(usb.core.find(find_all=True) or [])
    except Exception as error:  # no libusb, no permission: say so instead of failing
        return UsbPrinters(problem=f"cannot look ({error}); is libusb-1.0 installed?")
    addresses: list[str] = []
    unreadable: list[str] = []
    for device in found:
        address = f"usb:0x{device.idVendor:04x}:0x{device.idProduct:04x}"
        try:
            classes = {i.bInterfaceClass for cfg in device for i in cfg}
        except Exception as error:  # a device we may not read: say so, keep looking
            unreadable.append(f"{address} (cannot read its interfaces: {error})")
            continue
        if USB_PRINTER_CLASS in classes:
            addresses.append(address)
    return UsbPrinters(tuple(addresses), "; ".join(unreadable))
