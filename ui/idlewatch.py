"""Watches for touches and ends unattended sessions (privacy: docs/domain.md §9)."""

from __future__ import annotations

import time

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot

from kiosk.idle import IdlePhase, idle_state, idle_timeout_s
from kiosk.settings import SessionSettings
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


@QmlElement
@QmlUncreatable("built by the composition root")
class IdleWatcher(QObject):
    """Counts time since the last touch; warns near the end; says when time is up.

    Install it as an application event filter. It runs only while a session is active
    (`start()`/`stop()`), so the attract screen does not count down.

    Signals:
        stateChanged: `warning` or `secondsLeft` changed.
        expired: no touch for the whole idle timeout; the session must end.
    """

    stateChanged = Signal()
    expired = Signal()

    def __init__(self, settings: SessionSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._elder_mode = False
        self._last_activity = time.monotonic()
        self._warning = False
        self._seconds_left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._evaluate)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Any touch counts, even one beside the 继续 button of the warning.
        if event.type() in _ACTIVITY_EVENTS and self._tick.isActive():
            self._last_activity = time.monotonic()
            self._evaluate()
        return False

    @Slot()
    def start(self) -> None:
        self._last_activity = time.monotonic()
        self._tick.start()
        self._evaluate()

    @Slot()
    def stop(self) -> None:
        self._tick.stop()
        self._set(False, 0)

    @Slot()
    def poke(self) -> None:
        """The resident asked to continue."""
        self._last_activity = time.monotonic()
        self._evaluate()

    def expire_in(self, seconds: float) -> None:
        """Act as if the resident stopped touching so that `seconds` remain (tour, tests)."""
        timeout = idle_timeout_s(self._settings, self._elder_mode)
        self._last_activity = time.monotonic() - max(0.0, timeout - seconds)
        self._evaluate()

    @Slot(bool)
    def setElderMode(self, enabled: bool) -> None:
        self._elder_mode = enabled

    @Property(bool, notify=stateChanged)
    def warning(self) -> bool:
        return self._warning

    @Property(int, notify=stateChanged)
    def secondsLeft(self) -> int:
        return self._seconds_left

    @Property(bool, notify=stateChanged)
    def running(self) -> bool:
        return self._tick.isActive()

    def _evaluate(self) -> None:
        state = idle_state(self._settings, self._elder_mode, time.monotonic() - self._last_activity)
        if state.phase is IdlePhase.EXPIRED:
            self.stop()
            self.expired.emit()
            return
        self._set(state.phase is IdlePhase.WARNING, state.seconds_left)

    def _set(self, warning: bool, seconds_left: int) -> None:
        if (warning, seconds_left) != (self._warning, self._seconds_left):
            self._warning, self._seconds_left = warning, seconds_left
            self.stateChanged.emit()
