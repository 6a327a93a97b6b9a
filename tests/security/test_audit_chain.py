"""Issue 10, item 8 (second bullet): the audit trail is keyed, and its head reaches the
district with each heartbeat (kiosk/audit.py, ui/outboxworker.py, kiosk/district/platform.py).

The attack: someone with the SQLite file but not the key drops the triggers, deletes a
row and re-chains the rest with plain SHA-256, as the old code did. `kiosk audit verify`
must refuse it. Rows cut off the end leave a valid chain; the district sees the head go
back.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.audit import GENESIS, AuditTrail
from kiosk.district.signing import Credentials
from kiosk.keyfiles import load_key
from tests.ui.driver import platform_station
from ui.outboxworker import OutboxService, OutboxWorker, SubmitWorker

APPLY_NO = "XCT0001-000001"
EVENTS = ("identified", "form_completed", "consented", "submitted", "delivered")
WAIT_MS = 10_000
ENV = {k: v for k, v in os.environ.items() if k != "CREDENTIALS_DIRECTORY"}


def rechain_with_plain_sha256(path: Path) -> None:
    """What the old code's chain allowed: recompute every hash, no key needed."""
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute(
            "SELECT seq, at, apply_no, event, detail FROM audit ORDER BY seq"
        ).fetchall()
        prev = GENESIS
        for seq, at, apply_no, event, detail in rows:
            record = json.dumps([prev, repr(at), apply_no, event, detail], ensure_ascii=False)
            digest = hashlib.sha256(record.encode("utf-8")).hexdigest()
            db.execute(
                "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
            )
            prev = digest
        db.commit()


def test_audit_verify_row_deleted_and_rechained_with_plain_sha256_fails(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    trail = AuditTrail(path, load_key(tmp_path / "audit.key", create=True))
    for event in EVENTS:
        trail.record(APPLY_NO, event, "item 00010901000000")
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(path)]
    intact = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert intact.returncode == 0, intact.stderr
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq = 3")
        db.commit()
    rechain_with_plain_sha256(path)
    attacked = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert attacked.returncode == 1, attacked.stdout + attacked.stderr
    assert "chain broken at row 1" in attacked.stdout


def test_heartbeat_audit_head_going_back_is_flagged_by_the_platform(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, standin):
        terminal = settings.station.terminal_id
        audit_key = Path(settings.security.audit_key_file)
        trail = AuditTrail(tmp_path / "audit.db", load_key(audit_key, create=False))
        for event in EVENTS:
            trail.record(APPLY_NO, event)
        full_head = trail.head()
        outbox_path, key_file = tmp_path / "outbox.db", Path(settings.security.outbox_key_file)
        credentials = Credentials(terminal, Path(settings.security.terminal_secret_file))
        service = OutboxService(
            OutboxWorker(outbox_path, key_file, standin.url, credentials, audit_key),
            SubmitWorker(outbox_path, key_file, terminal, "110102000000", audit_key),
        )
        service.start()
        try:
            service.heartbeat({"devices": [], "catalogVersion": "sample-2026.11"})
            qtbot.waitUntil(lambda: standin.store.audit_head(terminal) is not None, timeout=WAIT_MS)
            assert standin.store.audit_head(terminal) == (full_head.seq, full_head.mac)
            assert standin.store.audit_alert(terminal) == ""

            with closing(sqlite3.connect(tmp_path / "audit.db")) as db:  # cut off the end
                db.execute("DROP TRIGGER audit_no_delete")
                db.execute("DELETE FROM audit WHERE seq > 3")
                db.commit()
            assert trail.verify() == (3, None)  # locally the shorter chain looks whole
            service.heartbeat({"devices": [], "catalogVersion": "sample-2026.11"})
            qtbot.waitUntil(lambda: standin.store.audit_alert(terminal) != "", timeout=WAIT_MS)
        finally:
            service.stop()
        assert standin.store.audit_alert(terminal) == (
            "audit trail head went back: row 3 reported after row 5"
        )
        assert standin.store.audit_head(terminal) == (full_head.seq, full_head.mac)
        beat = standin.store.last_heartbeat(terminal)
        assert beat is not None
        assert beat["auditHead"]["seq"] == 3
