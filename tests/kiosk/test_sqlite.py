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


def _refused_newer(path: Path) -> str:
    connection = connect(path)
    try:
        migrate(connection, MIGRATIONS)
        connection.execute("PRAGMA user_version=3")
        with pytest.raises(RuntimeError) as refused:
            migrate(connection, MIGRATIONS)
    finally:
        connection.close()
    return str(refused.value)


def test_migrate_newer_schema_names_the_file_and_the_backup_to_restore(tmp_path: Path) -> None:
    path = tmp_path / "catalog.db"
    message = _refused_newer(path)
    assert message.startswith(f"{path}: database schema version 3 is newer than this kiosk")
    assert f"{tmp_path / 'backup'}/<old version>/" in message
    # The newer version's log beside it would be replayed into the older copy: deleted first.
    assert "delete catalog.db-wal and catalog.db-shm" in message


def test_migrate_newer_outbox_says_deliver_first_then_move_aside_not_restore(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outbox.db"
    message = _refused_newer(path)
    assert message.startswith(f"{path}: database schema version 3 is newer than this kiosk")
    assert "0 waiting" in message
    assert "move outbox.db, outbox.db-wal and outbox.db-shm out of" in message
    assert "new, empty outbox" in message
    # No backup to copy back: the package does not copy the outbox (packaging/debian/preinst).
    assert "/<old version>/" not in message
