"""Issue 10, item 8 (second bullet): the audit trail is keyed, and its head reaches the
district with each heartbeat (kiosk/audit.py, ui/outboxworker.py, kiosk/standin/store.py).

The attack: someone with the SQLite file but not the key drops the triggers, deletes a
row and re-chains the rest with plain SHA-256, as the old code did. `kiosk audit verify`
must refuse it. Rows cut off the end leave a valid chain; the district sees the head go
back.

The security review's follow-ups (case A, case B): rows cut from the middle while the
AUTOINCREMENT counter is kept, the kiosk appending after them, must fail `verify` at the
gap; a trail turned back into an older kiosk's plain SHA-256 chain (schema version 1) must
not be sealed with the key at the next start, but reported as not keyed, locally and in
the heartbeat's head.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from pytestqt.qtbot import QtBot

from kiosk.app.cli import prepare_state
from kiosk.app.logsetup import configure_logging
from kiosk.app.services import connect_platform, open_audit_trail, open_outbox
from kiosk.audit import GENESIS, SCHEMA_V1, AuditTrail, Head
from kiosk.district.client import Ok, PlatformClient
from kiosk.district.signing import Credentials
from kiosk.health import StationHealth
from kiosk.keyfiles import load_key
from kiosk.settings import Settings
from kiosk.sqlite import connect, migrate
from kiosk.standin.server import StandIn
from tests.ui.driver import platform_station
from ui.outboxworker import OutboxService, OutboxWorker, SubmitWorker

APPLY_NO = "XCT0001-000001"
TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"
EVENTS = ("identified", "form_completed", "consented", "submitted", "delivered")
WAIT_MS = 10_000
ENV = {k: v for k, v in os.environ.items() if k != "CREDENTIALS_DIRECTORY"}


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Where `kiosk demo` keeps its state folder (with its keys) in these tests."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    yield tmp_path
    configure_logging(None, logging.WARNING)  # let go of the state folder's log file


def start_kiosk() -> AuditTrail:
    """The audit trail as one start of `kiosk demo` leaves it: kiosk/app/cli.py prepares the
    state folder and its keys, then the workers open the trail (ui/outboxworker.py)."""
    state, settings = prepare_state(Settings(), production=False)
    key = load_key(Path(settings.security.audit_key_file), create=False)
    return AuditTrail(state / "audit.db", key)


def write_plain_chain(path: Path, rows: int) -> None:
    """What an older kiosk wrote (schema 1, plain SHA-256), made without any key: every row
    of a trail replaced, and the schema version set back."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TRIGGER IF EXISTS audit_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        db.execute("DELETE FROM audit")
        prev = GENESIS
        for seq in range(1, rows + 1):
            at, event, detail = 1_764_000_000.0 + seq, "step", "harmless"
            record = json.dumps([prev, repr(at), "staff", event, detail], ensure_ascii=False)
            digest = hashlib.sha256(record.encode("utf-8")).hexdigest()
            db.execute(
                "INSERT INTO audit (seq, at, apply_no, event, detail, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (seq, at, "staff", event, detail, prev, digest),
            )
            prev = digest
        db.execute("PRAGMA user_version=1")
        db.commit()


def heartbeat(head: Head) -> dict[str, Any]:
    return {
        "terminalId": TERMINAL, "appVersion": "0.1.0", "catalogVersion": "sample-2026.11",
        "outboxDepth": 0, "devices": [], "at": "2026-11-29T10:00:00+08:00",
        "auditHead": {"seq": head.seq, "mac": head.mac},
    }  # fmt: skip


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
        outbox = partial(open_outbox, outbox_path, key_file)
        audit = partial(open_audit_trail, tmp_path / "audit.db", audit_key)
        service = OutboxService(
            OutboxWorker(outbox, audit, partial(connect_platform, standin.url, credentials)),
            SubmitWorker(outbox, audit, terminal, "110102000000"),
        )
        service.start()
        try:
            service.heartbeat(StationHealth((), "sample-2026.11"))
            qtbot.waitUntil(lambda: standin.store.audit_head(terminal) is not None, timeout=WAIT_MS)
            assert standin.store.audit_head(terminal) == (full_head.seq, full_head.mac)
            assert standin.store.audit_alert(terminal) == ""

            with closing(sqlite3.connect(tmp_path / "audit.db")) as db:  # cut off the end
                db.execute("DROP TRIGGER audit_no_delete")
                db.execute("DELETE FROM audit WHERE seq > 3")
                db.commit()
            assert trail.verify() == (3, None)  # locally the shorter chain looks whole
            service.heartbeat(StationHealth((), "sample-2026.11"))
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


