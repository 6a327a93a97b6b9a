"""Waiting, without sleeping, until the window has finished animating and drawn a frame."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtQuick import QQuickWindow

from ui.qmltree import find


def settle(window: QQuickWindow, timeout_s: float = 5.0) -> None:
    """Run the event loop until a screen being opened is built (Main.qml's ScreenBuilder),
    screen transitions end, the on-screen keyboard is built
    (it is built in the background after the first frame, see Main.qml) and a fresh frame
    is rendered.

    The loop sleeps between events (it is woken by the end of the transition, the frame or
    the deadline): a loop that spun on processEvents() would keep a core busy for the whole
    transition, and the scheduler then takes that core from the GUI thread more often.
    """
    deadline = time.monotonic() + timeout_s
    building_changed: SignalInstance = window.buildingChanged  # type: ignore[attr-defined]
    _run_until(deadline, building_changed, lambda: not window.property("building"))
    stack = find(window, "stack")
    busy_changed: SignalInstance = stack.busyChanged  # type: ignore[attr-defined]
    _run_until(deadline, busy_changed, lambda: not stack.property("busy"))
    keyboard = find(window, "keyboardLoader")
    keyboard_built: SignalInstance = keyboard.itemChanged  # type: ignore[attr-defined]
    _run_until(deadline, keyboard_built, lambda: keyboard.property("item") is not None)
    loop = QEventLoop()
    window.frameSwapped.connect(loop.quit)
    QTimer.singleShot(_ms_left(deadline), loop.quit)
    window.update()
    loop.exec()
    window.frameSwapped.disconnect(loop.quit)


def _run_until(deadline: float, changed: SignalInstance, done: Callable[[], bool]) -> None:
    """Run an event loop until `done()` holds, woken by the signal `changed`, or time is up."""
    while not done() and time.monotonic() < deadline:
        loop = QEventLoop()
        changed.connect(loop.quit)
        QTimer.singleShot(_ms_left(deadline), loop.quit)
        if not done():
            loop.exec()
        changed.disconnect(loop.quit)


def _ms_left(deadline: float) -> int:
    return max(1, int((deadline - time.monotonic()) * 1000))
