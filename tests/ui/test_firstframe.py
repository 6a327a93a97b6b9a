"""The first frame's gates: the report of the frame before the work it lets start."""

from __future__ import annotations

from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from ui.firstframe import FirstFrameGate


def test_first_frame_deferred_gate_passes_after_the_immediate_one(qtbot: QtBot) -> None:
    window = QQuickWindow()
    window.resize(200, 100)
    heard: list[str] = []
    # Made first, as build_ui makes its gate before the service watch makes its own.
    later = FirstFrameGate(window, deferred=True)
    later.passed.connect(lambda: heard.append("workers start"))
    now = FirstFrameGate(window)
    now.passed.connect(lambda: heard.append("READY"))
    window.show()
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
    assert heard == ["READY", "workers start"]
    qtbot.wait(50)
    assert heard == ["READY", "workers start"]  # once each
    window.close()
    window.deleteLater()
