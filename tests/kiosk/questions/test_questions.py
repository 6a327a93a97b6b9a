"""留言咨询: the flow step by step without Qt; then the question through the real outbox to
the stand-in over HTTP, its receipt, and the answer found by each proof 进度查询 takes."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.idcard.identity import CARD_KIND_UNREADABLE
from kiosk.audit import AuditTrail
from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.forms import plain_text
from kiosk.handoff import AwaitDelivery, PrintSlip, Submit
from kiosk.messages import message
from kiosk.outbox import Outbox
from kiosk.progress import TailAttempts, answer
from kiosk.progressquery import ApplicantQuery, NumberQuery, ReceiptQuery, read_progress_link
from kiosk.questions.flow import QuestionFlow, Step
from kiosk.questions.question import CONSENT, MAX_LENGTH, question_payload
from kiosk.standin.server import StandIn
from kiosk.standin.store import validate
from kiosk.submission import BEIJING, ID_TYPES, Submitter
from tests.kiosk.apply.test_rules import card
from tests.kiosk.district.conftest import SECRET, TERMINAL, ContractCheck
from tests.kiosk.test_outbox import KEY

AT = datetime.datetime(2026, 11, 30, 10, 5, tzinfo=BEIJING)
LINK = "https://zwfw.example/progress/{number}"
TEXT = "我父亲的养老助残卡丢了，他行动不便，可以由我代办补卡吗？"
PHONE = "13912345678"


def flow() -> QuestionFlow:
    return QuestionFlow(station="白云观社区政务服务站", hotline="12345", progress_url=LINK)


def written(with_card: bool = True) -> QuestionFlow:
    """A flow on its review step."""
    asking = flow()
    asking.begin()
    assert asking.write(TEXT)
    assert asking.enter_phone(PHONE)
    assert asking.card(card()) if with_card else asking.skip_card()
    assert asking.step is Step.REVIEW
    return asking


# -- the flow ---------------------------------------------------------------------------------
def test_a_question_is_written_then_the_phone_then_the_card_then_reviewed() -> None:
    asking = flow()
    asking.begin("养老助残卡 丢了")
    assert (asking.step, asking.text) == (Step.WRITE, "养老助残卡 丢了")  # the search, to go on
    assert not asking.wants_card
    assert asking.write(TEXT)
    assert asking.step is Step.PHONE
    assert not asking.enter_phone("1391234567")  # ten digits
    assert asking.problem == message("question.phone_invalid")
    assert asking.enter_phone("139 1234 5678")
    assert (asking.step, asking.phone, asking.wants_card) == (Step.IDENTIFY, PHONE, True)
    assert asking.card(card())
    assert asking.step is Step.REVIEW
    assert asking.asker is not None
    assert asking.asker.id_number == card().id_number


def test_too_short_and_too_long_questions_say_so_and_keep_the_text() -> None:
    asking = flow()
    asking.begin()
    assert not asking.write(" 你好 ")
    assert asking.problem == message("question.too_short", 5)
    assert asking.step is Step.WRITE
    too_long = "问" * (MAX_LENGTH + 1)
    assert not asking.write(too_long)
    assert asking.problem == message("question.too_long", MAX_LENGTH, MAX_LENGTH + 1)
    assert asking.text == too_long  # nothing typed is lost: the resident shortens it


def test_the_text_is_made_plain() -> None:
    assert plain_text(" 第一行\u202e\x07 \r\n\r\n\r\n\r\n 第二行\u200b ") == "第一行\n\n第二行"
    assert plain_text("\x00\x1b[31m红色") == "[31m红色"  # no control character reaches the platform


def test_the_card_may_be_skipped_or_forgotten_on_the_review() -> None:
    asking = written(with_card=False)
    assert asking.asker is None
    assert not asking.forget_card()
    asking = written()
    assert asking.forget_card()
    assert asking.asker is None
    assert asking.step is Step.REVIEW


def test_an_unreadable_card_says_so_and_keeps_waiting() -> None:
    asking = flow()
    asking.begin()
    asking.write(TEXT)
    asking.enter_phone(PHONE)
    assert asking.card(card("foreign_2023"))
    assert asking.problem == message(CARD_KIND_UNREADABLE)
    assert (asking.step, asking.asker) == (Step.IDENTIFY, None)


def test_back_goes_one_step_and_skips_a_card_already_read() -> None:
    asking = written()
    assert asking.back()
    assert asking.step is Step.PHONE  # the card stays for this visit
    assert asking.back()
    assert asking.step is Step.WRITE
    assert not asking.back()  # the first step: the screen is left
    asking = written(with_card=False)
    assert asking.back()
    assert asking.step is Step.IDENTIFY


def test_submit_accept_settle_prints_a_receipt_without_the_question() -> None:
    asking = written()
    (submit,) = asking.submit(AT)
    assert isinstance(submit, Submit)
    assert submit.request.text == TEXT
    assert submit.request.consent.given_at == AT
    assert submit.request.consent.purpose == CONSENT.purpose
    assert TEXT not in repr(submit)
    assert PHONE not in repr(submit)
    assert asking.step is Step.SUBMITTING
    assert asking.submit(AT) == ()  # a second tap sends nothing more
    other = dataclasses.replace(submit.request)  # another resident's, stored meanwhile
    assert asking.accepted(other, "XC-T-20261130-0009") == ()
    assert not asking.refused(other, message("outbox.not_stored"))
    assert asking.step is Step.SUBMITTING
    assert asking.accepted(submit.request, "XC-T-20261130-0001") == (
        AwaitDelivery("XC-T-20261130-0001"),
    )
    assert asking.step is Step.DONE
    assert asking.settle("XC-OTHER", uploaded=True) == ()
    (printed,) = asking.settle("XC-T-20261130-0001", uploaded=True, at=AT)
    assert isinstance(printed, PrintSlip)
    receipt = printed.receipt
    paper = repr((receipt.title, receipt.lines, receipt.pairs, receipt.footer))
    assert "XC-T-20261130-0001" in paper
    assert "已提交，待答复" in paper
    assert "139****5678" in paper
    assert PHONE not in paper
    assert card().id_number not in paper
    assert card().name not in paper
    assert "养老助残卡" not in paper  # the question is never on paper
    assert "证件号码后4位" in paper
    assert "刷身份证" in paper
    assert asking.handoff.receipt_qr == receipt.qr
    assert read_progress_link(LINK, receipt.qr) == ReceiptQuery(
        "XC-T-20261130-0001", submit.request.progress_token
    )
    assert asking.settle("XC-T-20261130-0001", uploaded=True) == ()  # printed once


def test_without_a_card_the_receipt_says_only_its_qr_code_finds_the_answer() -> None:
    asking = written(with_card=False)
    (submit,) = asking.submit(AT)
    assert isinstance(submit, Submit)
    asking.accepted(submit.request, "XC-T-20261130-0002")
    (printed,) = asking.settle("XC-T-20261130-0002", uploaded=False, at=AT)
    paper = repr(printed.receipt.lines + printed.receipt.pairs)
    assert "只能凭此二维码查询" in paper
    assert "后4位" not in paper
    assert "待上传" in paper


def test_a_refusal_goes_back_to_the_review_with_everything_kept() -> None:
    asking = written()
    (submit,) = asking.submit(AT)
    assert isinstance(submit, Submit)
    assert asking.refused(submit.request, message("outbox.not_stored"))
    assert (asking.step, asking.problem) == (Step.REVIEW, message("outbox.not_stored"))
    assert (asking.text, asking.phone) == (TEXT, PHONE)
    assert isinstance(asking.submit(AT)[0], Submit)


def test_the_wipe_forgets_everything() -> None:
    asking = written()
    (submit,) = asking.submit(AT)
    assert isinstance(submit, Submit)
    asking.accepted(submit.request, "XC-T-20261130-0003")
    assert asking.holds_personal_data()
    asking.wipe()
    assert not asking.holds_personal_data()
    assert (asking.step, asking.text, asking.phone, asking.asker, asking.handoff.request) == (
        None, "", "", None, None,
    )  # fmt: skip
    assert asking.settle("XC-T-20261130-0003", uploaded=True) == ()  # the answer is for nobody


# -- through the outbox to the stand-in -----------------------------------------------------------
@pytest.fixture
def slow_standin() -> Iterator[StandIn]:
    """A stand-in whose demo hotline would answer only after two minutes."""
    with StandIn(terminals={TERMINAL: SECRET}, seconds_per_step=60) as server:
        yield server  # type: ignore[misc]


@pytest.fixture
def platform(slow_standin: StandIn, contract_check: ContractCheck) -> Iterator[PlatformClient]:
    client = PlatformClient(slow_standin.url, TERMINAL, SECRET, read_timeout_s=5)
    client._session.hooks["response"].append(contract_check)
    yield client
    client.close()


def test_the_payload_is_the_contracts() -> None:
    asking = written()
    (submit,) = asking.submit(AT)
    body = question_payload(
        submit.request, apply_no="XC-T-20261130-0001", terminal_id=TERMINAL,
        area_code="110102000000", at=AT,
    )  # fmt: skip
    validate("QuestionCreate", body)
    assert body["asker"]["idNumber"] == card().id_number
    assert "asker" not in question_payload(
        written(with_card=False).submit(AT)[0].request,  # type: ignore[union-attr]
        apply_no="XC-T-20261130-0001", terminal_id=TERMINAL, area_code="110102000000", at=AT,
    )  # fmt: skip


@pytest.mark.parametrize("with_card", [True, False])
def test_a_question_reaches_the_platform_once_and_its_answer_is_found(
    tmp_path: Path, platform: PlatformClient, slow_standin: StandIn, with_card: bool
) -> None:
    asking = written(with_card)
    (submit,) = asking.submit(AT)
    assert isinstance(submit, Submit)
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    submitter = Submitter(outbox, AuditTrail(tmp_path / "audit.db", KEY), TERMINAL, "110102000000")
    apply_no = submitter.ask(submit.request, at=AT)
    tries = TailAttempts()
    receipt = ReceiptQuery(apply_no, submit.request.progress_token)
    tail = card().id_number[-4:]
    # Without a card nothing typed is proof: not even the phone's last digits.
    typed = [NumberQuery(apply_no, tail)] if with_card else []
    refused = [NumberQuery(apply_no, "0000")]
    if not with_card:
        refused += [NumberQuery(apply_no, PHONE[-4:]), NumberQuery(apply_no, tail)]

    # Still in the outbox (待上传): found here by its proof only.
    for query in (receipt, *typed):
        pending = answer(query, outbox, platform, tries).cases
        assert [(c.number, c.pending, c.question) for c in pending] == [(apply_no, True, True)]
    for query in refused:
        assert answer(query, outbox, platform, tries).cases == ()

    Deliverer(outbox, platform).drain(deadline_s=10)
    Deliverer(outbox, platform).drain(deadline_s=10)  # nothing left to send twice
    assert not outbox.is_pending(apply_no)
    case_no = outbox.reference(apply_no)
    assert case_no.startswith("XC")
    records = slow_standin.store.submission_records()
    assert records == {("question", apply_no, ""): 1}
    kept = slow_standin.store.question_body(apply_no)
    assert kept is not None
    assert (kept["question"], kept["mobile"], "asker" in kept) == (TEXT, PHONE, with_card)

    (waiting,) = answer(receipt, outbox, platform, tries).cases
    assert (waiting.status, waiting.question, waiting.reply) == ("已接件", True, None)

    reply = "可以。家属持老人身份证、户口簿和本人身份证到社区服务站代为补办。"
    slow_standin.store.answer_question(apply_no, reply, "西城区民政局", AT.timestamp())
    typed = [NumberQuery(apply_no, tail), NumberQuery(case_no, tail)] if with_card else []
    for query in (receipt, *typed):
        (found,) = answer(query, outbox, platform, tries).cases
        assert (found.number, found.status, found.question) == (case_no, "已答复", True)
        assert found.reply is not None
        assert (found.reply.text, found.reply.by) == (reply, "西城区民政局")
        assert [status for status, _, _ in found.timeline] == ["已接件", "已答复"]
    for query in [NumberQuery(case_no, PHONE[-4:])] if not with_card else []:
        assert answer(query, outbox, platform, tries).cases == ()
    identity = card()
    by_card = answer(
        ApplicantQuery(ID_TYPES[identity.kind], identity.id_number), outbox, platform, tries
    )
    assert [c.number for c in by_card.cases] == ([case_no] if with_card else [])


def test_the_demo_hotline_answers_by_itself(tmp_path: Path, client: PlatformClient) -> None:
    """The shared stand-in steps every 0.2 s: after two steps the demo's answer is there."""
    asking = written(with_card=False)
    (submit,) = asking.submit(AT)
    assert isinstance(submit, Submit)
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    submitter = Submitter(outbox, AuditTrail(tmp_path / "audit.db", KEY), TERMINAL, "110102000000")
    apply_no = submitter.ask(submit.request)
    Deliverer(outbox, client).drain(deadline_s=10)
    query = ReceiptQuery(apply_no, submit.request.progress_token)
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=10)
    found = answer(query, outbox, client, TailAttempts()).cases
    while not (found and found[0].reply) and datetime.datetime.now() < deadline:
        found = answer(query, outbox, client, TailAttempts()).cases
    assert found[0].reply is not None
    assert "演示" in found[0].reply.text
