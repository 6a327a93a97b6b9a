"""A document the platform publishes, kept by version in SQLite: the active one and the last
good one before it.

The catalog (kiosk/catalog/store.py) and the hotline knowledge base (kiosk/knowledge/store.py)
are both fetched whole with an ETag (kiosk/catalog/sync.py) and stored the same way: one row
per version, one row per entry (a compact summary with its search keys, and the full
document read only when shown). Saving is one transaction: the new version becomes active
only when all its entries are written, so a crash or power cut leaves the previous one in use.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from kiosk.sqlite import Migration, connect, immediate, migrate

# The sync statuses that mean the platform answered and the document is current
# (kiosk/catalog/syncjob.py SyncOutcome).
GOOD_SYNCS = ("updated", "unchanged")

KEEP_VERSIONS = 2  # the active version and the last good one before it


@dataclass(frozen=True)
class ActiveRows:
    """The active version as stored: its summaries in order, documents left on disk."""

    version: str
    etag: str
    sample: bool
    stored_at: float  # when this terminal stored it (seconds since the epoch)
    synced_at: float | None  # when a sync last found it current (None: never)
    summaries: list[str]


class VersionedStore:
    """Opens its own connection per call, so any thread may use it (one writer at a time).

    Subclasses name their tables (`NAME`) and list their migrations, which create
    `NAME_version`, `NAME_item`, `NAME_meta` and `sync_log` (see kiosk/knowledge/store.py;
    the catalog's, older, creates the same in steps).
    """

    NAME: ClassVar[str]
    MIGRATIONS: ClassVar[Sequence[Migration]]

    def __init__(self, path: Path) -> None:
        self.path = path
        with closing(connect(path)) as connection:
            migrate(connection, self.MIGRATIONS)

    def _save_rows(
        self,
        version: str,
        sample: bool,
        etag: str,
        rows: Sequence[tuple[str, str, str]],
        more: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        """Store `rows` (code, summary, document) as `version` and make it active, atomically;
        `more` writes what else belongs to the version, in the same transaction."""
        name = self.NAME
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        with closing(connect(self.path)) as connection, immediate(connection):
            connection.execute(f"DELETE FROM {name}_version WHERE version = ?", (version,))  # noqa: S608 - a class constant
            connection.execute(
                f"INSERT INTO {name}_version (version, etag, sample, stored_at, active) "  # noqa: S608
                "VALUES (?, ?, ?, ?, 0)",
                (version, etag, int(sample), now),
            )
            connection.executemany(
                f"INSERT INTO {name}_item (version, position, code, summary, document) "  # noqa: S608
                "VALUES (?, ?, ?, ?, ?)",
                [(version, position, *row) for position, row in enumerate(rows)],
            )
            if more is not None:
                more(connection)
            connection.execute(
                f"UPDATE {name}_version SET active = (version = ?)",  # noqa: S608
                (version,),
            )
            connection.execute(
                f"DELETE FROM {name}_version WHERE version NOT IN ("  # noqa: S608
                f" SELECT version FROM {name}_version ORDER BY active DESC, stored_at DESC,"
                " rowid DESC LIMIT ?)",
                (KEEP_VERSIONS,),
            )

    def _active_rows(self) -> ActiveRows | None:
        name = self.NAME
        with closing(connect(self.path)) as connection:
            head = connection.execute(
                f"SELECT version, etag, sample, stored_at FROM {name}_version WHERE active = 1"  # noqa: S608
            ).fetchone()
            if head is None:
                return None
            version, etag, sample, stored_at = head
            synced_at = self._last_good_sync(connection)
            rows = connection.execute(
                f"SELECT summary FROM {name}_item WHERE version = ? ORDER BY position",  # noqa: S608
                (version,),
            ).fetchall()
        return ActiveRows(
            str(version),
            str(etag),
            bool(sample),
            datetime.datetime.fromisoformat(stored_at).timestamp(),
            synced_at,
            [str(summary) for (summary,) in rows],
        )

    def log_sync(self, status: str, detail: str, problems: tuple[str, ...] = ()) -> None:
        """Remember a sync outcome for staff (`kiosk catalog status`); keeps the last 50."""
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        with closing(connect(self.path)) as connection:
            connection.execute(
                "INSERT INTO sync_log (at, status, detail, problems) VALUES (?, ?, ?, ?)",
                (now, status, detail, "\n".join(problems[:200])),
            )
            if status in GOOD_SYNCS:
                connection.execute(
                    f"INSERT INTO {self.NAME}_meta VALUES ('last_good_sync', ?) "  # noqa: S608
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (now,),
                )
            connection.execute(
                "DELETE FROM sync_log WHERE rowid NOT IN "
                "(SELECT rowid FROM sync_log ORDER BY rowid DESC LIMIT 50)"
            )

    def last_good_sync(self) -> float | None:
        """When a sync last found the document current (seconds since the epoch; None: never)."""
        with closing(connect(self.path)) as connection:
            return self._last_good_sync(connection)

    def _last_good_sync(self, connection: sqlite3.Connection) -> float | None:
        row = connection.execute(
            f"SELECT value FROM {self.NAME}_meta WHERE key = 'last_good_sync'"  # noqa: S608
        ).fetchone()
        return datetime.datetime.fromisoformat(row[0]).timestamp() if row else None

    def sync_history(self, limit: int = 10) -> list[tuple[str, str, str, str]]:
        with closing(connect(self.path)) as connection:
            rows = connection.execute(
                "SELECT at, status, detail, problems FROM sync_log ORDER BY rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [(str(a), str(s), str(d), str(p)) for a, s, d, p in rows]

    def active_etag(self) -> str:
        with closing(connect(self.path)) as connection:
            row = connection.execute(
                f"SELECT etag FROM {self.NAME}_version WHERE active = 1"  # noqa: S608
            ).fetchone()
        return str(row[0]) if row else ""

    def active_version(self) -> str:
        with closing(connect(self.path)) as connection:
            row = connection.execute(
                f"SELECT version FROM {self.NAME}_version WHERE active = 1"  # noqa: S608
            ).fetchone()
        return str(row[0]) if row else ""

    def document(self, version: str, code: str) -> str:
        """One entry's full document as stored. The version stays readable while it is the
        active or the last good one."""
        with closing(connect(self.path)) as connection:
            row = connection.execute(
                f"SELECT document FROM {self.NAME}_item WHERE version = ? AND code = ?",  # noqa: S608
                (version, code),
            ).fetchone()
        if row is None:
            raise KeyError(code)
        return str(row[0])

    def versions(self) -> list[tuple[str, bool]]:
        with closing(connect(self.path)) as connection:
            rows = connection.execute(
                f"SELECT version, active FROM {self.NAME}_version ORDER BY stored_at, rowid"  # noqa: S608
            ).fetchall()
        return [(version, bool(active)) for version, active in rows]
