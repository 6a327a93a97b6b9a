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

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot

from kiosk.privacy import mask_id_number, mask_name, mask_phone
from kiosk.questions.question import MAX_LENGTH
from ui.devicehub import DeviceHub
from ui.handoffview import DELIVERY_WAIT_MS, HandoffViewModel
from ui.outboxworker import OutboxService
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.visitview import VisitModel

if TYPE_CHECKING:  # the flow is made when first used, not at start-up (kiosk/visit.py)
    from kiosk.questions.flow import QuestionFlow, Step

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1


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
class QuestionViewModel(HandoffViewModel):
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
        super().__init__(
            visit,
            visit.questionCard,
            service=service,
            hub=hub,
            parent=parent,
            delivery_wait_ms=delivery_wait_ms,
        )

    @property
    def _flow(self) -> QuestionFlow:
        return self._session.question

    @property
    def _made(self) -> bool:  # (a home visit's answer makes no question flow)
        return self._session.question_made

    # -- what the screen shows --------------------------------------------------------------
    # The handoff's (ui/handoffview.py), declared here: PySide notifies a property only by a
    # signal of its own class, and qmllint knows only properties written out as these are.
    available = Property(bool, lambda self: self._service is not None, constant=True)
    messageCode = Property(str, lambda self: self._flow.problem.code, notify=changed)
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]  # Words.say() takes list<string>
        lambda self: list(self._flow.problem.args),
        notify=changed,
    )
    number = Property(str, lambda self: self._flow.handoff.apply_no, notify=changed)
    settled = Property(bool, lambda self: self._flow.handoff.settled, notify=changed)
    uploaded = Property(bool, lambda self: self._flow.handoff.uploaded, notify=changed)
    receiptQr = Property(str, lambda self: self._flow.handoff.receipt_qr, notify=changed)
    step = Property(int, lambda self: _step(self._flow.step), notify=changed)
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

    # -- the resident's taps ----------------------------------------------------------------
    @Slot(str)
    def begin(self, draft: str) -> None:
        """留言咨询, with what was searched for as a start."""
        self._restart()
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
