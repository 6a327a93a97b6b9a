"""An opinion survey answered (意见征集): anonymous in what it says and in when it arrives,
stored once at the platform; a wrong answer refused by it with a reason."""

from __future__ import annotations

import datetime
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient, Rejected
from kiosk.engagement.model import MAX_TEXT_ANSWER
from kiosk.engagement.sample import load_sample, sample_document
from kiosk.engagement.survey import first_unanswered, survey_payload, toggle
from kiosk.outbox import Broken, Outbox
from kiosk.standin.server import StandIn
from kiosk.submission import Submitter
from tests.kiosk.district.conftest import client, contract_check, standin

__all__ = ["client", "contract_check", "standin"]

KEY = bytes(range(32))
TODAY = datetime.date.today()  # the stand-in's sample opens the surveys around today
AREA = "110102000000"
SURVEY = next(s for s in load_sample(TODAY).surveys if s.id == "DC-2026-05")
ANSWERS: dict[str, Any] = {
    "q1": ("在线申报",),
    "q2": ("满意",),
    "q3": ("缴费服务", "公积金业务"),
    "q4": "希望周末也能办。我叫王小明，电话13912345678，身份证110102199001011234",
}


@pytest.fixture
def published(standin: StandIn) -> StandIn:
    standin.state.set_engagement(sample_document(TODAY))
    return standin


def test_the_answer_names_nobody_and_no_visit_only_the_district_and_the_day() -> None:
    body = survey_payload(SURVEY, ANSWERS, area_code=AREA, day=TODAY)
    assert set(body) == {"surveyId", "answers", "areaCode", "answeredOn"}
    assert body["answeredOn"] == TODAY.isoformat()  # the day, not the time
    assert body["answers"][:3] == [
        {"question": "q1", "choices": ["在线申报"]},
        {"question": "q2", "choices": ["满意"]},
        {"question": "q3", "choices": ["公积金业务", "缴费服务"]},  # in the question's order
    ]
    text = body["answers"][3]["text"]
    assert text.startswith("希望周末也能办。")
    assert "13912345678" not in text
    assert "110102199001011234" not in text


def test_taps_choose_one_or_toggle_many_and_unknown_options_are_ignored() -> None:
    single, multiple = SURVEY.questions[1], SURVEY.questions[2]
    assert toggle(single, ("满意",), "一般") == ("一般",)
    assert toggle(multiple, ("公积金业务",), "缴费服务") == ("公积金业务", "缴费服务")
    assert toggle(multiple, ("公积金业务", "缴费服务"), "公积金业务") == ("缴费服务",)
    assert toggle(multiple, (), "<script>") == ()
    body = survey_payload(SURVEY, {"q1": ("不存在",), "q4": "x" * 999}, area_code=AREA, day=TODAY)
    assert body["answers"] == [{"question": "q4", "text": "x" * MAX_TEXT_ANSWER}]


def test_required_questions_must_be_answered_optional_ones_may_not() -> None:
    assert first_unanswered(SURVEY, {}) == 1
    assert first_unanswered(SURVEY, {"q1": ("在线申报",)}) == 2
    assert first_unanswered(SURVEY, {"q1": ("在线申报",), "q2": ("满意",), "q4": "  "}) == 0


def test_an_answer_leaves_only_when_nothing_else_is_ready(tmp_path: Path) -> None:
    """After an outage the backlog leaves in order, but a survey answer never right behind
    its own visit's submission: it waits until no other row is ready."""
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    answer = survey_payload(SURVEY, ANSWERS, area_code=AREA, day=TODAY)
    outbox.enqueue("evaluation", {"level": 5}, apply_no="A-1")
    outbox.enqueue("survey", answer, apply_no="")
    outbox.enqueue("evaluation", {"level": 4}, apply_no="B-1")
    order = []
    while (head := outbox.head()) is not None:
        assert not isinstance(head, Broken)
        order.append(head.apply_no or head.kind)
        outbox.delivered(head, "R1")
    assert order == ["A-1", "B-1", "survey"]


def test_an_answer_is_held_back_while_later_submissions_pass_it_then_leaves_once(
    tmp_path: Path, published: StandIn, client: PlatformClient
) -> None:
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    submitter = Submitter(outbox, _NoAudit(), "XC-YT-BYG-0001", AREA)  # type: ignore[arg-type]
    answer = survey_payload(SURVEY, ANSWERS, area_code=AREA, day=TODAY)
    submitter.answer_survey(answer, hold_s=600)
    outbox.enqueue("survey", survey_payload(SURVEY, ANSWERS, area_code=AREA, day=TODAY),
                   apply_no="", not_before=0)  # fmt: skip
    deliverer = Deliverer(outbox, client)
    steps = deliverer.drain(deadline_s=30)
    assert [s.state for s in steps] == ["delivered", "idle"]  # the one not held
    # Held, it is not even counted: the depth and the oldest age go out in the heartbeat,
    # and either would date the answer.
    assert outbox.depth() == 0
    assert outbox.oldest_age_s(time.time()) == 0.0
    later = time.time() + 601
    assert deliverer.step(now=later).state == "delivered"
    assert deliverer.step(now=later).state == "idle"
    with sqlite3.connect(tmp_path / "outbox.db") as db:  # delivered, it leaves no record
        assert db.execute("SELECT COUNT(*) FROM delivered").fetchone() == (0,)
    stored = published.store.survey_answers(SURVEY.id)
    assert len(stored) == 2
    for row in stored:
        assert set(row) == {"answer_id", "survey_id", "area_code", "answered_on", "answers"}
        assert row["answered_on"] == TODAY.isoformat()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"surveyId": "DC-NONE"}, "unknown_survey"),
        ({"answeredOn": "2020-01-01"}, "survey_closed"),
        ({"answers": [{"question": "q1", "choices": ["在线申报"]}]}, "answer_missing"),
        ({"answers": [{"question": "q1", "choices": ["在线申报", "其他"]},
                      {"question": "q2", "choices": ["满意"]}]}, "invalid_answer"),
        ({"answers": [{"question": "q9", "text": "?"}]}, "unknown_question"),
    ],
)  # fmt: skip
def test_the_platform_refuses_an_answer_that_does_not_fit_the_survey(
    published: StandIn, client: PlatformClient, change: dict[str, Any], code: str
) -> None:
    body = survey_payload(SURVEY, ANSWERS, area_code=AREA, day=TODAY) | change
    result = client.submit("survey", body, idempotency_key=uuid.uuid4().hex)
    assert isinstance(result, Rejected)
    assert result.code == code
    assert published.store.survey_answers(SURVEY.id) == []


def test_the_same_answer_sent_twice_is_stored_once(
    published: StandIn, client: PlatformClient
) -> None:
    body = survey_payload(SURVEY, ANSWERS, area_code=AREA, day=TODAY)
    key = uuid.uuid4().hex
    first = client.submit("survey", body, idempotency_key=key)
    again = client.submit("survey", body, idempotency_key=key)
    assert first.data == again.data  # type: ignore[union-attr]
    assert len(published.store.survey_answers(SURVEY.id)) == 1


class _NoAudit:
    def record(self, *args: object) -> None:
        raise AssertionError("a survey answer is never audited: it would tie it to a visit")
