"""The catalog on disk: the active version and the last good one before it, in SQLite
(kiosk/catalog/versions.py), and the anonymous counts of searches that found nothing.
"""

from __future__ import annotations

import datetime
import functools
import json
import secrets
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalog.library import CatalogLibrary, Guidance, StoredItem
from kiosk.catalog.model import Catalog
from kiosk.catalog.versions import VersionedStore
from kiosk.catalog.vocabulary import anonymise_miss, build_vocabulary
from kiosk.sqlite import connect, immediate


def _add_bookable(connection: sqlite3.Connection) -> None:
    rows = connection.execute("SELECT version, code, summary, document FROM catalog_item")
    for version, code, summary, document in rows.fetchall():
        row = json.loads(summary)
        row.append("appointment" in json.loads(document).get("modes", ()))
        connection.execute(
            "UPDATE catalog_item SET summary = ? WHERE version = ? AND code = ?",
            (json.dumps(row, ensure_ascii=False), version, code),
        )


MIGRATIONS = (
    """
    CREATE TABLE catalog_version (
        version TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE catalog_item (
        version TEXT NOT NULL REFERENCES catalog_version(version) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        summary TEXT NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (version, code)
    );
    """,
    """
    CREATE TABLE sync_log (
        at TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL,
        problems TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE search_miss (
        term TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        last_day TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE search_miss_batch (
        batch_id TEXT PRIMARY KEY,
        terms TEXT NOT NULL
    );
    """,
    # Missed searches counted before they were cut down to catalog words may hold names and
    # addresses: they are dropped, not sent (secure_delete zeroes them on disk).
    """
    DELETE FROM search_miss;
    DELETE FROM search_miss_batch;
    """,
    # What the store knows of itself beyond its rows (the last good sync): kept across a
    # restart, unlike the sync log's last 50 lines.
    """
    CREATE TABLE catalog_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # Summaries gained whether an item can be booked (预约办理); stored ones get it from
    # their guide, so a catalog kept from before lists its bookable items at once.
    _add_bookable,
    # What a catalog publishes besides its items: life events, synonyms, age rules
    # (kiosk.catalog.library.Guidance as JSON), one row per stored version.
    # A catalog stored before has none: its ETag is forgotten, so the next sync fetches it
    # whole (with what the platform publishes besides items) instead of hearing "unchanged".
    """
    CREATE TABLE catalog_guidance (
        version TEXT PRIMARY KEY REFERENCES catalog_version(version) ON DELETE CASCADE,
        document TEXT NOT NULL
    );
    UPDATE catalog_version SET etag = '';
    """,
)


@dataclass(frozen=True)
class ActiveCatalog:
    """The catalog version in use: its version, its ETag and its library."""

    version: str
    etag: str
    library: CatalogLibrary


class CatalogStore(VersionedStore):
    """The catalog's versions, and the anonymous counts of searches that found nothing."""

    NAME = "catalog"
    MIGRATIONS = MIGRATIONS

    def __init__(self, path: Path) -> None:
        self._words: tuple[str, frozenset[str]] | None = None  # (version, vocabulary)
        super().__init__(path)

    def save(self, catalog: Catalog, etag: str = "") -> None:
        """Compute search keys and make `catalog` the active one, atomically."""
        rows = [
            (stored.summary.code, stored.summary_json(), stored.document)
            for stored in (StoredItem.from_item(i) for i in catalog.items)
        ]
        guidance = Guidance.from_catalog(catalog).to_json()

        def save_guidance(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT INTO catalog_guidance (version, document) VALUES (?, ?)",
                (catalog.version, guidance),
            )

        self._save_rows(catalog.version, catalog.sample, etag, rows, save_guidance)

    def record_search_miss(self, term: str) -> bool:
        """Count a search that found nothing, for the district's demand analysis.

        Anonymous: no time of day, no session, nothing about who searched, and only the
        words the search shares with the active catalog (kiosk.catalog.vocabulary): a name,
        an ID or phone number or an address typed into the box is not kept. Returns whether
        anything was counted.
        """
        cleaned = anonymise_miss(term, self._vocabulary())
        if not cleaned:
            return False
        today = datetime.date.today().isoformat()
        with closing(connect(self.path)) as connection:
            connection.execute(
                "INSERT INTO search_miss (term, count, last_day) VALUES (?, 1, ?) "
                "ON CONFLICT(term) DO UPDATE SET count = count + 1, last_day = excluded.last_day",
                (cleaned, today),
            )
        return True

    def _vocabulary(self) -> frozenset[str]:
        """The active catalog's words, built once per catalog version."""
        with closing(connect(self.path)) as connection:
            head = connection.execute(
                "SELECT version FROM catalog_version WHERE active = 1"
            ).fetchone()
            version = str(head[0]) if head else ""
            if self._words is not None and self._words[0] == version:
                return self._words[1]
            rows = connection.execute(
                "SELECT summary FROM catalog_item WHERE version = ?", (version,)
            ).fetchall()
        entries: list[str] = []
        for (summary,) in rows:
            item = StoredItem.from_json(summary)
            entries += [item.summary.name, item.summary.department, *item.summary.themes]
            entries += item.keys.aliases
        words = build_vocabulary(entries)
        self._words = (version, words)
        return words

    def search_misses(self) -> list[tuple[str, int]]:
        with closing(connect(self.path)) as connection:
            rows = connection.execute(
                "SELECT term, count FROM search_miss ORDER BY count DESC, term"
            ).fetchall()
        return [(str(term), int(count)) for term, count in rows]

    def take_miss_batch(self, limit: int = 500) -> tuple[str, list[tuple[str, int]]] | None:
        """The counts to report: the batch not yet confirmed, else a new one.

        A new batch moves the counts out of `search_miss` in the same transaction, so each
        search is reported once: the batch id is the idempotency key, a batch is kept until
        the platform confirms it, and a retried batch is the same batch.
        """
        with closing(connect(self.path)) as connection, immediate(connection):
            row = connection.execute(
                "SELECT batch_id, terms FROM search_miss_batch ORDER BY rowid LIMIT 1"
            ).fetchone()
            if row is None:
                terms = connection.execute(
                    "SELECT term, count FROM search_miss ORDER BY count DESC, term LIMIT ?",
                    (limit,),
                ).fetchall()
                if not terms:
                    return None
                row = (secrets.token_hex(16), json.dumps(terms, ensure_ascii=False))
                connection.execute("INSERT INTO search_miss_batch VALUES (?, ?)", row)
                connection.executemany(
                    "DELETE FROM search_miss WHERE term = ?", [(t,) for t, _ in terms]
                )
        return str(row[0]), [(str(t), int(c)) for t, c in json.loads(row[1])]

    def confirm_miss_batch(self, batch_id: str) -> None:
        with closing(connect(self.path)) as connection:
            connection.execute("DELETE FROM search_miss_batch WHERE batch_id = ?", (batch_id,))

    def load_active(self) -> ActiveCatalog | None:
        """The active catalog ready to search, or None when nothing was ever stored."""
        active = self._active_rows()
        if active is None:
            return None
        stored = [StoredItem.from_json(summary) for summary in active.summaries]
        with closing(connect(self.path)) as connection:
            row = connection.execute(
                "SELECT document FROM catalog_guidance WHERE version = ?", (active.version,)
            ).fetchone()
        library = CatalogLibrary(
            active.version,
            active.sample,
            stored,
            functools.partial(self.document, active.version),
            stored_at=active.stored_at,
            synced_at=active.synced_at,
            guidance=Guidance.from_json(row[0] if row else ""),
        )
        return ActiveCatalog(active.version, active.etag, library)
