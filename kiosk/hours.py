"""The station's opening hours: when the screen invites residents, dims or goes black.

Pure arithmetic on the station's own clock (Beijing time, whatever the terminal's TZ says).
`parse_weekly` reads the form a technician types (`Mon-Fri 09:00-12:00,13:30-17:00; Sat
09:00-12:00`); `OpeningHours.phase_at` says where a moment stands: open, closed (with the
next opening) or in the overnight blank window. `describe` gives the hours in words, so the
words shown can never disagree with the hours the screen follows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

STATION_ZONE_NAME = "Asia/Shanghai"


def _station_zone() -> dt.tzinfo:
    """Beijing time. Without the system's tz database, UTC+8 (China has had no daylight
    saving time since 1991, so the fixed offset is the same clock)."""
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        return ZoneInfo(STATION_ZONE_NAME)
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - a system without tzdata
        return dt.timezone(dt.timedelta(hours=8), "CST")


STATION_ZONE = _station_zone()

Clock = Callable[[], dt.datetime]


def station_clock() -> dt.datetime:
    """Now, as an aware datetime (the composition root's clock; tests inject their own)."""
    return dt.datetime.now(STATION_ZONE)


# -- the weekly form --------------------------------------------------------------------
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CHINESE_DAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_DAY_ALIASES = {
    **{name: number for number, name in enumerate(DAY_NAMES)},
    **{name: number for number, name in enumerate(_CHINESE_DAYS)},
    "周天": 6,
}
WEEKLY_EXAMPLE = "Mon-Fri 09:00-12:00,13:30-17:00; Sat 09:00-12:00"
WEEKLY_FORM = (
    'days and times, such as "Mon-Fri 09:00-12:00,13:30-17:00; Sat 09:00-12:00": '
    "days Mon Tue Wed Thu Fri Sat Sun (or 周一…周日), a range with -, times HH:MM from "
    "00:00 to 24:00 separated by commas, day groups separated by ;"
)
# What a technician may type for the same marks: full-width punctuation, other dashes.
_NORMALISE = str.maketrans(
    {"；": ";", "，": ",", "：": ":", "–": "-", "—": "-", "~": "-", "～": "-", "至": "-"}
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})")

MINUTES_PER_DAY = 24 * 60


class HoursError(ValueError):
    """A setting of the opening hours that cannot be used; the message says why and the
    form expected, in words a technician understands."""


@dataclass(frozen=True, order=True)
class Span:
    """Minutes since midnight, start inclusive, end exclusive (end 1440 = midnight)."""

    start: int
    end: int


def parse_time(text: str, *, allow_24: bool = False) -> int:
    """ "09:00" as minutes since midnight; HoursError saying the form otherwise."""
    match = _TIME.fullmatch(text.strip().translate(_NORMALISE))
    if match is None:
        hint = ""
        if text.strip()[:1].isalpha():  # "Sat 09:00": another group after a comma
            hint = "; separate groups of days with ;, as in Mon-Fri 09:00-17:00; Sat 09:00-12:00"
        raise HoursError(f"{text.strip()!r} is not a time: write HH:MM, such as 09:00{hint}")
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not allow_24)):
        limit = "00:00 to 24:00" if allow_24 else "00:00 to 23:59"
        raise HoursError(f"{text.strip()!r} is not a time of day ({limit})")
    return hours * 60 + minutes


def _parse_days(text: str) -> list[int]:
    days: list[int] = []
    for part in text.split(","):
        first, dash, last = (piece.strip() for piece in part.partition("-"))
        for name in (first, last) if dash else (first,):
            if name.lower() not in _DAY_ALIASES:
                raise HoursError(
                    f"{name!r} is not a day: write Mon Tue Wed Thu Fri Sat Sun (or 周一…周日)"
                )
        start = _DAY_ALIASES[first.lower()]
        end = _DAY_ALIASES[last.lower()] if dash else start
        if end < start:
            raise HoursError(f"{part.strip()!r}: write the days in week order, Mon to Sun")
        days += range(start, end + 1)
    return days


