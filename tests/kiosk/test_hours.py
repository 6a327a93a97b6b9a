"""The opening hours as pure arithmetic: parsing, phases, next opening, words."""

from __future__ import annotations

import datetime as dt
import time
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.hours import (
    STATION_ZONE,
    Closed,
    HoursError,
    Night,
    Open,
    OpeningHours,
    Span,
    build_hours,
    describe,
    describe_moment,
    next_minute,
    parse_weekly,
)
from kiosk.settings import Settings, SettingsError, opening_hours_text, parse_settings

WEEKLY = "Mon-Fri 09:00-12:00,13:30-17:00; Sat 09:00-12:00"
# 2026-11-30 is a Monday.
HOURS = build_hours(WEEKLY, [dt.date(2026, 12, 2)], "22:00", "07:00")


def at(day: int, time: str, zone: dt.tzinfo = STATION_ZONE) -> dt.datetime:
    """A moment in the week of Monday 2026-11-30 (day 0)."""
    hours, minutes = map(int, time.split(":"))
    return dt.datetime(2026, 11, 30, hours, minutes, tzinfo=zone) + dt.timedelta(days=day)


def beijing(day: int, time: str) -> dt.datetime:
    return at(day, time).astimezone(STATION_ZONE)


def test_parse_weekly_groups_days_and_sorts_times() -> None:
    weekly = parse_weekly("Sat 09:00-12:00; mon-fri 13:30-17:00, 9:00-12:00")
    assert weekly[0] == (Span(540, 720), Span(810, 1020))
    assert weekly[4] == weekly[0]
    assert weekly[5] == (Span(540, 720),)
    assert 6 not in weekly


def test_parse_weekly_accepts_chinese_days_and_full_width_marks() -> None:
    assert parse_weekly("周一至周五 9:00–12:00，13:30–17:00；周六 9:00-12:00") == parse_weekly(
        WEEKLY
    )


def test_parse_weekly_spaces_around_marks_are_fine() -> None:
    assert parse_weekly(" Mon - Fri  9:00 - 12:00 , 13:30-17:00 ;Sat 09:00-12:00; ") == (
        parse_weekly(WEEKLY)
    )
    assert parse_weekly("Mon , Wed 09:00-10:00") == parse_weekly("Mon,Wed 09:00-10:00")


def test_parse_weekly_day_list_and_midnight_end() -> None:
    weekly = parse_weekly("Mon,Wed 20:00-24:00")
    assert weekly == {0: (Span(1200, 1440),), 2: (Span(1200, 1440),)}


def test_parse_weekly_empty_means_always_open() -> None:
    assert parse_weekly("  ") == {}
    assert OpeningHours().phase_at(at(6, "03:00")) == Open()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Mun 09:00-12:00", "'Mun' is not a day"),
        ("Mon 9-12", "'9' is not a time: write HH:MM"),
        ("Mon 09:00", "is not a time range: write 09:00-12:00"),
        ("Mon 12:00-09:00", "the end must come after the start"),
        ("Mon 09:00-12:00,11:00-13:00", "the times overlap"),
        ("Mon 09:00-12:00; Mon 13:00-14:00", "Mon is given twice"),
        ("Fri-Mon 09:00-12:00", "write the days in week order"),
        ("Mon 24:00-24:30", "is not a time of day (00:00 to 23:59)"),
        ("Mon 09:60-10:00", "is not a time of day"),
        ("09:00-12:00", "needs days, a space, then times"),
    ],
)
def test_parse_weekly_bad_form_says_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(HoursError) as raised:
        parse_weekly(text)
    assert says in str(raised.value)


def test_parse_weekly_long_bad_line_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(HoursError):
        parse_weekly("a-" * 400 + "a x")
    assert time.perf_counter() - started < 0.5


