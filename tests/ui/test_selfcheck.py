"""The daily self-check through the real window: PIN, the staff panel's button, each step
against the simulators (printer, scanner, card reader), the sample page folder as the camera,
the platform stand-in over real HTTP, and the result kept and shown."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlComponent, QQmlEngine

from devices.idcard.device import IdCardDevice
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.scanner.framer import FramerSettings
from devices.scanner.scanner import SerialScanner
from devices.sim.idcard import IdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.sim.scanner import ScannerSimulator
from devices.status import Light, Paper
from kiosk.app.devicesetup import SAMPLE_PAGES
from kiosk.audit import AuditTrail
from kiosk.hours import STATION_ZONE
from kiosk.keyfiles import load_key
from kiosk.selfcheck import SLIP_PREFIX, Outcome, Reason, SelfCheckStore, Step, Verdict
from kiosk.services import Devices
from kiosk.settings import Settings
from kiosk.standin.server import StandIn
from tests.ui.driver import Driver, platform_station, with_staff_pin
from ui.app import QML_DIR
from ui.i18n import LanguageSwitcher
from ui.selfcheckview import SelfCheckStep, SelfCheckWait, SelfCheckWorker
from ui.stallprobe import StallProbe


def on(day: datetime.date) -> Callable[[], datetime.datetime]:
    """The station's clock on `day`, mid-morning. The self-check asks it which years' holidays
    promised dates may reach: a passing run is set in a year the sample catalog publishes
    (2026), not on whatever day the tests happen to run."""
    return lambda: datetime.datetime.combine(day, datetime.time(10), STATION_ZONE)


IN_JUNE_2026 = on(datetime.date(2026, 6, 15))


def with_sample_camera(settings: Settings) -> Settings:
    """The sample page folder as the document camera."""
    return dataclasses.replace(
        settings, camera=dataclasses.replace(settings.camera, image_folder=str(SAMPLE_PAGES))
    )


pytestmark = pytest.mark.usefixtures("qapp")


@dataclasses.dataclass
class Station:
    kiosk: Driver
    printer: PrinterSimulator
    scanner: ScannerSimulator
    reader: IdCardSimulator
    state: Path
    platform: StandIn


@pytest.fixture
def station(
    launch: Callable[..., Driver],
    tmp_path: Path,
    reader_sim: IdCardSimulator,
    printer_sim: PrinterSimulator,
) -> Iterator[Station]:
    with (
        platform_station(tmp_path) as (base, standin),
        ScannerSimulator(pty=False, baud=None) as scanner,
    ):
        settings = with_sample_camera(base)
        devices = Devices(
            IdCardDevice(reader_sim.url, command_timeout_s=0.5),
            ReceiptPrinter(parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5),
            SerialScanner(scanner.url, FramerSettings()),
        )
        outbox = tmp_path / "outbox.db"
        kiosk = launch(
            with_staff_pin(settings), outbox_path=outbox, devices=devices, clock=IN_JUNE_2026
        )
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
        yield Station(kiosk, printer_sim, scanner, reader_sim, tmp_path, standin)
        kiosk.ui.devices.stop()  # before the simulators go away


def open_self_check(kiosk: Driver) -> None:
    kiosk.open_staff_panel()
    assert kiosk.ui.staff.property("unlocked")
    kiosk.click("selfCheckButton")
    assert kiosk.visible("selfCheckPanel")


def waiting_for(kiosk: Driver) -> int:
    assert kiosk.ui.selfcheck is not None
    return int(kiosk.ui.selfcheck.property("waitingFor"))


def phase(kiosk: Driver) -> str:
    assert kiosk.ui.selfcheck is not None
    return str(kiosk.ui.selfcheck.property("phase"))


def wait_for(kiosk: Driver, condition: Callable[[], bool], timeout_ms: int = 5000) -> None:
    """Until `condition` holds and the panel has laid out what changed (a button that just
    appeared is clicked where it is drawn, not where the layout had it a moment ago)."""
    kiosk.wait_until(condition, timeout_ms)
    kiosk.settle()


def slip_code(station: Station, jobs: int) -> str:
    """The QR payload of the slip the printer simulator received as job number `jobs`."""
    job = station.printer.wait_for_jobs(jobs)[jobs - 1]
    (code,) = job.qr_payloads
    return code


def staff_steps(state: Path) -> list[str]:
    return AuditTrail(state / "audit.db", load_key(state / "audit.key", create=False)).steps(
        "staff"
    )


def texts(kiosk: Driver) -> str:
    return "\n".join(kiosk.texts())


def test_self_check_all_steps_pass_and_the_result_is_kept_and_shown(station: Station) -> None:
    kiosk = station.kiosk
    open_self_check(kiosk)
    assert "尚未做过自检" in texts(kiosk)
    kiosk.click("selfCheckStart")

    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    code = slip_code(station, 1)
    assert code.startswith(SLIP_PREFIX)
    assert "二维码放到扫码器下" in kiosk.item("selfCheckInstruction").property("text")
    # From here on the test only waits on the event loop: every gap is the kiosk's own.
    probe = StallProbe()
    probe.start()
    station.scanner.scan(code)

    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Card)
    assert "身份证" in kiosk.item("selfCheckInstruction").property("text")
    station.reader.insert("resident")

    wait_for(kiosk, lambda: phase(kiosk) == "done", timeout_ms=30_000)
    wait_for(kiosk, lambda: bool(kiosk.ui.selfcheck and kiosk.ui.selfcheck.property("saved")))
    gap_ms = probe.stop()
    assert gap_ms < 100, f"GUI thread stalled {gap_ms:.0f} ms during the self-check"
    kiosk.wait_until(lambda: kiosk.visible("selfCheckSummary") and "全部通过" in texts(kiosk))
    shown = texts(kiosk)
    assert "测试甲" not in shown  # the staff panel beneath shows the card masked, as before
    assert "110102195001010013" not in shown

    store = SelfCheckStore(station.state / "selfcheck.db")
    kept = store.last()
    store.close()
    assert kept is not None
    assert kept.passed, kept.outcomes
    assert kept.by == "staff"
    assert [o.step.value for o in kept.outcomes] == [
        "print", "card", "camera", "platform", "catalog", "disk", "clock",
    ]  # fmt: skip
    assert "110102" not in kept.to_json()  # no card number kept, masked or not
    assert kiosk.ui.selfcheck is not None
    assert kiosk.ui.selfcheck.property("doneToday")
    kiosk.wait_until(lambda: "selfcheck_finished" in staff_steps(station.state))
    assert "selfcheck_started" in staff_steps(station.state)

    kiosk.click("selfCheckClose")  # back to the staff panel, staff mode still open
    assert not kiosk.visible("selfCheckPanel")
    assert kiosk.visible("devicePanel")
    assert kiosk.ui.staff.property("unlocked")
    kiosk.click("selfCheckButton")  # opened again: the last result is shown
    kiosk.wait_until(lambda: "全部通过" in kiosk.item("selfCheckLast").property("text"))

    # The district hears of it at once, in the heartbeat, and in the metrics.
    terminal = Settings().station.terminal_id  # platform_station's terminal

    def reported() -> dict[str, object] | None:
        beat = station.platform.store.last_heartbeat(terminal)
        return beat.get("selfCheck") if beat else None  # type: ignore[return-value]

    kiosk.wait_until(lambda: reported() is not None, 10_000)
    assert reported() == {"at": reported()["at"], "passed": True, "failedSteps": []}  # type: ignore[index]
    station_health = kiosk.ui.health.station() if kiosk.ui.health else None
    assert station_health is not None
    assert station_health.self_check is not None
    assert station_health.self_check.at == kept.at


def test_paper_out_fails_the_print_step_in_words_and_the_result_says_what_failed(
    station: Station,
) -> None:
    kiosk = station.kiosk
    station.printer.set_state(paper=Paper.OUT)
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    wait_for(kiosk, lambda: phase(kiosk) == "stopped", timeout_ms=10_000)
    problem = kiosk.item("selfCheckProblem").property("text")
    assert "缺纸" in problem
    assert "换上新纸卷" in problem
    assert kiosk.visible("selfCheckRetry")
    kiosk.click("selfCheckSkip")

    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Card)
    kiosk.click("selfCheckSkip")  # no card at hand: not checked

    wait_for(kiosk, lambda: phase(kiosk) == "done", timeout_ms=30_000)
    kiosk.wait_until(lambda: kiosk.visible("selfCheckSummary") and "未通过" in texts(kiosk))
    summary = kiosk.item("selfCheckSummary").property("text")
    assert "打印" in summary
    assert "读卡器" in summary
    store = SelfCheckStore(station.state / "selfcheck.db")
    kept = store.last()
    store.close()
    assert kept is not None
    assert kept.failed_steps == ("print", "card")
    kiosk.wait_until(lambda: "selfcheck_finished" in staff_steps(station.state))
    # The slip that did not print is not a resident's receipt left for a reprint.
    assert kiosk.ui.devices.property("failedJob") == ""
    kiosk.click("selfCheckClose")
    assert not kiosk.visible("failedReceipt")
    assert not kiosk.visible("reprintButton")


def test_another_code_is_not_the_slip_and_retry_prints_a_new_one(station: Station) -> None:
    kiosk = station.kiosk
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    first = slip_code(station, 1)
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    station.scanner.scan("https://zwfw.example/print-test")  # the test page, not this slip
    wait_for(kiosk, lambda: phase(kiosk) == "stopped")
    assert "不是刚打印的自检条" in kiosk.item("selfCheckProblem").property("text")

    kiosk.click("selfCheckRetry")
    second = slip_code(station, 2)
    assert second != first
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    station.scanner.scan(first)  # an old slip proves nothing about this print
    wait_for(kiosk, lambda: phase(kiosk) == "stopped")
    kiosk.click("selfCheckRetry")
    third = slip_code(station, 3)
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    station.scanner.scan(third)
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Card)


def test_waiting_for_the_scan_retry_prints_a_new_slip(station: Station) -> None:
    kiosk = station.kiosk
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    first = slip_code(station, 1)
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    kiosk.click("selfCheckRetry")  # the slip was torn or lost
    second = slip_code(station, 2)
    assert second != first
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    station.scanner.scan(second)
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Card)


def test_without_a_scanner_the_slip_passes_once_printed(
    launch: Callable[..., Driver], reader_sim: IdCardSimulator, printer_sim: PrinterSimulator
) -> None:
    devices = Devices(
        IdCardDevice(reader_sim.url, command_timeout_s=0.5),
        ReceiptPrinter(parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5),
        None,
    )
    kiosk = launch(with_staff_pin(), devices=devices)
    kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    printer_sim.wait_for_jobs(1)
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Card)
    assert "没有扫码器" in texts(kiosk)
    kiosk.ui.devices.stop()


def test_closing_staff_mode_drops_a_check_under_way(station: Station) -> None:
    kiosk = station.kiosk
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    wait_for(kiosk, lambda: waiting_for(kiosk) == SelfCheckWait.Value.Scan)
    kiosk.ui.shell.endSession()  # the idle timeout or 完成: staff mode ends with the session
    kiosk.settle()
    assert not kiosk.visible("selfCheckPanel")
    assert phase(kiosk) == "idle"
    assert not (station.state / "selfcheck.db").exists() or _nothing_kept(station.state)


def _nothing_kept(state: Path) -> bool:
    store = SelfCheckStore(state / "selfcheck.db")
    try:
        return store.last() is None
    finally:
        store.close()


def test_without_devices_or_platform_the_steps_are_skipped_with_the_words(
    launch: Callable[..., Driver],
) -> None:
    settings = with_sample_camera(Settings())
    kiosk = launch(with_staff_pin(settings), clock=IN_JUNE_2026)
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    wait_for(kiosk, lambda: phase(kiosk) in ("done", "stopped"), timeout_ms=20_000)
    shown = texts(kiosk)
    assert "本站未配置" in shown  # printer and reader
    assert "没有可比对的区平台" in shown  # platform and clock


def test_in_december_a_next_year_without_holidays_fails_the_catalog_step(
    launch: Callable[..., Driver],
) -> None:
    """The sample catalog and chinese-calendar know 2026 only: from December, dates promised
    now may fall in 2027, whose holidays nobody has published to this terminal."""
    settings = with_sample_camera(Settings())
    kiosk = launch(with_staff_pin(settings), clock=on(datetime.date(2026, 12, 1)))
    open_self_check(kiosk)
    kiosk.click("selfCheckStart")
    wait_for(kiosk, lambda: phase(kiosk) == "stopped", timeout_ms=20_000)
    assert kiosk.ui.selfcheck is not None
    assert kiosk.ui.selfcheck.property("currentStep") == SelfCheckStep.Value.Catalog
    problem = kiosk.item("selfCheckProblem").property("text")
    assert "2027" in problem
    assert "节假日" in problem


# -- the words: every step, wait and reason has them, in Chinese and in English ------------

TEXTS_HARNESS = b"""
import QtQml
import Kiosk

