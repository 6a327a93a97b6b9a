"""The devices as the UI sees them: status lights, problems to tell residents, staff actions.

`DeviceHub` starts one worker thread per configured device and turns their signals into
properties for QML. What belongs to staff is shown only in staff mode (after the PIN):
a receipt that failed to print, kept for `reprint_window_s` and then dropped, and the
masked summary of a card read while staff mode is on (the staff panel's test read), which
ends with staff mode. Nothing of a resident's session is ever shown on the panel.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from devices.camera import DocumentCamera
from devices.idcard.device import IdCardDevice
from devices.idcard.identity import Identity
from devices.printer.layout import PrinterProfile, Receipt, test_page
from devices.printer.printer import ReceiptPrinter
from devices.scanner.scanner import SerialScanner
from devices.scanner.wedge import WedgeScanner
from devices.status import DeviceKind, DeviceStatus, Health, Light
from kiosk.health import DeviceHealth
from kiosk.privacy import mask_id_number, mask_name
from kiosk.services import Devices
from ui.devicetypes import DeviceRow, DeviceRows, PrintState
from ui.deviceworkers import (
    CameraWorker,
    DeviceWorker,
    IdCardWorker,
    PrinterWorker,
    ScannerWorker,
    WorkerThread,
)
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

_RANK = {Light.GREEN: 0, Light.AMBER: 1, Light.RED: 2}


@dataclass(frozen=True)
class PrintStatus:
    """The resident's last print job: its id ("" when none), state and error code."""

    job: str = ""
    state: PrintState.Value = PrintState.Value.Idle
    code: str = ""  # the printer's error code when failed (paper_out, cover_open, …)

    @property
    def printed(self) -> bool:
        return self.state is PrintState.Value.Done


