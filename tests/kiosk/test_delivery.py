"""When the outbox's next step comes (kiosk/delivery.py): back to back while all is well,
paced while catching up after trouble, against the stand-in over real HTTP."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kiosk.delivery import IDLE_POLL_S, Deliverer, backoff_s
from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from tests.kiosk.test_outbox import KEY, submit

T0 = 1_000_000.0  # the steps' clock: explicit, so the test never waits


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.db", KEY)


def posts(standin: StandIn) -> int:
    with standin.state.lock:
        return sum(line.startswith("POST") for line in standin.state.requests)


def fail_once(deliverer: Deliverer, standin: StandIn) -> float:
    """One attempt the platform answers 503 (Retry-After 0); returns when to go on."""
    standin.state.error_rate = 1.0
    standin.state.retry_after_s = 0
    step = deliverer.step(T0)
    assert step.state == "waiting"
    standin.state.error_rate = 0.0
    return T0 + step.wait_s + 0.001


def test_rows_go_back_to_back_while_nothing_failed(outbox: Outbox, client: PlatformClient) -> None:
    for number in (1, 2, 3):
        submit(outbox, number)
    deliverer = Deliverer(outbox, client, random.Random(1))
    steps = [deliverer.step(T0) for _ in range(4)]
    assert [s.state for s in steps] == ["delivered"] * 3 + ["idle"]
    assert [deliverer.next_step_in(s) for s in steps] == [0.0, 0.0, 0.0, IDLE_POLL_S]


def test_after_a_failure_the_backlog_goes_one_row_per_paced_wait(
    outbox: Outbox, client: PlatformClient, standin: StandIn
) -> None:
    for number in (1, 2, 3):
        submit(outbox, number)
    deliverer = Deliverer(outbox, client, random.Random(2), pace_s=10.0)
    now = fail_once(deliverer, standin)
    first = deliverer.step(now)
    assert first.state == "delivered"
    assert 5.0 <= first.wait_s <= 15.0  # [0.5, 1.5] × pace
    assert deliverer.next_step_in(first) == first.wait_s
    sent = posts(standin)
    early = deliverer.step(now + first.wait_s - 1.0)  # a nudge before the pace ran out
    assert (early.state, posts(standin)) == ("waiting", sent)  # nothing sent
    assert early.wait_s == pytest.approx(1.0)
    second = deliverer.step(now + first.wait_s)
    assert second.state == "delivered"
    assert second.wait_s >= 5.0
    now += first.wait_s + second.wait_s
    assert deliverer.step(now).state == "delivered"
    assert deliverer.step(now + 1).state == "idle"  # caught up, before that row's pace ran out
    submit(outbox, 4)
    submit(outbox, 5)
    later = [deliverer.step(now + 2) for _ in range(2)]
    assert [(s.state, s.wait_s) for s in later] == [("delivered", 0.0)] * 2  # not paced now
    assert standin.store.apply_numbers() == [f"XCT0001-{n:06d}" for n in range(1, 6)]


def test_a_resident_waiting_does_not_jump_a_backlog_being_caught_up(
    outbox: Outbox, client: PlatformClient, standin: StandIn
) -> None:
    for number in (1, 2):
        submit(outbox, number)
    deliverer = Deliverer(outbox, client, random.Random(3))
    fail_once(deliverer, standin)
    mine = submit(outbox, 3)
    sent = posts(standin)
    assert list(deliverer.deliver_now(mine, within_s=4.0)) == []
    assert posts(standin) == sent  # the resident gets 待上传; the backlog keeps its pace
    assert outbox.is_pending(mine)


def test_deliver_now_sends_the_rows_ahead_and_the_residents_own_when_all_is_well(
    outbox: Outbox, client: PlatformClient
) -> None:
    submit(outbox, 1)
    mine = submit(outbox, 2)
    steps = list(Deliverer(outbox, client, random.Random(4)).deliver_now(mine, within_s=4.0))
    assert [(s.state, s.apply_no) for s in steps] == [
        ("delivered", "XCT0001-000001"),
        ("delivered", mine),
    ]
    assert outbox.reference(mine).startswith("XC")


def test_deliver_now_stops_at_the_first_step_that_delivers_nothing(
    outbox: Outbox, client: PlatformClient, standin: StandIn
) -> None:
    mine = submit(outbox, 1)
    standin.state.error_rate = 1.0
    steps = list(Deliverer(outbox, client, random.Random(5)).deliver_now(mine, within_s=4.0))
    assert [s.state for s in steps] == ["waiting"]


def test_backoff_at_the_cap_waits_at_least_half_of_it() -> None:
    """After a long outage no terminal's next retry is due right away: the fleet's first
    retries spread over the minutes after the recovery instead of crowding its first."""
    rng = random.Random(7)
    draws = [backoff_s(attempts, rng) for attempts in (9, 12, 30) for _ in range(200)]
    assert min(draws) >= 150.0
    assert max(draws) <= 300.0
    assert max(backoff_s(8, rng) for _ in range(500)) < 256.0  # below the cap: full jitter
    assert min(backoff_s(8, rng) for _ in range(500)) < 10.0


def test_backoff_base_and_cap_scale_together() -> None:
    rng = random.Random(6)
    draws = [backoff_s(30, rng, base_s=0.05, cap_s=15.0) for _ in range(200)]
    assert min(draws) >= 7.5
    assert max(draws) <= 15.0
    assert all(backoff_s(2, rng, base_s=0.05, cap_s=15.0) <= 0.2 for _ in range(50))


def test_an_empty_outbox_is_looked_at_again_after_the_given_idle_poll(
    outbox: Outbox, client: PlatformClient
) -> None:
    assert Deliverer(outbox, client).next_step_in(Deliverer(outbox, client).step(T0)) == (
        IDLE_POLL_S
    )
    scaled = Deliverer(outbox, client, idle_poll_s=1.5)
    assert scaled.next_step_in(scaled.step(T0)) == 1.5


def test_a_refused_question_keeps_no_word_of_it_for_staff() -> None:
    from kiosk.delivery import _masked_reason
    from kiosk.outbox import Entry

    asker = {"name": "张三丰", "idNumber": "11010519491231002X"}
    words = {"question": "我母亲患有抑郁症，可以申请护理补贴吗？", "asker": asker}
    question = Entry(1, "question", "k", "T1-20261130-0001", 0, 0.0, words)
    said = "422 invalid: 留言人张三丰 问题'我母亲患有抑郁症'不符合要求"
    assert _masked_reason(question, said) == "422 invalid"
    case = Entry(2, "case", "k", "T1-20261130-0002", 0, 0.0, {"applicant": asker})
    assert "张三丰" not in _masked_reason(case, said)


def test_a_refused_home_visit_keeps_no_address_and_a_posting_keeps_it_masked() -> None:
    from kiosk.delivery import _masked_reason
    from kiosk.outbox import Entry

    person = {"name": "王小明", "idNumber": "11010519491231002X"}
    address = "北京市西城区月坛北街12号院3号楼2单元401"
    said = f"422 invalid_address: 地址“{address}”无法上门，联系人王小明 13812345678"
    visit = Entry(1, "home_visit", "k", "T1-20261130-0001", 0, 0.0, {"person": person})
    assert _masked_reason(visit, said) == "422 invalid_address"
    posted = {"applicant": person, "resultDelivery": {"method": "post", "address": address}}
    case = Entry(2, "case", "k", "T1-20261130-0002", 0, 0.0, posted)
    kept = _masked_reason(case, said)
    for secret in ("月坛北街", "王小明", "13812345678"):
        assert secret not in kept
    assert "北京市西城区****" in kept