QtObject {
    property int step
    property int waiting
    property string reason
    property list<string> args: ["7", "8"]
    readonly property SelfCheckTexts texts: SelfCheckTexts {}
    readonly property string name: texts.stepName(step)
    readonly property string instruction: texts.instruction(waiting)
    readonly property string found: texts.found(reason, args)
    readonly property string advice: texts.advice(reason, args)
}
"""


@dataclasses.dataclass
class Words:
    """SelfCheckTexts in a QML engine of its own, with the kiosk's languages."""

    harness: QObject
    languages: LanguageSwitcher


@pytest.fixture(scope="module")
def words(qapp: object) -> Iterator[Words]:
    engine = QQmlEngine()
    engine.addImportPath(str(QML_DIR))
    languages = LanguageSwitcher()
    languages.attach(engine)
    component = QQmlComponent(engine)
    component.setData(TEXTS_HARNESS, "harness.qml")
    harness = component.create()
    assert harness is not None, component.errorString()
    yield Words(harness, languages)
    languages.detach()
    harness.deleteLater()
    engine.deleteLater()


def say(words: Words, language: str, **values: object) -> dict[str, str]:
    words.languages.switch(language)
    for key, value in values.items():
        words.harness.setProperty(key, value)
    keys = ("name", "instruction", "found", "advice")
    return {key: str(words.harness.property(key)) for key in keys}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_step_and_wait_has_words(words: Words, language: str) -> None:
    for step in SelfCheckStep.Value:
        assert say(words, language, step=int(step))["name"], step
    for wait in SelfCheckWait.Value:
        shown = say(words, language, waiting=int(wait))["instruction"]
        assert bool(shown) is (wait is not SelfCheckWait.Value.Nothing), wait


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_words_and_a_failure_says_what_to_do(
    words: Words, language: str, reason: Reason
) -> None:
    said = say(words, language, reason=reason.value)
    assert said["found"], reason
    assert "%" not in said["found"]
    assert bool(said["advice"]) is (reason.value in FAILURES), reason
    if language == "zh_CN":
        assert CJK.search(said["found"]), said["found"]