@QmlElement
@QmlUncreatable("built by the composition root")
class DeviceHub(QObject):
    """GUI-thread side of the device workers.

    Signals:
        cardRead(Identity): a resident's card was read (for the session). In staff mode a card
            is the panel's test read: shown masked there, never passed on.
        scanned(str): a valid code from the scanner.
        scanRejected(str): a refused scan, as the message code to show (Words.qml).
        printed(str) / printFailed(str, str): a job finished / failed (id, error code).
        printStatusChanged: the resident's last print job moved on (`printJob`,
            `printState`, `printCode`; `print_status()` in Python).
        staffAction(str, str): a staff step for the audit trail (event, detail).
    """

    statusChanged = Signal()
    lastCardChanged = Signal()
    lastScanChanged = Signal()
    cardRead = Signal(object)
    scanned = Signal(str)
    scanRejected = Signal(str)
    printed = Signal(str)
    printFailed = Signal(str, str)
    requestPrint = Signal(str, object)
    requestReprint = Signal(str)
    requestForgetFailed = Signal(str)
    printStatusChanged = Signal()
    staffAction = Signal(str, str)

    def __init__(
        self,
        devices: Devices | None,
        parent: QObject | None = None,
        *,
        reprint_window_s: float = 900,
    ) -> None:
        super().__init__(parent)
        self._statuses: dict[DeviceKind, DeviceStatus | None] = dict.fromkeys(DeviceKind)
        self._rows = DeviceRows(self)
        self._troubled_rows = DeviceRows(self)
        self._threads: list[WorkerThread] = []
        self._last_card: dict[str, Any] = {}
        self._last_scan: dict[str, Any] = {}
        self._staff_mode = False
        self._failed_job = ""
        # A failed receipt carries a resident's masked name, case number and progress QR:
        # it is dropped (here and in the printer worker) when this runs out.
        self._reprint_window = QTimer(self)
        self._reprint_window.setSingleShot(True)
        self._reprint_window.setInterval(round(reprint_window_s * 1000))
        self._reprint_window.timeout.connect(self._on_reprint_window_over)
        self._started = False
        self._print_status = PrintStatus()
        self._staff_jobs: set[str] = set()  # test pages and self-check slips on their way
        self.printer_profile: PrinterProfile | None = None
        self._show_statuses()
        self._poll_interval_ms = devices.poll_interval_ms if devices is not None else 300
        self._by_kind: dict[DeviceKind, WorkerThread] = {}
        self._retired: list[WorkerThread] = []
        if devices is None:
            return
        for kind, device in (
            (DeviceKind.ID_READER, devices.id_reader),
            (DeviceKind.PRINTER, devices.printer),
            (DeviceKind.SCANNER, devices.scanner),
            (DeviceKind.CAMERA, devices.camera),
        ):
            if device is not None:
                self._attach(kind, device)

    def _attach(self, kind: DeviceKind, device: object) -> WorkerThread:
        """A worker thread for `device` (not started), its signals wired to the hub's."""
        if kind is DeviceKind.ID_READER:
            assert isinstance(device, IdCardDevice)
            reader = IdCardWorker(device, self._poll_interval_ms)
            reader.cardRead.connect(self._on_card)
            return self._add(reader, device.cancel)
        if kind is DeviceKind.PRINTER:
            assert isinstance(device, ReceiptPrinter)
            printer = PrinterWorker(device)
            self.printer_profile = device.profile
            self.requestPrint.connect(printer.print_job)
            self.requestReprint.connect(printer.reprint)
            self.requestForgetFailed.connect(printer.forget_failed_job)
            printer.printed.connect(self._on_printed)
            printer.printFailed.connect(self._on_print_failed)
            return self._add(printer, device.cancel.set)
        if kind is DeviceKind.CAMERA:
            assert isinstance(device, DocumentCamera)
            return self._add(CameraWorker(device), lambda: None)
        assert isinstance(device, SerialScanner | WedgeScanner)
        scanner = ScannerWorker(device)
        scanner.scanned.connect(self._on_scanned)
        scanner.rejected.connect(self.scanRejected)
        return self._add(scanner, lambda: None)

    def _add(self, worker: DeviceWorker[Any], cancel: Callable[[], None]) -> WorkerThread:
        worker.statusChanged.connect(self._on_status)
        # Until the worker reports, a configured device counts as connecting (not red).
        self._statuses[worker.name] = DeviceStatus(worker.name, Health.BUSY, detail="starting")
        thread = WorkerThread(worker, cancel)
        self._threads.append(thread)
        self._by_kind[worker.name] = thread
        self._show_statuses()
        return thread

    def replace_device(self, kind: DeviceKind, device: object | None) -> None:
        """Staff chose another port for `kind` (None: no such device): the old worker is
        stopped without waiting for it, and the new one started. A receipt kept for
        reprinting on the old printer is dropped with it (staff do not change the printer
        while a receipt prints: see `printing`)."""
        old = self._by_kind.pop(kind, None)
        if old is not None:
            if kind is DeviceKind.PRINTER:
                if self._failed_job:
                    self._drop_failed_job()
                    self.staffAction.emit("receipt_dropped", "printer changed")
                worker = old.worker
                assert isinstance(worker, PrinterWorker)
                self.requestPrint.disconnect(worker.print_job)
                self.requestReprint.disconnect(worker.reprint)
                self.requestForgetFailed.disconnect(worker.forget_failed_job)
                worker.printed.disconnect(self._on_printed)
                worker.printFailed.disconnect(self._on_print_failed)
                self.printer_profile = None
            old.worker.statusChanged.disconnect(self._on_status)
            self._threads.remove(old)
            self._retired.append(old)
            old.stop_later()
        self._statuses[kind] = None
        if device is not None:
            thread = self._attach(kind, device)
            if self._started:
                thread.start()
        self._show_statuses()
        self.statusChanged.emit()

    @Slot()
    def start(self) -> None:
        """Start the workers (once; the kiosk calls it after its first frame)."""
        if self._started:
            return
        self._started = True
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        for thread in self._threads + self._retired:
            thread.stop()

    # properties ---------------------------------------------------------------------------

    def _get_rows(self) -> DeviceRows:
        return self._rows

    def _get_troubled_rows(self) -> DeviceRows:
        return self._troubled_rows

    def _light(self) -> str:
        return self.overall_light().value

    def _printer_ready(self) -> bool:
        status = self._statuses[DeviceKind.PRINTER]
        return status is not None and status.usable

    def _reader_ready(self) -> bool:
        status = self._statuses[DeviceKind.ID_READER]
        return status is not None and status.usable

    # Every device, configured or not (the staff panel, the corner lights).
    rows = Property(DeviceRows, _get_rows, constant=True)
    # Only devices down that residents must be told about (the banner).
    troubledRows = Property(DeviceRows, _get_troubled_rows, constant=True)
    # QML does not read it; older tests and the tour do, as a string (Python: overall_light()).
    light = Property(str, _light, notify=statusChanged)
    printerReady = Property(bool, _printer_ready, notify=statusChanged)
    readerReady = Property(bool, _reader_ready, notify=statusChanged)

    def _get_last_card(self) -> dict[str, Any]:
        return self._last_card

    def _get_last_scan(self) -> dict[str, Any]:
        return self._last_scan

    def _get_failed_job(self) -> str:
        return self._failed_job if self._staff_mode else ""

    def _printer_configured(self) -> bool:
        return self.printer_profile is not None

    def _print_job(self) -> str:
        return self._print_status.job

    def _print_state(self) -> int:
        return self._print_status.state

    def _print_code(self) -> str:
        return self._print_status.code

    # Both for the staff panel only: empty outside staff mode.
    lastCard = Property(dict, _get_last_card, notify=lastCardChanged)
    # The staff panel's test scan: its first characters and its length.
    lastScan = Property(dict, _get_last_scan, notify=lastScanChanged)
    failedJob = Property(str, _get_failed_job, notify=statusChanged)
    printerConfigured = Property(bool, _printer_configured, notify=statusChanged)
    # The resident's last print job: id, state (PrintState) and error code when failed.
    printJob = Property(str, _print_job, notify=printStatusChanged)
    printState = Property(int, _print_state, notify=printStatusChanged)
    printCode = Property(str, _print_code, notify=printStatusChanged)

    # for Python ---------------------------------------------------------------------------

    def status(self, kind: DeviceKind) -> DeviceStatus | None:
        return self._statuses[kind]

    def statuses(self) -> Mapping[DeviceKind, DeviceStatus | None]:
        """Every device's last status (None: not configured), read-only."""
        return MappingProxyType(self._statuses)

    def overall_light(self) -> Light:
        """The corner light: the worst of the configured devices' lights."""
        lights = [status.light for status in self._statuses.values() if status is not None]
        return max(lights, key=_RANK.__getitem__, default=Light.GREEN)

    def print_status(self) -> PrintStatus:
        return self._print_status

    def last_card(self) -> Mapping[str, Any]:
        """Python's view of `lastCard`: the staff test read, masked ({} when none)."""
        return MappingProxyType(self._last_card)

    def printing(self) -> bool:
        """A resident's receipt is on its way to the printer now."""
        return self._print_status.state is PrintState.Value.Printing

    def _show_statuses(self) -> None:
        rows = [DeviceRow(kind, status) for kind, status in self._statuses.items()]
        self._rows.set_device_rows(rows)
        self._troubled_rows.set_device_rows(
            [row for row in rows if row.status is not None and row.status.concerns_residents]
        )

    def health(self) -> tuple[DeviceHealth, ...]:
        """Each device slot as the heartbeat reports it (None: not configured here)."""
        return tuple(
            DeviceHealth(kind.value, status.health, status.paper)
            if status is not None
            else DeviceHealth(kind.value, None)
            for kind, status in self._statuses.items()
        )

    # slots --------------------------------------------------------------------------------

    @Slot(object)
    def _on_status(self, status: DeviceStatus) -> None:
        self._statuses[status.device] = status
        self._show_statuses()
        self.statusChanged.emit()

    @Slot(object)
    def _on_card(self, identity: Identity) -> None:
        if self._staff_mode:  # the staff panel's test read; a resident's card is not kept
            self._last_card = {
                "kind": identity.kind.value,
                "decoded": identity.decoded,  # False: a kind the kiosk cannot decode yet
                "name": mask_name(identity.name or identity.english_name),
                "idNumber": mask_id_number(identity.id_number),
                "numberValid": identity.id_number_valid,
            }
            self.lastCardChanged.emit()
            return  # a staff member's card never reaches a resident's application or query
        self.cardRead.emit(identity)

    @Slot(str)
    def _on_scanned(self, text: str) -> None:
        if self._staff_mode:  # the staff panel's test scan: shown shortened, never kept
            self._last_scan = {"start": text[:8], "length": len(text)}
            self.lastScanChanged.emit()
        self.scanned.emit(text)

    @Slot(str)
    def _on_printed(self, job_id: str) -> None:
        self._staff_jobs.discard(job_id)
        if self._failed_job:  # the printer keeps a failed job only until the next one prints
            self._drop_failed_job()
        self._set_print_status(PrintStatus(job_id, PrintState.Value.Done))
        self.printed.emit(job_id)

    @Slot(str, str)
    def _on_print_failed(self, job_id: str, code: str) -> None:
        if job_id in self._staff_jobs:  # a test page or a self-check slip: nobody waits for it
            self._staff_jobs.discard(job_id)
            self.requestForgetFailed.emit(job_id)
            self.printFailed.emit(job_id, code)
            return
        if job_id != self._failed_job:  # a failed reprint keeps the first failure's window
            self._failed_job = job_id
            self._reprint_window.start()
        self.statusChanged.emit()
        self._set_print_status(PrintStatus(job_id, PrintState.Value.Failed, code))
        self.printFailed.emit(job_id, code)

    def _drop_failed_job(self) -> None:
        self._reprint_window.stop()
        self.requestForgetFailed.emit(self._failed_job)
        self._failed_job = ""
        self.statusChanged.emit()

    @Slot()
    def _on_reprint_window_over(self) -> None:
        if self._failed_job:
            self._drop_failed_job()
            self.staffAction.emit("receipt_dropped", "reprint window over")

    @Slot(bool)
    def setStaffMode(self, on: bool) -> None:
        """Staff mode began or ended (StaffGate); either way, no earlier card stays."""
        self._staff_mode = on
        self._forget_test_reads()
        self.statusChanged.emit()

    def _set_print_status(self, status: PrintStatus) -> None:
        if status.job == self._print_status.job:
            self._print_status = status
            self.printStatusChanged.emit()

    @Slot(object)
    def print_receipt(self, receipt: Receipt) -> str:
        """Queue a receipt on the printer worker; returns the job id the signals will carry."""
        job_id = uuid.uuid4().hex[:12]
        self._print_status = PrintStatus(job_id, PrintState.Value.Printing)
        self.printStatusChanged.emit()
        self._queue(job_id, receipt)
        return job_id

    def print_staff_page(self, page: Receipt) -> str:
        """Queue a page for staff (the test page, the self-check slip): unlike a resident's
        receipt, it is not the screen's print status, and when it fails it is not kept for
        a reprint nor shown as a receipt that did not print. Returns the job id."""
        job_id = uuid.uuid4().hex[:12]
        self._staff_jobs.add(job_id)
        self._queue(job_id, page)
        return job_id

    def _queue(self, job_id: str, receipt: Receipt) -> None:
        """To the printer worker, or failed at once when there is no printer."""
        if self.printer_profile is None:
            self._on_print_failed(job_id, "no_device")
        else:
            self.requestPrint.emit(job_id, receipt)

    @Slot()
    def printTest(self) -> None:
        if self.printer_profile is not None:
            self.print_staff_page(test_page(self.printer_profile))

    @Slot()
    def reprint(self) -> None:
        """Staff mode only, within the reprint window."""
        if self._staff_mode and self._failed_job:
            self.staffAction.emit("receipt_reprinted", f"job {self._failed_job}")
            self.requestReprint.emit(self._failed_job)

    @Slot()
    def discardFailedJob(self) -> None:
        """Staff dismiss the failed receipt: it is dropped from memory at once."""
        if self._staff_mode and self._failed_job:
            self.staffAction.emit("receipt_discarded", f"job {self._failed_job}")
            self._drop_failed_job()

    @Slot()
    def clearSession(self) -> None:
        """Part of the session wipe: the masked card and the resident's print status."""
        self._forget_test_reads()
        self.forgetPrintStatus()

    def _forget_test_reads(self) -> None:
        if self._last_card:
            self._last_card = {}
            self.lastCardChanged.emit()
        if self._last_scan:
            self._last_scan = {}
            self.lastScanChanged.emit()

    @Slot()
    def forgetPrintStatus(self) -> None:
        """A new screen starts without the last job's "printed" or "failed" line."""
        self._print_status = PrintStatus()
        self.printStatusChanged.emit()
