"""Staff mode: choosing where a device is, saved and in use without a restart."""

from __future__ import annotations

import dataclasses
import shutil
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices import camera as camera_module
from devices.camera import DocumentCamera
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.scanner.framer import FramerSettings
from devices.scanner.scanner import SerialScanner
from devices.sim.printer import PrinterSimulator
from devices.sim.scanner import ScannerSimulator
from devices.status import DeviceKind, Health, Light
from kiosk.app.devicesetup import build_devices
from kiosk.devicechoices import CHOICES_FILE, Candidate, DeviceSetup, with_device_choices
from kiosk.services import Devices
from tests.ui.driver import Driver, with_staff_pin

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def pty_printers() -> Iterator[tuple[PrinterSimulator, PrinterSimulator]]:
    """Two printers on serial ports (ptys): what a terminal's chooser may save."""
    with PrinterSimulator(pty=True) as first, PrinterSimulator(pty=True) as spare:
        yield first, spare


def candidate_index(kiosk: Driver, value: str) -> int:
    rows = kiosk.ui.device_setup.candidate_rows()
    return next(i for i, row in enumerate(rows) if row.value == value)


def test_staff_choose_another_printer_saved_and_in_use_without_restart(
    launch: Callable[..., Driver],
    pty_printers: tuple[PrinterSimulator, PrinterSimulator],
    tmp_path: Path,
) -> None:
    printer_sim, spare_printer = pty_printers
    state = tmp_path / "state"
    state.mkdir()
    settings = with_staff_pin()
    settings = settings.__class__(
        **{
            **settings.__dict__,
            "printer": settings.printer.__class__(address=printer_sim.address),
        }
    )

    def simulators(kind: DeviceKind) -> list[Candidate]:
        return [Candidate(spare_printer.address, "simulator")] if kind is DeviceKind.PRINTER else []

    setup = DeviceSetup(settings, build_devices, state, extra=simulators)
    devices = Devices(
        id_reader=None,
        printer=ReceiptPrinter(parse_address(printer_sim.address), printer_sim.profile),
        scanner=None,
    )
    kiosk = launch(settings, devices=devices, device_setup=setup)
    kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
    kiosk.open_staff_panel()

    kiosk.click("changeDevice_printer")
    kiosk.wait_until(lambda: not kiosk.ui.device_setup.property("busy"))
    assert kiosk.visible("deviceChooser_printer")
    texts = kiosk.texts()
    assert any(printer_sim.address in text and "✓" in text for text in texts)  # the current one
    kiosk.click(f"deviceCandidate_{candidate_index(kiosk, spare_printer.address)}")
    kiosk.wait_until(lambda: kiosk.ui.device_setup.property("outcome") == "saved")

    saved = tomllib.loads((state / CHOICES_FILE).read_text(encoding="utf-8"))
    assert saved == {"printer": {"address": spare_printer.address}}
    assert any(str(state / CHOICES_FILE) in text for text in kiosk.texts())
    # In use at once: the test page goes to the printer chosen, not to the old one.
    kiosk.wait_until(lambda: kiosk.ui.devices.property("printerReady"))
    kiosk.click("printTestButton")
    assert len(spare_printer.wait_for_jobs(1, timeout_s=10)) == 1
    assert printer_sim.jobs == []
    # A restart reads the choice over the station file.
    assert with_device_choices(settings, state).printer.address == spare_printer.address

    # Not while a receipt prints; then choosing again keeps the file before it.
    kiosk.wait_until(lambda: not kiosk.ui.devices.printing())
    kiosk.click(f"deviceCandidate_{candidate_index(kiosk, printer_sim.address)}")
    kiosk.wait_until(lambda: kiosk.ui.device_setup.property("outcome") == "saved")
    previous = tomllib.loads((state / (CHOICES_FILE + ".previous")).read_text(encoding="utf-8"))
    assert previous == {"printer": {"address": spare_printer.address}}
    assert with_device_choices(settings, state).printer.address == printer_sim.address


def test_staff_device_choice_ends_with_staff_mode(
    launch: Callable[..., Driver], printer_sim: PrinterSimulator, tmp_path: Path
) -> None:
    settings = with_staff_pin()
    setup = DeviceSetup(settings, build_devices, None)
    kiosk = launch(settings, device_setup=setup)
    kiosk.open_staff_panel()
    kiosk.click("changeDevice_scanner")
    kiosk.wait_until(lambda: not kiosk.ui.device_setup.property("busy"))
    assert kiosk.ui.device_setup.property("device") == "scanner"
    kiosk.click("devicePanelClose")
    assert kiosk.ui.device_setup.property("device") == ""
    assert not kiosk.visible("devicePanel")


def test_no_device_chooser_without_a_device_setup(kiosk: Driver) -> None:
    from tests.ui.driver import with_staff_pin as _  # noqa: F401 - the kiosk fixture has no PIN

    assert not kiosk.ui.device_setup.property("available")


