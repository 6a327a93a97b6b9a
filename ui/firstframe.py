"""The moment a window's first frame is on screen: devices start, systemd hears READY."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtQuick import QQuickWindow


class FirstFrameGate(QObject):
    """Emits `passed` once, after the window's first frame.

    With `deferred`, `passed` comes one turn of the event loop later, after every other
    observer of that frame has heard it: for the work that starts once the screen is up
    (workers, imports), which must not hold back the report of the frame itself (READY=1
    to systemd, the start-up time `make bench` measures).

    Signals:
        passed: the first frame is on screen.
    """

    passed = Signal()

    def __init__(
        self, window: QQuickWindow, parent: QObject | None = None, *, deferred: bool = False
    ) -> None:
        super().__init__(parent)
        self._window: QQuickWindow | None = window
        self._deferred = deferred
        # frameSwapped comes from the render thread: queued, the slot runs on this thread.
        window.frameSwapped.connect(self._on_frame, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _on_frame(self) -> None:
        if self._window is None:
            return
        self._window.frameSwapped.disconnect(self._on_frame)
        self._window = None
        if self._deferred:
            QTimer.singleShot(0, self, self.passed.emit)
        else:
            self.passed.emit()
