"""预约办理 and 我的预约 as pure state machines, like the application flow (kiosk/apply/flow.py):
the resident's taps and the platform's answers go in, effects come out ("load the slots of
this day", "book", "print this slip"), and the UI runs them on its workers.

Booking: place → day → slot → identify → phone → review → booking → done. The platform's
answers are numbered; an answer to an earlier request (the resident moved on) is dropped.
A slot taken meanwhile sends the resident back to the day's slots, reloaded. A booking
whose answer is lost is sent again with the same idempotency key (never booked twice);
when no answer comes at all, the resident is told it may have been made and how to check.

我的预约: identify → loading → list → confirm → cancelling → list (reloaded).
"""

from __future__ import annotations

import dataclasses
import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from devices.idcard.identity import CARD_KIND_UNREADABLE, Identity
from devices.printer.layout import Receipt
from kiosk.apply.rules import ApplicationError, check_typed_identity, typed_identity_allowed
from kiosk.appointments.slip import appointment_slip
from kiosk.catalog.model import ServiceItem
from kiosk.district import appointments as wire
from kiosk.district.results import Busy, Offline, Ok, Rejected, Result
from kiosk.forms import mobile_number
from kiosk.messages import NONE, Message, message
from kiosk.submission import ID_TYPES, Person

T = TypeVar("T")
BOOK_TRIES = 3  # a lost answer: the same request again, with the same key


class Step(enum.Enum):
    PLACE = "place"
    DAY = "day"
    SLOT = "slot"
    IDENTIFY = "identify"
    PHONE = "phone"
    REVIEW = "review"
    BOOKING = "booking"
    DONE = "done"


ORDER = (Step.PLACE, Step.DAY, Step.SLOT, Step.IDENTIFY, Step.PHONE, Step.REVIEW)


# -- effects -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LoadPlaces:
    request: int
    item_code: str


@dataclass(frozen=True)
class LoadDays:
    request: int
    item_code: str
    place_id: str


@dataclass(frozen=True)
class LoadSlots:
    request: int
    item_code: str
    place_id: str
    day: wire.BookingDay


@dataclass(frozen=True)
class Book:
    """Book `slot_id`; answer with `booked(request, result)`. The same key on a repeat."""

    request: int
    slot_id: str
    item_code: str
    place_id: str
    applicant: Person = field(repr=False)
    idempotency_key: str


@dataclass(frozen=True)
class PrintSlip:
    slip: Receipt = field(repr=False)


Effect = LoadPlaces | LoadDays | LoadSlots | Book | PrintSlip
BookingCall = LoadPlaces | LoadDays | LoadSlots | Book  # the effects the platform answers


# The platform's refusals a resident must understand; its own sentence (plain text, data)
# goes along as the argument: it says when (the booking already held, the end of a restriction).
REFUSALS = {
    "slot_full": message("appointment.slot_full"),
    "already_booked": message("appointment.already_booked"),
    "booking_restricted": message("appointment.restricted"),
    "unknown_slot": message("appointment.slot_gone"),
    "unknown_place": message("appointment.no_places"),
}


def _refusal(result: Result) -> Message:
    """What a refusal or a failure means for the resident."""
    if isinstance(result, Rejected):
        known = REFUSALS.get(result.code, message("appointment.refused"))
        return Message(known.code, (result.message[:120],))
    return message("appointment.offline")


