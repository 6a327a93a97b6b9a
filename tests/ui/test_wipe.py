"""At the end of a session nothing the resident entered is left anywhere in the UI."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.driver import Driver, make_settings
from ui.qmltree import walk

MARKERS = ("长散", "zhangsan")
VALUE_TYPES = frozenset(
    {"QString", "QVariant", "QVariantList", "QVariantMap", "QStringList", "QJSValue", "QUrl"}
)


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    if depth > 4 or value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, depth + 1)


def _model_strings(model: QAbstractItemModel) -> Iterator[str]:
    roles = list(model.roleNames()) or [Qt.ItemDataRole.DisplayRole]
    for row in range(min(model.rowCount(), 500)):
        index = model.index(row, 0)
        for role in roles:
            yield from _strings(model.data(index, role))


def leftovers(kiosk: Driver) -> list[str]:
    """Every property of every object reachable from the window and the view models."""
    found: list[str] = []
    roots: list[QObject] = [kiosk.window, kiosk.ui.engine]
    for root in roots:
        for obj in walk(root):
            meta = obj.metaObject()
            texts: list[str] = []
            for index in range(meta.propertyCount()):
                prop = meta.property(index)
                if prop.typeName() not in VALUE_TYPES:
                    continue  # objects are walked; other types cannot hold typed text
                name = prop.name()
                try:
                    texts.extend(_strings(obj.property(name)))
                except (RuntimeError, TypeError, ValueError):
                    continue
            if isinstance(obj, QAbstractItemModel):
                texts.extend(_model_strings(obj))
            for text in texts:
                if any(marker in text for marker in MARKERS):
                    found.append(f"{meta.className()} {obj.objectName()!r}: {text[:60]!r}")
    clipboard = QGuiApplication.clipboard().text()
    if any(marker in clipboard for marker in MARKERS):
        found.append("clipboard")
    return found


def test_session_end_leaves_nothing_the_resident_typed(launch: Callable[..., Driver]) -> None:
    kiosk = launch(make_settings(idle_timeout_s=3, warning_s=1))
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    kiosk.type_keys("zhangsan")
    kiosk.choose_candidate("长")
    kiosk.choose_candidate("散")
    kiosk.type_keys("zhangsan")  # left composing, as a resident walking away would
    QGuiApplication.clipboard().setText("长散")
    assert leftovers(kiosk), "the scan must see the typed text while the session runs"

    kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=8000)
    kiosk.settle()
    assert leftovers(kiosk) == []
    assert not kiosk.keyboard_open()


def test_session_end_puts_the_keyboard_back_to_chinese(launch: Callable[..., Driver]) -> None:
    kiosk = launch(make_settings(idle_timeout_s=3, warning_s=1))
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    language_key = next(
        obj
        for obj in walk(kiosk.item("inputPanel"))
        if obj.metaObject().className().startswith("ChangeLanguageKey") and obj.isVisible()
    )
    kiosk.tap(language_key)
    kiosk.type_keys("ab")
    assert kiosk.item("searchField").property("text") == "ab"
    kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=8000)
    kiosk.click("attractArea")
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    kiosk.type_keys("shi")
    assert kiosk.item("searchField").property("preeditText") == "shi"