FAILURES = {
    "print_failed", "wrong_code", "not_read_back", "no_card", "frame_failed", "frame_black",
    "platform_offline", "platform_refused", "platform_busy", "no_catalog", "catalog_stale",
    "calendar_unknown", "disk_low", "disk_unreadable", "clock_off", "skipped_by_staff",
}  # fmt: skip
CJK = re.compile(r"[\u3400-\u9fff]")


# -- the worker's checks: a camera frame, the disk ---------------------------------------


def jpeg_of(colour: Qt.GlobalColor) -> bytes:
    image = QImage(640, 480, QImage.Format.Format_RGB888)
    image.fill(colour)
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")  # type: ignore[call-overload]
    return bytes(array.data())


@pytest.mark.parametrize(
    ("colour", "reason"),
    [(Qt.GlobalColor.black, Reason.FRAME_BLACK), (Qt.GlobalColor.gray, Reason.FRAME_OK)],
)
def test_worker_frame_all_black_fails(qapp: object, colour: Qt.GlobalColor, reason: Reason) -> None:
    worker = SelfCheckWorker(None)
    seen: list[Outcome] = []
    worker.frameInspected.connect(seen.append)
    worker.inspect_frame(jpeg_of(colour))
    assert [o.reason for o in seen] == [reason]


