"""The application's steps, one transition at a time: what each action does to the step and
the message, which effects it asks the UI to run, and which late answers are dropped."""

from __future__ import annotations

import pytest

from devices.printer.layout import Receipt
from kiosk.apply.flow import (
    ANSWER_WAIT_MS,
    RATING_AFTER_PRINT_MS,
    THANKS_MS,
    ApplyFlow,
    CancelWait,
    CloseCamera,
    EndVisit,
    OpenCamera,
    PrintReceipt,
    ReceiptStation,
    SendRating,
    StartWait,
    Step,
    Submit,
    TakePage,
    Wait,
)
from kiosk.catalog.model import ServiceItem
from kiosk.messages import NONE, message
from tests.kiosk.apply.test_rules import AT, VALID_ID, card, item, page

STATION = ReceiptStation("西城区测试社区服务站", "12345", "https://zwfw.example/p/{number}")
ALL_WAITS_CANCELLED = tuple(CancelWait(wait) for wait in Wait)
ANSWERS = {
    "spouse_name": "测试丙",
    "spouse_id_number": VALID_ID,
    "child_order": "一孩",
    "due_date": "2027-03-01",
    "phone": "13800000000",
}


def flow(typed: str = "*") -> ApplyFlow:
    return ApplyFlow(STATION, typed, clock=lambda: AT)


def started(typed: str = "*", what: ServiceItem | None = None) -> ApplyFlow:
    apply = flow(typed)
    assert apply.begin(what or item(), deliverable=True).ok
    return apply


def at_form() -> ApplyFlow:
    apply = started()
    apply.next()
    assert apply.card(card()).ok
    assert apply.step is Step.FORM
    return apply


def at_materials() -> ApplyFlow:
    apply = at_form()
    for key, value in ANSWERS.items():
        apply.answer(key, value)
    assert apply.next().effects == (OpenCamera(),)
    return apply


def at_consent() -> ApplyFlow:
    apply = at_materials()
    apply.capture("夫妻双方居民身份证")
    apply.capture_sent(1)
    apply.page_captured(page("夫妻双方居民身份证"), 1)
    apply.choose("结婚证", "e_licence")
    assert apply.next().effects == (CloseCamera(),)
    assert apply.next().ok
    assert apply.step is Step.CONSENT
    return apply


def submitted() -> ApplyFlow:
    apply = at_consent()
    outcome = apply.next()
    assert apply.step is Step.SUBMITTING
    assert isinstance(outcome.effects[-1], Submit)
    return apply


def received() -> ApplyFlow:
    apply = submitted()
    apply.accepted("XCT0001-000001")
    return apply


def printed_receipt(apply: ApplyFlow) -> Receipt:
    outcome = apply.answered("XCT0001-000001", "XC2026001")
    (receipt,) = [e.receipt for e in outcome.effects if isinstance(e, PrintReceipt)]
    apply.print_sent("job-1")
    return receipt


# -- begin and the editing steps ------------------------------------------------------------
def test_begin_item_that_can_be_applied_for_starts_at_conditions() -> None:
    apply = flow()
    outcome = apply.begin(item(), deliverable=True)
    assert outcome.ok
    assert outcome.effects == ALL_WAITS_CANCELLED  # whatever ran before stops
    assert apply.step is Step.CONDITIONS
    assert apply.app is not None
    assert apply.app.typed_identity


@pytest.mark.parametrize("deliverable", [True, False])
def test_begin_without_item_or_delivery_is_refused(deliverable: bool) -> None:
    apply = flow()
    assert not apply.begin(None, deliverable=deliverable).ok
    assert not apply.begin(item(), deliverable=False).ok
    assert apply.step is None


def test_begin_item_only_at_the_counter_is_refused_with_the_reason() -> None:
    counter_only = next(i for i in _sample_items() if not i.can_apply_online)
    apply = flow()
    assert not apply.begin(counter_only, deliverable=True).ok
    assert apply.step is None
    assert apply.message == message("apply.not_online")


