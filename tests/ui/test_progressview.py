"""The progress screen (ui/progressview.py) with a card the kiosk cannot decode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from devices.idcard.device import IdCardDevice
from devices.sim.idcard import IdCardSimulator
from devices.status import Light
from kiosk.services import Devices
from tests.ui.driver import Driver, platform_station


def test_progress_by_a_2023_foreign_card_asks_nothing_and_says_why(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, standin), IdCardSimulator() as reader:
        devices = Devices(IdCardDevice(reader.url), None, None)
        kiosk = launch(settings, devices=devices)
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
        kiosk.click("tile_progress")
        assert kiosk.current_screen() == "progressScreen"
        reader.insert("foreign_2023")
        kiosk.wait_until(
            lambda: any(
                "暂不能读取此类证件（2023 版外国人永久居留身份证）" in t for t in kiosk.texts()
            ),
            timeout_ms=10_000,
        )
        assert not any("/cases/query" in request for request in standin.state.requests)
        kiosk.ui.devices.stop()  # before the simulator goes away
