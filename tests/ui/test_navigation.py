"""Navigation by real clicks: tiles, back, home, notices, language."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtQml import QQmlIncubationController

from tests.ui.driver import Driver
from ui.qmltree import find, walk


def test_home_shows_station_name_and_tiles_in_chinese(kiosk: Driver) -> None:
    texts = kiosk.texts()
    assert "西城区月坛街道白云观社区政务服务站" in texts
    for title in ("办事指南", "我要办理", "进度查询", "预约办理", "咨询"):
        assert title in texts


def test_consult_tile_opens_contacts_and_back_returns_home(kiosk: Driver) -> None:
    kiosk.click("tile_consult")
    assert kiosk.current_screen() == "consultScreen"
    texts = kiosk.texts()
    assert "12345" in texts
    assert "周一至周五 9:00–12:00，13:30–17:00" in texts
    kiosk.click("backButton")
    assert kiosk.current_screen() == "homeScreen"


def test_screen_change_on_the_software_scene_graph_is_done_at_once(kiosk: Driver) -> None:
    # A slide repaints the whole surface in each frame there (15-25 ms of the GUI thread).
    stack = find(kiosk.window, "stack")
    for name, screen in (("tile_consult", "consultScreen"), ("backButton", "homeScreen")):
        kiosk.tap(kiosk.item(name))
        kiosk.wait_until(lambda: not kiosk.window.property("building"))
        assert kiosk.current_screen() == screen
        assert stack.property("busy") is False  # no transition running


# Screens are built in the background and shown when whole (ScreenBuilder.qml).
def objects_named(kiosk: Driver, name: str) -> list[QObject]:
    """Every object of that name still alive, shown or not (after pending deletions)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [obj for obj in walk(kiosk.window) if obj.objectName() == name]


class HeldIncubation(QQmlIncubationController):
    """Builds nothing until `finish()`. With the window's own controller a small screen may
    be built whole in the first slice, before a test's next tap (a fast machine did)."""

    def finish(self) -> None:
        deadline = time.monotonic() + 10
        while self.incubatingObjectCount():
            assert time.monotonic() < deadline, "the screens held back were not built"
            self.incubateFor(50)
            QCoreApplication.processEvents()


@contextlib.contextmanager
def builds_held(kiosk: Driver) -> Iterator[HeldIncubation]:
    """Screens opened inside stay 'being built' until `finish()` or the end of the block."""
    engine = kiosk.ui.engine
    original = engine.incubationController()
    held = HeldIncubation()
    engine.setIncubationController(held)
    try:
        yield held
    finally:
        held.finish()
        engine.setIncubationController(original)


