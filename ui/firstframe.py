"""The moment a window's first frame is on screen: devices start, systemd hears READY."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtQuick import QQuickWindow


class FirstFrameGate(QObject):
    """Emits `passed` once, after the window's first frame.

    Signals:
        passed: the first frame is on screen.
    """

    passed = Signal()

    def __init__(self, window: QQuickWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window: QQuickWindow | None = window
        # frameSwapped comes from the render thread: queued, the slot runs on this thread.
        window.frameSwapped.connect(self._on_frame, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _on_frame(self) -> None:
        if self._window is None:
            return
        self._window.frameSwapped.disconnect(self._on_frame)
        self._window = None
        self.passed.emit()
