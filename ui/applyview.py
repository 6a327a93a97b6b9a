"""在线申报 as the screens see it: one step at a time, from the item's conditions to the
rating, over `kiosk.session.Application` (which holds every rule).

Steps: conditions → identify → form → materials → review → consent → submitting → done →
rating → thanks. Slots are short: they hand the resident's action to the Application or a
worker and publish what changed. Storing the submission and talking to the platform happen
on the sync worker; pages are taken and compressed on the capture worker; the receipt
prints on the printer worker.

Signals:
    changed: the step, a message, identification or the outcome changed.
    shapeChanged: the form's fields or the list of materials changed (new application,
        proxy on or off); the screens rebuild their lists only then.
    answersChanged: an answer or a problem with one changed.
    materialStateChanged: how a material is provided, or its pages, changed.
    finished: the resident is done; the session must be wiped.

Lists that QML repeats (fields, materials) change only with `shapeChanged`, so a tap that
changes an answer or adds a page never rebuilds the delegate it came from.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    Property,
    QBuffer,
    QByteArray,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtQuick import QQuickImageProvider

from devices.idcard.identity import Identity
from kiosk.catalog.model import ServiceItem
from kiosk.messages import NONE, Message
from kiosk.privacy import mask_id_number, mask_name
from kiosk.session import (
    CONSENT,
    PROVISION_WORDS,
    Application,
    ApplicationError,
    typed_identity_allowed,
)
from kiosk.settings import Settings
from kiosk.submission import (
    BAD_RATING_REASONS,
    BEIJING,
    RATING_LEVELS,
    CapturedPage,
    Finished,
    case_receipt,
    evaluation,
)
from ui.capture import CaptureService
from ui.devicehub import DeviceHub
from ui.outboxworker import ANSWER_WAIT_S, OutboxService

log = logging.getLogger(__name__)

STEPS = ("conditions", "identify", "form", "materials", "review", "consent")
# "received" → case number: the sync worker's try, plus time for its answer to arrive; no
# answer by then: 待上传 with the apply number.
ANSWER_WAIT_MS = int((ANSWER_WAIT_S + 0.5) * 1000)
RATING_AFTER_PRINT_MS = 3000  # the receipt is out: the rating screen follows by itself
THANKS_MS = 5000  # after the rating: back to the start


class ApplyViewModel(QObject):
    changed = Signal()
    shapeChanged = Signal()
    answersChanged = Signal()
    materialStateChanged = Signal()
    finished = Signal()

    def __init__(
        self,
        settings: Settings,
        lookup: Callable[[str], ServiceItem | None],
        *,
        service: OutboxService | None,
        capture: CaptureService,
        hub: DeviceHub,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._lookup = lookup
        self._service = service
        self._capture = capture
        self._hub = hub
        self._app: Application | None = None
        self._step = ""
        self._message: str | Message = ""  # a Message from forms, capture and the outbox
        self._capturing = ""  # material being captured, until its page arrives
        self._capture_request = 0
        self._retake_index = -1
        self._apply_no = ""
        self._case_no = ""
        self._answered = False
        self._receipt_qr = ""
        self._print_job = ""
        self._finished: Finished | None = None
        self._rated = False
        self._serial = 0  # makes page image URLs change when pages change
        self._camera_watched = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._advance_after_wait)
        self._answer_timer = QTimer(self)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.timeout.connect(self._on_no_answer)
        capture.captured.connect(self._on_page)
        capture.failed.connect(self._on_capture_failed)
        hub.printStatusChanged.connect(self._on_print_status)
        if service is not None:
            service.accepted.connect(self._on_accepted)
            service.answered.connect(self._on_answered)
            service.refused.connect(self._on_refused)

    # -- properties ----------------------------------------------------------------------
    available = Property(bool, lambda self: self._service is not None, constant=True)
    step = Property(str, lambda self: self._step, notify=changed)
    message = Property(
        str, lambda self: self._message if isinstance(self._message, str) else "", notify=changed
    )
    messageCode = Property(str, lambda self: _coded(self._message).code, notify=changed)
    messageArgs = Property(list, lambda self: list(_coded(self._message).args), notify=changed)
    capturing = Property(str, lambda self: self._capturing, notify=changed)
    cameraMode = Property(
        str, lambda self: "folder" if self._capture.uses_folder else "camera", constant=True
    )
    cameraSession = Property(
        QObject,
        lambda self: self._capture.camera.session if self._capture.camera else None,
        notify=changed,
    )
    cameraReady = Property(
        bool, lambda self: bool(self._capture.camera and self._capture.camera.ready), notify=changed
    )
    applyNo = Property(str, lambda self: self._apply_no, notify=changed)
    caseNo = Property(str, lambda self: self._case_no, notify=changed)
    answered = Property(bool, lambda self: self._answered, notify=changed)
    receiptQr = Property(str, lambda self: self._receipt_qr, notify=changed)
    rated = Property(bool, lambda self: self._rated, notify=changed)
    consentText = Property(
        dict,
        lambda self: {
            "purpose": CONSENT.purpose,
            "recipient": CONSENT.recipient,
            "retention": CONSENT.retention,
        },
        constant=True,
    )
    ratingLevels = Property(
        list,
        lambda self: [{"level": k, "label": v} for k, v in RATING_LEVELS.items()],
        constant=True,
    )
    badReasons = Property(list, lambda self: list(BAD_RATING_REASONS), constant=True)

    @Property(dict, notify=changed)
    def item(self) -> dict[str, Any]:
        if self._app is None:
            return {}
        item = self._app.item
        return {
            "code": item.code,
            "name": item.name,
            "conditions": list(item.acceptance_conditions),
            "deferralPolicy": item.deferral_policy,
            "promised": item.promised_time_limit,
        }

    @Property(bool, notify=changed)
    def proxy(self) -> bool:
        return self._app is not None and self._app.proxy

    @Property(str, notify=changed)
    def waitingFor(self) -> str:
        return self._app.waiting_for if self._app else ""

    @Property(bool, notify=changed)
    def typedAllowed(self) -> bool:
        return self._app is not None and self._app.typed_identity

    @Property(list, notify=changed)
    def people(self) -> list[dict[str, str]]:
        """Who has been identified, masked."""
        if self._app is None:
            return []
        people = []
        for role, person in (("agent", self._app.agent), ("applicant", self._app.applicant)):
            if person is not None:
                people.append(
                    {
                        "role": role,
                        "name": mask_name(person.name),
                        "idNumber": mask_id_number(person.id_number),
                        "typed": str(person.identified_by == "typed").lower(),
                    }
                )
        return people

    @Property(list, notify=shapeChanged)
    def fields(self) -> list[dict[str, Any]]:
        if self._app is None:
            return []
        return [
            {
                "key": f.key,
                "type": f.type,
                "label": f.label,
                "help": f.help,
                "required": f.required,
                "choices": list(f.choices),
            }
            for f in self._app.fields
        ]

    @Property(dict, notify=answersChanged)
    def answers(self) -> dict[str, str]:
        return dict(self._app.answers) if self._app else {}

    @Property(dict, notify=answersChanged)
    def problemCodes(self) -> dict[str, str]:
        return {k: p.code for k, p in self._app.problems.items()} if self._app else {}

    @Property(dict, notify=answersChanged)
    def problemArgs(self) -> dict[str, list[str]]:
        return {k: list(p.args) for k, p in self._app.problems.items()} if self._app else {}

    @Property(list, notify=shapeChanged)
    def materials(self) -> list[dict[str, Any]]:
        if self._app is None:
            return []
        return [
            {
                "name": m.name,
                "form": m.form,
                "copies": m.copies,
                "required": m.required,
                "note": m.note,
                "ways": list(Application.ways(m)),
            }
            for m in self._app.materials
        ]

    @Property(dict, notify=materialStateChanged)
    def provisions(self) -> dict[str, str]:
        """Material name → captured / at_counter / e_licence (absent: not provided yet)."""
        return dict(self._app.provisions) if self._app else {}

    @Property(dict, notify=materialStateChanged)
    def pages(self) -> dict[str, list[str]]:
        """Material name → image URLs of its captured pages (for the page image provider)."""
        if self._app is None:
            return {}
        return {
            m.name: [
                f"image://pages/{index}/{n}/{self._serial}"
                for n in range(len(self._app.pages.get(m.name, [])))
            ]
            for index, m in enumerate(self._app.materials)
        }

    provisionWords = Property(dict, lambda self: dict(PROVISION_WORDS), constant=True)

    @Property(list, notify=changed)
    def review(self) -> list[dict[str, str]]:
        if self._app is None:
            return []
        return [{"label": a, "masked": b, "full": c} for a, b, c in self._app.review()]

    # -- moving between steps ------------------------------------------------------------
    @Slot(str, result=bool)
    def begin(self, code: str) -> bool:
        """我要办理 on a guide: a fresh application for this item."""
        item = self._lookup(code)
        if item is None or self._service is None or self._service.problem:
            return False  # the sync worker cannot deliver: the screen says to ask staff
        self.reset()
        try:
            self._app = Application(
                item,
                typed_identity=typed_identity_allowed(
                    self._settings.session.typed_identity_items, item
                ),
            )
        except ApplicationError as error:
            log.info("apply refused for %s: %s", code, error)
            return False
        self._step = "conditions"
        self._everything_changed()
        return True

    @Slot(result=bool)
    def next(self) -> bool:
        """The step's 下一步: checks what the step needs first, says what is missing."""
        app = self._app
        if app is None or self._step not in STEPS:
            return False
        problem = ""
        if self._step == "identify" and app.waiting_for:
            problem = "请先放置身份证" if app.waiting_for == "applicant" else "请代办人先放置身份证"
        elif self._step == "form":
            checked = app.check_form()
            self.answersChanged.emit()
            if not checked.ok:
                problem = "有几项需要修改，请看红色提示"
        elif self._step == "materials":
            missing = app.missing_materials()
            if missing:
                problem = f"还缺少“{missing[0]}”，请拍摄，或选择其他提供方式"
        if problem:
            self._message = problem
            self.changed.emit()
            return False
        if self._step == "consent":
            self._submit()
            return True
        self._set_step(STEPS[STEPS.index(self._step) + 1])
        return True

    @Slot(result=bool)
    def back(self) -> bool:
        """The previous step; False when there is none (leave the screen)."""
        if self._step in STEPS[1:]:
            self._set_step(STEPS[STEPS.index(self._step) - 1])
            return True
        return self._step not in ("conditions", "")  # after submitting: stay on this screen

    def _set_step(self, step: str) -> None:
        if self._step == "materials" and step != "materials":
            self._capture.close_camera()
        self._step = step
        self._message = ""
        if step == "materials":
            camera = self._capture.open_camera()
            if camera is not None and not self._camera_watched:
                camera.readyChanged.connect(self.changed)
                self._camera_watched = True
        self.changed.emit()

    # -- identify ------------------------------------------------------------------------
    @Slot(bool)
    def setProxy(self, proxy: bool) -> None:
        if self._app is not None and self._step == "identify":
            self._app.set_proxy(proxy)
            self._message = ""
            self._everything_changed()

    @Slot(object)
    def card(self, identity: Identity) -> None:
        """A card on the reader: taken only while the identify step waits for one."""
        if self._app is None or self._step != "identify" or not self._app.waiting_for:
            return
        self._identify(lambda app: app.identify_card(identity))

    @Slot(str, str, result=bool)
    def identifyTyped(self, name: str, id_number: str) -> bool:
        return self._app is not None and self._identify(
            lambda app: app.identify_typed(name, id_number)
        )

    def _identify(self, act: Callable[[Application], str]) -> bool:
        assert self._app is not None
        try:
            act(self._app)
        except ApplicationError as error:
            self._message = _said(error)
            self.changed.emit()
            return False
        self._message = ""
        self.answersChanged.emit()  # prefilled from the card
        if not self._app.waiting_for:
            self._set_step("form")
        else:
            self.changed.emit()
        return True

    # -- form ----------------------------------------------------------------------------
    @Slot(str, str)
    def answer(self, key: str, value: str) -> None:
        if self._app is not None:
            self._app.answer(key, value)
            self.answersChanged.emit()

    # -- materials -----------------------------------------------------------------------
    @Slot(str, str)
    def choose(self, name: str, provision: str) -> None:
        if self._app is None:
            return
        try:
            self._app.choose(name, provision)
            self._message = ""
        except ApplicationError as error:
            self._message = _said(error)
        self.materialStateChanged.emit()
        self.changed.emit()

    @Slot(str)
    def capture(self, name: str) -> None:
        self._retake_index = -1
        self._take(name)

    @Slot(str, int)
    def retake(self, name: str, index: int) -> None:
        self._retake_index = index
        self._take(name)

    def _take(self, name: str) -> None:
        if self._app is None or self._capturing:
            return
        self._capturing = name
        self._message = ""
        self.changed.emit()
        self._capture_request = self._capture.take(name)

    @Slot(object, int)
    def _on_page(self, page: CapturedPage, request: int) -> None:
        if self._app is None or request != self._capture_request or not self._capturing:
            return  # the resident left meanwhile: the page is dropped with the session
        self._capturing = ""
        try:
            if self._retake_index >= 0:
                self._app.replace_page(self._retake_index, page)
            else:
                self._app.add_page(page)
        except ApplicationError as error:
            self._message = _said(error)
        self._serial += 1
        self.materialStateChanged.emit()
        self.changed.emit()

    @Slot(Message, int)
    def _on_capture_failed(self, message: Message, request: int) -> None:
        if request != self._capture_request or not self._capturing:
            return
        self._capturing = ""
        self._message = message
        self.changed.emit()

    @Slot(str, int)
    def removePage(self, name: str, index: int) -> None:
        if self._app is not None:
            self._app.remove_page(name, index)
            self._serial += 1
            self.materialStateChanged.emit()

    def page_image(self, material_index: int, page_index: int) -> bytes:
        """JPEG of a captured page, for the page image provider ("" when gone)."""
        if self._app is None:
            return b""
        try:
            name = self._app.materials[material_index].name
            return self._app.pages[name][page_index].jpeg
        except (IndexError, KeyError):
            return b""

    # -- submit and after ----------------------------------------------------------------
    def _submit(self) -> None:
        assert self._app is not None
        assert self._service is not None
        self._app.give_consent(datetime.datetime.now(BEIJING))
        try:
            finished = self._app.finished()
        except ApplicationError as error:
            self._message = _said(error)
            self.changed.emit()
            return
        self._finished = finished
        self._set_step("submitting")
        self._service.requestSubmit.emit(finished)

    @Slot(str)
    def _on_accepted(self, apply_no: str) -> None:
        if self._step != "submitting":
            return
        self._apply_no = apply_no
        self._set_step("done")
        self._answer_timer.start(ANSWER_WAIT_MS)

    @Slot(str, str)
    def _on_answered(self, apply_no: str, case_no: str) -> None:
        if apply_no == self._apply_no and not self._answered:
            self._settle_number(case_no)

    @Slot()
    def _on_no_answer(self) -> None:
        if self._step == "done" and not self._answered:
            self._settle_number("")  # the platform answers later; the receipt says 待上传

    def _settle_number(self, case_no: str) -> None:
        """The number the resident takes away is known: print the receipt with it."""
        self._answer_timer.stop()
        if self._finished is None:
            return
        self._case_no = case_no
        self._answered = True
        number = case_no or self._apply_no
        self._receipt_qr = self._settings.ui.progress_url_pattern.format(number=number)
        station = self._settings.station
        receipt = case_receipt(
            item=self._finished.item,
            number=number,
            uploaded=bool(case_no),
            applicant=self._finished.applicant,
            at=datetime.datetime.now(BEIJING),
            station=station.display_name("zh_CN"),
            hotline=station.hotline,
            progress_url=self._settings.ui.progress_url_pattern,
            apply_no=self._apply_no,
            progress_token=self._finished.progress_token,
        )
        self._print_job = self._hub.print_receipt(receipt)
        if self._app is not None:
            self._app.wipe()  # from here on only the numbers are needed
        self._finished = None
        self._everything_changed()

    @Slot(Message)
    def _on_refused(self, message: Message) -> None:
        if self._step == "submitting":
            self._step = "consent"
            self._message = message
            self.changed.emit()

    @Slot()
    def _on_print_status(self) -> None:
        status = self._hub.print_status()
        if self._step != "done" or not self._print_job or status.job != self._print_job:
            return
        if status.printed:
            self._timer.start(RATING_AFTER_PRINT_MS)

    @Slot()
    def toRating(self) -> None:
        if self._step == "done" and self._answered:
            self._timer.stop()
            self._set_step("rating")

    @Slot(int, list, str, result=bool)
    def rate(self, level: int, reasons: list[str], comment: str) -> bool:
        if self._step != "rating" or self._rated or self._service is None:
            return False
        try:
            body = evaluation(
                number=self._case_no or self._apply_no,
                level=level,
                reasons=[str(r) for r in reasons],
                comment=comment,
                at=datetime.datetime.now(BEIJING),
            )
        except ValueError:
            self._message = "请选择不满意的原因，或写下您的意见"
            self.changed.emit()
            return False
        self._rated = True
        self._service.requestRate.emit(body, self._apply_no)
        self._set_step("thanks")
        self._timer.start(THANKS_MS)
        return True

    @Slot()
    def finish(self) -> None:
        """完成: the resident is done; the session is wiped."""
        self._timer.stop()
        self.finished.emit()

    @Slot()
    def _advance_after_wait(self) -> None:
        if self._step == "done":
            self._set_step("rating")
        elif self._step == "thanks":
            self.finish()

    @Slot()
    def reset(self) -> None:
        """Session end, or a new application: nothing personal stays."""
        self._timer.stop()
        self._answer_timer.stop()
        if self._app is None and not self._step and not self._apply_no:
            return  # nothing to drop (and no change to announce)
        if self._step == "materials":
            self._capture.close_camera()
        if self._app is not None:
            self._app.wipe()
        self._app = None
        self._finished = None
        self._step = self._message = self._capturing = ""
        self._apply_no = self._case_no = self._receipt_qr = self._print_job = ""
        self._answered = self._rated = False
        self._retake_index = -1
        self._capture_request = 0
        self._everything_changed()

    def _everything_changed(self) -> None:
        self.shapeChanged.emit()
        self.answersChanged.emit()
        self.materialStateChanged.emit()
        self.changed.emit()