class BookingFlow:
    """One booking of one item; `wipe()` forgets everything (the identity, the phone)."""

    def __init__(self, *, station: str, hotline: str, typed_identity_items: str = "") -> None:
        self._station = station
        self._hotline = hotline
        self._typed_identity_items = typed_identity_items  # session.typed_identity_items
        self._asked = 0
        self._clear()

    def _clear(self) -> None:
        self.item: ServiceItem | None = None
        self.step: Step | None = None
        self.places: tuple[wire.Place, ...] = ()
        self.place: wire.Place | None = None
        self.days: tuple[wire.BookingDay, ...] = ()
        self.day: wire.BookingDay | None = None
        self.slots: tuple[wire.Slot, ...] = ()
        self.slot: wire.Slot | None = None
        self.applicant: Person | None = None
        self.phone = ""
        self.loading = False
        self.problem: Message = NONE
        self.appointment: wire.Appointment | None = None
        self.unconfirmed = False  # no answer to the booking: it may have been made
        self._book: Book | None = None
        self._tries = 0

    # -- personal data ----------------------------------------------------------------------
    def holds_personal_data(self) -> bool:
        return self.applicant is not None or bool(self.phone) or self.appointment is not None

    def wipe(self) -> None:
        self._asked += 1  # answers still on their way are for nobody
        self._clear()

    # -- the resident's actions -------------------------------------------------------------
    def begin(self, item: ServiceItem) -> tuple[Effect, ...]:
        self.wipe()
        self.item = item
        self.step = Step.PLACE
        return (self._load(LoadPlaces(self._next(), item.code)),)

    def choose_place(self, place_id: str) -> tuple[Effect, ...]:
        place = next((p for p in self.places if p.place_id == place_id), None)
        if self.step is not Step.PLACE or place is None or self.item is None:
            return ()
        self.place, self.day, self.slot = place, None, None
        self.days, self.slots = (), ()  # the last place's: not to be tapped meanwhile
        self.step = Step.DAY
        return (self._load(LoadDays(self._next(), self.item.code, place.place_id)),)

    def choose_day(self, day_text: str) -> tuple[Effect, ...]:
        day = next((d for d in self.days if d.day.isoformat() == day_text), None)
        if self.step is not Step.DAY or day is None or day.free <= 0:
            return ()
        return self._open_day(day)

    def _open_day(self, day: wire.BookingDay) -> tuple[Effect, ...]:
        assert self.item is not None
        assert self.place is not None
        self.day, self.slot, self.slots = day, None, ()
        self.step = Step.SLOT
        effect = LoadSlots(self._next(), self.item.code, self.place.place_id, day)
        return (self._load(effect),)

    def choose_slot(self, slot_id: str) -> bool:
        slot = next((s for s in self.slots if s.slot_id == slot_id), None)
        if self.step is not Step.SLOT or slot is None or slot.full:
            return False
        self.slot = slot
        self.problem = NONE
        self.step = Step.PHONE if self.applicant is not None else Step.IDENTIFY
        return True

    def card(self, identity: Identity) -> bool:
        """An ID card on the reader while the identify step waits for one."""
        if self.step is not Step.IDENTIFY:
            return False
        if not identity.decoded:
            self.problem = message(CARD_KIND_UNREADABLE)
            return True
        self.applicant = Person.from_identity(identity)
        self.problem = NONE
        self.step = Step.PHONE
        return True

    @property
    def wants_card(self) -> bool:
        return self.step is Step.IDENTIFY

    @property
    def typed_allowed(self) -> bool:
        """The station lets residents without their card type name and ID number for this
        item (as for an application: checked again at the window)."""
        item = self.item
        return item is not None and typed_identity_allowed(self._typed_identity_items, item)

    def identify_typed(self, name: str, id_number: str) -> bool:
        """A typed name and ID number on the identify step; False with `problem` when they
        cannot be used (or typing is not allowed here)."""
        if self.step is not Step.IDENTIFY or not self.typed_allowed:
            return False
        try:
            self.applicant = check_typed_identity(name, id_number)
        except ApplicationError as error:
            self.problem = error.message
            return False
        self.problem = NONE
        self.step = Step.PHONE
        return True

    def enter_phone(self, phone: str) -> bool:
        """The number typed on the number pad; False with `problem` when it is no mobile."""
        if self.step is not Step.PHONE or self.applicant is None:
            return False
        mobile = mobile_number(phone)
        if not mobile:
            self.problem = message("appointment.phone_invalid")
            return False
        self.phone = mobile
        self.problem = NONE
        self.step = Step.REVIEW
        return True

    def confirm(self) -> tuple[Effect, ...]:
        """确认预约 on the review step."""
        if self.step is not Step.REVIEW:
            return ()
        assert self.item is not None  # the review step is reached with all of them chosen
        assert self.place is not None
        assert self.slot is not None
        assert self.applicant is not None
        applicant = dataclasses.replace(self.applicant, mobile=self.phone)
        self._book = Book(
            self._next(), self.slot.slot_id, self.item.code, self.place.place_id, applicant,
            uuid.uuid4().hex,
        )  # fmt: skip
        self._tries = 1
        self.step = Step.BOOKING
        self.problem = NONE
        return (self._book,)

    def reload(self) -> tuple[Effect, ...]:
        """再试一次: the list of this step loads again (after the platform did not answer,
        or to see the latest free times)."""
        if self.item is None:
            return ()
        if self.step is Step.PLACE:
            return (self._load(LoadPlaces(self._next(), self.item.code)),)
        if self.step is Step.DAY and self.place is not None:
            return (self._load(LoadDays(self._next(), self.item.code, self.place.place_id)),)
        if self.step is Step.SLOT and self.day is not None:
            return self._open_day(self.day)
        return ()

    def back(self) -> bool:
        """上一步; False on the first step (the caller leaves the flow)."""
        if self.step not in ORDER or self.step is Step.PLACE:
            return False
        assert self.step is not None
        previous = ORDER[ORDER.index(self.step) - 1]
        if previous is Step.IDENTIFY and self.applicant is not None:
            previous = Step.SLOT  # a card read stays for this visit; no need to read it again
        self.step = previous
        self.problem = NONE
        if self.loading:  # the list on its way is for the step left: dropped
            self._asked += 1
            self.loading = False
        return True

    # -- the platform's answers -------------------------------------------------------------
    def answer(self, call: BookingCall, result: Result) -> tuple[Effect, ...]:
        """The platform's answer to one of this flow's calls, whichever it was."""
        if isinstance(call, Book):
            return self.booked(call.request, result)
        if isinstance(call, LoadPlaces):
            self.places_loaded(call.request, result)
        elif isinstance(call, LoadDays):
            self.days_loaded(call.request, result)
        else:
            self.slots_loaded(call.request, result)
        return ()

    def places_loaded(self, request: int, result: Result) -> bool:
        if not self._current(request, Step.PLACE):
            return False
        places = _read(result, wire.read_places)
        if isinstance(places, Message):
            self.problem = places
        elif not places:
            self.problem = message("appointment.no_places")
        else:
            self.places = places
        return True

    def days_loaded(self, request: int, result: Result) -> bool:
        if not self._current(request, Step.DAY):
            return False
        days = _read(result, wire.read_days)
        if isinstance(days, Message):
            self.problem = days
        else:
            self.days = days
            if not any(day.free for day in days):
                self.problem = message("appointment.no_free_days")
        return True

    def slots_loaded(self, request: int, result: Result) -> bool:
        if not self._current(request, Step.SLOT):
            return False
        slots = _read(result, wire.read_slots)
        if isinstance(slots, Message):
            self.problem = slots
        else:
            self.slots = slots
            if not any(not slot.full for slot in slots):
                self.problem = message("appointment.day_full")
        return True

    def booked(self, request: int, result: Result) -> tuple[Effect, ...]:
        """The answer to `Book`: done (and the slip to print), back to the slots when the
        slot was taken meanwhile, the same request again after a lost answer."""
        book = self._book
        if book is None or request != book.request or self.step is not Step.BOOKING:
            return ()
        if isinstance(result, Ok):
            made = wire.read_appointment(result.data)
            if isinstance(made, wire.UnreadableAnswer):
                return self._unconfirmed()
            return self._done(made, book.applicant)
        if isinstance(result, Offline | Busy):
            if self._tries < BOOK_TRIES:
                self._tries += 1
                return (book,)  # the same key: booked at most once
            return self._unconfirmed()
        return self._refused(result)

    def _refused(self, result: Rejected) -> tuple[Effect, ...]:
        effects: tuple[Effect, ...] = ()
        if result.code in ("slot_full", "unknown_slot") and self.day is not None:
            effects = self._open_day(self.day)  # the day's slots again, as they are now
        else:
            self.step = Step.REVIEW
        self.problem = _refusal(result)  # after the reload, which clears the last problem
        return effects

    def _done(self, made: wire.Appointment, applicant: Person) -> tuple[Effect, ...]:
        assert self.item is not None
        self.appointment = made
        self.step = Step.DONE
        slip = appointment_slip(
            item=self.item, appointment=made, applicant=applicant,
            station=self._station, hotline=self._hotline,
        )  # fmt: skip
        return (PrintSlip(slip),)

    def _unconfirmed(self) -> tuple[Effect, ...]:
        self.unconfirmed = True
        self.problem = message("appointment.unconfirmed")
        self.step = Step.DONE
        return ()

    # -- helpers ----------------------------------------------------------------------------
    def _next(self) -> int:
        self._asked += 1
        return self._asked

    def _load(self, effect: LoadPlaces | LoadDays | LoadSlots) -> Effect:
        self.loading = True
        self.problem = NONE
        return effect

    def _current(self, request: int, step: Step) -> bool:
        if request != self._asked or self.step is not step:
            return False
        self.loading = False
        return True


