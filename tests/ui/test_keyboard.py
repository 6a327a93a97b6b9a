"""The embedded on-screen keyboard: appears for text fields, keeps them in view, learns nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.ui.driver import Driver, make_settings
from ui.environment import pinyin_user_dictionary
from ui.qmltree import class_name, walk
from ui.reach import TARGET_PX, out_of_reach


def open_search(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)


def _scene_rect(kiosk: Driver, name: str) -> QRectF:
    item = kiosk.item(name)
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def test_keyboard_appears_for_a_text_field_and_hides_at_home(kiosk: Driver) -> None:
    assert not kiosk.keyboard_open()
    open_search(kiosk)
    assert kiosk.item("searchField").hasActiveFocus()
    kiosk.click("homeButton")
    kiosk.wait_until(lambda: not kiosk.keyboard_open())


def test_focused_field_stays_above_the_keyboard_in_both_layouts(
    launch: Callable[..., Driver],
) -> None:
    for orientation in ("portrait", "landscape"):
        kiosk = launch(make_settings(orientation))
        open_search(kiosk)
        kiosk.settle()
        field = _scene_rect(kiosk, "searchField")
        keyboard = _scene_rect(kiosk, "inputPanel")
        assert field.bottom() <= keyboard.top()
        assert field.top() >= 0


def test_keyboard_starts_in_chinese_pinyin_and_composes(kiosk: Driver) -> None:
    open_search(kiosk)
    kiosk.type_keys("shi")
    assert kiosk.item("searchField").property("preeditText") == "shi"
    assert "是" in kiosk.candidates()[:3]


def test_typed_pinyin_is_not_learned_for_the_next_resident(launch: Callable[..., Driver]) -> None:
    """A phrase composed by one resident must not be offered to the next (docs/domain.md §9).

    Composing 长 + 散 for "zhangsan" makes a phrase the system dictionary lacks; a learning
    pinyin engine offers "长散" for "zhangsan" from then on.
    """
    kiosk = launch(make_settings(idle_timeout_s=3, warning_s=1))
    open_search(kiosk)
    kiosk.type_keys("zhangsan")
    assert "长散" not in kiosk.candidates()
    kiosk.choose_candidate("长")
    kiosk.choose_candidate("散")
    assert kiosk.item("searchField").property("text") == "长散"

    kiosk.ui.idle.expire_in(0)
    kiosk.settle()
    kiosk.click("attractArea")
    open_search(kiosk)
    assert kiosk.item("searchField").property("text") == ""
    kiosk.type_keys("zhangsan")
    kiosk.wait_until(lambda: "张三" in kiosk.candidates())
    assert "长散" not in kiosk.candidates()
    dictionary = pinyin_user_dictionary()
    assert not dictionary.exists() or "长散".encode("utf-16-le") not in dictionary.read_bytes()


def test_every_text_field_is_marked_sensitive(kiosk: Driver) -> None:
    open_search(kiosk)
    hints = kiosk.item("searchField").property("inputMethodHints")
    assert Qt.InputMethodHint(hints) & Qt.InputMethodHint.ImhSensitiveData


def test_language_key_switches_to_the_english_layout(kiosk: Driver) -> None:
    open_search(kiosk)
    panel = kiosk.item("inputPanel")
    language_keys = [
        obj for obj in walk(panel)
        if class_name(obj).startswith("ChangeLanguageKey") and obj.isVisible()
    ]  # fmt: skip
    assert language_keys
    kiosk.tap(language_keys[0])
    kiosk.settle()
    kiosk.type_keys("abc")
    assert kiosk.item("searchField").property("text") == "abc"
    assert kiosk.item("searchField").property("preeditText") == ""


def test_text_field_has_no_context_menu(kiosk: Driver) -> None:
    open_search(kiosk)
    field = kiosk.item("searchField")
    centre = field.mapToScene(QRectF(0, 0, field.width(), field.height()).center()).toPoint()
    QTest.mouseClick(kiosk.window, Qt.MouseButton.RightButton, pos=centre)
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, pos=centre)
    kiosk.qtbot.wait(1200)  # a long press opens context menus on touch screens
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, pos=centre)
    kiosk.settle()
    menus = [
        obj for obj in walk(kiosk.window)
        if class_name(obj).startswith(("QQuickMenu", "QQuickPopup", "Menu"))
        and obj.property("visible")
    ]  # fmt: skip
    assert menus == []


def _short_side(items: list[QQuickItem]) -> float:
    return min(min(item.width(), item.height()) for item in items)


def test_keys_and_candidates_follow_elder_mode_in_both_layouts(
    launch: Callable[..., Driver],
) -> None:
    """The kiosk's keyboard style: every key and candidate a touch target, its label as large
    as the screens' text (ui/reach.py measures both); rows taller in elder mode."""
    for orientation in ("portrait", "landscape"):
        row_height = {}
        for elder in (False, True):
            kiosk = launch(make_settings(orientation))
            if elder:
                kiosk.click("elderButton")
            open_search(kiosk)
            kiosk.type_keys("shi")
            kiosk.wait_until(lambda kiosk=kiosk: "是" in kiosk.candidates())
            keys, candidates = kiosk.keyboard_keys(), kiosk.candidate_items()
            assert len(keys) >= 26
            assert candidates
            assert _short_side(keys) >= TARGET_PX[elder], (orientation, elder)
            assert _short_side(candidates) >= TARGET_PX[elder], (orientation, elder)
            assert out_of_reach(kiosk.window, elder=elder) == [], (orientation, elder)
            row_height[elder] = keys[0].height()
        assert row_height[True] > row_height[False], orientation


def _overflowing_labels(kiosk: Driver) -> list[str]:
    labels = [
        item for item in walk(kiosk.item("inputPanel"))
        if isinstance(item, QQuickItem) and item.objectName() == "keyLabel" and item.isVisible()
    ]  # fmt: skip
    assert len(labels) >= 30
    return [
        str(label.property("text"))
        for label in labels
        if label.property("contentWidth") > label.width() + 0.5
    ]


def test_every_key_label_fits_its_key_in_english_at_elder_sizes(
    launch: Callable[..., Driver],
) -> None:
    """The widest case: English words on the keys, elder sizes, the narrow portrait panel,
    capitals on, and the symbols page."""
    kiosk = launch(make_settings("portrait"))
    kiosk.click("languageButton")
    kiosk.click("elderButton")
    open_search(kiosk)
    assert _overflowing_labels(kiosk) == []
    kiosk.tap(kiosk.keyboard_items("ChangeLanguageKey")[0])  # English, which has a shift key
    kiosk.settle()
    kiosk.tap(kiosk.keyboard_items("ShiftKey")[0])
    kiosk.settle()
    assert _overflowing_labels(kiosk) == []
    kiosk.tap(kiosk.keyboard_items("SymbolModeKey")[0])
    kiosk.settle()
    assert _overflowing_labels(kiosk) == []
