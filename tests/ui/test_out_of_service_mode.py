"""Out of service on the kiosk's own screen: by staff with a reason, or by itself without a
catalog; residents see the hotline and stations; back in service by staff or by itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.catalog.sample import sample_document
from kiosk.catalog.store import CatalogStore
from tests.ui.driver import Driver, platform_station, with_staff_pin

pytestmark = pytest.mark.usefixtures("qapp")


def test_staff_take_the_kiosk_out_of_service_and_back(launch: Callable[..., Driver]) -> None:
    kiosk = launch(with_staff_pin())
    assert not kiosk.visible("outOfServiceScreen")
    kiosk.open_staff_panel()
    kiosk.click("outOfService_maintenance")
    kiosk.wait_until(lambda: kiosk.ui.service.property("reason") == "maintenance")
    assert not kiosk.visible("devicePanel")  # staff mode ends with the session it was in

    # Residents see why, the hotline and the nearby stations; no staff controls.
    assert kiosk.visible("outOfServiceScreen")
    texts = kiosk.texts()
    assert "工作人员正在维护本机。" in texts  # the station’s language by default
    assert kiosk.ui.shell.property("hotline") in texts
    assert not kiosk.visible("backInServiceButton")
    assert not kiosk.visible("devicePanel")

    # The guides stay readable; applications wait.
    kiosk.click("outOfServiceGuidesButton")
    assert kiosk.current_screen() == "guidesScreen"
    assert not kiosk.visible("outOfServiceScreen")

    # A restart keeps it out of service: staff said so, not a passing fault.
    again = launch(with_staff_pin())
    again.wait_until(lambda: again.ui.service.property("reason") == "maintenance")
    assert again.visible("outOfServiceScreen")
    again.open_staff_panel()
    again.click("backInServiceButton")
    again.wait_until(lambda: again.ui.service.property("reason") == "")
    again.click("devicePanelClose")
    assert not again.visible("outOfServiceScreen")
    assert again.ui.service.out_of_service() is None


def test_out_of_service_is_in_the_heartbeat_with_reason_and_time(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(with_staff_pin())
    kiosk.open_staff_panel()
    kiosk.click("outOfService_device-fault")
    kiosk.wait_until(lambda: kiosk.ui.service.out_of_service() is not None)
    state = kiosk.ui.service.out_of_service()
    assert state is not None
    assert state.reason == "device-fault"
    assert state.since > 0


def test_without_a_catalog_the_kiosk_goes_out_of_service_by_itself_and_comes_back(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, standin):  # a platform with no catalog yet
        kiosk = launch(settings, store=CatalogStore(tmp_path / "empty.db"))
        kiosk.wait_until(lambda: kiosk.ui.service.property("reason") == "no-catalog", 20_000)
        assert kiosk.visible("outOfServiceScreen")
        assert not kiosk.visible("outOfServiceGuidesButton")  # no guides to read
        assert not kiosk.visible("attractScreen")
        # The platform publishes its catalog; the next sync takes it: serving again.
        standin.state.set_catalog(sample_document())
        kiosk.ui.catalog_service.sync_now()
        kiosk.wait_until(lambda: kiosk.ui.service.property("reason") == "", 20_000)
        assert not kiosk.visible("outOfServiceScreen")
        assert kiosk.ui.service.out_of_service() is None


def test_out_of_service_by_staff_reaches_the_platform_in_the_heartbeat(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, standin):
        standin.state.set_catalog(sample_document())
        kiosk = launch(with_staff_pin(settings), outbox_path=tmp_path / "outbox.db")
        kiosk.open_staff_panel()
        kiosk.click("outOfService_staff-absent")
        kiosk.wait_until(lambda: kiosk.ui.service.current_reason() == "staff-absent")
        # At once, not at the next 5-minute heartbeat.
        terminal = settings.station.terminal_id
        kiosk.wait_until(lambda: standin.store.out_of_service(terminal) is not None, 10_000)
        assert standin.store.out_of_service(terminal)["reason"] == "staff-absent"  # type: ignore[index]
        kiosk.open_staff_panel()
        kiosk.click("backInServiceButton")
        kiosk.wait_until(lambda: standin.store.out_of_service(terminal) is None, 10_000)


def test_out_of_service_mid_session_wipes_what_the_resident_left(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(with_staff_pin())
    kiosk.click("tile_progress")
    assert kiosk.current_screen() == "progressScreen"
    kiosk.open_staff_panel()
    kiosk.click("outOfService_device-fault")
    kiosk.wait_until(lambda: kiosk.ui.service.current_reason() == "device-fault")
    assert not kiosk.visible("devicePanel")  # staff mode ended with the session
    assert not kiosk.ui.staff.property("unlocked")
    kiosk.click("outOfServiceGuidesButton")
    assert kiosk.current_screen() == "guidesScreen"
    kiosk.click("backButton")
    assert kiosk.current_screen() == "homeScreen"  # not the previous resident's progress


def test_staff_mode_opened_out_of_service_ends_by_itself(launch: Callable[..., Driver]) -> None:
    kiosk = launch(with_staff_pin())
    kiosk.open_staff_panel()
    kiosk.click("outOfService_maintenance")
    kiosk.wait_until(lambda: kiosk.ui.service.current_reason() == "maintenance")
    assert not kiosk.ui.idle.property("running")  # no session: the out-of-service screen
    kiosk.open_staff_panel()  # from the out-of-service screen's lights
    assert kiosk.ui.staff.property("unlocked")
    assert kiosk.ui.idle.property("running")
    kiosk.ui.idle.expire_in(0)  # staff walked away
    kiosk.settle()
    assert not kiosk.ui.staff.property("unlocked")
    assert not kiosk.visible("devicePanel")
    assert kiosk.visible("outOfServiceScreen")
