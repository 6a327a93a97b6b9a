"""`kiosk tour`: render every screen in every layout to PNG files, headless.

Exits non-zero when a screen fails to load or Qt logs a warning along the way, so the tour
doubles as a smoke test of the whole UI, and when a screen has a target too small to tap or
a text too small to read in the mode it is shown in (ui/reach.py): the accessibility bar,
measured on every screen, in both layouts and both modes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)

from devices.status import Light
from kiosk.app.devicesetup import DemoDevices, build_devices, start_demo_devices
from kiosk.app.services import build_services
from kiosk.apply.flow import Step
from kiosk.catalog.sample import load_sample, sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.devicechoices import DeviceSetup
from kiosk.engagement.sample import sample_document as sample_engagement
from kiosk.hours import STATION_ZONE
from kiosk.keyfiles import load_key
from kiosk.knowledge.sample import sample_document as sample_knowledge
from kiosk.outbox import Outbox
from kiosk.settings import HoursSettings, MetricsSettings, Settings
from kiosk.staffpin import DEMO_PIN, DEMO_PIN_HASH
from kiosk.standin.server import StandIn
from ui.app import LANDSCAPE, PORTRAIT, KioskUi, QmlLoadError, WindowMode, build_ui
from ui.environment import prepare_qt_environment
from ui.main import create_application
from ui.qmltree import class_name, find, walk
from ui.qtlog import is_known_noise
from ui.reach import out_of_reach
from ui.selfcheckview import SelfCheckWait
from ui.settle import settle

log = logging.getLogger(__name__)


def _click(ui: KioskUi, object_name: str) -> None:
    item = find(ui.window, object_name)
    item.clicked.emit()  # type: ignore[attr-defined]


def _show(ui: KioskUi, screen: str) -> None:
    find(ui.window, "notice").setProperty("visible", False)
    ui.window.showScreen(screen)  # type: ignore[attr-defined]
    settle(ui.window)


def _home(ui: KioskUi) -> None:
    _show(ui, "home")


def _consult(ui: KioskUi) -> None:
    _show(ui, "home")
    _click(ui, "tile_consult")


def _consult_search(ui: KioskUi) -> None:
    _consult(ui)
    settle(ui.window)
    find(ui.window, "consultSearchField").setProperty("text", "身份证")


def _consult_theme(ui: KioskUi) -> None:
    _consult(ui)
    settle(ui.window)
    _click(ui, "consultTheme_1")  # the second theme (consultTheme_all is 常见问题)


def _consult_answer(ui: KioskUi) -> None:
    _consult_search(ui)
    settle(ui.window)
    _click(ui, "questionRow_0")


def _announcements(ui: KioskUi) -> None:
    """政民互动 from the home screen's strip: the open surveys, then the announcements."""
    _show(ui, "home")
    _click(ui, "newsAll")


def _announcement(ui: KioskUi) -> None:
    """A policy release opened from the list: its text and the QR code of its full text."""
    _announcements(ui)
    settle(ui.window)
    _click(ui, "announcement_1")


TOUR_SURVEY_WORDS = "希望周末也能办"


def _survey(ui: KioskUi) -> None:
    """A survey half answered: a single choice, two of a multiple choice, a few words."""
    _announcements(ui)
    settle(ui.window)
    _click(ui, "survey_1")  # the station's satisfaction survey (the first closes sooner)
    settle(ui.window)
    _click(ui, "surveyOption_1_1")
    _click(ui, "surveyOption_3_0")
    _click(ui, "surveyOption_3_4")
    find(ui.window, "surveyText_4").setProperty("text", TOUR_SURVEY_WORDS)


def _survey_unanswered(ui: KioskUi) -> None:
    """提交 with the second question left unanswered: it is named."""
    _click(ui, "surveySubmit")


def _survey_thanks(ui: KioskUi) -> None:
    _click(ui, "surveyOption_2_1")
    _click(ui, "surveySubmit")
    _wait_until(lambda: ui.engagement.property("surveyStep") == 3)  # SurveyStep.Thanks


def _guides(ui: KioskUi) -> None:
    _show(ui, "home")
    _show(ui, "guides")


def _item_list(ui: KioskUi) -> None:
    _guides(ui)
    _click(ui, "group_0")


def _guide(ui: KioskUi) -> None:
    _item_list(ui)
    settle(ui.window)
    _click(ui, "itemRow_0")


