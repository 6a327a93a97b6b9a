"""Loads, stores and syncs the catalog, the hotline knowledge base and the announcements
and surveys on their own thread, never on the GUI thread."""

from __future__ import annotations

import gc
import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kiosk.cadence import next_in
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.syncjob import SyncChildren, SyncOutcome, sync_in_subprocess
from kiosk.district.signing import Credentials
from kiosk.release import release
from kiosk.settings import PlatformSettings

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.district.client import PlatformClient
    from kiosk.engagement.store import EngagementStore
    from kiosk.knowledge.store import KnowledgeStore

    _SideStore = KnowledgeStore | EngagementStore

log = logging.getLogger(__name__)

# How long a replaced snapshot waits before it is let go of (CatalogWorker.retire).
RELEASE_AFTER_MS = 500
STOP_WAIT_MS = 10_000  # a stop's wait for the thread, once its network work is ended

_T = TypeVar("_T")


class CatalogWorker(QObject):
    """Lives on the catalog thread; handles one request at a time.

    Signals:
        libraryReady(CatalogLibrary): a catalog is ready to show (immutable snapshot).
        problem(str): what staff should know, e.g. no catalog could be loaded.
        noCatalog: none is stored and the platform sent none: residents cannot be served.
        knowledgeReady(KnowledgeLibrary): a knowledge base is ready to show.
        engagementReady(Engagement): announcements and surveys are ready to show.
    """

    libraryReady = Signal(object)
    knowledgeReady = Signal(object)
    engagementReady = Signal(object)
    synced = Signal(object)
    problem = Signal(str)
    noCatalog = Signal()

    def __init__(
        self,
        store: CatalogStore,
        platform: PlatformSettings,
        use_sample: bool,
        *,
        credentials: Credentials | None = None,
        connect: Callable[[], PlatformClient] | None = None,
        knowledge_path: Path | None = None,
        engagement_path: Path | None = None,
    ) -> None:
        """`credentials` sign the catalog sync (made in a child process); `connect` makes
        the client that reports missed searches (None: they are not reported);
        `knowledge_path` keeps the knowledge base, `engagement_path` the announcements and
        surveys (None: the station has none)."""
        super().__init__()
        self._store = store
        self._platform = platform
        self._use_sample = use_sample
        self._credentials = credentials
        self._connect = connect
        self._has_library = False
        self._retired: list[object] = []  # replaced snapshots, until `_release_retired`
        # What a stop must end at once (hang_up, from the GUI thread).
        self._children = SyncChildren()
        self._reporting: PlatformClient | None = None
        self._hung_up = False
        # The documents synced beside the catalog (kiosk.catalog.sync.FEEDS keys), in order.
        paths = {"knowledge": knowledge_path, "engagement": engagement_path}
        self._side_paths = {feed: path for feed, path in paths.items() if path is not None}
        self._side: dict[str, _SideStore] = {}

    @Slot()
    def start(self) -> None:
        """Show the stored catalog and the documents beside it at once, then ask the
        platform for newer ones."""
        self._emit_active()
        for feed in self._side_paths:
            self._open_side(feed)
        self.sync()
        if not self._has_library and self._use_sample:
            from kiosk.catalog.sample import load_sample  # on the worker: not at start-up

            log.info("no catalog from store or platform: using the sample catalog")
            self._store.save(load_sample())
            self._emit_active()
        if not self._has_library:
            self.problem.emit("no catalog is stored yet and the platform has not sent one")
            self.noCatalog.emit()
        for feed, store in self._side.items():
            if self._use_sample and not store.active_version():
                log.info("no %s from store or platform: using the sample", feed)
                store.save(_side_parts(feed)[1]())
                self._emit_side(feed)

    def _open_side(self, feed: str) -> None:
        """Open the store of a document beside the catalog and show what it holds."""
        self._side[feed] = _side_parts(feed)[0](self._side_paths[feed])
        self._emit_side(feed)

    @Slot()
    def sync(self) -> None:
        if not self._platform.base_url:
            return
        outcome = self._run_sync(self._store.path, "catalog")
        self.synced.emit(outcome)
        if outcome.changed:
            self._emit_active()
        for feed, store in self._side.items():
            if self._hung_up:
                return
            if self._run_sync(store.path, feed).changed:
                self._emit_side(feed)

    def hang_up(self) -> None:
        """From the GUI thread, as the kiosk stops: a sync child in flight ends now, and so
        does a report of missed searches; nothing else starts. A stop would otherwise wait
        for them, up to a sync's 600 s deadline."""
        self._hung_up = True
        self._children.stop()
        client = self._reporting
        if client is not None:
            client.hang_up()

    def _run_sync(self, store_path: Path, feed: str) -> SyncOutcome:
        try:
            outcome = sync_in_subprocess(
                store_path,
                self._platform.base_url,
                max_bytes=self._platform.catalog_max_mb * 1024 * 1024,
                credentials=self._credentials,
                feed=feed,
                children=self._children,
            )
        except Exception as error:  # the worker must survive to try again next time
            log.exception("%s sync failed unexpectedly", feed)
            outcome = SyncOutcome("failed", f"unexpected error: {type(error).__name__}")
        log.info("%s sync: %s (%s)", feed, outcome.status, outcome.detail)
        return outcome

    def _emit_side(self, feed: str) -> None:
        loaded = load_frozen(self._side[feed].load_active)
        if loaded is None:
            return
        log.info("%s %s loaded", feed, loaded.version)
        (self.knowledgeReady if feed == "knowledge" else self.engagementReady).emit(loaded)

    @Slot(object)
    def retire(self, replaced: object) -> None:
        """Let go of a replaced snapshot (a catalog, a knowledge base) here, a container at a
        time (kiosk/release.py). Freed in one go, its ~40,000 containers (some 220,000
        objects) hold the GIL for 11-17 ms, and with it the GUI thread, whichever thread
        lets go.

        The release waits `RELEASE_AFTER_MS`: the queued call that brought `replaced` holds
        it until this slot returns, and the GUI thread, which has just swapped in the new
        snapshot, is rebuilding its lists; walking the old one meanwhile would compete with
        that for the GIL.
        """
        self._retired.append(replaced)
        del replaced
        QTimer.singleShot(RELEASE_AFTER_MS, self, self._release_retired)

    @Slot()
    def _release_retired(self) -> None:
        release(self._retired)

    @Slot(str)
    def record_miss(self, term: str) -> None:
        self._store.record_search_miss(term)

    @Slot()
    def report_misses(self) -> None:
        """Send the anonymous missed-search counts (on the sync timer, never at start-up)."""
        if self._connect is None:
            return
        from kiosk.catalog.misses import report_search_misses  # imports requests
        from kiosk.district.urls import PlatformAddressError
        from kiosk.keyfiles import KeyFileError

        if self._hung_up:
            return
        try:
            client = self._connect()
        except (KeyFileError, PlatformAddressError) as error:
            log.warning("search misses not reported: %s", error)
            return
        self._reporting = client
        if self._hung_up:  # hang_up() came while the client was being made
            client.hang_up()
        try:
            log.info("search misses: %s", report_search_misses(self._store, client))
        except Exception as error:  # the worker must survive; the counts wait for next time
            log.error("search misses not reported: %s", type(error).__name__)
        finally:
            self._reporting = None
            client.close()

    def _emit_active(self) -> None:
        active = load_frozen(self._store.load_active)
        if active is not None:
            log.info("catalog %s loaded: %d items", active.version, len(active.library))
            self._has_library = True
            self.libraryReady.emit(active.library)


