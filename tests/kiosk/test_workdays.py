"""Working days: the State Council's holidays and weekend days worked, from the catalog or
the packaged calendar; weekends only, and said so, for a year neither knows."""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

import pytest

from kiosk.catalog.library import Guidance
from kiosk.catalog.parse import CatalogError, parse_catalog
from kiosk.catalog.sample import load_sample, sample_document
from kiosk.selfcheck import Outcome, Reason, Step, catalog_outcome
from kiosk.standin.booking import booking_days
from kiosk.submission import BEIJING, Person, case_receipt
from kiosk.workdays import PACKAGED, PACKAGED_ONLY, Workdays, YearPlan, packaged_plan

D = datetime.date
PUBLISHED = Workdays(load_sample().work_calendar)


@pytest.mark.parametrize("workdays", [PUBLISHED, PACKAGED_ONLY], ids=["catalog", "packaged"])
def test_golden_week_2026_and_its_make_up_saturday(workdays: Workdays) -> None:
    assert not any(workdays.is_working_day(D(2026, 10, day)) for day in range(1, 8))
    assert workdays.is_working_day(D(2026, 10, 10))  # a Saturday worked instead
    assert workdays.is_working_day(D(2026, 9, 20))  # a Sunday worked instead
    assert not workdays.is_working_day(D(2026, 10, 11))  # an ordinary Sunday
    assert workdays.after(D(2026, 9, 29), 4) == (
        D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 10),
    )  # fmt: skip
    assert workdays.promised(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert workdays.promised(D(2026, 9, 30), 0) == D(2026, 9, 30)


def test_spring_festival_2026() -> None:
    assert PUBLISHED.is_working_day(D(2026, 2, 14))  # Saturday before: worked
    assert not PUBLISHED.is_working_day(D(2026, 2, 16))  # Monday of the holiday
    assert PUBLISHED.after(D(2026, 2, 13), 2) == (D(2026, 2, 14), D(2026, 2, 24))


def test_the_catalog_and_the_packaged_calendar_agree_on_2026() -> None:
    published, packaged = PUBLISHED.plan(2026), packaged_plan(2026)
    assert published is not None
    assert packaged is not None
    assert packaged.source == PACKAGED
    assert (published.holidays, published.workdays) == (packaged.holidays, packaged.workdays)


def test_a_published_year_comes_before_the_packaged_one() -> None:
    moved = YearPlan(2026, frozenset({D(2026, 12, 31)}), frozenset({D(2026, 10, 3)}), "test")
    workdays = Workdays([moved])
    assert not workdays.is_working_day(D(2026, 12, 31))
    assert workdays.is_working_day(D(2026, 10, 3))  # the packaged 2026 says otherwise
    assert workdays.is_working_day(D(2026, 10, 5))  # only the published year counts


def test_a_year_nobody_knows_counts_weekends_only_and_is_named() -> None:
    assert packaged_plan(2099) is None  # chinese-calendar raises for it; not guessed
    assert not PUBLISHED.knows(2099)
    assert PUBLISHED.after(D(2099, 1, 1), 2) == (D(2099, 1, 2), D(2099, 1, 5))  # Fri, Mon
    assert PUBLISHED.unknown_years(D(2099, 6, 1)) == (2099,)
    assert PUBLISHED.unknown_years(D(2026, 11, 30)) == ()
    # From December the next year matters too: a promise made then may reach it.
    assert Workdays().unknown_years(D(2098, 12, 1)) == (2098, 2099)


def test_the_receipt_says_when_holidays_are_not_counted() -> None:
    item = next(i for i in load_sample().items if i.promised_days >= 5)
    common: dict[str, Any] = {
        "item": item, "number": "XC-T-1-0001", "uploaded": False,
        "applicant": Person("测试甲", "resident_id", "110102195001010013"),
        "station": "服务站", "hotline": "12345", "progress_url": "https://zwfw.example/p/{number}",
        "apply_no": "XC-T-1-0001", "progress_token": "T" * 22,
    }  # fmt: skip
    at = datetime.datetime(2026, 9, 30, 10, 0, tzinfo=BEIJING)
    due = PUBLISHED.promised(at.date(), item.promised_days)
    known = dict(case_receipt(**common, at=at, workdays=PUBLISHED).pairs)["承诺办结"]
    assert known == f"{item.promised_days}个工作日内（约{due:%Y年%m月%d日}前）"
    assert due > D(2026, 10, 8)  # Golden Week counted
    later = datetime.datetime(2099, 6, 1, 10, 0, tzinfo=BEIJING)
    unsure = dict(case_receipt(**common, at=later, workdays=PUBLISHED).pairs)["承诺办结"]
    assert unsure.endswith("前，未计节假日）")


def test_the_calendar_is_stored_with_the_catalog() -> None:
    guidance = Guidance.from_catalog(load_sample())
    assert Guidance.from_json(guidance.to_json()).work_calendar == load_sample().work_calendar


def test_a_tampered_stored_calendar_is_dropped_not_counted_for_ever() -> None:
    every_day = [(D(2026, 1, 1) + datetime.timedelta(days=n)).isoformat() for n in range(365)]
    stored = json.loads(Guidance.from_catalog(load_sample()).to_json())
    stored["work_calendar"][0]["holidays"] = every_day
    assert Guidance.from_json(json.dumps(stored)).work_calendar == ()
    stored["work_calendar"][0]["holidays"] = ["2026-10-01"]
    stored["work_calendar"][0]["workdays"] = ["2026-10-12"]  # a Monday "worked instead"
    assert Guidance.from_json(json.dumps(stored)).work_calendar == ()


def calendar_problems(year: dict[str, Any]) -> list[str]:
    document = sample_document() | {"work_calendar": [year]}
    with pytest.raises(CatalogError) as raised:
        parse_catalog(document)
    return [
        p
        for p in raised.value.problems
        if "work_calendar" in p or "holidays" in p or "workdays" in p
    ]


def test_a_damaged_calendar_refuses_the_catalog_saying_why() -> None:
    problems = calendar_problems(
        {
            "year": 2026,
            "source": "x",
            "holidays": ["2026-10-01", "2025-10-02", "10/03"],
            "workdays": ["2026-10-01", "2026-10-12"],
        }
    )
    text = "\n".join(problems)
    assert "'2025-10-02' is not a day of 2026" in text
    assert "'10/03' is not a day of 2026" in text
    week_date = calendar_problems({"year": 2026, "source": "x", "holidays": ["2026-W40-4"]})
    assert any("'2026-W40-4' is not a day of 2026" in p for p in week_date)
    assert "2026-10-01 is a holiday too" in text
    assert "2026-10-12 is a weekday" in text
    too_many = [f"2026-{month:02d}-{day:02d}" for month in range(1, 4) for day in range(1, 29)]
    assert any("more than 60 days" in p for p in calendar_problems(
        {"year": 2026, "source": "x", "holidays": too_many}
    ))  # fmt: skip
    document = sample_document()
    twice = document["work_calendar"] * 2
    with pytest.raises(CatalogError, match="2026: given twice"):
        parse_catalog(document | {"work_calendar": twice})


def test_staff_are_told_of_a_year_without_holidays() -> None:
    now = 1_800_000_000.0
    outcome = catalog_outcome("v1", now - 60, None, now, unknown_years=(2027,))
    assert outcome == Outcome.failed(Step.CATALOG, Reason.CALENDAR_UNKNOWN, "2027")
    assert catalog_outcome("v1", now - 60, None, now).reason is Reason.CATALOG_FRESH


def test_the_stand_in_offers_no_holiday_for_booking() -> None:
    eve = datetime.datetime(2026, 9, 29, 12, 0, tzinfo=BEIJING).timestamp()
    days = booking_days(eve)
    assert days[:4] == [D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 10)]
    assert not any(D(2026, 10, 1) <= day <= D(2026, 10, 7) for day in days)


def test_a_year_plan_is_plain_frozen_data() -> None:
    plan = PUBLISHED.plan(2026)
    assert plan is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.year = 2027  # type: ignore[misc]
