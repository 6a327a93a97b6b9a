"""政民互动 as the screens see it: what is shown on which day, one announcement's page, and
a survey offered only where answers can be stored."""

from __future__ import annotations

import datetime

import pytest

from kiosk.engagement.sample import load_sample
from ui.engagementview import EngagementViewModel

pytestmark = pytest.mark.usefixtures("qapp")  # the view model keeps a timer

LOADED = datetime.date(2026, 11, 30)  # the day the sample is dated from


class Calendar:
    def __init__(self) -> None:
        self.day = LOADED

    def __call__(self) -> datetime.date:
        return self.day


def shown(view: EngagementViewModel) -> list[str]:
    return [row.code for row in view.announcement_rows.rows()]


def test_the_lists_follow_the_day_even_without_a_new_document() -> None:
    calendar = Calendar()
    view = EngagementViewModel(None, today=calendar)
    view.set_engagement(load_sample(LOADED))
    assert shown(view) == ["ZD-2026-012", "GG-2026-031", "GG-2026-028", "ZD-2026-009"]
    assert view.property("newestTitle") == "本站12月起周六上午开放"
    calendar.day = LOADED + datetime.timedelta(days=11)  # ZD-2026-009 ran 10 more days
    view._follow_the_day()  # what its timer does every few minutes
    assert "ZD-2026-009" not in shown(view)
    assert not view.open("ZD-2026-009")  # expired: not opened from a stale list either
    assert view.open("GG-2026-031")
    assert view.property("link").startswith("https://")
    assert view.property("expires") == (LOADED + datetime.timedelta(days=40)).isoformat()
    calendar.day = LOADED + datetime.timedelta(days=365)
    view.refresh()
    assert shown(view) == []
    assert view.property("newestTitle") == ""


def test_without_a_place_to_store_answers_no_survey_is_offered() -> None:
    view = EngagementViewModel(None, today=Calendar())
    view.set_engagement(load_sample(LOADED))
    assert view.survey_rows.rows() == ()
    assert not view.property("canAnswer")
    assert not view.openSurvey("DC-2026-05")


def test_the_end_of_a_session_closes_the_page_it_had_open() -> None:
    view = EngagementViewModel(None, today=Calendar())
    view.set_engagement(load_sample(LOADED))
    assert view.open("GG-2026-028")
    view.reset()
    assert view.property("title") == ""
    assert view.property("body") == ""
    assert len(shown(view)) == 4  # the lists stay: they are the district's, not the resident's
