"""The audit trail (办事留痕): every step of every case, append-only, hash-chained.

No personal data: an apply number, the step, the item code and a short technical note.
Each row's hash covers the previous row's hash, so changing or deleting any row breaks
the chain from there on; `kiosk audit verify` finds the first broken row.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from kiosk.privacy import mask_text
from kiosk.sqlite import connect, migrate

MIGRATIONS = (
    """
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
    """,
)
GENESIS = "0" * 64


def _hash(prev: str, at: float, apply_no: str, event: str, detail: str) -> str:
    record = json.dumps([prev, repr(at), apply_no, event, detail], ensure_ascii=False)
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


class AuditTrail:
    def __init__(self, path: Path) -> None:
        self.path = path
        with self._db() as db:
            migrate(db, MIGRATIONS)

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
                row = db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
                prev = str(row[0]) if row else GENESIS
                at = time.time()
                db.execute(
                    "INSERT INTO audit (at, apply_no, event, detail, prev_hash, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (at, apply_no, event, detail, prev, _hash(prev, at, apply_no, event, detail)),
                )
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

    def verify(self) -> tuple[int, int | None]:
        """(rows checked, sequence number of the first broken row or None)."""
        prev = GENESIS
        count = 0
        with self._db() as db:
            for seq, at, apply_no, event, detail, prev_hash, digest in db.execute(
                "SELECT seq, at, apply_no, event, detail, prev_hash, hash FROM audit ORDER BY seq"
            ):
                count += 1
                if prev_hash != prev or digest != _hash(prev, at, apply_no, event, detail):
                    return count, int(seq)
                prev = digest
        return count, None
