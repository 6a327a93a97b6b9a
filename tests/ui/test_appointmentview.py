"""The appointment view models' wait for the platform: bounded, and a late answer dropped."""

from __future__ import annotations

from typing import NoReturn

from pytestqt.qtbot import QtBot

from kiosk.appointments.flow import MyStep, QueryMine
from kiosk.district.results import Ok
from tests.kiosk.apply.test_rules import card
from tests.kiosk.test_visit import session
from ui.appointmentview import BookingStep, MineStep, MyAppointmentsViewModel
from ui.outboxworker import OutboxService, OutboxWorker, SubmitWorker
from ui.visitview import VisitModel


def _never() -> NoReturn:
    raise AssertionError("the workers are never started here")


def silent_service() -> OutboxService:
    """A sync worker whose thread never starts: every request waits for ever."""
    return OutboxService(
        OutboxWorker(_never, _never, _never), SubmitWorker(_never, _never, "t", "110102")
    )


def test_my_appointments_without_an_answer_in_time_says_so_and_drops_the_late_one(
    qtbot: QtBot,
) -> None:
    service = silent_service()
    visit = VisitModel(session())
    mine = MyAppointmentsViewModel(visit, lambda _code: "", service=service, answer_bound_ms=50)
    sent: list[QueryMine] = []
    service.requestAppointment.connect(sent.append)
    mine.begin()
    assert mine.step == MineStep.Value.Identify
    visit.card(card())  # the session routes it to 我的预约, which waits for one
    assert mine.step == MineStep.Value.Loading
    (query,) = sent
    qtbot.waitUntil(lambda: visit.session.mine.step is MyStep.LIST, timeout=5000)
    assert mine.messageCode == "appointment.list_failed"
    service.appointmentAnswered.emit(query, Ok(200, {"appointments": []}))  # too late
    assert mine.messageCode == "appointment.list_failed"
    mine.retry()
    assert len(sent) == 2
    assert mine.step == MineStep.Value.Loading
    visit.wipe()
    assert not visit.session.holds_personal_data()
    service.appointmentAnswered.emit(sent[-1], Ok(200, {"appointments": []}))  # after the wipe
    assert mine.step == MineStep.Value.NoStep


def test_every_step_of_the_flows_has_its_qml_enum_value() -> None:
    """QML sees the flows' steps by name (BookingStep.Slot): none is missing."""
    from kiosk.appointments.flow import Step

    assert [BookingStep.Value[step.name.title()] for step in Step] == list(BookingStep.Value)[1:]
    assert [MineStep.Value[step.name.title()] for step in MyStep] == list(MineStep.Value)[1:]


def test_a_call_abandoned_while_queued_is_not_sent_and_nothing_of_it_is_kept() -> None:
    from kiosk.appointments.flow import QueryMine

    worker = OutboxWorker(_never, _never, _never)  # no platform client: "offline" if sent
    answers: list[object] = []
    worker.appointmentAnswered.connect(lambda call, _result: answers.append(call))
    gone, waiting = QueryMine(1, "resident_id", "11010519491231002X"), QueryMine(2, "x", "y")
    worker.abandon(gone)  # the resident left; the call still waits in the queue
    worker.appointment(gone)
    worker.appointment(waiting)
    assert answers == [waiting]
    assert worker._abandoned == []  # no ID number stays behind
