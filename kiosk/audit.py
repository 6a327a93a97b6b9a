"""The audit trail (办事留痕): every step of every case, append-only, chained under a key.

No personal data: an apply number, the step, the item code and a short technical note.
Each row carries an HMAC-SHA256, under the terminal's audit key, of the previous row's MAC,
its own sequence number and its fields. Changing, deleting or inserting a row breaks the
chain from there on, and without the key nobody can forge a new one (a plain hash chain
anyone can recompute); `kiosk audit verify` finds the first broken row. Cutting rows off
the end leaves a valid chain, so the heartbeat tells the district the head (sequence
number and MAC): a head that goes backwards or changes betrays it.

Trails written by an older kiosk (plain SHA-256, schema version 1) are sealed once, when
the keyed version first opens them: their plain chain is checked, every row gets its MAC,
and a keyed row `audit_keyed` records how many rows were sealed and whether their plain
chain was intact. Rows that were tampered with before that cannot be told apart any more
than the old chain allowed; from then on only the key makes a valid chain.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.privacy import mask_text
from kiosk.sqlite import Migration, connect, migrate

GENESIS = "0" * 64
KEYED_EVENT = "audit_keyed"
APPEND_ONLY = (
    """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
)


@dataclass(frozen=True)
class Head:
    """The last row of the trail: its sequence number and MAC (0 and GENESIS when empty)."""

    seq: int
    mac: str


def _plain_hash(prev: str, at: float, apply_no: str, event: str, detail: str) -> str:
    """The unkeyed hash of schema version 1, only to check old rows before sealing them."""
    record = json.dumps([prev, repr(at), apply_no, event, detail], ensure_ascii=False)
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


Row = tuple[int, float, str, str, str]  # seq, at, apply_no, event, detail


def _mac(key: bytes, prev: str, row: Row) -> str:
    seq, at, apply_no, event, detail = row
    record = json.dumps([prev, seq, repr(at), apply_no, event, detail], ensure_ascii=False)
    return hmac.new(key, record.encode("utf-8"), hashlib.sha256).hexdigest()


def _append(db: sqlite3.Connection, key: bytes, apply_no: str, event: str, detail: str) -> None:
    """One keyed row after the current head; the caller holds the write transaction."""
    last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    prev = str(last[1]) if last else GENESIS
    # AUTOINCREMENT's counter, so a number once used is never used again.
    counter = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
    seq = max(int(counter[0]) if counter else 0, int(last[0]) if last else 0) + 1
    row: Row = (seq, time.time(), apply_no, event, detail)
    db.execute(
        "INSERT INTO audit (seq, at, apply_no, event, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (*row, prev, _mac(key, prev, row)),
    )


def _seal_plain_rows(db: sqlite3.Connection, key: bytes) -> None:
    """Schema version 2: the rows of a version-1 trail get their MACs (see the top)."""
    rows = db.execute(
        "SELECT seq, at, apply_no, event, detail, prev_hash, hash FROM audit ORDER BY seq"
    ).fetchall()
    if not rows:
        return
    plain, mac, broken = GENESIS, GENESIS, None
    db.execute("DROP TRIGGER IF EXISTS audit_no_update")
    for seq, at, apply_no, event, detail, prev_hash, digest in rows:
        if broken is None and (
            prev_hash != plain or digest != _plain_hash(plain, at, apply_no, event, detail)
        ):
            broken = int(seq)
        plain, prev = str(digest), mac
        mac = _mac(key, prev, (int(seq), at, apply_no, event, detail))
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, mac, seq))
    for trigger in APPEND_ONLY:  # also where someone had dropped one
        db.execute(trigger)
    state = "intact" if broken is None else f"broken at row {broken}"
    _append(db, key, "-", KEYED_EVENT, f"{len(rows)} earlier rows sealed; plain chain {state}")


SCHEMA_V1 = """
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        apply_no TEXT NOT NULL,
        event TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""


def _migrations(key: bytes) -> tuple[Migration, ...]:
    # Version 2 (keyed): prev_hash and hash hold HMACs from here on.
    return (SCHEMA_V1, functools.partial(_seal_plain_rows, key=key))


class AuditTrail:
    def __init__(self, path: Path, key: bytes, *, seal: bool = True) -> None:
        """`seal=False` only checks: a trail of an older kiosk is left as it is."""
        self.path = path
        self._key = key
        if seal:
            with self._db() as db:
                migrate(db, _migrations(key))

    def keyed(self) -> bool:
        """False for a trail an older kiosk wrote and this one has not sealed yet."""
        with self._db() as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0]) >= len(_migrations(b""))

    def sealing_note(self) -> str:
        """What sealing an older trail found ("" if this trail was keyed from the start)."""
        with self._db() as db:
            row = db.execute(
                "SELECT detail FROM audit WHERE event = ? ORDER BY seq LIMIT 1", (KEYED_EVENT,)
            ).fetchone()
        return str(row[0]) if row else ""

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        connection = connect(self.path)
        try:
            yield connection
        finally:
            connection.close()

    def record(self, apply_no: str, event: str, detail: str = "") -> None:
        """Append one step. `detail` is masked again here as a second line of defence."""
        detail = mask_text(detail)[:200]
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                _append(db, self._key, apply_no, event, detail)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def steps(self, apply_no: str) -> list[str]:
        with self._db() as db:
            rows = db.execute(
                "SELECT event FROM audit WHERE apply_no = ? ORDER BY seq", (apply_no,)
            ).fetchall()
        return [str(row[0]) for row in rows]

    def head(self) -> Head:
        """What the heartbeat reports, so that the district notices a trail cut short."""
        with self._db() as db:
            row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return Head(int(row[0]), str(row[1])) if row else Head(0, GENESIS)

    def verify(self) -> tuple[int, int | None]:
        """(rows checked, sequence number of the first broken row or None)."""
        prev = GENESIS
        count = 0
        with self._db() as db:
            for seq, at, apply_no, event, detail, prev_hash, mac in db.execute(
                "SELECT seq, at, apply_no, event, detail, prev_hash, hash FROM audit ORDER BY seq"
            ):
                count += 1
                expected = _mac(self._key, prev, (int(seq), at, apply_no, event, detail))
                if prev_hash != prev or not hmac.compare_digest(str(mac), expected):
                    return count, int(seq)
                prev = str(mac)
        return count, None
