"""The hash-chained audit trail (kiosk/audit.py) and `kiosk audit verify`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.audit import AuditTrail


def filled(tmp_path: Path) -> AuditTrail:
    trail = AuditTrail(tmp_path / "audit.db")
    for event in ("identified", "form_completed", "consented", "submitted", "delivered"):
        trail.record("XCT0001-000001", event, "item 00010901000000")
    return trail


def test_verify_intact_chain(tmp_path: Path) -> None:
    trail = filled(tmp_path)
    assert trail.verify() == (5, None)
    assert trail.steps("XCT0001-000001")[0] == "identified"


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


def test_detail_with_personal_data_is_masked(tmp_path: Path) -> None:
    trail = AuditTrail(tmp_path / "audit.db")
    trail.record("XCT0001-000001", "note", "called 13800001234 about 110102195001010013")
    raw = (tmp_path / "audit.db").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("audit.db-*")
    )
    assert b"13800001234" not in raw
    assert b"110102195001010013" not in raw


def test_kiosk_audit_verify_command(tmp_path: Path) -> None:
    filled(tmp_path)
    command = [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(tmp_path / "audit.db")]
    ok = subprocess.run(command, capture_output=True, text=True, check=False)
    assert ok.returncode == 0
    assert "5 rows, chain intact" in ok.stdout
    with sqlite3.connect(tmp_path / "audit.db") as db:
        db.execute("DROP TRIGGER audit_no_delete")
        db.execute("DELETE FROM audit WHERE seq = 4")
    broken = subprocess.run(command, capture_output=True, text=True, check=False)
    assert broken.returncode == 1
    assert "broken at row 5" in broken.stdout
