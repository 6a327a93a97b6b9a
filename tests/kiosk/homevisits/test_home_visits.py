"""上门办理: the flow step by step without Qt; then the request through the real outbox to the
stand-in over HTTP, its slip, and the request found by each proof 进度查询 takes."""

from __future__ import annotations

import dataclasses
import datetime
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.idcard.identity import CARD_KIND_UNREADABLE
from kiosk.audit import AuditTrail
from kiosk.catalog.sample import sample_document
from kiosk.delivery import Deliverer
from kiosk.district.client import Ok, PlatformClient, Rejected
from kiosk.handoff import AwaitDelivery, PrintSlip, Submit
from kiosk.homevisits.flow import HomeVisitFlow, Step
from kiosk.homevisits.request import CONSENT, DAYS_OFFERED, MAX_ADDRESS, home_visit_payload
from kiosk.messages import message
from kiosk.outbox import Outbox
from kiosk.progress import TailAttempts, answer
from kiosk.progressquery import ApplicantQuery, NumberQuery, ReceiptQuery, read_progress_link
from kiosk.standin.server import StandIn
from kiosk.standin.store import validate
from kiosk.submission import BEIJING, ID_TYPES, Submitter
from tests.kiosk.apply.test_rules import card, item
from tests.kiosk.district.conftest import SECRET, TERMINAL, ContractCheck
from tests.kiosk.test_outbox import KEY

AT = datetime.datetime(2026, 11, 27, 10, 5, tzinfo=BEIJING)  # a Friday
TODAY = AT.date()
LINK = "https://zwfw.example/progress/{number}"
ITEM = "北京通—养老助残卡申领"
PHONE = "13912345678"
ADDRESS = "北京市西城区月坛北街12号院3号楼2单元501"


def flow() -> HomeVisitFlow:
    return HomeVisitFlow(station="白云观社区政务服务站", hotline="12345", progress_url=LINK)


def reviewed(relation: str = "child", reason: str = "elderly") -> HomeVisitFlow:
    """A flow on its review step: asked by a child for an elderly parent."""
    visit = flow()
    assert visit.begin(item(ITEM), TODAY)
    assert visit.describe(relation, reason)
    assert visit.card(card())
    assert visit.enter_address(ADDRESS)
    assert visit.enter_phone(PHONE)
    assert visit.choose_time(visit.days[0].isoformat(), "pm")
    assert visit.step is Step.REVIEW
    return visit


# -- the flow ---------------------------------------------------------------------------------
def test_only_items_that_offer_it_begin_a_request() -> None:
    visit = flow()
    assert not visit.begin(item("生育登记服务"), TODAY)
    assert visit.step is None
    assert visit.begin(item(ITEM), TODAY)
    assert visit.step is Step.SITUATION
    assert (visit.item_name, visit.item_code) == (ITEM, item(ITEM).code)


def test_the_days_offered_are_the_next_working_days_from_tomorrow() -> None:
    visit = flow()
    visit.begin(item(ITEM), TODAY)  # a Friday: the weekend is skipped
    assert len(visit.days) == DAYS_OFFERED
    assert visit.days[0] == datetime.date(2026, 11, 30)  # Monday
    assert all(day.weekday() < 5 for day in visit.days)
    assert visit.days[-1] == datetime.date(2026, 12, 17)


