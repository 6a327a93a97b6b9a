"""The tour's walk over every screen, for tests that check each screen as it is shown
(plain texts, English, accessible names): one station and one window, closed afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import QObject

from kiosk.settings import Settings
from ui.app import PORTRAIT, KioskUi
from ui.tour import TourStation, start_tour_ui, tour_station, walk_screens


def walk_tour(settings: Settings) -> Iterator[tuple[TourStation, KioskUi, str]]:
    """Each screen of the tour in portrait, drawn: (the station, the window, its name)."""
    with tour_station(settings) as station:
        ui, problems = start_tour_ui(station, "portrait", PORTRAIT)
        try:
            assert problems == []
            for screen in walk_screens(ui, station):
                yield station, ui, screen
        finally:
            ui.devices.stop()  # before the simulators go away
            ui.close()


def address(item: QObject) -> int:
    """The C++ object's address: Python's wrappers differ from one walk of the tree to the
    next, so sets of items are kept by it."""
    return int(shiboken6.getCppPointer(item)[0])
