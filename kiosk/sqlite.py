"""SQLite the way every store of the kiosk uses it: WAL, full sync, numbered migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path


def connect(path: Path) -> sqlite3.Connection:
    """A connection in WAL mode whose commits are on disk when `commit()` returns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def migrate(connection: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Apply migrations[n] for every n at or above the stored schema version, each atomically.

    `migrations[0]` creates version 1. Never edit a released migration; append a new one.
    """
    current = connection.execute("PRAGMA user_version").fetchone()[0]
    if current > len(migrations):
        raise RuntimeError(
            f"database schema version {current} is newer than this kiosk knows "
            f"({len(migrations)}); install the matching kiosk version"
        )
    for version in range(current, len(migrations)):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another connection (another thread or process) may have migrated meanwhile;
            # the write lock taken above makes this reading final.
            if connection.execute("PRAGMA user_version").fetchone()[0] > version:
                connection.execute("COMMIT")
                continue
            for statement in _statements(migrations[version]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version={version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a script into statements; a trigger's body keeps its inner semicolons."""
    statements, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                statements.append(current.strip())
            current = ""
    if current.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement in migration: {current.strip()[:80]}")
    return statements
