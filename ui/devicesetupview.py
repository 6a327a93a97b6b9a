"""Staff choose where a device is, on the staff panel: list, choose, saved, in use.

Listing ports and USB printers, writing the choices file and building the device touch the
disk and the system: `DeviceSetupWorker` does them on its own thread, started the first
time staff open a chooser. The chosen device replaces the old one in the hub at once (no
restart). Answers carry the request they belong to, so a late answer after staff mode ended
changes nothing.

The document camera is shown here too: staff open its live preview to check that it is
plugged in, sharp and lit, and choose it by name when the terminal has several. A camera
chosen is used from the next picture on (ui/capture.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

from devices.errors import DeviceError
from devices.status import DeviceKind
from kiosk.devicechoices import KEYS, Candidate, Chosen, DeviceChoiceError, DeviceSetup
from ui.capture import CaptureService
from ui.devicehub import DeviceHub
from ui.ondemand import WorkerOnDemand
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


class DeviceSetupWorker(QObject):
    """Lives on the device-setup thread; one request at a time.

    Signals:
        listed(int, object): the request and its list[Candidate].
        chosen(int, Chosen): the choice was saved (or kept for this run) and the device built.
        refused(int, str, str): the request, why (a code for the screen), the detail for staff.
    """

    listed = Signal(int, object)
    chosen = Signal(int, object)
    refused = Signal(int, str, str)

    def __init__(self, setup: DeviceSetup) -> None:
        super().__init__()
        self._setup = setup

    @Slot(int, str)
    def list_candidates(self, request: int, kind: str) -> None:
        try:
            self.listed.emit(request, self._setup.candidates(DeviceKind(kind)))
        except (OSError, ValueError) as error:
            log.warning("device setup: cannot list the %s's ports: %s", kind, error)
            self.refused.emit(request, "list_failed", str(error))

    @Slot(int, str, str)
    def choose(self, request: int, kind: str, value: str) -> None:
        try:
            self.chosen.emit(request, self._setup.choose(DeviceKind(kind), value))
        except DeviceChoiceError as error:
            log.warning("device setup: %s not changed: %s", kind, error)
            self.refused.emit(request, error.code, error.detail)
        except (DeviceError, OSError, ValueError) as error:
            log.warning("device setup: %s on %s cannot be used: %s", kind, value, error)
            self.refused.emit(request, "build_failed", str(error))


@dataclass(frozen=True)
class CandidateRoles:
    """One place a device may be (roles value, kind, detail, current)."""

    value: str
    kind: str
    detail: str
    current: bool


@QmlElement
@QmlUncreatable("the device setup's candidates")
class CandidateRows(RowModel):
    """Where the device being set up may be: ports and printers found now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CandidateRoles, parent)