class MyStep(enum.Enum):
    IDENTIFY = "identify"
    LOADING = "loading"
    LIST = "list"
    CONFIRM = "confirm"
    CANCELLING = "cancelling"


@dataclass(frozen=True)
class QueryMine:
    request: int
    id_type: str = field(repr=False)
    id_number: str = field(repr=False)


@dataclass(frozen=True)
class CancelOne:
    request: int
    number: str
    id_type: str = field(repr=False)
    id_number: str = field(repr=False)
    idempotency_key: str


class MyAppointments:
    """我的预约: the upcoming bookings of the ID card on the reader, and cancelling one."""

    def __init__(self) -> None:
        self._asked = 0
        self._clear()

    def _clear(self) -> None:
        self.step: MyStep | None = None
        self._id: tuple[str, str] | None = None
        self.appointments: tuple[wire.Appointment, ...] = ()
        self.chosen: wire.Appointment | None = None
        self.problem: Message = NONE
        self.note: Message = NONE  # what just happened ("cancelled")

    def holds_personal_data(self) -> bool:
        return self._id is not None or bool(self.appointments)

    def wipe(self) -> None:
        self._asked += 1
        self._clear()

    @property
    def wants_card(self) -> bool:
        return self.step is MyStep.IDENTIFY

    def begin(self) -> None:
        self.wipe()
        self.step = MyStep.IDENTIFY

    def card(self, identity: Identity) -> tuple[QueryMine, ...]:
        if self.step is not MyStep.IDENTIFY:
            return ()
        if not identity.decoded:
            self.problem = message(CARD_KIND_UNREADABLE)
            return ()
        self._id = (ID_TYPES[identity.kind], identity.id_number)
        return (self._query(),)

    def _query(self) -> QueryMine:
        assert self._id is not None
        self._asked += 1
        self.step = MyStep.LOADING
        self.problem = NONE
        return QueryMine(self._asked, *self._id)

    def answer(self, call: QueryMine | CancelOne, result: Result) -> tuple[QueryMine, ...]:
        """The platform's answer to one of this flow's calls, whichever it was."""
        if isinstance(call, CancelOne):
            return self.cancelled(call.request, result)
        self.listed(call.request, result)
        return ()

    def reload(self) -> tuple[QueryMine, ...]:
        """再试一次: the list again (after the platform did not answer)."""
        if self.step is not MyStep.LIST or self._id is None:
            return ()
        return (self._query(),)

    def listed(self, request: int, result: Result) -> bool:
        if request != self._asked or self.step is not MyStep.LOADING:
            return False
        found = _read(result, wire.read_appointments, message("appointment.list_failed"))
        self.step = MyStep.LIST
        if isinstance(found, Message):
            self.problem = found
            self.appointments = ()
        else:
            self.appointments = found
        return True

    def choose(self, number: str) -> bool:
        chosen = next((a for a in self.appointments if a.number == number), None)
        if self.step is not MyStep.LIST or chosen is None:
            return False
        self.chosen = chosen
        self.note = NONE
        self.step = MyStep.CONFIRM
        return True

    def keep(self) -> bool:
        """不取消: back to the list."""
        if self.step is not MyStep.CONFIRM:
            return False
        self.chosen = None
        self.step = MyStep.LIST
        return True

    def cancel(self) -> tuple[CancelOne, ...]:
        if self.step is not MyStep.CONFIRM or self.chosen is None or self._id is None:
            return ()
        self._asked += 1
        self.step = MyStep.CANCELLING
        return (CancelOne(self._asked, self.chosen.number, *self._id, uuid.uuid4().hex),)

    def cancelled(self, request: int, result: Result) -> tuple[QueryMine, ...]:
        """The answer to `CancelOne`: the list again, reloaded, saying what happened."""
        if request != self._asked or self.step is not MyStep.CANCELLING:
            return ()
        if isinstance(result, Ok):
            self.note = message("appointment.cancelled")
        elif isinstance(result, Rejected) and result.code == "too_late":
            self.note = message("appointment.too_late")
        elif isinstance(result, Rejected):
            self.note = message("appointment.cancel_refused", result.message[:120])
        else:  # it may have reached the platform: the list, asked again, tells
            self.note = message("appointment.cancel_unconfirmed")
        self.chosen = None
        return (self._query(),)


def _read(
    result: Result,
    reader: Callable[[object], T | wire.UnreadableAnswer],
    failed: Message | None = None,
) -> T | Message:
    """The answer read into its values, or the message for the resident (`failed` for any
    answer but a good one, where the booking's words do not fit)."""
    if not isinstance(result, Ok):
        return failed or _refusal(result)
    value = reader(result.data)
    if isinstance(value, wire.UnreadableAnswer):
        return failed or message("appointment.offline")
    return value
