"""预约办理 on the wire: the places, days, slots and bookings of the platform's contract
(openapi.yaml: listAppointmentPlaces, listAppointmentDays, listSlots, bookAppointment,
queryAppointments, cancelAppointment), read into typed values.

What the platform answers is untrusted: every list is cut to its bound, every text to its
length, and an answer that is not shaped like the contract is `UnreadableAnswer`, never an
exception in the caller. Times are aware datetimes (the platform sends an offset).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
MAX_PLACES = 20
MAX_DAYS = 31
MAX_SLOTS = 48
MAX_APPOINTMENTS = 50
MAX_TEXT = 120


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    address: str
    near: bool = False  # the terminal's own street or station


@dataclass(frozen=True)
class BookingDay:
    day: datetime.date
    free: int  # slots still free; 0: fully booked


@dataclass(frozen=True)
class Slot:
    slot_id: str
    start: datetime.datetime
    end: datetime.datetime
    remaining: int

    @property
    def full(self) -> bool:
        return self.remaining <= 0


@dataclass(frozen=True)
class Appointment:
    number: str
    slot_id: str
    item_code: str
    place: Place
    start: datetime.datetime
    end: datetime.datetime


@dataclass(frozen=True)
class UnreadableAnswer:
    """The platform answered, but not with what the contract promises."""

    detail: str


class _ShapeError(ValueError):
    pass


def _text(value: object, name: str, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise _ShapeError(f"{name} is not a text")
    return value.strip()[:MAX_TEXT]


def _list(data: object, key: str, limit: int) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise _ShapeError(f"no list {key}")
    return list(data[key][:limit])


def _moment(value: object, name: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(_text(value, name))
    except ValueError:
        raise _ShapeError(f"{name} is not a date-time") from None
    if moment.tzinfo is None:
        raise _ShapeError(f"{name} has no offset")
    return moment


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _ShapeError(f"{name} is not a count")
    return min(value, 100_000)


def _place(entry: object) -> Place:
    if not isinstance(entry, dict):
        raise _ShapeError("a place is not an object")
    return Place(
        _text(entry.get("placeId"), "placeId"),
        _text(entry.get("name"), "name"),
        _text(entry.get("address", ""), "address", required=False),
        entry.get("near") is True,
    )


def _slot(entry: object) -> Slot:
    if not isinstance(entry, dict):
        raise _ShapeError("a slot is not an object")
    return Slot(
        _text(entry.get("slotId"), "slotId"),
        _moment(entry.get("start"), "start"),
        _moment(entry.get("end"), "end"),
        _count(entry.get("remaining"), "remaining"),
    )


def _day(entry: object) -> BookingDay:
    if not isinstance(entry, dict):
        raise _ShapeError("a day is not an object")
    try:
        day = datetime.date.fromisoformat(_text(entry.get("date"), "date"))
    except ValueError:
        raise _ShapeError("date is not a date") from None
    return BookingDay(day, _count(entry.get("free"), "free"))


def appointment(entry: object) -> Appointment:
    if not isinstance(entry, dict):
        raise _ShapeError("an appointment is not an object")
    place = Place(
        _text(entry.get("placeId"), "placeId"),
        _text(entry.get("placeName"), "placeName"),
        _text(entry.get("placeAddress", ""), "placeAddress", required=False),
    )
    return Appointment(
        _text(entry.get("appointmentNo"), "appointmentNo")[:40],
        _text(entry.get("slotId"), "slotId"),
        _text(entry.get("itemCode"), "itemCode"),
        place,
        _moment(entry.get("start"), "start"),
        _moment(entry.get("end"), "end"),
    )


def _read_list(
    data: object, key: str, limit: int, entry: Callable[[object], T], order: Callable[[T], Any]
) -> tuple[T, ...] | UnreadableAnswer:
    """`data[key]`, at most `limit` entries read by `entry`, sorted by `order`."""
    try:
        return tuple(sorted((entry(e) for e in _list(data, key, limit)), key=order))
    except _ShapeError as error:
        return UnreadableAnswer(f"{key}: {error}")


def read_places(data: object) -> tuple[Place, ...] | UnreadableAnswer:
    """The platform's order kept: its own street first."""
    return _read_list(data, "places", MAX_PLACES, _place, lambda place: 0)


def read_days(data: object) -> tuple[BookingDay, ...] | UnreadableAnswer:
    return _read_list(data, "days", MAX_DAYS, _day, _by_day)


def read_slots(data: object) -> tuple[Slot, ...] | UnreadableAnswer:
    return _read_list(data, "slots", MAX_SLOTS, _slot, _by_start)


def read_appointments(data: object) -> tuple[Appointment, ...] | UnreadableAnswer:
    return _read_list(data, "appointments", MAX_APPOINTMENTS, appointment, _by_start)


def read_appointment(data: object) -> Appointment | UnreadableAnswer:
    try:
        return appointment(data)
    except _ShapeError as error:
        return UnreadableAnswer(f"appointment: {error}")


def _by_day(day: BookingDay) -> datetime.date:
    return day.day


def _by_start(entry: Slot | Appointment) -> datetime.datetime:
    return entry.start
