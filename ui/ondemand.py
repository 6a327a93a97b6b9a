"""A worker object and the thread it runs on, started the first time it is needed.

Staff mode's PIN check and device chooser are used a few times a day: their threads start
when staff first open them, not with the kiosk, and end when the kiosk closes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread

log = logging.getLogger(__name__)

STOP_WAIT_MS = 5000


class WorkerOnDemand:
    """`worker` (its signals connected by the owner) moves to a thread named `name` at the
    first `start()`; `stop()` ends that thread, waiting at most STOP_WAIT_MS."""

    def __init__(self, worker: QObject, name: str) -> None:
        self.worker = worker
        self._name = name
        self._thread: QThread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName(self._name)
        self.worker.moveToThread(self._thread)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None and self._thread.isRunning():
            self._thread.quit()
            if not self._thread.wait(STOP_WAIT_MS):
                log.error("%s worker did not stop within %d s", self._name, STOP_WAIT_MS // 1000)
