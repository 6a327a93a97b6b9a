"""Staff mode as the screen sees it: the PIN pad's entry, and the check off the GUI thread.

The digits typed stay in this object; QML only learns how many there are, to draw dots.
Checking a PIN costs ~50 ms of scrypt plus SQLite writes (lockout counters, audit trail),
so `StaffWorker` does it on its own thread, started the first time the pad opens. Staff
mode ends when the panel closes or the session is wiped (`lock()`).
"""

from __future__ import annotations

import logging
import math
import sqlite3
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.health import STAFF_REASONS
from kiosk.keyfiles import KeyFileError
from kiosk.staffaccess import ATTEMPTS_BEFORE_LOCK, Outcome, StaffAccess, Verdict
from kiosk.staffpin import MAX_DIGITS, MIN_DIGITS
from ui.ondemand import WorkerOnDemand
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


class StaffWorker(QObject):
    """Lives on the staff thread; answers one request at a time.

    Signals:
        answered(int, Verdict): the request's visit number and what the pad should show.
        failed(int): the check could not be made (the state or audit file is unusable).
    """

    answered = Signal(int, object)
    failed = Signal(int)
    serviceState = Signal(str, float)

    def __init__(self, open_access: Callable[[], StaffAccess]) -> None:
        super().__init__()
        self._open_access = open_access
        self._access: StaffAccess | None = None

    def _staff_access(self) -> StaffAccess:
        if self._access is None:  # built here: its files are opened on this thread
            self._access = self._open_access()
        return self._access

    @Slot(int)
    def status(self, visit: int) -> None:
        try:
            self.answered.emit(visit, self._staff_access().status())
        except (OSError, sqlite3.Error, KeyFileError):
            log.exception("staff mode: cannot read the lockout state")
            self.failed.emit(visit)

    @Slot(int, str)
    def attempt(self, visit: int, pin: str) -> None:
        try:
            self.answered.emit(visit, self._staff_access().attempt(pin))
        except (OSError, sqlite3.Error, KeyFileError):
            log.exception("staff mode: cannot check the PIN")
            self.failed.emit(visit)

    @Slot()
    def read_service_state(self) -> None:
        try:
            self.serviceState.emit(*self._staff_access().out_of_service())
        except (OSError, sqlite3.Error, KeyFileError):
            log.exception("staff mode: cannot read whether staff took the terminal out of service")

    @Slot(str)
    def set_service_state(self, reason: str) -> None:
        try:
            self.serviceState.emit(*self._staff_access().set_out_of_service(reason))
        except (OSError, sqlite3.Error, KeyFileError):
            log.exception("staff mode: cannot store the out-of-service state")

    @Slot(str, str)
    def record(self, event: str, detail: str) -> None:
        try:
            self._staff_access().record(event, detail)
        except (OSError, sqlite3.Error, KeyFileError):
            log.exception("staff mode: cannot write %s to the audit trail", event)