def test_worker_frame_not_an_image_fails(qapp: object) -> None:
    worker = SelfCheckWorker(None)
    seen: list[Outcome] = []
    worker.frameInspected.connect(seen.append)
    worker.inspect_frame(b"not a jpeg")
    assert seen[0].verdict is Verdict.FAILED


def test_worker_frame_a_sample_page_passes(qapp: object) -> None:
    worker = SelfCheckWorker(None)
    seen: list[Outcome] = []
    worker.frameInspected.connect(seen.append)
    page = sorted(SAMPLE_PAGES.glob("*.jpg"))[0]
    worker.inspect_frame(page.read_bytes())
    assert seen[0].reason is Reason.FRAME_OK


def test_worker_disk_of_the_state_folder(qapp: object, tmp_path: Path) -> None:
    worker = SelfCheckWorker(tmp_path / "missing")
    seen: list[Outcome] = []
    worker.diskMeasured.connect(seen.append)
    worker.measure_disk()  # a folder that is not there: unreadable, said so
    assert seen[-1].reason is Reason.DISK_UNREADABLE
    worker = SelfCheckWorker(tmp_path)
    worker.diskMeasured.connect(seen.append)
    worker.measure_disk()
    assert seen[-1].step is Step.DISK
    assert seen[-1].reason in (Reason.DISK_OK, Reason.DISK_LOW)