def _guide_end(ui: KioskUi) -> None:
    flickable = find(ui.window, "pageFlickable")
    height = float(flickable.property("contentHeight")) - float(flickable.property("height"))
    flickable.setProperty("contentY", max(0.0, height))


def _search(ui: KioskUi, text: str) -> None:
    _guides(ui)
    _click(ui, "openSearchButton")
    settle(ui.window)
    find(ui.window, "searchField").setProperty("text", text)


def _life_events(ui: KioskUi) -> None:
    _guides(ui)
    _click(ui, "browse_event")


def _life_event(ui: KioskUi) -> None:
    _life_events(ui)
    settle(ui.window)
    _click(ui, "group_0")


def _life_event_search(ui: KioskUi) -> None:
    _search(ui, "老了办卡")


def _search_results(ui: KioskUi) -> None:
    _search(ui, "居住证")


def _search_nothing(ui: KioskUi) -> None:
    _search(ui, "火星移民")


def _idle_warning(ui: KioskUi) -> None:
    _show(ui, "home")
    ui.idle.expire_in(12)


def _attract(ui: KioskUi) -> None:
    ui.idle.poke()
    _show(ui, "attract")


class TourClock:
    """The tour's Beijing time: Monday morning (open), moved for the closed screen."""

    MONDAY = dt.datetime(2026, 11, 30, tzinfo=STATION_ZONE)

    def __init__(self) -> None:
        self.now = self.MONDAY + dt.timedelta(hours=10)

    def __call__(self) -> dt.datetime:
        return self.now


def _set_clock(ui: KioskUi, hours: float) -> None:
    clock = ui.hours.clock
    assert isinstance(clock, TourClock), "the tour runs on its own clock"
    clock.now = TourClock.MONDAY + dt.timedelta(hours=hours)
    ui.hours.check()


def _closed(ui: KioskUi) -> None:
    """Monday 17:30, between residents: the dimmed closed screen."""
    _attract(ui)
    _set_clock(ui, 17.5)


def _english_home(ui: KioskUi) -> None:
    _set_clock(ui, 10)  # open again for the screens that follow
    _show(ui, "home")
    ui.shell.setLanguage("en")


def _english_guide(ui: KioskUi) -> None:
    _guide(ui)


STEPS: list[tuple[str, Callable[[KioskUi], None]]] = [
    ("home", _home),
    ("consult", _consult),
    ("consult-search", _consult_search),
    ("consult-theme", _consult_theme),
    ("consult-answer", _consult_answer),
    ("guides", _guides),
    ("item-list", _item_list),
    ("guide", _guide),
    ("guide-end", _guide_end),
    ("search-keyboard", _search_results),
    ("search-nothing-found", _search_nothing),
    ("life-event-list", _life_events),
    ("life-event", _life_event),
    ("life-event-materials", _guide_end),
    ("life-event-search", _life_event_search),
    ("announcement-list", _announcements),
    ("announcement-page", _announcement),
    ("survey-questions", _survey),
    ("survey-unanswered", _survey_unanswered),
    ("survey-thanks", _survey_thanks),
    ("idle-warning", _idle_warning),
    ("attract", _attract),
    ("closed", _closed),
    ("home-en", _english_home),
    ("guide-en", _english_guide),
    ("life-event-en", _life_event),
    ("consult-answer-en", _consult_answer),
    ("announcement-list-en", _announcements),
    ("announcement-page-en", _announcement),
    ("survey-questions-en", _survey),
]


