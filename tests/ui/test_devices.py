"""Devices on screen: the staff indicator and panel, resident messages, card read masked."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from devices.idcard.device import IdCardDevice
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.idcard import IdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.status import Health, Light, Paper
from kiosk.catalog.sample import sample_document
from kiosk.health import DeviceHealth
from kiosk.services import Devices
from kiosk.settings import Settings
from kiosk.standin.server import StandIn
from tests.ui.driver import Driver, with_staff_pin
from ui.devicetypes import PrintState
from ui.stallprobe import StallProbe

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def station(
    launch: Callable[..., Driver], reader_sim: IdCardSimulator, printer_sim: PrinterSimulator
) -> Driver:
    devices = Devices(
        id_reader=IdCardDevice(reader_sim.url, command_timeout_s=0.5),
        printer=ReceiptPrinter(
            parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5
        ),
        scanner=None,
    )
    kiosk = launch(with_staff_pin(), devices=devices)
    kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
    return kiosk


def open_panel(kiosk: Driver) -> None:
    kiosk.open_staff_panel()
    assert kiosk.ui.staff.property("unlocked")


def test_indicator_shows_one_light_per_configured_device(station: Driver) -> None:
    assert station.visible("deviceLight_id_reader")
    assert station.visible("deviceLight_printer")
    assert not station.visible("deviceLight_scanner")
    assert not station.visible("deviceProblem")


def test_health_for_the_heartbeat_names_each_device_and_its_state(station: Driver) -> None:
    # Green includes "busy" (a command under way): wait for both to settle on online.
    station.wait_until(
        lambda: all(
            status is not None and status.health is Health.ONLINE
            for status in station.ui.devices.statuses().values()
            if status is not None
        )
    )
    assert station.ui.health is not None
    health = station.ui.health.station()  # what the heartbeat and the metrics say
    assert health.catalog_version == str(station.ui.catalog.version)
    assert health.devices == (
        DeviceHealth("id_reader", Health.ONLINE),
        DeviceHealth("printer", Health.ONLINE, Paper.OK),
        DeviceHealth("scanner", None),
        DeviceHealth("camera", None),
    )


def test_short_touch_on_indicator_does_not_open_panel(station: Driver) -> None:
    station.click("deviceIndicatorArea")
    assert not station.visible("devicePanel")


def test_card_read_shows_masked_identity_and_gui_never_stalls(
    station: Driver, reader_sim: IdCardSimulator
) -> None:
    open_panel(station)
    probe = StallProbe()
    probe.start()
    reader_sim.insert("resident")
    # Not station.texts() while probing: walking the whole window takes ~50 ms by itself.
    station.wait_until(lambda: bool(station.ui.devices.property("lastCard")))
    station.settle()  # the masked card drawn on the panel
    gap_ms = probe.stop()
    texts = "\n".join(station.texts())
    assert "11**************13" in texts
    assert "测**" in texts
    assert "测试甲" not in texts
    assert "110102195001010013" not in texts
    assert gap_ms < 100, f"GUI thread stalled {gap_ms:.0f} ms while the reader polled"


def test_card_read_of_the_2023_foreign_card_says_its_kind_not_a_failed_checksum(
    station: Driver, reader_sim: IdCardSimulator
) -> None:
    open_panel(station)
    reader_sim.insert("foreign_2023")
    station.wait_until(lambda: bool(station.ui.devices.property("lastCard")))
    station.settle()
    assert station.visible("lastCardUndecoded")
    texts = "\n".join(station.texts())
    assert "2023 版外国人永久居留身份证：读卡器正常，但本机暂不能读取此类证件的信息" in texts
    assert "号码校验位不正确" not in texts  # not "(number fails its check digit)"
    assert not station.visible("lastCardNumber")


def test_card_read_in_staff_mode_never_reaches_the_residents_session(
    station: Driver, reader_sim: IdCardSimulator
) -> None:
    routed: list[object] = []
    station.ui.devices.cardRead.connect(routed.append)
    open_panel(station)
    reader_sim.insert("resident")
    station.wait_until(lambda: bool(station.ui.devices.property("lastCard")))
    station.settle()
    assert routed == []  # the panel's test read: not an applicant, not a progress query
    station.ui.staff.lock()
    looked = reader_sim.empty_finds
    reader_sim.remove()
    station.wait_until(lambda: reader_sim.empty_finds > looked)  # the reader saw it go
    reader_sim.insert("elder")  # staff mode over: a resident's card goes on again
    station.wait_until(lambda: len(routed) == 1)


def test_session_end_clears_the_card_from_the_panel(
    station: Driver, reader_sim: IdCardSimulator
) -> None:
    open_panel(station)
    reader_sim.insert("elder")
    station.wait_until(lambda: bool(station.ui.devices.property("lastCard")))
    station.ui.shell.endSession()
    station.settle()
    assert station.ui.devices.property("lastCard") == {}
    assert not station.visible("devicePanel")
    assert not station.ui.staff.property("unlocked")


def test_reader_unplugged_resident_told_within_two_seconds_and_back_after_replug(
    station: Driver, reader_sim: IdCardSimulator
) -> None:
    reader_sim.fault = "unplug"
    station.wait_until(lambda: station.visible("deviceProblem"), timeout_ms=2000)
    assert any("读卡器" in text for text in station.texts())
    reader_sim.fault = ""
    station.wait_until(lambda: not station.visible("deviceProblem"), timeout_ms=5000)
    with station.qtbot.waitSignal(station.ui.devices.cardRead, timeout=5000):
        reader_sim.insert("resident")


def test_printer_paper_out_tells_resident_and_panel_says_load_paper(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    printer_sim.set_state(paper=Paper.OUT)
    station.wait_until(lambda: station.visible("deviceProblem"), timeout_ms=3000)
    assert any("缺纸" in text for text in station.texts())
    open_panel(station)
    assert any("缺纸" in text or "纸" in text for text in station.texts())
    assert not station.item("printTestButton").isEnabled()


def test_device_health_for_the_heartbeat_paper_out_and_no_scanner(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    printer_sim.set_state(paper=Paper.OUT)
    hub = station.ui.devices
    station.wait_until(lambda: hub.health()[1].paper is Paper.OUT, timeout_ms=3000)
    assert hub.health() == (
        DeviceHealth("id_reader", Health.ONLINE),
        DeviceHealth("printer", Health.HARDWARE_ERROR, Paper.OUT),
        DeviceHealth("scanner", None),  # not configured at this station
        DeviceHealth("camera", None),
    )


def test_print_test_from_panel_reaches_the_printer(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    open_panel(station)
    station.click("printTestButton")
    (job,) = printer_sim.wait_for_jobs(1)
    assert "打印测试" in job.text
    assert job.qr_payloads == ["https://zwfw.example/print-test"]


def test_printer_unplugged_resident_told_within_two_seconds(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    printer_sim.unplugged = True
    station.wait_until(lambda: station.visible("deviceProblem"), timeout_ms=2000)
    assert station.ui.devices.overall_light() is Light.RED
    printer_sim.unplugged = False
    station.wait_until(lambda: station.ui.devices.overall_light() is Light.GREEN, timeout_ms=5000)


def open_a_guide(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.item("searchField").setProperty("text", "居住证")
    kiosk.settle()
    kiosk.click("resultRow_0")
    assert kiosk.ui.catalog.guide.name == "北京市居住证申领"
    flick = kiosk.item("pageFlickable")  # the print button is at the end of the guide
    flick.setProperty("contentY", flick.property("contentHeight") - flick.height())
    kiosk.settle()


def test_print_guide_prints_short_guide_with_qr_to_the_full_one(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    open_a_guide(station)
    code = station.ui.catalog.guide.code
    station.click("printGuideButton")
    (job,) = printer_sim.wait_for_jobs(1)
    station.wait_until(lambda: station.ui.devices.print_status().printed)
    assert "北京市居住证申领" in job.text
    assert "【需带材料】" in job.text
    assert "□" in job.text
    assert job.qr_payloads == [f"https://zwfw.example/guide/{code}"]
    assert any("取走" in text for text in station.texts())


def test_print_guide_paper_out_points_to_the_qr(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    open_a_guide(station)
    printer_sim.paper_out_after = 50
    station.click("printGuideButton")
    station.wait_until(lambda: station.ui.devices.print_status().state is PrintState.Value.Failed)
    assert any("缺纸" in text and "二维码" in text for text in station.texts())


def test_print_guide_button_absent_without_printer(kiosk: Driver) -> None:
    open_a_guide(kiosk)
    assert not kiosk.visible("printGuideButton")


def test_staff_panel_shows_a_refused_catalog_and_why(launch: Callable[..., Driver]) -> None:
    with StandIn() as standin:
        standin.state.set_catalog(sample_document())
        standin.state.catalog_fault = "invalid"
        settings = Settings()
        settings = dataclasses.replace(
            settings, platform=dataclasses.replace(settings.platform, base_url=standin.url)
        )
        kiosk = launch(with_staff_pin(settings))
        kiosk.wait_until(lambda: kiosk.ui.catalog.syncState != "", timeout_ms=60_000)
    open_panel(kiosk)
    texts = "\n".join(kiosk.texts())
    assert "拒绝" in texts  # refused, the previous catalog stays
    assert kiosk.ui.catalog.syncProblems
    assert kiosk.ui.catalog.syncProblems[0] in texts
    assert "sample-2026.11" in kiosk.item("catalogVersion").property("text")