def _parse_spans(text: str) -> tuple[Span, ...]:
    spans = []
    for part in text.split(","):
        start_text, dash, end_text = part.partition("-")
        if not dash:
            raise HoursError(f"{part.strip()!r} is not a time range: write 09:00-12:00")
        span = Span(parse_time(start_text), parse_time(end_text, allow_24=True))
        if span.end <= span.start:
            raise HoursError(f"{part.strip()!r}: the end must come after the start")
        spans.append(span)
    spans.sort()
    for before, after in itertools.pairwise(spans):
        if after.start < before.end:
            raise HoursError(f"{text.strip()!r}: the times overlap")
    return tuple(spans)


def parse_weekly(text: str) -> dict[int, tuple[Span, ...]]:
    """The weekly hours (Monday = 0) from the form of WEEKLY_FORM. Days not named are
    closed; empty text means no hours set (always open). HoursError says what is wrong."""
    text = text.translate(_NORMALISE).strip()
    weekly: dict[int, tuple[Span, ...]] = {}
    if not text:
        return weekly
    for group in filter(None, (part.strip() for part in text.split(";"))):
        # Days end where the first time begins (a digit after a space); no regex with
        # nested repeats here: a long bad line must not take exponential time.
        times_at = re.search(r"\s\d", group)
        days_text = (
            re.sub(r"\s*([,-])\s*", r"\1", group[: times_at.start()].strip()) if times_at else ""
        )
        if not days_text or any(c.isspace() for c in days_text):
            raise HoursError(f"{group!r} needs days, a space, then times: Mon-Fri 09:00-17:00")
        spans = _parse_spans(group[times_at.start() + 1 :] if times_at else "")
        for day in _parse_days(days_text):
            if day in weekly:
                raise HoursError(f"{DAY_NAMES[day].title()} is given twice")
            weekly[day] = spans
    return weekly


def parse_date(value: object) -> dt.date:
    """A closed date: TOML's own date (2026-10-01) or the same in quotes."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise HoursError(f"{value!r} is not a date: write YYYY-MM-DD, such as 2026-10-01")


# -- where a moment stands --------------------------------------------------------------
@dataclass(frozen=True)
class Open:
    """Staffed hours: the attract screen invites residents as always."""


@dataclass(frozen=True)
class Closed:
    """Outside the hours: the dimmed attract screen says so. `next_opening` is None when
    no opening is known in the next weeks (every day closed)."""

    next_opening: dt.datetime | None


@dataclass(frozen=True)
class Night(Closed):
    """In the overnight blank window: the screen is black until touched."""


Phase = Open | Closed | Night

_LOOKAHEAD_DAYS = 60  # beyond the longest run of holidays (春节: 8-9 days)


@dataclass(frozen=True)
class OpeningHours:
    """The station's hours. `weekly` empty: always open (and never blank)."""

    weekly: dict[int, tuple[Span, ...]] = field(default_factory=dict)
    closed_dates: frozenset[dt.date] = frozenset()
    blank: Span | None = None  # may cross midnight: start 22:00 (1320), end 07:00 (420)

    @property
    def always_open(self) -> bool:
        return not self.weekly

    def spans_on(self, day: dt.date) -> tuple[Span, ...]:
        if day in self.closed_dates:
            return ()
        return self.weekly.get(day.weekday(), ())

    def phase_at(self, moment: dt.datetime) -> Phase:
        """Open, Closed or Night at `moment` (aware; read in Beijing time)."""
        if self.always_open:
            return Open()
        local = moment.astimezone(STATION_ZONE)
        minute = local.hour * 60 + local.minute
        if any(span.start <= minute < span.end for span in self.spans_on(local.date())):
            return Open()
        following = self.next_opening(local)
        if self.blank is not None and _within(self.blank, minute):
            return Night(following)
        return Closed(following)

    def next_opening(self, moment: dt.datetime) -> dt.datetime | None:
        """The first opening after `moment` (Beijing time), or None within 60 days."""
        local = moment.astimezone(STATION_ZONE)
        minute = local.hour * 60 + local.minute
        for offset in range(_LOOKAHEAD_DAYS):
            day = local.date() + dt.timedelta(days=offset)
            for span in self.spans_on(day):
                if offset or span.start > minute:
                    start = dt.datetime.combine(day, dt.time(), STATION_ZONE)
                    return start + dt.timedelta(minutes=span.start)
        return None

    def overlaps_blank(self) -> str:
        """The first day and time span that the blank window would black out, or ""."""
        if self.blank is None:
            return ""
        for day, spans in sorted(self.weekly.items()):
            for span in spans:
                if any(_within(self.blank, m) for m in range(span.start, span.end)):
                    return f"{DAY_NAMES[day].title()} {_hhmm(span.start)}-{_hhmm(span.end)}"
        return ""