def _device_steps(demo: DemoDevices) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """Screens that need the simulated devices: the staff panel after a card read, and what
    residents see when the printer runs out of paper."""

    def pin_pad(ui: KioskUi) -> None:
        ui.shell.setLanguage("zh_CN")
        _show(ui, "home")
        ui.window.openDevicePanel()  # type: ignore[attr-defined]
        _wait_until(lambda: bool(ui.staff.acceptsKeys))
        for digit in DEMO_PIN[:3]:
            ui.staff.press(digit)

    def panel(ui: KioskUi) -> None:
        for digit in DEMO_PIN[3:]:
            ui.staff.press(digit)
        ui.staff.submit()
        _wait_until(lambda: bool(ui.staff.unlocked))
        demo.command("card resident")
        _wait_until(lambda: bool(ui.devices.lastCard))

    def chooser(ui: KioskUi) -> None:
        _click(ui, "selfCheckClose")  # back to the staff panel
        ui.device_setup.openChooser("printer")
        _wait_until(lambda: not ui.device_setup.busy)

    def out_of_service(ui: KioskUi) -> None:
        ui.device_setup.close()
        ui.staff.takeOutOfService("maintenance")
        _wait_until(lambda: ui.service.current_reason() == "maintenance")
        ui.window.closeDevicePanel()  # type: ignore[attr-defined]

    def paper_out(ui: KioskUi) -> None:
        ui.window.openDevicePanel()  # type: ignore[attr-defined]
        _wait_until(lambda: bool(ui.staff.acceptsKeys))
        for digit in DEMO_PIN:
            ui.staff.press(digit)
        ui.staff.submit()
        _wait_until(lambda: bool(ui.staff.unlocked))
        ui.staff.returnToService()
        _wait_until(lambda: ui.service.current_reason() == "")
        ui.window.closeDevicePanel()  # type: ignore[attr-defined]
        # Out of service ended the session (and with it elder mode): a resident's touch
        # starts the next, in the mode of this pass of the tour.
        ui.shell.startSession()
        demo.command("card off")
        demo.command("paper out")
        _wait_until(lambda: not ui.devices.printerReady)
        _guide(ui)
        settle(ui.window)
        _guide_end(ui)

    def paper_back(ui: KioskUi) -> None:
        demo.command("paper ok")
        _wait_until(lambda: bool(ui.devices.printerReady))
        _show(ui, "home")

    def progress(ui: KioskUi) -> None:
        _show(ui, "home")
        _click(ui, "tile_progress")
        settle(ui.window)
        find(ui.window, "progressNumberField").setProperty("text", TOUR_APPLY_NO)
        find(ui.window, "progressTailField").setProperty("text", TOUR_ID_NUMBER[-4:])
        _click(ui, "progressLookupButton")
        _wait_until(lambda: _exists(ui, "progressCase_0"))

    return [
        ("staff-pin", pin_pad),
        ("device-panel", panel),
        *_self_check_steps(demo),
        ("device-chooser", chooser),
        ("out-of-service", out_of_service),
        ("printer-out-of-paper", paper_out),
        ("home-again", paper_back),
        ("progress", progress),
        *_apply_steps(demo),
    ]


def _self_check_steps(demo: DemoDevices) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """The daily self-check, opened from the staff panel: the slip waiting for the scanner,
    the platform step failed (the tour's platform is kept busy), and the result kept."""

    def self_check(ui: KioskUi) -> None:  # from the staff panel: the slip waits for the scanner
        _click(ui, "selfCheckButton")
        settle(ui.window)
        _click(ui, "selfCheckStart")
        _wait_until(lambda: _self_check_waits(ui, SelfCheckWait.Value.Scan))

    def self_check_problem(ui: KioskUi) -> None:  # the tour's platform is kept busy
        assert demo.printer is not None
        demo.command(f"scan {demo.printer.jobs[-1].qr_payloads[0]}")  # the slip just printed
        _wait_until(lambda: _self_check_waits(ui, SelfCheckWait.Value.Card))
        assert demo.id_reader is not None
        looked = demo.id_reader.empty_finds
        demo.command("card off")  # the panel's card: lifted off, and placed again
        _wait_until(lambda: demo.id_reader is not None and demo.id_reader.empty_finds > looked)
        demo.command("card resident")
        _wait_until(lambda: _self_check_phase(ui) in ("stopped", "done"))

    def self_check_done(ui: KioskUi) -> None:
        while _self_check_phase(ui) == "stopped":
            _click(ui, "selfCheckSkip")
            _wait_until(lambda: _self_check_phase(ui) != "checking")
        _wait_until(lambda: bool(ui.selfcheck and ui.selfcheck.result_saved()))

    return [
        ("self-check-scan", self_check),
        ("self-check-problem", self_check_problem),
        ("self-check-done", self_check_done),
    ]


TOUR_ITEM = "生育登记服务"