class PageImageProvider(QQuickImageProvider):
    """`image://pages/<material>/<page>/<serial>`: captured pages, from memory only."""

    def __init__(self, model: ApplyViewModel) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._model = model

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        """Decoded straight at the thumbnail's size (JPEG scales while decoding), on QML's
        image loader thread: the Image asks asynchronously."""
        parts = id.split("/")
        jpeg = b""
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            jpeg = self._model.page_image(int(parts[0]), int(parts[1]))
        buffer = QBuffer()
        buffer.setData(QByteArray(jpeg))
        reader = QImageReader(buffer, b"JPEG")
        full = reader.size()
        if full.isValid() and (requested.width() > 0 or requested.height() > 0):
            reader.setScaledSize(
                full.scaled(
                    requested.width() or full.width(),
                    requested.height() or full.height(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                )
            )
        image = reader.read()
        if image.isNull():
            image = QImage(4, 4, QImage.Format.Format_RGB32)
            image.fill(0xFFFFFF)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image


def _said(error: ApplicationError) -> str | Message:
    """What an ApplicationError tells the resident: a sentence, or a form problem's Message."""
    said = error.args[0] if error.args else ""
    return said if isinstance(said, Message) else str(error)


def _coded(said: str | Message) -> Message:
    return said if isinstance(said, Message) else NONE