def test_situation_then_card_then_address_then_phone_then_time() -> None:
    visit = flow()
    visit.begin(item(ITEM), TODAY)
    assert not visit.describe("neighbour", "elderly")  # not a choice offered
    assert not visit.describe("child", "lazy")
    assert visit.step is Step.SITUATION
    assert visit.describe("child", "elderly")
    assert (visit.step, visit.wants_card) == (Step.IDENTIFY, True)
    assert visit.card(card())
    assert visit.person is not None
    assert visit.person.id_number == card().id_number
    assert visit.step is Step.ADDRESS
    assert visit.address == card().address  # the first guess: the card's address
    assert not visit.enter_address(" 西城区 ")
    assert visit.problem == message("home_visit.address_short", 6)
    too_long = "西" * (MAX_ADDRESS + 1)
    assert not visit.enter_address(too_long)
    assert visit.problem == message("home_visit.address_long", MAX_ADDRESS, MAX_ADDRESS + 1)
    assert visit.address == too_long  # kept, to be shortened
    assert visit.enter_address("北京市西城区\n月坛北街12号院\x07  3号楼")
    assert visit.address == "北京市西城区 月坛北街12号院 3号楼"  # one line, no control character
    assert not visit.enter_phone("1391234567")
    assert visit.problem == message("home_visit.phone_invalid")
    assert visit.enter_phone("139１２３４５６７８")  # full-width: sent as the contract's digits
    assert visit.phone == PHONE
    assert visit.back()
    assert visit.enter_phone("139 1234 5678")
    assert (visit.step, visit.phone) == (Step.WHEN, PHONE)
    assert not visit.choose_time("2026-11-28", "am")  # a Saturday: never offered
    assert not visit.choose_time("2026-11-30", "night")
    assert visit.choose_time("2026-11-30", "am")
    assert visit.preferred is not None
    assert visit.preferred.words() == "2026年11月30日（周一）上午"
    assert visit.step is Step.REVIEW


def test_an_unreadable_card_says_so_and_keeps_waiting() -> None:
    visit = flow()
    visit.begin(item(ITEM), TODAY)
    visit.describe("self", "disabled")
    assert visit.card(card("foreign_2023"))
    assert visit.problem == message(CARD_KIND_UNREADABLE)
    assert (visit.step, visit.person) == (Step.IDENTIFY, None)


def test_back_goes_one_step_and_skips_a_card_already_read() -> None:
    visit = reviewed()
    for expected in (Step.WHEN, Step.PHONE, Step.ADDRESS, Step.SITUATION):
        assert visit.back()
        assert visit.step is expected
    assert not visit.back()  # the first step: the screen is left
    assert visit.describe("spouse", "ill")
    assert visit.step is Step.ADDRESS  # the card read stays for this visit
    assert visit.relation == "spouse"


def test_submit_accept_settle_prints_a_masked_slip() -> None:
    visit = reviewed()
    (submit,) = visit.submit(AT)
    assert isinstance(submit, Submit)
    request = submit.request
    assert (request.relation, request.reason, request.address) == ("child", "elderly", ADDRESS)
    assert request.consent.given_at == AT
    assert request.consent.purpose == CONSENT.purpose
    for secret in (PHONE, ADDRESS, card().id_number, card().name):
        assert secret not in repr(submit)
    assert visit.submit(AT) == ()  # a second tap sends nothing more
    other = dataclasses.replace(request)  # another resident's, stored meanwhile
    assert visit.accepted(other, "XC-T-20261127-0009") == ()
    assert not visit.refused(other, message("outbox.not_stored"))
    assert visit.accepted(request, "XC-T-20261127-0001") == (AwaitDelivery("XC-T-20261127-0001"),)
    assert visit.step is Step.DONE
    assert visit.settle("XC-OTHER", uploaded=True) == ()
    (printed,) = visit.settle("XC-T-20261127-0001", uploaded=True, at=AT)
    assert isinstance(printed, PrintSlip)
    slip = printed.receipt
    paper = repr((slip.title, slip.lines, slip.pairs, slip.footer))
    assert "上门办理申请回执" in paper
    assert "XC-T-20261127-0001" in paper
    assert ITEM in paper
    assert "子女" in paper
    assert "年老行动不便" in paper
    assert "2026年11月30日（周一）下午" in paper
    assert "139****5678" in paper
    assert "北京市西城区****" in paper
    for secret in (PHONE, "月坛北街", "501", card().id_number, card().name):
        assert secret not in paper
    assert visit.handoff.receipt_qr == slip.qr
    assert read_progress_link(LINK, slip.qr) == ReceiptQuery(
        "XC-T-20261127-0001", request.progress_token
    )
    assert visit.settle("XC-T-20261127-0001", uploaded=True) == ()  # printed once