def _apply_steps(demo: DemoDevices) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """在线申报 from the item's conditions to the thanks after the rating."""

    def conditions(ui: KioskUi) -> None:
        demo.command("card off")
        _show(ui, "home")
        code = next(i.code for i in load_sample().items if i.name == TOUR_ITEM)
        ui.window.openGuide(code)  # type: ignore[attr-defined]
        ui.window.openApply(code)  # type: ignore[attr-defined]

    def identify(ui: KioskUi) -> None:
        ui.apply.next()

    def form(ui: KioskUi) -> None:
        demo.command("card resident")
        _wait_until(lambda: ui.apply.current_step() is Step.FORM)
        for key, value in (("spouse_name", "测试丙"), ("child_order", "二孩"), ("phone", "1380")):
            ui.apply.answer(key, value)
        ui.apply.next()  # shows what to fix

    def materials(ui: KioskUi) -> None:
        for key, value in (
            ("spouse_id_number", "11010219800107001X"),
            ("due_date", "2027-03-01"),
            ("phone", "13800000000"),
        ):
            ui.apply.answer(key, value)
        ui.apply.next()
        for _ in range(2):
            ui.apply.capture("夫妻双方居民身份证")
            _wait_until(lambda: not ui.apply.capturing)

    def review(ui: KioskUi) -> None:
        ui.apply.choose("结婚证", "e_licence")
        ui.apply.next()

    def consent(ui: KioskUi) -> None:
        ui.apply.next()

    def received(ui: KioskUi) -> None:
        ui.apply.next()
        _wait_until(lambda: bool(ui.apply.answered))
        _wait_until(lambda: ui.devices.print_status().printed)

    def rating(ui: KioskUi) -> None:
        ui.apply.toRating()
        settle(ui.window)
        _click(ui, "rate_2")

    def thanks(ui: KioskUi) -> None:
        _click(ui, "reason_等待时间太长")
        _click(ui, "sendRating")

    def wiped(ui: KioskUi) -> None:
        demo.command("card off")
        ui.apply.finish()

    return [
        ("apply-conditions", conditions),
        ("apply-identify", identify),
        ("apply-form", form),
        ("apply-materials", materials),
        ("apply-review", review),
        ("apply-consent", consent),
        ("apply-received", received),
        ("apply-rating", rating),
        ("apply-thanks", thanks),
        ("apply-wiped", wiped),
    ]


TOUR_BOOKING_ITEM = "居民身份证换领、补领"
TOUR_PHONE = "13812345678"


@contextlib.contextmanager
def _platform_writes(station: TourStation) -> Iterator[None]:
    """The tour's platform refuses writes (the sample submission stays 待上传); it takes
    them for a booking and 我的预约, until the answer is in."""
    station.standin.state.error_rate = 0.0
    try:
        yield
    finally:
        station.standin.state.error_rate = 1.0


def _booking_steps(station: TourStation) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """预约办理 from the list of bookable items to the printed slip."""
    demo = station.demo

    def bookable(ui: KioskUi) -> None:
        demo.command("card off")
        ui.shell.startSession()  # the application before ended its visit: the next resident
        ui.shell.setLanguage("zh_CN")
        _show(ui, "home")
        _click(ui, "tile_appointment")

    def place(ui: KioskUi) -> None:
        code = next(i.code for i in load_sample().items if i.name == TOUR_BOOKING_ITEM)
        ui.window.openBooking(code)  # type: ignore[attr-defined]
        _wait_until(lambda: _exists(ui, "bookingPlace_0"))

    def day(ui: KioskUi) -> None:
        ui.booking.choosePlace(ui.booking.place_rows.rows()[0].place_id)
        _wait_until(lambda: _exists(ui, "bookingDay_0"))

    def slot(ui: KioskUi) -> None:
        free = next(row for row in ui.booking.day_rows.rows() if row.free)
        ui.booking.chooseDay(free.date)
        _wait_until(lambda: _exists(ui, "bookingSlot_0"))

    def identify(ui: KioskUi) -> None:
        ui.booking.chooseSlot(
            next(row for row in ui.booking.slot_rows.rows() if row.remaining).slot_id
        )

    def phone(ui: KioskUi) -> None:
        demo.command("card resident")
        _wait_until(lambda: _exists(ui, "bookingPhoneField"))

    def booked(ui: KioskUi) -> None:
        with _platform_writes(station):
            ui.booking.confirm()
            _wait_until(lambda: bool(ui.booking.number))
        _wait_until(lambda: ui.devices.print_status().printed)

    def day_in_english(ui: KioskUi) -> None:
        ui.shell.setLanguage("en")
        place(ui)
        day(ui)

    return [
        ("appointment-items", bookable),
        ("appointment-place", place),
        ("appointment-day", day),
        ("appointment-slot", slot),
        ("appointment-identify", identify),
        ("appointment-phone", phone),
        ("appointment-review", lambda ui: ui.booking.enterPhone(TOUR_PHONE)),
        ("appointment-booked", booked),
        *_my_appointment_steps(station),
        ("appointment-day-en", day_in_english),
        ("appointment-slot-en", slot),
    ]


