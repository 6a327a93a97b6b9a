"""Staff commands for devices: `kiosk devices list|probe|read-card|print-test|scan|sim`.

Each works against real devices or the simulators, and turns every failure into one line
saying what went wrong and what to do (the udev rule, the group to join, the cable).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from devices.camera import video_inputs
from devices.discovery import serial_ports, usb_printers
from devices.errors import DeviceError
from devices.idcard.device import IdCardDevice
from devices.idcard.identity import CARD_KIND_UNREADABLE, Identity
from devices.printer.layout import receipt_bytes, test_page
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.scanner.framer import UNREADABLE, BadScan, Scan
from devices.sim.idcard import SAMPLE_CARDS
from devices.status import DeviceStatus
from kiosk.app.devicesetup import build_devices, build_scanner, printer_profile
from kiosk.app.statedir import DEPLOYED_STATE_DIR, station_state_dir
from kiosk.devicechoices import CHOICES_FILE, KEYS, read_device_choices, with_setting
from kiosk.privacy import mask_id_number, mask_name
from kiosk.settings import DEFAULT_CONFIG_PATH, Settings, SettingsError, load_settings

POLL_INTERVAL_S = 0.3  # docs/domain.md §5: no faster than every 300 ms


def _settings(args: argparse.Namespace) -> Settings:
    """The station file's devices, with the ports staff chose on the screen over them (as
    `kiosk run` reads them: kiosk/devicechoices.py), each said on stdout."""
    path = Path(args.config) if args.config else DEFAULT_CONFIG_PATH
    if not args.config and not path.exists():
        return Settings()
    try:
        settings = load_settings(path)
    except SettingsError as error:
        raise SystemExit(
            "\n".join(f"kiosk: settings error: {line}" for line in error.lines())
        ) from None
    state = Path(args.state) if args.state else station_state_dir()
    choices, problem = read_device_choices(state)
    if problem:
        print(f"(device choices in {state / CHOICES_FILE} ignored: {problem})")
    for kind, value in choices.items():
        section, key = KEYS[kind]
        print(f"({section}.{key} = {value!r}, chosen in staff mode: {state / CHOICES_FILE})")
        settings = with_setting(settings, kind, value)
    return settings


# What staff can do about each thing the screen tells residents (by its message code), and
# the short words residents see there (the screen's own sentence begins so; Words.qml), in
# Chinese as shown and in English.
STAFF_GUIDE: dict[str, tuple[str, str, str]] = {
    "devices.paper_out": (
        "put in a new paper roll and close the cover; the receipt that failed can be "
        "reprinted from the staff panel",
        "打印机缺纸",
        "the printer is out of paper",
    ),
    "devices.camera_missing": (
        "check the document camera's USB cable; camera.device must be part of the name "
        "kiosk devices list shows",
        "未检测到高拍仪",
        "no document camera was found",
    ),
    "devices.camera_unavailable": (
        "the image folder of camera.image_folder is missing: set it right or leave it empty "
        "to use the camera",
        "高拍仪暂时无法使用",
        "the document camera cannot be used right now",
    ),
    "devices.cover_open": (
        "close the printer's cover",
        "打印机盖未合上",
        "the printer cover is open",
    ),
    "devices.print_incomplete": (
        "check the paper and the cover, then reprint from the staff panel",
        "凭条没有打印完整",
        "the receipt was not printed completely",
    ),
    "devices.printer_missing": (
        "check the printer's power and cable, and printer.address (kiosk devices list)",
        "打印机未连接",
        "the printer is not connected",
    ),
    "devices.reader_silent": (
        "check the reader's cable and power, and id_reader.port and id_reader.baud "
        "(kiosk devices list)",
        "读卡器没有响应",
        "the card reader does not respond",
    ),
    "devices.reader_sam_failed": (
        "the reader's security module (SAM) failed: unplug the reader and plug it in again; "
        "if it stays so, the reader needs its vendor's service",
        "身份证读卡器故障",
        "the card reader has a fault; they may type their details",
    ),
    "devices.card_unreadable": (
        "read a card again, laid flat and still; if no card reads, unplug the reader and plug "
        "it in again",
        "身份证读取失败",
        "the ID card could not be read",
    ),
    "devices.unplugged": (
        "check the device's cable, and the port in the station file (kiosk devices list)",
        "设备未连接",
        "the device is not connected",
    ),
    "devices.scan_unreadable": (
        "scan a known code; if it is refused, check scanner.suffix and scanner.encoding",
        "没有识别这个码",
        "the code was not recognised",
    ),
}
# Errors opening a port whose detail already says the fix (devices/serialport.py).
FIX_IN_DETAIL = ("permission", "busy", "no_device")


def _advice(code: str, message: str, indent: str) -> str:
    """The fix and what residents see, one line each, for a message code."""
    fix, chinese, english = STAFF_GUIDE.get(message, ("", "", ""))
    lines = [] if not fix or code in FIX_IN_DETAIL else [f"{indent}fix: {fix}"]
    seen = f"{chinese} — {english} ({message})" if chinese else message
    lines.append(f"{indent}residents see: {seen}")
    return "\n".join(lines)


def _fail(error: DeviceError) -> int:
    """The failure for staff: the state and its cause, the fix, what residents see."""
    print(
        f"kiosk: {error.code}: {error.detail or error.message}\n"
        f"{_advice(error.code, error.message, '  ')}",
        file=sys.stderr,
    )
    return 1


def _describe(status: DeviceStatus) -> str:
    parts = [status.health.value]
    if status.paper is not None:
        parts.append(f"paper {status.paper.value}")
    if status.cover_open:
        parts.append("cover open")
    if status.sam_ok is False:
        parts.append("SAM failed")
    text = f"{status.light.value.upper():5} {', '.join(parts)}"
    if status.detail:
        text += f" — {status.detail.removeprefix(status.health.value + ': ')}"
    if status.message:
        code = status.detail.split(":", 1)[0]
        text += "\n" + _advice(code, status.message, " " * 8)
    return text


# list ---------------------------------------------------------------------------------------


# USB ids of the serial adapters and printers the udev rules know (packaging/udev).
def list_devices(args: argparse.Namespace) -> int:
    ports = serial_ports()
    if not ports:
        print("Serial ports: none found")
    else:
        print("Serial ports (put one in id_reader.port or scanner.port):")
        print(f"  {'PORT':20} {'USB ID':9}  {'PROBABLY':60}  SYSTEM'S NAME")
    for port in ports:
        print(f"  {port.device:20} {port.usb_id or '-':9}  {port.guess:60}  {port.description}")
    print(_usb_printers())
    cameras = video_inputs()
    if not cameras:
        print("Cameras: none found")
    else:
        print("Cameras (put its name, or part of it, in camera.device):")
        print(f"  {'NODE':20} NAME")
    for camera in cameras:
        print(f"  {camera.node:20} {camera.name}")
    return 0


def _usb_printers() -> str:
    found = usb_printers()
    lines = [f"  {address}" for address in found.addresses]
    if found.problem:
        lines.append(f"  ({found.problem})")
    if not found.addresses:
        return "USB printers: none found" + (f" ({found.problem})" if found.problem else "")
    return "USB printers (put one in printer.address):\n" + "\n".join(lines)


# probe --------------------------------------------------------------------------------------


def probe(args: argparse.Namespace) -> int:
    if not args.config and not DEFAULT_CONFIG_PATH.exists():
        print(
            f"kiosk: no station file at {DEFAULT_CONFIG_PATH}, so no device is configured; "
            "give one with --config FILE",
            file=sys.stderr,
        )
        return 2
    devices = build_devices(_settings(args))
    worst = 0
    for name, device in (
        ("id_reader", devices.id_reader),
        ("printer", devices.printer),
        ("scanner", devices.scanner),
        ("camera", devices.camera),
    ):
        if device is None:
            print(f"{name:10} not configured")
            continue
        status = device.check_health()
        device.close()
        print(f"{name:10} {_describe(status)}")
        worst = max(worst, 0 if status.usable else 1)
    return worst


# read-card ----------------------------------------------------------------------------------


def read_card(args: argparse.Namespace) -> int:
    settings = _settings(args)
    port = args.port or settings.id_reader.port
    if not port:
        raise SystemExit("kiosk: no reader: give --port or set id_reader.port in the settings")
    reader = IdCardDevice(port, args.baud or settings.id_reader.baud)
    try:
        reader.open()
        reader.claim()
        reader.enable()
        print("place an ID card on the reader …", flush=True)
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            started = time.perf_counter()
            identity = reader.poll()
            if identity is not None:
                took_ms = (time.perf_counter() - started) * 1000
                print("\n".join(card_lines(identity, took_ms)))
                return 0
            time.sleep(POLL_INTERVAL_S)
        print(f"no card within {args.timeout:g} s")
        return 1
    except DeviceError as error:
        return _fail(error)
    finally:
        reader.close()


def card_lines(identity: Identity, took_ms: float) -> list[str]:
    """A card read, for staff: its kind, the name and number masked, and the time; for a
    kind whose fields the kiosk cannot decode, that, and what it means for residents."""
    if not identity.decoded:
        return [
            f"{identity.kind.value}: a 2023 foreign permanent residence card (外国人永久居留"
            f"身份证 2023 版), read in {took_ms:.0f} ms",
            "  the reader works, but this kiosk cannot decode this card's fields yet: holders "
            "type their details where the item allows it, or are served at the counter",
            f"  residents see: 暂不能读取此类证件 — this card cannot be read here yet "
            f"({CARD_KIND_UNREADABLE})",
        ]
    check = "valid" if identity.id_number_valid else "FAILS its checksum"
    return [
        f"{identity.kind.value}: {mask_name(identity.name or identity.english_name)} "
        f"{mask_id_number(identity.id_number)} (number {check}), read in {took_ms:.0f} ms"
    ]


# print-test ---------------------------------------------------------------------------------


def print_test(args: argparse.Namespace) -> int:
    settings = _settings(args)
    spec = args.printer or settings.printer.address
    if not spec:
        raise SystemExit("kiosk: no printer: give --printer or set printer.address in the settings")
    try:
        address = parse_address(spec)
    except ValueError as error:
        raise SystemExit(f"kiosk: {error}") from None
    profile = printer_profile(settings.printer)
    printer = ReceiptPrinter(address, profile, settings.printer.baud)
    job = receipt_bytes(test_page(profile), profile)
    try:
        printer.open()
        printer.claim()
        status = printer.check_health()
        print(f"printer: {_describe(status)}")
        started = time.perf_counter()
        printer.print_job(job)
        took = time.perf_counter() - started
        print(f"printed the test page: {len(job)} bytes in {took:.2f} s")
        return 0
    except DeviceError as error:
        return _fail(error)
    finally:
        printer.close()


# scan ---------------------------------------------------------------------------------------


def scan(args: argparse.Namespace) -> int:
    settings = _settings(args)
    port = args.port or settings.scanner.port
    if not port:
        raise SystemExit("kiosk: no scanner: give --port or set scanner.port in the settings")
    scanner = build_scanner(dataclasses.replace(settings.scanner, port=port))
    assert scanner is not None
    try:
        scanner.open()
        scanner.claim()
        scanner.enable()
        print("scan a code …", flush=True)
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            for result in scanner.read(0.2):
                if isinstance(result, Scan):
                    print(f"code ({len(result.text)} characters): {result.text}")
                    return 0
                if isinstance(result, BadScan):
                    print(f"refused: {result.reason} ({result.detail})")
                    print(_advice(result.reason, UNREADABLE, "  "))
                    return 1
        print(f"no code within {args.timeout:g} s")
        return 1
    except DeviceError as error:
        return _fail(error)
    finally:
        scanner.close()


# render -------------------------------------------------------------------------------------


def render(args: argparse.Namespace) -> int:
    from devices.sim.printer import jobs_from_bytes, render_png

    profile = printer_profile(_settings(args).printer)
    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        raise SystemExit(f"kiosk: cannot read {args.file}: {error.strerror}") from None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = jobs_from_bytes(data, profile)
    for number, job in enumerate(jobs, 1):
        path = out / f"{Path(args.file).stem}-{number:03d}.png"
        path.write_bytes(render_png(job, profile))
        unknown = f" (unknown commands: {', '.join(job.unknown)})" if job.unknown else ""
        print(f"{path}{unknown}")
    if not jobs:
        print("no print job in that file")
    return 0 if jobs else 1


# sim ----------------------------------------------------------------------------------------


def simulate(args: argparse.Namespace) -> int:
    from devices.sim.idcard import IdCardSimulator
    from devices.sim.printer import PrinterSimulator
    from devices.sim.scanner import ScannerSimulator
    from kiosk.app.devicesetup import DemoDevices

    out = Path(args.receipts)
    out.mkdir(parents=True, exist_ok=True)
    reader = IdCardSimulator(args.baud, pty=args.pty)
    printer = PrinterSimulator(pty=args.pty, out_dir=out)
    scanner = ScannerSimulator(pty=args.pty)
    demo = DemoDevices(reader, printer, scanner)
    for simulator in (reader, printer, scanner):
        simulator.start()
        demo.started.append(simulator)
    if args.card != "none":
        reader.insert(args.card)
    print("# simulated devices; put these in the station file:", flush=True)
    print(f'[id_reader]\nport = "{reader.url}"\nbaud = {args.baud}')
    print(f'[printer]\naddress = "{printer.address}"')
    print(f'[scanner]\nport = "{scanner.url}"')
    print(f"# receipts are saved as PNG in {out}")
    print(f"# type commands here: {demo.HELP}", flush=True)
    try:
        for line in sys.stdin:
            if line.strip():
                print(demo.command(line), flush=True)
        while True:  # stdin closed (e.g. started in the background): keep serving
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        demo.stop()


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    devices = commands.add_parser("devices", help="device diagnostics for staff")
    device_commands = devices.add_subparsers(dest="devices_command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = device_commands.add_parser(name, help=help_text)
        parser.add_argument("--config", help=f"station file (default {DEFAULT_CONFIG_PATH})")
        parser.add_argument(
            "--state",
            help="the kiosk's state folder, whose device-choices.toml (ports chosen in staff "
            f"mode) is read over the station file (default {DEPLOYED_STATE_DIR})",
        )
        return parser

    command("list", "serial ports and USB printers on this machine").set_defaults(
        handler=list_devices
    )
    command("probe", "status of each configured device").set_defaults(handler=probe)

    read = command("read-card", "wait for an ID card and show it masked")
    read.add_argument("--port", help="/dev/ttyUSB0, socket://host:port, … (default: settings)")
    read.add_argument("--baud", type=int, default=0, help="default: settings (115200)")
    read.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a card")
    read.set_defaults(handler=read_card)

    test = command("print-test", "print a test receipt: Chinese text, wrapping, a QR code")
    test.add_argument("--printer", help="network://HOST:9100, serial:PORT, … (default: settings)")
    test.set_defaults(handler=print_test)

    scanning = command("scan", "wait for one scanned code and show it")
    scanning.add_argument("--port", help="scanner port (default: settings)")
    scanning.add_argument("--timeout", type=float, default=30.0)
    scanning.set_defaults(handler=scan)

    drawing = command("render", "draw as PNG receipts what a printer set to file:PATH wrote")
    drawing.add_argument("file", help="the file the printer setting file:PATH wrote")
    drawing.add_argument("--out", default="build/receipts", help="folder for the PNGs")
    drawing.set_defaults(handler=render)

    sim = device_commands.add_parser("sim", help="start simulated devices and print settings")
    sim.add_argument(
        "--card",
        default="resident",
        choices=[*SAMPLE_CARDS, "none"],
        help="the card on the reader at the start (default: %(default)s)",
    )
    sim.add_argument("--baud", type=int, default=115200, help="ID-card reader baud rate")
    sim.add_argument("--pty", action="store_true", help="serve on pseudo-terminals, not TCP")
    sim.add_argument("--receipts", default="build/receipts", help="folder for receipt PNGs")
    sim.set_defaults(handler=simulate)
