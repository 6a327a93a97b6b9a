"""留言咨询 as the screen sees it: the question, a phone number, an ID card or not, the
review, and the receipt.

The flow (kiosk/questions/flow.py) lives in the resident's session; this view model runs
its effects (the question to the submit worker, a bounded wait for the platform's
confirmation, the receipt on the printer) and shows its state. It keeps nothing personal of
its own: the phone, the name and the ID number are read from the flow, masked.

Signals:
    changed: the step, the message or what the screen shows changed.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot

from devices.idcard.identity import Identity
from kiosk.messages import Message
from kiosk.privacy import mask_id_number, mask_name, mask_phone
from kiosk.questions.question import MAX_LENGTH, Question
from ui.devicehub import DeviceHub
from ui.outboxworker import OutboxService
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.visitview import VisitModel

if TYPE_CHECKING:  # the flow is made when first used, not at start-up (kiosk/visit.py)
    from kiosk.questions.flow import Effect, QuestionFlow, Step

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

# How long the done step waits for the platform's confirmation before the receipt prints
# saying 待上传 (as an application's receipt waits for its case number).
DELIVERY_WAIT_MS = 4500


@QmlElement
@QmlUncreatable("an enum")
class QuestionStep(QObject):
    """The question's step (kiosk.questions.flow.Step) as QML sees it."""

    @QEnum
    class Value(IntEnum):
        NoStep = 0
        Write = 1
        Phone = 2
        Identify = 3
        Review = 4
        Submitting = 5
        Done = 6


def _step(step: Step | None) -> QuestionStep.Value:
    return QuestionStep.Value[step.name.title()] if step else QuestionStep.Value.NoStep


@QmlElement
@QmlUncreatable("built by the composition root")
class QuestionViewModel(QObject):
    """留言咨询: write → phone → ID card (or not) → review → received, the receipt printed."""

    changed = Signal()

    def __init__(
        self,
        visit: VisitModel,
        *,
        service: OutboxService | None,
        hub: DeviceHub,
        parent: QObject | None = None,
        delivery_wait_ms: int = DELIVERY_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._session = visit.session
        self._service = service
        self._hub = hub
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.setInterval(delivery_wait_ms)
        self._wait.timeout.connect(self._on_wait_over)
        visit.questionCard.connect(self._on_card)
        visit.wiped.connect(self._on_wiped)
        if service is not None:
            service.asked.connect(self._on_asked)
            service.askRefused.connect(self._on_refused)
            service.answered.connect(self._on_answered)

    @property
    def _flow(self) -> QuestionFlow:
        return self._session.question

    def _run(self, effects: tuple[Effect, ...]) -> None:
        from kiosk.questions.flow import AwaitDelivery, PrintReceipt, Submit

        for effect in effects:
            if isinstance(effect, Submit):
                assert self._service is not None  # the screen offers nothing to submit without
                self._service.requestAsk.emit(effect.question)
            elif isinstance(effect, AwaitDelivery):
                self._wait.start()
            elif isinstance(effect, PrintReceipt):
                self._hub.print_receipt(effect.receipt)
        self.changed.emit()

    # -- what the outbox says ---------------------------------------------------------------
    @Slot(object, str)
    def _on_asked(self, question: Question, apply_no: str) -> None:
        if self._session.question_made:  # (a home visit's answer makes no question flow)
            self._run(self._flow.accepted(question, apply_no))

    @Slot(object, object)
    def _on_refused(self, question: Question, problem: Message) -> None:
        if self._session.question_made and self._flow.refused(question, problem):
            self.changed.emit()

    @Slot(str, str)
    def _on_answered(self, apply_no: str, case_no: str) -> None:
        if not self._session.question_made:
            return
        if apply_no == self._flow.apply_no and not self._flow.settled:
            self._wait.stop()
            self._run(self._flow.settle(apply_no, uploaded=bool(case_no)))

    @Slot()
    def _on_wait_over(self) -> None:
        self._run(self._flow.settle(self._flow.apply_no, uploaded=False))

    @Slot(object)
    def _on_card(self, identity: Identity) -> None:
        if self._flow.card(identity):
            self.changed.emit()

    @Slot(object)
    def _on_wiped(self, _effects: object) -> None:
        self._wait.stop()
        if self._session.question_made:  # a visit that asked nothing has nothing to clear
            self.changed.emit()

    # -- what the screen shows --------------------------------------------------------------
    available = Property(bool, lambda self: self._service is not None, constant=True)
    step = Property(int, lambda self: _step(self._flow.step), notify=changed)
    messageCode = Property(str, lambda self: self._flow.problem.code, notify=changed)
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]  # Words.say() takes list<string>
        lambda self: list(self._flow.problem.args),
        notify=changed,
    )
    maxLength = Property(int, lambda self: MAX_LENGTH, constant=True)
    # The resident's own words, in the field they write them in and on their review.
    text = Property(str, lambda self: self._flow.text, notify=changed)
    phone = Property(str, lambda self: mask_phone(self._flow.phone), notify=changed)
    identified = Property(bool, lambda self: self._flow.asker is not None, notify=changed)

    def _asker(self) -> tuple[str, str]:
        person = self._flow.asker
        return (mask_name(person.name), mask_id_number(person.id_number)) if person else ("", "")

    askerName = Property(str, lambda self: self._asker()[0], notify=changed)
    askerId = Property(str, lambda self: self._asker()[1], notify=changed)
    number = Property(str, lambda self: self._flow.apply_no, notify=changed)
    settled = Property(bool, lambda self: self._flow.settled, notify=changed)
    uploaded = Property(bool, lambda self: self._flow.uploaded, notify=changed)
    receiptQr = Property(str, lambda self: self._flow.receipt_qr, notify=changed)

    # -- the resident's taps ----------------------------------------------------------------
    @Slot(str)
    def begin(self, draft: str) -> None:
        """留言咨询, with what was searched for as a start."""
        self._wait.stop()
        self._hub.forgetPrintStatus()
        self._flow.begin(draft)
        self.changed.emit()

    @Slot(str, result=bool)
    def write(self, text: str) -> bool:
        ok = self._flow.write(text)
        self.changed.emit()
        return ok

    @Slot(str, result=bool)
    def enterPhone(self, phone: str) -> bool:
        ok = self._flow.enter_phone(phone)
        self.changed.emit()
        return ok

    @Slot()
    def skipCard(self) -> None:
        if self._flow.skip_card():
            self.changed.emit()

    @Slot()
    def forgetCard(self) -> None:
        if self._flow.forget_card():
            self.changed.emit()

    @Slot()
    def submit(self) -> None:
        """同意并提交."""
        if self._service is not None:
            self._run(self._flow.submit())

    @Slot(result=bool)
    def back(self) -> bool:
        """上一步; False on the first step (the screen is left)."""
        moved = self._flow.back()
        if moved:
            self.changed.emit()
        return moved

    @Slot()
    def reset(self) -> None:
        """The screen is left: the question is forgotten (once stored, it is the outbox's).
        Left before the receipt came out (首页 while the platform's answer is awaited), the
        receipt prints now, saying 待上传: without it the answer could not be found."""
        self._wait.stop()
        flow = self._flow
        if flow.step is not None and flow.apply_no and not flow.settled:
            self._run(flow.settle(flow.apply_no, uploaded=False))
        flow.wipe()
        self.changed.emit()
