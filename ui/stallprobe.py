"""Measures how long the GUI thread goes without serving its event loop."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class StallProbe(QObject):
    """A 5 ms timer that records the longest gap between its ticks (ARCHITECTURE.md).

    `max_gap_ms` is wall time: what a resident would see. `max_busy_ms` is the most CPU time
    the GUI thread itself spent between two ticks: on a machine shared with other work the
    wall gap also holds the time the thread waited for a core, the busy time does not.
    """

    INTERVAL_MS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.max_gap_ms = 0.0
        self.max_busy_ms = 0.0

    def start(self) -> None:
        self.max_gap_ms = 0.0
        self.max_busy_ms = 0.0
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.max_gap_ms

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000.0)
        self.max_busy_ms = max(self.max_busy_ms, (cpu - self._last_cpu) * 1000.0)
        self._last, self._last_cpu = now, cpu
