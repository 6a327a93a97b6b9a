"""The daily self-check: a checklist staff walk through, its steps' outcomes, and the results
kept in the state folder.

Staff are not technicians: each step is one thing to do or to wait for, and each outcome a
`Reason` code with its parameters (the words are in ui/qml/Kiosk/components/SelfCheckTexts.qml).
`SelfCheckRun` is the checklist as a pure state machine; the checks that need no device
(catalog age, free disk space, clock skew against the platform's Date header) are pure
functions; `SelfCheckStore` keeps the last results in SQLite (state folder, `selfcheck.db`)
and says whether the check was done today (Beijing's date).

What a result holds: when, "staff" (never a PIN or a person), and each step's outcome.
Nothing of a card read is kept: the card step records only that a card was read.
"""

from __future__ import annotations

import datetime
import enum
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from devices.printer.layout import PrinterProfile, Receipt
from kiosk.sqlite import connect, immediate, migrate

# Beijing has kept UTC+8 without daylight saving since 1991: a fixed offset needs no tzdata.
BEIJING = datetime.timezone(datetime.timedelta(hours=8), "Asia/Shanghai")
READ_BACK_S = 60.0  # the slip's QR must reach the scanner within this long of printing
CARD_WAIT_S = 60.0  # and a card the reader within this long of the step starting
CATALOG_MAX_AGE_S = 2 * 86400  # as the district's alert KioskCatalogStale
MIN_FREE_BYTES = 500 * 1024 * 1024  # the outbox, catalogs and logs need room to grow
BLACK_BELOW = 32  # a camera frame whose brightest (averaged) spot is darker is black
# Well inside the 300 s after which the platform refuses signed requests (district/signing.py).
MAX_CLOCK_SKEW_S = 120.0
KEEP_RESULTS = 90  # about three months of daily checks
SLIP_PREFIX = "KIOSK-SELFCHECK:"
BY_STAFF = "staff"  # who ran a check: staff mode, never a PIN or a name


class Step(enum.Enum):
    """The checklist, in the order staff walk it."""

    PRINT = "print"  # a slip printed, its QR read back by the scanner
    CARD = "card"  # any ID card read
    CAMERA = "camera"  # one frame from the document camera, not all black
    PLATFORM = "platform"  # a signed heartbeat answered
    CATALOG = "catalog"  # stored or confirmed current recently
    DISK = "disk"  # free space in the state folder
    CLOCK = "clock"  # close to the platform's clock


STEPS = tuple(Step)
WAITS_FOR_STAFF = frozenset({Step.PRINT, Step.CARD})


