"""One worker thread per device (ARCHITECTURE.md §Threads), and the hub the UI talks to.

Each worker is a QObject moved to its own QThread: it owns its device, runs one command at
a time, and reports through signals carrying frozen values (DeviceStatus, Identity, text).
The GUI thread never touches a port. A device that fails is reported offline at once and
retried on a timer, so a device plugged back in comes online by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from devices.camera import DocumentCamera
from devices.errors import DeviceError
from devices.idcard.device import IdCardDevice
from devices.printer.layout import Receipt, import_escpos, receipt_bytes
from devices.printer.printer import ReceiptPrinter
from devices.scanner.framer import BadScan, Scan
from devices.scanner.scanner import SerialScanner
from devices.scanner.wedge import WedgeScanner
from devices.status import DeviceKind, DeviceStatus, Lifecycle, Stage, status_from_error

log = logging.getLogger(__name__)

RETRY_MS = 1000  # how often a failed device is tried again
WARM_UP_MS = 5000  # after start-up: load the printer library before it is needed


CAMERA_CHECK_MS = 2000  # how often the camera's presence is checked (a sysfs listing)

D = TypeVar("D", IdCardDevice, ReceiptPrinter, SerialScanner | WedgeScanner, DocumentCamera)


class DeviceWorker(QObject, Generic[D]):
    """Base: bring the device up, check its health on a timer, stop cleanly.

    Signals:
        statusChanged(DeviceStatus): whenever the status differs from the last one sent.
    """

    statusChanged = Signal(object)

    def __init__(self, name: DeviceKind, device: D, health_interval_ms: int) -> None:
        super().__init__()
        self.name = name
        self.device: D = device
        self._health_interval = health_interval_ms
        self._timer: QTimer | None = None
        self._last: DeviceStatus | None = None

    # PySide6 runs a slot that a subclass overrides on the wrong thread: subclasses extend
    # start/stop/tick through the plain hooks below instead.
    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self.on_start()
        self._bring_up()
        self._timer.start(self._health_interval)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.on_stop()
        device: Lifecycle = self.device
        device.close()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    @Slot()
    def tick(self) -> None:
        self.on_tick()

    def on_start(self) -> None:
        """Runs on the worker's thread before the device is brought up."""

    def on_stop(self) -> None:
        """Runs on the worker's thread before the device is closed."""

    def on_tick(self) -> None:
        """Every health interval: by default, check the device's health."""
        self.check()

    def check(self) -> DeviceStatus:
        status: DeviceStatus = self.device.check_health()
        if status.usable and self.device.stage is Stage.CLAIMED:
            self.device.enable()
        self.report(status)
        return status

    def report(self, status: DeviceStatus) -> None:
        if status != self._last:
            self._last = status
            if status.usable:
                log.info("%s: %s", self.name, status.health.value)
            else:
                log.warning("%s: %s (%s)", self.name, status.health.value, status.detail)
            self.statusChanged.emit(status)

    @property
    def usable(self) -> bool:
        return self._last is not None and self._last.usable

    def _bring_up(self) -> None:
        device: Lifecycle = self.device
        try:
            device.ensure_claimed()
            device.enable()
        except DeviceError as error:
            self.report(status_from_error(self.name, error))
            return
        self.check()

    def attempt(self, action: Callable[[], Any]) -> Any:
        """Run a device command; a DeviceError becomes the status and None."""
        try:
            return action()
        except DeviceError as error:
            self.report(status_from_error(self.name, error))
            return None


class IdCardWorker(DeviceWorker[IdCardDevice]):
    """Polls the reader at the configured interval while it is online.

    Signals:
        cardRead(Identity): a card was placed on the reader (once per placement).
    """

    cardRead = Signal(object)

    def __init__(self, device: IdCardDevice, poll_interval_ms: int) -> None:
        super().__init__(DeviceKind.ID_READER, device, poll_interval_ms)

    def on_tick(self) -> None:
        if not self.usable:
            self.check()  # reconnect attempt; polling resumes once it is back
            return
        identity = self.attempt(self.device.poll)
        if identity is not None:
            self.cardRead.emit(identity)