@given(st.text(max_size=80))
def test_parse_weekly_any_text_parses_or_says_why(text: str) -> None:
    try:
        weekly = parse_weekly(text)
    except HoursError as error:
        message = str(error)
    else:
        message = "parsed"
        assert all(0 <= span.start < span.end <= 1440 for s in weekly.values() for span in s)
    assert message


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(0, "08:59"), Closed(beijing(0, "09:00"))),
        (at(0, "09:00"), Open()),
        (at(0, "11:59"), Open()),
        (at(0, "12:00"), Closed(beijing(0, "13:30"))),  # lunch break
        (at(0, "13:30"), Open()),
        (at(0, "17:00"), Closed(beijing(1, "09:00"))),
        (at(5, "11:00"), Open()),  # Saturday morning
        (at(5, "12:00"), Closed(beijing(7, "09:00"))),  # weekend: next Monday
        (at(6, "12:00"), Closed(beijing(7, "09:00"))),
    ],
)
def test_phase_at_weekday_boundaries_and_lunch_break(moment: dt.datetime, expected: object) -> None:
    assert HOURS.phase_at(moment) == expected


def test_phase_at_closed_date_is_closed_all_day_and_skipped_for_next_opening() -> None:
    # Wednesday 2026-12-02 is a holiday.
    assert HOURS.phase_at(at(2, "10:00")) == Closed(beijing(3, "09:00"))
    assert HOURS.phase_at(at(1, "17:30")) == Closed(beijing(3, "09:00"))


def test_phase_at_overnight_blank_window_crosses_midnight() -> None:
    assert HOURS.phase_at(at(0, "21:59")) == Closed(beijing(1, "09:00"))
    assert HOURS.phase_at(at(0, "22:00")) == Night(beijing(1, "09:00"))
    assert HOURS.phase_at(at(1, "00:30")) == Night(beijing(1, "09:00"))
    assert HOURS.phase_at(at(1, "06:59")) == Night(beijing(1, "09:00"))
    assert HOURS.phase_at(at(1, "07:00")) == Closed(beijing(1, "09:00"))


def test_phase_at_reads_beijing_time_whatever_the_moment_zone() -> None:
    # 01:30 UTC on Monday is 09:30 in Beijing: open; 16:00 UTC Sunday is Monday 00:00 there.
    assert HOURS.phase_at(at(0, "01:30", dt.UTC)) == Open()
    assert HOURS.phase_at(at(6, "16:00", dt.UTC)) == Night(beijing(7, "09:00"))


def test_phase_at_no_day_open_has_no_next_opening() -> None:
    hours = OpeningHours({0: (Span(540, 600),)}, frozenset(), None)
    every_monday = frozenset(at(0, "00:00").date() + dt.timedelta(weeks=n) for n in range(12))
    closed = OpeningHours(hours.weekly, every_monday, None)
    assert closed.phase_at(at(0, "10:00")) == Closed(None)


def test_station_zone_has_no_daylight_saving() -> None:
    winter = dt.datetime(2026, 1, 15, 12, tzinfo=STATION_ZONE).utcoffset()
    summer = dt.datetime(2026, 7, 15, 12, tzinfo=STATION_ZONE).utcoffset()
    assert winter == summer == dt.timedelta(hours=8)


def test_next_minute_is_the_next_whole_minute() -> None:
    assert next_minute(at(0, "08:59") + dt.timedelta(seconds=59.5)) == at(0, "09:00")


def test_describe_in_chinese_and_english() -> None:
    assert describe(HOURS, "zh_CN") == "周一至周五 9:00–12:00，13:30–17:00；周六 9:00–12:00"
    assert describe(HOURS, "en") == "Mon–Fri 9:00–12:00, 13:30–17:00; Sat 9:00–12:00"
    two = build_hours("Tue,Wed 09:00-10:00", [], "", "")
    assert describe(two, "zh_CN") == "周二、周三 9:00–10:00"