def test_audit_verify_rows_cut_from_the_middle_then_appended_to_fails_at_the_gap(
    tmp_path: Path,
) -> None:
    # Case A: rows 8-10 deleted without the key, AUTOINCREMENT's counter kept, so the
    # kiosk's next row is 11 and chains onto row 7 with a valid MAC.
    path = tmp_path / "audit.db"
    key = load_key(tmp_path / "audit.key", create=True)
    trail = AuditTrail(path, key)
    for n in range(1, 11):
        trail.record("staff", "staff_pin_wrong" if n > 7 else "step", f"row {n}")
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq BETWEEN 8 AND 10")
        db.commit()
    AuditTrail(path, key).record("staff", "staff_pin_accepted", "staff mode opened")
    with closing(sqlite3.connect(path)) as db:
        numbers = [row[0] for row in db.execute("SELECT seq FROM audit ORDER BY seq")]
    assert numbers == [1, 2, 3, 4, 5, 6, 7, 11]
    assert AuditTrail(path, key).verify() == (8, 11)
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "chain broken at row 11" in result.stdout


def test_audit_verify_row_renumbered_into_the_gap_fails_without_the_key(tmp_path: Path) -> None:
    # Case A, closing the gap instead: the MAC covers the row number, so renumbering needs
    # the key.
    path = tmp_path / "audit.db"
    trail = AuditTrail(path, load_key(tmp_path / "audit.key", create=True))
    for n in range(1, 11):
        trail.record("staff", "step", f"row {n}")
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq BETWEEN 8 AND 9")
        db.execute("UPDATE audit SET seq = 8 WHERE seq = 10")
        db.commit()
    assert trail.verify() == (8, 8)


def test_audit_trail_rewritten_as_older_kiosks_plain_chain_is_not_sealed_at_next_start(
    state_home: Path,
) -> None:
    # Case B: a keyed trail replaced, without the key, by a plain SHA-256 chain with the
    # schema version set back to 1; the audit key is still there, so the kiosk that keyed
    # the trail before must not seal the rewrite with it now.
    trail = start_kiosk()
    for event in ("staff_pin_wrong",) * 5 + ("staff_locked_out", "receipt_reprinted"):
        trail.record("staff", event, "x")
    assert trail.verify() == (7, None)
    write_plain_chain(trail.path, rows=2)

    trail = start_kiosk()

    assert not trail.keyed()
    assert trail.steps("staff") == ["step", "step"]  # left as it is: nothing sealed
    assert trail.verify() == (1, 1)
    assert trail.head() == Head(2, GENESIS)
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(trail.path)]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "not keyed" in result.stdout
    assert "chain intact" not in result.stdout


def test_heartbeat_audit_head_of_a_trail_rewritten_as_plain_chain_is_flagged_by_the_platform(
    state_home: Path,
) -> None:
    # Case B as the district sees it: the rewrite has more rows than the last keyed head,
    # so only the head's "not keyed" MAC can give it away.
    trail = start_kiosk()
    for event in ("staff_pin_wrong",) * 5 + ("staff_locked_out", "receipt_reprinted"):
        trail.record("staff", event, "x")
    keyed_head = trail.head()
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        client = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
        try:
            assert isinstance(client.post("/heartbeat", heartbeat(trail.head())), Ok)
            assert standin.store.audit_alert(TERMINAL) == ""
            write_plain_chain(trail.path, rows=9)
            trail = start_kiosk()
            assert isinstance(client.post("/heartbeat", heartbeat(trail.head())), Ok)
        finally:
            client.close()
        assert standin.store.audit_alert(TERMINAL) == (
            "audit trail not keyed: row 9 reported without a MAC"
        )
        assert standin.store.audit_head(TERMINAL) == (keyed_head.seq, keyed_head.mac)


def test_start_that_creates_the_audit_key_seals_an_older_kiosks_trail(state_home: Path) -> None:
    # The upgrade this rule keeps: an older kiosk never had an audit key, so the start
    # that creates it may seal that kiosk's trail.
    path = Path(platformdirs.user_state_dir("community-kiosk")) / "audit.db"
    with closing(connect(path)) as db:
        migrate(db, (SCHEMA_V1,))
    write_plain_chain(path, rows=3)

    trail = start_kiosk()

    assert trail.keyed()
    assert trail.verify() == (4, None)
    assert trail.sealing_note() == "3 earlier rows sealed; plain chain intact"
    assert start_kiosk().verify() == (4, None)  # and the next start leaves it so
