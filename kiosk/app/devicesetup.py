"""Builds the station's devices from settings; in the demo, starts simulators for the rest.

The composition root calls `build_devices()`; the UI's workers then own the devices.
A device left empty in settings is simply absent (the kiosk works without it and says so
where it matters), except in `kiosk demo`, which fills every gap with a simulator.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path

from devices.camera import DocumentCamera
from devices.idcard.device import IdCardDevice
from devices.idcard.photo import load_photo_decoder
from devices.printer.layout import PrinterProfile
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.scanner.framer import FramerSettings
from devices.scanner.scanner import SerialScanner
from devices.scanner.wedge import WedgeScanner
from devices.sim.idcard import SAMPLE_CARDS, IdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.sim.scanner import ScannerSimulator
from devices.status import DeviceKind, Paper
from kiosk.devicechoices import Candidate
from kiosk.privatefiles import private_dir
from kiosk.services import Devices
from kiosk.settings import PrinterSettings, ScannerSettings, Settings

log = logging.getLogger(__name__)


def printer_profile(settings: PrinterSettings) -> PrinterProfile:
    return PrinterProfile(
        paper_mm=settings.paper_mm,
        encoding=settings.encoding,
        chinese_mode=settings.chinese_mode,
        native_qr=settings.native_qr,
    )


def scanner_framing(settings: ScannerSettings) -> FramerSettings:
    return FramerSettings(
        suffix=settings.suffix,
        prefix=settings.prefix,
        encoding=settings.encoding,
        max_length=settings.max_length,
        inter_char_timeout_s=settings.inter_char_timeout_ms / 1000,
    )


def build_devices(settings: Settings) -> Devices:
    """Raises PhotoDecoderError when the configured photo decoder cannot be loaded."""
    reader, printer, scanner = settings.id_reader, settings.printer, settings.scanner
    return Devices(
        id_reader=IdCardDevice(
            reader.port, reader.baud, photo_decoder=load_photo_decoder(reader.photo_decoder)
        )
        if reader.port
        else None,
        printer=ReceiptPrinter(
            parse_address(printer.address), printer_profile(printer), printer.baud
        )
        if printer.address
        else None,
        scanner=build_scanner(scanner),
        poll_interval_ms=reader.poll_interval_ms,
        camera=DocumentCamera(settings.camera.device, folder=settings.camera.image_folder),
    )


def build_scanner(settings: ScannerSettings) -> SerialScanner | WedgeScanner | None:
    if not settings.port:
        return None
    if settings.port.startswith("evdev:"):
        return WedgeScanner(settings.port.removeprefix("evdev:"), scanner_framing(settings))
    return SerialScanner(settings.port, scanner_framing(settings), settings.baud)


@dataclass
class DemoDevices:
    """Simulators standing in for the devices a demo station lacks.

    `command()` takes what a developer types at the demo's terminal ("card elder", "paper
    out", "scan XC…"), so a card can be placed and a printer emptied while the demo runs.
    """

    id_reader: IdCardSimulator | None = None
    printer: PrinterSimulator | None = None
    scanner: ScannerSimulator | None = None
    scanner_framing: FramerSettings = field(default_factory=FramerSettings)
    started: list[IdCardSimulator | PrinterSimulator | ScannerSimulator] = field(
        default_factory=list
    )

    HELP = (
        "demo devices: card resident|elder|hmt|foreign|foreign_2023, card off, "
        "paper ok|low|out, cover open|closed, scan TEXT, reader unplug|plug"
    )

    def command(self, line: str) -> str:
        """Apply one demo command; returns what happened (or the help text)."""
        verb, _, rest = line.strip().partition(" ")
        handlers = {
            "card": self._card,
            "reader": self._reader,
            "paper": self._paper,
            "cover": self._cover,
            "scan": self._scan,
        }
        handler = handlers.get(verb)
        return (handler(rest.strip()) if handler else None) or self.HELP

    def _card(self, rest: str) -> str | None:
        if self.id_reader is None:
            return None
        if rest == "off":
            self.id_reader.remove()
            return "card removed"
        if rest not in SAMPLE_CARDS:
            return None
        self.id_reader.insert(rest)
        return f"card {rest} placed on the reader"

    def _reader(self, rest: str) -> str | None:
        if self.id_reader is None or rest not in ("unplug", "plug"):
            return None
        self.id_reader.fault = "unplug" if rest == "unplug" else ""
        return f"reader {rest}ged"

    def _paper(self, rest: str) -> str | None:
        paper = {"ok": Paper.OK, "low": Paper.NEAR_END, "out": Paper.OUT}.get(rest)
        if self.printer is None or paper is None:
            return None
        self.printer.set_state(paper=paper, paper_stop=paper is Paper.OUT)
        return f"printer paper {rest}"

    def _cover(self, rest: str) -> str | None:
        if self.printer is None or rest not in ("open", "closed"):
            return None
        self.printer.set_state(cover_open=rest == "open")
        return f"printer cover {rest}"

    def _scan(self, rest: str) -> str | None:
        if self.scanner is None or not rest:
            return None
        framing = self.scanner_framing
        self.scanner.scan(
            rest, encoding=framing.encoding, suffix=framing.suffix, prefix=framing.prefix
        )
        return "scanned"

    def candidates(self, kind: DeviceKind) -> list[Candidate]:
        """The simulators, for the staff panel's device chooser (kiosk/devicechoices.py)."""
        found = {
            DeviceKind.ID_READER: self.id_reader.url if self.id_reader else "",
            DeviceKind.PRINTER: self.printer.address if self.printer else "",
            DeviceKind.SCANNER: self.scanner.url if self.scanner else "",
        }.get(kind, "")  # no simulated camera: the demo's pages come from a folder
        return [Candidate(found, "simulator")] if found else []

    def stop(self) -> None:
        for simulator in self.started:
            simulator.stop()
        self.started.clear()


SAMPLE_PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def start_demo_devices(settings: Settings, receipts_dir: Path) -> tuple[Settings, DemoDevices]:
    """Start a simulator for every device settings leave empty; settings pointing at them."""
    demo = DemoDevices()
    if not settings.id_reader.port:
        demo.id_reader = IdCardSimulator(settings.id_reader.baud)
        settings = dataclasses.replace(
            settings, id_reader=dataclasses.replace(settings.id_reader, port=demo.id_reader.url)
        )
    if not settings.printer.address:
        private_dir(receipts_dir)
        demo.printer = PrinterSimulator(printer_profile(settings.printer), out_dir=receipts_dir)
        settings = dataclasses.replace(
            settings, printer=dataclasses.replace(settings.printer, address=demo.printer.address)
        )
    if not settings.scanner.port:
        demo.scanner = ScannerSimulator(pty=False, baud=None)
        demo.scanner_framing = scanner_framing(settings.scanner)
        settings = dataclasses.replace(
            settings, scanner=dataclasses.replace(settings.scanner, port=demo.scanner.url)
        )
    if not settings.camera.image_folder and not settings.camera.device:
        settings = dataclasses.replace(
            settings,
            camera=dataclasses.replace(settings.camera, image_folder=str(SAMPLE_PAGES)),
        )
    for simulator in (demo.id_reader, demo.printer, demo.scanner):
        if simulator is not None:
            simulator.start()
            demo.started.append(simulator)
    log.info("demo devices started; receipts are saved in %s", receipts_dir)
    return settings, demo