def _sample_items() -> tuple[ServiceItem, ...]:
    from kiosk.catalog.sample import load_sample

    return load_sample().items


def test_begin_typed_identity_follows_the_setting() -> None:
    apply = started(typed="")
    assert apply.app is not None
    assert not apply.app.typed_identity


def test_next_from_conditions_goes_to_identify_without_effects() -> None:
    apply = started()
    outcome = apply.next()
    assert (outcome.ok, outcome.effects) == (True, ())
    assert apply.step is Step.IDENTIFY


def test_next_on_identify_without_card_says_to_place_it() -> None:
    apply = started()
    apply.next()
    assert not apply.next().ok
    assert apply.step is Step.IDENTIFY
    assert apply.message == message("apply.place_card")


def test_next_on_identify_with_proxy_asks_the_agent_first() -> None:
    apply = started()
    apply.next()
    assert apply.set_proxy(True).ok
    assert not apply.next().ok
    assert apply.message == message("apply.place_agent_card")


def test_set_proxy_outside_identify_is_refused() -> None:
    apply = started()
    assert not apply.set_proxy(True).ok
    assert apply.app is not None
    assert not apply.app.proxy


def test_card_on_identify_moves_to_form_prefilled() -> None:
    apply = started()
    apply.next()
    assert apply.wants_card
    outcome = apply.card(card())
    assert (outcome.ok, outcome.effects) == (True, ())
    assert apply.step is Step.FORM
    assert not apply.wants_card
    assert apply.app is not None
    assert apply.app.answers["address"] == card().address


@pytest.mark.parametrize("step_count", [0, 2])
def test_card_outside_identify_is_refused(step_count: int) -> None:
    apply = started()
    for _ in range(step_count):
        apply.next()
        apply.card(card())
    before = apply.step
    assert not apply.card(card("elder")).ok
    assert apply.step is before


def test_card_of_the_agent_again_says_so_and_stays() -> None:
    apply = started()
    apply.next()
    apply.set_proxy(True)
    assert apply.card(card("elder")).ok
    assert apply.step is Step.IDENTIFY
    assert not apply.card(card("elder")).ok
    assert apply.message == message("apply.agent_card_again")
    assert apply.card(card()).ok
    assert (apply.step, apply.message) == (Step.FORM, NONE)


def test_identify_typed_wrong_number_says_why_then_accepts() -> None:
    apply = started()
    apply.next()
    assert not apply.identify_typed("测试丙", "110102198001070011").ok
    assert apply.message == message("apply.id_checksum")
    assert apply.identify_typed("测试丙", VALID_ID).ok
    assert apply.step is Step.FORM


def test_identify_typed_where_the_card_is_needed_is_refused() -> None:
    apply = started(typed="")
    apply.next()
    assert not apply.identify_typed("测试丙", VALID_ID).ok
    assert apply.message == message("apply.card_required")


def test_next_on_incomplete_form_stays_and_marks_the_problems() -> None:
    apply = at_form()
    assert not apply.next().ok
    assert apply.step is Step.FORM
    assert apply.message == message("apply.form_needs_fixing")
    assert apply.app is not None
    assert "spouse_name" in apply.app.problems


def test_next_on_complete_form_opens_the_camera() -> None:
    apply = at_materials()
    assert apply.step is Step.MATERIALS
    assert apply.message == NONE


def test_next_on_materials_with_one_missing_names_it() -> None:
    apply = at_materials()
    assert not apply.next().ok
    assert apply.message == message("apply.material_missing", "夫妻双方居民身份证")


def test_back_from_materials_closes_the_camera() -> None:
    apply = at_materials()
    outcome = apply.back()
    assert (outcome.ok, outcome.effects) == (True, (CloseCamera(),))
    assert apply.step is Step.FORM


def test_back_from_conditions_leaves_the_screen() -> None:
    apply = started()
    assert not apply.back().ok
    assert apply.step is Step.CONDITIONS