class Verdict(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"  # nothing to check here (no such device, no platform configured)


class Reason(enum.Enum):
    """Why a step ended as it did; parameters in `Outcome.args` as noted."""

    # passed
    READ_BACK = "read_back"  # (seconds from printing to the read)
    PRINTED_NO_SCANNER = "printed_no_scanner"  # printed; no scanner to read it back
    CARD_READ = "card_read"
    FRAME_OK = "frame_ok"  # (width, height)
    REACHABLE = "reachable"  # (round trip in ms)
    CATALOG_FRESH = "catalog_fresh"  # (version, hours since stored or confirmed)
    DISK_OK = "disk_ok"  # (free MB)
    CLOCK_OK = "clock_ok"  # (seconds off)
    # failed
    PRINT_FAILED = "print_failed"  # (the printer's error code: paper_out, cover_open, …)
    WRONG_CODE = "wrong_code"  # a code that is not this slip's
    NOT_READ_BACK = "not_read_back"  # (seconds waited)
    NO_CARD = "no_card"  # (seconds waited)
    FRAME_FAILED = "frame_failed"  # (the capture's message code)
    FRAME_BLACK = "frame_black"
    PLATFORM_OFFLINE = "platform_offline"  # (detail for the technician)
    PLATFORM_REFUSED = "platform_refused"  # (HTTP status, the platform's error code)
    PLATFORM_BUSY = "platform_busy"
    NO_CATALOG = "no_catalog"
    CATALOG_STALE = "catalog_stale"  # (version, days since stored or confirmed)
    CALENDAR_UNKNOWN = "calendar_unknown"  # (the years whose holidays are unknown, as 2027)
    DISK_LOW = "disk_low"  # (free MB, needed MB)
    DISK_UNREADABLE = "disk_unreadable"
    CLOCK_OFF = "clock_off"  # (seconds off: positive, the kiosk is ahead)
    SKIPPED_BY_STAFF = "skipped_by_staff"  # not checked: staff moved on
    # skipped
    NOT_CONFIGURED = "not_configured"  # the station has no such device
    NO_PLATFORM = "no_platform"  # no platform configured: nothing to reach, no clock to compare
    NO_PLATFORM_CLOCK = "no_platform_clock"  # the platform did not answer: no clock to compare


@dataclass(frozen=True)
class Outcome:
    """What one step of the self-check found: its verdict, the reason code and its arguments."""

    step: Step
    verdict: Verdict
    reason: Reason
    args: tuple[str, ...] = ()

    @staticmethod
    def passed(step: Step, reason: Reason, *args: object) -> Outcome:
        return Outcome(step, Verdict.PASSED, reason, tuple(str(a) for a in args))

    @staticmethod
    def failed(step: Step, reason: Reason, *args: object) -> Outcome:
        return Outcome(step, Verdict.FAILED, reason, tuple(str(a) for a in args))

    @staticmethod
    def skipped(step: Step, reason: Reason) -> Outcome:
        return Outcome(step, Verdict.SKIPPED, reason)


@dataclass(frozen=True)
class SelfCheckResult:
    """One finished self-check: when (seconds since the epoch), who ("staff"), the outcomes.

    For the heartbeat and the metrics: `passed`, `failed_steps`, `at`, `done_today()`.
    """

    at: float
    outcomes: tuple[Outcome, ...]
    by: str = BY_STAFF

    @property
    def passed(self) -> bool:
        """Every step passed or had nothing to check (a step staff skipped did not pass)."""
        return not self.failed_steps

    @property
    def failed_steps(self) -> tuple[str, ...]:
        """The codes of the steps that did not pass (Step values), in checklist order."""
        return tuple(o.step.value for o in self.outcomes if o.verdict is Verdict.FAILED)

    def local_date(self) -> datetime.date:
        return datetime.datetime.fromtimestamp(self.at, BEIJING).date()

    def done_today(self, now: float) -> bool:
        """Run on the same Beijing date as `now`."""
        return self.local_date() == datetime.datetime.fromtimestamp(now, BEIJING).date()

    def to_json(self) -> str:
        return json.dumps(
            {
                "at": self.at,
                "by": self.by,
                "outcomes": [
                    [o.step.value, o.verdict.value, o.reason.value, list(o.args)]
                    for o in self.outcomes
                ],
            },
            ensure_ascii=False,
        )

    @staticmethod
    def from_json(text: str) -> SelfCheckResult:
        """Raises ValueError for a row this version cannot read."""
        try:
            data = json.loads(text)
            outcomes = tuple(
                Outcome(Step(step), Verdict(verdict), Reason(reason), tuple(map(str, args)))
                for step, verdict, reason, args in data["outcomes"]
            )
            return SelfCheckResult(float(data["at"]), outcomes, str(data["by"]))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"unreadable self-check result: {error}") from error


class Phase(enum.Enum):
    IDLE = "idle"  # not started (or finished: see `result`)
    CHECKING = "checking"  # the current step runs or waits for staff
    STOPPED = "stopped"  # the current step failed: staff retry it or skip it
    DONE = "done"


