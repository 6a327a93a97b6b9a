"""The booking flow and 我的预约, step by step without Qt; then the whole journey with the
flow's effects run against the stand-in over real HTTP (book → slip → my appointments →
cancel)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from devices.idcard.identity import CARD_KIND_UNREADABLE
from devices.printer.layout import Receipt
from kiosk.appointments.calls import call_platform
from kiosk.appointments.flow import (
    BOOK_TRIES,
    Book,
    BookingFlow,
    CancelOne,
    LoadDays,
    LoadPlaces,
    LoadSlots,
    MyAppointments,
    MyStep,
    PrintSlip,
    QueryMine,
    Step,
)
from kiosk.catalog.sample import sample_document
from kiosk.district.client import Busy, Offline, Ok, PlatformClient, Rejected, Result
from kiosk.messages import message
from kiosk.standin.server import StandIn
from tests.kiosk.apply.test_rules import card, item

ITEM = "居民身份证换领、补领"
TYPED_ID = "11010519491231002X"  # docs/domain.md §5's example of a valid ID number
PLACES = {"places": [{"placeId": "street", "name": "德胜街道政务服务中心",
                      "address": "德胜门外大街11号", "near": True}]}  # fmt: skip
DAYS = {"days": [{"date": "2026-12-01", "free": 0}, {"date": "2026-12-02", "free": 3}]}


def slot(slot_id: str, start: str, remaining: int) -> dict[str, object]:
    end = start[:11] + ("09:30" if start[11:16] == "09:00" else "10:00") + start[16:]
    return {"slotId": slot_id, "start": start, "end": end, "remaining": remaining}


SLOTS = {
    "slots": [
        slot("s1", "2026-12-02T09:00:00+08:00", 0),
        slot("s2", "2026-12-02T09:30:00+08:00", 3),
    ]
}
BOOKED = {
    "appointmentNo": "YY0123456789", "slotId": "s2", "itemCode": "c", "placeId": "street",
    "placeName": "德胜街道政务服务中心", "placeAddress": "德胜门外大街11号",
    "start": "2026-12-02T09:30:00+08:00", "end": "2026-12-02T10:00:00+08:00",
}  # fmt: skip


def flow(typed: str = "") -> BookingFlow:
    return BookingFlow(
        station="德胜街道新风社区政务服务站", hotline="010-12345", typed_identity_items=typed
    )


def at_identify(typed: str = "") -> BookingFlow:
    booking = flow(typed)
    (places,) = booking.begin(item(ITEM))
    assert isinstance(places, LoadPlaces)
    assert booking.places_loaded(places.request, Ok(200, PLACES))
    (days,) = booking.choose_place("street")
    assert isinstance(days, LoadDays)
    assert booking.days_loaded(days.request, Ok(200, DAYS))
    (slots,) = booking.choose_day("2026-12-02")
    assert isinstance(slots, LoadSlots)
    assert booking.slots_loaded(slots.request, Ok(200, SLOTS))
    assert booking.choose_slot("s2")
    assert booking.step is Step.IDENTIFY
    return booking


def at_phone() -> BookingFlow:
    booking = at_identify()
    assert booking.card(card())
    assert booking.step is Step.PHONE
    return booking


def at_review() -> tuple[BookingFlow, Book]:
    booking = at_phone()
    assert booking.enter_phone("138 1234 5678")
    assert booking.step is Step.REVIEW
    (book,) = booking.confirm()
    assert isinstance(book, Book)
    return booking, book


def test_place_day_slot_identify_phone_review_then_booked_and_the_slip() -> None:
    booking, book = at_review()
    assert booking.step is Step.BOOKING
    assert book.applicant.mobile == "13812345678"
    (effect,) = booking.booked(book.request, Ok(201, BOOKED))
    assert isinstance(effect, PrintSlip)
    assert booking.step is Step.DONE
    slip = effect.slip
    assert slip.qr == "YY0123456789"
    text = repr(slip.pairs) + repr(slip.lines)
    assert "2026年12月02日（周三）09:30—10:00" in text
    assert "德胜门外大街11号" in text
    assert "· 户口簿" in slip.footer  # what to bring: the guide's materials
    assert book.applicant.id_number not in text
    assert "138****5678" in text
    assert "13812345678" not in text


def test_full_days_and_slots_cannot_be_chosen() -> None:
    booking = flow()
    (places,) = booking.begin(item(ITEM))
    booking.places_loaded(places.request, Ok(200, PLACES))
    (days,) = booking.choose_place("street")
    booking.days_loaded(days.request, Ok(200, DAYS))
    assert booking.choose_day("2026-12-01") == ()  # free 0
    assert booking.choose_day("2026-12-09") == ()  # not offered
    (slots,) = booking.choose_day("2026-12-02")
    booking.slots_loaded(slots.request, Ok(200, SLOTS))
    assert not booking.choose_slot("s1")  # full
    assert booking.step is Step.SLOT


def test_an_answer_to_an_earlier_request_is_dropped() -> None:
    booking = flow()
    (first,) = booking.begin(item(ITEM))
    (second,) = booking.begin(item(ITEM))
    assert not booking.places_loaded(first.request, Ok(200, PLACES))
    assert booking.places == ()
    assert booking.places_loaded(second.request, Ok(200, PLACES))


def test_slot_taken_meanwhile_reloads_the_day_and_says_so() -> None:
    booking, book = at_review()
    effects = booking.booked(book.request, Rejected(409, "slot_full", "该时段刚刚约满"))
    (reload,) = effects
    assert isinstance(reload, LoadSlots)
    assert booking.step is Step.SLOT
    assert booking.problem.code == "appointment.slot_full"
    assert booking.applicant is not None  # the card stays for this visit


def test_already_booked_and_restricted_stay_on_review_with_the_platform_sentence() -> None:
    booking, book = at_review()
    booking.booked(book.request, Rejected(409, "already_booked", "您已预约该事项：12月03日 09:00"))
    assert booking.step is Step.REVIEW
    assert booking.problem == message(
        "appointment.already_booked", "您已预约该事项：12月03日 09:00"
    )
    booking, book = at_review()
    booking.booked(book.request, Rejected(422, "booking_restricted", "2026-12-30前暂停"))
    assert booking.problem.code == "appointment.restricted"


def test_a_lost_answer_sends_the_same_booking_again_then_says_it_may_be_made() -> None:
    booking, book = at_review()
    repeats = [booking.booked(book.request, Offline("timeout", "timeout"))]
    repeats += [booking.booked(book.request, Busy(1, "busy")) for _ in range(BOOK_TRIES - 2)]
    assert all(again == (book,) for again in repeats)  # the same idempotency key each time
    assert booking.booked(book.request, Offline("timeout", "timeout")) == ()
    assert booking.step is Step.DONE
    assert booking.unconfirmed
    assert booking.problem.code == "appointment.unconfirmed"


@pytest.mark.parametrize(
    "answer",
    [Offline("refused", "refused"), Ok(200, {"places": "no"}), Rejected(500, "boom", "x")],
)
def test_places_not_loaded_say_why(answer: Result) -> None:
    booking = flow()
    (places,) = booking.begin(item(ITEM))
    booking.places_loaded(places.request, answer)
    assert booking.problem.code in ("appointment.offline", "appointment.refused")
    assert booking.places == ()


def test_no_places_and_no_free_days_say_so() -> None:
    booking = flow()
    (places,) = booking.begin(item(ITEM))
    booking.places_loaded(places.request, Ok(200, {"places": []}))
    assert booking.problem.code == "appointment.no_places"
    booking = flow()
    (places,) = booking.begin(item(ITEM))
    booking.places_loaded(places.request, Ok(200, PLACES))
    (days,) = booking.choose_place("street")
    booking.days_loaded(days.request, Ok(200, {"days": [{"date": "2026-12-01", "free": 0}]}))
    assert booking.problem.code == "appointment.no_free_days"


def test_phone_must_be_a_mobile_number() -> None:
    booking = at_phone()
    assert not booking.enter_phone("010-12345")
    assert booking.problem == message("appointment.phone_invalid")
    assert booking.enter_phone("13912345678")


def test_back_skips_identify_once_a_card_was_read_and_stops_at_the_first_step() -> None:
    booking, _ = at_review()
    booking.step = Step.REVIEW  # as after a refusal
    steps = []
    while booking.back():
        steps.append(booking.step)
    assert steps == [Step.PHONE, Step.SLOT, Step.DAY, Step.PLACE]


def test_an_unreadable_card_says_so_and_keeps_waiting() -> None:
    booking = flow()
    booking.begin(item(ITEM))
    booking.step = Step.IDENTIFY
    assert booking.card(card("foreign_2023"))
    assert booking.problem == message(CARD_KIND_UNREADABLE)
    assert booking.wants_card


def test_wipe_forgets_the_person_the_phone_and_the_booking() -> None:
    booking, book = at_review()
    booking.booked(book.request, Ok(201, BOOKED))
    assert booking.holds_personal_data()
    booking.wipe()
    assert not booking.holds_personal_data()
    assert booking.step is None
    assert booking.booked(book.request, Ok(201, BOOKED)) == ()  # too late: for nobody


def test_my_appointments_list_confirm_cancel_and_reload() -> None:
    mine = MyAppointments()
    mine.begin()
    assert mine.wants_card
    (query,) = mine.card(card())
    assert isinstance(query, QueryMine)
    assert mine.listed(query.request, Ok(200, {"appointments": [BOOKED]}))
    assert mine.step is MyStep.LIST
    assert mine.choose("YY0123456789")
    assert mine.step is MyStep.CONFIRM
    assert mine.keep()
    assert mine.choose("YY0123456789")
    (cancel,) = mine.cancel()
    assert isinstance(cancel, CancelOne)
    (again,) = mine.cancelled(cancel.request, Ok(204))
    assert isinstance(again, QueryMine)
    assert mine.note == message("appointment.cancelled")
    mine.listed(again.request, Ok(200, {"appointments": []}))
    assert mine.appointments == ()
    assert mine.holds_personal_data()  # the ID stays until the wipe
    mine.wipe()
    assert not mine.holds_personal_data()


def test_my_appointments_too_late_and_offline() -> None:
    mine = MyAppointments()
    mine.begin()
    (query,) = mine.card(card())
    mine.listed(query.request, Ok(200, {"appointments": [BOOKED]}))
    mine.choose("YY0123456789")
    (cancel,) = mine.cancel()
    mine.cancelled(cancel.request, Rejected(409, "too_late", "预约时间已到"))
    assert mine.note == message("appointment.too_late")
    mine2 = MyAppointments()
    mine2.begin()
    (query2,) = mine2.card(card())
    mine2.listed(query2.request, Offline("refused", "refused"))
    assert mine2.problem == message("appointment.list_failed")  # not "nothing was booked"
    assert mine2.step is MyStep.LIST
    (again,) = mine2.reload()
    mine2.listed(again.request, Ok(200, {"appointments": [BOOKED]}))
    mine2.choose("YY0123456789")
    (cancel2,) = mine2.cancel()
    (reload,) = mine2.cancelled(cancel2.request, Offline("timeout", "timeout"))
    assert mine2.note == message("appointment.cancel_unconfirmed")  # it may have gone through
    assert isinstance(reload, QueryMine)


def test_back_while_a_list_loads_drops_it_and_a_new_place_starts_without_old_days() -> None:
    booking = flow()
    (places,) = booking.begin(item(ITEM))
    booking.places_loaded(places.request, Ok(200, PLACES))
    (days,) = booking.choose_place("street")
    assert booking.loading
    assert booking.back()
    assert booking.step is Step.PLACE
    assert not booking.loading  # the screen does not wait for ever
    assert not booking.days_loaded(days.request, Ok(200, DAYS))  # late: for the step left
    (days,) = booking.choose_place("street")
    booking.days_loaded(days.request, Ok(200, DAYS))
    assert booking.back()
    booking.choose_place("street")
    assert booking.days == ()  # the last answer's days cannot be tapped meanwhile
    assert booking.choose_day("2026-12-02") == ()


# -- the journey against the stand-in -----------------------------------------------------


@pytest.fixture
def platform(standin: StandIn, client: PlatformClient) -> Iterator[PlatformClient]:
    standin.state.set_catalog(sample_document())
    return client


def run(
    booking: BookingFlow, platform: PlatformClient, effects: tuple[object, ...]
) -> list[Receipt]:
    """What the UI's workers do with the flow's effects, done here in line."""
    printed: list[Receipt] = []
    todo = list(effects)
    while todo:
        effect = todo.pop(0)
        if isinstance(effect, PrintSlip):
            printed.append(effect.slip)
        elif isinstance(effect, LoadPlaces | LoadDays | LoadSlots | Book):
            todo += booking.answer(effect, call_platform(platform, effect))
    return printed


def test_journey_book_print_find_and_cancel_at_the_stand_in(platform: PlatformClient) -> None:
    booking = flow()
    run(booking, platform, booking.begin(item(ITEM)))
    district = booking.places[-1]
    run(booking, platform, booking.choose_place(district.place_id))
    day = next(d for d in booking.days if d.free)
    run(booking, platform, booking.choose_day(day.day.isoformat()))
    slot = next(s for s in booking.slots if not s.full)
    assert booking.choose_slot(slot.slot_id)
    assert booking.card(card())
    assert booking.enter_phone("13812345678")
    (slip,) = run(booking, platform, booking.confirm())
    assert booking.step is Step.DONE
    assert booking.appointment is not None
    assert slip.qr == booking.appointment.number
    assert booking.appointment.start == slot.start

    mine = MyAppointments()
    mine.begin()
    (query,) = mine.card(card())
    assert mine.answer(query, call_platform(platform, query)) == ()
    assert [a.number for a in mine.appointments] == [booking.appointment.number]
    assert mine.choose(booking.appointment.number)
    (cancel,) = mine.cancel()
    (again,) = mine.answer(cancel, call_platform(platform, cancel))
    mine.answer(again, call_platform(platform, again))
    assert mine.appointments == ()
    assert mine.note == message("appointment.cancelled")
    booking.wipe()
    mine.wipe()
    assert not booking.holds_personal_data()
    assert not mine.holds_personal_data()
    assert datetime.date.today() < day.day


def test_without_a_card_name_and_number_may_be_typed_where_the_station_allows() -> None:
    refused = at_identify()  # the station allows no typed identity
    assert not refused.typed_allowed
    assert not refused.identify_typed("测试甲", TYPED_ID)
    assert refused.step is Step.IDENTIFY
    assert refused.applicant is None

    booking = at_identify(typed="*")
    assert booking.typed_allowed
    assert not booking.identify_typed("测试甲", TYPED_ID[:-1] + "0")  # a wrong check digit
    assert booking.problem == message("apply.id_checksum")
    assert booking.step is Step.IDENTIFY
    assert booking.identify_typed(" 测试甲 ", TYPED_ID.lower())
    assert booking.step is Step.PHONE
    assert booking.applicant is not None
    assert (booking.applicant.id_number, booking.applicant.identified_by) == (TYPED_ID, "typed")
    assert not booking.identify_typed("测试乙", TYPED_ID)  # only on the identify step
    assert booking.enter_phone("13812345678")
    (book,) = booking.confirm()
    assert isinstance(book, Book)
    assert book.applicant.document()["identifiedBy"] == "typed"
    booking.wipe()
    assert not booking.holds_personal_data()


def test_typed_identity_may_be_limited_to_some_items() -> None:
    code = item(ITEM).basic_code
    assert at_identify(typed=f"{code},00000000000001").typed_allowed
    assert not at_identify(typed="00000000000001").typed_allowed