def _my_appointment_steps(station: TourStation) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """我的预约 by ID card after the booking, cancelling it, and the wipe after."""
    demo = station.demo

    def next_resident(ui: KioskUi) -> None:
        _next_resident(ui, demo)

    def mine(ui: KioskUi) -> None:
        next_resident(ui)
        ui.window.openMyAppointments()  # type: ignore[attr-defined]
        with _platform_writes(station):
            demo.command("card resident")
            _wait_until(lambda: _exists(ui, "mineAppointment_0"))

    def cancelled(ui: KioskUi) -> None:
        with _platform_writes(station):
            ui.appointments.cancel()
            _wait_until(lambda: _visible(ui, "mineNone"))

    return [
        ("appointment-mine", mine),
        (
            "appointment-cancel-confirm",
            lambda ui: ui.appointments.choose(ui.appointments.rows.rows()[0].number),
        ),
        ("appointment-cancelled", cancelled),
        ("appointment-wiped", next_resident),
    ]


TOUR_REPLY_BY = "西城区民政局"
TOUR_QUESTION = "我父亲腿脚不便，他的北京通养老助残卡丢了，可以由我代他补办吗？需要带什么？"
TOUR_REPLY = (
    "可以代办。请携带老人的居民身份证或户口簿、代办人本人的居民身份证，"
    "到户籍所在地社区政务服务站申请补办，新卡制作完成后会短信通知领取。"
)


def _question_steps(station: TourStation) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """留言咨询 from 咨询 to the printed receipt, then its answer in 进度查询."""
    demo = station.demo
    asked: dict[str, str] = {}

    def write(ui: KioskUi) -> None:
        demo.command("card off")
        ui.shell.setLanguage("zh_CN")
        _show(ui, "home")
        ui.window.openQuestion("养老助残卡丢了")  # type: ignore[attr-defined]
        settle(ui.window)
        find(ui.window, "questionText").setProperty("text", TOUR_QUESTION)

    def phone(ui: KioskUi) -> None:
        ui.question.write(TOUR_QUESTION)

    def identify(ui: KioskUi) -> None:
        ui.question.enterPhone(TOUR_PHONE)

    def review(ui: KioskUi) -> None:
        demo.command("card resident")
        _wait_until(lambda: _exists(ui, "questionReview"))

    def received(ui: KioskUi) -> None:
        with _platform_writes(station):
            ui.question.submit()
            _wait_until(lambda: bool(ui.question.settled))
        _wait_until(lambda: ui.devices.print_status().printed)
        asked["number"] = str(ui.question.property("number"))

    def answered(ui: KioskUi) -> None:
        _next_resident(ui, demo)
        _file_question(station, asked["number"])
        station.standin.store.answer_question(
            asked["number"], TOUR_REPLY, TOUR_REPLY_BY, time.time()
        )
        _show(ui, "progress")
        with _platform_writes(station):
            demo.command("card resident")  # all the holder's cases, the question among them
            _wait_until(lambda: _visible(ui, "progressReply"))

    def write_in_english(ui: KioskUi) -> None:
        write(ui)  # in Chinese, as a visit starts
        ui.shell.setLanguage("en")

    def review_in_english(ui: KioskUi) -> None:
        phone(ui)
        identify(ui)
        review(ui)

    return [
        ("consult-ask-write", write),
        ("consult-ask-phone", phone),
        ("consult-ask-identify", identify),
        ("consult-ask-review", review),
        ("consult-ask-received", received),
        ("consult-ask-answered", answered),
        ("consult-ask-write-en", write_in_english),
        ("consult-ask-review-en", review_in_english),
    ]


TOUR_VISIT_ITEM = "北京通—养老助残卡申领"


