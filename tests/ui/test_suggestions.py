"""为您推荐: an ID card placed while no screen waits for one offers items by the holder's age
(the catalog's published rules), through the card reader simulator; the age goes with the
session, and nothing of the card is shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from devices.idcard.device import IdCardDevice
from devices.sim.idcard import IdCardSimulator
from kiosk.services import Devices
from tests.ui.driver import Driver

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def station(launch: Callable[..., Driver], reader_sim: IdCardSimulator) -> Driver:
    devices = Devices(
        id_reader=IdCardDevice(reader_sim.url, command_timeout_s=0.5), printer=None, scanner=None
    )
    return launch(devices=devices)


def test_a_card_on_the_home_screen_offers_items_for_its_age_then_goes(
    station: Driver, reader_sim: IdCardSimulator
) -> None:
    reader_sim.insert("elder")  # born 1940: over 80
    station.wait_until(lambda: station.current_screen() == "suggestionsScreen")
    station.settle()
    texts = "\n".join(station.texts())
    assert "为您推荐" in texts
    assert "年满80周岁" in texts
    assert "年满60周岁" in texts
    assert station.item("suggestion_0").property("name") == "北京市老年人高龄津贴申领"
    assert "测试乙" not in texts  # the holder's name is not shown, nor the number
    assert "1940" not in texts
    assert station.ui.visit.session.suggestions.age is not None
    station.click("suggestion_0")
    assert station.current_screen() == "guideScreen"
    station.ui.shell.endSession()
    station.settle()
    assert station.ui.visit.session.suggestions.age is None
    assert station.ui.catalog.suggestions.rowCount() == 0
