"""Pages of materials: from the document camera (高拍仪) or an image folder, downscaled and
compressed to a size budget off the GUI thread.

`fit_page` is the pure part: longest side at most `max_side`, then JPEG quality stepped
down until the page fits the budget, then smaller again if it still does not. Decoding a
big photo and encoding it takes 100 ms and more, so the `CaptureWorker` does it on its own
thread; the GUI thread only asks and hears back a `CapturedPage` or a `Message` to show
(words in Words.qml, section "devices").

The camera is QtMultimedia's: `CameraSource` lives on the GUI thread (Qt wants it there),
hands each still image to the worker, and exposes its capture session so the screen's
VideoOutput can show the live preview. `settings.camera.image_folder` replaces the camera
with the images of a folder, taken in name order (demo and tests).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QImageReader

from kiosk.messages import Message, message
from kiosk.submission import CapturedPage

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"}
QUALITIES = (85, 75, 65, 55, 45)
SHRINK = 0.8
MIN_SIDE = 400
NO_CAMERA = message("devices.camera_missing")
BLURRED = message("devices.page_unclear")
TOO_DENSE = message("devices.page_too_dense")
UNREADABLE_IMAGE = message("devices.image_unreadable")
FOLDER_EMPTY = message("devices.camera_unavailable_elsewhere")
NO_SOURCE = message("devices.camera_unavailable")
SHOT_REFUSED = message("devices.shot_refused")
SHOT_FAILED = message("devices.shot_failed")
DECODE_LIMIT_MB = 512  # a bigger decoded image is refused, not allowed to exhaust memory


class CaptureError(RuntimeError):
    """A page could not be taken; `said` is what the resident is told."""

    def __init__(self, said: Message) -> None:
        super().__init__(said.code)
        self.said = said


def fit_page(image: QImage, budget_bytes: int, max_side: int) -> tuple[bytes, int, int]:
    """(JPEG bytes, width, height) of `image`, no side longer than `max_side`, within budget."""
    if image.isNull():
        raise CaptureError(BLURRED)
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    while True:
        for quality in QUALITIES:
            data = _jpeg(image, quality)
            if len(data) <= budget_bytes:
                return data, image.width(), image.height()
        if max(image.width(), image.height()) * SHRINK < MIN_SIDE:
            raise CaptureError(TOO_DENSE)
        image = image.scaled(
            round(image.width() * SHRINK),
            round(image.height() * SHRINK),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )


def _jpeg(image: QImage, quality: int) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]  # stub says bytes; str works
    buffer.close()
    return bytes(array.data())


def read_image(path: Path) -> QImage:
    """Decode an image file with a memory ceiling; CaptureError if it cannot."""
    reader = QImageReader(str(path))
    reader.setAllocationLimit(DECODE_LIMIT_MB)
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        log.warning("page image %s unreadable: %s", path.name, reader.errorString())
        raise CaptureError(UNREADABLE_IMAGE)
    return image


class FolderSource:
    """Pages from the images of a folder, in name order, round and round (demo, tests)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._next = 0

    def next_path(self) -> Path:
        try:
            files = sorted(p for p in self.folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        except OSError:
            files = []
        if not files:
            log.error("image folder %s has no images", self.folder)
            raise CaptureError(FOLDER_EMPTY)
        path = files[self._next % len(files)]
        self._next += 1
        return path


class CaptureWorker(QObject):
    """Lives on the capture thread: reads and compresses pages.

    Signals:
        captured(object, int): a CapturedPage, and the request number it answers.
        failed(Message, int): what to tell the resident, and the request number.
    """

    captured = Signal(object, int)
    failed = Signal(Message, int)

    def __init__(self, folder: Path | None, budget_bytes: int, max_side: int) -> None:
        super().__init__()
        self._source = FolderSource(folder) if folder is not None else None
        self._budget = budget_bytes
        self._max_side = max_side

    @Slot(str, int)
    def from_folder(self, material: str, request: int) -> None:
        try:
            if self._source is None:
                raise CaptureError(NO_SOURCE)
            self._finish(material, read_image(self._source.next_path()), request)
        except CaptureError as error:
            self.failed.emit(error.said, request)

    @Slot(str, object, int)
    def from_camera(self, material: str, image: QImage, request: int) -> None:
        try:
            self._finish(material, image, request)
        except CaptureError as error:
            self.failed.emit(error.said, request)

    def _finish(self, material: str, image: QImage, request: int) -> None:
        data, width, height = fit_page(image, self._budget, self._max_side)
        self.captured.emit(CapturedPage(material, data, width, height), request)


class CaptureService(QObject):
    """GUI-thread side: ask for a page, hear back a page or a problem.

    Signals:
        captured(object, int), failed(Message, int): from the worker.
    """

    captured = Signal(object, int)
    failed = Signal(Message, int)
    requestFolder = Signal(str, int)
    requestCompress = Signal(str, object, int)

    def __init__(
        self,
        folder: Path | None,
        budget_bytes: int,
        max_side: int,
        camera_name: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.uses_folder = folder is not None
        self._worker = CaptureWorker(folder, budget_bytes, max_side)
        self._thread = QThread()
        self._thread.setObjectName("capture")
        self._worker.moveToThread(self._thread)
        self.requestFolder.connect(self._worker.from_folder)
        self.requestCompress.connect(self._worker.from_camera)
        self._worker.captured.connect(self.captured)
        self._worker.failed.connect(self.failed)
        self._camera_name = camera_name
        self.camera: CameraSource | None = None
        self._request = 0

    def take(self, material: str) -> int:
        """Ask for one page of `material`; returns the request number the answer carries."""
        if not self._thread.isRunning():
            self._thread.start()
        self._request += 1
        if self.uses_folder:
            self.requestFolder.emit(material, self._request)
        elif self.camera is None or not self.camera.ready:
            # Answered like every other request: after this returns its number.
            request = self._request
            QTimer.singleShot(0, lambda: self.failed.emit(NO_CAMERA, request))
        else:
            self.camera.shoot(material, self._request)
        return self._request

    def open_camera(self) -> CameraSource | None:
        """The document camera, opened when the materials step shows (None: folder mode)."""
        if self.uses_folder:
            return None
        if self.camera is None:
            self.camera = CameraSource(self._camera_name, self)
            self.camera.shot.connect(self.requestCompress)
            self.camera.failed.connect(self.failed)
        self.camera.open()
        return self.camera

    def close_camera(self) -> None:
        if self.camera is not None:
            self.camera.close()

    def use_camera(self, name: str) -> None:
        """Staff chose another camera (`camera.device`): the open one is closed, and the
        next picture or preview opens the new one."""
        self._camera_name = name
        if self.camera is not None:
            self.camera.rename(name)

    def stop(self) -> None:
        self.close_camera()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(5000)


class CameraSource(QObject):
    """The document camera through QtMultimedia (GUI thread).

    Signals:
        shot(str, QImage, int): a still image for the worker to compress.
        failed(Message, int): the camera could not take the picture.
        readyChanged: the camera came up or went away.
    """

    shot = Signal(str, object, int)
    failed = Signal(Message, int)
    readyChanged = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QImageCapture, QMediaCaptureSession

        self._name = name
        self.session = QMediaCaptureSession(self)
        self._capture = QImageCapture(self)
        self.session.setImageCapture(self._capture)
        self._capture.imageCaptured.connect(self._on_image)
        self._capture.errorOccurred.connect(self._on_error)
        self._capture.readyForCaptureChanged.connect(self.readyChanged)
        self._camera: object | None = None
        self._pending: dict[int, tuple[str, int]] = {}  # Qt's capture id → (material, request)

    @property
    def ready(self) -> bool:
        return self._camera is not None and self._capture.isReadyForCapture()

    @property
    def found(self) -> bool:
        """The camera named in the settings was found and opened (it may not be ready yet)."""
        return self._camera is not None

    def open(self) -> None:
        from PySide6.QtMultimedia import QCamera, QMediaDevices

        if self._camera is not None:
            return
        inputs = QMediaDevices.videoInputs()
        chosen = next((d for d in inputs if self._name in d.description()), None)
        if chosen is None:
            log.error("document camera %r not found among %d cameras", self._name, len(inputs))
            return
        camera = QCamera(chosen, self)
        self.session.setCamera(camera)
        camera.start()
        self._camera = camera
        self.readyChanged.emit()

    def rename(self, name: str) -> None:
        """Use the camera whose name contains `name` from the next open() on."""
        self.close()
        self._name = name

    def close(self) -> None:
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]
            self.session.setCamera(None)  # type: ignore[arg-type]
            self._camera = None
            self.readyChanged.emit()

    def shoot(self, material: str, request: int) -> None:
        capture_id = self._capture.capture()
        if capture_id < 0:
            self.failed.emit(SHOT_REFUSED, request)
            return
        self._pending[capture_id] = (material, request)

    @Slot(int, QImage)
    def _on_image(self, capture_id: int, image: QImage) -> None:
        material, request = self._pending.pop(capture_id, ("", 0))
        if request:
            self.shot.emit(material, image, request)

    @Slot(int, object, str)
    def _on_error(self, capture_id: int, _error: object, detail: str) -> None:
        log.error("document camera: %s", detail)
        _, request = self._pending.pop(capture_id, ("", 0))
        self.failed.emit(SHOT_FAILED, request)