def _home_visit_steps(station: TourStation) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """上门办理 from the guide's button to the printed slip: a daughter for her father."""
    demo = station.demo

    def guide_end(ui: KioskUi) -> None:
        _next_resident(ui, demo)
        code = next(i.code for i in load_sample().items if i.name == TOUR_VISIT_ITEM)
        ui.window.openGuide(code)  # type: ignore[attr-defined]
        settle(ui.window)
        _guide_end(ui)

    def situation(ui: KioskUi) -> None:
        _click(ui, "homeVisitButton")
        settle(ui.window)
        _click(ui, "homeVisitRelation_child")
        _click(ui, "homeVisitReason_elderly")

    def identify(ui: KioskUi) -> None:
        ui.home_visit.describe("child", "elderly")

    def address(ui: KioskUi) -> None:
        demo.command("card elder")
        _wait_until(lambda: _exists(ui, "homeVisitAddressField"))

    def when(ui: KioskUi) -> None:
        ui.home_visit.enterAddress(str(ui.home_visit.property("address")))
        ui.home_visit.enterPhone(TOUR_PHONE)
        settle(ui.window)
        _click(ui, "homeVisitHalf_pm")

    def review(ui: KioskUi) -> None:
        ui.home_visit.chooseTime(ui.home_visit.day_rows.rows()[1].date, "pm")

    def received(ui: KioskUi) -> None:
        with _platform_writes(station):
            ui.home_visit.submit()
            _wait_until(lambda: bool(ui.home_visit.settled))
        _wait_until(lambda: ui.devices.print_status().printed)

    def review_in_english(ui: KioskUi) -> None:
        _next_resident(ui, demo)
        ui.shell.setLanguage("en")
        code = next(i.code for i in load_sample().items if i.name == TOUR_VISIT_ITEM)
        ui.window.openGuide(code)  # type: ignore[attr-defined]
        ui.window.openHomeVisit(code)  # type: ignore[attr-defined]
        identify(ui)
        address(ui)
        when(ui)
        review(ui)

    return [
        ("home-visit-guide", guide_end),
        ("home-visit-situation", situation),
        ("home-visit-identify", identify),
        ("home-visit-address", address),
        ("home-visit-when", when),
        ("home-visit-review", review),
        ("home-visit-received", received),
        ("home-visit-review-en", review_in_english),
    ]


def _next_resident(ui: KioskUi, demo: DemoDevices) -> None:
    """The card taken away, 完成 (wiped), and the next resident at the home screen."""
    reader = demo.id_reader
    looked = reader.empty_finds if reader else 0
    demo.command("card off")
    if reader is not None:  # the reader saw the card go: the next one is a new read
        _wait_until(lambda: reader.empty_finds > looked, 5.0)
    ui.shell.endSession()
    ui.shell.startSession()
    _show(ui, "home")


def _suggestion_steps(station: TourStation) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """为您推荐: a card placed on the home screen, where nothing waits for one."""
    demo = station.demo

    def suggestions(ui: KioskUi) -> None:
        _next_resident(ui, demo)
        demo.command("card elder")
        _wait_until(lambda: _exists(ui, "suggestionsScreen"), 10.0)

    return [("suggestions", suggestions)]


def _bundle_steps(station: TourStation) -> list[tuple[str, Callable[[KioskUi], None]]]:
    """一件事 applied for at once: 养老's two items that can be applied for here."""
    demo = station.demo

    def event(ui: KioskUi) -> None:
        _next_resident(ui, demo)
        ui.window.openLifeEvent("LE-ELDERLY")  # type: ignore[attr-defined]

    def conditions(ui: KioskUi) -> None:
        _click(ui, "eventApply")

    def form(ui: KioskUi) -> None:
        ui.apply.next()
        demo.command("card elder")
        _wait_until(lambda: ui.apply.current_step() is Step.FORM)

    def materials(ui: KioskUi) -> None:
        for key, value in (
            ("card_kind", "老年人（60周岁以上）"),
            ("result_delivery", "邮寄到家"),
            ("card_number", "6217000010001234567"),
            ("phone", "13800000000"),
        ):
            ui.apply.answer(key, value)
        ui.apply.next()
        for name in ("居民身份证", "近期一寸免冠照片（或现场拍照）", "北京通—养老助残卡"):
            ui.apply.capture(name)
            _wait_until(lambda: not ui.apply.capturing)

    def received(ui: KioskUi) -> None:
        for _ in range(3):  # review, consent, submit
            ui.apply.next()
        _wait_until(lambda: bool(ui.apply.answered))
        _wait_until(lambda: ui.devices.print_status().printed)

    return [
        ("life-event-apply", event),
        ("life-event-apply-conditions", conditions),
        ("life-event-apply-form", form),
        ("life-event-apply-materials", materials),
        ("life-event-apply-received", received),
    ]