class SelfCheckRun:
    """The checklist as a state machine. The caller runs the current step's check and
    reports its outcome; a failure stops the run at that step until staff retry or skip.

    `unconfigured`: steps this station cannot check, recorded as skipped when reached:
    NO_PLATFORM for the platform and the clock, NOT_CONFIGURED for a device it lacks.
    """

    def __init__(self, *, unconfigured: Iterable[Step] = ()) -> None:
        self._unconfigured = frozenset(unconfigured)
        self.phase = Phase.IDLE
        self.current: Step | None = None
        self.outcomes: dict[Step, Outcome] = {}

    def begin(self) -> Step | None:
        """Start over; returns the first step to check (None: nothing to check)."""
        self.outcomes = {}
        self.phase = Phase.CHECKING
        return self._go(0)

    def report(self, outcome: Outcome) -> Step | None:
        """The current step's outcome; returns the next step to check, None when the run
        stopped (a failure) or is done. An outcome for another step is ignored."""
        if self.phase is not Phase.CHECKING or outcome.step is not self.current:
            return None
        self.outcomes[outcome.step] = outcome
        if outcome.verdict is Verdict.FAILED:
            self.phase = Phase.STOPPED
            return None
        return self._go(STEPS.index(outcome.step) + 1)

    def retry(self) -> Step | None:
        """Check the current step again (it stopped or it is waiting for staff)."""
        if self.current is None or self.phase not in (Phase.STOPPED, Phase.CHECKING):
            return None
        self.outcomes.pop(self.current, None)
        self.phase = Phase.CHECKING
        return self.current

    def skip(self) -> Step | None:
        """Staff move on: a step without an outcome yet is recorded as not checked."""
        if self.current is None or self.phase not in (Phase.STOPPED, Phase.CHECKING):
            return None
        step = self.current
        if step not in self.outcomes:
            self.outcomes[step] = Outcome.failed(step, Reason.SKIPPED_BY_STAFF)
        self.phase = Phase.CHECKING
        return self._go(STEPS.index(step) + 1)

    def result(self, at: float) -> SelfCheckResult:
        """The outcomes so far, in checklist order."""
        return SelfCheckResult(at, tuple(self.outcomes[s] for s in STEPS if s in self.outcomes))

    def _go(self, index: int) -> Step | None:
        for step in STEPS[index:]:
            if step in self._unconfigured:
                platform = step in (Step.PLATFORM, Step.CLOCK)
                reason = Reason.NO_PLATFORM if platform else Reason.NOT_CONFIGURED
                self.outcomes[step] = Outcome.skipped(step, reason)
                continue
            self.current = step
            return step
        self.current = None
        self.phase = Phase.DONE
        return None


# -- the slip and its read-back ------------------------------------------------------------


def new_slip_code() -> str:
    """A fresh code for one slip: a read-back proves this print, not an old slip."""
    return SLIP_PREFIX + secrets.token_hex(8)


def selfcheck_slip(profile: PrinterProfile, code: str, at: float) -> Receipt:
    """The slip staff hold under the scanner: its QR carries `code`."""
    when = datetime.datetime.fromtimestamp(at, BEIJING).strftime("%Y-%m-%d %H:%M")
    return Receipt(
        title="终端自检 Self-check",
        lines=("请把下方二维码放到扫码器下。", "Hold the QR code below under the scanner."),
        pairs=(("时间", when), ("纸宽", f"{profile.paper_mm} mm")),
        qr=code,
        qr_caption="自检码 Self-check code",
        footer=("仅供自检，无需保存 For the self-check only",),
    )


def read_back(expected: str, scanned: str, seconds: float) -> Outcome:
    """The scanner read `scanned` `seconds` after the slip printed."""
    if scanned != expected:
        return Outcome.failed(Step.PRINT, Reason.WRONG_CODE)
    if seconds > READ_BACK_S:
        return Outcome.failed(Step.PRINT, Reason.NOT_READ_BACK, round(READ_BACK_S))
    return Outcome.passed(Step.PRINT, Reason.READ_BACK, round(seconds))


# -- the checks without a device -----------------------------------------------------------


