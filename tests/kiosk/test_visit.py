"""The resident's session: the card goes to whoever waits for it, and one wipe reaches every
part that holds something personal."""

from __future__ import annotations

import dataclasses
import datetime

from kiosk.apply.flow import ApplyFlow, CancelWait, Step, Wait
from kiosk.appointments.flow import BookingFlow, MyStep
from kiosk.district.results import Ok
from kiosk.messages import message
from kiosk.progress import ProgressAnswer
from kiosk.progressquery import ApplicantQuery, NumberQuery
from kiosk.visit import CardRoute, ResidentSession
from tests.kiosk.apply.test_flow import STATION, at_materials, printed_receipt, received
from tests.kiosk.apply.test_rules import AT, card, item, page
from tests.kiosk.appointments.test_flow import BOOKED, at_identify, at_review
from tests.kiosk.homevisits.test_home_visits import flow as home_visit_flow
from tests.kiosk.questions.test_questions import flow as question_flow


def session(apply: ApplyFlow | None = None, booking: BookingFlow | None = None) -> ResidentSession:
    visit = ResidentSession(
        apply or ApplyFlow(STATION, "*", clock=lambda: AT),
        lambda: booking or BookingFlow(station="新风社区政务服务站", hotline="010-12345"),
        question_flow,
        home_visit_flow,
    )
    if booking is not None:
        assert visit.booking is booking  # made, as the screen that began it does
    return visit


def test_session_card_while_identify_waits_goes_to_the_application() -> None:
    visit = session()
    visit.apply.begin(item(), deliverable=True)
    visit.apply.next()
    visit.progress.waiting = True  # a stale flag elsewhere does not take it
    assert visit.route_card() is CardRoute.APPLICATION


def test_session_card_while_progress_waits_goes_to_the_query() -> None:
    visit = session()
    visit.progress.waiting = True
    assert visit.route_card() is CardRoute.PROGRESS
    query = visit.progress_query(card())
    assert query == ApplicantQuery("resident_id", card().id_number)


def test_session_2023_foreign_card_asks_nothing_and_the_screen_says_why() -> None:
    visit = session()
    visit.progress.waiting = True
    earlier = visit.progress.ask(NumberQuery("XCT0001-000001", "001X"))
    assert visit.progress_query(card("foreign_2023")) is None  # no empty ID number asked
    visit.progress.unreadable_card()
    assert visit.progress.refused == message("devices.card_kind_unreadable")
    assert not visit.progress.answered(earlier, ProgressAnswer(message="x"))
    visit.progress.wipe()
    assert not visit.progress.refused


def test_session_card_while_a_booking_or_my_appointments_waits_goes_to_it() -> None:
    visit = session(booking=at_identify())
    visit.progress.waiting = True  # a stale flag elsewhere does not take it
    assert visit.route_card() is CardRoute.BOOKING
    visit.booking.wipe()
    visit.mine.begin()
    assert visit.route_card() is CardRoute.MY_APPOINTMENTS
    visit.mine.wipe()
    visit.question.begin()
    visit.question.write("可以代办吗？请告诉我")
    visit.question.enter_phone("13912345678")
    assert visit.route_card() is CardRoute.QUESTION
    visit.question.wipe()
    visit.home_visit.begin(item("北京通—养老助残卡申领"))
    visit.home_visit.describe("spouse", "ill")
    assert visit.route_card() is CardRoute.HOME_VISIT
    visit.home_visit.wipe()
    assert visit.route_card() is CardRoute.PROGRESS


def test_session_flows_are_made_when_first_used() -> None:
    visit = session()
    assert visit.made() == ()
    assert visit.route_card() is CardRoute.SUGGESTIONS  # without making them to ask
    assert visit.made() == ()
    visit.wipe()
    assert visit.made() == ()
    assert visit.booking is visit.booking
    assert visit.made() == (visit.booking,)