def test_platform_refusing_the_terminals_key_fails_the_step_and_says_whom_to_call(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (base, _standin):
        # A secret the platform does not know: every signed request is refused.
        secret = Path(base.security.terminal_secret_file)
        secret.unlink()
        load_key(secret, create=True)
        settings = with_sample_camera(base)
        kiosk = launch(
            with_staff_pin(settings), outbox_path=tmp_path / "outbox.db", clock=IN_JUNE_2026
        )
        open_self_check(kiosk)
        kiosk.click("selfCheckStart")
        wait_for(kiosk, lambda: phase(kiosk) == "stopped", timeout_ms=20_000)
        assert kiosk.ui.selfcheck is not None
        assert kiosk.ui.selfcheck.property("currentStep") == SelfCheckStep.Value.Platform
        problem = kiosk.item("selfCheckProblem").property("text")
        assert "区平台拒绝了本终端（401" in problem
        assert "联系区运维人员" in problem
        kiosk.click("selfCheckSkip")
        wait_for(kiosk, lambda: bool(kiosk.ui.selfcheck and kiosk.ui.selfcheck.property("saved")))
    store = SelfCheckStore(tmp_path / "selfcheck.db")
    kept = store.last()
    store.close()
    assert kept is not None
    assert kept.failed_steps == ("platform",)
    clock = kept.outcomes[-1]
    assert clock.reason is Reason.CLOCK_OK  # a refusal still carries the platform's clock
