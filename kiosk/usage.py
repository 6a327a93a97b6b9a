"""Anonymous usage figures for the district's 预判需求 (demand forecasting): per local day
(Asia/Shanghai) and catalog item, how often a guide was opened (viewed), opened from a
search result (searched), applied for and rated.

Counts only. A figure is a date, an item code and four numbers: no person, no session, no
time of day, no search text (docs/security.md, "Usage figures"). They are counted in memory
on the GUI thread (`UsageTally`: one dictionary increment), written to SQLite by the sync
worker (`UsageStore`, its own file in the state folder) and sent to the platform in
batches whose id is the idempotency key (`report_usage`): a batch is removed only once the
platform has taken it, and a resent batch is the same batch, so each count arrives once.
"""

from __future__ import annotations

import datetime
import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.sqlite import connect, immediate, migrate

if TYPE_CHECKING:
    from kiosk.district.client import PlatformClient

log = logging.getLogger(__name__)

USAGE_KINDS = ("viewed", "searched", "applied", "rated")
LOCAL_ZONE = ZoneInfo("Asia/Shanghai")  # the district's days, whatever the machine's zone
MAX_ITEM_CODE = 64  # catalog codes are short; anything longer is not counted
MAX_DAYS = 92  # kept while the platform is unreachable: a quarter, then the oldest go
MAX_ROWS = 100_000  # days × items kept at most (a catalog has hundreds of items)
BATCH_ROWS = 500  # per request, as the contract bounds it (UsageFigures)
BATCHES_PER_REPORT = 20  # one report sends at most this many batches; the rest wait

MIGRATIONS = (
    """
    CREATE TABLE usage_count (
        day TEXT NOT NULL,
        item TEXT NOT NULL,
        viewed INTEGER NOT NULL DEFAULT 0,
        searched INTEGER NOT NULL DEFAULT 0,
        applied INTEGER NOT NULL DEFAULT 0,
        rated INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, item)
    );
    CREATE TABLE usage_batch (
        batch_id TEXT PRIMARY KEY,
        first_day TEXT NOT NULL,
        figures TEXT NOT NULL
    );
    """,
)


@dataclass(frozen=True)
class UsageFigure:
    """How often one item was used on one local day (`day`: YYYY-MM-DD)."""

    day: str
    item: str
    viewed: int = 0
    searched: int = 0
    applied: int = 0
    rated: int = 0


def local_day(at: float) -> str:
    """The district's date (Asia/Shanghai) at `at` seconds since the epoch."""
    return datetime.datetime.fromtimestamp(at, LOCAL_ZONE).date().isoformat()


