"""Item 5: a sync worker that cannot start is seen — by staff on the panel with the reason,
by residents as a plain notice — instead of silently never delivering."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.catalog.sample import load_sample
from tests.ui.driver import (  # noqa: F401 - fixtures used by name
    Driver,
    catalog_store,
    launch,
    platform_station,
    sample_store_file,
    with_staff_pin,
)


def open_panel(kiosk: Driver) -> None:
    kiosk.open_staff_panel()
    kiosk.wait_until(lambda: kiosk.visible("devicePanel"))


@pytest.mark.parametrize("fault", ["terminal_secret_missing", "outbox_unusable"])
def test_sync_worker_start_failure_staff_see_reason_residents_see_notice(
    launch: Callable[..., Driver],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    fault: str,
) -> None:
    with platform_station(tmp_path) as (settings, standin):
        outbox_path = tmp_path / "outbox.db"
        if fault == "terminal_secret_missing":
            Path(settings.security.terminal_secret_file).unlink()
        else:  # an outbox database that is no database
            outbox_path.write_bytes(b"this is not an SQLite database" * 100)
        kiosk = launch(with_staff_pin(settings), outbox_path=outbox_path)
        assert kiosk.ui.outbox is not None
        kiosk.wait_until(lambda: kiosk.ui.outbox.property("problem") != "", timeout_ms=10_000)

        # residents: a plain sentence under the header, and no application begun
        kiosk.wait_until(lambda: kiosk.visible("deviceProblem"))
        banner = kiosk.item("deviceProblem").property("text")
        assert "工作人员" in banner
        code = next(i.code for i in load_sample().items if i.name == "生育登记服务")
        kiosk.ui.window.openGuide(code)  # type: ignore[attr-defined]
        kiosk.ui.window.openApply(code)  # type: ignore[attr-defined]
        kiosk.settle()
        assert kiosk.current_screen() != "applyScreen"
        assert kiosk.visible("noticeDialog")
        kiosk.click("noticeOkButton")

        # staff: the reason on the panel
        open_panel(kiosk)
        kiosk.wait_until(lambda: kiosk.visible("outboxProblem"))
        shown = kiosk.item("outboxProblem").property("text")
        assert kiosk.ui.outbox.property("problem") in shown
        assert standin.store.case_count() == 0


def test_sync_worker_running_no_notice_for_residents(
    launch: Callable[..., Driver],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    with platform_station(tmp_path) as (settings, _):
        kiosk = launch(settings, outbox_path=tmp_path / "outbox.db")
        assert kiosk.ui.outbox is not None
        kiosk.wait_until(lambda: kiosk.ui.outbox.property("depth") == 0)
        kiosk.settle()
        assert kiosk.ui.outbox.property("problem") == ""
        assert not kiosk.visible("deviceProblem")
