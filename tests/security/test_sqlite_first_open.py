"""Issue 10, item 9: a new file opened by several connections at once (kiosk/sqlite.py).

The two workers of a new terminal open the outbox together. Switching a new file to WAL
writes its header; a connection that wants the write lock while another holds it gets
"database is locked" at once, without SQLite's busy timeout. Here another connection holds
that lock, deterministically, while `connect()` opens the file.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from kiosk.sqlite import connect

WAIT_S = 30.0
CONTEND_S = 0.5  # how long the writer keeps the lock while connect() tries


def test_connect_new_file_while_another_connection_writes_waits_and_opens_in_wal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outbox.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a new file, still in rollback mode, write lock held
    outcome: list[object] = []
    done = threading.Event()

    def open_it() -> None:
        try:
            connection = connect(path)
            outcome.append(connection.execute("PRAGMA journal_mode").fetchone()[0])
            connection.close()
        except sqlite3.Error as error:
            outcome.append(error)
        finally:
            done.set()

    thread = threading.Thread(target=open_it)
    thread.start()
    # connect() must still be waiting for the lock, not have given up.
    assert not done.wait(CONTEND_S), f"connect() gave up while the file was locked: {outcome}"
    writer.execute("COMMIT")
    writer.close()
    assert done.wait(WAIT_S)
    thread.join(WAIT_S)
    assert outcome == ["wal"]