def _within(window: Span, minute: int) -> bool:
    if window.start <= window.end:
        return window.start <= minute < window.end
    return minute >= window.start or minute < window.end  # across midnight


def next_minute(moment: dt.datetime) -> dt.datetime:
    """The next whole minute: every phase boundary (HH:MM) falls on one."""
    return moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)


# -- in words ---------------------------------------------------------------------------
_DAYS_SHOWN = {
    "zh_CN": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _day_groups(weekly: dict[int, tuple[Span, ...]]) -> list[tuple[list[int], tuple[Span, ...]]]:
    """Consecutive days with the same hours, together: Mon-Fri, Sat."""
    groups: list[tuple[list[int], tuple[Span, ...]]] = []
    for day in sorted(weekly):
        if groups and groups[-1][0][-1] == day - 1 and groups[-1][1] == weekly[day]:
            groups[-1][0].append(day)
        else:
            groups.append(([day], weekly[day]))
    return groups


def describe(hours: OpeningHours, language: str) -> str:
    """The weekly hours in words: "周一至周五 9:00–12:00，13:30–17:00；周六 9:00–12:00"."""
    names = _DAYS_SHOWN["en" if language == "en" else "zh_CN"]
    through, comma, semicolon = ("–", ", ", "; ") if language == "en" else ("至", "，", "；")
    parts = []
    for days, spans in _day_groups(hours.weekly):
        first, last = names[days[0]], names[days[-1]]
        if len(days) == 1:
            shown = first
        elif len(days) == 2:
            shown = f"{first}{'、' if language != 'en' else ', '}{last}"
        else:
            shown = f"{first}{through}{last}"
        times = comma.join(f"{_hhmm(s.start)}–{_hhmm(s.end)}" for s in spans)
        parts.append(f"{shown} {times}")
    return semicolon.join(parts)


def describe_moment(moment: dt.datetime, now: dt.datetime, language: str) -> str:
    """When the station opens next, as a resident reads it: "今天 13:30", "明天 9:00",
    "周一 9:00", or with the date when more than a week away."""
    local, today = moment.astimezone(STATION_ZONE), now.astimezone(STATION_ZONE).date()
    time = _hhmm(local.hour * 60 + local.minute)
    days = (local.date() - today).days
    english = language == "en"
    if days == 0:
        return f"{'today' if english else '今天'} {time}"
    if days == 1:
        return f"{'tomorrow' if english else '明天'} {time}"
    weekday = _DAYS_SHOWN["en" if english else "zh_CN"][local.weekday()]
    if days < 7:
        return f"{weekday} {time}"
    if english:
        return f"{weekday} {local.day} {_MONTHS_EN[local.month - 1]} {time}"
    return f"{local.month}月{local.day}日 {weekday} {time}"


def build_hours(
    weekly: str, closed_dates: Iterable[dt.date], blank_from: str, blank_until: str
) -> OpeningHours:
    """The hours from already-checked settings values (kiosk.settings checks them)."""
    blank = None
    if blank_from and blank_until:
        blank = Span(parse_time(blank_from), parse_time(blank_until))
    return OpeningHours(parse_weekly(weekly), frozenset(closed_dates), blank)
