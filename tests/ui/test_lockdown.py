"""`kiosk run` locks the window down; `kiosk demo` does not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.catalog.store import CatalogStore
from kiosk.services import Services
from tests.ui.driver import make_settings
from tests.ui.lockdownkeys import ESCAPE_KEYS, KEYS_WITHOUT_TEXT, press_every_escape_key
from ui.app import KioskUi, WindowMode, build_ui


@pytest.fixture
def locked(qtbot: QtBot, catalog_store: CatalogStore) -> Iterator[KioskUi]:
    ui = build_ui(
        make_settings(), WindowMode.FULLSCREEN, Services(catalog_store, sample_catalog=True)
    )
    yield ui
    QGuiApplication.restoreOverrideCursor()
    ui.close()


def test_run_mode_is_fullscreen_frameless_and_on_top(locked: KioskUi) -> None:
    flags = locked.window.flags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert locked.window.visibility() == locked.window.Visibility.FullScreen


def test_run_mode_refuses_to_close(locked: KioskUi) -> None:
    locked.window.close()
    assert locked.window.isVisible()


def test_run_mode_hides_the_cursor(locked: KioskUi) -> None:
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None
    assert cursor.shape() == Qt.CursorShape.BlankCursor


def test_demo_window_closes_normally(qtbot: QtBot, catalog_store: CatalogStore) -> None:
    ui = build_ui(make_settings(), WindowMode.WINDOW, Services(catalog_store, sample_catalog=True))
    ui.window.close()
    assert not ui.window.isVisible()
    ui.close()


@KEYS_WITHOUT_TEXT
def test_run_mode_hardware_keyboard_finds_no_way_out(locked: KioskUi) -> None:
    assert len(ESCAPE_KEYS) >= 40
    assert press_every_escape_key(locked.window) == []
    assert locked.window.isVisible()


@KEYS_WITHOUT_TEXT
def test_escape_key_check_catches_a_window_that_is_not_locked_down(
    qtbot: QtBot, catalog_store: CatalogStore
) -> None:
    ui = build_ui(make_settings(), WindowMode.WINDOW, Services(catalog_store, sample_catalog=True))
    try:
        assert press_every_escape_key(ui.window) != []  # the check itself can fail
    finally:
        ui.close()
