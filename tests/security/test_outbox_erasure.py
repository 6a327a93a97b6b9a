"""Issue 10, item 4: a delivered submission is gone from the disk (kiosk/outbox.py).

A case with a scanned page goes to the stand-in over real HTTP; then every byte of
outbox.db, -wal and -shm is searched for 16-byte pieces of the sealed payloads and for
the resident's details.
"""

from __future__ import annotations

import base64
import random
import sqlite3
from contextlib import closing
from pathlib import Path

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from kiosk.submission import CapturedPage, material_upload
from tests.kiosk.district.conftest import SECRET, TERMINAL
from tests.kiosk.standin.test_server import case_body

KEY = bytes(range(32))
APPLY_NO = "XCT0001-000001"
LATER = "XCT0001-000002"
# A page bigger than a database page: it lies in overflow pages, freed on delete.
JPEG = b"\xff\xd8" + random.Random(10).randbytes(40_000)
PLAINTEXTS = (
    "测试甲", "110102195001010013", "13800000000", "生育登记服务",
    base64.b64encode(JPEG).decode("ascii")[:64],
)  # fmt: skip
WINDOW = 16
STRIDE = 32  # every 32nd 16-byte piece of a payload is looked for


def sealed_payloads(path: Path) -> list[bytes]:
    with closing(sqlite3.connect(path)) as db:
        return [bytes(row[0]) for row in db.execute("SELECT payload FROM pending ORDER BY id")]


def traces(folder: Path, sealed: list[bytes]) -> list[str]:
    """Where on disk a piece of a sealed payload, or a resident's detail, can be read."""
    found = []
    for file in sorted(folder.glob("outbox.db*")):
        data = file.read_bytes()
        for number, payload in enumerate(sealed):
            for start in range(0, len(payload) - WINDOW + 1, STRIDE):
                if payload[start : start + WINDOW] in data:
                    found.append(f"{file.name}: payload {number}, bytes {start}–{start + WINDOW}")
                    break
        found += [f"{file.name}: {text[:20]}" for text in PLAINTEXTS if text.encode() in data]
    return found


def test_outbox_delivered_case_leaves_no_trace_in_database_wal_or_shm(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    page = material_upload(APPLY_NO, CapturedPage("居民身份证", JPEG, 800, 1100), 1)
    outbox.enqueue_all([("material", page), ("case", case_body(APPLY_NO))], apply_no=APPLY_NO)
    # A later submission stays pending: the pages it shares with the delivered rows stay.
    outbox.enqueue("case", case_body(LATER, "110102198001010016"), apply_no=LATER)
    sealed = sealed_payloads(tmp_path / "outbox.db")[:2]
    pending = " ".join(traces(tmp_path, sealed))  # the scan finds both while they are pending
    assert "payload 0" in pending
    assert "payload 1" in pending
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        try:
            deliverer = Deliverer(outbox, client)
            steps = [deliverer.step(), deliverer.step()]
        finally:
            client.close()
        assert standin.store.apply_numbers() == [APPLY_NO]
    assert [(step.state, step.apply_no) for step in steps] == [("delivered", APPLY_NO)] * 2
    assert outbox.is_pending(LATER)
    assert traces(tmp_path, sealed) == []
    outbox.close()
