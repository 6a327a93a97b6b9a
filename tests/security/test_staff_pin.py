"""Issue 10, item 3 (core): the staff PIN's hash, its strength rules, the lockout, the audit."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.audit import AuditTrail
from kiosk.settings import SettingsError, load_settings
from kiosk.staffaccess import LONGEST_LOCK_S, Outcome, StaffAccess
from kiosk.staffpin import (
    DEMO_PIN,
    DEMO_PIN_HASH,
    PIN_HASH_PATTERN,
    WeakPinError,
    check_pin_strength,
    hash_pin,
    verify_pin,
)

PIN = "470253"
AUDIT_KEY = bytes(range(32))


class Clock:
    """Wall-clock seconds the test moves by hand (lockouts last minutes to an hour)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


def staff_access(folder: Path, pin_hash: str, clock: Clock) -> StaffAccess:
    audit = AuditTrail(folder / "audit.db", AUDIT_KEY)
    return StaffAccess(pin_hash, folder / "staff.db", audit, clock)


def test_hash_pin_right_pin_verifies_wrong_pin_does_not(pin_hash: str) -> None:
    assert verify_pin(PIN, pin_hash)
    assert not verify_pin("470254", pin_hash)
    assert not verify_pin(PIN + "0", pin_hash)


def test_hash_pin_line_is_salted_scrypt_without_the_pin(pin_hash: str) -> None:
    again = hash_pin(PIN)
    assert again != pin_hash  # a fresh salt each time
    assert pin_hash.startswith("scrypt$n=16384,r=8,p=1$")
    assert PIN not in pin_hash
    assert re.fullmatch(PIN_HASH_PATTERN, pin_hash)


@pytest.mark.parametrize(
    "pin",
    [
        "111111",
        "123456",
        "987654",
        "890123",
        "121212",
        "123123",
        "12345",
        "1234567890123",
        "12a456",
        "４７０２５３",
    ],
)
def test_check_pin_strength_trivial_or_malformed_pin_refused(pin: str) -> None:
    with pytest.raises(WeakPinError):
        check_pin_strength(pin)


def test_verify_pin_cheap_or_malformed_hash_matches_nothing() -> None:
    salt = b"0123456789abcdef"
    cheap = hashlib.scrypt(PIN.encode(), salt=salt, n=2, r=8, p=1, dklen=32)
    encoded = (
        f"scrypt$n=2,r=8,p=1${base64.b64encode(salt).decode()}${base64.b64encode(cheap).decode()}"
    )
    assert not verify_pin(PIN, encoded)
    assert not verify_pin(PIN, PIN)
    assert not verify_pin(PIN, "")


