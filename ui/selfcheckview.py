"""The daily self-check as staff see it: the checklist, what to do now, Retry and Skip, and
the last result.

`SelfCheckViewModel` runs `kiosk.selfcheck.SelfCheckRun`: for each step it starts the check
on whoever does it (the printer and the scanner through the device hub, the card reader's
staff-mode test read, the capture worker for a camera frame, the sync worker for a signed
heartbeat) and reports the outcome back to the run. What touches the disk (the results
kept, free space, decoding a camera frame) runs on `SelfCheckWorker`'s thread, so the GUI
thread never waits. Words for every step, state and reason are in
ui/qml/Kiosk/components/SelfCheckTexts.qml.
"""

from __future__ import annotations

import datetime
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEnum, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from devices.status import DeviceKind
from kiosk.health import StationHealth
from kiosk.hours import Clock, station_clock
from kiosk.messages import Message
from kiosk.selfcheck import (
    BEIJING,
    CARD_WAIT_S,
    READ_BACK_S,
    STEPS,
    Outcome,
    Phase,
    PlatformProbe,
    Reason,
    SelfCheckResult,
    SelfCheckRun,
    SelfCheckStore,
    Step,
    Verdict,
    catalog_outcome,
    clock_outcome,
    disk_outcome,
    frame_outcome,
    new_slip_code,
    platform_outcome,
    read_back,
    selfcheck_slip,
)
from kiosk.submission import CapturedPage
from kiosk.workdays import PACKAGED_ONLY, Workdays
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

if TYPE_CHECKING:
    from kiosk.catalog.library import CatalogLibrary
    from kiosk.catalog.syncjob import SyncOutcome
    from ui.capture import CaptureService
    from ui.catalogworker import CatalogService
    from ui.devicehub import DeviceHub
    from ui.outboxworker import OutboxService

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

STORE_FILE = "selfcheck.db"
PLATFORM_WAIT_S = 30.0  # the sync worker may be busy with a delivery step first
CAMERA_WAIT_S = 15.0  # for the camera to come up and a frame to be taken
SLIP_PRINT_WAIT_S = 60.0  # a slip the printer neither prints nor refuses by then has failed


@QmlElement
@QmlUncreatable("an enum")
class SelfCheckStep(QObject):
    """kiosk.selfcheck.Step, in checklist order."""

    @QEnum
    class Value(IntEnum):
        Print = 0
        Card = 1
        Camera = 2
        Platform = 3
        Catalog = 4
        Disk = 5
        Clock = 6


@QmlElement
@QmlUncreatable("an enum")
class SelfCheckState(QObject):
    """Where one step of the checklist stands."""

    @QEnum
    class Value(IntEnum):
        Pending = 0
        Checking = 1
        Passed = 2
        Failed = 3
        Skipped = 4


@QmlElement
@QmlUncreatable("an enum")
class SelfCheckWait(QObject):
    """What the current step waits for: the instruction staff read."""

    @QEnum
    class Value(IntEnum):
        Nothing = 0
        Printing = 1  # the slip is being printed
        Scan = 2  # staff hold the slip's QR under the scanner
        Card = 3  # staff place an ID card on the reader
        Camera = 4  # a frame from the document camera
        Platform = 5  # the heartbeat's answer
        Disk = 6  # free space being measured


_STATE = {
    Verdict.PASSED: SelfCheckState.Value.Passed,
    Verdict.FAILED: SelfCheckState.Value.Failed,
    Verdict.SKIPPED: SelfCheckState.Value.Skipped,
}


@dataclass(frozen=True)
class SelfCheckRow:
    """One step on the checklist (roles step, status, reason, args)."""

    step: int  # SelfCheckStep
    status: int  # SelfCheckState
    reason: str  # kiosk.selfcheck.Reason value, "" while pending or checking
    args: tuple[str, ...] = ()


@QmlElement
@QmlUncreatable("the self-check's checklist")
class SelfCheckRows(RowModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SelfCheckRow, parent, key=lambda row: row.step)


