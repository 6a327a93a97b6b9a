"""The district's anonymous usage figures, counted where a resident acts in the real window
(a guide opened from a list and from a search result, an application submitted, a rating
given), kept by the sync worker and sent to the platform stand-in once, after a heartbeat."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.usage import UsageStore, local_day
from tests.e2e.test_apply_journey import ITEM, Station, _station, reach_consent, step
from tests.ui.driver import Driver

SEARCH_TEXT = "生育登记"  # what the resident types: counted as "searched", never kept


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    yield from _station(launch, tmp_path, typed_identity_items="*")


def test_usage_figures_counted_in_the_window_reach_the_platform_once(
    station: Station, tmp_path: Path
) -> None:
    kiosk, standin, reader, _printer = station
    day = local_day(time.time())
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.item("searchField").setProperty("text", SEARCH_TEXT)
    kiosk.settle()
    found = kiosk.item("resultRow_0")
    assert found.property("name") == ITEM
    code = str(found.property("code"))
    kiosk.click("resultRow_0")  # viewed, searched
    assert kiosk.current_screen() == "guideScreen"
    kiosk.ui.idle.expire_in(0)  # the visit ends: its figures go to disk
    kiosk.settle()
    kiosk.wait_until(lambda: len(UsageStore(tmp_path / "usage.db").figures()) == 1)
    kiosk.touch_anywhere()

    reach_consent(kiosk, reader)  # viewed (from the list of items)
    kiosk.click("applyNextButton")  # 同意并提交: applied
    kiosk.wait_until(lambda: step(kiosk) == "rating", 15_000)
    kiosk.click("rate_5")
    kiosk.click("sendRating")  # rated
    assert step(kiosk) == "thanks"
    kiosk.click("finishButton")
    assert kiosk.ui.outbox is not None
    assert kiosk.ui.health is not None
    kiosk.ui.outbox.heartbeat(kiosk.ui.health.station())
    terminal_id = "XC-DEMO-0001"
    kiosk.wait_until(lambda: standin.store.usage(terminal_id) != {}, 10_000)
    assert standin.store.usage(terminal_id) == {(day, code): (2, 1, 1, 1)}
    kiosk.wait_until(lambda: UsageStore(tmp_path / "usage.db").take_batch() is None)

    with closing(sqlite3.connect(tmp_path / "usage.db")) as db:
        assert db.execute("SELECT COUNT(*) FROM usage_count").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM usage_batch").fetchone() == (0,)
    on_disk = b""
    for path in tmp_path.glob("usage.db*"):
        # The sync worker may close the store meanwhile, and SQLite then removes its -wal.
        with contextlib.suppress(FileNotFoundError):
            on_disk += path.read_bytes()
    assert SEARCH_TEXT.encode() not in on_disk
