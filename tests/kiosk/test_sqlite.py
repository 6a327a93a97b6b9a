"""Numbered migrations: applied once, even when several connections open a new file at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.sqlite import connect, migrate

MIGRATIONS = (
    "CREATE TABLE a (x INTEGER);",
    "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1);",
)
WAIT_S = 30.0


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    errors: list[BaseException] = []
    start = threading.Barrier(4, timeout=WAIT_S)

    def open_and_migrate() -> None:
        try:
            start.wait()
            connection = connect(path)
            try:
                migrate(connection, MIGRATIONS)
            finally:
                connection.close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_and_migrate) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_S)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    assert connection.execute("SELECT COUNT(*) FROM a").fetchone()[0] == 1
    connection.close()


def test_migrate_newer_schema_names_the_file_and_the_backup_to_restore(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    connection = connect(path)
    try:
        migrate(connection, MIGRATIONS)
        connection.execute("PRAGMA user_version=3")
        with pytest.raises(RuntimeError) as refused:
            migrate(connection, MIGRATIONS)
    finally:
        connection.close()
    message = str(refused.value)
    assert message.startswith(f"{path}: database schema version 3 is newer than this kiosk")
    assert f"{tmp_path / 'backup'}/<old version>/" in message