def test_describe_moment_today_tomorrow_weekday_and_date() -> None:
    now = at(0, "12:05")
    assert describe_moment(beijing(0, "13:30"), now, "zh_CN") == "今天 13:30"
    assert describe_moment(beijing(1, "09:00"), now, "en") == "tomorrow 9:00"
    assert describe_moment(beijing(5, "09:00"), now, "zh_CN") == "周六 9:00"
    later = beijing(0, "09:00") + dt.timedelta(days=9)
    assert describe_moment(later, now, "zh_CN") == "12月9日 周三 9:00"
    assert describe_moment(later, now, "en") == "Wed 9 Dec 9:00"


# -- the settings ----------------------------------------------------------------------
def _settings(text: str) -> Settings:
    return parse_settings(tomllib.loads("[hours]\n" + text), "kiosk.toml")


def _problems(text: str) -> list[str]:
    with pytest.raises(SettingsError) as raised:
        _settings(text)
    return raised.value.lines()


def test_settings_hours_read_toml_dates_and_quoted_dates() -> None:
    settings = _settings(
        f'weekly = "{WEEKLY}"\nclosed_dates = [2026-12-02, "2026-12-03"]\n'
        'blank_from = "22:00"\nblank_until = "07:00"\n'
    )
    hours = settings.hours.opening_hours()
    assert hours.closed_dates == {dt.date(2026, 12, 2), dt.date(2026, 12, 3)}
    assert hours.phase_at(at(1, "23:00")) == Night(beijing(4, "09:00"))


def test_settings_hours_default_is_always_open() -> None:
    assert Settings().hours.opening_hours().always_open


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('weekly = "Mon 9-12"', "kiosk.toml: hours.weekly: '9' is not a time: write HH:MM"),
        ("closed_dates = ['1.10']", "kiosk.toml: hours.closed_dates[1]: '1.10' is not a date"),
        ("closed_dates = '2026-10-01'", "must be a list of dates: closed_dates = [2026-10-01"),
        ('blank_from = "22:00"', "hours.blank_until: must be set with hours.blank_from"),
        ('blank_from = "10pm"\nblank_until = "07:00"', "expected a time HH:MM, such as 22:00"),
        (
            f'weekly = "{WEEKLY}"\nblank_from = "25:00"\nblank_until = "07:00"',
            "hours.blank_from: '25:00' is not a time of day",
        ),
        ('blank_from = "22:00"\nblank_until = "07:00"', "hours.blank_from: needs hours.weekly"),
        (
            f'weekly = "{WEEKLY}"\nblank_from = "16:00"\nblank_until = "07:00"',
            "black while the station is open (Mon 13:30-17:00)",
        ),
        (
            f'weekly = "{WEEKLY}"\nblank_from = "22:00"\nblank_until = "22:00"',
            "hours.blank_until: must differ from hours.blank_from",
        ),
    ],
)
def test_settings_hours_bad_values_say_key_and_fix(text: str, line: str) -> None:
    problems = _problems(text)
    assert any(line in problem for problem in problems), problems


def test_opening_hours_text_follows_weekly_unless_station_wrote_own_words() -> None:
    settings = _settings(f'weekly = "{WEEKLY}"')
    assert opening_hours_text(settings, "en") == describe(HOURS, "en")
    own = parse_settings(
        tomllib.loads(f'[station]\nopening_hours = "工作日白天"\n[hours]\nweekly = "{WEEKLY}"'),
        "kiosk.toml",
    )
    assert opening_hours_text(own, "en") == "工作日白天"
    assert opening_hours_text(Settings(), "zh_CN") == Settings().station.opening_hours


def test_weekly_groups_joined_by_a_comma_say_to_use_a_semicolon() -> None:
    from kiosk.hours import HoursError, parse_weekly

    with pytest.raises(HoursError, match="separate groups of days with ;"):
        parse_weekly("Mon-Fri 09:00-17:00, Sat 09:00-12:00")