def test_back_after_submitting_stays_on_the_screen() -> None:
    apply = submitted()
    outcome = apply.back()
    assert (outcome.ok, outcome.effects) == (True, ())
    assert apply.step is Step.SUBMITTING


def test_choose_a_way_the_material_does_not_allow_says_so() -> None:
    apply = at_materials()
    assert not apply.choose("结婚证", "at_counter").ok
    assert apply.message == message("apply.way_refused", "结婚证")
    assert apply.choose("结婚证", "e_licence").ok
    assert apply.message == NONE


# -- pages ------------------------------------------------------------------------------------
def test_capture_asks_for_a_page_and_keeps_it() -> None:
    apply = at_materials()
    outcome = apply.capture("结婚证")
    assert outcome.effects == (TakePage("结婚证"),)
    assert apply.capturing == "结婚证"
    apply.capture_sent(7)
    assert apply.page_captured(page("结婚证"), 7).ok
    assert apply.capturing == ""
    assert apply.app is not None
    assert apply.app.provisions["结婚证"] == "captured"


def test_capture_while_one_is_running_is_refused() -> None:
    apply = at_materials()
    apply.capture("结婚证")
    assert not apply.capture("夫妻双方居民身份证").ok
    assert apply.capturing == "结婚证"


def test_capture_outside_materials_is_refused() -> None:
    apply = at_form()
    assert not apply.capture("结婚证").ok


def test_page_of_an_earlier_request_is_dropped() -> None:
    apply = at_materials()
    apply.capture("结婚证")
    apply.capture_sent(2)
    assert not apply.page_captured(page("结婚证"), 1).ok
    assert apply.capturing == "结婚证"
    assert apply.app is not None
    assert "结婚证" not in apply.app.pages


def test_page_after_the_resident_left_is_dropped() -> None:
    apply = at_materials()
    apply.capture("结婚证")
    apply.capture_sent(1)
    apply.leave()
    assert not apply.page_captured(page("结婚证"), 1).ok
    assert apply.page_snapshot() == ()


def test_retake_replaces_the_page_in_its_place() -> None:
    apply = at_materials()
    for n, size in enumerate((10, 20)):
        apply.capture("结婚证")
        apply.capture_sent(n + 1)
        apply.page_captured(page("结婚证", size), n + 1)
    apply.capture("结婚证", retake=0)
    apply.capture_sent(3)
    apply.page_captured(page("结婚证", 30), 3)
    snapshot = dict(apply.page_snapshot())
    assert [len(jpeg) for jpeg in snapshot["结婚证"]] == [32, 22]


def test_capture_failure_says_why_and_frees_the_camera() -> None:
    apply = at_materials()
    apply.capture("结婚证")
    apply.capture_sent(1)
    problem = message("capture.no_camera")
    assert not apply.capture_failed(problem, 2).ok  # not the request that runs
    assert apply.capture_failed(problem, 1).ok
    assert (apply.capturing, apply.message) == ("", problem)


def test_remove_page_out_of_range_is_refused() -> None:
    apply = at_materials()
    assert not apply.remove_page("结婚证", 0).ok


def test_page_snapshot_lists_every_material_in_order() -> None:
    apply = at_materials()
    apply.capture("结婚证")
    apply.capture_sent(1)
    apply.page_captured(page("结婚证", 5), 1)
    assert apply.page_snapshot() == (
        ("夫妻双方居民身份证", ()),
        ("结婚证", (b"\xff\xd8" + bytes(5),)),
    )


# -- submit and after -------------------------------------------------------------------------
def test_next_on_consent_submits_the_finished_application() -> None:
    apply = at_consent()
    outcome = apply.next()
    (submit,) = outcome.effects
    assert isinstance(submit, Submit)
    assert submit.finished.consent.given_at == AT
    assert submit.finished.applicant.id_number == card().id_number
    assert apply.step is Step.SUBMITTING


