"""Feeds the kiosk's metrics (kiosk/metrics.py) from what the GUI thread already hears.

Devices and paper follow the device hub at once (a printer out of paper shows in the next
scrape, not at the next heartbeat); the outbox, the catalog, sessions, submissions and
ratings follow their own signals; a heartbeat brings the outbox's oldest waiting item. Each
slot only sets a value: the scrape runs on the metrics server's thread.

The feed listens from the start but the metrics come once the first frame is out
(`start`): prometheus-client and the HTTP server it imports would otherwise compete with
start-up. What came before (the catalog loaded, a sync) is kept and handed over then.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from kiosk.health import StationHealth, TerminalHealth
from ui.catalogworker import CatalogService
from ui.devicehub import DeviceHub
from ui.outboxworker import OutboxService
from ui.shell import ShellModel

if TYPE_CHECKING:
    from kiosk.catalog.library import CatalogLibrary
    from kiosk.catalog.syncjob import SyncOutcome
    from kiosk.metrics import KioskMetrics


class MetricsFeed(QObject):
    """Connects the hub, the catalog, the shell and the outbox to the metrics.

    `station` is what the heartbeat says of the screen side (ui.app._health), so the
    metrics and the heartbeat tell the district the same thing.
    """

    def __init__(
        self,
        station: Callable[[], StationHealth],
        *,
        hub: DeviceHub,
        catalog_service: CatalogService,
        shell: ShellModel,
        outbox: OutboxService | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._metrics: KioskMetrics | None = None
        self._station = station
        self._outbox = outbox
        self._stored_at: float | None = None  # the catalog in use, until the metrics start
        self._synced: tuple[str, float] | None = None  # the last sync's status and time
        hub.statusChanged.connect(self._on_station)
        catalog_service.libraryReady.connect(self._on_library)
        catalog_service.synced.connect(self._on_synced)
        shell.sessionStarted.connect(self._on_session)
        if outbox is not None:
            outbox.depthChanged.connect(self._on_depth)
            outbox.answeredKind.connect(self._on_answered)
            outbox.measured.connect(self._on_measured)
            outbox.requestRate.connect(self._on_rating)
            outbox.refused_rows().countChanged.connect(self._on_refused_count)

    def start(self, metrics: KioskMetrics) -> None:
        """From now on, into `metrics`; what is known already goes there first."""
        self._metrics = metrics
        metrics.catalog_stored(self._stored_at)
        if self._synced is not None:
            metrics.catalog_synced(*self._synced)
        self._on_station()
        if self._outbox is not None:
            self._on_depth(int(self._outbox.property("depth")))
            self._on_refused_count()

    @Slot()
    def _on_station(self) -> None:
        if self._metrics is not None:
            self._metrics.update_station(self._station())

    @Slot(object)
    def _on_library(self, library: CatalogLibrary) -> None:
        self._stored_at = library.stored_at
        if self._metrics is not None:
            self._metrics.catalog_stored(library.stored_at)
            # Connected after the catalog view model (build_ui), which has taken it already.
            self._on_station()

    @Slot(object)
    def _on_synced(self, outcome: SyncOutcome) -> None:
        self._synced = (outcome.status, time.time())
        if self._metrics is not None:
            self._metrics.catalog_synced(*self._synced)

    @Slot()
    def _on_session(self) -> None:
        if self._metrics is not None:
            self._metrics.session_started()

    @Slot(int)
    def _on_depth(self, depth: int) -> None:
        if self._metrics is not None:
            self._metrics.outbox_depth(depth)

    @Slot(str, str)
    def _on_answered(self, kind: str, outcome: str) -> None:
        # Only applications: their materials and ratings are outbox rows of their own.
        if kind == "case" and self._metrics is not None:
            self._metrics.submission_answered(outcome)

    @Slot()
    def _on_refused_count(self) -> None:
        if self._outbox is not None and self._metrics is not None:
            self._metrics.outbox_quarantined(self._outbox.refused_rows().rowCount())

    @Slot(object)
    def _on_measured(self, health: TerminalHealth) -> None:
        if self._metrics is not None:
            self._metrics.update_terminal(health)

    @Slot(object, str)
    def _on_rating(self, evaluation: dict[str, Any], _apply_no: str) -> None:
        if self._metrics is not None:
            self._metrics.rating_given(evaluation.get("level"))
