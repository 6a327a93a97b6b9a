"""预约办理 and 我的预约 as the screens see them.

The flows (kiosk/appointments/flow.py) live in the resident's session; these view models
run their effects (the platform's calls on the sync worker, the slip on the printer), bound
the wait for each answer, and expose the flows' state as typed properties and row models.
They keep nothing personal of their own: names, ID numbers and phone numbers are read from
the flows, masked, when QML asks.

Signals (both view models):
    changed: the step, the rows or the message changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot

from devices.idcard.identity import Identity
from kiosk.catalog.model import ServiceItem
from kiosk.privacy import mask_id_number, mask_name, mask_phone
from kiosk.submission import BEIJING
from ui.devicehub import DeviceHub
from ui.outboxworker import OutboxService
from ui.progressview import ANSWER_BOUND_MS  # the same wait on the same sync worker
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel
from ui.visitview import VisitModel

if TYPE_CHECKING:  # the flows are made when first used, not at start-up (kiosk/visit.py)
    from kiosk.appointments.calls import Call
    from kiosk.appointments.flow import BookingFlow, Effect, MyAppointments, MyStep, Step
    from kiosk.district.appointments import Appointment
    from kiosk.district.results import Result

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("an enum")
class BookingStep(QObject):
    """The booking's step (kiosk.appointments.flow.Step) as QML sees it."""

    @QEnum
    class Value(IntEnum):
        NoStep = 0
        Place = 1
        Day = 2
        Slot = 3
        Identify = 4
        Phone = 5
        Review = 6
        Booking = 7
        Done = 8


@QmlElement
@QmlUncreatable("an enum")
class MineStep(QObject):
    """我的预约's step (kiosk.appointments.flow.MyStep) as QML sees it."""

    @QEnum
    class Value(IntEnum):
        NoStep = 0
        Identify = 1
        Loading = 2
        List = 3
        Confirm = 4
        Cancelling = 5


def _booking_step(step: Step | None) -> BookingStep.Value:
    return BookingStep.Value[step.name.title()] if step else BookingStep.Value.NoStep


def _mine_step(step: MyStep | None) -> MineStep.Value:
    return MineStep.Value[step.name.title()] if step else MineStep.Value.NoStep


@dataclass(frozen=True)
class PlaceRow:
    """A place to book at (roles placeId, name, address, near)."""

    place_id: str
    name: str
    address: str
    near: bool  # this terminal's own street or station


@dataclass(frozen=True)
class DayRow:
    """A bookable day (roles date, weekday, free): ISO date, 1 = Monday … 7 = Sunday."""

    date: str
    weekday: int
    free: int


@dataclass(frozen=True)
class SlotRow:
    """A time on the chosen day (roles slotId, start, end, remaining), Beijing time."""

    slot_id: str
    start: str
    end: str
    remaining: int


@dataclass(frozen=True)
class AppointmentRow:
    """One of 我的预约 (roles number, itemName, placeName, placeAddress, date, weekday,
    start, end)."""

    number: str
    item_name: str
    place_name: str
    place_address: str
    date: str
    weekday: int
    start: str
    end: str


def _clock(moment: datetime.datetime) -> str:
    return moment.astimezone(BEIJING).strftime("%H:%M")


def _when(moment: datetime.datetime) -> tuple[str, int]:
    day = moment.astimezone(BEIJING).date()
    return day.isoformat(), day.isoweekday()


