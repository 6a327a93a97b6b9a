"""The audit trail (办事留痕): every step of every case, append-only, chained under a key.

No personal data: an apply number, the step, the item code and a short technical note.
Each row carries an HMAC-SHA256, under the terminal's audit key, of the previous row's MAC,
its own sequence number and its fields. Rows are numbered 1, 2, 3, … without gaps
(AUTOINCREMENT never reuses a number, and nothing deletes), so `verify` fails at the first
row whose number is not the next one, as well as at the first row whose MAC does not check
out: deleting, inserting, changing or renumbering a row breaks the chain from there on, and
without the key nobody can forge a new one (a plain hash chain anyone can recompute).
`kiosk audit verify` finds the first broken row. Cutting rows off the end leaves a valid
chain, so the heartbeat tells the district the head (sequence number and MAC): a head that
goes backwards or changes betrays it.

Trails written by an older kiosk (plain SHA-256, schema version 1) are sealed with the key
only when this kiosk could not have keyed them before: in the start that created the
audit key (the caller knows: kiosk/app/cli.py, `seal=True`), or when they have no rows.
Sealing checks their plain chain, gives every row its MAC, and appends a keyed row
`audit_keyed` saying how many rows were sealed and whether their plain chain was intact
(rows changed before that are told apart no better than the old chain allowed).
Otherwise an older-version trail is left as it is and stays not keyed: whoever can write
the file can turn a keyed trail into one of those, so sealing it would launder a rewrite.
`keyed()` is false, `verify` fails at its first row, `kiosk audit verify` says so, and the
heartbeat's head carries a MAC of 64 zeros, which the district reads as "not keyed".
Whoever can also delete the audit key makes the next start create a new one and seal a
rewrite; a key in a credentials folder (kiosk/keyfiles.py) is never created by the kiosk.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import logging
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.privacy import mask_text
from kiosk.sqlite import Migration, connect, immediate, migrate

log = logging.getLogger(__name__)

GENESIS = "0" * 64  # the "previous MAC" of row 1, and the head's MAC of a trail not keyed
KEYED_EVENT = "audit_keyed"
KEYED_VERSION = 2  # the schema version from which rows carry MACs
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


class _SealingRefusedError(Exception):
    """An older kiosk's trail with rows, opened without leave to seal it (see the top)."""


def _seal_plain_rows(db: sqlite3.Connection, key: bytes, *, allowed: bool) -> None:
    """Schema version 2: the rows of a version-1 trail get their MACs (see the top)."""
    rows = db.execute(
        "SELECT seq, at, apply_no, event, detail, prev_hash, hash FROM audit ORDER BY seq"
    ).fetchall()
    if not rows:
        return
    if not allowed:
        raise _SealingRefusedError
    plain, mac, broken = GENESIS, GENESIS, None
    db.execute("DROP TRIGGER IF EXISTS audit_no_update")
    for number, (seq, at, apply_no, event, detail, prev_hash, digest) in enumerate(rows, 1):
        if broken is None and (
            seq != number
            or prev_hash != plain
            or digest != _plain_hash(plain, at, apply_no, event, detail)
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


def _migrations(key: bytes, *, seal: bool) -> tuple[Migration, ...]:
    # Version 2 (keyed): prev_hash and hash hold HMACs from here on.
    return (SCHEMA_V1, functools.partial(_seal_plain_rows, key=key, allowed=seal))


def _keyed(db: sqlite3.Connection) -> bool:
    return int(db.execute("PRAGMA user_version").fetchone()[0]) >= KEYED_VERSION


class AuditTrail:
    def __init__(
        self, path: Path, key: bytes, *, seal: bool = False, check_only: bool = False
    ) -> None:
        """Opens the trail, creating it keyed when it is new or empty.

        `seal=True` only from the start that created `key`: a trail an older kiosk wrote
        is then sealed with it; otherwise such a trail is left as it is, not keyed (see the
        top). `check_only=True` changes nothing in the file (`kiosk audit verify`).
        """
        self.path = path
        self._key = key
        if check_only:
            return
        with self._db() as db:
            try:
                migrate(db, _migrations(key, seal=seal))
            except _SealingRefusedError:
                log.warning(
                    "audit trail %s was written by an older kiosk and the audit key is not "
                    "new: it is left not keyed (`kiosk audit verify` reports it)",
                    path,
                )

    def keyed(self) -> bool:
        """False for a trail an older kiosk wrote that this one has not sealed (see the top)."""
        with self._db() as db:
            return _keyed(db)

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
        with self._db() as db, immediate(db):
            _append(db, self._key, apply_no, event, detail)

    def steps(self, apply_no: str) -> list[str]:
        with self._db() as db:
            rows = db.execute(
                "SELECT event FROM audit WHERE apply_no = ? ORDER BY seq", (apply_no,)
            ).fetchall()
        return [str(row[0]) for row in rows]

    def head(self) -> Head:
        """What the heartbeat reports, so that the district notices a trail cut short.

        The MAC is GENESIS (64 zeros) for a trail that is not keyed: its rows prove nothing.
        """
        with self._db() as db:
            keyed = _keyed(db)
            row = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        if row is None:
            return Head(0, GENESIS)
        return Head(int(row[0]), str(row[1]) if keyed else GENESIS)

    def verify(self) -> tuple[int, int | None]:
        """(rows checked, sequence number of the first broken row or None).

        A row is broken when its number is not the one after the previous row's (rows are
        numbered from 1 without gaps) or its MAC does not check out. A trail that is not
        keyed fails at its first row, whatever its rows hold.
        """
        prev = GENESIS
        count = 0
        with self._db() as db:
            keyed = _keyed(db)
            for seq, at, apply_no, event, detail, prev_hash, mac in db.execute(
                "SELECT seq, at, apply_no, event, detail, prev_hash, hash FROM audit ORDER BY seq"
            ):
                count += 1
                if not keyed or seq != count:
                    return count, int(seq)
                expected = _mac(self._key, prev, (int(seq), at, apply_no, event, detail))
                if prev_hash != prev or not hmac.compare_digest(str(mac), expected):
                    return count, int(seq)
                prev = str(mac)
        return count, None
