"""The keyed audit trail (kiosk/audit.py) and `kiosk audit verify`."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.audit import GENESIS, SCHEMA_V1, AuditTrail, Head
from kiosk.keyfiles import load_key
from kiosk.sqlite import connect, migrate

KEY = bytes(range(32))
APPLY_NO = "XCT0001-000001"
ENV = {k: v for k, v in os.environ.items() if k != "CREDENTIALS_DIRECTORY"}


def filled(tmp_path: Path, key: bytes = KEY) -> AuditTrail:
    trail = AuditTrail(tmp_path / "audit.db", key)
    for event in ("identified", "form_completed", "consented", "submitted", "delivered"):
        trail.record(APPLY_NO, event, "item 00010901000000")
    return trail


def old_version_trail(path: Path, events: list[str]) -> None:
    """A trail as kiosk versions before the key wrote it: schema 1, plain SHA-256 chain."""
    with closing(connect(path)) as db:
        migrate(db, (SCHEMA_V1,))
        prev = GENESIS
        for n, event in enumerate(events, 1):
            at = 1_764_000_000.0 + n
            record = json.dumps([prev, repr(at), APPLY_NO, event, ""], ensure_ascii=False)
            digest = hashlib.sha256(record.encode("utf-8")).hexdigest()
            db.execute(
                "INSERT INTO audit (at, apply_no, event, detail, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (at, APPLY_NO, event, "", prev, digest),
            )
            prev = digest


def test_verify_intact_chain(tmp_path: Path) -> None:
    trail = filled(tmp_path)
    assert trail.verify() == (5, None)
    assert trail.steps(APPLY_NO)[0] == "identified"
    assert trail.keyed()
    assert trail.sealing_note() == ""


def test_rows_cannot_be_updated_or_deleted(tmp_path: Path) -> None:
    filled(tmp_path)
    with sqlite3.connect(tmp_path / "audit.db") as db, pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM audit WHERE seq = 2")


def test_verify_finds_the_first_tampered_row(tmp_path: Path) -> None:
    trail = filled(tmp_path)
    with sqlite3.connect(tmp_path / "audit.db") as db:
        db.execute("DROP TRIGGER audit_no_update")  # someone with file access, not the app
        db.execute("UPDATE audit SET event = 'rejected' WHERE seq = 3")
    assert trail.verify() == (3, 3)


def test_verify_with_another_key_fails_at_the_first_row(tmp_path: Path) -> None:
    filled(tmp_path)
    assert AuditTrail(tmp_path / "audit.db", bytes(32)).verify() == (1, 1)


def test_head_is_the_last_rows_number_and_mac(tmp_path: Path) -> None:
    assert AuditTrail(tmp_path / "empty.db", KEY).head() == Head(0, GENESIS)
    trail = filled(tmp_path)
    with closing(sqlite3.connect(tmp_path / "audit.db")) as db:
        last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert trail.head() == Head(5, last[1])


def test_old_version_trail_sealed_with_a_new_key_verifies(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    old_version_trail(path, ["submitted", "rated", "submitted"])
    assert not AuditTrail(path, KEY, check_only=True).keyed()
    trail = AuditTrail(path, KEY, seal=True)
    assert trail.keyed()
    assert trail.verify() == (4, None)
    assert trail.sealing_note() == "3 earlier rows sealed; plain chain intact"
    assert trail.steps(APPLY_NO) == ["submitted", "rated", "submitted"]
    trail.record(APPLY_NO, "rated")
    assert trail.verify() == (5, None)
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.DatabaseError):
        db.execute("UPDATE audit SET event = 'x' WHERE seq = 1")


def test_old_version_trail_tampered_before_keying_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    old_version_trail(path, ["submitted", "rated", "submitted"])
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit SET event = 'rejected' WHERE seq = 2")
    trail = AuditTrail(path, KEY, seal=True)
    assert trail.verify() == (4, None)
    assert trail.sealing_note() == "3 earlier rows sealed; plain chain broken at row 2"


def test_old_version_trail_with_a_gap_is_noted_when_sealed_and_fails_verify(
    tmp_path: Path,
) -> None:
    path = tmp_path / "audit.db"
    old_version_trail(path, ["submitted", "rated", "submitted"])
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq = 2")
    trail = AuditTrail(path, KEY, seal=True)
    assert trail.sealing_note() == "2 earlier rows sealed; plain chain broken at row 3"
    assert trail.verify() == (2, 3)


def test_old_version_trail_without_leave_to_seal_is_left_not_keyed(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    old_version_trail(path, ["submitted", "rated"])
    with closing(sqlite3.connect(path)) as db:
        before = db.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    trail = AuditTrail(path, KEY)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT * FROM audit ORDER BY seq").fetchall() == before
    assert not trail.keyed()
    assert trail.verify() == (1, 1)
    assert trail.head() == Head(2, GENESIS)
    trail.record(APPLY_NO, "submitted")  # the kiosk goes on recording, still not keyed
    assert not trail.keyed()
    assert trail.head() == Head(3, GENESIS)


def test_old_version_trail_without_rows_is_keyed_without_leave_to_seal(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    old_version_trail(path, [])
    trail = AuditTrail(path, KEY)
    assert trail.keyed()
    trail.record(APPLY_NO, "submitted")
    assert trail.verify() == (1, None)
    assert trail.sealing_note() == ""


def test_verify_fails_at_the_first_gap_in_the_row_numbers(tmp_path: Path) -> None:
    trail = filled(tmp_path)
    with sqlite3.connect(tmp_path / "audit.db") as db:
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq = 5")
    trail.record(APPLY_NO, "rated")  # row 6, chained onto row 4 under the key
    assert trail.verify() == (5, 6)


def test_detail_with_personal_data_is_masked(tmp_path: Path) -> None:
    trail = AuditTrail(tmp_path / "audit.db", KEY)
    trail.record(APPLY_NO, "note", "called 13800001234 about 110102195001010013")
    raw = (tmp_path / "audit.db").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("audit.db-*")
    )
    assert b"13800001234" not in raw
    assert b"110102195001010013" not in raw


def test_kiosk_audit_verify_command(tmp_path: Path) -> None:
    filled(tmp_path, load_key(tmp_path / "audit.key", create=True))
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(tmp_path / "audit.db")]
    ok = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "5 rows, chain intact" in ok.stdout
    with sqlite3.connect(tmp_path / "audit.db") as db:
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq = 4")
    broken = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert broken.returncode == 1
    assert "broken at row 5" in broken.stdout


def test_kiosk_audit_verify_old_version_trail_fails_as_not_keyed(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    old_version_trail(path, ["submitted"])
    load_key(tmp_path / "audit.key", create=True)
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 1
    assert f"{path}: not keyed" in result.stdout
    assert not AuditTrail(path, KEY, check_only=True).keyed()


def test_kiosk_audit_verify_without_the_key_says_where_it_looked(tmp_path: Path) -> None:
    filled(tmp_path)
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(tmp_path / "audit.db")]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 2
    assert result.stderr == (
        f"kiosk: no audit key at {tmp_path / 'audit.key'} (the kiosk keeps it beside its audit "
        "trail); give the key this trail was written with: --key FILE\n"
    )  # not "install the one issued for this terminal": the kiosk made this key itself
