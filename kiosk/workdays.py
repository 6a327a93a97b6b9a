"""Which days are working days (工作日): Monday to Friday, but for the public holidays and the
weekend days worked instead (调休上班) that the State Council publishes each year.

Where a year's arrangement comes from, in this order:
1. the platform, with the catalog (`work_calendar`, kiosk/catalog/parse.py);
2. the package `chinese-calendar` (2004 to the last year it knows), for a year the platform
   has not sent;
3. none: weekends only. Promised dates in such a year may fall on a holiday, so receipts say
   the holidays are not counted, and the daily self-check tells staff the year is unknown.

Promised dates (承诺办结时限, in working days), the days a home visit may be wished for and
the stand-in's booking days are counted here.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

PACKAGED = "packaged"  # the source of a year from `chinese-calendar`
# A year has about 30 days off on weekdays and 6 to 8 weekend days worked; far more is no
# year's arrangement but a damaged document.
MAX_DAYS_PER_YEAR = 60


@dataclass(frozen=True)
class YearPlan:
    """One year's arrangement: weekdays off (`holidays`; holidays on a weekend may be listed
    too) and weekend days worked (`workdays`)."""

    year: int
    holidays: frozenset[datetime.date]
    workdays: frozenset[datetime.date]
    source: str  # the notice it was published by (e.g. 国办发明电〔2025〕7号), or PACKAGED


class Workdays:
    """The working days of the years published (`published`), of the packaged years for the
    rest, and Monday to Friday for a year neither knows. Immutable."""

    def __init__(self, published: Iterable[YearPlan] = ()) -> None:
        self._published = {plan.year: plan for plan in published}

    def plan(self, year: int) -> YearPlan | None:
        return self._published.get(year) or packaged_plan(year)

    def knows(self, year: int) -> bool:
        return self.plan(year) is not None

    def is_working_day(self, day: datetime.date) -> bool:
        plan = self.plan(day.year)
        if plan is not None and day in plan.workdays:
            return True
        if plan is not None and day in plan.holidays:
            return False
        return day.weekday() < 5

    def after(self, start: datetime.date, count: int) -> tuple[datetime.date, ...]:
        """The next `count` working days after `start`."""
        days: list[datetime.date] = []
        day = start
        while len(days) < count:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                days.append(day)
        return tuple(days)

    def promised(self, start: datetime.date, working_days: int) -> datetime.date:
        """The day a promise of `working_days` made on `start` falls due (`start` itself
        for 0: done on the spot)."""
        return self.after(start, working_days)[-1] if working_days > 0 else start

    def unknown_years(self, today: datetime.date) -> tuple[int, ...]:
        """Years a promise made now may reach whose arrangement is unknown: this year, and
        from December the next one too (the State Council publishes it in the autumn)."""
        years = (today.year, today.year + 1) if today.month == 12 else (today.year,)
        return tuple(year for year in years if not self.knows(year))


@functools.cache
def packaged_plan(year: int) -> YearPlan | None:
    """The year from `chinese-calendar`, or None for a year it does not know (it raises for
    those instead of guessing), or when it is not installed. Imported when first asked: not
    at start-up."""
    try:
        from chinese_calendar import constants
    except ImportError:  # weekends only, as for a year it does not know (staff are told)
        log.warning("chinese-calendar is not installed: holidays only as the platform sends")
        return None

    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    holidays = frozenset(day for day in constants.holidays if first <= day <= last)
    workdays = frozenset(day for day in constants.workdays if first <= day <= last)
    if not holidays:
        return None
    return YearPlan(year, holidays, workdays, PACKAGED)


PACKAGED_ONLY = Workdays()  # no year published: the packaged years, weekends for the rest


class WorkdaysInUse:
    """The working days of the catalog in use: called, it gives them; the catalog's worker
    swaps them in with each catalog (`use`)."""

    def __init__(self) -> None:
        self._current = PACKAGED_ONLY

    def __call__(self) -> Workdays:
        return self._current

    def use(self, workdays: Workdays) -> None:
        self._current = workdays