@QmlElement
@QmlUncreatable("the booking view model's places")
class PlaceRows(RowModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(PlaceRow, parent)


@QmlElement
@QmlUncreatable("the booking view model's days")
class DayRows(RowModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(DayRow, parent)


@QmlElement
@QmlUncreatable("the booking view model's slots")
class SlotRows(RowModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SlotRow, parent)


@QmlElement
@QmlUncreatable("我的预约's appointments")
class AppointmentRows(RowModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(AppointmentRow, parent)


class _Calls(QObject):
    """The platform's calls of one flow: sent to the sync worker, one answer awaited at a
    time and bounded (no answer by then: the flow hears "the platform did not answer", and
    a booking is sent again with the same key); an answer that is not to the call awaited
    is dropped here (the flows drop stale ones too)."""

    def __init__(
        self,
        service: OutboxService | None,
        answer: Callable[[Call, Result], None],
        bound_ms: int,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._answer = answer
        self._awaited: Call | None = None
        self._bound = QTimer(self)
        self._bound.setSingleShot(True)
        self._bound.setInterval(bound_ms)
        self._bound.timeout.connect(self._on_no_answer)
        if service is not None:
            service.appointmentAnswered.connect(self._on_answer)

    def send(self, call: Call) -> None:
        self._awaited = call
        self._bound.start()
        if self._service is None:
            self._on_no_answer()  # nobody to ask: the flow says the platform is out of reach
        else:
            self._service.requestAppointment.emit(call)

    def drop(self) -> None:
        """Nothing awaited any more."""
        self._awaited = None
        self._bound.stop()

    def abandon(self) -> None:
        """The resident has gone (the wipe, the screen left): a call still queued is not
        sent (it may carry their ID number), its answer is dropped."""
        if self._awaited is not None and self._service is not None:
            self._service.abandon_appointment(self._awaited)
        self.drop()

    @Slot(object, object)
    def _on_answer(self, call: Call, result: Result) -> None:
        if call is self._awaited:
            self.drop()
            self._answer(call, result)

    @Slot()
    def _on_no_answer(self) -> None:
        from kiosk.district.results import Offline

        call = self._awaited
        if call is not None:
            self.drop()
            self._answer(call, Offline("no answer in time"))


@QmlElement
@QmlUncreatable("built by the composition root")
class BookingViewModel(QObject):
    """预约办理 for one item: place → day → slot → ID card → phone → review → booked."""

    changed = Signal()

    def __init__(
        self,
        visit: VisitModel,
        lookup: Callable[[str], ServiceItem | None],
        *,
        service: OutboxService | None,
        hub: DeviceHub,
        parent: QObject | None = None,
        answer_bound_ms: int = ANSWER_BOUND_MS,
    ) -> None:
        super().__init__(parent)
        self._session = visit.session
        self._lookup = lookup
        self._service = service
        self._hub = hub
        self._calls = _Calls(service, self._on_answer, answer_bound_ms, self)
        self.place_rows = PlaceRows(self)
        self.day_rows = DayRows(self)
        self.slot_rows = SlotRows(self)
        visit.bookingCard.connect(self._on_card)
        visit.wiped.connect(self._on_wiped)

    @property
    def _flow(self) -> BookingFlow:
        return self._session.booking

    # -- running the flow -------------------------------------------------------------------
    def _run(self, effects: tuple[Effect, ...]) -> None:
        from kiosk.appointments.flow import PrintSlip

        for effect in effects:
            if isinstance(effect, PrintSlip):
                self._hub.print_receipt(effect.slip)
            else:  # a call to the platform
                self._calls.send(effect)
        self._publish()

    def _publish(self) -> None:
        flow = self._flow
        self.place_rows.set_rows(
            [PlaceRow(p.place_id, p.name, p.address, p.near) for p in flow.places]
        )
        self.day_rows.set_rows(
            [DayRow(d.day.isoformat(), d.day.isoweekday(), d.free) for d in flow.days]
        )
        self.slot_rows.set_rows(
            [SlotRow(s.slot_id, _clock(s.start), _clock(s.end), s.remaining) for s in flow.slots]
        )
        self.changed.emit()

    def _on_answer(self, call: Call, result: Result) -> None:
        from kiosk.appointments.flow import Book, LoadDays, LoadPlaces, LoadSlots

        assert isinstance(call, LoadPlaces | LoadDays | LoadSlots | Book)
        self._run(self._flow.answer(call, result))

    @Slot(object)
    def _on_card(self, identity: Identity) -> None:
        if self._flow.card(identity):
            self._publish()

    @Slot(object)
    def _on_wiped(self, _effects: object) -> None:
        self._calls.abandon()
        if self._session.booking_made:  # a visit that never booked has nothing to clear
            self._publish()

    # -- what the screen shows --------------------------------------------------------------
    available = Property(bool, lambda self: self._service is not None, constant=True)
    step = Property(int, lambda self: _booking_step(self._flow.step), notify=changed)
    loading = Property(bool, lambda self: self._flow.loading, notify=changed)
    messageCode = Property(str, lambda self: self._flow.problem.code, notify=changed)
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]  # Words.say() takes list<string>
        lambda self: list(self._flow.problem.args),
        notify=changed,
    )
    itemName = Property(
        str, lambda self: self._flow.item.name if self._flow.item else "", notify=changed
    )
    places = Property(PlaceRows, lambda self: self.place_rows, constant=True)
    days = Property(DayRows, lambda self: self.day_rows, constant=True)
    slots = Property(SlotRows, lambda self: self.slot_rows, constant=True)

    def _place(self) -> tuple[str, str]:
        place = self._flow.appointment.place if self._flow.appointment else self._flow.place
        return (place.name, place.address) if place else ("", "")

    placeName = Property(str, lambda self: self._place()[0], notify=changed)
    placeAddress = Property(str, lambda self: self._place()[1], notify=changed)

    def _times(self) -> tuple[str, int, str, str]:
        """The booked time, or the chosen one (the day alone before a time is chosen):
        date, weekday, start, end."""
        flow = self._flow
        span = flow.appointment or flow.slot
        if span is not None:
            return (*_when(span.start), _clock(span.start), _clock(span.end))
        if flow.day is not None:
            return (flow.day.day.isoformat(), flow.day.day.isoweekday(), "", "")
        return ("", 0, "", "")

    date = Property(str, lambda self: self._times()[0], notify=changed)
    weekday = Property(int, lambda self: self._times()[1], notify=changed)
    startTime = Property(str, lambda self: self._times()[2], notify=changed)
    endTime = Property(str, lambda self: self._times()[3], notify=changed)

    def _applicant(self) -> tuple[str, str]:
        person = self._flow.applicant
        return (mask_name(person.name), mask_id_number(person.id_number)) if person else ("", "")

    applicantName = Property(str, lambda self: self._applicant()[0], notify=changed)
    applicantId = Property(str, lambda self: self._applicant()[1], notify=changed)
    phone = Property(str, lambda self: mask_phone(self._flow.phone), notify=changed)
    number = Property(
        str,
        lambda self: self._flow.appointment.number if self._flow.appointment else "",
        notify=changed,
    )
    unconfirmed = Property(bool, lambda self: self._flow.unconfirmed, notify=changed)
    typedAllowed = Property(bool, lambda self: self._flow.typed_allowed, notify=changed)

    # -- the resident's taps ----------------------------------------------------------------
    @Slot(str, result=bool)
    def begin(self, code: str) -> bool:
        """预约 for the item `code`; False when it cannot be booked from here."""
        item = self._lookup(code)
        if item is None or not item.bookable or self._service is None:
            return False
        self._hub.forgetPrintStatus()
        self._run(self._flow.begin(item))
        return True

    @Slot(str)
    def choosePlace(self, place_id: str) -> None:
        self._run(self._flow.choose_place(place_id))

    @Slot(str)
    def chooseDay(self, date: str) -> None:
        self._run(self._flow.choose_day(date))

    @Slot(str)
    def chooseSlot(self, slot_id: str) -> None:
        if self._flow.choose_slot(slot_id):
            self._publish()

    @Slot(str, str, result=bool)
    def identifyTyped(self, name: str, id_number: str) -> bool:
        """No card with them: name and ID number typed (where the station allows it)."""
        ok = self._flow.identify_typed(name, id_number)
        self._publish()
        return ok

    @Slot(str, result=bool)
    def enterPhone(self, phone: str) -> bool:
        ok = self._flow.enter_phone(phone)
        self._publish()
        return ok

    @Slot()
    def confirm(self) -> None:
        self._run(self._flow.confirm())

    @Slot()
    def retry(self) -> None:
        """再试一次: the list of this step loads again."""
        self._run(self._flow.reload())

    @Slot(result=bool)
    def back(self) -> bool:
        """上一步; False on the first step (the screen is left)."""
        moved = self._flow.back()
        if moved:
            self._publish()
        return moved

    @Slot()
    def reset(self) -> None:
        """The screen is left: the booking and its answers still on their way are dropped."""
        self._flow.wipe()
        self._calls.abandon()
        self._publish()


@QmlElement
@QmlUncreatable("built by the composition root")
class MyAppointmentsViewModel(QObject):
    """我的预约: the ID card on the reader, the upcoming appointments, cancelling one."""

    changed = Signal()

    def __init__(
        self,
        visit: VisitModel,
        item_name: Callable[[str], str],
        *,
        service: OutboxService | None,
        parent: QObject | None = None,
        answer_bound_ms: int = ANSWER_BOUND_MS,
    ) -> None:
        super().__init__(parent)
        self._session = visit.session
        self._item_name = item_name
        self._service = service
        self._calls = _Calls(service, self._on_answer, answer_bound_ms, self)
        self.rows = AppointmentRows(self)
        self._listed: tuple[Appointment, ...] = ()  # what the rows show
        visit.myAppointmentsCard.connect(self._on_card)
        visit.wiped.connect(self._on_wiped)

    @property
    def _flow(self) -> MyAppointments:
        return self._session.mine

    def _run(self, effects: tuple[Call, ...]) -> None:
        for call in effects:
            self._calls.send(call)
        listed = self._flow.appointments
        if listed is not self._listed:  # the rows follow a new answer, not every tap
            self._listed = listed
            self.rows.set_rows([self._row(a) for a in listed])
        self.changed.emit()

    def _row(self, appointment: Appointment) -> AppointmentRow:
        place = appointment.place
        date, weekday = _when(appointment.start)
        start, end = _clock(appointment.start), _clock(appointment.end)
        name = self._item_name(appointment.item_code) or appointment.item_code
        return AppointmentRow(
            appointment.number, name, place.name, place.address, date, weekday, start, end
        )

    def _on_answer(self, call: Call, result: Result) -> None:
        from kiosk.appointments.flow import CancelOne, QueryMine

        assert isinstance(call, QueryMine | CancelOne)
        self._run(self._flow.answer(call, result))

    @Slot(object)
    def _on_card(self, identity: Identity) -> None:
        self._run(self._flow.card(identity))

    @Slot(object)
    def _on_wiped(self, _effects: object) -> None:
        self._calls.abandon()
        if self._session.mine_made:
            self._run(())

    available = Property(bool, lambda self: self._service is not None, constant=True)
    step = Property(int, lambda self: _mine_step(self._flow.step), notify=changed)
    appointments = Property(AppointmentRows, lambda self: self.rows, constant=True)

    messageCode = Property(str, lambda self: self._flow.problem.code, notify=changed)
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: list(self._flow.problem.args),
        notify=changed,
    )
    noteCode = Property(str, lambda self: self._flow.note.code, notify=changed)
    noteArgs = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: list(self._flow.note.args),
        notify=changed,
    )
    chosen = Property(
        str, lambda self: self._flow.chosen.number if self._flow.chosen else "", notify=changed
    )

    @Slot()
    def begin(self) -> None:
        self._flow.begin()
        self._run(())

    @Slot(str)
    def choose(self, number: str) -> None:
        if self._flow.choose(number):
            self._run(())

    @Slot()
    def keep(self) -> None:
        if self._flow.keep():
            self._run(())

    @Slot()
    def cancel(self) -> None:
        self._run(self._flow.cancel())

    @Slot()
    def retry(self) -> None:
        """再试一次: the list loads again."""
        self._run(self._flow.reload())

    @Slot()
    def reset(self) -> None:
        self._flow.wipe()
        self._calls.abandon()
        self._run(())
