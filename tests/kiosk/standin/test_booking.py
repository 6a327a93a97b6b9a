"""预约办理 between the kiosk's client and the stand-in, over real HTTP, every exchange checked
against the contract: places from the guide, 14 working days, slots with their capacity,
booking and its refusals, 我的预约 and cancelling."""

from __future__ import annotations

import datetime
import itertools
import uuid
from collections.abc import Iterator

import pytest

from kiosk.catalog.sample import sample_document
from kiosk.district import appointments as wire
from kiosk.district.client import Ok, PlatformClient, Rejected
from kiosk.standin.booking import BOOKING_DAYS, places_of
from kiosk.standin.server import StandIn
from kiosk.submission import Person

ID_CARD_ITEM = "00011504000000-110102000000-000-11110102MB0000000X-1-00"  # 居民身份证换领、补领
PERSON = Person("王小明", "resident_id", "110102195001010013", "13812345678")
OTHER = Person("李四", "resident_id", "11010219800101002X", "13900001111")


@pytest.fixture
def booking(standin: StandIn, client: PlatformClient) -> Iterator[PlatformClient]:
    standin.state.set_catalog(sample_document())
    return client


def key() -> str:
    return uuid.uuid4().hex


def places(client: PlatformClient, item: str = ID_CARD_ITEM) -> tuple[wire.Place, ...]:
    result = client.appointment_places(item)
    assert isinstance(result, Ok)
    found = wire.read_places(result.data)
    assert isinstance(found, tuple)
    return found


def free_slot(client: PlatformClient, place: wire.Place) -> tuple[wire.BookingDay, wire.Slot]:
    result = client.appointment_days(ID_CARD_ITEM, place.place_id)
    assert isinstance(result, Ok)
    days = wire.read_days(result.data)
    assert isinstance(days, tuple)
    for day in days:
        slots = wire.read_slots(
            client.appointment_slots(ID_CARD_ITEM, place.place_id, day.day).data
        )  # type: ignore[union-attr]
        assert isinstance(slots, tuple)
        for slot in slots:
            if not slot.full:
                return day, slot
    raise AssertionError("no free slot in 14 days")


def test_places_come_from_the_guide_with_addresses_this_street_first(
    booking: PlatformClient,
) -> None:
    # 北京市公安局西城分局各派出所 (an office of its own), 西城区政务服务中心公安窗口 (district)
    found = places(booking)
    assert [p.name for p in found] == ["北京市公安局西城分局各派出所", "西城区政务服务中心"]
    assert all(p.address for p in found)
    family_bed = "00012204000000-110102000000-000-11110102MB0000000X-1-00"  # street + station
    near = places(booking, family_bed)
    assert [p.near for p in near] == [True, True]
    assert near[0].name == "德胜街道政务服务中心"
    unknown = booking.appointment_places("no-such-item")
    assert isinstance(unknown, Rejected)
    assert unknown.status == 404


def test_fourteen_working_days_from_tomorrow_with_full_slots_shown_as_full(
    booking: PlatformClient,
) -> None:
    district = places(booking)[1]
    result = booking.appointment_days(ID_CARD_ITEM, district.place_id)
    assert isinstance(result, Ok)
    days = wire.read_days(result.data)
    assert isinstance(days, tuple)
    assert len(days) == BOOKING_DAYS
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    assert days[0].day > today
    assert all(day.day.weekday() < 5 for day in days)
    all_slots = []
    for day in days:
        slots = wire.read_slots(
            booking.appointment_slots(ID_CARD_ITEM, district.place_id, day.day).data
        )  # type: ignore[union-attr]
        assert isinstance(slots, tuple)
        assert day.free == sum(slot.remaining for slot in slots)
        all_slots.extend(slots)
    assert any(slot.full for slot in all_slots)  # other residents booked some already
    assert any(not slot.full for slot in all_slots)
    assert all(a.start < b.start for a, b in itertools.pairwise(all_slots))
    saturday = next(
        d for d in (today + datetime.timedelta(n) for n in range(1, 8)) if d.weekday() == 5
    )
    weekend = booking.appointment_slots(ID_CARD_ITEM, district.place_id, saturday)
    assert isinstance(weekend, Ok)
    assert weekend.data == {"slots": []}


