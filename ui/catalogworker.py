"""Loads, stores and (later) syncs the catalog on its own thread, never on the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.catalog.sample import load_sample
from kiosk.catalog.store import CatalogStore

log = logging.getLogger(__name__)


class CatalogWorker(QObject):
    """Lives on the catalog thread; handles one request at a time.

    Signals:
        libraryReady(CatalogLibrary): a catalog is ready to show (immutable snapshot).
        problem(str): what staff should know, e.g. no catalog could be loaded.
    """

    libraryReady = Signal(object)
    problem = Signal(str)

    def __init__(self, store: CatalogStore, use_sample: bool) -> None:
        super().__init__()
        self._store = store
        self._use_sample = use_sample

    @Slot()
    def load(self) -> None:
        active = self._store.load_active()
        if active is None and self._use_sample:
            log.info("no stored catalog: storing the sample catalog")
            self._store.save(load_sample())
            active = self._store.load_active()
        if active is None:
            self.problem.emit("no catalog is stored yet and the platform has not sent one")
            return
        log.info("catalog %s loaded: %d items", active.version, len(active.library))
        self.libraryReady.emit(active.library)


class CatalogService(QObject):
    """Owns the catalog thread and its worker; GUI-thread side.

    Signals:
        libraryReady(CatalogLibrary): forwarded from the worker, delivered on the GUI thread.
    """

    libraryReady = Signal(object)
    requestLoad = Signal()

    def __init__(self, store: CatalogStore, use_sample: bool, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("catalog")
        self._worker = CatalogWorker(store, use_sample)
        self._worker.moveToThread(self._thread)
        self.requestLoad.connect(self._worker.load)
        self._worker.libraryReady.connect(self.libraryReady)
        self._worker.problem.connect(lambda message: log.warning("catalog: %s", message))

    def start(self) -> None:
        self._thread.start()
        self.requestLoad.emit()

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