def test_accepted_shows_received_and_waits_for_the_case_number() -> None:
    apply = submitted()
    outcome = apply.accepted("XCT0001-000001")
    assert outcome.effects == (StartWait(Wait.ANSWER, ANSWER_WAIT_MS),)
    assert (apply.step, apply.apply_no, apply.settled) == (Step.DONE, "XCT0001-000001", False)


def test_accepted_on_another_step_is_ignored() -> None:
    apply = at_consent()
    assert not apply.accepted("XCT0001-000001").ok
    assert apply.apply_no == ""


def test_refused_goes_back_to_consent_with_the_reason() -> None:
    apply = submitted()
    problem = message("outbox.not_stored")
    assert apply.refused(problem).ok
    assert (apply.step, apply.message) == (Step.CONSENT, problem)


def test_refused_while_on_another_step_is_ignored() -> None:
    apply = received()
    assert not apply.refused(message("outbox.not_stored")).ok
    assert (apply.step, apply.message) == (Step.DONE, NONE)


def test_answered_prints_the_receipt_with_the_case_number_and_drops_the_application() -> None:
    apply = received()
    outcome = apply.answered("XCT0001-000001", "XC2026001")
    assert outcome.effects[0] == CancelWait(Wait.ANSWER)
    (receipt,) = [e.receipt for e in outcome.effects if isinstance(e, PrintReceipt)]
    text = "\n".join(f"{k} {v}" for k, v in receipt.pairs)
    assert "XC2026001" in text
    assert STATION.name in text
    assert STATION.hotline in text
    assert card().name not in text
    assert (apply.case_no, apply.settled) == ("XC2026001", True)
    # The screen shows the receipt's own code: apply number and token, as on paper.
    assert apply.receipt_qr == receipt.qr
    assert apply.receipt_qr.startswith("https://zwfw.example/p/XCT0001-000001?")
    assert apply.finished is None
    assert apply.app is not None
    assert apply.app.applicant is None


def test_answered_for_another_apply_number_is_ignored() -> None:
    apply = received()
    assert not apply.answered("XCT0001-000009", "XC2026009").ok
    assert not apply.settled


def test_answer_wait_over_prints_pending_with_the_apply_number() -> None:
    apply = received()
    outcome = apply.wait_over(Wait.ANSWER)
    (receipt,) = [e.receipt for e in outcome.effects if isinstance(e, PrintReceipt)]
    assert any("待上传" in value for _, value in receipt.pairs)
    assert (apply.case_no, apply.settled) == ("", True)
    assert apply.receipt_qr == receipt.qr  # with its token: it works for progress


def test_answer_after_the_wait_is_ignored() -> None:
    apply = received()
    apply.wait_over(Wait.ANSWER)
    outcome = apply.answered("XCT0001-000001", "XC2026001")
    assert (outcome.ok, outcome.effects) == (False, ())
    assert apply.case_no == ""


def test_answer_wait_over_after_the_answer_does_nothing() -> None:
    apply = received()
    printed_receipt(apply)
    outcome = apply.wait_over(Wait.ANSWER)
    assert (outcome.ok, outcome.effects) == (False, ())
    assert apply.case_no == "XC2026001"


def test_print_finished_starts_the_wait_for_the_rating() -> None:
    apply = received()
    printed_receipt(apply)
    assert not apply.print_finished("job-0").ok  # another job
    outcome = apply.print_finished("job-1")
    assert outcome.effects == (StartWait(Wait.RATING, RATING_AFTER_PRINT_MS),)
    assert apply.wait_over(Wait.RATING).ok
    assert apply.step is Step.RATING


def test_to_rating_before_the_number_is_known_is_refused() -> None:
    apply = received()
    assert not apply.to_rating().ok
    printed_receipt(apply)
    outcome = apply.to_rating()
    assert outcome.effects == (CancelWait(Wait.RATING),)
    assert apply.step is Step.RATING


