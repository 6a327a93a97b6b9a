"""Outside the station's hours: the dimmed closed screen, black overnight, a touch wakes it;
a resident at the screen at closing time is never cut off. Time is a controllable clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from kiosk.hours import STATION_ZONE
from kiosk.settings import HoursSettings, Settings
from tests.ui.driver import Driver, make_settings
from ui.hoursview import NIGHT_WAKE_S, HoursPhase

MONDAY = dt.datetime(2026, 11, 30, tzinfo=STATION_ZONE)  # a Monday


class StationClock:
    """Beijing time that moves only when the test says so."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, hours: int, minutes: int = 0, day: int = 0) -> None:
        self.now = MONDAY + dt.timedelta(days=day, hours=hours, minutes=minutes)


def hours_settings(orientation: str = "portrait", **session: float) -> Settings:
    return dataclasses.replace(
        make_settings(orientation, **session),
        hours=HoursSettings(
            weekly="Mon-Fri 09:00-12:00,13:30-17:00; Sat 09:00-12:00",
            closed_dates=(dt.date(2026, 12, 1),),
            blank_from="22:00",
            blank_until="07:00",
        ),
    )


def at(hours: int, minutes: int = 0, day: int = 0) -> StationClock:
    clock = StationClock(MONDAY)
    clock.set(hours, minutes, day)
    return clock


def tick(kiosk: Driver) -> None:
    """What the once-a-minute timer does when it fires."""
    kiosk.ui.hours.check()
    kiosk.settle()


def end_session(kiosk: Driver) -> None:
    """The resident walks away: the idle timeout ends the session."""
    kiosk.ui.idle.expire_in(0)
    kiosk.settle()
    assert kiosk.visible("attractScreen")


def test_open_hours_show_the_usual_attract_screen(launch: Callable[..., Driver]) -> None:
    kiosk = launch(hours_settings(), clock=at(10))
    end_session(kiosk)
    assert not kiosk.visible("closedScreen")
    assert "请触摸屏幕开始办理" in kiosk.texts()


def test_after_closing_the_attract_screen_dims_with_hours_next_opening_and_hotline(
    launch: Callable[..., Driver],
) -> None:
    clock = at(10)
    kiosk = launch(hours_settings(), clock=clock)
    end_session(kiosk)
    clock.set(17, 0)
    tick(kiosk)
    assert kiosk.visible("closedAttract")
    texts = kiosk.texts()
    assert "现在是非办公时间" in texts
    assert "开放时间：周一至周五 9:00–12:00，13:30–17:00；周六 9:00–12:00" in texts
    # Tuesday 2026-12-01 is a closed date: the next opening is Wednesday.
    assert "下次开放：周三 9:00" in texts
    assert "如有疑问，请拨打政务服务便民热线 12345" in texts
    assert "现在提交的申请将在下一个工作日办理。" in texts
    assert not all_black(kiosk)


def test_lunch_break_says_today(launch: Callable[..., Driver]) -> None:
    kiosk = launch(hours_settings(), clock=at(12, 30))
    end_session(kiosk)
    assert "下次开放：今天 13:30" in kiosk.texts()


def test_closed_screen_touch_lets_a_resident_in(launch: Callable[..., Driver]) -> None:
    kiosk = launch(hours_settings(), clock=at(18))
    end_session(kiosk)
    kiosk.click("closedArea")
    assert not kiosk.visible("closedScreen")
    assert not kiosk.visible("attractScreen")
    assert kiosk.current_screen() == "homeScreen"
    assert kiosk.ui.idle.running
    kiosk.click("tile_guides")
    assert kiosk.current_screen() == "guidesScreen"


def test_night_is_black_a_touch_wakes_it_then_black_again(
    launch: Callable[..., Driver],
) -> None:
    clock = at(21, 59)
    kiosk = launch(hours_settings(), clock=clock)
    end_session(kiosk)
    assert kiosk.visible("closedAttract")
    assert not all_black(kiosk)
    clock.set(22, 0)
    tick(kiosk)
    assert kiosk.ui.hours.phase == HoursPhase.Value.Night
    assert kiosk.visible("closedScreen")
    assert not kiosk.visible("closedAttract")
    assert all_black(kiosk)
    kiosk.click("closedArea")  # a touch at night
    assert kiosk.visible("closedAttract")
    assert "现在是非办公时间" in kiosk.texts()
    assert kiosk.visible("attractScreen")  # woken, not a session yet
    assert not kiosk.ui.idle.running
    clock.now += dt.timedelta(seconds=NIGHT_WAKE_S - 1)
    tick(kiosk)
    assert kiosk.visible("closedAttract")
    clock.now += dt.timedelta(seconds=2)
    tick(kiosk)
    assert not kiosk.visible("closedAttract")
    assert kiosk.ui.hours.phase == HoursPhase.Value.Night
    assert all_black(kiosk)