def test_book_then_find_it_under_my_appointments_then_cancel(booking: PlatformClient) -> None:
    district = places(booking)[1]
    day, slot = free_slot(booking, district)
    booked = booking.book_appointment(slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, key())
    assert isinstance(booked, Ok)
    assert booked.status == 201
    made = wire.read_appointment(booked.data)
    assert isinstance(made, wire.Appointment)
    assert made.start == slot.start
    assert made.place.name == "西城区政务服务中心"
    assert made.place.address
    after = wire.read_slots(
        booking.appointment_slots(ID_CARD_ITEM, district.place_id, day.day).data
    )  # type: ignore[union-attr]
    assert isinstance(after, tuple)
    assert next(s for s in after if s.slot_id == slot.slot_id).remaining == slot.remaining - 1

    mine = booking.my_appointments(PERSON.id_type, PERSON.id_number)
    assert isinstance(mine, Ok)
    assert wire.read_appointments(mine.data) == (made,)
    others = booking.my_appointments(OTHER.id_type, OTHER.id_number)
    assert wire.read_appointments(others.data) == ()  # type: ignore[union-attr]

    stranger = booking.cancel_appointment(made.number, OTHER.id_type, OTHER.id_number, key())
    assert isinstance(stranger, Rejected)
    assert stranger.status == 404  # not theirs: the same answer as no such booking
    cancelled = booking.cancel_appointment(made.number, PERSON.id_type, PERSON.id_number, key())
    assert isinstance(cancelled, Ok)
    assert cancelled.status == 204
    again = booking.cancel_appointment(made.number, PERSON.id_type, PERSON.id_number, key())
    assert isinstance(again, Ok)  # cancelling twice is not an error
    gone = booking.my_appointments(PERSON.id_type, PERSON.id_number)
    assert wire.read_appointments(gone.data) == ()  # type: ignore[union-attr]


def test_a_repeat_with_the_same_key_returns_the_same_booking(booking: PlatformClient) -> None:
    district = places(booking)[1]
    _, slot = free_slot(booking, district)
    idem = key()
    first = booking.book_appointment(slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, idem)
    second = booking.book_appointment(slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, idem)
    assert isinstance(first, Ok)
    assert isinstance(second, Ok)
    assert second.replayed
    assert first.data == second.data
    mine = booking.my_appointments(PERSON.id_type, PERSON.id_number)
    assert len(wire.read_appointments(mine.data)) == 1  # type: ignore[arg-type, union-attr]


