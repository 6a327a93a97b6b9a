"""The appointment flows' calls to the platform, made by whichever worker holds the client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.appointments.flow import Book, CancelOne, LoadDays, LoadPlaces, LoadSlots, QueryMine

if TYPE_CHECKING:  # requests: only on the worker that makes the calls
    from kiosk.district.client import PlatformClient
    from kiosk.district.results import Result

Call = LoadPlaces | LoadDays | LoadSlots | Book | QueryMine | CancelOne


def call_platform(client: PlatformClient, call: Call) -> Result:
    """Make `call`; its answer goes back to the flow with `answer(call, result)`."""
    if isinstance(call, LoadPlaces):
        return client.appointment_places(call.item_code)
    if isinstance(call, LoadDays):
        return client.appointment_days(call.item_code, call.place_id)
    if isinstance(call, LoadSlots):
        return client.appointment_slots(call.item_code, call.place_id, call.day.day)
    if isinstance(call, Book):
        applicant, key = call.applicant, call.idempotency_key
        return client.book_appointment(call.slot_id, call.item_code, call.place_id, applicant, key)
    if isinstance(call, QueryMine):
        return client.my_appointments(call.id_type, call.id_number)
    return client.cancel_appointment(
        call.number, call.id_type, call.id_number, call.idempotency_key
    )
