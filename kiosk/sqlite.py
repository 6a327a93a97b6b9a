"""SQLite the way every store of the kiosk uses it: WAL, full sync, numbered migrations.

Files are the kiosk user's alone (0600; SQLite gives -wal and -shm the mode of the
database), and deleted rows are overwritten with zeros (`secure_delete`), so what a store
deletes is not left readable in free pages.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kiosk.privatefiles import DIR_MODE, FILE_MODE, private_file

BUSY_TIMEOUT_S = 10.0
# The outbox's file in the state folder (kiosk/app/cli.py): the one store without backups.
OUTBOX_FILE = "outbox.db"


def connect(path: Path) -> sqlite3.Connection:
    """A connection in WAL mode whose commits are on disk when `commit()` returns."""
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    private_file(path)
    for suffix in ("-wal", "-shm"):  # left readable by an older version
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).chmod(FILE_MODE)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        _enter_wal(connection)
    except BaseException:
        connection.close()
        raise
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA secure_delete=ON")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def _enter_wal(connection: sqlite3.Connection) -> None:
    """Switch a new file to WAL even when other connections are opening it at this moment.

    On a file still in rollback mode the switch writes the header. A connection that asks
    for the write lock while another holds it gets SQLITE_BUSY at once, without the busy
    timeout (waiting could deadlock both), and must let go and try again: so we do, for up
    to BUSY_TIMEOUT_S. A file already in WAL mode answers at the first attempt.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay_s = 0.001
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                raise
        time.sleep(random.uniform(0.0, delay_s))  # noqa: S311 - jitter, not secrecy
        delay_s = min(delay_s * 2.0, 0.05)


Migration = str | Callable[[sqlite3.Connection], None]


def migrate(connection: sqlite3.Connection, migrations: Sequence[Migration]) -> None:
    """Apply migrations[n] for every n at or above the stored schema version, each atomically.

    `migrations[0]` creates version 1. Never edit a released migration; append a new one.
    A migration is an SQL script, or a function given the connection inside the migration's
    transaction (for a change SQL alone cannot make).
    """
    current = connection.execute("PRAGMA user_version").fetchone()[0]
    if current > len(migrations):
        path = Path(connection.execute("PRAGMA database_list").fetchone()[2] or "(memory)")
        raise RuntimeError(newer_schema_message(path, current, len(migrations)))
    for version in range(current, len(migrations)):
        with immediate(connection):
            # Another connection (another thread or process) may have migrated meanwhile;
            # the write lock `immediate` takes makes this reading final.
            if connection.execute("PRAGMA user_version").fetchone()[0] > version:
                continue
            step = migrations[version]
            if callable(step):
                step(connection)
            else:
                for statement in _statements(step):
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version={version + 1}")


@contextlib.contextmanager
def immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction: BEGIN IMMEDIATE, COMMIT when the block ends (a `return` too).

    On any exception, Ctrl+C's KeyboardInterrupt included, it rolls back what is still open
    and lets the exception go on. The interrupt may land after COMMIT has finished, when
    there is nothing left to roll back: a bare ROLLBACK would then raise its own error in
    place of the interrupt.
    """
    try:  # BEGIN inside: an interrupt just after it has a transaction to roll back
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def newer_schema_message(path: Path, current: int, known: int) -> str:
    """What a technician reads when a newer kiosk wrote the store `path`: how to go back.

    The package's upgrade copies every store into backup/<old version>/ except the outbox
    (packaging/debian/preinst): it holds residents' pending submissions, which must not
    outlive their delivery. So the outbox is not restored; it is emptied by the newer
    version first and then set aside.
    """
    said = (
        f"{path}: database schema version {current} is newer than this kiosk knows "
        f"({known}): a newer kiosk wrote it. Install that version again"
    )
    wal, shm = f"{path.name}-wal", f"{path.name}-shm"
    if path.name == OUTBOX_FILE:
        return (
            f"{said}, and let it deliver what is waiting (the staff panel shows 0 waiting). "
            f"Only then, to go back to this version: stop the kiosk and move {path.name}, "
            f"{wal} and {shm} out of {path.parent} (for example into "
            f"{path.parent / 'outbox-newer'}/); this version then starts a new, empty outbox. "
            f"The outbox has no backup copy."
        )
    return (
        f"{said}, or roll back the data too: stop the kiosk, delete {wal} and {shm} in "
        f"{path.parent}, and copy back {path.name} (with its -wal and -shm files, where "
        f"there are some) from the copy the package made before upgrading, "
        f"{path.parent / 'backup'}/<old version>/"
    )


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