def rows_for(run: SelfCheckRun, outcomes: tuple[Outcome, ...] = ()) -> list[SelfCheckRow]:
    """The checklist as shown: a running check's steps, or a finished result's."""
    shown = {o.step: o for o in outcomes} if outcomes else run.outcomes
    rows = []
    for number, step in enumerate(STEPS):
        outcome = shown.get(step)
        if outcome is not None:
            state = _STATE[outcome.verdict]
            rows.append(SelfCheckRow(number, state, outcome.reason.value, outcome.args))
        elif step is run.current and run.phase is Phase.CHECKING and not outcomes:
            rows.append(SelfCheckRow(number, SelfCheckState.Value.Checking, ""))
        else:
            rows.append(SelfCheckRow(number, SelfCheckState.Value.Pending, ""))
    return rows


def brightest_spot(image: QImage) -> int:
    """The brightest grey level (0-255) of `image` shrunk to 32×32: averaging away single
    hot pixels, so a covered lens reads as black."""
    small = image.scaled(
        32, 32, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = small.width(), small.height()
    return max(
        (small.pixelColor(x, y).value() for y in range(height) for x in range(width)), default=0
    )


class SelfCheckWorker(QObject):
    """Lives on the self-check thread: the results kept, free space, a frame's brightness.

    Signals:
        loaded(object): the last result kept (SelfCheckResult or None).
        saved(object): this SelfCheckResult is on disk.
        saveFailed(str): it could not be kept (the reason, for the log and staff).
        diskMeasured(object): the disk step's Outcome.
        frameInspected(object): the camera step's Outcome.
    """

    loaded = Signal(object)
    saved = Signal(object)
    saveFailed = Signal(str)
    diskMeasured = Signal(object)
    frameInspected = Signal(object)

    def __init__(self, state_dir: Path | None) -> None:
        super().__init__()
        self._state_dir = state_dir
        self._store: SelfCheckStore | None = None

    def _open(self) -> SelfCheckStore | None:
        if self._store is None and self._state_dir is not None:
            self._store = SelfCheckStore(self._state_dir / STORE_FILE)
        return self._store

    @Slot()
    def load(self) -> None:
        try:
            store = self._open()
            self.loaded.emit(store.last() if store is not None else None)
        except (OSError, sqlite3.Error, RuntimeError) as error:
            log.error("self-check results unreadable: %s", error)
            self.loaded.emit(None)

    @Slot(object)
    def save(self, result: SelfCheckResult) -> None:
        try:
            store = self._open()
            if store is None:
                raise OSError("no state folder")
            store.save(result)
        except (OSError, sqlite3.Error, RuntimeError) as error:
            log.error("self-check result not kept: %s", error)
            self.saveFailed.emit(str(error))
            return
        self.saved.emit(result)

    @Slot()
    def measure_disk(self) -> None:
        free = None
        if self._state_dir is not None:
            try:
                free = shutil.disk_usage(self._state_dir).free
            except OSError as error:
                log.error("free space of %s unreadable: %s", self._state_dir, error)
        self.diskMeasured.emit(disk_outcome(free))

    @Slot(bytes)
    def inspect_frame(self, jpeg: bytes) -> None:
        image = QImage.fromData(jpeg)
        if image.isNull():
            self.frameInspected.emit(frame_outcome(0, 0, 0))
            return
        brightest = brightest_spot(image)
        self.frameInspected.emit(frame_outcome(image.width(), image.height(), brightest))

    @Slot()
    def stop(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


@QmlElement
@QmlUncreatable("built by the composition root")
class SelfCheckViewModel(QObject):
    """The self-check panel's model.

    Signals:
        changed: any property below changed (`rows` is a list model of its own).
        resultChanged(object): a new result is kept, or the last one was loaded
            (SelfCheckResult or None): for the heartbeat and the metrics.
        resultSaved(object): a new result is kept (the district is told at once).
        staffAction(str, str): started / finished, for the audit trail (event, detail).
    """

    changed = Signal()
    resultChanged = Signal(object)
    resultSaved = Signal(object)
    staffAction = Signal(str, str)
    _requestLoad = Signal()
    _requestSave = Signal(object)
    _requestDisk = Signal()
    _requestFrame = Signal(bytes)

    def __init__(
        self,
        hub: DeviceHub,
        capture: CaptureService,
        catalog_service: CatalogService,
        *,
        outbox: OutboxService | None,
        station: Callable[[], StationHealth],
        state_dir: Path | None,
        workdays: Callable[[], Workdays] = lambda: PACKAGED_ONLY,
        clock: Clock = station_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workdays = workdays
        self._clock = clock
        self._hub = hub
        self._capture = capture
        self._outbox = outbox
        self._station = station
        self._state_dir = state_dir
        self._run = SelfCheckRun()
        self._rows = SelfCheckRows(self)
        self._wait = SelfCheckWait.Value.Nothing
        self._last: SelfCheckResult | None = None
        self._save_failed = False
        self._saved = False  # this run's result is kept
        self._catalog: tuple[str, float | None] = ("", None)  # version, stored at
        self._confirmed_at: float | None = None  # the platform said the catalog is current
        self._probe: PlatformProbe | None = None
        self._slip_code = ""
        self._slip_job = ""
        self._printed_at = 0.0
        self._capture_request = 0
        self._opened_camera = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._worker = SelfCheckWorker(state_dir)
        self._thread = QThread()
        self._thread.setObjectName("selfcheck")
        self._worker.moveToThread(self._thread)
        self._requestLoad.connect(self._worker.load)
        self._requestSave.connect(self._worker.save)
        self._requestDisk.connect(self._worker.measure_disk)
        self._requestFrame.connect(self._worker.inspect_frame)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.saved.connect(self._on_saved)
        self._worker.saveFailed.connect(self._on_save_failed)
        self._worker.diskMeasured.connect(self._on_disk)
        self._worker.frameInspected.connect(self._on_frame)
        hub.printed.connect(self._on_printed)
        hub.printFailed.connect(self._on_print_failed)
        hub.scanned.connect(self._on_scanned)
        hub.lastCardChanged.connect(self._on_card)
        capture.captured.connect(self._on_captured)
        capture.failed.connect(self._on_capture_failed)
        catalog_service.libraryReady.connect(self._on_library)
        catalog_service.synced.connect(self._on_synced)
        if outbox is not None:
            outbox.platformChecked.connect(self._on_platform)
        self._show()

    # -- life ------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Start the worker and load the last result (the kiosk calls it after its first
        frame; the panel again when it opens)."""
        if not self._thread.isRunning():
            self._thread.start()
        self._requestLoad.emit()

    def stop(self) -> None:
        self.cancel()
        if self._thread.isRunning():
            from PySide6.QtCore import QMetaObject

            QMetaObject.invokeMethod(self._worker, "stop", Qt.ConnectionType.QueuedConnection)
            if not self._thread.wait(5000):
                log.error("self-check worker did not stop within 5 s")

    def last_result(self) -> SelfCheckResult | None:
        """The last result kept (for the heartbeat and the metrics)."""
        return self._last

    # -- properties ------------------------------------------------------------------------

    def _get_rows(self) -> SelfCheckRows:
        return self._rows

    def _phase(self) -> str:
        return self._run.phase.value

    def _current(self) -> int:
        return STEPS.index(self._run.current) if self._run.current is not None else -1

    def _current_reason(self) -> str:
        outcome = self._run.outcomes.get(self._run.current) if self._run.current else None
        return outcome.reason.value if outcome is not None else ""

    def _current_args(self) -> list[str]:
        outcome = self._run.outcomes.get(self._run.current) if self._run.current else None
        return list(outcome.args) if outcome is not None else []

    def _can_skip(self) -> bool:
        run = self._run
        stopped = run.phase is Phase.STOPPED
        return stopped or (run.phase is Phase.CHECKING and run.current in (Step.PRINT, Step.CARD))

    def _can_retry(self) -> bool:
        # A failed step, or one waiting for staff (a new slip, the card's wait started over).
        waits = self._wait in (SelfCheckWait.Value.Scan, SelfCheckWait.Value.Card)
        return self._run.phase is Phase.STOPPED or (self._run.phase is Phase.CHECKING and waits)

    def _last_at(self) -> str:
        if self._last is None:
            return ""
        when = datetime.datetime.fromtimestamp(self._last.at, BEIJING)
        return when.strftime("%Y-%m-%d %H:%M")

    def _last_failed(self) -> list[int]:
        if self._last is None:
            return []
        return [STEPS.index(Step(code)) for code in self._last.failed_steps]

    def _done_today(self) -> bool:
        return self._last is not None and self._last.done_today(time.time())

    # for Python (the tour): the same as `phase`, `waitingFor` and `saved`
    def current_phase(self) -> Phase:
        return self._run.phase

    def waiting_for(self) -> SelfCheckWait.Value:
        return self._wait

    def result_saved(self) -> bool:
        return self._saved

    rows = Property(SelfCheckRows, _get_rows, constant=True)
    # kiosk.selfcheck.Phase value: idle | checking | stopped | done
    phase = Property(str, _phase, notify=changed)
    currentStep = Property(int, _current, notify=changed)  # SelfCheckStep, -1 for none
    waitingFor = Property(int, lambda self: self._wait, notify=changed)  # SelfCheckWait
    # the current step's failure (phase "stopped"): a Reason value and its parameters
    currentReason = Property(str, _current_reason, notify=changed)
    currentArgs = Property(list, _current_args, notify=changed)
    canRetry = Property(bool, _can_retry, notify=changed)
    canSkip = Property(bool, _can_skip, notify=changed)
    running = Property(
        bool, lambda self: self._run.phase in (Phase.CHECKING, Phase.STOPPED), notify=changed
    )
    saveFailed = Property(bool, lambda self: self._save_failed, notify=changed)
    saved = Property(bool, lambda self: self._saved, notify=changed)  # this run's result
    hasLast = Property(bool, lambda self: self._last is not None, notify=changed)
    lastAt = Property(str, _last_at, notify=changed)  # Beijing time, "YYYY-MM-DD HH:MM"
    lastPassed = Property(bool, lambda self: bool(self._last and self._last.passed), notify=changed)
    lastFailedSteps = Property(list, _last_failed, notify=changed)  # SelfCheckStep values
    doneToday = Property(bool, _done_today, notify=changed)

    # -- staff's buttons --------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """Start the checklist from its first step."""
        if self._run.phase in (Phase.CHECKING, Phase.STOPPED):
            return
        self.start()
        self._save_failed = self._saved = False
        self._probe = None
        self._run = SelfCheckRun(unconfigured=self._unconfigured())
        self.staffAction.emit("selfcheck_started", "")
        self._check(self._run.begin())

    @Slot()
    def retry(self) -> None:
        self._halt()
        self._check(self._run.retry())

    @Slot()
    def skip(self) -> None:
        self._halt()
        self._check(self._run.skip())

    @Slot()
    def cancel(self) -> None:
        """The panel closed or staff mode ended: a check under way is dropped unsaved."""
        if self._run.phase in (Phase.CHECKING, Phase.STOPPED):
            self._halt()
            self.staffAction.emit("selfcheck_cancelled", "")
            self._run = SelfCheckRun()
            self._show()

    # -- running the steps ------------------------------------------------------------------

    def _unconfigured(self) -> set[Step]:
        hub = self._hub
        missing = set()
        if hub.status(DeviceKind.PRINTER) is None or hub.printer_profile is None:
            missing.add(Step.PRINT)
        if hub.status(DeviceKind.ID_READER) is None:
            missing.add(Step.CARD)
        if self._outbox is None:
            missing |= {Step.PLATFORM, Step.CLOCK}
        if self._state_dir is None:
            missing.add(Step.DISK)
        return missing

    def _check(self, step: Step | None) -> None:
        """Start checking `step` (None: the run stopped or is done)."""
        self._wait = SelfCheckWait.Value.Nothing
        if step is None:
            self._show()
            if self._run.phase is Phase.DONE:
                self._finish()
            return
        self._show()
        if step is Step.PRINT:
            self._print_slip()
        elif step is Step.CARD:
            self._wait_for(SelfCheckWait.Value.Card, CARD_WAIT_S)
        elif step is Step.CAMERA:
            self._take_frame()
        elif step is Step.PLATFORM:
            assert self._outbox is not None
            self._probe = None
            self._wait_for(SelfCheckWait.Value.Platform, PLATFORM_WAIT_S)
            self._outbox.check_platform(self._station())
        elif step is Step.CATALOG:
            version, stored_at = self._catalog
            now = time.time()
            unknown = self._workdays().unknown_years(self._clock().date())
            outcome = catalog_outcome(
                version, stored_at, self._confirmed_at, now, unknown_years=unknown
            )
            self._report(outcome)
        elif step is Step.DISK:
            self._wait_for(SelfCheckWait.Value.Disk, PLATFORM_WAIT_S)
            self._requestDisk.emit()
        elif step is Step.CLOCK:
            self._report(clock_outcome(self._probe))

    def _wait_for(self, wait: SelfCheckWait.Value, seconds: float) -> None:
        self._wait = wait
        self._timer.start(round(seconds * 1000))
        self.changed.emit()

    def _halt(self) -> None:
        """Stop waiting for the current step (its late answers are then ignored)."""
        self._timer.stop()
        self._wait = SelfCheckWait.Value.Nothing
        self._slip_code = self._slip_job = ""
        self._capture_request = 0
        if self._opened_camera:
            self._opened_camera = False
            self._capture.close_camera()

    def _report(self, outcome: Outcome) -> None:
        self._halt()
        self._check(self._run.report(outcome))

    def _finish(self) -> None:
        result = self._run.result(time.time())
        detail = "passed" if result.passed else "failed: " + ", ".join(result.failed_steps)
        self.staffAction.emit("selfcheck_finished", detail)
        self._requestSave.emit(result)

    def _show(self) -> None:
        self._rows.set_rows(rows_for(self._run))
        self.changed.emit()

    # the slip and its QR read back

    def _print_slip(self) -> None:
        profile = self._hub.printer_profile
        assert profile is not None
        self._slip_code = new_slip_code()
        self._wait_for(SelfCheckWait.Value.Printing, SLIP_PRINT_WAIT_S)
        slip = selfcheck_slip(profile, self._slip_code, time.time())
        self._slip_job = self._hub.print_staff_page(slip)

    @Slot(str)
    def _on_printed(self, job: str) -> None:
        if not job or job != self._slip_job:
            return
        if self._hub.status(DeviceKind.SCANNER) is None:
            self._report(Outcome.passed(Step.PRINT, Reason.PRINTED_NO_SCANNER))
            return
        self._printed_at = time.monotonic()
        self._wait_for(SelfCheckWait.Value.Scan, READ_BACK_S)

    @Slot(str, str)
    def _on_print_failed(self, job: str, code: str) -> None:
        if job and job == self._slip_job:
            self._report(Outcome.failed(Step.PRINT, Reason.PRINT_FAILED, code))

    @Slot(str)
    def _on_scanned(self, code: str) -> None:
        if self._wait is SelfCheckWait.Value.Scan and self._slip_code:
            seconds = time.monotonic() - self._printed_at
            self._report(read_back(self._slip_code, code, seconds))

    # the card

    @Slot()
    def _on_card(self) -> None:
        if self._wait is SelfCheckWait.Value.Card and self._hub.last_card():
            self._report(Outcome.passed(Step.CARD, Reason.CARD_READ))

    # the camera

    def _take_frame(self) -> None:
        self._wait_for(SelfCheckWait.Value.Camera, CAMERA_WAIT_S)
        if self._capture.uses_folder:
            self._capture_request = self._capture.take("selfcheck")
            return
        camera = self._capture.camera
        if camera is None or not camera.ready:
            camera = self._capture.open_camera()
            self._opened_camera = True
        if camera is None or not camera.found:  # no such camera on this machine
            failed = Outcome.failed(Step.CAMERA, Reason.FRAME_FAILED, "devices.camera_missing")
            QTimer.singleShot(0, self, lambda: self._report(failed))
            return
        if not camera.ready:
            camera.readyChanged.connect(self._camera_ready, Qt.ConnectionType.SingleShotConnection)
            return
        self._capture_request = self._capture.take("selfcheck")

    @Slot()
    def _camera_ready(self) -> None:
        if self._wait is SelfCheckWait.Value.Camera and not self._capture_request:
            self._capture_request = self._capture.take("selfcheck")

    @Slot(object, int)
    def _on_captured(self, page: CapturedPage, request: int) -> None:
        if request and request == self._capture_request:
            self._capture_request = 0
            self._requestFrame.emit(page.jpeg)

    @Slot(Message, int)
    def _on_capture_failed(self, problem: Message, request: int) -> None:
        if request and request == self._capture_request:
            self._report(Outcome.failed(Step.CAMERA, Reason.FRAME_FAILED, problem.code))

    @Slot(object)
    def _on_frame(self, outcome: Outcome) -> None:
        if self._wait is SelfCheckWait.Value.Camera:
            self._report(outcome)

    # the platform, the disk

    @Slot(object)
    def _on_platform(self, probe: PlatformProbe) -> None:
        if self._wait is SelfCheckWait.Value.Platform:
            self._probe = probe
            self._report(platform_outcome(probe))

    @Slot(object)
    def _on_disk(self, outcome: Outcome) -> None:
        if self._wait is SelfCheckWait.Value.Disk:
            self._report(outcome)

    @Slot()
    def _on_timeout(self) -> None:
        wait, step = self._wait, self._run.current
        if step is None or wait is SelfCheckWait.Value.Nothing:
            return
        if wait is SelfCheckWait.Value.Scan:
            self._report(Outcome.failed(step, Reason.NOT_READ_BACK, round(READ_BACK_S)))
        elif wait is SelfCheckWait.Value.Printing:
            self._report(Outcome.failed(step, Reason.PRINT_FAILED, "timeout"))
        elif wait is SelfCheckWait.Value.Card:
            self._report(Outcome.failed(step, Reason.NO_CARD, round(CARD_WAIT_S)))
        elif wait is SelfCheckWait.Value.Camera:
            self._report(Outcome.failed(step, Reason.FRAME_FAILED, "devices.camera_missing"))
        elif wait is SelfCheckWait.Value.Platform:
            self._report(platform_outcome(PlatformProbe("offline", detail="no answer in time")))
        else:
            self._report(disk_outcome(None))

    # -- what the catalog worker and the store tell ----------------------------------------

    @Slot(object)
    def _on_library(self, library: CatalogLibrary) -> None:
        self._catalog = (library.version, library.stored_at)

    @Slot(object)
    def _on_synced(self, outcome: SyncOutcome) -> None:
        if outcome.status in ("updated", "unchanged"):
            self._confirmed_at = time.time()

    @Slot(object)
    def _on_loaded(self, result: SelfCheckResult | None) -> None:
        if self._run.phase is Phase.IDLE:
            self._last = result
            if result is not None:
                self._rows.set_rows(rows_for(self._run, result.outcomes))
            self.changed.emit()
            self.resultChanged.emit(result)

    @Slot(object)
    def _on_saved(self, result: SelfCheckResult) -> None:
        self._last = result
        self._saved = True
        self.changed.emit()
        self.resultChanged.emit(result)
        self.resultSaved.emit(result)

    @Slot(str)
    def _on_save_failed(self, _reason: str) -> None:
        self._save_failed = True
        self.changed.emit()
