"""Every text on every screen of the tour is plain text: none reads markup."""

from __future__ import annotations

import pytest

from kiosk.settings import Settings
from tests.security.screen import not_plain
from ui.app import PORTRAIT
from ui.tour import start_tour_ui, tour_station, walk_screens


@pytest.mark.usefixtures("qapp")
def test_tour_every_screen_every_text_item_is_plain_text() -> None:
    offenders: dict[str, list[str]] = {}
    with tour_station(Settings()) as station:
        ui, problems = start_tour_ui(station, "portrait", PORTRAIT)
        try:
            assert problems == []
            screens = []
            for screen in walk_screens(ui, station.demo):
                screens.append(screen)
                if found := not_plain(ui.engine, ui.window):
                    offenders[screen] = found
        finally:
            ui.devices.stop()  # before the simulators go away
            ui.close()
    assert "apply-review" in screens  # the walk went all the way
    assert offenders == {}