def _side_parts(feed: str) -> tuple[Callable[[Path], _SideStore], Callable[[], Any]]:
    """How to open the store of a document beside the catalog, and its sample (imported on
    the worker: not at start-up)."""
    if feed == "knowledge":
        from kiosk.knowledge.sample import load_sample as sample_knowledge
        from kiosk.knowledge.store import KnowledgeStore

        return KnowledgeStore, sample_knowledge
    from kiosk.engagement.sample import load_sample as sample_engagement
    from kiosk.engagement.store import EngagementStore

    return EngagementStore, sample_engagement


def load_frozen(load: Callable[[], _T]) -> _T:
    """Run `load`, which builds ~100,000 long-lived objects (a catalog, a knowledge base).

    A full garbage collection of the whole heap while they are made takes ~100 ms and holds
    the GIL, stalling the GUI thread. So: no collection during the load, then freeze what
    exists (the new snapshot, Qt's wrappers) out of future collections. A replaced snapshot
    is freed by reference counting (it holds no cycles), on this thread (`retire`).
    """
    gc.disable()
    try:
        return load()
    finally:
        gc.freeze()
        gc.enable()


class CatalogService(QObject):
    """Owns the catalog thread and its worker; GUI-thread side.

    Signals:
        libraryReady(CatalogLibrary), noCatalog: forwarded from the worker, delivered on the
            GUI thread.
    """

    libraryReady = Signal(object)
    knowledgeReady = Signal(object)
    engagementReady = Signal(object)
    noCatalog = Signal()
    synced = Signal(object)
    requestStart = Signal()
    requestSync = Signal()
    requestRecordMiss = Signal(str)
    requestRetire = Signal(object)
    requestReportMisses = Signal()

    def __init__(
        self,
        store: CatalogStore,
        platform: PlatformSettings,
        use_sample: bool,
        parent: QObject | None = None,
        *,
        credentials: Credentials | None = None,
        connect: Callable[[], PlatformClient] | None = None,
        knowledge_path: Path | None = None,
        engagement_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("catalog")
        self._worker = CatalogWorker(
            store,
            platform,
            use_sample,
            credentials=credentials,
            connect=connect,
            knowledge_path=knowledge_path,
            engagement_path=engagement_path,
        )
        self._worker.moveToThread(self._thread)
        self.requestStart.connect(self._worker.start)
        self.requestSync.connect(self._worker.sync)
        self.requestRecordMiss.connect(self._worker.record_miss)
        self.requestRetire.connect(self._worker.retire)
        self.requestReportMisses.connect(self._worker.report_misses)
        self._worker.libraryReady.connect(self.libraryReady)
        self._worker.knowledgeReady.connect(self.knowledgeReady)
        self._worker.engagementReady.connect(self.engagementReady)
        self._worker.synced.connect(self.synced)
        self._worker.noCatalog.connect(self.noCatalog)
        self._worker.problem.connect(lambda message: log.warning("catalog: %s", message))
        # Each interval drawn anew (kiosk/cadence.py): a fleet started together drifts apart.
        self._period_s = platform.catalog_sync_minutes * 60.0
        self._rng = random.Random()  # noqa: S311 - jitter, not secrecy
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.requestSync)
        self._timer.timeout.connect(self.requestReportMisses)
        self._timer.timeout.connect(self._arm)

    def start(self) -> None:
        self._thread.start()
        self.requestStart.emit()
        self._arm()

    @Slot()
    def _arm(self) -> None:
        self._timer.start(round(next_in(self._period_s, self._rng) * 1000))

    def sync_now(self) -> None:
        self.requestSync.emit()

    def record_miss(self, term: str) -> None:
        """Count a search that found nothing (stored by the worker, off the GUI thread)."""
        self.requestRecordMiss.emit(term)

    def retire(self, replaced: object) -> None:
        """Hand a replaced snapshot to the catalog thread, which frees it (CatalogWorker.retire).
        Hand over the last reference: what the caller still holds is not freed there."""
        self.requestRetire.emit(replaced)

    def report_misses_now(self) -> None:
        self.requestReportMisses.emit()

    def hang_up(self) -> None:
        """A sync or report in flight ends now; nothing else goes out (the kiosk stopping)."""
        self._worker.hang_up()

    def stop(self) -> None:
        self._timer.stop()
        self._worker.hang_up()
        self._thread.quit()
        if not self._thread.wait(STOP_WAIT_MS):
            log.error("catalog thread did not stop within %d s", STOP_WAIT_MS // 1000)