@QmlElement
@QmlUncreatable("built by the composition root")
class StaffGate(QObject):
    """The PIN pad's model and the one switch of staff mode.

    `open_access` builds staff mode's PIN check on the worker's thread (see
    kiosk/app/services.py); without it (no PIN hash or no state folder) `configured` is
    false and the panel only says how to set a PIN. Answers from the worker carry the visit
    they were asked in, so an answer arriving after the panel closed never opens staff mode.

    Signals:
        changed: any property below changed.
        unlockedChanged(bool): staff mode began (True) or ended (False).
    """

    changed = Signal()
    unlockedChanged = Signal(bool)
    outOfServiceChanged = Signal()
    _requestStatus = Signal(int)
    _requestServiceState = Signal()
    _requestSetServiceState = Signal(str)
    _requestAttempt = Signal(int, str)
    _requestRecord = Signal(str, str)

    def __init__(
        self,
        open_access: Callable[[], StaffAccess] | None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._configured = open_access is not None
        self._entry: list[str] = []
        self._visit = 0
        self._unlocked = False
        self._checking = False
        self._wrong = False
        self._failed = False
        self._tries_left = ATTEMPTS_BEFORE_LOCK
        self._locked_deadline = 0.0  # time.monotonic() when the pad takes PINs again
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._worker: WorkerOnDemand | None = None
        self._out_of_service = ("", 0.0)  # staff's reason and since when; "" in service
        if open_access is not None:
            worker = StaffWorker(open_access)
            self._requestStatus.connect(worker.status)
            self._requestAttempt.connect(worker.attempt)
            self._requestRecord.connect(worker.record)
            self._requestServiceState.connect(worker.read_service_state)
            self._requestSetServiceState.connect(worker.set_service_state)
            worker.serviceState.connect(self._on_service_state)
            worker.answered.connect(self._on_answer)
            worker.failed.connect(self._on_failure)
            self._worker = WorkerOnDemand(worker, "staff")

    def _start_worker(self) -> None:
        if self._worker is not None:
            self._worker.start()

    def stop(self) -> None:
        """End the worker thread (the kiosk is closing)."""
        if self._worker is not None:
            self._worker.stop()

    # properties ---------------------------------------------------------------------------

    def _locked_seconds(self) -> int:
        return max(0, math.ceil(self._locked_deadline - time.monotonic()))

    configured = Property(bool, lambda self: self._configured, notify=changed)
    unlocked = Property(bool, lambda self: self._unlocked, notify=changed)
    entryLength = Property(int, lambda self: len(self._entry), notify=changed)
    canSubmit = Property(
        bool,
        lambda self: self._accepts_keys() and len(self._entry) >= MIN_DIGITS,
        notify=changed,
    )
    acceptsKeys = Property(bool, lambda self: self._accepts_keys(), notify=changed)
    checking = Property(bool, lambda self: self._checking, notify=changed)
    wrongPin = Property(bool, lambda self: self._wrong, notify=changed)
    checkFailed = Property(bool, lambda self: self._failed, notify=changed)
    triesLeft = Property(int, lambda self: self._tries_left, notify=changed)
    lockedSeconds = Property(int, _locked_seconds, notify=changed)
    # Why staff took the terminal out of service ("" in service; STAFF_REASONS).
    outOfServiceReason = Property(
        str, lambda self: self._out_of_service[0], notify=outOfServiceChanged
    )

    def out_of_service(self) -> tuple[str, float]:
        """Staff's reason ("" in service) and since when (seconds since the epoch)."""
        return self._out_of_service

    def _accepts_keys(self) -> bool:
        return (
            self._configured
            and not self._unlocked
            and not self._checking
            and self._locked_seconds() == 0
        )

    # slots --------------------------------------------------------------------------------

    @Slot()
    def open(self) -> None:
        """The pad is shown: staff mode off, a fresh entry, and the lockout state asked for."""
        if self._unlocked:
            self._unlocked = False
            self.unlockedChanged.emit(False)
        self._visit += 1
        self._entry.clear()
        self._wrong = self._failed = False
        if self._worker is not None:
            self._start_worker()
            self._checking = True
            self._requestStatus.emit(self._visit)
        self.changed.emit()

    @Slot(str)
    def press(self, digit: str) -> None:
        if not self._accepts_keys() or len(self._entry) >= MAX_DIGITS:
            return
        if len(digit) == 1 and digit in "0123456789":
            self._entry.append(digit)
            self._wrong = self._failed = False
            self.changed.emit()

    @Slot()
    def erase(self) -> None:
        if self._entry:
            self._entry.pop()
            self.changed.emit()

    @Slot()
    def submit(self) -> None:
        if not self._accepts_keys() or len(self._entry) < MIN_DIGITS:
            return
        pin = "".join(self._entry)
        self._entry.clear()
        self._checking = True
        self._requestAttempt.emit(self._visit, pin)
        self.changed.emit()

    @Slot()
    def lock(self) -> None:
        """End staff mode and forget the entry (panel closed, session wiped)."""
        self._visit += 1
        self._entry.clear()
        self._wrong = self._failed = self._checking = False
        if self._unlocked:
            self._unlocked = False
            self.unlockedChanged.emit(False)
        self.changed.emit()

    @Slot()
    def readServiceState(self) -> None:
        """Whether staff took the terminal out of service before a restart (once at start)."""
        if self._worker is not None:
            self._start_worker()
            self._requestServiceState.emit()

    @Slot(str)
    def takeOutOfService(self, reason: str) -> None:
        """Staff mode only: out of service for `reason` (kiosk/staffaccess.py STAFF_REASONS)."""
        if self._unlocked and self._worker is not None and reason in STAFF_REASONS:
            self._requestSetServiceState.emit(reason)

    @Slot()
    def returnToService(self) -> None:
        """Staff mode only: back in service."""
        if self._unlocked and self._worker is not None and self._out_of_service[0]:
            self._requestSetServiceState.emit("")

    @Slot(str, float)
    def _on_service_state(self, reason: str, since: float) -> None:
        if (reason, since) != self._out_of_service:
            self._out_of_service = (reason, since)
            self.outOfServiceChanged.emit()

    @Slot(str, str)
    def record(self, event: str, detail: str) -> None:
        """A staff action for the audit trail (written by the worker, off this thread)."""
        if self._worker is not None:
            self._start_worker()
            self._requestRecord.emit(event, detail)

    @Slot(int, object)
    def _on_answer(self, visit: int, verdict: Verdict) -> None:
        if verdict.outcome is Outcome.LOCKED:
            self._locked_deadline = time.monotonic() + verdict.locked_s
            self._countdown.start()
        else:  # the state file is the truth: a lockout may have been lifted meanwhile
            self._locked_deadline = 0.0
        if visit != self._visit:
            self.changed.emit()  # a late answer: the lockout counts, the rest is stale
            return
        self._checking = False
        self._tries_left = verdict.tries_left
        self._wrong = verdict.outcome is Outcome.WRONG
        if verdict.outcome is Outcome.GRANTED:
            self._unlocked = True
            self.unlockedChanged.emit(True)
        self.changed.emit()

    @Slot(int)
    def _on_failure(self, visit: int) -> None:
        if visit == self._visit:
            self._checking = False
            self._failed = True
            self.changed.emit()

    @Slot()
    def _tick(self) -> None:
        if self._locked_seconds() == 0:
            self._countdown.stop()
            self._tries_left = ATTEMPTS_BEFORE_LOCK
        self.changed.emit()
