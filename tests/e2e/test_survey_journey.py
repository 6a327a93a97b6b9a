"""意见征集 through the real window and the platform stand-in over loopback: the home
screen's strip → the open surveys → a survey answered (a required question skipped is named
and brought into view) → thanks → stored at the stand-in once, with no identity, no visit
and a typed phone number masked → the same session cannot answer it again → wiped; the next
session can."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.engagement.sample import sample_document
from kiosk.settings import Settings
from tests.ui.driver import Driver, ResidentStation, resident_station
from tests.ui.test_wipe import leftovers, python_leftovers

SURVEY = "DC-2026-05"  # the station's satisfaction survey, second in the list (closes later)
PHONE = "13912345678"
WORDS = "希望周末也能办，有事打我电话" + PHONE


def at_once(settings: Settings) -> Settings:
    """Survey answers leave the outbox at once (a station's default holds them back)."""
    return dataclasses.replace(
        settings, platform=dataclasses.replace(settings.platform, survey_delay_minutes=0)
    )


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[ResidentStation]:
    with resident_station(launch, tmp_path, at_once) as station:
        kiosk, standin = station[0], station[1]
        standin.state.set_engagement(sample_document())
        kiosk.wait_until(lambda: bool(kiosk.ui.engagement.property("newestTitle")), 20_000)
        kiosk.settle()  # the strip's row makes room for the newest at the next frame
        yield station


def open_survey(kiosk: Driver) -> None:
    kiosk.click("newsAll")
    assert kiosk.current_screen() == "engagementScreen"
    kiosk.click("survey_1")
    assert kiosk.current_screen() == "surveyScreen"
    assert kiosk.ui.engagement.property("surveyId") == SURVEY


def test_answer_a_survey_anonymously_once_per_session(station: ResidentStation) -> None:
    kiosk, standin, _reader, _printer = station
    open_survey(kiosk)
    kiosk.click("surveyOption_1_0")
    kiosk.click("surveyOption_1_1")  # 在线申报, in place of the first: a single choice
    assert [kiosk.item(f"surveyOption_1_{n}").property("checked") for n in (0, 1)] == [False, True]
    kiosk.click("surveyOption_3_0")  # two of the multiple choice
    kiosk.click("surveyOption_3_4")
    kiosk.fill("surveyText_4", WORDS)
    kiosk.click("surveySubmit")
    assert kiosk.visible("surveyMissing_2")  # 2 is required: named, nothing sent
    assert "第2题" in kiosk.item("surveyProblem").property("text")
    kiosk.click("surveyOption_2_0")  # 非常满意
    assert not kiosk.visible("surveyMissing_2")
    kiosk.click("surveySubmit")
    kiosk.wait_until(lambda: kiosk.visible("surveyThanks"), 10_000)

    kiosk.wait_until(lambda: len(standin.store.survey_answers(SURVEY)) == 1, 20_000)
    (stored,) = standin.store.survey_answers(SURVEY)
    assert set(stored) == {"answer_id", "survey_id", "area_code", "answered_on", "answers"}
    assert stored["answers"][:3] == [
        {"question": "q1", "choices": ["在线申报"]},
        {"question": "q2", "choices": ["非常满意"]},
        {"question": "q3", "choices": ["社保医保查询", "缴费服务"]},
    ]
    text = stored["answers"][3]["text"]
    assert text.startswith("希望周末也能办")
    assert PHONE not in text  # masked before it was stored
    assert PHONE not in str(standin.state.requests)

    kiosk.click("surveyDone")  # back to the list: answered, and cannot be answered again
    assert kiosk.current_screen() == "engagementScreen"
    assert "已参与" in kiosk.item("survey_1").property("title")
    kiosk.click("survey_1")
    assert kiosk.visible("surveyThanks")
    assert not kiosk.visible("surveySubmit")

    kiosk.ui.shell.endSession()
    kiosk.settle()
    assert leftovers(kiosk, ("希望周末也能办", PHONE)) == []
    assert python_leftovers(kiosk.ui.engagement, ["希望周末也能办", PHONE]) == []
    kiosk.touch_anywhere()  # the next resident, at the screen between residents
    open_survey(kiosk)  # a new visit may answer it
    assert kiosk.visible("surveySubmit")
    assert kiosk.item("surveyText_4").property("text") == ""
    assert len(standin.store.survey_answers(SURVEY)) == 1
