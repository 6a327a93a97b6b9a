"""The knowledge base on disk (knowledge.db in the state folder): the active version and the
last good one before it, stored like the catalog (kiosk/catalog/versions.py)."""

from __future__ import annotations

import functools

from kiosk.catalog.versions import VersionedStore
from kiosk.knowledge.library import KnowledgeLibrary, StoredEntry
from kiosk.knowledge.model import KnowledgeBase

FILE = "knowledge.db"


MIGRATIONS = (
    # The tables every VersionedStore has (kiosk/catalog/versions.py), written out: a
    # released migration never changes, whatever the shared code becomes.
    """
    CREATE TABLE knowledge_version (
        version TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE knowledge_item (
        version TEXT NOT NULL REFERENCES knowledge_version(version) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        summary TEXT NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (version, code)
    );
    CREATE TABLE sync_log (
        at TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL,
        problems TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE knowledge_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)


class KnowledgeStore(VersionedStore):
    NAME = "knowledge"
    MIGRATIONS = MIGRATIONS

    def save(self, knowledge: KnowledgeBase, etag: str = "") -> None:
        """Compute search keys and make `knowledge` the active one, atomically."""
        rows = [
            (stored.question.id, stored.summary_json(), stored.answer)
            for stored in (StoredEntry.from_entry(e) for e in knowledge.entries)
        ]
        self._save_rows(knowledge.version, knowledge.sample, etag, rows)

    def load_active(self) -> KnowledgeLibrary | None:
        """The active knowledge base ready to search, or None when none was ever stored."""
        active = self._active_rows()
        if active is None:
            return None
        return KnowledgeLibrary(
            active.version,
            active.sample,
            [StoredEntry.from_json(summary) for summary in active.summaries],
            functools.partial(self.document, active.version),
        )