def all_black(kiosk: Driver) -> bool:
    """Every pixel of the window is black: nothing drawn that could burn in."""
    image = kiosk.window.grabWindow().convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    return not any(bytes(image.constBits()))


def test_night_ends_at_blank_until_and_the_closed_screen_returns(
    launch: Callable[..., Driver],
) -> None:
    clock = at(6, 59, day=2)
    kiosk = launch(hours_settings(), clock=clock)
    end_session(kiosk)
    assert kiosk.ui.hours.phase == HoursPhase.Value.Night
    clock.set(7, 0, day=2)
    tick(kiosk)
    assert kiosk.visible("closedAttract")
    assert "下次开放：今天 9:00" in kiosk.texts()
    clock.set(9, 0, day=2)
    tick(kiosk)
    assert not kiosk.visible("closedScreen")
    assert kiosk.visible("attractScreen")


def test_a_resident_at_closing_time_is_not_cut_off(launch: Callable[..., Driver]) -> None:
    clock = at(16, 58)
    kiosk = launch(hours_settings(idle_timeout_s=30, warning_s=5), clock=clock)
    kiosk.click("tile_guides")
    clock.set(17, 1)
    tick(kiosk)
    clock.set(22, 30)  # even into the night
    tick(kiosk)
    assert not kiosk.visible("closedScreen")
    assert kiosk.current_screen() == "guidesScreen"
    assert kiosk.ui.idle.running
    kiosk.ui.idle.expire_in(0)  # the resident leaves; the idle timeout ends the session
    kiosk.settle()
    assert kiosk.visible("closedScreen")
    assert all_black(kiosk)


def test_words_follow_the_language(launch: Callable[..., Driver]) -> None:
    kiosk = launch(hours_settings(), clock=at(17, 30, day=4))  # Friday evening
    end_session(kiosk)
    kiosk.ui.shell.setLanguage("en")
    kiosk.settle()
    texts = kiosk.texts()
    assert "Closed now" in texts
    assert "Opening hours: Mon–Fri 9:00–12:00, 13:30–17:00; Sat 9:00–12:00" in texts
    assert "Opens again tomorrow 9:00" in texts


def test_the_timer_looks_again_at_the_next_whole_minute(launch: Callable[..., Driver]) -> None:
    clock = at(16, 59)
    clock.now += dt.timedelta(seconds=50)
    kiosk = launch(hours_settings(), clock=clock)
    tick(kiosk)
    # 10 s to 17:00, give or take the 5 % a coarse timer may move its time.
    assert 9_400 <= kiosk.ui.hours.next_check_ms() <= 10_600


def test_without_hours_the_kiosk_is_always_open_and_never_checks(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(make_settings(), clock=at(3))
    end_session(kiosk)
    assert not kiosk.visible("closedScreen")
    assert kiosk.ui.hours.next_check_ms() == -1


def test_consult_screen_shows_the_same_hours_in_the_residents_language(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(hours_settings(), clock=at(10))
    kiosk.click("tile_consult")
    assert "周一至周五 9:00–12:00，13:30–17:00；周六 9:00–12:00" in kiosk.texts()
    kiosk.click("languageButton")
    assert "Mon–Fri 9:00–12:00, 13:30–17:00; Sat 9:00–12:00" in kiosk.texts()


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_closed_content_moves_against_burn_in_and_stays_on_screen(
    launch: Callable[..., Driver], orientation: str
) -> None:
    long_week = (
        "Mon 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00,16:00-17:00; Tue-Sat 09:00-17:00"
    )
    settings = dataclasses.replace(
        hours_settings(orientation), hours=HoursSettings(weekly=long_week)
    )
    kiosk = launch(settings, clock=at(20))
    end_session(kiosk)
    kiosk.ui.shell.setElderMode(True)  # the largest text
    kiosk.settle()
    screen, content = kiosk.item("closedScreen"), kiosk.item("closedContent")
    area = kiosk.item("closedAttract")
    places = set()
    for step in range(60):
        screen.setProperty("driftStep", step)
        top_left = content.mapToItem(area, QPointF(0, 0))
        bottom_right = content.mapToItem(area, QPointF(content.width(), content.height()))
        assert top_left.x() >= 0, step
        assert top_left.y() >= 0, step
        assert bottom_right.x() <= area.width(), step
        assert bottom_right.y() <= area.height(), step
        places.add((round(top_left.x()), round(top_left.y())))
    assert len(places) > 30
