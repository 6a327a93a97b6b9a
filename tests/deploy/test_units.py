"""The systemd units in packaging/systemd/ pass `systemd-analyze verify` and say what
common decisions of issue 12 require (cage as user kiosk, notify, watchdog, sandbox)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.station import service_command

UNITS = Path(__file__).resolve().parents[2] / "packaging" / "systemd"
MAIN = UNITS / "community-kiosk.service"
OUT_OF_SERVICE = UNITS / "community-kiosk-out-of-service.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze absent")
@pytest.mark.parametrize("unit", [MAIN, OUT_OF_SERVICE], ids=lambda unit: unit.name)
def test_unit_systemd_analyze_verify_passes(unit: Path, tmp_path: Path) -> None:
    # Both units side by side, as installed: OnFailure= and Conflicts= name each other.
    for each in UNITS.glob("*.service"):
        shutil.copy(each, tmp_path)
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(tmp_path / unit.name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_unit_main_runs_kiosk_inside_cage_as_kiosk_with_watchdog() -> None:
    command = service_command(MAIN)
    assert command.argv == ["/usr/bin/cage", "-d", "--", "/opt/community-kiosk/bin/kiosk", "run"]
    assert command.user == "kiosk"
    assert command.environment["QT_QPA_PLATFORM"] == "wayland"
    assert command.environment["XDG_RUNTIME_DIR"] == "/run/kiosk"
    text = MAIN.read_text(encoding="utf-8")
    for line in (
        "Type=notify",
        "NotifyAccess=all",
        "WatchdogSec=30",
        "Restart=always",
        "OnFailure=community-kiosk-out-of-service.service",
        "ProtectSystem=strict",
        "ReadWritePaths=/var/lib/kiosk",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=",
    ):
        assert f"\n{line}\n" in text, line


def test_unit_out_of_service_runs_the_out_of_service_screen() -> None:
    command = service_command(OUT_OF_SERVICE)
    assert command.argv == [
        "/usr/bin/cage",
        "-d",
        "--",
        "/opt/community-kiosk/bin/kiosk",
        "out-of-service",
        "--reason",
        "crash-loop",
    ]
    assert command.user == "kiosk"
