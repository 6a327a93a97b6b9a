"""The catalog service (ui/catalogworker.py): its sync timer, each period drawn anew within
the jitter of kiosk/cadence.py so that terminals started together drift apart; and the
replaced catalogs it frees."""

from __future__ import annotations

import sys
import threading
import time
import weakref
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.cadence import JITTER
from kiosk.catalog.library import CatalogLibrary
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.syncjob import SyncOutcome
from kiosk.release import release
from kiosk.settings import PlatformSettings
from tests.security.dripserver import drip
from ui.catalogworker import CatalogService

PERIOD_MS = 60_000  # catalog_sync_minutes = 1


def test_sync_timer_is_rearmed_each_time_within_the_jitter_of_its_period(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service = CatalogService(
        CatalogStore(tmp_path / "catalog.db"),
        PlatformSettings(catalog_sync_minutes=1),  # no address: a sync returns at once
        use_sample=False,
    )
    service.start()
    try:
        timer = service._timer
        intervals = []
        for _ in range(4):
            assert timer.isSingleShot()
            assert timer.isActive()
            intervals.append(timer.interval())
            timer.start(1)  # run out now: it syncs and arms itself again
            qtbot.waitUntil(lambda: timer.interval() > 1, timeout=5_000)
        low, high = PERIOD_MS * (1 - JITTER), PERIOD_MS * (1 + JITTER)
        assert all(low <= interval <= high for interval in intervals)
        assert len(set(intervals)) > 1  # drawn anew, not one fixed period
    finally:
        service.stop()


def test_a_retired_catalog_is_freed_on_the_catalog_thread_by_release(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service = CatalogService(
        CatalogStore(tmp_path / "catalog.db"), PlatformSettings(), use_sample=True
    )
    received: list[object] = []
    service.libraryReady.connect(received.append)
    freed_by: list[tuple[bool, bool]] = []  # (on the GUI thread, inside kiosk/release.py)

    def freed(_ref: object) -> None:
        frame, in_release = sys._getframe(), False
        while frame is not None:
            in_release = in_release or frame.f_code is release.__code__
            frame = frame.f_back  # type: ignore[assignment]
        freed_by.append((threading.current_thread() is threading.main_thread(), in_release))

    service.start()
    try:
        qtbot.waitUntil(lambda: bool(received), timeout=10_000)
        library = received.pop()
        assert isinstance(library, CatalogLibrary)
        gone = weakref.ref(library, freed)
        service.retire(library)
        del library
        qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
        assert freed_by == [(False, True)]
        assert service._worker._retired == []
    finally:
        service.stop()


def test_stop_during_a_sync_ends_the_sync_child_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    """A platform that sends its catalog a byte every 0.5 s: the kiosk's stop ends the sync
    child instead of waiting for it (up to its 600 s deadline)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n"
    arrived = threading.Event()
    with drip(head, b" " * 60, every_s=0.5, arrived=arrived) as url:
        service = CatalogService(
            CatalogStore(tmp_path / "catalog.db"), PlatformSettings(base_url=url), use_sample=False
        )
        synced: list[SyncOutcome] = []
        service.synced.connect(synced.append)
        service.start()
        try:
            service.sync_now()
            qtbot.waitUntil(arrived.is_set, timeout=20_000)  # the child reads the answer
            assert synced == []
        finally:
            stopped = time.monotonic()
            service.stop()
            took = time.monotonic() - stopped
    assert took < 2.0
