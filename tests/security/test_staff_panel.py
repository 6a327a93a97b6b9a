"""Issue 10, item 3 (on the real window): staff functions behind the PIN; nothing of an
earlier session reachable. Devices are the simulators over real byte streams."""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from devices.idcard.device import IdCardDevice
from devices.printer.layout import Receipt
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.idcard import IdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.status import Light, Paper
from kiosk.app.services import open_audit_trail, open_staff_access
from kiosk.audit import AuditTrail
from kiosk.keyfiles import load_key
from kiosk.services import Devices
from tests.ui import driver
from tests.ui.driver import STAFF_PIN, Driver, make_settings, with_staff_pin
from ui.devicetypes import PrintState
from ui.staffgate import StaffGate
from ui.stallprobe import StallProbe

pytestmark = pytest.mark.usefixtures("qapp")

# The real window's fixtures (tests/ui/driver.py), here without a conftest of their own.
catalog_store = driver.catalog_store
launch = driver.launch
sample_store_file = driver.sample_store_file

CASE_NO = "XC202611290007"
# What a resident's receipt carries (kiosk.submission.case_receipt), already masked.
RESIDENT_RECEIPT = Receipt(
    title="办件回执",
    pairs=(("办件编号", CASE_NO), ("申请人", "测**"), ("证件号码", "11**************13")),
    qr=f"https://zwfw.example/progress/{CASE_NO}",
)
WRONG_PIN = "903817"


@pytest.fixture
def station_devices(reader_sim: IdCardSimulator, printer_sim: PrinterSimulator) -> Devices:
    return Devices(
        id_reader=IdCardDevice(reader_sim.url, command_timeout_s=0.5),
        printer=ReceiptPrinter(
            parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5
        ),
        scanner=None,
    )


def start(launch: Callable[..., Driver], devices: Devices, **staff: float) -> Driver:
    kiosk = launch(with_staff_pin(**staff), devices=devices)
    kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
    return kiosk


def fail_resident_receipt(kiosk: Driver, printer_sim: PrinterSimulator) -> None:
    """The paper runs out in the middle of a resident's receipt; staff then refill it and
    the resident's session ends."""
    printer_sim.paper_out_after = 60
    kiosk.ui.devices.print_receipt(RESIDENT_RECEIPT)
    kiosk.wait_until(lambda: kiosk.ui.devices.print_status().state is PrintState.Value.Failed)
    printer_sim.set_state(paper=Paper.OK, paper_stop=False)
    kiosk.wait_until(lambda: bool(kiosk.ui.devices.property("printerReady")), 5000)
    next_resident(kiosk)


def next_resident(kiosk: Driver) -> None:
    """The session ends (as by the idle wipe); the next person touches the attract screen."""
    kiosk.ui.shell.endSession()
    kiosk.settle()
    kiosk.touch_anywhere()
    kiosk.wait_until(lambda: not kiosk.visible("attractScreen"))


def hold_the_lights(kiosk: Driver) -> None:
    kiosk.press_and_hold("deviceIndicatorArea", lambda: kiosk.visible("staffPinPad"))


def staff_steps(tmp_path: Path) -> list[str]:
    key = load_key(tmp_path / "audit.key", create=False)
    return AuditTrail(tmp_path / "audit.db", key).steps("staff")


def test_staff_panel_without_pin_shows_the_pad_and_nothing_else(
    launch: Callable[..., Driver], station_devices: Devices
) -> None:
    kiosk = start(launch, station_devices)
    hold_the_lights(kiosk)
    assert kiosk.visible("staffPinKey_0")
    assert not kiosk.visible("deviceRow_printer")
    assert not kiosk.visible("printTestButton")
    assert not kiosk.ui.staff.property("unlocked")


