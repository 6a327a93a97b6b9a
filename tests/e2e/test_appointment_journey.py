"""预约办理 through the real window, the card reader and printer simulators and the platform
stand-in over loopback: the appointment tile → an item → place → day → time → ID card →
phone → review → booked → the slip printed (its QR code decoded) → wiped; then 我的预约 by
ID card → cancel → wiped."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from devices.idcard.identity import parse_text_block
from devices.printer.status import Paper
from devices.sim.idcard import SAMPLE_CARDS
from kiosk.catalog.sample import sample_document
from kiosk.submission import ID_TYPES
from kiosk.visit import CardRoute
from tests.ui.driver import Driver, ResidentStation, resident_station

ITEM = "居民身份证换领、补领"
PHONE = "13812345678"


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[ResidentStation]:
    with resident_station(launch, tmp_path) as station:
        station[1].state.set_catalog(sample_document())  # the places come from the guides
        yield station


Station = ResidentStation


def step(kiosk: Driver) -> str:
    return str(kiosk.ui.booking.property("step"))


def open_booking(kiosk: Driver) -> None:
    kiosk.click("tile_appointment")
    assert kiosk.current_screen() == "bookableListScreen"
    rows = kiosk.ui.catalog.listing
    names = [rows.data(rows.index(n), rows.NameRole) for n in range(rows.rowCount())]
    assert "结婚登记" in names  # every bookable item, and only those
    assert "生育登记服务" not in names
    kiosk.click(f"itemRow_{names.index(ITEM)}")
    assert kiosk.current_screen() == "bookingScreen"


def choose_time(kiosk: Driver) -> None:
    """Place → the first day with a free time → its first free time. Each list is touched
    once laid out (settle): a row that just appeared may not stand yet where it is drawn."""
    kiosk.wait_until(lambda: kiosk.visible("bookingPlace_0"), 10_000)
    kiosk.settle()
    kiosk.click("bookingPlace_0")
    kiosk.wait_until(lambda: kiosk.visible("bookingDay_0"), 10_000)
    kiosk.settle()
    days = kiosk.ui.booking.day_rows.rows()
    assert len(days) == 14
    kiosk.click(f"bookingDay_{next(n for n, day in enumerate(days) if day.free)}")
    kiosk.wait_until(lambda: kiosk.visible("bookingSlot_0"), 10_000)
    kiosk.settle()
    slots = kiosk.ui.booking.slot_rows.rows()
    kiosk.click(f"bookingSlot_{next(n for n, slot in enumerate(slots) if slot.remaining)}")


def test_book_print_the_slip_then_find_and_cancel_it_by_id_card(station: Station) -> None:
    kiosk, standin, reader, printer = station
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    open_booking(kiosk)
    choose_time(kiosk)
    assert kiosk.visible("bookingCardPrompt")
    reader.insert("resident")
    kiosk.wait_until(lambda: kiosk.visible("bookingPhoneField"), 5000)
    kiosk.fill("bookingPhoneField", "1381234")  # 完成 on the number pad: too short
    assert not kiosk.item("bookingPhoneNext").property("enabled")
    assert kiosk.visible("bookingProblem")
    kiosk.fill("bookingPhoneField", PHONE)
    assert kiosk.visible("bookingReview")
    shown = kiosk.texts()
    assert any("138****5678" in text for text in shown)
    assert not any(PHONE in text or identity.id_number in text for text in shown)
    assert not any(identity.name in text for text in shown)

    kiosk.click("bookingConfirm")
    kiosk.wait_until(lambda: bool(kiosk.ui.booking.number), 10_000)
    number = kiosk.ui.booking.number
    (job,) = printer.wait_for_jobs(1)
    assert number in job.text
    assert ITEM in job.text
    assert "138****5678" in job.text
    assert identity.id_number not in job.text
    assert PHONE not in job.text
    codes = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(printer.png(job))))]
    assert codes == [number]
    kiosk.wait_until(lambda: kiosk.visible("bookingQr"), 5000)
    kiosk.wait_until(lambda: kiosk.ui.devices.print_status().printed, 5000)
    kiosk.settle()  # the screen says "take your slip" now: laid out before the next tap

    kiosk.click("bookingFinish")
    assert kiosk.visible("attractScreen")
    assert not kiosk.ui.visit.session.holds_personal_data()
    assert not any(number in text for text in kiosk.texts())

    kiosk.touch_anywhere()
    kiosk.click("tile_appointment")
    kiosk.click("myAppointmentsButton")
    assert kiosk.current_screen() == "myAppointmentsScreen"
    looked = reader.empty_finds
    reader.remove()  # taken away after booking, placed again now
    kiosk.wait_until(lambda: reader.empty_finds > looked)  # the reader saw the card go
    reader.insert("resident")
    kiosk.wait_until(lambda: kiosk.visible("mineAppointment_0"), 10_000)
    kiosk.settle()  # the list just came: laid out before the tap
    assert any(number in text for text in kiosk.texts())
    kiosk.click("mineCancel_0")
    assert kiosk.visible("mineConfirmQuestion")
    kiosk.click("mineKeep")  # changed their mind once
    assert kiosk.visible("mineCancel_0")
    kiosk.click("mineCancel_0")
    kiosk.click("mineConfirmCancel")
    kiosk.wait_until(lambda: kiosk.visible("mineNone"), 10_000)
    assert "已取消" in kiosk.item("mineNote").property("text")
    proof = {"idType": ID_TYPES[identity.kind], "idNumber": identity.id_number}
    assert standin.store.bookings.query(proof, time.time()) == {"appointments": []}

    kiosk.click("homeButton")
    kiosk.ui.shell.endSession()
    assert not kiosk.ui.visit.session.holds_personal_data()


def test_without_paper_the_number_and_its_qr_code_are_large_on_screen(station: Station) -> None:
    kiosk, _standin, reader, printer = station
    printer.set_state(paper=Paper.OUT)
    kiosk.wait_until(lambda: not kiosk.ui.devices.property("printerReady"), 5000)
    open_booking(kiosk)
    choose_time(kiosk)
    reader.insert("resident")
    kiosk.wait_until(lambda: kiosk.visible("bookingPhoneField"), 5000)
    kiosk.fill("bookingPhoneField", PHONE)
    kiosk.click("backButton")  # 返回 goes one step back within the booking: the phone again
    assert kiosk.visible("bookingPhoneField")
    kiosk.fill("bookingPhoneField", PHONE)
    kiosk.click("bookingConfirm")
    kiosk.wait_until(lambda: kiosk.visible("bookingQr"), 10_000)
    status = kiosk.item("bookingPrintStatus")
    kiosk.wait_until(lambda: "缺纸" in status.property("text"), 5000)
    number = kiosk.ui.booking.number
    assert any(text == number for text in kiosk.texts())
    assert kiosk.item("bookingQrImage").property("width") == 420  # large, to photograph
    assert "拍照" in kiosk.item("bookingFinish").property("text")


def test_the_platform_down_says_so_and_trying_again_works(station: Station) -> None:
    kiosk, standin, _reader, _printer = station
    standin.state.down = True
    open_booking(kiosk)
    kiosk.wait_until(lambda: kiosk.visible("bookingRetry"), 10_000)
    kiosk.settle()
    assert "无法连接" in kiosk.item("bookingProblem").property("text")
    standin.state.down = False
    kiosk.click("bookingRetry")
    kiosk.wait_until(lambda: kiosk.visible("bookingPlace_0"), 10_000)
    assert not kiosk.visible("bookingProblem")


def test_without_the_card_name_and_number_are_typed(station: Station) -> None:
    kiosk, _standin, _reader, printer = station
    open_booking(kiosk)
    choose_time(kiosk)
    assert kiosk.visible("bookingTypedIdentity")  # the station allows it (the default "*")
    kiosk.fill("typedName", "测试甲")
    kiosk.fill("typedIdNumber", "11010519491231002")  # one character short
    kiosk.click("typedIdentityButton")
    assert kiosk.visible("bookingProblem")
    assert kiosk.visible("bookingCardPrompt")
    kiosk.fill("typedIdNumber", "11010519491231002X")
    kiosk.click("typedIdentityButton")
    kiosk.wait_until(lambda: kiosk.visible("bookingPhoneField"), 5000)
    kiosk.fill("bookingPhoneField", PHONE)
    assert any("11**************2X" in text for text in kiosk.texts())
    kiosk.click("bookingConfirm")
    kiosk.wait_until(lambda: bool(kiosk.ui.booking.number), 10_000)
    (job,) = printer.wait_for_jobs(1)
    assert "11**************2X" in job.text
    assert "11010519491231002X" not in job.text


def test_a_session_ending_while_my_appointments_opens_leaves_no_card_awaited(
    station: Station,
) -> None:
    """我的预约 starts waiting for a card as it is built; the session ends before it is shown
    (screens are built in the background): dropped, it stops waiting as if popped, and the
    next resident's card is not taken for it."""
    kiosk, _standin, _reader, _printer = station
    kiosk.click("tile_appointment")
    kiosk.click("myAppointmentsButton")  # built once: compiled, the next build is quick
    kiosk.click("backButton")
    assert kiosk.ui.appointments.property("step") == 0
    kiosk.ui.window.openMyAppointments()  # type: ignore[attr-defined]  (as its button does)
    assert kiosk.window.property("building") is True
    kiosk.ui.shell.endSession()  # before any event: the screen is still being built
    incubation = kiosk.ui.engine.incubationController()
    kiosk.wait_until(lambda: incubation.incubatingObjectCount() == 0)  # built, then dropped
    kiosk.settle()
    assert kiosk.current_screen() == "homeScreen"
    assert kiosk.ui.visit.session.route_card() is not CardRoute.MY_APPOINTMENTS
    assert kiosk.ui.appointments.property("step") == 0  # MineStep.NoStep
