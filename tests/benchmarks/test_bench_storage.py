"""Storage figures of issue 10: concurrent first opens of a new database (kiosk/sqlite.py)."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.outbox import MIGRATIONS
from kiosk.sqlite import connect, migrate

REPETITIONS = 1000
OPENERS = 4
WAIT_S = 60.0
TMPFS = Path("/dev/shm")  # the race shows most on a fast file system: locks are held briefly


def test_concurrent_first_opens(tmp_path: Path, record: Callable[..., object]) -> None:
    """Four connections open and migrate a new outbox file at the same moment, 1,000 times."""
    errors: list[BaseException] = []
    where = TMPFS if TMPFS.is_dir() else tmp_path
    with tempfile.TemporaryDirectory(dir=where) as folder:
        for repetition in range(REPETITIONS):
            path = Path(folder) / f"outbox-{repetition}.db"
            start = threading.Barrier(OPENERS, timeout=WAIT_S)

            def open_and_migrate(path: Path = path, start: threading.Barrier = start) -> None:
                try:
                    start.wait()
                    connection = connect(path)
                    try:
                        migrate(connection, MIGRATIONS)
                    finally:
                        connection.close()
                except BaseException as error:
                    errors.append(error)

            threads = [threading.Thread(target=open_and_migrate) for _ in range(OPENERS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(WAIT_S)
            assert not any(thread.is_alive() for thread in threads)
    kinds = sorted({repr(error) for error in errors})
    record("concurrent_first_open_repetitions", REPETITIONS, "count", note=f"in {where}")
    record("concurrent_first_open_errors", len(errors), "count", at_most=0, note="; ".join(kinds))
    assert errors == []
