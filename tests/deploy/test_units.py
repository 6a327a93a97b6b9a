"""The systemd units in packaging/systemd/ pass `systemd-analyze verify` and say what
common decisions of issue 12 require (cage as user kiosk, notify, watchdog, sandbox); the
lockdown drop-ins in packaging/lockdown/ use only keys systemd 252 documents."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.station import service_command

UNITS = Path(__file__).resolve().parents[2] / "packaging" / "systemd"
MAIN = UNITS / "community-kiosk.service"
OUT_OF_SERVICE = UNITS / "community-kiosk-out-of-service.service"
RETRY_TIMER = UNITS / "community-kiosk-retry.timer"
RETRY = UNITS / "community-kiosk-retry.service"
ALL_UNITS = [MAIN, OUT_OF_SERVICE, RETRY_TIMER, RETRY]
LOCKDOWN = UNITS.parent / "lockdown"
MAN5 = Path("/usr/share/man/man5")


def test_unit_files_are_exactly_the_known_four() -> None:
    assert sorted(UNITS.iterdir()) == sorted(ALL_UNITS)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze absent")
@pytest.mark.parametrize("unit", ALL_UNITS, ids=lambda unit: unit.name)
def test_unit_systemd_analyze_verify_passes(unit: Path, tmp_path: Path) -> None:
    # All units side by side, as installed: OnFailure=, Conflicts=, Wants= name each other.
    for each in ALL_UNITS:
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


@pytest.mark.parametrize("unit", [MAIN, OUT_OF_SERVICE], ids=lambda unit: unit.name)
def test_unit_screen_units_are_sandboxed_and_count_an_abort_as_failure(unit: Path) -> None:
    text = unit.read_text(encoding="utf-8")
    for line in (
        "UMask=0077",
        "RestrictSUIDSGID=yes",
        "ProtectHostname=yes",
        "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
        "Restart=always",
    ):
        assert f"\n{line}\n" in text, line
    settings = _settings(text)
    # cage's abort on SIGTERM no longer happens (ExecStop lets it exit): one is a failure.
    assert "SuccessExitStatus" not in settings
    # These would set DeviceAllow= and close /dev/dri, /dev/input, /dev/ttyUSB*, /dev/video*.
    for closing in ("ProtectClock", "DeviceAllow", "PrivateDevices", "DevicePolicy"):
        assert closing not in settings, closing


@pytest.mark.parametrize("unit", [MAIN, OUT_OF_SERVICE], ids=lambda unit: unit.name)
def test_unit_screen_units_take_notifications_from_cages_child_without_a_pam_session(
    unit: Path,
) -> None:
    # A PAM session (pam_systemd) moves the process into a session scope: the kiosk's READY=1
    # and WATCHDOG=1 would not count for the unit (systemd.exec(5); test_systemd.py saw it).
    settings = _settings(unit.read_text(encoding="utf-8"))
    assert settings["NotifyAccess"] == ["all"]
    assert "PAMName" not in settings


def test_unit_kiosk_and_out_of_service_are_ordered_so_one_stops_before_the_other_starts() -> None:
    # Conflicts= alone runs the stop and the start together; both share /run/kiosk.
    main = _settings(MAIN.read_text(encoding="utf-8"))
    out_of_service = _settings(OUT_OF_SERVICE.read_text(encoding="utf-8"))
    assert "community-kiosk-out-of-service.service" in " ".join(main["Conflicts"])
    ordered = " ".join(main.get("After", []) + main.get("Before", []))
    ordered_back = " ".join(out_of_service.get("After", []) + out_of_service.get("Before", []))
    assert (
        "community-kiosk-out-of-service.service" in ordered.split()
        or "community-kiosk.service" in ordered_back.split()
    )


def test_unit_out_of_service_starts_the_retry_timer_which_stops_with_it() -> None:
    assert "community-kiosk-retry.timer" in _settings(OUT_OF_SERVICE.read_text())["Wants"]
    timer = _settings(RETRY_TIMER.read_text(encoding="utf-8"))
    assert timer["PartOf"] == ["community-kiosk-out-of-service.service"]
    assert timer["OnActiveSec"] == ["30min"]
    assert "Unit" not in timer  # the timer starts the service of its own name


def test_unit_retry_forgets_the_start_limit_then_starts_the_kiosk_without_waiting() -> None:
    retry = _settings(RETRY.read_text(encoding="utf-8"))
    assert retry["Type"] == ["oneshot"]
    assert retry["ExecStart"] == [
        "/bin/systemctl reset-failed community-kiosk.service",
        "/bin/systemctl start --no-block community-kiosk.service",
    ]
    assert "User" not in retry  # systemctl start needs root


def _settings(text: str) -> dict[str, list[str]]:
    """Every Key=value of a unit or drop-in file, values in file order per key."""
    found: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith(("#", ";", "[")) and "=" in line:
            key, _, value = line.partition("=")
            found.setdefault(key, []).append(value)
    return found


@pytest.mark.parametrize(
    ("drop_in", "man_page", "section"),
    [
        ("logind.conf", "logind.conf.5.gz", "[Login]"),
        ("system.conf", "systemd-system.conf.5.gz", "[Manager]"),
    ],
    ids=["logind", "system"],
)
def test_lockdown_drop_in_keys_are_documented_by_this_systemd(
    drop_in: str, man_page: str, section: str
) -> None:
    # An unknown key is ignored silently: a typo would protect nothing.
    page = MAN5 / man_page
    if not page.exists():
        pytest.skip(f"{page} absent (manual pages not installed)")
    documented = set(re.findall(r"\\fI(\w+)=\\fR", gzip.decompress(page.read_bytes()).decode()))
    text = (LOCKDOWN / drop_in).read_text(encoding="utf-8")
    assert f"\n{section}\n" in text
    settings = _settings(text)
    assert settings
    for key in settings:
        assert key in documented, key


def test_lockdown_drop_ins_ignore_power_keys_vts_sysrq_and_ctrl_alt_del() -> None:
    logind = _settings((LOCKDOWN / "logind.conf").read_text(encoding="utf-8"))
    for key in ("HandlePowerKey", "HandleSuspendKey", "HandleHibernateKey", "HandleRebootKey"):
        assert logind[key] == ["ignore"], key
        assert logind[f"{key}LongPress"] == ["ignore"], key
    assert logind["NAutoVTs"] == ["0"]
    assert logind["ReserveVT"] == ["0"]
    system = _settings((LOCKDOWN / "system.conf").read_text(encoding="utf-8"))
    assert system == {"CtrlAltDelBurstAction": ["none"]}
    sysctl = (LOCKDOWN / "sysctl.conf").read_text(encoding="utf-8")
    assert [line for line in sysctl.splitlines() if line and not line.startswith("#")] == [
        "kernel.sysrq = 0"
    ]
