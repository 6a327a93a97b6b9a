"""Waiting, without sleeping, until the window has finished animating and drawn a frame."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtQuick import QQuickWindow

from ui.qmltree import find


def settle(window: QQuickWindow, timeout_s: float = 5.0) -> None:
    """Run the event loop until screen transitions end and a fresh frame is rendered."""
    deadline = time.monotonic() + timeout_s
    stack = find(window, "stack")
    while stack.property("busy") and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    loop = QEventLoop()
    window.frameSwapped.connect(loop.quit)
    QTimer.singleShot(max(1, int((deadline - time.monotonic()) * 1000)), loop.quit)
    window.update()
    loop.exec()
    window.frameSwapped.disconnect(loop.quit)
