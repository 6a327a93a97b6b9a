"""Numbered migrations: applied once, even when several connections open a new file at once;
write transactions that end in a commit or a rollback, whatever interrupts them."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kiosk.sqlite import connect, immediate, migrate

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


def _rows(path: Path) -> list[tuple[int]]:
    connection = connect(path)
    try:
        return connection.execute("SELECT x FROM a ORDER BY x").fetchall()
    finally:
        connection.close()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    connection = connect(path)
    migrate(connection, MIGRATIONS[:1])
    connection.close()
    return path


def test_immediate_commits_at_the_end_of_the_block_and_on_return(store: Path) -> None:
    def insert_and_return(connection: sqlite3.Connection) -> str:
        with immediate(connection):
            connection.execute("INSERT INTO a VALUES (2)")
            return "returned"

    connection = connect(store)
    with immediate(connection):
        connection.execute("INSERT INTO a VALUES (1)")
    assert insert_and_return(connection) == "returned"
    assert not connection.in_transaction
    connection.close()
    assert _rows(store) == [(1,), (2,)]


def _write(connection: sqlite3.Connection, *statements: str) -> None:
    with immediate(connection):
        for statement in statements:
            connection.execute(statement)


def test_immediate_rolls_back_a_failed_block_and_passes_its_error_on(store: Path) -> None:
    connection = connect(store)
    with pytest.raises(sqlite3.IntegrityError):
        _write(
            connection,
            "INSERT INTO a VALUES (1)",
            "CREATE TABLE c (z INTEGER NOT NULL)",
            "INSERT INTO c VALUES (NULL)",
        )
    assert not connection.in_transaction
    connection.close()
    assert _rows(store) == []


def test_immediate_ctrl_c_after_the_commit_is_still_ctrl_c(store: Path) -> None:
    """KeyboardInterrupt can land once COMMIT is done (kiosk demo stopped while starting):
    a bare ROLLBACK then failed with "no transaction is active", and the kiosk exited with
    that error (status 1) instead of being stopped (130)."""

    def interrupted_after_commit(connection: sqlite3.Connection) -> None:
        with immediate(connection):
            connection.execute("INSERT INTO a VALUES (1)")
            connection.execute("COMMIT")  # where the interrupt landed
            raise KeyboardInterrupt

    connection = connect(store)
    with pytest.raises(KeyboardInterrupt):
        interrupted_after_commit(connection)
    assert not connection.in_transaction
    connection.close()
    assert _rows(store) == [(1,)]
