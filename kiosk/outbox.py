"""The durable outbox: what residents submitted, encrypted, until the platform confirms it.

`enqueue()` returns only after the encrypted row is committed with SQLite's full sync, so a
submission the screen calls received survives a power cut. Rows leave in order. A row the
platform confirmed is deleted; only a non-personal delivery record (apply number, kind,
case number, time) stays. A row that cannot be decrypted or that the platform refuses is
quarantined: kept, counted and reported to staff, never silently dropped.

Payloads are encrypted with AES-GCM; the associated data binds each ciphertext to its row's
kind and idempotency key, so rows cannot be swapped or replayed under another key.

A row may be held back when stored (`not_before`): an anonymous survey answer leaves a
random while later, so its arrival does not tell which visit it came from. Until then it is
not there for anyone but the outbox: not sent, not counted in the depth or the oldest age
the heartbeat reports (either would date it), stamped as created when its hold ends; and
survey answers leave only when no other row is ready, never right behind their visit's
case after an outage. Delivered, it leaves no record (a record would date it too).

Deleted means gone from the disk: SQLite overwrites a deleted row with zeros
(`secure_delete`, see kiosk/sqlite.py), and the WAL, which still holds the pages as they
were when the row was written, is copied into the database and truncated (an *erasure*).
That costs three disk syncs, so deliveries in quick succession share one. A delivered row
is erased by its own delivery unless another row is ready to go at once and the last
erasure is under ERASE_EVERY_S old; then by the first of: a delivery ERASE_EVERY_S after
the last erasure, a pause in the drain (a wait, a paced catch-up, a failed send, a refusal,
nothing left; kiosk.delivery.Deliverer calls `erase_owed()`), `close()`, or the next start
after a crash or a stop in the middle of a send. A backlog sent back to back thus leaves
the disk at least every ERASE_EVERY_S plus one send.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.sqlite import connect, immediate, migrate

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

# Rows that count: not quarantined, not held back (a held row not yet tried, at `now`).
_READY = "quarantined = '' AND (attempts > 0 OR next_attempt_at <= ?)"
ANONYMOUS = ("survey",)  # kinds that must not be tied to a visit
# The head of the queue: named rows in order, anonymous answers only when none is ready.
_HEAD_SELECT = (
    "SELECT id, kind, idempotency_key, apply_no, attempts, next_attempt_at, "  # noqa: S608 - constants
    f"CAST(payload AS BLOB) FROM pending WHERE {_READY} AND kind"
)
_ANONYMOUS_KINDS = ", ".join(f"'{kind}'" for kind in ANONYMOUS)
_HEAD_NAMED = f"{_HEAD_SELECT} NOT IN ({_ANONYMOUS_KINDS}) ORDER BY id LIMIT 1"
_HEAD_ANONYMOUS = f"{_HEAD_SELECT} IN ({_ANONYMOUS_KINDS}) ORDER BY id LIMIT 1"

# Draining a backlog: delivered rows leave the disk at least this often (see above).
ERASE_EVERY_S = 1.0
# Rows that could be sent at once (not quarantined, not held back or backing off, at `now`).
_SENDABLE = "SELECT 1 FROM pending WHERE quarantined = '' AND next_attempt_at <= ? LIMIT 1"

KINDS = ("material", "case", "question", "home_visit", "evaluation", "survey")


MIGRATIONS = (
    """
    CREATE TABLE pending (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        apply_no TEXT NOT NULL,
        created_at REAL NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        quarantined TEXT NOT NULL DEFAULT '',
        payload BLOB NOT NULL
    );
    CREATE TABLE delivered (
        idempotency_key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        apply_no TEXT NOT NULL,
        reference TEXT NOT NULL,
        delivered_at REAL NOT NULL
    );
    CREATE INDEX delivered_apply_no ON delivered (apply_no);
    """,
    """
    CREATE TABLE apply_sequence (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
    """,
)


APPLY_NO_MAX = 40  # openapi.yaml, ApplyNo


class OutboxError(RuntimeError):
    """The outbox cannot take a submission (disk full, database unusable)."""


@dataclass(frozen=True)
class Entry:
    """A pending row with its payload decrypted (personal data: keep it short-lived)."""

    id: int
    kind: str
    idempotency_key: str
    apply_no: str
    attempts: int
    due_at: float  # not before this time (backoff)
    payload: dict[str, Any]


@dataclass(frozen=True)
class Broken:
    """A pending row whose payload cannot be read back (corrupted or wrong key)."""

    id: int
    kind: str
    apply_no: str
    reason: str


class Outbox:
    """`clock` (monotonic seconds) times the erasures; tests pass their own."""

    def __init__(
        self, path: Path, key: bytes, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.path = path
        if len(key) not in (16, 24, 32):
            raise ValueError("AESGCM key must be 128, 192, or 256 bits.")
        self._key = key
        # cryptography (8-9 MB resident) loads with the first row sealed or opened: a station
        # idles with an empty outbox most of the day.
        self._cipher: AESGCM | None = None
        self._local = threading.local()
        self._clock = clock
        self._erased_at = clock()
        with self._db() as db:
            migrate(db, MIGRATIONS)
            # Deliveries cut short before their erasure (a crash, a stop mid-send) are
            # erased now; if a reader holds the WAL back, the first pause tries again.
            self._erasure_owed = not _truncate_wal(db)  # deleted rows may be in the WAL

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (the session enqueues, the sync worker drains)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = connect(self.path)
            self._local.connection = connection
        yield connection

    def _aead(self) -> AESGCM:
        if self._cipher is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._cipher = AESGCM(self._key)
        return self._cipher

    def _decrypt(self, sealed: bytes, kind: str, key: str) -> bytes:
        """A row's payload; raises ValueError when it cannot be decrypted."""
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead().decrypt(bytes(sealed[:12]), bytes(sealed[12:]), _aad(kind, key))
        except InvalidTag:
            raise ValueError("payload cannot be decrypted") from None

    def close(self) -> None:
        """Close this thread's connection (each thread closes its own), erasing first
        what deliveries left in the WAL."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            self._erase_owed(connection)
            connection.close()
            self._local.connection = None

    def next_apply_no(self, terminal_id: str, day: datetime.date) -> str:
        """This terminal's next receipt number of the day, e.g. XC-YT-BYG-0001-20261126-0007.

        Kept in the outbox's database, so numbers never repeat across restarts.
        """
        stamp = day.strftime("%Y%m%d")
        with self._db() as db, immediate(db):
            db.execute(
                "INSERT INTO apply_sequence VALUES (?, 1) "
                "ON CONFLICT(day) DO UPDATE SET last = last + 1",
                (stamp,),
            )
            last = int(
                db.execute("SELECT last FROM apply_sequence WHERE day = ?", (stamp,)).fetchone()[0]
            )
        apply_no = f"{terminal_id.upper()}-{stamp}-{last:04d}"
        if len(apply_no) > APPLY_NO_MAX:  # settings keep ids short enough; this is the proof
            raise OutboxError(f"receipt number longer than the contract's {APPLY_NO_MAX}")
        return apply_no

    # writing ---------------------------------------------------------------------------------

    def enqueue(
        self, kind: str, payload: dict[str, Any], *, apply_no: str, not_before: float = 0.0
    ) -> str:
        """Store one submission durably; returns its idempotency key. `not_before` (seconds
        since the epoch) holds it back until then; rows stored later may leave first.

        When this returns, the row is on disk (WAL, synchronous=FULL): only then may the
        screen say the submission was received.
        """
        return self.enqueue_all([(kind, payload)], apply_no=apply_no, not_before=not_before)[0]

    def enqueue_all(
        self,
        rows: list[tuple[str, dict[str, Any]]],
        *,
        apply_no: str,
        apply_nos: list[str] | None = None,
        not_before: float = 0.0,
    ) -> list[str]:
        """Store several rows of one submission in one durable transaction (all or none),
        to be sent in this order; returns their idempotency keys. `apply_nos`, one per row,
        files the rows of linked cases (a bundle) under their own numbers."""
        numbers = apply_nos if apply_nos is not None else [apply_no] * len(rows)
        if len(numbers) != len(rows):
            raise ValueError("one apply number per row")
        sealed_rows = []
        for (kind, payload), number in zip(rows, numbers, strict=True):
            if kind not in KINDS:
                raise ValueError(f"unknown outbox kind {kind!r}")
            key = uuid.uuid4().hex
            nonce = os.urandom(12)
            plain = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            sealed = nonce + self._aead().encrypt(nonce, plain, _aad(kind, key))
            created = max(time.time(), not_before)  # a held row dated by its hold's end
            sealed_rows.append((kind, key, number, created, not_before, sealed))
        try:
            with self._db() as db, immediate(db):
                db.executemany(
                    "INSERT INTO pending (kind, idempotency_key, apply_no, created_at, "
                    "next_attempt_at, payload) VALUES (?, ?, ?, ?, ?, ?)",
                    sealed_rows,
                )
        except sqlite3.Error as error:
            raise OutboxError(f"could not store the submission: {error}") from None
        return [row[1] for row in sealed_rows]

    # reading ---------------------------------------------------------------------------------

    def head(self, now: float | None = None) -> Entry | Broken | None:
        """The oldest row not quarantined nor held back at `now` (by default: now),
        decrypted; None when there is none."""
        now = time.time() if now is None else now
        with self._db() as db:
            # Anonymous answers last: two walks in id order that stop at their first row, not
            # one sort of every row waiting (a backlog's drain would grow as its square).
            row = (
                db.execute(_HEAD_NAMED, (now,)).fetchone()
                or db.execute(_HEAD_ANONYMOUS, (now,)).fetchone()
            )
        if row is None:
            return None
        row_id, kind, key, apply_no, attempts, due_at, sealed = row
        try:
            payload = json.loads(self._decrypt(sealed, kind, key).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return Broken(row_id, kind, apply_no, "payload cannot be decrypted or read")
        return Entry(row_id, kind, key, apply_no, int(attempts), float(due_at), payload)

    def depth(self) -> int:
        """Rows waiting to be sent (not those held back)."""
        with self._db() as db:
            return int(
                db.execute(
                    f"SELECT COUNT(*) FROM pending WHERE {_READY}",  # noqa: S608 - a constant
                    (time.time(),),
                ).fetchone()[0]
            )

    def oldest_age_s(self, now: float) -> float:
        with self._db() as db:
            row = db.execute(
                f"SELECT MIN(created_at) FROM pending WHERE {_READY}",  # noqa: S608 - a constant
                (now,),
            ).fetchone()
        return max(0.0, now - float(row[0])) if row and row[0] is not None else 0.0

    def quarantined(self) -> list[tuple[str, str, str]]:
        """(kind, apply number, reason) of every quarantined row, for staff."""
        with self._db() as db:
            rows = db.execute(
                "SELECT kind, apply_no, quarantined FROM pending WHERE quarantined != '' "
                "ORDER BY id"
            ).fetchall()
        return [(str(k), str(a), str(r)) for k, a, r in rows]

    def reference(self, apply_no: str, kind: str = "") -> str:
        """What the platform called a delivered submission of `kind`, or "" (by default,
        the case the apply number became: an application's, a question's or a home visit's)."""
        with self._db() as db:
            row = (
                db.execute(
                    "SELECT reference FROM delivered WHERE apply_no = ? AND kind = ?",
                    (apply_no, kind),
                )
                if kind
                else db.execute(  # what the platform files as a case
                    "SELECT reference FROM delivered WHERE apply_no = ? "
                    "AND kind IN ('case', 'question', 'home_visit')",
                    (apply_no,),
                )
            ).fetchone()
        return str(row[0]) if row else ""

    def pending_case(self, apply_no: str) -> dict[str, Any] | None:
        """A pending case's payload (an application's, a question's or a home visit's),
        decrypted for the
        moment (personal data: compare and drop it); None if there is none or it cannot be
        read."""
        with self._db() as db:
            row = db.execute(
                "SELECT kind, idempotency_key, CAST(payload AS BLOB) FROM pending "
                "WHERE apply_no = ? AND kind IN ('case', 'question', 'home_visit')",
                (apply_no,),
            ).fetchone()
        if row is None:
            return None
        kind, key, sealed = row
        try:
            payload = json.loads(self._decrypt(sealed, kind, key).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        return payload if isinstance(payload, dict) else None

    def is_pending(self, apply_no: str) -> bool:
        with self._db() as db:
            row = db.execute("SELECT 1 FROM pending WHERE apply_no = ?", (apply_no,)).fetchone()
        return row is not None

    # outcomes --------------------------------------------------------------------------------

    def delivered(self, entry: Entry, reference: str) -> None:
        """Confirmed by the platform: the personal payload goes, a plain record stays.

        Without a disk sync: should power fail before it reaches the disk, the row is sent
        once more and the platform answers from its idempotency record.
        """
        with self._db() as db:
            db.execute("PRAGMA synchronous=NORMAL")
            try:
                with immediate(db):
                    if entry.kind not in ANONYMOUS:
                        db.execute(
                            "INSERT OR REPLACE INTO delivered VALUES (?, ?, ?, ?, ?)",
                            (
                                entry.idempotency_key,
                                entry.kind,
                                entry.apply_no,
                                reference,
                                time.time(),
                            ),
                        )
                    db.execute("DELETE FROM pending WHERE id = ?", (entry.id,))
            finally:
                db.execute("PRAGMA synchronous=FULL")
            self._erasure_owed = True
            if (
                self._clock() - self._erased_at >= ERASE_EVERY_S
                or db.execute(_SENDABLE, (time.time(),)).fetchone() is None
            ):
                self._erase_owed(db)

    def retry_later(self, row_id: int, at: float, error: str) -> None:
        with self._db() as db:
            db.execute(
                "UPDATE pending SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                "WHERE id = ?",
                (at, error[:300], row_id),
            )
            self._erase_owed(db)  # the drain pauses

    def erase_owed(self) -> None:
        """Erase what deliveries left in the WAL, if anything: for a drain that pauses
        (kiosk.delivery.Deliverer calls it whenever its next send is not at once)."""
        if self._erasure_owed:
            with self._db() as db:
                self._erase_owed(db)

    def quarantine(self, row_id: int, reason: str) -> None:
        with self._db() as db:
            db.execute(
                "UPDATE pending SET quarantined = ? WHERE id = ?", (reason[:300] or "?", row_id)
            )
            self._erase_owed(db)

    def _erase_owed(self, db: sqlite3.Connection) -> None:
        """Truncate the WAL if a row was deleted since it last was."""
        if self._erasure_owed and _truncate_wal(db):
            self._erasure_owed = False
            self._erased_at = self._clock()


def _truncate_wal(db: sqlite3.Connection) -> bool:
    """Copy the WAL into the database and cut it to zero bytes: the earlier versions of
    deleted rows' pages go with it. False when a reader held it back: the erasure stays
    owed, and the next delivery, pause or start tries again."""
    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        log.warning("outbox: the write-ahead log could not be truncated yet")
    return not busy


def _aad(kind: str, key: str) -> bytes:
    return f"{kind}:{key}".encode()