def test_settings_pin_itself_in_station_file_refused(tmp_path: Path) -> None:
    station = tmp_path / "kiosk.toml"
    station.write_text(f'[staff]\npin_hash = "{PIN}"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(station)
    assert raised.value.key == "staff.pin_hash"


def test_staff_access_five_wrong_pins_lock_with_growing_delay(
    tmp_path: Path, pin_hash: str
) -> None:
    clock = Clock()
    access = staff_access(tmp_path, pin_hash, clock)
    expected = [60, 120, 240, 480, 960, 1920, 3600, 3600]
    for duration in expected:
        for tries_left in (4, 3, 2, 1):
            verdict = access.attempt("000001")
            assert (verdict.outcome, verdict.tries_left) == (Outcome.WRONG, tries_left)
        verdict = access.attempt("000001")
        assert (verdict.outcome, verdict.locked_s) == (Outcome.LOCKED, duration)
        clock.now += duration - 1
        assert access.attempt(PIN).outcome is Outcome.LOCKED  # not even the right PIN
        clock.now += 1
        assert access.status().outcome is Outcome.READY
    assert expected[-1] == LONGEST_LOCK_S


def test_staff_access_right_pin_starts_the_count_over(tmp_path: Path, pin_hash: str) -> None:
    clock = Clock()
    access = staff_access(tmp_path, pin_hash, clock)
    for _ in range(5):
        access.attempt("000001")
    clock.now += 60
    assert access.attempt(PIN).outcome is Outcome.GRANTED
    for _ in range(5):
        verdict = access.attempt("000001")
    assert verdict.locked_s == 60


def test_staff_access_lockout_survives_a_restart(tmp_path: Path, pin_hash: str) -> None:
    clock = Clock()
    access = staff_access(tmp_path, pin_hash, clock)
    for _ in range(5):
        access.attempt("000001")
    clock.now += 30
    restarted = staff_access(tmp_path, pin_hash, clock)
    assert restarted.status().locked_s == 30
    assert restarted.attempt(PIN).outcome is Outcome.LOCKED


def test_staff_access_clock_set_back_does_not_stretch_the_lockout(
    tmp_path: Path, pin_hash: str
) -> None:
    clock = Clock()
    access = staff_access(tmp_path, pin_hash, clock)
    for _ in range(5):
        access.attempt("000001")
    clock.now -= 86_400
    assert access.status().locked_s == 60


def test_staff_access_every_attempt_success_and_lockout_in_audit_trail_without_pin(
    tmp_path: Path, pin_hash: str
) -> None:
    clock = Clock()
    access = staff_access(tmp_path, pin_hash, clock)
    assert access.attempt(PIN).outcome is Outcome.GRANTED
    for _ in range(5):
        access.attempt("903817")
    access.attempt(PIN)  # during the lockout
    trail = AuditTrail(tmp_path / "audit.db", AUDIT_KEY)
    assert trail.steps("staff") == [
        "staff_pin_accepted",
        *["staff_pin_wrong"] * 5,
        "staff_locked_out",
        "staff_pin_refused",
    ]
    assert trail.verify() == (8, None)
    with sqlite3.connect(tmp_path / "audit.db") as db:
        rows = "\n".join(str(row) for row in db.execute("SELECT * FROM audit"))
    assert PIN not in rows
    assert "903817" not in rows


def test_staff_access_no_pin_set_never_grants(tmp_path: Path) -> None:
    access = staff_access(tmp_path, "", Clock())
    assert access.attempt("").outcome is Outcome.NOT_SET
    assert access.attempt(PIN).outcome is Outcome.NOT_SET


def set_pin(*args: str, pins: str) -> subprocess.CompletedProcess[str]:
    # A new session has no terminal: getpass reads the PIN from stdin, as from a technician.
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", "set-pin", *args],
        input=pins,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        start_new_session=True,
        env=dict(os.environ, PYTHONWARNINGS="ignore"),
    )


def test_staff_set_pin_writes_hash_keeps_comments_and_previous_file(
    tmp_path: Path, repo: Path
) -> None:
    station = tmp_path / "kiosk.toml"
    original = (repo / "config" / "kiosk.example.toml").read_text(encoding="utf-8")
    station.write_text(original, encoding="utf-8")
    result = set_pin("--config", str(station), pins=f"{PIN}\n{PIN}\n")
    assert result.returncode == 0, result.stderr
    settings = load_settings(station)
    assert verify_pin(PIN, settings.staff.pin_hash)
    written = station.read_text(encoding="utf-8")
    assert PIN not in written
    assert PIN not in result.stdout + result.stderr
    assert "# The staff panel (hold the device lights 3 s)" in written  # comments kept
    assert (tmp_path / "kiosk.toml.previous").read_text(encoding="utf-8") == original
    again = set_pin("--config", str(station), pins="582914\n582914\n")
    assert again.returncode == 0, again.stderr
    assert verify_pin("582914", load_settings(station).staff.pin_hash)
    lines = station.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("pin_hash =") for line in lines) == 1


def test_staff_set_pin_world_readable_station_file_no_longer_readable_by_all(
    tmp_path: Path, repo: Path
) -> None:
    station = tmp_path / "kiosk.toml"
    station.write_text("[station]\n", encoding="utf-8")
    station.chmod(0o644)  # as an editor may leave it
    assert set_pin("--config", str(station), pins=f"{PIN}\n{PIN}\n").returncode == 0
    previous = tmp_path / "kiosk.toml.previous"
    assert [stat.S_IMODE(p.stat().st_mode) for p in (station, previous)] == [0o640, 0o640]


@pytest.mark.parametrize("pins", ["123456\n123456\n", f"{PIN}\n470254\n"])
def test_staff_set_pin_trivial_or_mistyped_pin_refused_file_unchanged(
    tmp_path: Path, pins: str
) -> None:
    station = tmp_path / "kiosk.toml"
    station.write_text("[session]\nidle_timeout_s = 90\n", encoding="utf-8")
    result = set_pin("--config", str(station), pins=pins)
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr
    assert station.read_text(encoding="utf-8") == "[session]\nidle_timeout_s = 90\n"
    assert not (tmp_path / "kiosk.toml.previous").exists()


def test_demo_pin_hash_is_the_demo_pins_line() -> None:
    assert verify_pin(DEMO_PIN, DEMO_PIN_HASH)