def catalog_outcome(
    version: str,
    stored_at: float | None,
    confirmed_at: float | None,
    now: float,
    max_age_s: float = CATALOG_MAX_AGE_S,
    *,
    unknown_years: tuple[int, ...] = (),
) -> Outcome:
    """Fresh when stored, or confirmed current by the platform, within `max_age_s` (the
    catalog carries no publication time: a district may publish rarely), and with the
    holidays of the years promised dates may reach (`unknown_years` are those it lacks:
    their dates count weekends only)."""
    if not version:
        return Outcome.failed(Step.CATALOG, Reason.NO_CATALOG)
    known = [t for t in (stored_at, confirmed_at) if t is not None]
    if not known:  # built in memory (the sample), never stored
        return Outcome.failed(Step.CATALOG, Reason.CATALOG_STALE, version, "?")
    age_s = max(0.0, now - max(known))
    if age_s > max_age_s:
        return Outcome.failed(Step.CATALOG, Reason.CATALOG_STALE, version, int(age_s // 86400))
    if unknown_years:
        years = "、".join(str(year) for year in unknown_years)
        return Outcome.failed(Step.CATALOG, Reason.CALENDAR_UNKNOWN, years)
    return Outcome.passed(Step.CATALOG, Reason.CATALOG_FRESH, version, int(age_s // 3600))


def disk_outcome(free_bytes: int | None, min_free: int = MIN_FREE_BYTES) -> Outcome:
    """Enough room left in the state folder (None: its free space could not be read)."""
    if free_bytes is None:
        return Outcome.failed(Step.DISK, Reason.DISK_UNREADABLE)
    free_mb = free_bytes // (1024 * 1024)
    if free_bytes < min_free:
        return Outcome.failed(Step.DISK, Reason.DISK_LOW, free_mb, min_free // (1024 * 1024))
    return Outcome.passed(Step.DISK, Reason.DISK_OK, free_mb)


@dataclass(frozen=True)
class PlatformProbe:
    """A heartbeat sent for the self-check: how it went, how long it took, and the
    platform's clock (its Date header) against ours at the middle of the exchange."""

    kind: str  # ok | rejected | busy | offline
    round_trip_ms: int = 0
    server_date: float | None = None  # seconds since the epoch (Date: whole seconds)
    local_time: float = 0.0  # our clock halfway through the exchange
    status: int = 0  # HTTP status when rejected
    code: str = ""  # the platform's error code when rejected or busy
    detail: str = ""  # for the technician (never personal data: a heartbeat has none)


def platform_outcome(probe: PlatformProbe) -> Outcome:
    if probe.kind == "ok":
        return Outcome.passed(Step.PLATFORM, Reason.REACHABLE, probe.round_trip_ms)
    if probe.kind == "rejected":
        return Outcome.failed(Step.PLATFORM, Reason.PLATFORM_REFUSED, probe.status, probe.code)
    if probe.kind == "busy":
        return Outcome.failed(Step.PLATFORM, Reason.PLATFORM_BUSY)
    return Outcome.failed(Step.PLATFORM, Reason.PLATFORM_OFFLINE, probe.detail[:200])


def clock_outcome(probe: PlatformProbe | None, max_skew_s: float = MAX_CLOCK_SKEW_S) -> Outcome:
    """Our clock against the platform's Date header (1 s resolution)."""
    if probe is None or probe.server_date is None:
        return Outcome.skipped(Step.CLOCK, Reason.NO_PLATFORM_CLOCK)
    skew = probe.local_time - probe.server_date
    if abs(skew) > max_skew_s:
        return Outcome.failed(Step.CLOCK, Reason.CLOCK_OFF, round(skew))
    return Outcome.passed(Step.CLOCK, Reason.CLOCK_OK, round(abs(skew)))


def frame_outcome(width: int, height: int, brightest: int) -> Outcome:
    """A camera frame: not empty, and not all black (`brightest`: 0-255 of a downscaled
    copy, so a lens cap or a dead sensor does not pass on a few hot pixels)."""
    if width <= 0 or height <= 0:
        return Outcome.failed(Step.CAMERA, Reason.FRAME_FAILED, "devices.page_unclear")
    if brightest < BLACK_BELOW:
        return Outcome.failed(Step.CAMERA, Reason.FRAME_BLACK)
    return Outcome.passed(Step.CAMERA, Reason.FRAME_OK, width, height)


# -- the results kept ----------------------------------------------------------------------

MIGRATIONS = (
    """
    CREATE TABLE results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        result TEXT NOT NULL
    );
    """,
)


class SelfCheckStore:
    """The last KEEP_RESULTS self-checks, in `selfcheck.db` of the state folder.

    Blocking (SQLite, full sync): use it from a worker thread. A row this version cannot
    read is passed over, never fatal.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = connect(path)
        migrate(self._db, MIGRATIONS)

    def close(self) -> None:
        self._db.close()

    def save(self, result: SelfCheckResult) -> None:
        with immediate(self._db):
            self._db.execute(
                "INSERT INTO results (at, result) VALUES (?, ?)", (result.at, result.to_json())
            )
            self._db.execute(
                "DELETE FROM results WHERE id NOT IN "
                "(SELECT id FROM results ORDER BY id DESC LIMIT ?)",
                (KEEP_RESULTS,),
            )

    def recent(self, limit: int = KEEP_RESULTS) -> list[SelfCheckResult]:
        """The newest first, up to `limit` readable ones."""
        found: list[SelfCheckResult] = []
        for (text,) in self._db.execute("SELECT result FROM results ORDER BY id DESC"):
            try:
                found.append(SelfCheckResult.from_json(text))
            except ValueError:
                continue
            if len(found) >= limit:
                break
        return found

    def last(self) -> SelfCheckResult | None:
        recent = self.recent(1)
        return recent[0] if recent else None

    def done_today(self, now: float) -> bool:
        last = self.last()
        return last is not None and last.done_today(now)