def _file_question(station: TourStation, apply_no: str) -> None:
    """The tour's outbox is held back (its sample submission stays 待上传 for the progress
    screenshot), so the tour hands the question waiting in it to the stand-in itself, as
    the sync worker would once the platform answers."""
    settings = station.settings
    outbox = Outbox(
        station.outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
    )
    try:
        payload = outbox.pending_case(apply_no)
    finally:
        outbox.close()
    if payload is not None:
        terminal = settings.station.terminal_id
        station.standin.store.create_question(terminal, apply_no, payload, time.time())


def _visible(ui: KioskUi, object_name: str) -> bool:
    try:
        return bool(find(ui.window, object_name).property("visible"))
    except LookupError:
        return False


def _exists(ui: KioskUi, object_name: str) -> bool:
    try:
        find(ui.window, object_name)
    except LookupError:
        return False
    return True


def _wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return condition()


def _images_settled(ui: KioskUi) -> bool:
    """No asynchronous image (a page thumbnail) is still loading: a shot before would show
    it blank. (Not read from `status`: PySide6 cannot convert QQuickImageBase::Status.)"""
    return not any(
        class_name(item).startswith("QQuickImage")
        and not item.property("source").isEmpty()
        and float(item.property("progress")) < 1.0
        for item in walk(ui.window)
    )


def _devices_online(ui: KioskUi) -> bool:
    return ui.devices.overall_light() is Light.GREEN


def _self_check_phase(ui: KioskUi) -> str:
    return ui.selfcheck.current_phase().value if ui.selfcheck is not None else ""


def _self_check_waits(ui: KioskUi, wait: SelfCheckWait.Value) -> bool:
    return ui.selfcheck is not None and ui.selfcheck.waiting_for() == wait


def _wait_for_catalog(ui: KioskUi) -> bool:
    return _wait_until(lambda: bool(ui.catalog.ready))


@dataclasses.dataclass(frozen=True)
class TourStation:
    """What the tour's screens need: settings pointing at simulated devices and a platform
    stand-in with the sample catalog, a catalog store and an outbox with one submission."""

    settings: Settings
    demo: DemoDevices
    store: CatalogStore
    outbox_path: Path
    standin: StandIn


@contextlib.contextmanager
def tour_station(settings: Settings) -> Iterator[TourStation]:
    """The station of the tour, kept in a temporary folder; everything stops on leaving."""
    with tempfile.TemporaryDirectory(prefix="kiosk-tour-") as name:
        folder = Path(name)
        settings, demo = start_demo_devices(settings, folder / "receipts")
        settings = _with_tour_platform(settings, folder)
        # The tour opens the staff panel with the demo PIN, whatever the station file says.
        staff = dataclasses.replace(settings.staff, pin_hash=DEMO_PIN_HASH)
        settings = dataclasses.replace(settings, staff=staff)
        if not settings.hours.weekly:  # the closed screen needs hours: the demo station's
            settings = dataclasses.replace(settings, hours=TOUR_HOURS)
        secret = load_key(Path(settings.security.terminal_secret_file), create=False)
        try:
            with StandIn(terminals={settings.station.terminal_id: secret}) as standin:
                standin.state.set_catalog(sample_document())
                standin.state.set_knowledge(sample_knowledge())
                standin.state.set_engagement(sample_engagement())
                settings = dataclasses.replace(
                    settings,
                    platform=dataclasses.replace(settings.platform, base_url=standin.url),
                )
                _queue_sample_submission(settings, folder / "outbox.db")
                standin.state.error_rate = 1.0  # keep it 待上传 for the progress screenshot
                standin.state.retry_after_s = 3600
                yield TourStation(
                    settings,
                    demo,
                    CatalogStore(folder / "catalog.db"),
                    folder / "outbox.db",
                    standin,
                )
        finally:
            demo.stop()


def run_tour(settings: Settings, out: Path) -> int:
    """Every screen with the sample catalog, kept in a temporary store, and simulated devices."""
    prepare_qt_environment(headless=True)
    with tour_station(settings) as station:
        return _tour(station, out)


def _with_tour_platform(settings: Settings, folder: Path) -> Settings:
    """Key files of a throw-away terminal, for the stand-in the tour talks to."""
    secret, key, audit = folder / "terminal.secret", folder / "outbox.key", folder / "audit.key"
    for file in (secret, key, audit):
        load_key(file, create=True)
    security = dataclasses.replace(
        settings.security,
        terminal_secret_file=str(secret),
        outbox_key_file=str(key),
        audit_key_file=str(audit),
    )
    return dataclasses.replace(settings, security=security)