def test_rating_wait_over_after_the_resident_moved_on_does_nothing() -> None:
    apply = received()
    printed_receipt(apply)
    apply.to_rating()
    apply.rate(5, [], "")
    assert not apply.wait_over(Wait.RATING).ok
    assert apply.step is Step.THANKS


def test_rate_bad_without_reason_says_to_give_one() -> None:
    apply = received()
    printed_receipt(apply)
    apply.to_rating()
    assert not apply.rate(2, [], " ").ok
    assert apply.message == message("apply.rating_reason_needed")
    assert apply.step is Step.RATING


def test_rate_sends_once_and_thanks() -> None:
    apply = received()
    printed_receipt(apply)
    apply.to_rating()
    outcome = apply.rate(2, ["等待时间太长"], "")
    send, start = outcome.effects
    assert isinstance(send, SendRating)
    assert (send.apply_no, send.body["level"]) == ("XCT0001-000001", 2)
    assert start == StartWait(Wait.THANKS, THANKS_MS)
    assert apply.step is Step.THANKS
    assert not apply.rate(5, [], "").ok


def test_thanks_wait_over_ends_the_visit() -> None:
    apply = received()
    printed_receipt(apply)
    apply.to_rating()
    apply.rate(5, [], "")
    assert EndVisit() in apply.wait_over(Wait.THANKS).effects


def test_thanks_wait_over_on_another_step_does_nothing() -> None:
    apply = received()
    assert not apply.wait_over(Wait.THANKS).ok


def test_finish_cancels_the_waits_and_ends_the_visit() -> None:
    apply = received()
    assert apply.finish().effects == (
        CancelWait(Wait.RATING),
        CancelWait(Wait.THANKS),
        EndVisit(),
    )


# -- leaving and wiping -------------------------------------------------------------------------
def test_leave_on_materials_closes_the_camera_and_forgets_everything() -> None:
    apply = at_materials()
    outcome = apply.leave()
    assert outcome.effects == (CloseCamera(), *ALL_WAITS_CANCELLED)
    assert apply.step is None
    assert not apply.holds_personal_data()


def test_wipe_after_the_receipt_drops_the_numbers() -> None:
    apply = received()
    printed_receipt(apply)
    assert apply.holds_personal_data()
    assert apply.wipe() == ALL_WAITS_CANCELLED
    assert (apply.apply_no, apply.case_no, apply.receipt_qr, apply.print_job) == ("", "", "", "")
    assert not apply.holds_personal_data()


def test_effects_repr_submit_and_rating_keep_personal_data_out_of_logs() -> None:
    apply = at_consent()
    submitted_repr = repr(apply.next())
    assert card().name not in submitted_repr
    assert ANSWERS["phone"] not in submitted_repr
    apply.accepted("XCT0001-000001")
    printed_receipt(apply)
    apply.to_rating()
    assert "很慢" not in repr(apply.rate(2, [], "很慢"))


def test_finished_application_repr_shows_no_answer_and_no_identity() -> None:
    apply = at_consent()
    apply.next()
    finished = apply.finished
    assert finished is not None
    shown = repr(finished)
    assert all(value not in shown for value in ANSWERS.values() if len(value) > 2)
    assert card().name not in shown
    assert card().id_number not in shown


def test_leaving_before_the_number_settles_still_prints_the_receipt() -> None:
    apply = received()
    outcome = apply.leave()
    (receipt,) = [e.receipt for e in outcome.effects if isinstance(e, PrintReceipt)]
    assert any("待上传" in value for _, value in receipt.pairs)  # the apply number, pending
    assert CancelWait(Wait.ANSWER) in outcome.effects
    apply.print_sent("job-7")  # the UI runs the effect after the wipe
    assert not apply.holds_personal_data()


def test_leaving_after_the_receipt_prints_nothing_more() -> None:
    apply = received()
    printed_receipt(apply)
    assert not any(isinstance(e, PrintReceipt) for e in apply.leave().effects)
