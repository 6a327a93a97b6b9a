"""预约办理 at the stand-in: places, days, slots with a capacity, bookings and their rules.

The places of an item come from its guide's 办理地点: a street's centre becomes this
terminal's street centre, the district centre and named offices become places of their own
(sample addresses). Each window takes a few bookings per half hour; other residents' bookings
(made elsewhere) are simulated, the same for a slot on every run, so that some slots and
now and then a whole day are full. A booking needs the applicant's mobile number; one
applicant holds one upcoming booking per item; an applicant the platform restricts (repeated
no-shows) is refused with the date the restriction ends. The store keeps a hash of the
applicant's ID, never the number.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.standin.store import Outcome, PlatformError, validate
from kiosk.submission import BEIJING
from kiosk.workdays import PACKAGED_ONLY

if TYPE_CHECKING:
    from kiosk.standin.store import PlatformStore

BOOKING_DAYS = 14  # working days ahead that take bookings, from tomorrow
SLOT_TIMES = ("09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
              "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30")  # fmt: skip
SLOT_MINUTES = 30

# The demo's street and the district centre (示例地址: sample addresses).
STREET_CENTRE = ("street", "德胜街道政务服务中心", "西城区德胜门外大街11号（示例地址）", 3)
DISTRICT_CENTRE = ("district", "西城区政务服务中心", "西城区三里河东路2号（示例地址）", 6)
STATION = ("station", "本社区政务服务站", "本站服务窗口", 2)
OFFICE_CAPACITY = 2


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    address: str
    capacity: int  # bookings per slot
    near: bool

    def wire(self) -> dict[str, Any]:
        return {"placeId": self.place_id, "name": self.name, "address": self.address,
                "near": self.near}  # fmt: skip


def places_of(locations: list[str]) -> list[Place]:
    """The bookable places of an item whose guide lists `locations` (its 办理地点), the
    terminal's own street first."""
    found: dict[str, Place] = {}
    for location in locations:
        if "网上" in location or "各殡仪馆" in location or "医疗机构" in location:
            continue  # not a window that takes bookings
        if "街道" in location:
            kind, name, address, capacity = STREET_CENTRE
        elif "社区政务服务站" in location:
            kind, name, address, capacity = STATION
        elif "区政务服务中心" in location:
            kind, name, address, capacity = DISTRICT_CENTRE
        else:
            digest = hashlib.sha256(location.encode()).hexdigest()[:8]
            kind, name, capacity = f"office-{digest}", location[:80], OFFICE_CAPACITY
            address = "西城区（示例地址，以窗口公示为准）"
        found.setdefault(kind, Place(kind, name, address, capacity, kind in ("street", "station")))
    return sorted(found.values(), key=lambda place: not place.near)


def booking_days(now: float) -> list[datetime.date]:
    """The next BOOKING_DAYS working days (public holidays skipped, weekend days worked
    instead kept: kiosk/workdays.py), from tomorrow."""
    today = datetime.datetime.fromtimestamp(now, BEIJING).date()
    return list(PACKAGED_ONLY.after(today, BOOKING_DAYS))


def _slot_id(place_id: str, item_code: str, start: datetime.datetime) -> str:
    return f"{place_id}.{item_code[:14]}.{start:%Y%m%d%H%M}"


def _booked_elsewhere(slot_id: str, capacity: int) -> int:
    """Other residents' bookings of a slot (other terminals, the app): the same every run."""
    value = int(hashlib.sha256(slot_id.encode()).hexdigest()[:6], 16)
    return min(capacity, value % (capacity + 2))


def _taken(connection: sqlite3.Connection, slot_id: str, capacity: int) -> int:
    """Bookings of a slot: made elsewhere, and made here and not cancelled."""
    here = connection.execute(
        "SELECT COUNT(*) FROM booking WHERE slot_id = ? AND cancelled = 0", (slot_id,)
    ).fetchone()[0]
    return _booked_elsewhere(slot_id, capacity) + int(here)


def applicant_key(id_type: str, id_number: str) -> str:
    return hashlib.sha256(f"booking:{id_type}:{id_number.upper()}".encode()).hexdigest()


