"""Feeds the kiosk's metrics (kiosk/metrics.py) from what the GUI thread already hears.

Devices and paper follow the device hub at once (a printer out of paper shows in the next
scrape, not at the next heartbeat); the outbox, the catalog, sessions, submissions and
ratings follow their own signals; a heartbeat brings the outbox's oldest waiting item. Each
slot only sets a value: the scrape runs on the metrics server's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot

from kiosk.catalog.library import CatalogLibrary
from kiosk.catalog.syncjob import SyncOutcome
from kiosk.health import StationHealth, TerminalHealth
from kiosk.metrics import KioskMetrics
from ui.catalogworker import CatalogService
from ui.devicehub import DeviceHub
from ui.outboxworker import OutboxService
from ui.shell import ShellModel


class MetricsFeed(QObject):
    """Connects the hub, the catalog, the shell and the outbox to `metrics`.

    `station` is what the heartbeat says of the screen side (ui.app._health), so the
    metrics and the heartbeat tell the district the same thing.
    """

    def __init__(
        self,
        metrics: KioskMetrics,
        station: Callable[[], StationHealth],
        *,
        hub: DeviceHub,
        catalog_service: CatalogService,
        shell: ShellModel,
        outbox: OutboxService | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._station = station
        hub.statusChanged.connect(self._on_station)
        catalog_service.libraryReady.connect(self._on_library)
        catalog_service.synced.connect(self._on_synced)
        shell.sessionStarted.connect(self._on_session)
        if outbox is not None:
            self._refused = outbox.refused_rows()
            outbox.depthChanged.connect(metrics.outbox_depth)
            outbox.answeredKind.connect(self._on_answered)
            outbox.measured.connect(self._on_measured)
            outbox.requestRate.connect(self._on_rating)
            self._refused.countChanged.connect(self._on_refused_count)
        self._on_station()

    @Slot()
    def _on_station(self) -> None:
        self._metrics.update_station(self._station())

    @Slot(object)
    def _on_library(self, library: CatalogLibrary) -> None:
        self._metrics.catalog_stored(library.stored_at)
        # Connected after the catalog view model (build_ui), which has taken it already.
        self._on_station()

    @Slot(object)
    def _on_synced(self, outcome: SyncOutcome) -> None:
        self._metrics.catalog_synced(outcome.status)

    @Slot()
    def _on_session(self) -> None:
        self._metrics.session_started()

    @Slot(str, str)
    def _on_answered(self, kind: str, outcome: str) -> None:
        if kind == "case":  # an application; its materials and its rating are rows of their own
            self._metrics.submission_answered(outcome)

    @Slot()
    def _on_refused_count(self) -> None:
        self._metrics.outbox_quarantined(self._refused.rowCount())

    @Slot(object)
    def _on_measured(self, health: TerminalHealth) -> None:
        self._metrics.update_terminal(health)

    @Slot(object, str)
    def _on_rating(self, evaluation: dict[str, Any], _apply_no: str) -> None:
        self._metrics.rating_given(evaluation.get("level"))