def test_refusals_say_why(booking: PlatformClient, standin: StandIn) -> None:
    district = places(booking)[1]
    _, slot = free_slot(booking, district)
    no_phone = Person(PERSON.name, PERSON.id_type, PERSON.id_number)
    refused = booking.book_appointment(
        slot.slot_id, ID_CARD_ITEM, district.place_id, no_phone, key()
    )
    assert isinstance(refused, Rejected)
    assert refused.code == "mobile_required"

    # Taken meanwhile: other residents fill the slot before this one confirms.
    for n in range(slot.remaining):
        other = Person("居民", "resident_id", f"1101021980010100{n:02d}", "13900001111")
        taken = booking.book_appointment(
            slot.slot_id, ID_CARD_ITEM, district.place_id, other, key()
        )
        assert isinstance(taken, Ok)
    full = booking.book_appointment(slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, key())
    assert isinstance(full, Rejected)
    assert (full.status, full.code) == (409, "slot_full")

    _, other_slot = free_slot(booking, district)
    made = booking.book_appointment(
        other_slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, key()
    )
    assert isinstance(made, Ok)
    double = booking.book_appointment(
        other_slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, key()
    )
    assert isinstance(double, Rejected)
    assert (double.status, double.code) == (409, "already_booked")
    assert "月" in double.message  # says when the booking it already has is

    until = datetime.date.today() + datetime.timedelta(days=30)
    standin.store.bookings.restrict(OTHER.id_type, OTHER.id_number, until)
    restricted = booking.book_appointment(
        other_slot.slot_id, ID_CARD_ITEM, district.place_id, OTHER, key()
    )
    assert isinstance(restricted, Rejected)
    assert restricted.code == "booking_restricted"
    assert until.isoformat() in restricted.message

    forged = slot.slot_id[:-12] + "203001010900"
    unknown = booking.book_appointment(forged, ID_CARD_ITEM, district.place_id, OTHER, key())
    assert isinstance(unknown, Rejected)
    assert unknown.code == "unknown_slot"
    elsewhere = booking.book_appointment(slot.slot_id, ID_CARD_ITEM, "street", OTHER, key())
    assert isinstance(elsewhere, Rejected)
    assert elsewhere.status == 404  # the item takes no bookings at that place


def test_the_stand_in_keeps_no_id_number(booking: PlatformClient, standin: StandIn) -> None:
    district = places(booking)[1]
    _, slot = free_slot(booking, district)
    booking.book_appointment(slot.slot_id, ID_CARD_ITEM, district.place_id, PERSON, key())
    path = standin.store.path
    files = [path, path.with_name(path.name + "-wal")]  # WAL mode: recent writes are there
    stored = b"".join(f.read_bytes() for f in files if f.exists())
    assert b"YY" in stored  # the booking is in what was read
    assert PERSON.id_number.encode() not in stored


def test_places_of_skips_what_takes_no_bookings() -> None:
    assert (
        places_of(["本市各殡仪馆", "北京市义务教育入学服务平台（网上）", "本市定点医疗机构医保办"])
        == []
    )
    assert [p.place_id for p in places_of(["西城区各街道政务服务中心综合窗口"] * 2)] == ["street"]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"places": "x"},
        {"places": [{"placeId": "", "name": "a", "address": ""}]},
        {"places": [{"placeId": 3, "name": "a"}]},
        {"places": ["x"]},
    ],
)
def test_unreadable_places_are_an_answer_not_an_exception(data: object) -> None:
    assert isinstance(wire.read_places(data), wire.UnreadableAnswer)


@pytest.mark.parametrize(
    "data",
    [
        {
            "slots": [
                {
                    "slotId": "a",
                    "start": "2026-12-01T09:00",
                    "end": "2026-12-01T09:30+08:00",
                    "remaining": 1,
                }
            ]
        },
        {"slots": [{"slotId": "a", "start": "x", "end": "x", "remaining": 1}]},
        {
            "slots": [
                {
                    "slotId": "a",
                    "start": "2026-12-01T09:00+08:00",
                    "end": "2026-12-01T09:30+08:00",
                    "remaining": -1,
                }
            ]
        },
        {
            "slots": [
                {
                    "slotId": "a",
                    "start": "2026-12-01T09:00+08:00",
                    "end": "2026-12-01T09:30+08:00",
                    "remaining": True,
                }
            ]
        },
    ],
)
def test_unreadable_slots_are_an_answer_not_an_exception(data: object) -> None:
    assert isinstance(wire.read_slots(data), wire.UnreadableAnswer)


def test_long_lists_and_texts_are_cut_to_their_bounds() -> None:
    place = {"placeId": "p", "name": "名" * 500, "address": "址" * 500}
    found = wire.read_places({"places": [place] * 1000})
    assert isinstance(found, tuple)
    assert len(found) == wire.MAX_PLACES
    assert len(found[0].name) == wire.MAX_TEXT
