"""Announcements and surveys on disk (engagement.db in the state folder): the active
version and the last good one before it, stored like the catalog (kiosk/catalog/versions.py).

The document is small (at most a few hundred records): each record is stored as published
and the whole is read back through the validator, so what is shown is what was checked.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

from kiosk.catalog.versions import VersionedStore
from kiosk.engagement.model import Engagement
from kiosk.engagement.parse import parse_engagement

MIGRATIONS = (
    # The tables every VersionedStore has (kiosk/catalog/versions.py), written out: a
    # released migration never changes, whatever the shared code becomes.
    """
    CREATE TABLE engagement_version (
        version TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE engagement_item (
        version TEXT NOT NULL REFERENCES engagement_version(version) ON DELETE CASCADE,
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
    CREATE TABLE engagement_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)

# A row's code says which list the record belongs to.
_LISTS = {"announcement": "announcements", "survey": "surveys"}


def _row(record: Any) -> str:
    """A record in its published form: dates as text, an empty optional text left out."""
    document = {k: v for k, v in dataclasses.asdict(record).items() if v != ""}
    return json.dumps(document, ensure_ascii=False, default=datetime.date.isoformat)


class EngagementStore(VersionedStore):
    NAME = "engagement"
    MIGRATIONS = MIGRATIONS

    def save(self, engagement: Engagement, etag: str = "") -> None:
        """Make `engagement` the active one, atomically."""
        rows = [
            (f"{kind}:{record.id}", _row(record), "")
            for kind, records in (
                ("announcement", engagement.announcements),
                ("survey", engagement.surveys),
            )
            for record in records
        ]
        self._save_rows(engagement.version, engagement.sample, etag, rows)

    def load_active(self) -> Engagement | None:
        """The active document, or None when none was ever stored."""
        active = self._active_rows()
        if active is None:
            return None
        document: dict[str, Any] = {"version": active.version, "sample": active.sample}
        lists: dict[str, list[Any]] = {name: [] for name in _LISTS.values()}
        for summary in active.summaries:
            record = json.loads(summary)
            lists[_LISTS["survey" if "questions" in record else "announcement"]].append(record)
        return parse_engagement(document | lists)
