"""Staff commands for devices: `kiosk devices sim` and `kiosk devices read-card`."""

from __future__ import annotations

import argparse
import errno
import time

import serial

from devices.errors import DeviceError
from devices.idcard.reader import IdCardReader
from kiosk.privacy import mask_id_number, mask_name

POLL_INTERVAL_S = 0.3  # DOMAIN.md §5: no faster than every 300 ms


def open_port(url: str, baud: int) -> serial.Serial:
    """Open a serial URL, turning the usual failures into one actionable sentence."""
    try:
        return serial.serial_for_url(url, baudrate=baud, timeout=0.02)
    except serial.SerialException as error:
        cause = error.__cause__ if isinstance(error.__cause__, OSError) else None
        number = cause.errno if cause else getattr(error, "errno", None)
        if number == errno.EACCES:
            raise SystemExit(
                f"kiosk: no permission to open {url}: add this user to the 'dialout' group "
                "(sudo usermod -aG dialout $USER, then log in again) or install the udev rule "
                "from packaging/"
            ) from None
        if number == errno.EBUSY:
            raise SystemExit(
                f"kiosk: {url} is busy: another program (the kiosk?) uses it"
            ) from None
        raise SystemExit(
            f"kiosk: cannot open {url}: {error}. Check the cable and the port name "
            "(`ls /dev/ttyUSB* /dev/ttyACM*`)."
        ) from None


def read_card(args: argparse.Namespace) -> int:
    port = open_port(args.port, args.baud)
    try:
        reader = IdCardReader(port)
        reader.check_sam()
        print("place an ID card on the reader …", flush=True)
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            started = time.perf_counter()
            identity = reader.poll()
            if identity is not None:
                took_ms = (time.perf_counter() - started) * 1000
                print(
                    f"{identity.kind.value}: {mask_name(identity.name)} "
                    f"{mask_id_number(identity.id_number)} "
                    f"(number {'valid' if identity.id_number_valid else 'FAILS its checksum'}), "
                    f"read in {took_ms:.0f} ms"
                )
                return 0
            time.sleep(POLL_INTERVAL_S)
        print(f"no card within {args.timeout:g} s")
        return 1
    except DeviceError as error:
        print(f"kiosk: {error.message} ({error.code}: {error.detail})")
        return 1
    finally:
        port.close()


def simulate(args: argparse.Namespace) -> int:
    from devices.sim.idcard import IdCardSimulator, PtyIdCardSimulator

    tcp, pty = IdCardSimulator(args.baud), PtyIdCardSimulator(args.baud)
    for sim in (tcp, pty):
        sim.start()
        if args.card != "none":
            sim.insert(args.card)
    print(f"id_reader: {tcp.url}", flush=True)
    print(f"id_reader (pty): {pty.url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        tcp.stop()
        pty.stop()


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    devices = commands.add_parser("devices", help="device diagnostics for staff")
    device_commands = devices.add_subparsers(dest="devices_command", required=True)
    read = device_commands.add_parser("read-card", help="wait for an ID card and show it masked")
    read.add_argument("--port", required=True, help="/dev/ttyUSB0, socket://host:port, …")
    read.add_argument("--baud", type=int, default=115200)
    read.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a card")
    read.set_defaults(handler=read_card)
    sim = device_commands.add_parser("sim", help="start simulated devices and print their URLs")
    sim.add_argument("--card", default="resident", choices=["resident", "elder", "none"])
    sim.add_argument("--baud", type=int, default=115200)
    sim.set_defaults(handler=simulate)
