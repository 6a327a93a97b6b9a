"""Who may open staff mode: the PIN check, the lockout after wrong PINs, the audit trail.

Five wrong PINs in a row lock staff mode for 1 minute, the next five for 2, then 4, … up
to an hour; a right PIN starts over. The counters sit in a one-row SQLite table next to
the audit trail, so restarting the kiosk does not reset them. Every attempt, success and
lockout is written to the audit trail (no PIN, no personal data: only counts and times).

Blocking (scrypt and SQLite): call it from a worker thread, never the GUI thread.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.audit import AuditTrail
from kiosk.health import STAFF_REASONS
from kiosk.sqlite import connect, immediate, migrate
from kiosk.staffpin import verify_pin

ATTEMPTS_BEFORE_LOCK = 5
FIRST_LOCK_S = 60
LONGEST_LOCK_S = 3600
AUDIT_SUBJECT = "staff"  # the audit trail's apply_no column for staff-mode events

MIGRATIONS = (
    """
    CREATE TABLE staff_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL,
        lockouts INTEGER NOT NULL,
        locked_until REAL NOT NULL
    );
    INSERT INTO staff_lock (id, failures, lockouts, locked_until) VALUES (1, 0, 0, 0);
    """,
    """
    CREATE TABLE out_of_service (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        reason TEXT NOT NULL,
        since REAL NOT NULL
    );
    INSERT INTO out_of_service (id, reason, since) VALUES (1, '', 0);
    """,
)


class Outcome(enum.Enum):
    READY = "ready"  # the pad takes a PIN (status only)
    GRANTED = "granted"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not_set"


@dataclasses.dataclass(frozen=True)
class Verdict:
    """The answer to one attempt (or to "may I try?"): what to show on the pad."""

    outcome: Outcome
    tries_left: int = ATTEMPTS_BEFORE_LOCK
    locked_s: int = 0  # seconds until the pad takes PINs again


def lock_duration_s(lockouts: int) -> int:
    """1 min for the first lockout, doubling with each one after, at most an hour."""
    return int(min(LONGEST_LOCK_S, FIRST_LOCK_S * 2 ** max(0, lockouts - 1)))


class StaffAccess:
    def __init__(
        self,
        pin_hash: str,
        state_path: Path,
        audit: AuditTrail,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`state_path`: the SQLite file of the lockout counters. `clock`: wall-clock
        seconds (a lockout outlives a restart, so not a monotonic clock)."""
        self._pin_hash = pin_hash
        self._path = state_path
        self._audit = audit
        self._clock = clock
        with self._db() as db:
            migrate(db, MIGRATIONS)

    @property
    def configured(self) -> bool:
        return bool(self._pin_hash)

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        connection = connect(self._path)
        try:
            yield connection
        finally:
            connection.close()

    def _locked_s(self, locked_until: float, lockouts: int) -> int:
        # A clock set back must not stretch a lockout beyond its own length.
        left = min(locked_until - self._clock(), lock_duration_s(lockouts))
        return max(0, int(left + 0.999))

    def status(self) -> Verdict:
        """Whether the pad takes a PIN now, without trying one."""
        if not self.configured:
            return Verdict(Outcome.NOT_SET)
        with self._db() as db:
            failures, lockouts, locked_until = db.execute(
                "SELECT failures, lockouts, locked_until FROM staff_lock"
            ).fetchone()
        locked_s = self._locked_s(locked_until, lockouts)
        if locked_s:
            return Verdict(Outcome.LOCKED, 0, locked_s)
        return Verdict(Outcome.READY, ATTEMPTS_BEFORE_LOCK - failures)

    def attempt(self, pin: str) -> Verdict:
        """Check one PIN, count it, and write it to the audit trail."""
        if not self.configured:
            self._audit.record(AUDIT_SUBJECT, "staff_pin_refused", "no staff PIN is set")
            return Verdict(Outcome.NOT_SET)
        before = self.status()
        if before.outcome is Outcome.LOCKED:
            self._audit.record(
                AUDIT_SUBJECT, "staff_pin_refused", f"locked for another {before.locked_s} s"
            )
            return before
        right = verify_pin(pin, self._pin_hash)
        with self._db() as db, immediate(db):
            failures, lockouts, _ = db.execute(
                "SELECT failures, lockouts, locked_until FROM staff_lock"
            ).fetchone()
            verdict, row = self._count(right, failures, lockouts)
            db.execute("UPDATE staff_lock SET failures = ?, lockouts = ?, locked_until = ?", row)
        self._record(verdict, failures + 1, row[1])
        return verdict

    def _count(
        self, right: bool, failures: int, lockouts: int
    ) -> tuple[Verdict, tuple[int, int, float]]:
        if right:
            return Verdict(Outcome.GRANTED), (0, 0, 0.0)
        failures += 1
        if failures < ATTEMPTS_BEFORE_LOCK:
            tries_left = ATTEMPTS_BEFORE_LOCK - failures
            return Verdict(Outcome.WRONG, tries_left), (failures, lockouts, 0.0)
        lockouts += 1
        duration = lock_duration_s(lockouts)
        return (
            Verdict(Outcome.LOCKED, 0, duration),
            (0, lockouts, self._clock() + duration),
        )

    def _record(self, verdict: Verdict, attempt_no: int, lockouts: int) -> None:
        if verdict.outcome is Outcome.GRANTED:
            self._audit.record(AUDIT_SUBJECT, "staff_pin_accepted", "staff mode opened")
            return
        self._audit.record(
            AUDIT_SUBJECT,
            "staff_pin_wrong",
            f"wrong PIN, attempt {attempt_no} of {ATTEMPTS_BEFORE_LOCK}",
        )
        if verdict.outcome is Outcome.LOCKED:
            self._audit.record(
                AUDIT_SUBJECT,
                "staff_locked_out",
                f"lockout {lockouts}: staff mode locked for {verdict.locked_s} s",
            )

    def out_of_service(self) -> tuple[str, float]:
        """Why and since when staff took the terminal out of service; ("", 0) if they did
        not. Kept here so that a restart does not put it back in service by itself."""
        with self._db() as db:
            reason, since = db.execute("SELECT reason, since FROM out_of_service").fetchone()
        return (str(reason), float(since)) if reason in STAFF_REASONS else ("", 0.0)

    def set_out_of_service(self, reason: str) -> tuple[str, float]:
        """Take the terminal out of service for `reason` (one of STAFF_REASONS), or back in
        service with ""; written to the audit trail. Returns the new state."""
        if reason and reason not in STAFF_REASONS:
            raise ValueError(f"not a reason for taking a terminal out of service: {reason!r}")
        since = self._clock() if reason else 0.0
        with self._db() as db:
            db.execute("UPDATE out_of_service SET reason = ?, since = ?", (reason, since))
        if reason:
            self._audit.record(AUDIT_SUBJECT, "out_of_service", f"taken out of service: {reason}")
        else:
            self._audit.record(AUDIT_SUBJECT, "back_in_service", "back in service")
        return reason, since

    def record(self, event: str, detail: str = "") -> None:
        """Another staff-mode step for the audit trail (a reprint, a discarded receipt)."""
        self._audit.record(AUDIT_SUBJECT, event, detail)