class UsageTally:
    """The counts since the last `take()`, in memory (GUI thread: a dictionary increment
    per count, no I/O)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._counts: dict[tuple[str, str], dict[str, int]] = {}

    def count(self, item_code: str, kind: str) -> None:
        """One `kind` (USAGE_KINDS) of use of the item `item_code`; anything else, or a code
        that cannot be a catalog code, is not counted."""
        if kind not in USAGE_KINDS or not item_code or len(item_code) > MAX_ITEM_CODE:
            return
        counts = self._counts.setdefault((local_day(self._clock()), item_code), {})
        counts[kind] = counts.get(kind, 0) + 1

    def take(self) -> tuple[UsageFigure, ...]:
        """The counts so far, as figures; the tally starts again from nothing."""
        counts, self._counts = self._counts, {}
        return tuple(
            UsageFigure(day, item, **kinds) for (day, item), kinds in sorted(counts.items())
        )


class UsageStore:
    """The figures not yet taken by the platform, in SQLite (`path`). Opens a connection per
    call: the sync worker uses it on its own thread."""

    def __init__(self, path: Path, *, max_days: int = MAX_DAYS, max_rows: int = MAX_ROWS) -> None:
        self.path = path
        self._max_days = max_days
        self._max_rows = max_rows
        with closing(connect(path)) as connection:
            migrate(connection, MIGRATIONS)

    def add(self, figures: Iterable[UsageFigure]) -> None:
        """Add `figures` to what is kept; then, if more days or rows are kept than allowed
        (the platform unreachable for long), drop the oldest days, logged."""
        rows = [(f.day, f.item, f.viewed, f.searched, f.applied, f.rated) for f in figures]
        if not rows:
            return
        with closing(connect(self.path)) as connection, immediate(connection):
            connection.executemany(
                "INSERT INTO usage_count VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(day, item) DO UPDATE SET "
                "viewed = viewed + excluded.viewed, searched = searched + excluded.searched, "
                "applied = applied + excluded.applied, rated = rated + excluded.rated",
                rows,
            )
            self._bound(connection)

    def _bound(self, connection: sqlite3.Connection) -> None:
        while True:
            days = connection.execute(
                "SELECT day FROM usage_count UNION SELECT first_day FROM usage_batch ORDER BY 1"
            ).fetchall()
            kept = connection.execute("SELECT COUNT(*) FROM usage_count").fetchone()[0]
            if len(days) <= self._max_days and kept <= self._max_rows:
                return
            oldest = days[0][0]
            dropped = connection.execute(
                "DELETE FROM usage_count WHERE day = ?", (oldest,)
            ).rowcount
            batches = connection.execute(
                "DELETE FROM usage_batch WHERE first_day = ?", (oldest,)
            ).rowcount
            log.warning(
                "usage figures of %s dropped unsent (%d item(s), %d batch(es)): the platform "
                "has not taken them for too long; at most %d days and %d rows are kept",
                oldest,
                dropped,
                batches,
                self._max_days,
                self._max_rows,
            )

    def figures(self) -> list[UsageFigure]:
        """Every figure kept and not yet in a batch (for staff and the tests)."""
        with closing(connect(self.path)) as connection:
            rows = connection.execute(
                "SELECT day, item, viewed, searched, applied, rated FROM usage_count "
                "ORDER BY day, item"
            ).fetchall()
        return [UsageFigure(*row) for row in rows]

    def take_batch(self, limit: int = BATCH_ROWS) -> tuple[str, list[UsageFigure]] | None:
        """The figures to send: the batch not yet confirmed, else a new one (None: nothing).

        A new batch moves its figures out of `usage_count` in the same transaction, so each
        count is in one batch only; a batch stays until `confirm_batch`, and a retry sends
        the same batch under the same id.
        """
        with closing(connect(self.path)) as connection, immediate(connection):
            row = connection.execute(
                "SELECT batch_id, figures FROM usage_batch ORDER BY rowid LIMIT 1"
            ).fetchone()
            if row is None:
                rows = connection.execute(
                    "SELECT day, item, viewed, searched, applied, rated FROM usage_count "
                    "ORDER BY day, item LIMIT ?",
                    (limit,),
                ).fetchall()
                if not rows:
                    return None
                row = (uuid.uuid4().hex, json.dumps(rows, ensure_ascii=False))
                connection.execute(
                    "INSERT INTO usage_batch VALUES (?, ?, ?)", (row[0], rows[0][0], row[1])
                )
                connection.executemany(
                    "DELETE FROM usage_count WHERE day = ? AND item = ?",
                    [(day, item) for day, item, *_ in rows],
                )
        return str(row[0]), [UsageFigure(*figure) for figure in json.loads(row[1])]

    def confirm_batch(self, batch_id: str) -> None:
        """The platform has the batch: it goes."""
        with closing(connect(self.path)) as connection:
            connection.execute("DELETE FROM usage_batch WHERE batch_id = ?", (batch_id,))


def report_usage(store: UsageStore, client: PlatformClient) -> str:
    """Send what is kept, batch after batch (at most BATCHES_PER_REPORT); returns what
    happened, for the log.

    A batch is removed once the platform took it (204, or 200 for a batch it had already);
    a refused batch is dropped with the reason (anonymous counts that resending cannot fix);
    otherwise it waits, unchanged, for the next report.
    """
    from kiosk.district.client import Ok, Rejected

    sent = 0
    for _ in range(BATCHES_PER_REPORT):
        batch = store.take_batch()
        if batch is None:
            break
        batch_id, figures = batch
        result = client.report_usage(figures, batch_id)
        if isinstance(result, Ok):
            store.confirm_batch(batch_id)
            sent += len(figures)
            continue
        if isinstance(result, Rejected):
            store.confirm_batch(batch_id)
            return (
                f"sent {sent} figure(s); the platform refused a batch of {len(figures)} "
                f"({result.code}: {result.message}); dropped"
            )
        return f"sent {sent} figure(s); the rest kept for later: {result}"
    return f"sent {sent} figure(s)"