def test_staff_panel_no_pin_configured_says_how_to_set_one(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(make_settings())
    hold_the_lights(kiosk)
    message = kiosk.item("staffPinMessage").property("text")
    assert message == "未设置管理密码，请用 kiosk staff set-pin 设置"
    assert not kiosk.visible("staffPinKey_0")
    assert not kiosk.visible("deviceRow_printer")


def test_failed_receipt_without_pin_cannot_be_printed_or_seen(
    launch: Callable[..., Driver], station_devices: Devices, printer_sim: PrinterSimulator
) -> None:
    kiosk = start(launch, station_devices)
    fail_resident_receipt(kiosk, printer_sim)
    hold_the_lights(kiosk)
    hub = kiosk.ui.devices
    assert hub.property("failedJob") == ""
    assert not kiosk.visible("reprintButton")
    assert not any(CASE_NO in text or "测**" in text for text in kiosk.texts())
    with kiosk.qtbot.assertNotEmitted(hub.requestReprint):
        hub.reprint()  # what the panel's button would call
        kiosk.settle()


def test_failed_receipt_with_pin_within_the_window_prints_and_is_audited(
    launch: Callable[..., Driver],
    station_devices: Devices,
    printer_sim: PrinterSimulator,
    tmp_path: Path,
) -> None:
    kiosk = start(launch, station_devices)
    fail_resident_receipt(kiosk, printer_sim)
    before = len(printer_sim.jobs)
    kiosk.open_staff_panel()
    assert kiosk.ui.staff.property("unlocked")
    kiosk.click("reprintButton")
    kiosk.wait_until(lambda: any(CASE_NO in job.text for job in printer_sim.jobs[before:]))
    (reprinted,) = [job for job in printer_sim.jobs[before:] if CASE_NO in job.text]
    assert reprinted.qr_payloads == [f"https://zwfw.example/progress/{CASE_NO}"]
    kiosk.wait_until(lambda: kiosk.ui.devices.property("failedJob") == "")
    kiosk.wait_until(lambda: "receipt_reprinted" in staff_steps(tmp_path))
    assert staff_steps(tmp_path)[0] == "staff_pin_accepted"


def test_failed_receipt_after_the_window_is_dropped_from_memory(
    launch: Callable[..., Driver], station_devices: Devices, printer_sim: PrinterSimulator
) -> None:
    kiosk = start(launch, station_devices, reprint_window_s=1)
    fail_resident_receipt(kiosk, printer_sim)
    printer = station_devices.printer
    assert printer is not None
    # The printer worker forgets the receipt's bytes, not only the screen its button.
    kiosk.wait_until(lambda: printer.failed_job is None, timeout_ms=5000)
    kiosk.open_staff_panel()
    assert kiosk.ui.staff.property("unlocked")
    assert kiosk.ui.devices.property("failedJob") == ""
    assert not kiosk.visible("reprintButton")
    with kiosk.qtbot.assertNotEmitted(kiosk.ui.devices.requestReprint):
        kiosk.ui.devices.reprint()
        kiosk.settle()


def test_failed_receipt_discarded_by_staff_is_dropped_from_memory(
    launch: Callable[..., Driver], station_devices: Devices, printer_sim: PrinterSimulator
) -> None:
    kiosk = start(launch, station_devices)
    fail_resident_receipt(kiosk, printer_sim)
    kiosk.open_staff_panel()
    kiosk.click("discardReceiptButton")
    printer = station_devices.printer
    assert printer is not None
    kiosk.wait_until(lambda: printer.failed_job is None)
    assert not kiosk.visible("reprintButton")


def test_wrong_pins_lock_the_pad_with_a_growing_delay_across_restarts(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    kiosk = launch(with_staff_pin())
    hold_the_lights(kiosk)
    for tries_left in (4, 3, 2, 1):
        kiosk.enter_pin(WRONG_PIN)
        assert kiosk.ui.staff.property("triesLeft") == tries_left
    assert "再输错 1 次" in kiosk.item("staffPinMessage").property("text")
    kiosk.enter_pin(WRONG_PIN)
    assert 58 <= kiosk.ui.staff.property("lockedSeconds") <= 60
    assert "1 分钟后再试" in kiosk.item("staffPinMessage").property("text")
    assert not kiosk.item("staffPinKey_4").isEnabled()
    assert staff_steps(tmp_path) == ["staff_pin_wrong"] * 5 + ["staff_locked_out"]
    kiosk.click("staffPinCancel")

    # The kiosk started again builds its staff gate on the same state folder: still locked.
    audit = partial(open_audit_trail, tmp_path / "audit.db", tmp_path / "audit.key")
    pin_hash = with_staff_pin().staff.pin_hash
    restarted = StaffGate(partial(open_staff_access, pin_hash, tmp_path / "staff.db", audit))
    try:
        restarted.open()
        kiosk.wait_until(lambda: not restarted.property("checking"))
        assert restarted.property("lockedSeconds") > 0
        assert not restarted.property("acceptsKeys")
    finally:
        restarted.stop()

    # The first lockout has run out (moved into the past in the station's state file).
    with sqlite3.connect(tmp_path / "staff.db") as db:
        db.execute("UPDATE staff_lock SET locked_until = 0")
    hold_the_lights(kiosk)
    for _ in range(5):
        kiosk.enter_pin(WRONG_PIN)
    assert 118 <= kiosk.ui.staff.property("lockedSeconds") <= 120
    assert "2 分钟后再试" in kiosk.item("staffPinMessage").property("text")
    assert staff_steps(tmp_path).count("staff_locked_out") == 2


def test_right_pin_opens_staff_mode_until_the_panel_closes(
    launch: Callable[..., Driver], station_devices: Devices, tmp_path: Path
) -> None:
    kiosk = start(launch, station_devices)
    kiosk.open_staff_panel()
    assert kiosk.visible("deviceRow_printer")
    assert staff_steps(tmp_path) == ["staff_pin_accepted"]
    kiosk.click("devicePanelClose")
    assert not kiosk.ui.staff.property("unlocked")
    hold_the_lights(kiosk)
    assert not kiosk.visible("deviceRow_printer")


def test_panel_shows_nothing_of_a_resident_card_read(
    launch: Callable[..., Driver], station_devices: Devices, reader_sim: IdCardSimulator
) -> None:
    kiosk = start(launch, station_devices)
    with kiosk.qtbot.waitSignal(kiosk.ui.devices.cardRead, timeout=5000):
        reader_sim.insert("resident")  # a resident identifies, the session goes on
    kiosk.open_staff_panel()
    assert kiosk.ui.devices.property("lastCard") == {}
    assert not kiosk.visible("lastCard")
    assert not any("测**" in text or "**13" in text for text in kiosk.texts())
    kiosk.click("devicePanelClose")
    next_resident(kiosk)  # and in the next resident's session
    kiosk.open_staff_panel()
    assert kiosk.ui.devices.property("lastCard") == {}
    assert not any("测**" in text for text in kiosk.texts())


def test_staff_card_read_is_gone_when_staff_mode_ends(
    launch: Callable[..., Driver], station_devices: Devices, reader_sim: IdCardSimulator
) -> None:
    kiosk = start(launch, station_devices)
    kiosk.open_staff_panel()
    reader_sim.insert("resident")  # staff test the reader
    kiosk.wait_until(lambda: bool(kiosk.ui.devices.property("lastCard")))
    kiosk.click("devicePanelClose")
    assert kiosk.ui.devices.property("lastCard") == {}


def test_pin_pad_shows_dots_never_digits_and_entry_wiped_on_close_and_idle(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(with_staff_pin(make_settings(idle_timeout_s=4, warning_s=2)))
    staff = kiosk.ui.staff
    hold_the_lights(kiosk)
    kiosk.wait_until(lambda: bool(staff.property("acceptsKeys")))
    for digit in "470":
        kiosk.click(f"staffPinKey_{digit}")
    assert staff.property("entryLength") == 3
    assert kiosk.item("staffPinDots").property("text") == "●●●"
    assert not any("470" in text or "47" in text for text in kiosk.texts())
    kiosk.click("staffPinCancel")
    assert not kiosk.visible("devicePanel")
    assert staff.property("entryLength") == 0

    hold_the_lights(kiosk)
    kiosk.wait_until(lambda: bool(staff.property("acceptsKeys")))
    for digit in "47":
        kiosk.click(f"staffPinKey_{digit}")
    kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=10_000)  # idle wipe
    assert not kiosk.visible("devicePanel")
    assert staff.property("entryLength") == 0


def test_pin_check_runs_off_the_gui_thread(launch: Callable[..., Driver]) -> None:
    """A stronger hash (n=2^16, ~4x the default work) makes a check on the GUI thread show."""
    salt = b"kiosk-test-salt!"
    digest = hashlib.scrypt(
        STAFF_PIN.encode(), salt=salt, n=2**16, r=8, p=1, maxmem=2**28, dklen=32
    )
    strong = (
        f"scrypt$n=65536,r=8,p=1${base64.b64encode(salt).decode()}"
        f"${base64.b64encode(digest).decode()}"
    )
    settings = with_staff_pin()
    settings = settings.__class__(
        **{**settings.__dict__, "staff": settings.staff.__class__(pin_hash=strong)}
    )
    kiosk = launch(settings)
    staff = kiosk.ui.staff
    hold_the_lights(kiosk)
    kiosk.wait_until(lambda: bool(staff.property("acceptsKeys")))
    for digit in STAFF_PIN:
        kiosk.click(f"staffPinKey_{digit}")
    probe = StallProbe()
    probe.start()
    staff.submit()  # what the OK key calls
    kiosk.wait_until(lambda: not staff.property("checking"))
    kiosk.settle()  # the event loop runs on: the probe sees any gap the check left
    gap_ms = probe.stop()
    assert staff.property("unlocked")
    assert gap_ms < 100, f"GUI thread stalled {gap_ms:.0f} ms while the PIN was checked"


def test_pin_answer_after_the_pad_closed_does_not_open_staff_mode(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    kiosk = launch(with_staff_pin())
    staff = kiosk.ui.staff
    hold_the_lights(kiosk)
    kiosk.wait_until(lambda: bool(staff.property("acceptsKeys")))
    for digit in STAFF_PIN:
        kiosk.click(f"staffPinKey_{digit}")
    staff.submit()  # OK pressed, and the pad closed before the answer comes back
    kiosk.click("staffPinCancel")
    kiosk.wait_until(lambda: staff_steps(tmp_path) == ["staff_pin_accepted"])
    kiosk.settle()  # the worker's answer is delivered
    assert not staff.property("unlocked")
    assert not kiosk.visible("devicePanel")
    assert kiosk.ui.devices.property("failedJob") == ""