def test_a_second_tap_while_a_screen_is_built_opens_nothing_more(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    first = kiosk.item("group_0").property("name")
    with builds_held(kiosk):
        kiosk.tap(kiosk.item("group_0"))
        assert kiosk.window.property("building") is True
        kiosk.tap(kiosk.item("group_1"))  # still on screen while the first list is built
    kiosk.settle()
    assert kiosk.current_screen() == "itemListScreen"
    assert kiosk.item("listTitle").property("text") == first  # the list tapped first
    assert find(kiosk.window, "stack").property("depth") == 3
    assert len(objects_named(kiosk, "itemListScreen")) == 1


def test_back_while_a_screen_is_built_stays_and_the_screen_is_never_shown(
    kiosk: Driver,
) -> None:
    kiosk.click("tile_guides")
    with builds_held(kiosk):
        kiosk.tap(kiosk.item("group_0"))
        assert kiosk.window.property("building") is True
        kiosk.click("backButton")
        assert kiosk.current_screen() == "guidesScreen"
    assert not objects_named(kiosk, "itemListScreen")  # built meanwhile, and dropped
    kiosk.click("group_0")  # and the next tap opens it
    assert kiosk.current_screen() == "itemListScreen"


def test_the_end_of_a_session_drops_a_screen_being_built(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    with builds_held(kiosk):
        kiosk.tap(kiosk.item("group_0"))
        assert kiosk.window.property("building") is True
        kiosk.ui.shell.endSession()
    kiosk.settle()
    assert kiosk.current_screen() == "homeScreen"
    assert not objects_named(kiosk, "itemListScreen")
    assert not objects_named(kiosk, "guidesScreen")


def test_a_screen_left_is_destroyed_with_what_it_held(kiosk: Driver) -> None:
    # Built by the kiosk, not by the stack: popped, it must not be parked off screen.
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.fill("searchField", "身份证丢了")
    kiosk.click("homeButton")
    assert kiosk.current_screen() == "homeScreen"
    assert not objects_named(kiosk, "searchScreen")
    assert not [
        obj for obj in walk(kiosk.window) if "身份证丢了" in str(obj.property("text") or "")
    ]


def test_home_button_returns_home_from_any_depth(kiosk: Driver) -> None:
    kiosk.click("tile_consult")
    kiosk.click("homeButton")
    assert kiosk.current_screen() == "homeScreen"
    assert not kiosk.item("backButton").isEnabled()


def test_appointment_tile_without_a_platform_says_to_call_the_hotline(kiosk: Driver) -> None:
    kiosk.click("tile_appointment")
    assert kiosk.visible("noticeDialog")
    assert "暂时无法预约" in kiosk.texts()
    assert any("12345" in text for text in kiosk.texts())
    kiosk.click("noticeOkButton")
    assert not kiosk.visible("noticeDialog")
    assert kiosk.current_screen() == "homeScreen"


def test_progress_tile_without_a_platform_says_to_call_the_hotline(kiosk: Driver) -> None:
    kiosk.click("tile_progress")
    assert kiosk.current_screen() == "progressScreen"
    assert "12345" in kiosk.item("progressHelp").property("text")
    assert not kiosk.visible("progressNumberField")


def test_language_button_switches_every_text_to_english_and_back(kiosk: Driver) -> None:
    kiosk.click("languageButton")
    texts = kiosk.texts()
    assert "Service guides" in texts
    assert "办事指南" not in texts
    assert any("Baiyunguan Community" in text for text in texts)
    kiosk.click("languageButton")
    assert "办事指南" in kiosk.texts()


class _LanguageChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.count += 1
        return False


def test_language_switch_window_gets_no_language_change_event_texts_still_switch(
    kiosk: Driver,
) -> None:
    # Qt would walk every item of the window with such an event, twice per switch; the
    # engine's retranslate() alone brings the new texts.
    seen = _LanguageChanges()
    kiosk.window.installEventFilter(seen)
    kiosk.click("languageButton")
    kiosk.settle()
    kiosk.window.removeEventFilter(seen)
    assert seen.count == 0
    assert "Service guides" in kiosk.texts()


def test_nav_buttons_visible_on_every_screen(kiosk: Driver) -> None:
    for name in ("backButton", "homeButton"):
        assert kiosk.visible(name)
    kiosk.click("tile_consult")
    for name in ("backButton", "homeButton"):
        assert kiosk.visible(name)
        assert kiosk.item(name).isEnabled()


def test_consult_screen_follows_a_language_switch(kiosk: Driver) -> None:
    kiosk.click("tile_consult")
    kiosk.click("languageButton")
    assert any("Baiyunguan Community" in text for text in kiosk.texts())
    assert "Opening hours" in kiosk.texts()


def test_apply_tile_lists_the_items_that_can_be_applied_for_here(kiosk: Driver) -> None:
    kiosk.click("tile_apply")
    assert kiosk.current_screen() == "itemListScreen"
    listing = kiosk.ui.catalog.listing
    assert listing.rowCount() == 12  # the sample catalog's items with a form
    assert all(listing.data(listing.index(n), listing.CanApplyRole) for n in range(12))


def test_apply_without_a_platform_says_so_instead_of_starting(kiosk: Driver) -> None:
    kiosk.click("tile_apply")
    kiosk.click("itemRow_0")
    kiosk.click("applyButton")
    assert kiosk.visible("noticeDialog")
    assert kiosk.current_screen() == "guideScreen"
    assert any("12345" in text for text in kiosk.texts())
