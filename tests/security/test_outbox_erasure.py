"""Issue 10, item 4: a delivered submission is gone from the disk (kiosk/outbox.py).

The case goes to the stand-in over real HTTP; then every byte of outbox.db, -wal and -shm
is searched for any 16 bytes of the sealed payload and for the resident's details.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.district.standin import StandIn
from kiosk.outbox import Outbox
from tests.kiosk.district.conftest import SECRET, TERMINAL
from tests.kiosk.district.test_standin import case_body

KEY = bytes(range(32))
APPLY_NO = "XCT0001-000001"
LATER = "XCT0001-000002"
PLAINTEXTS = ("测试甲", "110102195001010013", "13800000000", "生育登记服务")
WINDOW = 16


def sealed_payloads(path: Path) -> list[bytes]:
    with closing(sqlite3.connect(path)) as db:
        return [bytes(row[0]) for row in db.execute("SELECT payload FROM pending")]


def traces(folder: Path, sealed: bytes) -> list[str]:
    """Where on disk any WINDOW bytes of `sealed`, or a resident's detail, can be read."""
    found = []
    for file in sorted(folder.glob("outbox.db*")):
        data = file.read_bytes()
        for start in range(len(sealed) - WINDOW + 1):
            if sealed[start : start + WINDOW] in data:
                found.append(f"{file.name}: ciphertext bytes {start}–{start + WINDOW}")
                break
        found += [f"{file.name}: {text}" for text in PLAINTEXTS if text.encode() in data]
    return found


def test_outbox_delivered_case_leaves_no_trace_in_database_wal_or_shm(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    outbox.enqueue("case", case_body(APPLY_NO), apply_no=APPLY_NO)
    # A later submission stays pending: the page both rows share stays in use.
    outbox.enqueue("case", case_body(LATER, "110102198001010016"), apply_no=LATER)
    sealed = sealed_payloads(tmp_path / "outbox.db")[0]
    assert traces(tmp_path, sealed)  # the scan finds the payload while it is pending
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        try:
            step = Deliverer(outbox, client).step()
        finally:
            client.close()
        assert standin.store.apply_numbers() == [APPLY_NO]
    assert (step.state, step.apply_no) == ("delivered", APPLY_NO)
    assert outbox.is_pending(LATER)
    assert traces(tmp_path, sealed) == []
    outbox.close()
