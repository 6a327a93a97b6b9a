"""The stall probe tells a GUI thread that waits from one that works."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from ui.stallprobe import StallProbe


def _block(seconds: float) -> None:
    """The GUI thread stuck without using the CPU, as on a lock or a slow disk."""
    threading.Event().wait(seconds)


def _work(seconds: float) -> None:
    """The GUI thread busy computing for `seconds` of its own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_stallprobe_blocked_gui_thread_long_gap_little_busy_time(qtbot: QtBot) -> None:
    probe = StallProbe()
    probe.start()
    QTimer.singleShot(20, lambda: _block(0.08))

    qtbot.waitUntil(lambda: probe.max_gap_ms >= 80, timeout=5000)

    probe.stop()
    assert probe.max_busy_ms < 40


def test_stallprobe_working_gui_thread_busy_time_counted(qtbot: QtBot) -> None:
    probe = StallProbe()
    probe.start()
    QTimer.singleShot(20, lambda: _work(0.08))

    qtbot.waitUntil(lambda: probe.max_busy_ms >= 75, timeout=5000)

    probe.stop()
    # Different clocks (thread CPU time, monotonic wall time): equal within a millisecond.
    assert probe.max_gap_ms >= probe.max_busy_ms - 1.0
