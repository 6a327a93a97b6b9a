"""The station's opening hours as the screen follows them: open, closed (dimmed) or night
(black), re-evaluated once a minute on the GUI thread as arithmetic (kiosk/hours.py).

The clock is handed in by the composition root (Beijing time, aware), so tests and the tour
run any hour without waiting for it.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot

from kiosk.hours import Clock, Night, Open, OpeningHours, describe_moment, next_minute
from kiosk.settings import Settings, opening_hours_text
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

NIGHT_WAKE_S = 60  # a touch at night shows the closed screen this long, then black again
_TIMER_MIN_MS = 200  # the timer never spins, whatever the clock says


@QmlElement
@QmlUncreatable("an enum")
class HoursPhase(QObject):
    """Where the station's hours stand as the screen shows them (HoursWatch.phase)."""

    @QEnum
    class Value(IntEnum):
        Open = 0  # staffed hours: the usual attract screen
        Closed = 1  # outside them: the dimmed closed screen (also at night after a touch)
        Night = 2  # the overnight window: black


@QmlElement
@QmlUncreatable("built by the composition root")
class HoursWatch(QObject):
    """The phase of the station's hours, the hours in words and the next opening.

    The screen uses the phase only between residents (the attract screen): a resident who
    started before closing finishes, and the session's idle timeout ends it as usual.

    Signals:
        changed: the phase, the words of the hours or the next opening changed.
    """

    changed = Signal()

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._hours: OpeningHours = settings.hours.opening_hours()
        self._clock = clock
        self._language = language
        self._phase = HoursPhase.Value.Open
        self._next_opening: dt.datetime | None = None
        self._opening_text = ""
        self._hours_text = opening_hours_text(settings, language)
        self._wake_until: dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        if not self._hours.always_open:
            self.check()

    @Property(int, notify=changed)
    def phase(self) -> int:
        return self._phase

    def current_phase(self) -> HoursPhase.Value:
        """For Python: the phase now (see `phase`)."""
        return self._phase

    @Property(str, notify=changed)
    def hoursText(self) -> str:
        return self._hours_text

    @Property(str, notify=changed)
    def nextOpening(self) -> str:
        """ "明天 9:00", or "" when no opening is known."""
        return self._opening_text

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        self._language = language
        self._update()

    @Slot()
    def wake(self) -> None:
        """A touch on the black night screen: show the closed screen for a minute."""
        self._wake_until = self._clock() + dt.timedelta(seconds=NIGHT_WAKE_S)
        self.check()

    @Slot()
    def check(self) -> None:
        """Where the hours stand now; the timer then waits for the next whole minute (every
        boundary falls on one) or the end of a night wake, whichever comes first."""
        now = self._clock()
        phase = self._hours.phase_at(now)
        self._next_opening = None if isinstance(phase, Open) else phase.next_opening
        if isinstance(phase, Open):
            shown = HoursPhase.Value.Open
        elif isinstance(phase, Night) and not (self._wake_until and now < self._wake_until):
            shown = HoursPhase.Value.Night
        else:
            shown = HoursPhase.Value.Closed
        if not isinstance(phase, Night) or shown is HoursPhase.Value.Night:
            self._wake_until = None
        self._update(now, shown)
        due = next_minute(now)
        if self._wake_until is not None:
            due = min(due, self._wake_until)
        wait_ms = int((due - now).total_seconds() * 1000) + 1
        self._timer.start(min(60_000, max(_TIMER_MIN_MS, wait_ms)))

    def stop(self) -> None:
        self._timer.stop()

    @property
    def clock(self) -> Clock:
        """The clock the hours follow (the tour moves its own)."""
        return self._clock

    def next_check_ms(self) -> int:
        """Milliseconds until the timer looks again (-1: it does not; always open)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def _update(
        self, now: dt.datetime | None = None, phase: HoursPhase.Value | None = None
    ) -> None:
        """Publish the phase and the words; `changed` only when something did."""
        now = now or self._clock()
        opening = self._next_opening
        state = (
            self._phase if phase is None else phase,
            "" if opening is None else describe_moment(opening, now, self._language),
            opening_hours_text(self._settings, self._language),
        )
        if state != (self._phase, self._opening_text, self._hours_text):
            self._phase, self._opening_text, self._hours_text = state
            self.changed.emit()
