"""The station's health as the GUI thread hears it: the one source of the heartbeat's
summary and of the kiosk's metrics (kiosk/metrics.py).

`HealthFeed` keeps what the screen side knows (devices and paper from the device hub, the
catalog in use and its last good sync, the refused submissions, the counts since the
start) and hands it out as one frozen `StationHealth`: the heartbeat sends it, the metrics
show it. Each slot only records a value; the scrape runs on the metrics server's thread,
the heartbeat on the sync worker's.

Devices and paper reach the metrics at once (a printer out of paper shows in the next
scrape, not at the next heartbeat); the outbox's depth and oldest waiting item whenever the
outbox changes. The metrics come once the first frame is out (`start_metrics`):
prometheus-client and the HTTP server it imports would otherwise compete with start-up.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from kiosk.catalog.versions import GOOD_SYNCS
from kiosk.health import (
    Activity,
    SelfCheckState,
    StationHealth,
    TerminalHealth,
    process_started_at,
)
from kiosk.selfcheck import SelfCheckResult
from ui.catalogview import CatalogViewModel
from ui.catalogworker import CatalogService
from ui.devicehub import DeviceHub
from ui.hoursview import HoursPhase, HoursWatch
from ui.outboxworker import OutboxService
from ui.servicestate import ServiceState

if TYPE_CHECKING:
    from kiosk.catalog.library import CatalogLibrary
    from kiosk.catalog.syncjob import SyncOutcome
    from kiosk.metrics import KioskMetrics


class HealthFeed(QObject):
    """Listens to the hub, the catalog and the outbox; `station()` is what the screen side
    tells the district, by heartbeat and by metrics alike. Resident sessions are counted
    through `session_started` (connected once the kiosk's own first session has begun)."""

    def __init__(
        self,
        *,
        hub: DeviceHub,
        catalog: CatalogViewModel,
        catalog_service: CatalogService,
        outbox: OutboxService | None,
        service: ServiceState,
        hours: HoursWatch,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        service.changed.connect(self._changed)
        self._hours = hours  # whether the station is open now follows its opening hours
        hours.changed.connect(self._changed)
        self._self_check: SelfCheckState | None = None
        self._metrics: KioskMetrics | None = None
        self._hub = hub
        self._catalog = catalog
        self._outbox = outbox
        self._activity = Activity(started_at=process_started_at())
        self._stored_at: float | None = None
        self._synced_at: float | None = None
        self._quarantined = 0
        hub.statusChanged.connect(self._changed)
        catalog_service.libraryReady.connect(self._on_library)
        catalog_service.synced.connect(self._on_synced)
        if outbox is not None:
            outbox.backlogChanged.connect(self._on_backlog)
            outbox.answeredKind.connect(self._on_answered)
            outbox.measured.connect(self._on_measured)
            outbox.requestRate.connect(self._on_rating)
            outbox.refused_rows().countChanged.connect(self._on_refused_count)

    def station(self) -> StationHealth:
        """The screen side's health now: what the heartbeat sends and the metrics show."""
        return StationHealth(
            devices=self._hub.health(),
            catalog_version=str(self._catalog.version),  # the Property's str value
            catalog_stored_at=self._stored_at,
            catalog_synced_at=self._synced_at,
            quarantined=self._quarantined,
            activity=self._activity,
            out_of_service=self._service.out_of_service(),
            self_check=self._self_check,
            open_now=self._open_now(),
        )

    def _open_now(self) -> bool:
        return self._hours.current_phase() is HoursPhase.Value.Open

    @Slot(object)
    def self_checked(self, result: SelfCheckResult | None) -> None:
        """The daily self-check's last result (loaded at start, or just kept)."""
        self._self_check = (
            SelfCheckState(result.at, result.passed, result.failed_steps)
            if result is not None
            else None
        )
        self._changed()

    def start_metrics(self, metrics: KioskMetrics) -> None:
        """From now on, into `metrics`; what is known already goes there first."""
        self._metrics = metrics
        self._changed()
        if self._outbox is not None:
            depth, oldest_since = self._outbox.backlog()
            metrics.outbox_backlog(depth, oldest_since)

    @Slot()
    def _changed(self) -> None:
        if self._metrics is not None:
            self._metrics.update_station(self.station())

    @Slot(object)
    def _on_library(self, library: CatalogLibrary) -> None:
        self._stored_at = library.stored_at
        if library.synced_at is not None:
            self._synced_at = max(self._synced_at or 0.0, library.synced_at)
        # Connected after the catalog view model (build_ui), which has taken it already.
        self._changed()

    @Slot(object)
    def _on_synced(self, outcome: SyncOutcome) -> None:
        if outcome.status in GOOD_SYNCS:
            self._synced_at = time.time()
            self._changed()

    @Slot()
    def session_started(self) -> None:
        self._activity = self._activity.with_session()
        self._changed()

    @Slot(int, float)
    def _on_backlog(self, depth: int, oldest_since: float) -> None:
        if self._metrics is not None:
            self._metrics.outbox_backlog(depth, oldest_since if depth else None)

    @Slot(str, str)
    def _on_answered(self, kind: str, outcome: str) -> None:
        # Only applications: their materials and ratings are outbox rows of their own.
        if kind == "case":
            self._activity = self._activity.with_answer(outcome)
            self._changed()

    @Slot()
    def _on_refused_count(self) -> None:
        if self._outbox is not None:
            self._quarantined = self._outbox.refused_rows().rowCount()
            self._changed()

    @Slot(object)
    def _on_measured(self, health: TerminalHealth) -> None:
        # The outbox's part of the heartbeat, with the station as it is now: the heartbeat's
        # station was taken before it crossed to the sync thread, and counts taken back by
        # a session started meanwhile would read as a counter reset.
        if self._metrics is not None:
            self._metrics.update_terminal(dataclasses.replace(health, station=self.station()))

    @Slot(object, str)
    def _on_rating(self, evaluation: dict[str, Any], _apply_no: str) -> None:
        self._activity = self._activity.with_rating(evaluation.get("level"))
        self._changed()