def test_a_refusal_goes_back_to_the_review_with_everything_kept() -> None:
    visit = reviewed()
    (submit,) = visit.submit(AT)
    assert isinstance(submit, Submit)
    assert visit.refused(submit.request, message("outbox.not_stored"))
    assert (visit.step, visit.problem) == (Step.REVIEW, message("outbox.not_stored"))
    assert (visit.address, visit.phone) == (ADDRESS, PHONE)
    assert isinstance(visit.submit(AT)[0], Submit)


def test_the_wipe_forgets_everything() -> None:
    visit = reviewed()
    (submit,) = visit.submit(AT)
    assert isinstance(submit, Submit)
    visit.accepted(submit.request, "XC-T-20261127-0003")
    assert visit.holds_personal_data()
    visit.wipe()
    assert not visit.holds_personal_data()
    assert (visit.step, visit.person, visit.address, visit.phone, visit.handoff.request) == (
        None, None, "", "", None,
    )  # fmt: skip
    assert visit.settle("XC-T-20261127-0003", uploaded=True) == ()  # for nobody now


def test_the_payload_is_the_contracts() -> None:
    (submit,) = reviewed().submit(AT)
    assert isinstance(submit, Submit)
    body = home_visit_payload(
        submit.request, apply_no="XC-T-20261127-0001", terminal_id=TERMINAL,
        area_code="110102000000", at=AT,
    )  # fmt: skip
    validate("HomeVisitCreate", body)
    assert body["person"]["idNumber"] == card().id_number
    assert body["preferred"] == {"date": "2026-11-30", "halfDay": "pm"}
    assert (body["requester"], body["reason"]) == ("child", "elderly")


# -- through the outbox to the stand-in -----------------------------------------------------------
@pytest.fixture
def standin() -> Iterator[StandIn]:
    """A stand-in serving the sample catalog (it refuses items that do not offer visits)."""
    with StandIn(terminals={TERMINAL: SECRET}, seconds_per_step=60) as server:
        server.state.set_catalog(sample_document())  # type: ignore[attr-defined]
        yield server  # type: ignore[misc]


@pytest.fixture
def platform(standin: StandIn, contract_check: ContractCheck) -> Iterator[PlatformClient]:
    client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
    client._session.hooks["response"].append(contract_check)
    yield client
    client.close()


def test_a_request_reaches_the_platform_once_and_is_found_by_each_proof(
    tmp_path: Path, platform: PlatformClient, standin: StandIn
) -> None:
    (submit,) = reviewed().submit(AT)
    assert isinstance(submit, Submit)
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    audit = AuditTrail(tmp_path / "audit.db", KEY)
    submitter = Submitter(outbox, audit, TERMINAL, "110102000000")
    apply_no = submitter.request_home_visit(submit.request, at=AT)
    assert audit.steps(apply_no) == ["visit requested"]
    tries = TailAttempts()
    receipt = ReceiptQuery(apply_no, submit.request.progress_token)
    tail = card().id_number[-4:]

    # Still in the outbox (待上传): found here by its proof only, under the platform's name.
    for query in (receipt, NumberQuery(apply_no, tail)):
        (pending,) = answer(query, outbox, platform, tries).cases
        assert (pending.number, pending.pending, pending.item_name) == (
            apply_no, True, f"上门办理：{ITEM}",
        )  # fmt: skip
    assert answer(NumberQuery(apply_no, PHONE[-4:]), outbox, platform, tries).cases == ()

    Deliverer(outbox, platform).drain(deadline_s=10)
    Deliverer(outbox, platform).drain(deadline_s=10)  # nothing left to send twice
    assert not outbox.is_pending(apply_no)
    case_no = outbox.reference(apply_no)
    assert case_no.startswith("XC")
    assert standin.store.submission_records() == {("home_visit", apply_no, ""): 1}

    identity = card()
    by_card = ApplicantQuery(ID_TYPES[identity.kind], identity.id_number)
    for query in (receipt, NumberQuery(apply_no, tail), NumberQuery(case_no, tail), by_card):
        (found,) = answer(query, outbox, platform, tries).cases
        assert (found.number, found.status, found.item_name) == (
            case_no, "已接件", f"上门办理：{ITEM}",
        )  # fmt: skip
        assert not found.question
    assert standin.store.case(case_no, time.time() + 60)["status"] == "已电话联系"
    visited = standin.store.case(case_no, time.time() + 3 * 60)
    assert [entry["status"] for entry in visited["timeline"]] == [
        "已接件",
        "已电话联系",
        "已上门办理",
    ]


