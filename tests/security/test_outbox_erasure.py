"""Issue 10, item 4: a delivered submission is gone from the disk (kiosk/outbox.py).

A case with a scanned page goes to the stand-in over real HTTP; then every byte of
outbox.db, -wal and -shm is searched for 16-byte pieces of the sealed payloads and for
the resident's details. Deliveries in quick succession share one erasure: a backlog's rows
are gone at least every ERASE_EVERY_S while it drains, all of them with its last row, and
what is owed as soon as the drain pauses.
"""

from __future__ import annotations

import base64
import random
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.outbox import ERASE_EVERY_S, Entry, Outbox
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
    # A later submission stays pending, held back (as a survey answer is): the pages it
    # shares with the delivered rows stay; nothing else is ready once the case has gone.
    outbox.enqueue(
        "case",
        case_body(LATER, "110102198001010016"),
        apply_no=LATER,
        not_before=time.time() + 3600,
    )
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


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def on_disk(folder: Path, sealed: list[bytes]) -> set[int]:
    """The numbers of the sealed payloads of which a piece is on disk."""
    return {int(line.split("payload ")[1].split(",")[0]) for line in traces(folder, sealed)}


def backlog(tmp_path: Path, rows: int) -> tuple[Outbox, Clock, list[bytes]]:
    clock = Clock()
    outbox = Outbox(tmp_path / "outbox.db", KEY, clock=clock)
    for n in range(rows):
        outbox.enqueue("case", case_body(f"XCT0001-00001{n}"), apply_no=f"XCT0001-00001{n}")
    return outbox, clock, sealed_payloads(tmp_path / "outbox.db")


def test_outbox_backlog_is_erased_at_least_every_second_and_with_its_last_row(
    tmp_path: Path,
) -> None:
    outbox, clock, sealed = backlog(tmp_path, 4)
    on_disk_after = []
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        try:
            deliverer = Deliverer(outbox, client)
            for advance in (0.0, ERASE_EVERY_S / 2, ERASE_EVERY_S, 0.0):
                clock.now += advance
                assert deliverer.step().state == "delivered"
                on_disk_after.append(on_disk(tmp_path, sealed))
        finally:
            client.close()
    assert on_disk_after == [
        {0, 1, 2, 3},  # the next row goes at once: the erasure waits
        {0, 1, 2, 3},  # still under a second since the last erasure
        {3},  # a second since: the three delivered rows go
        set(),  # the last row: nothing is ready after it
    ]
    outbox.close()


@pytest.mark.parametrize("pause", ["quarantine", "retry_later"])
def test_outbox_erases_what_is_owed_when_the_drain_pauses(tmp_path: Path, pause: str) -> None:
    outbox, _clock, sealed = backlog(tmp_path, 3)
    first = outbox.head()
    assert isinstance(first, Entry)
    outbox.delivered(first, "XC-1")
    assert on_disk(tmp_path, sealed) == {0, 1, 2}
    if pause == "quarantine":  # refused: kept for staff
        outbox.quarantine(first.id + 1, "refused")
    else:  # the platform did not answer
        outbox.retry_later(first.id + 1, time.time() + 60, "offline")
    assert on_disk(tmp_path, sealed) == {1, 2}
    outbox.close()


def test_outbox_erases_what_is_owed_when_it_closes(tmp_path: Path) -> None:
    outbox, _clock, sealed = backlog(tmp_path, 3)
    first = outbox.head()
    assert isinstance(first, Entry)
    outbox.delivered(first, "XC-1")
    assert on_disk(tmp_path, sealed) == {0, 1, 2}
    outbox.close()
    assert on_disk(tmp_path, sealed) == {1, 2}


def test_outbox_erases_a_delivery_at_once_when_the_next_row_is_paced(tmp_path: Path) -> None:
    """Catching up after an outage, rows leave about a minute apart (kiosk/delivery.py):
    a delivery's erasure does not wait for the next one."""
    outbox, _clock, sealed = backlog(tmp_path, 3)
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        standin.state.retry_after_s = 0
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        try:
            deliverer = Deliverer(outbox, client)
            standin.state.down = True
            assert deliverer.step().state == "waiting"  # the platform is away: catching up
            standin.state.down = False
            later = time.time() + 3600  # past the first row's backoff
            step = deliverer.step(later)
            assert (step.state, step.apply_no) == ("delivered", "XCT0001-000010")
            assert step.wait_s > 0  # paced
            assert on_disk(tmp_path, sealed) == {1, 2}
            assert deliverer.step(later).state == "waiting"  # the pace holds the next row
        finally:
            client.close()
    outbox.close()