@QmlElement
@QmlUncreatable("built by the composition root")
class DeviceSetupModel(QObject):
    """The staff panel's device chooser.

    `available` is false when the kiosk was started without a device setup (tests, the
    tour): the panel then offers no chooser. `outcome` is "" or a code: "saved" (in the
    choices file, `savedTo`), "applied" (for this run only), "invalid", "not_local",
    "not_saved", "printing" (a resident's receipt is printing: try again in a moment),
    "list_failed", "build_failed"; `outcomeDetail` is the technical detail for staff.

    The camera: `cameraMode` is "camera", or "folder" when pages come from an image folder
    (the demo) and there is nothing to preview or choose; `previewing` while staff look at
    the live picture (`cameraSession`, `cameraReady`).

    Signals:
        changed: any property changed.
    """

    changed = Signal()
    _requestList = Signal(int, str)
    _requestChoose = Signal(int, str, str)

    def __init__(
        self,
        setup: DeviceSetup | None,
        hub: DeviceHub,
        record: Callable[[str, str], None],
        parent: QObject | None = None,
        *,
        capture: CaptureService | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub
        self._capture = capture
        self._previewing = False
        self._opened_camera = False  # the preview opened it (not a resident's materials step)
        self._camera_watched = False
        self._record = record
        self._rows = CandidateRows(self)
        self._device = ""
        self._busy = False
        self._outcome = ""
        self._detail = ""
        self._saved_to = ""
        self._request = 0
        self._worker: WorkerOnDemand | None = None
        if setup is not None:
            worker = DeviceSetupWorker(setup)
            self._requestList.connect(worker.list_candidates)
            self._requestChoose.connect(worker.choose)
            worker.listed.connect(self._on_listed)
            worker.chosen.connect(self._on_chosen)
            worker.refused.connect(self._on_refused)
            self._worker = WorkerOnDemand(worker, "device-setup")

    def stop(self) -> None:
        """End the worker thread (the kiosk is closing)."""
        self.closePreview()
        if self._worker is not None:
            self._worker.stop()

    # properties ---------------------------------------------------------------------------

    available = Property(bool, lambda self: self._worker is not None, constant=True)
    device = Property(str, lambda self: self._device, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    outcome = Property(str, lambda self: self._outcome, notify=changed)
    outcomeDetail = Property(str, lambda self: self._detail, notify=changed)
    savedTo = Property(str, lambda self: self._saved_to, notify=changed)

    cameraMode = Property(
        str,
        lambda self: "folder" if self._capture is None or self._capture.uses_folder else "camera",
        constant=True,
    )
    previewing = Property(bool, lambda self: self._previewing, notify=changed)
    # Not only while previewing: the preview, as it goes, must still find the session to
    # take its picture out of it.
    cameraSession = Property(
        QObject,
        lambda self: (
            self._capture.camera.session
            if self._capture is not None and self._capture.camera
            else None
        ),
        notify=changed,
    )
    cameraReady = Property(
        bool,
        lambda self: bool(
            self._previewing
            and self._capture is not None
            and self._capture.camera
            and self._capture.camera.ready
        ),
        notify=changed,
    )

    def _get_candidates(self) -> CandidateRows:
        return self._rows

    candidates = Property(CandidateRows, _get_candidates, constant=True)

    def candidate_rows(self) -> tuple[CandidateRoles, ...]:
        """For Python: what the chooser lists now."""
        return self._rows.rows()

    # slots --------------------------------------------------------------------------------

    @Slot(str)
    def openChooser(self, kind: str) -> None:
        """List where `kind` ("id_reader", "printer", "scanner") may be."""
        if self._worker is None or kind not in {k.value for k in KEYS}:
            return
        self._worker.start()
        self._request += 1
        self._device = kind
        self._busy = True
        self._outcome = self._detail = self._saved_to = ""
        self._rows.set_rows([])
        self._requestList.emit(self._request, kind)
        self.changed.emit()

    @Slot(str)
    def choose(self, value: str) -> None:
        """Use `value`, one of the places listed (nothing else is taken)."""
        if self._worker is None or not self._device or self._busy:
            return
        if value not in {row.value for row in self._rows.rows()}:
            return
        if self._device == DeviceKind.PRINTER.value and self._hub.printing():
            self._outcome, self._detail = "printing", ""
            self.changed.emit()
            return
        self._request += 1
        self._busy = True
        self._outcome = self._detail = self._saved_to = ""
        self._requestChoose.emit(self._request, self._device, value)
        self.changed.emit()

    @Slot()
    def openPreview(self) -> None:
        """Show the document camera's live picture (opened now if no resident's step has it
        open)."""
        if self._capture is None or self._capture.uses_folder or self._previewing:
            return
        already_open = self._capture.camera is not None and self._capture.camera.found
        camera = self._capture.open_camera()
        if camera is None:
            return
        self._opened_camera = not already_open
        if not self._camera_watched:  # once: the camera object lives as long as the capture
            camera.readyChanged.connect(self.changed)
            self._camera_watched = True
        self._previewing = True
        self.changed.emit()

    @Slot()
    def closePreview(self) -> None:
        """Stop showing the live picture; the camera is closed if the preview opened it."""
        if not self._previewing or self._capture is None:
            return
        self._previewing = False
        self.changed.emit()  # the preview goes first, taking its picture out of the session
        if self._opened_camera:
            self._capture.close_camera()
        self._opened_camera = False

    @Slot()
    def close(self) -> None:
        """The chooser is closed or staff mode ended: later answers change nothing."""
        self.closePreview()
        self._request += 1
        self._device = self._outcome = self._detail = self._saved_to = ""
        self._busy = False
        self._rows.set_rows([])
        self.changed.emit()

    @Slot(int, object)
    def _on_listed(self, request: int, found: list[Candidate]) -> None:
        if request != self._request:
            return
        self._busy = False
        self._rows.set_rows([CandidateRoles(c.value, c.kind, c.detail, c.current) for c in found])
        self.changed.emit()

    @Slot(int, object)
    def _on_chosen(self, request: int, chosen: Chosen) -> None:
        # Saved is saved: even when staff mode ended meanwhile, the device is taken into use
        # and the change recorded, so the running kiosk and the next start agree.
        kind = chosen.kind
        section, key = KEYS[kind]
        value = getattr(getattr(chosen.settings, section), key)
        self._hub.replace_device(kind, chosen.device)
        if kind is DeviceKind.CAMERA and self._capture is not None:
            self.closePreview()
            self._capture.use_camera(value)
        self._record("device_changed", f"{section}.{key} = {value}")
        if request != self._request:
            return
        self._busy = False
        self._outcome = "saved" if chosen.saved_to is not None else "applied"
        self._saved_to = str(chosen.saved_to or "")
        self._rows.set_rows(
            [
                CandidateRoles(row.value, row.kind, row.detail, row.value == value)
                for row in self._rows.rows()
            ]
        )
        self.changed.emit()

    @Slot(int, str, str)
    def _on_refused(self, request: int, code: str, detail: str) -> None:
        if request != self._request:
            return
        self._busy = False
        self._outcome, self._detail = code, detail
        self.changed.emit()
