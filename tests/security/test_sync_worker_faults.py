"""The sync worker survives what it cannot handle: a malformed platform answer or a failing
step never stops delivery for good. Staff see the trouble on the outbox's problem, the
timer is armed again, and delivery resumes by itself once the cause is gone.

The real OutboxService with its threads, a real loopback server and real SQLite."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app.services import connect_platform, open_audit_trail, open_outbox
from kiosk.district.signing import Credentials
from kiosk.health import StationHealth
from kiosk.outbox import Outbox
from tests.security.loopback import Answer, Seen, serve
from ui.outboxworker import OutboxService, OutboxWorker, SubmitWorker

WAIT_MS = 10_000
JSON = {"Content-Type": "application/json"}


def key_file(path: Path) -> Path:
    path.write_bytes(os.urandom(32))
    path.chmod(0o600)
    return path


@pytest.fixture(autouse=True)
def key_files(tmp_path: Path) -> None:
    for name in ("outbox.key", "audit.key", "terminal.secret"):
        key_file(tmp_path / name)


@contextmanager
def running_service(qtbot: QtBot, tmp_path: Path, url: str) -> Iterator[OutboxService]:
    """The service, once its sync worker has started (it reports the outbox's depth)."""
    outbox_key, audit_key = tmp_path / "outbox.key", tmp_path / "audit.key"
    credentials = Credentials("T1", tmp_path / "terminal.secret")
    outbox_path = tmp_path / "outbox.db"
    outbox = partial(open_outbox, outbox_path, outbox_key)
    audit = partial(open_audit_trail, tmp_path / "audit.db", audit_key)
    service = OutboxService(
        OutboxWorker(outbox, audit, partial(connect_platform, url, credentials)),
        SubmitWorker(outbox, audit, "T1", "110102000000"),
    )
    with qtbot.waitSignal(service.depthChanged, timeout=WAIT_MS):
        service.start()
    try:
        yield service
    finally:
        service.stop()


def enqueue(tmp_path: Path, *apply_nos: str) -> None:
    outbox = Outbox(tmp_path / "outbox.db", (tmp_path / "outbox.key").read_bytes())
    try:
        for apply_no in apply_nos:
            outbox.enqueue("case", {"serviceCode": "X"}, apply_no=apply_no)
    finally:
        outbox.close()


def rename_pending(tmp_path: Path, old: str, new: str) -> None:
    with closing(sqlite3.connect(tmp_path / "outbox.db")) as db:
        db.execute(f"ALTER TABLE {old} RENAME TO {new}")
        db.commit()


def test_sync_worker_refusal_with_list_fields_quarantines_and_goes_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    def refuse(_: Seen) -> Answer:
        return 400, JSON, b'{"error": "bad", "fields": ["x"]}'

    enqueue(tmp_path, "T1-20261129-0001", "T1-20261129-0002")
    with serve(refuse) as platform, running_service(qtbot, tmp_path, platform.url) as service:
        qtbot.waitUntil(lambda: service.refusedRows.rowCount() == 2, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: service.property("depth") == 0, timeout=WAIT_MS)
        assert service.property("problem") == ""
    assert len(platform.seen) == 2


def test_sync_worker_failing_step_staff_told_and_delivery_resumes_alone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.outboxworker.FAILED_STEP_MS", 200)

    def accept(seen: Seen) -> Answer:
        return 201, JSON, b'{"caseNo": "XC20261129000001"}'

    enqueue(tmp_path)  # creates the outbox
    with serve(accept) as platform, running_service(qtbot, tmp_path, platform.url) as service:
        rename_pending(tmp_path, "pending", "pending_away")  # every step now raises
        service.nudge()
        qtbot.waitUntil(lambda: service.property("problem") != "", timeout=WAIT_MS)
        problem = service.property("problem")
        assert "delivery failed unexpectedly (OperationalError" in problem

        rename_pending(tmp_path, "pending_away", "pending")
        # no nudge: only the timer armed again after the failure runs the step that clears it
        qtbot.waitUntil(lambda: service.property("problem") == "", timeout=WAIT_MS)
        enqueue(tmp_path, "T1-20261129-0003")
        service.nudge()
        qtbot.waitUntil(lambda: len(platform.seen) == 1, timeout=WAIT_MS)


def test_sync_worker_failing_heartbeat_staff_told(qtbot: QtBot, tmp_path: Path) -> None:
    enqueue(tmp_path)
    with (
        serve(lambda _: (200, JSON, b"{}")) as platform,
        running_service(qtbot, tmp_path, platform.url) as service,
    ):
        qtbot.waitUntil(lambda: service.property("depth") == 0, timeout=WAIT_MS)
        rename_pending(tmp_path, "pending", "pending_away")
        service.heartbeat(StationHealth((), "sample"))
        qtbot.waitUntil(lambda: service.property("problem") != "", timeout=WAIT_MS)
        assert "heartbeat failed unexpectedly" in service.property("problem")
    assert platform.seen == []