class Bookings:
    """The appointment side of the stand-in's store (same file, same lock)."""

    def __init__(self, store: PlatformStore) -> None:
        self._store = store

    def places(self, locations: list[str]) -> dict[str, Any]:
        return {"places": [place.wire() for place in places_of(locations)]}

    def _place(self, locations: list[str], place_id: str) -> Place:
        for place in places_of(locations):
            if place.place_id == place_id:
                return place
        raise PlatformError(404, "unknown_place", "该事项不能在这个地点预约")

    def _slots(
        self, connection: sqlite3.Connection, place: Place, item_code: str, day: datetime.date
    ) -> list[dict[str, Any]]:
        slots = []
        for time_text in SLOT_TIMES:
            start = datetime.datetime.combine(
                day, datetime.time.fromisoformat(time_text), tzinfo=BEIJING
            )
            slot_id = _slot_id(place.place_id, item_code, start)
            taken = _taken(connection, slot_id, place.capacity)
            slots.append({
                "slotId": slot_id,
                "start": start.isoformat(),
                "end": (start + datetime.timedelta(minutes=SLOT_MINUTES)).isoformat(),
                "remaining": max(0, place.capacity - taken),
            })  # fmt: skip
        return slots

    def days(self, locations: list[str], item_code: str, place_id: str, now: float) -> Any:
        place = self._place(locations, place_id)
        days = []
        with self._store.transaction() as connection:
            for day in booking_days(now):
                slots = self._slots(connection, place, item_code, day)
                days.append({"date": day.isoformat(), "free": sum(s["remaining"] for s in slots)})
        return {"days": days}

    def slots(
        self, locations: list[str], item_code: str, place_id: str, day_text: str, now: float
    ) -> Any:
        place = self._place(locations, place_id)
        try:
            day = datetime.date.fromisoformat(day_text)
        except ValueError:
            raise PlatformError(422, "invalid", "日期格式应为 YYYY-MM-DD") from None
        if day not in booking_days(now):
            return {"slots": []}
        with self._store.transaction() as connection:
            return {"slots": self._slots(connection, place, item_code, day)}

    def restrict(self, id_type: str, id_number: str, until: datetime.date) -> None:
        """The platform's no-show rule, for the demo and the tests: refuse this applicant's
        bookings until `until`."""
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO booking_restriction VALUES (?, ?)",
                (applicant_key(id_type, id_number), until.isoformat()),
            )

    def book(
        self, locations: list[str], terminal: str, key: str, body: dict[str, Any], now: float
    ) -> Outcome:
        validate("AppointmentRequest", body)
        applicant = body["applicant"]
        if not applicant.get("mobile"):
            fields = {"applicant/mobile": "required"}
            raise PlatformError(422, "mobile_required", "预约需要手机号码", fields)
        place = self._place(locations, body["placeId"])
        slot_id, item_code = body["slotId"], body["itemCode"]
        who = applicant_key(applicant["idType"], applicant["idNumber"])

        def create(connection: sqlite3.Connection) -> Outcome:
            start = self._bookable_start(place, item_code, slot_id, now)
            today = datetime.datetime.fromtimestamp(now, BEIJING).date().isoformat()
            restricted = connection.execute(
                "SELECT until FROM booking_restriction WHERE applicant = ? AND until >= ?",
                (who, today),
            ).fetchone()
            if restricted:
                raise PlatformError(
                    422, "booking_restricted",
                    f"近期多次预约未到，{restricted[0]}前暂停网上预约，请到窗口现场办理",
                )  # fmt: skip
            held = connection.execute(
                "SELECT start_at FROM booking WHERE applicant = ? AND item_code = ? "
                "AND cancelled = 0 AND start_at > ?",
                (who, item_code, _iso(now)),
            ).fetchone()
            if held:
                when = datetime.datetime.fromisoformat(held[0])
                message = f"您已预约该事项：{when:%m月%d日 %H:%M}，可先取消再重新预约"
                raise PlatformError(409, "already_booked", message)
            if _taken(connection, slot_id, place.capacity) >= place.capacity:
                raise PlatformError(409, "slot_full", "该时段刚刚约满，请选择其他时段")
            number = "YY" + uuid.uuid4().hex[:10].upper()
            answer = {
                "appointmentNo": number,
                "slotId": slot_id,
                "itemCode": item_code,
                "placeId": place.place_id,
                "placeName": place.name,
                "placeAddress": place.address,
                "start": start.isoformat(),
                "end": (start + datetime.timedelta(minutes=SLOT_MINUTES)).isoformat(),
            }
            connection.execute(
                "INSERT INTO booking VALUES (?, ?, ?, ?, ?, ?, 0)",
                (
                    number,
                    slot_id,
                    item_code,
                    who,
                    start.isoformat(),
                    json.dumps(answer, ensure_ascii=False),
                ),
            )
            return Outcome(201, answer)

        return self._store.idempotent(terminal, key, "bookAppointment", body, create)

    @staticmethod
    def _bookable_start(
        place: Place, item_code: str, slot_id: str, now: float
    ) -> datetime.datetime:
        try:
            start = datetime.datetime.strptime(slot_id[-12:], "%Y%m%d%H%M").replace(tzinfo=BEIJING)
        except ValueError:
            raise PlatformError(422, "unknown_slot", "没有这个预约时段") from None
        if (
            slot_id != _slot_id(place.place_id, item_code, start)
            or start.date() not in booking_days(now)
            or start.strftime("%H:%M") not in SLOT_TIMES
        ):
            raise PlatformError(422, "unknown_slot", "没有这个预约时段，或已过期")
        return start

    def query(self, body: dict[str, Any], now: float) -> dict[str, Any]:
        validate("ApplicantProof", body)
        who = applicant_key(body["idType"], body["idNumber"])
        with self._store.transaction() as connection:
            rows = connection.execute(
                "SELECT answer FROM booking WHERE applicant = ? AND cancelled = 0 "
                "AND start_at > ? ORDER BY start_at LIMIT 50",
                (who, _iso(now)),
            ).fetchall()
        return {"appointments": [json.loads(answer) for (answer,) in rows]}

    def cancel(self, body: dict[str, Any], now: float) -> None:
        validate("AppointmentCancel", body)
        who = applicant_key(body["idType"], body["idNumber"])
        with self._store.transaction() as connection:
            row = connection.execute(
                "SELECT start_at FROM booking WHERE appointment_no = ? AND applicant = ?",
                (body["appointmentNo"], who),
            ).fetchone()
            if row is None:  # no such booking, or not this applicant's: the same answer
                raise PlatformError(404, "not_found", "没有找到您的这个预约")
            if row[0] <= _iso(now):
                raise PlatformError(409, "too_late", "预约时间已到，不能再取消")
            connection.execute(
                "UPDATE booking SET cancelled = 1 WHERE appointment_no = ?",
                (body["appointmentNo"],),
            )


def _iso(at: float) -> str:
    return datetime.datetime.fromtimestamp(at, BEIJING).isoformat()