TOUR_HOURS = HoursSettings(
    weekly="Mon-Fri 09:00-12:00,13:30-17:00", blank_from="22:00", blank_until="07:00"
)
TOUR_APPLY_NO = "XC-TOUR-20261126-0001"
TOUR_ID_NUMBER = "11010519491231002X"  # docs/domain.md §5's example of a valid ID number


def _queue_sample_submission(settings: Settings, path: Path) -> None:
    """One fictional submission waiting in the outbox (shown as 待上传 on 进度查询)."""
    outbox = Outbox(path, load_key(Path(settings.security.outbox_key_file), create=False))
    if not outbox.is_pending(TOUR_APPLY_NO):
        payload = {"applyNo": TOUR_APPLY_NO, "applicant": {"idNumber": TOUR_ID_NUMBER}}
        outbox.enqueue("case", payload, apply_no=TOUR_APPLY_NO)
    outbox.close()


def start_tour_ui(station: TourStation, layout: str, size: QSize) -> tuple[KioskUi, list[str]]:
    """The kiosk window for the tour in one layout, and what went wrong starting it."""
    settings = station.settings
    services = build_services(
        settings,
        station.store,
        state_dir=station.outbox_path.parent,
        outbox_path=station.outbox_path,
        devices=build_devices(settings),
        sample_catalog=True,
        device_setup=DeviceSetup(settings, build_devices, None, extra=station.demo.candidates),
    )
    ui = build_ui(
        dataclasses.replace(
            settings,
            ui=dataclasses.replace(settings.ui, orientation=layout),
            metrics=MetricsSettings(listen=""),  # a walk through the screens, not a terminal
        ),
        WindowMode.HEADLESS,
        services,
        size=size,
        clock=TourClock(),
    )
    problems = []
    if not _wait_for_catalog(ui):
        problems.append("the catalog did not load")
    if not _wait_until(lambda: bool(ui.consult.ready)):
        problems.append("the hotline knowledge base did not load")
    if not _wait_until(lambda: bool(ui.engagement.property("newestTitle"))):
        problems.append("the announcements did not load")
    if not _wait_until(partial(_devices_online, ui)):
        problems.append("the simulated devices did not come online")
    return ui, problems


def walk_screens(ui: KioskUi, station: TourStation) -> Iterator[str]:
    """Show every screen of the tour in turn; yields its name once it is drawn."""
    steps = [
        *STEPS,
        *_device_steps(station.demo),
        *_booking_steps(station),
        *_question_steps(station),
        *_home_visit_steps(station),
        *_suggestion_steps(station),
        *_bundle_steps(station),
    ]
    for name, step in steps:
        step(ui)
        settle(ui.window)
        yield name


def _tour(station: TourStation, out: Path) -> int:
    app = create_application(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not is_known_noise(context.category, message):
            problems.append(f"{context.category}: {message}")
            print(f"tour: Qt warning: {message}", file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    shots = 0
    try:
        for layout, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
            for elder in (False, True):
                try:
                    ui, starting = start_tour_ui(station, layout, size)
                except QmlLoadError as error:
                    problems.append(str(error))
                    continue
                problems.extend(starting)
                ui.shell.setElderMode(elder)
                # A screen that ends the visit (完成) resets the mode: the next visit of
                # this pass starts in it again.
                ui.shell.sessionStarted.connect(partial(ui.shell.setElderMode, elder))
                for name in walk_screens(ui, station):
                    _wait_until(partial(_images_settled, ui), 5.0)
                    shot = f"{layout}{'-elder' if elder else ''}-{name}"
                    language = ui.shell.property("language")
                    if (language == "en") != name.endswith("-en"):  # the name says which
                        problems.append(f"{shot}: shown in {language}")
                    # In the mode the screen is shown in: between residents, the default.
                    reach = out_of_reach(ui.window, elder=bool(ui.shell.elderMode))
                    problems.extend(f"{shot}: {problem}" for problem in reach)
                    path = out / f"{shot}.png"
                    if not ui.window.grabWindow().save(str(path)):
                        problems.append(f"could not write {path}")
                    shots += 1
                ui.close()
                app.processEvents()
    finally:
        qInstallMessageHandler(previous)
    print(f"tour: {shots} screenshots in {out}")
    for problem in problems:
        print(f"tour: problem: {problem}", file=sys.stderr)
    return 1 if problems else 0
