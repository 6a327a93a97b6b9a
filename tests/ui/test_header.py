"""The header band: the station's name and the clock stay inside it in every layout."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF

from tests.ui.driver import Driver, make_settings


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elder", [False, True])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_header_name_and_clock_inside_header_without_overlap(
    launch: Callable[..., Driver], orientation: str, elder: bool, language: str
) -> None:
    kiosk = launch(make_settings(orientation))
    kiosk.ui.shell.setElderMode(elder)
    kiosk.ui.shell.setLanguage(language)
    kiosk.settle()
    header = kiosk.item("header")
    band = header.mapRectToScene(QRectF(0, 0, header.width(), header.height()))

    def rect(name: str) -> QRectF:
        item = kiosk.item(name)
        return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))

    name, clock = rect("stationName"), rect("clock")
    assert band.contains(name)
    assert band.contains(clock)
    assert name.bottom() <= clock.top() + 0.5
    assert not kiosk.item("stationName").property("truncated")