class PrinterWorker(DeviceWorker[ReceiptPrinter]):
    """Checks the printer's paper and cover between jobs; prints one job at a time.

    Signals:
        printed(str): the job with this id came out complete.
        printFailed(str, str): job id and the error code (paper_out, cover_open, offline…);
            the job is kept for a reprint.
    """

    printed = Signal(str)
    printFailed = Signal(str, str)

    def __init__(self, device: ReceiptPrinter) -> None:
        super().__init__(DeviceKind.PRINTER, device, 1000)  # + 0.8 s reply timeout: offline < 2 s
        self._kept_job = ""  # id of the job whose bytes the printer keeps for a reprint

    def on_start(self) -> None:
        # python-escpos loads PIL, YAML and more (~250 ms of CPU): not while the kiosk starts
        # (it would compete with the first frame for the interpreter), but well before a
        # resident's first receipt.
        QTimer.singleShot(WARM_UP_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        import_escpos()

    def on_stop(self) -> None:
        # A resident's receipt kept for a reprint goes with the printer (staff chose another).
        printer: ReceiptPrinter = self.device
        printer.failed_job = None
        self._kept_job = ""

    @Slot(str, object)
    def print_job(self, job_id: str, receipt: Receipt) -> None:
        """Lay out and print; layout is pure and quick, but it imports python-escpos."""
        printer: ReceiptPrinter = self.device
        self._run(job_id, lambda: printer.print_job(receipt_bytes(receipt, printer.profile)))

    @Slot(str)
    def reprint(self, job_id: str) -> None:
        self._run(job_id, self.device.reprint)

    @Slot(str)
    def forget_failed_job(self, job_id: str) -> None:
        """Drop the kept job's bytes (a resident's receipt) once it may not be reprinted;
        a later failure kept meanwhile stays."""
        if job_id == self._kept_job:
            printer: ReceiptPrinter = self.device
            printer.failed_job = None
            self._kept_job = ""

    def _run(self, job_id: str, action: Callable[[], None]) -> None:
        try:
            action()
        except DeviceError as error:
            log.warning("printer: job %s failed: %s", job_id, error.detail)
            self._kept_job = job_id
            self.printFailed.emit(job_id, error.code)
            self.check()
            return
        self._kept_job = ""  # the printer keeps a failed job only until the next one prints
        self.printed.emit(job_id)
        self.check()


class CameraWorker(DeviceWorker[DocumentCamera]):
    """Watches whether the document camera (or the demo's image folder) is there; the
    pictures themselves are QtMultimedia's, on the GUI thread (ui/capture.py)."""

    def __init__(self, device: DocumentCamera) -> None:
        super().__init__(DeviceKind.CAMERA, device, CAMERA_CHECK_MS)


class ScannerWorker(DeviceWorker[SerialScanner | WedgeScanner]):
    """Reads codes continuously while online.

    Signals:
        scanned(str): a complete, valid code.
        rejected(str): a scan we refused, as the message code to show (Words.qml).
    """

    scanned = Signal(str)
    rejected = Signal(str)

    def __init__(self, device: SerialScanner | WedgeScanner) -> None:
        super().__init__(DeviceKind.SCANNER, device, RETRY_MS)
        self._reader: QTimer | None = None

    def on_start(self) -> None:
        self._reader = QTimer(self)
        self._reader.timeout.connect(self.read)
        self._reader.start(0)

    def on_stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()

    def on_tick(self) -> None:
        if not self.usable:
            self.check()

    @Slot()
    def read(self) -> None:
        if not self.usable:
            return
        results = self.attempt(lambda: self.device.read(0.1)) or []
        for result in results:
            if isinstance(result, Scan):
                self.scanned.emit(result.text)
            elif isinstance(result, BadScan):
                log.info("scanner: refused a scan (%s: %s)", result.reason, result.detail)
                self.rejected.emit(result.message)


class WorkerThread:
    """A worker, its thread, and the clean stop every test fixture checks for."""

    def __init__(self, worker: DeviceWorker[Any], cancel: Callable[[], None]) -> None:
        self.worker = worker
        self._cancel = cancel
        self.thread = QThread()
        self.thread.setObjectName(worker.name)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start)

    def start(self) -> None:
        self.thread.start()

    def stop_later(self) -> None:
        """Ask the worker to close its device and end its thread; do not wait for it."""
        if self.thread.isRunning():
            self._cancel()  # a command in progress ends at its next check, not at its timeout
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.QueuedConnection)

    def stop(self) -> None:
        if not self.thread.isRunning():
            return
        self.stop_later()
        if not self.thread.wait(5000):
            log.error("%s worker did not stop within 5 s", self.worker.name)