def test_staff_test_scan_shows_the_code_shortened_and_forgets_it(
    launch: Callable[..., Driver],
) -> None:
    with ScannerSimulator(pty=False, baud=None) as scanner:
        devices = Devices(None, None, SerialScanner(scanner.url, FramerSettings()))
        kiosk = launch(with_staff_pin(), devices=devices)
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
        kiosk.open_staff_panel()
        scanner.scan("XC20261129000123456789")
        kiosk.wait_until(lambda: kiosk.visible("lastScan"))
        assert "最近扫到的码：XC202611…（共 22 个字符）" in kiosk.texts()
        kiosk.click("devicePanelClose")
        assert kiosk.ui.devices.property("lastScan") == {}


def add_camera(sysfs: Path, node: str, name: str) -> None:
    """A camera as the kernel lists it in /sys/class/video4linux."""
    (sysfs / node).mkdir(parents=True)
    (sysfs / node / "name").write_text(name + "\n")
    (sysfs / node / "index").write_text("0\n")


def test_staff_camera_row_preview_and_choice_saved_and_followed(
    launch: Callable[..., Driver], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sysfs, state = tmp_path / "video4linux", tmp_path / "state"
    state.mkdir()
    add_camera(sysfs, "video0", "Eloam Document Camera S1800")
    add_camera(sysfs, "video2", "USB2.0 HD UVC WebCam")
    monkeypatch.setattr(camera_module, "V4L2_SYSFS", sysfs)  # this machine's listing: none
    base = with_staff_pin()
    settings = dataclasses.replace(base, camera=dataclasses.replace(base.camera, device="Eloam"))
    setup = DeviceSetup(settings, build_devices, state)
    camera = DocumentCamera("Eloam")
    kiosk = launch(settings, devices=Devices(None, None, None, camera=camera), device_setup=setup)

    def camera_detail() -> str:
        status = kiosk.ui.devices.status(DeviceKind.CAMERA)
        return status.detail if status is not None and status.usable else ""

    kiosk.wait_until(lambda: camera_detail() == "Eloam Document Camera S1800 on /dev/video0")
    kiosk.open_staff_panel()
    assert kiosk.visible("deviceRow_camera")
    assert any(text.startswith("高拍仪") for text in kiosk.texts())

    # The live picture: this machine has no camera Qt can open, which staff are told.
    kiosk.click("cameraPreviewButton")
    assert kiosk.visible("staffCameraPreview")
    assert kiosk.ui.device_setup.property("previewing")
    assert any("摄像头没有画面" in text for text in kiosk.texts())
    kiosk.click("cameraPreviewButton")  # 结束预览
    assert not kiosk.visible("staffCameraPreview")
    assert kiosk.ui.capture.camera is not None
    assert not kiosk.ui.capture.camera.found

    kiosk.click("changeDevice_camera")
    kiosk.wait_until(lambda: not kiosk.ui.device_setup.property("busy"))
    values = [row.value for row in kiosk.ui.device_setup.candidate_rows()]
    assert values == ["Eloam", "Eloam Document Camera S1800", "USB2.0 HD UVC WebCam"]
    kiosk.click(f"deviceCandidate_{candidate_index(kiosk, 'USB2.0 HD UVC WebCam')}")
    kiosk.wait_until(lambda: kiosk.ui.device_setup.property("outcome") == "saved")
    saved = tomllib.loads((state / CHOICES_FILE).read_text(encoding="utf-8"))
    assert saved == {"camera": {"device": "USB2.0 HD UVC WebCam"}}
    assert with_device_choices(settings, state).camera.device == "USB2.0 HD UVC WebCam"
    kiosk.wait_until(lambda: camera_detail() == "USB2.0 HD UVC WebCam on /dev/video2")

    # Unplugged: the light turns red within the camera's check interval.
    shutil.rmtree(sysfs / "video2")
    kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.RED, timeout_ms=8000)
    status = kiosk.ui.devices.status(DeviceKind.CAMERA)
    assert status is not None
    assert status.health is Health.NO_DEVICE
    assert "'USB2.0 HD UVC WebCam'" in status.detail
    assert "Eloam" in status.detail


def test_staff_camera_in_folder_mode_has_nothing_to_preview_or_choose(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    base = with_staff_pin()
    settings = dataclasses.replace(
        base, camera=dataclasses.replace(base.camera, image_folder=str(folder))
    )
    setup = DeviceSetup(settings, build_devices, None)
    camera = DocumentCamera("", folder=str(folder))
    kiosk = launch(settings, devices=Devices(None, None, None, camera=camera), device_setup=setup)
    kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
    kiosk.open_staff_panel()
    assert kiosk.visible("cameraFolderNote")
    assert not kiosk.visible("cameraPreviewButton")
    assert not kiosk.visible("changeDevice_camera")
    assert kiosk.visible("changeDevice_printer")  # the other devices keep their chooser