def test_session_card_nobody_waits_for_offers_suggestions_by_age_only() -> None:
    visit = session()
    visit.apply.begin(item(), deliverable=True)  # on the conditions step: not waiting
    assert visit.route_card() is CardRoute.SUGGESTIONS
    assert not visit.holds_personal_data()
    today = datetime.date(2026, 11, 30)
    assert visit.suggestions.offer(card("elder"), today)
    assert visit.suggestions.age is not None
    assert visit.suggestions.age >= 60
    assert vars(visit.suggestions) == {"age": visit.suggestions.age}  # nothing else kept
    visit.wipe()
    assert visit.suggestions.age is None
    undated = dataclasses.replace(card(), birth_date=None)
    assert not visit.suggestions.offer(undated, today)
    unborn = dataclasses.replace(card(), birth_date=datetime.date(2027, 1, 1))
    assert not visit.suggestions.offer(unborn, today)  # a birth date in the future
    assert not visit.holds_personal_data()


def test_session_progress_answer_for_an_earlier_query_is_dropped() -> None:
    visit = session()
    first = visit.progress.ask(NumberQuery("XCT0001-000001", "001X"))
    second = visit.progress.ask(NumberQuery("XCT0001-000002", "001X"))
    assert not visit.progress.answered(first, ProgressAnswer(message="x"))
    assert visit.progress.answered(second, ProgressAnswer(message="y"))


def test_session_progress_answer_after_the_wipe_is_dropped() -> None:
    visit = session()
    asked = visit.progress.ask(NumberQuery("XCT0001-000001", "001X"))
    visit.wipe()
    assert not visit.progress.answered(asked, ProgressAnswer(message="x"))
    assert visit.progress.answer is None


def _filled_at_materials() -> ResidentSession:
    apply = at_materials()
    apply.capture("结婚证")
    apply.capture_sent(1)
    apply.page_captured(page("结婚证"), 1)
    apply.step = Step.IDENTIFY  # so that a card is taken
    assert apply.app is not None
    apply.app.set_proxy(True)  # the agent's card is awaited again
    booking, _book = at_review()  # an identity and a phone
    visit = session(apply, booking)
    assert visit.route_card() is CardRoute.APPLICATION
    assert visit.apply.card(card("elder")).ok
    visit.progress.waiting = True
    visit.progress.ask(NumberQuery("XCT0001-000001", "001X"))
    visit.progress.answered(visit.progress.asked, ProgressAnswer(message="found"))
    visit.mine.begin()
    (query,) = visit.mine.card(card())
    assert visit.mine.listed(query.request, Ok(200, {"appointments": [BOOKED]}))
    assert visit.mine.step is MyStep.LIST
    visit.question.begin("可以代办吗？请告诉我")  # a question's words are personal too
    visit.home_visit.begin(item("北京通—养老助残卡申领"))
    visit.home_visit.describe("child", "elderly")
    visit.home_visit.card(card("elder"))  # the person to be visited, and their address
    visit.suggestions.offer(card(), datetime.date(2026, 11, 30))
    return visit


def test_session_wipe_reaches_every_holder() -> None:
    visit = _filled_at_materials()
    holders = visit.holders()
    # Every part of the session that can hold personal data is a listed holder (a new
    # flow added as an attribute but not to holders() fails here).
    parts = [v for v in vars(visit).values() if hasattr(v, "holds_personal_data")]
    made = (visit.booking, visit.mine, visit.question, visit.home_visit)
    assert visit.made() == made  # made by the visit
    assert {id(p) for p in parts} == {id(h) for h in holders}
    assert len(holders) == 7  # a new holder must be filled above and proven empty below
    for holder in holders:
        assert holder.holds_personal_data(), type(holder).__name__
    effects = visit.wipe()
    assert CancelWait(Wait.ANSWER) in effects
    for holder in holders:
        assert not holder.holds_personal_data(), type(holder).__name__
    assert visit.apply.app is None
    assert visit.apply.step is None
    assert visit.progress.query is None
    assert visit.progress.answer is None
    assert not visit.progress.waiting
    assert visit.booking.applicant is None
    assert visit.booking.phone == ""
    assert visit.mine.appointments == ()
    assert not visit.mine.wants_card
    assert visit.question.text == ""
    assert (visit.home_visit.person, visit.home_visit.address) == (None, "")


def test_session_wipe_after_the_receipt_drops_the_numbers() -> None:
    apply = received()
    printed_receipt(apply)
    visit = session(apply)
    assert visit.holds_personal_data()
    visit.wipe()
    assert not visit.holds_personal_data()
    assert (apply.apply_no, apply.case_no, apply.receipt_qr) == ("", "", "")
