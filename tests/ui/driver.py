"""Driving the real kiosk window the way a person would: by clicking QML items.

Imported by the conftest files of tests/ui and tests/benchmarks, which share its fixtures.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.settings import Settings
from ui.app import LANDSCAPE, PORTRAIT, KioskUi, WindowMode, build_ui
from ui.qmltree import find, find_item, walk
from ui.settle import settle


class Driver:
    """A person in front of the kiosk, plus the eyes of the test."""

    def __init__(self, ui: KioskUi, qtbot: QtBot) -> None:
        self.ui = ui
        self.qtbot = qtbot
        self.window = ui.window
        self._items: dict[str, QQuickItem] = {}

    def item(self, object_name: str) -> QQuickItem:
        """The live item with this objectName (remembered while it exists)."""
        cached = self._items.get(object_name)
        if cached is not None and shiboken6.isValid(cached):
            return cached
        found = find_item(self.window, object_name)
        self._items[object_name] = found
        return found

    def visible(self, object_name: str) -> bool:
        try:
            return self.item(object_name).isVisible()
        except LookupError:
            return False

    def click(self, object_name: str) -> None:
        item = self.item(object_name)
        assert item.isVisible(), f"{object_name} is not visible"
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        self.settle()

    def touch_anywhere(self) -> None:
        point = QPoint(self.window.width() // 2, self.window.height() // 2)
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=point)
        self.settle()

    def settle(self) -> None:
        settle(self.window)

    def texts(self) -> list[str]:
        """Every visible text on screen."""
        found = []
        for obj in walk(self.window):
            if isinstance(obj, QQuickItem) and obj.isVisible() and obj.inherits("QQuickText"):
                found.append(str(obj.property("text")))
        return found

    def current_screen(self) -> str:
        stack = find(self.window, "stack")
        current = stack.property("currentItem")
        return current.objectName() if current is not None else ""

    def wait_until(self, predicate: Callable[[], bool], timeout_ms: int = 5000) -> None:
        self.qtbot.waitUntil(predicate, timeout=timeout_ms)


def make_settings(orientation: str = "portrait", **session: float) -> Settings:
    base = Settings()
    return dataclasses.replace(
        base,
        ui=dataclasses.replace(base.ui, orientation=orientation),
        session=dataclasses.replace(base.session, **session),  # type: ignore[arg-type]
    )


@pytest.fixture
def launch(qtbot: QtBot) -> Iterator[Callable[..., Driver]]:
    """Start the kiosk with given settings; every window started is closed afterwards."""
    started: list[KioskUi] = []

    def start(settings: Settings | None = None, size: QSize | None = None) -> Driver:
        settings = settings or make_settings()
        if size is None:
            size = LANDSCAPE if settings.ui.orientation == "landscape" else PORTRAIT
        ui = build_ui(settings, WindowMode.HEADLESS, size)
        started.append(ui)
        driver = Driver(ui, qtbot)
        driver.settle()
        return driver

    yield start
    for ui in started:
        ui.close()


@pytest.fixture
def kiosk(launch: Callable[..., Driver]) -> Driver:
    return launch()