def test_an_item_without_home_visits_is_refused_by_the_platform(
    platform: PlatformClient,
) -> None:
    (submit,) = reviewed().submit(AT)
    assert isinstance(submit, Submit)
    body = home_visit_payload(
        dataclasses.replace(submit.request, item_code=item("生育登记服务").code),
        apply_no="XC-T-20261127-0005", terminal_id=TERMINAL, area_code="110102000000", at=AT,
    )  # fmt: skip
    result = platform.submit("home_visit", body, idempotency_key="home-visit-not-offered-0001")
    assert isinstance(result, Rejected)
    assert (result.status, result.code) == (422, "no_home_visit")


def test_a_posting_for_an_item_that_does_not_post_is_refused_by_the_platform(
    platform: PlatformClient,
) -> None:
    """The same catalog check for 证照寄送 (the mode mail) on a case."""
    from tests.kiosk.apply.test_posting import ADDRESS as POSTED_TO
    from tests.kiosk.apply.test_posting import POST, body, residence

    posted = body(residence(POST, POSTED_TO).finished())
    posted["itemCode"] = item("生育登记服务").code
    result = platform.submit("case", posted, idempotency_key="posting-not-offered-00001")
    assert isinstance(result, Rejected)
    assert (result.status, result.code) == (422, "no_posting")


def test_a_repeat_is_replayed_even_after_the_catalog_dropped_the_mode(
    platform: PlatformClient, standin: StandIn
) -> None:
    """Exactly once per key: the answer to a filed request whose reply was lost comes back
    the same, though the item no longer offers home visits when the repeat arrives."""
    (submit,) = reviewed().submit(AT)
    assert isinstance(submit, Submit)
    body = home_visit_payload(
        submit.request, apply_no="XC-T-20261127-0007", terminal_id=TERMINAL,
        area_code="110102000000", at=AT,
    )  # fmt: skip
    first = platform.submit("home_visit", body, idempotency_key="home-visit-replayed-00001")
    assert isinstance(first, Ok)
    document = sample_document()
    for entry in document["items"]:
        entry["modes"] = [m for m in entry.get("modes", ["window"]) if m != "home_visit"]
    standin.state.set_catalog(document)  # type: ignore[attr-defined]
    again = platform.submit("home_visit", body, idempotency_key="home-visit-replayed-00001")
    assert isinstance(again, Ok)
    assert again.data["caseNo"] == first.data["caseNo"]
    assert standin.store.submission_records() == {("home_visit", "XC-T-20261127-0007", ""): 1}


def test_the_days_offered_skip_golden_week_and_keep_its_make_up_saturday() -> None:
    visit = flow()
    visit.begin(item(ITEM), datetime.date(2026, 9, 29))
    assert visit.days[:4] == (
        datetime.date(2026, 9, 30), datetime.date(2026, 10, 8),
        datetime.date(2026, 10, 9), datetime.date(2026, 10, 10),
    )  # fmt: skip
