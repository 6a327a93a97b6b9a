"""上门办理 as the screen sees it: who asks and why, the ID card of the person to be visited,
the address, a phone number, a preferred half-day, the review, and the slip.

The flow (kiosk/homevisits/flow.py) lives in the resident's session; this view model runs
its effects (the request to the submit worker, a bounded wait for the platform's
confirmation, the slip on the printer) and shows its state. It keeps nothing personal of
its own: the name, the ID number, the phone and the address are read from the flow (masked,
but for the address in the step where it is typed).

Signals:
    changed: the step, the message or what the screen shows changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot

from kiosk.privacy import mask_address, mask_id_number, mask_name, mask_phone
from ui.devicehub import DeviceHub
from ui.handoffview import DELIVERY_WAIT_MS, HandoffViewModel
from ui.outboxworker import OutboxService
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel
from ui.visitview import VisitModel

if TYPE_CHECKING:  # the flow is made when first used, not at start-up (kiosk/visit.py)
    from kiosk.catalog.model import ServiceItem
    from kiosk.homevisits.flow import HomeVisitFlow, Step

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("an enum")
class HomeVisitStep(QObject):
    """The request's step (kiosk.homevisits.flow.Step) as QML sees it."""

    @QEnum
    class Value(IntEnum):
        NoStep = 0
        Situation = 1
        Identify = 2
        Address = 3
        Phone = 4
        When = 5
        Review = 6
        Submitting = 7
        Done = 8


def _step(step: Step | None) -> HomeVisitStep.Value:
    return HomeVisitStep.Value[step.name.title()] if step else HomeVisitStep.Value.NoStep


@dataclass(frozen=True)
class VisitDay:
    """A day a visit may be wished for (roles date, weekday): ISO date, 1 = Monday."""

    date: str
    weekday: int


@QmlElement
@QmlUncreatable("the home visit view model's days")
class VisitDays(RowModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(VisitDay, parent)


@QmlElement
@QmlUncreatable("built by the composition root")
class HomeVisitViewModel(HandoffViewModel):
    """上门办理: situation → ID card → address → phone → half-day → review → received, the
    slip printed."""

    changed = Signal()

    def __init__(
        self,
        visit: VisitModel,
        lookup: Callable[[str], ServiceItem | None],
        *,
        service: OutboxService | None,
        hub: DeviceHub,
        parent: QObject | None = None,
        delivery_wait_ms: int = DELIVERY_WAIT_MS,
    ) -> None:
        super().__init__(
            visit,
            visit.homeVisitCard,
            service=service,
            hub=hub,
            parent=parent,
            delivery_wait_ms=delivery_wait_ms,
        )
        self._lookup = lookup
        self.day_rows = VisitDays(self)

    @property
    def _flow(self) -> HomeVisitFlow:
        return self._session.home_visit

    @property
    def _made(self) -> bool:
        return self._session.home_visit_made

    def _show(self) -> None:
        self.day_rows.set_rows(
            [VisitDay(day.isoformat(), day.isoweekday()) for day in self._flow.days]
        )
        self.changed.emit()

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
    itemName = Property(str, lambda self: self._flow.item_name, notify=changed)
    relation = Property(str, lambda self: self._flow.relation, notify=changed)
    reason = Property(str, lambda self: self._flow.reason, notify=changed)
    identified = Property(bool, lambda self: self._flow.person is not None, notify=changed)

    def _person(self) -> tuple[str, str]:
        person = self._flow.person
        return (mask_name(person.name), mask_id_number(person.id_number)) if person else ("", "")

    personName = Property(str, lambda self: self._person()[0], notify=changed)
    personId = Property(str, lambda self: self._person()[1], notify=changed)
    # In full only in the field where it is checked and typed; masked everywhere else.
    address = Property(str, lambda self: self._flow.address, notify=changed)
    maskedAddress = Property(
        str, lambda self: mask_address(self._flow.address) if self._flow.address else "",
        notify=changed,
    )  # fmt: skip
    phone = Property(str, lambda self: mask_phone(self._flow.phone), notify=changed)
    days = Property(VisitDays, lambda self: self.day_rows, constant=True)

    def _preferred(self) -> tuple[str, int, str]:
        chosen = self._flow.preferred
        return (
            (chosen.day.isoformat(), chosen.day.isoweekday(), chosen.half)
            if chosen
            else ("", 0, "")
        )

    preferredDate = Property(str, lambda self: self._preferred()[0], notify=changed)
    preferredWeekday = Property(int, lambda self: self._preferred()[1], notify=changed)
    preferredHalf = Property(str, lambda self: self._preferred()[2], notify=changed)

    # -- the resident's taps ----------------------------------------------------------------
    @Slot(str, result=bool)
    def begin(self, code: str) -> bool:
        """申请上门办理 for the item `code`; False when it cannot be asked for from here."""
        item = self._lookup(code)
        if item is None or self._service is None:
            return False
        self._restart()
        began = self._flow.begin(item)
        self._show()
        return began

    @Slot(str, str, result=bool)
    def describe(self, relation: str, reason: str) -> bool:
        ok = self._flow.describe(relation, reason)
        self.changed.emit()
        return ok

    @Slot(str, result=bool)
    def enterAddress(self, address: str) -> bool:
        ok = self._flow.enter_address(address)
        self.changed.emit()
        return ok

    @Slot(str, result=bool)
    def enterPhone(self, phone: str) -> bool:
        ok = self._flow.enter_phone(phone)
        self.changed.emit()
        return ok

    @Slot(str, str, result=bool)
    def chooseTime(self, day: str, half: str) -> bool:
        ok = self._flow.choose_time(day, half)
        self.changed.emit()
        return ok
