"""The Debian package under a real systemd (252, Debian 12) as PID 1: installed in a
systemd-nspawn container made by debootstrap, the units do what they promise — active only
after the kiosk's READY=1, a crash loop hands the screen to the out-of-service unit and the
retry brings the kiosk back, a frozen GUI trips the watchdog, a stop is clean.

Slow and needs root: runs with `make deb-test` (KIOSK_DEPLOY_TEST=1). The container has no
VT, GPU or input device: a test-only drop-in (DROP_IN) changes only that; everything else
(sandboxing, Type=notify, WatchdogSec, Restart, the start limit, OnFailure, User) is as
shipped. The tests share one container and run in order; each starts from a stopped kiosk.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy import container as nspawn
from tests.deploy import station
from tests.deploy.test_package import colour_shares, shows_first_screen

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("KIOSK_DEPLOY_TEST") != "1",
        reason="boots a container with systemd: run with `make deb-test` (as root)",
    ),
    pytest.mark.timeout(900),
]

KIOSK = "community-kiosk.service"
OUT_OF_SERVICE = "community-kiosk-out-of-service.service"
RETRY = "community-kiosk-retry.service"
RETRY_TIMER = "community-kiosk-retry.timer"
KIOSK_RUN = "/opt/community-kiosk/bin/kiosk run"
KIOSK_OUT_OF_SERVICE = "/opt/community-kiosk/bin/kiosk out-of-service"
# packaging/systemd/community-kiosk.service
WATCHDOG_S = 30
RESTART_S = 2
START_LIMIT_BURST = 5
STOP_TIMEOUT_S = 15
RETRY_AFTER_S = 30 * 60
# Besides the package's Depends: grim takes the screenshot inside the container.
TEST_PACKAGES = ("grim",)

# Each line: what the container lacks, and nothing more.
DROP_IN = f"""\
# TEST ONLY (tests/deploy/test_systemd.py): a systemd-nspawn container has no VT, GPU or
# input device. Everything else in the unit stays as shipped.
[Unit]
# No /dev/tty0 (no virtual terminals in a container): the condition would skip the unit.
ConditionPathExists=

[Service]
# No /dev/tty1 to run on, so none to take as standard input (tty-fail would fail the start).
TTYPath=
StandardInput=null
# Without TTYPath= these would act on /dev/console, here the pipe to the test.
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
# No DRM device and no input device: wlroots' headless backend, drawn by the CPU; two
# outputs, as tests/deploy/station.py HEADLESS_CAGE explains.
Environment={" ".join(f"{name}={value}" for name, value in station.HEADLESS_CAGE.items())}
"""

_timings: dict[str, float] = {}


@pytest.fixture(scope="module")
def can_run_containers() -> None:
    why = nspawn.why_no_container()
    if why is not None:
        pytest.skip(why)


@pytest.fixture(scope="module")
def container(can_run_containers: None, first_deb: Path) -> Iterator[nspawn.Container]:
    """A booted Debian 12 with the package installed by dpkg under its systemd, the
    terminal secret in place, the test drop-ins, and the kiosk stopped."""
    work = Path(tempfile.mkdtemp(prefix="kiosk-nspawn-", dir="/var/tmp"))
    tree = work / "tree"
    box = nspawn.Container(tree, f"kiosk-test-{os.getpid()}", work / "console.log")
    try:
        started = time.monotonic()
        nspawn.debootstrap(tree, [*nspawn.package_depends(first_deb), *TEST_PACKAGES])
        _timings["debootstrap_s"] = time.monotonic() - started

        started = time.monotonic()
        box.boot()
        _timings["boot_s"] = time.monotonic() - started

        for unit in (KIOSK, OUT_OF_SERVICE):
            drop_in = tree / "etc" / "systemd" / "system" / f"{unit}.d" / "test.conf"
            drop_in.parent.mkdir(parents=True)
            drop_in.write_text(DROP_IN, encoding="utf-8")
        shutil.copy(first_deb, tree / "root" / first_deb.name)
        started = time.monotonic()
        # The package's Depends are all in the tree already: dpkg alone must do.
        box.run(
            "dpkg",
            "-i",
            f"/root/{first_deb.name}",
            env={"DEBIAN_FRONTEND": "noninteractive"},
            timeout=600,
        )
        _timings["dpkg_install_s"] = time.monotonic() - started
        (tree / "root" / first_deb.name).unlink()

        # As docs/INSTALL.md has a technician do: `kiosk enrol` with the district's file.
        secret = tree / "root" / "terminal.secret"
        secret.write_bytes(secrets.token_bytes(32))
        box.run("kiosk", "enrol", "--from", "/root/terminal.secret")
        secret.unlink()
        yield box
    finally:
        box.shutdown()
        shutil.rmtree(work, ignore_errors=True)
        # For a person to read (seconds): debootstrap, install, start, the watchdog's delay.
        kept = station.REPO / "build" / "nspawn-timings.json"
        kept.parent.mkdir(exist_ok=True)
        kept.write_text(json.dumps(_timings, indent=1) + "\n", encoding="utf-8")


@pytest.fixture
def stopped(container: nspawn.Container) -> nspawn.Container:
    """Nothing of the kiosk's running, its failures and start count forgotten."""
    box = container
    # A kiosk a failed test left frozen (SIGSTOP) would not quit on ExecStop's SIGTERM.
    box.run("systemctl", "kill", "--signal=SIGCONT", KIOSK, check=False)
    # One at a time: a kiosk that fails while stopping starts the out-of-service screen
    # (OnFailure=), which would cancel a stop job given in the same call.
    for unit in (KIOSK, OUT_OF_SERVICE, RETRY_TIMER):
        box.run("systemctl", "stop", unit, timeout=60, check=False)
    for unit in (KIOSK, OUT_OF_SERVICE, RETRY_TIMER):
        box.run("systemctl", "stop", unit, timeout=60)
        wait_for_state(box, unit, "inactive", None, timeout=30)
    # reset-failed also resets the start limit's count (StartLimitBurst=5 in 600 s).
    box.systemctl("reset-failed", timeout=30)
    return box


@pytest.fixture
def running(stopped: nspawn.Container) -> nspawn.Container:
    """The kiosk started (the start job ends with its READY=1) and serving."""
    start(stopped, KIOSK)
    wait_for_state(stopped, KIOSK, "active", "running", timeout=10)
    return stopped


# -- helpers -------------------------------------------------------------------------------


def start(box: nspawn.Container, unit: str) -> None:
    """`systemctl start unit` (a notify unit: until its READY=1); on failure, says why."""
    started = box.run("systemctl", "start", unit, timeout=150, check=False)
    if started.returncode != 0:
        status = box.run("systemctl", "status", "--no-pager", "--lines=0", unit, check=False)
        log = box.run(
            "journalctl",
            "--no-pager",
            f"--unit={unit}",
            "--lines=40",
            # Not cage's lines about the headless outputs (60 a second, see DROP_IN).
            "--grep=^(?!.*Basic output test failed)",
            check=False,
        )
        raise AssertionError(
            f"systemctl start {unit} exited {started.returncode}: {started.stderr}\n"
            f"{status.stdout}\n{log.stdout}"
        )


def wait_for_state(
    box: nspawn.Container,
    unit: str,
    active: str,
    sub: str | None,
    timeout: float,
    restarts: int | None = None,
) -> dict[str, str]:
    """Poll `systemctl show` until ActiveState (and SubState, and NRestarts) are these; the
    last values seen."""
    seen: dict[str, str] = {}

    properties = ["ActiveState", "SubState", "Result"]
    if unit.endswith(".service"):
        properties.append("NRestarts")

    def reached() -> bool:
        seen.update(box.show(unit, *properties))
        return (
            seen["ActiveState"] == active
            and sub in (None, seen["SubState"])
            and restarts in (None, int(seen.get("NRestarts", 0)))
        )

    try:
        what = f"{unit} {active}/{sub}" + (
            "" if restarts is None else f" after {restarts} restarts"
        )
        station.wait_until(reached, timeout, what)
    except AssertionError as error:
        raise AssertionError(f"{error}; last seen {seen}") from None
    return seen


def child_processes(box: nspawn.Container, unit: str) -> list[tuple[int, str, str]]:
    """(pid, user, command line) of the children of `unit`'s main process (cage's client)."""
    main = box.show(unit, "MainPID")["MainPID"]
    if main == "0":
        return []
    listing = box.run("ps", "-o", "pid=,user=,args=", "--ppid", main, check=False).stdout
    found = []
    for line in listing.splitlines():
        pid, user, args = line.split(None, 2)
        found.append((int(pid), user, args))
    return found


def kiosk_process(box: nspawn.Container, unit: str = KIOSK, command: str = KIOSK_RUN) -> int:
    """The pid (in the container) of the kiosk under `unit`'s cage; fails if there is none."""
    processes = child_processes(box, unit)
    matching = [pid for pid, _, args in processes if command in args]
    assert len(matching) == 1, f"no single {command!r} under {unit}'s cage: {processes}"
    return matching[0]


def messages(entries: list[dict[str, object]]) -> str:
    return "\n".join(str(entry["MESSAGE"]) for entry in entries)


def realtime_s(entry: dict[str, object]) -> float:
    return int(str(entry["__REALTIME_TIMESTAMP"])) / 1e6


_TIMESPAN = re.compile(r"(\d+(?:\.\d+)?)(us|ms|min|s|h|d|w|month|y)\b")
_UNIT_S = {
    "us": 1e-6,
    "ms": 1e-3,
    "s": 1,
    "min": 60,
    "h": 3600,
    "d": 86400,
    "w": 604800,
    "month": 2629800,
    "y": 31557600,
}


def timespan_s(text: str) -> float:
    """systemd's "9h 5min 30.851194s" in seconds."""
    parts = _TIMESPAN.findall(text)
    assert parts, f"not a systemd time span: {text!r}"
    return sum(float(number) * _UNIT_S[unit] for number, unit in parts)


# -- 1. start ------------------------------------------------------------------------------


def test_kiosk_service_start_is_active_after_ready_as_kiosk_with_journal(
    stopped: nspawn.Container,
) -> None:
    box = stopped
    # Enabled by the package's postinst (run under this systemd): it starts at every boot.
    assert box.run("systemctl", "is-enabled", KIOSK, check=False).stdout.strip() == "enabled"
    mark = box.cursor()

    started = time.monotonic()
    start(box, KIOSK)  # Type=notify: returns at READY=1
    _timings["start_to_active_s"] = time.monotonic() - started

    state = box.show(KIOSK, "ActiveState", "SubState", "StatusText", "ActiveEnterTimestamp")
    assert (state["ActiveState"], state["SubState"]) == ("active", "running"), state
    # The kiosk's own STATUS= line (kiosk/health.py service_status).
    assert state["StatusText"].startswith("Serving residents"), state

    pid = kiosk_process(box)
    users = {user for _, user, args in child_processes(box, KIOSK) if KIOSK_RUN in args}
    assert users == {"kiosk"}
    status = box.run("cat", f"/proc/{pid}/status").stdout
    uid = box.run("id", "-u", "kiosk").stdout.strip()
    assert re.search(rf"^Uid:\s+{uid}\s+{uid}\s+{uid}\s+{uid}$", status, re.M), status

    journal = box.journal(f"--unit={KIOSK}", after=mark)
    kiosk_lines = [entry for entry in journal if entry.get("_PID") == str(pid)]
    first_frame = [e for e in kiosk_lines if station.FIRST_FRAME in str(e["MESSAGE"])]
    assert first_frame, messages(journal)[-3000:]
    # The kiosk's lines carry their priorities (kiosk/app/logsetup.py): info and warnings.
    assert first_frame[0]["PRIORITY"] == "6"
    priorities = {entry["PRIORITY"] for entry in kiosk_lines}
    assert {"6", "4"} <= priorities, priorities
    warnings = box.run(
        "journalctl", f"--unit={KIOSK}", "--priority=warning", "--no-pager", "-o", "cat"
    ).stdout
    assert "no_device" in warnings  # no reader here: a warning, shown by -p warning
    # systemd says "Started" only after the kiosk's first frame (READY=1 follows it).
    started_lines = [
        e for e in journal if e.get("SYSLOG_IDENTIFIER") == "systemd" and "Started" in e["MESSAGE"]
    ]
    assert len(started_lines) == 1, messages(journal)[-3000:]
    assert realtime_s(first_frame[0]) <= realtime_s(started_lines[0])

    # The screen, through the service's Wayland socket in its RuntimeDirectory.
    sockets = box.run("ls", "/run/kiosk").stdout.split()
    displays = [name for name in sockets if name.startswith("wayland-") and "." not in name]
    assert displays, sockets
    shot = box.tree / "root" / "home.png"
    deadline = time.monotonic() + 20
    while True:
        box.run(
            "grim",
            "/root/home.png",
            env={"XDG_RUNTIME_DIR": "/run/kiosk", "WAYLAND_DISPLAY": displays[0]},
            timeout=30,
        )
        shares = colour_shares(shot)
        if shows_first_screen(shares) or time.monotonic() > deadline:
            break
    kept = station.REPO / "build" / "nspawn-home.png"  # for a person to look at
    kept.parent.mkdir(exist_ok=True)
    shutil.copy(shot, kept)
    assert shows_first_screen(shares), shares


# -- 2. crash loop -------------------------------------------------------------------------


def test_kiosk_service_crash_loop_hands_over_to_out_of_service_and_retry_brings_it_back(
    running: nspawn.Container,
) -> None:
    box = running
    mark = box.cursor()
    # The first start counts: the 5th crash asks for a 6th start in 600 s, which is refused.
    for crash in range(1, START_LIMIT_BURST + 1):
        pid = kiosk_process(box)
        box.run("kill", "-SEGV", str(pid))  # as a real crash would
        if crash < START_LIMIT_BURST:
            wait_for_state(box, KIOSK, "active", "running", RESTART_S + 30, restarts=crash)
            assert kiosk_process(box) != pid

    state = wait_for_state(box, KIOSK, "failed", None, timeout=RESTART_S + 30)
    assert state["Result"] == "start-limit-hit", state
    # OnFailure=: the out-of-service screen, its own `kiosk out-of-service` under cage.
    wait_for_state(box, OUT_OF_SERVICE, "active", "running", timeout=60)
    out_of_service = kiosk_process(box, OUT_OF_SERVICE, KIOSK_OUT_OF_SERVICE)
    assert out_of_service
    assert "--reason crash-loop" in " ".join(a for _, _, a in child_processes(box, OUT_OF_SERVICE))
    status = box.show(OUT_OF_SERVICE, "StatusText")["StatusText"]
    assert status, "the out-of-service screen sends no STATUS="
    # Its Wants= started the retry timer, due 30 minutes after the screen came up.
    timer = box.show(RETRY_TIMER, "ActiveState", "SubState", "NextElapseUSecMonotonic")
    assert (timer["ActiveState"], timer["SubState"]) == ("active", "waiting"), timer
    uptime = float(box.run("cat", "/proc/uptime").stdout.split()[0])
    due_in = timespan_s(timer["NextElapseUSecMonotonic"]) - uptime
    assert RETRY_AFTER_S - 120 <= due_in <= RETRY_AFTER_S + 60, (due_in, timer)
    listed = box.systemctl("list-timers", "--no-legend", RETRY_TIMER)
    assert RETRY in listed, listed
    crashes = box.journal(f"--unit={KIOSK}", after=mark)
    assert "Start request repeated too quickly." in messages(crashes)

    # What the timer does in 30 minutes: the retry service, started by hand.
    mark = box.cursor()
    box.systemctl("start", RETRY, timeout=60)
    state = wait_for_state(box, KIOSK, "active", "running", timeout=60)
    wait_for_state(box, OUT_OF_SERVICE, "inactive", "dead", timeout=30)
    # Conflicts=: the screen made way (its ExecStop, no abort), the timer went with it.
    assert box.show(OUT_OF_SERVICE, "Result")["Result"] == "success"
    assert box.show(RETRY_TIMER, "ActiveState")["ActiveState"] == "inactive"
    # Back at the first try: no start of the kiosk failed on the way.
    after = box.journal(f"--unit={KIOSK}", after=mark)
    assert state["NRestarts"] == "0", messages(after)[-3000:]
    assert "Failed with result" not in messages(after), messages(after)[-3000:]
    kiosk_process(box)
    assert no_core_files(box)


# -- 3. watchdog ---------------------------------------------------------------------------


def test_kiosk_service_frozen_gui_is_restarted_by_the_watchdog(
    running: nspawn.Container,
) -> None:
    box = running
    assert box.show(KIOSK, "WatchdogUSec")["WatchdogUSec"] == f"{WATCHDOG_S}s"
    pid = kiosk_process(box)
    mark = box.cursor()
    frozen_at = time.time()
    box.run("kill", "-STOP", str(pid))  # the GUI thread stops; the process stays
    try:
        # The last WATCHDOG=1 came at most WatchdogSec/2 before: the timeout is due in 30 s.
        timeout_lines: list[dict[str, object]] = []

        def watchdog_fired() -> bool:
            timeout_lines[:] = box.journal(f"--unit={KIOSK}", "--grep=Watchdog timeout", after=mark)
            return bool(timeout_lines)

        station.wait_until(watchdog_fired, WATCHDOG_S + 15, "systemd's watchdog timeout")
    finally:
        box.run("kill", "-CONT", str(pid), check=False)  # gone if the watchdog worked
    delay = realtime_s(timeout_lines[0]) - frozen_at
    _timings["watchdog_timeout_after_stop_s"] = delay
    assert delay <= WATCHDOG_S + 2, delay
    assert f"Watchdog timeout (limit {WATCHDOG_S}s)!" in messages(timeout_lines)

    wait_for_state(box, KIOSK, "active", "running", RESTART_S + 60, restarts=1)
    _timings["watchdog_stop_to_active_again_s"] = time.time() - frozen_at
    assert kiosk_process(box) != pid
    assert "watchdog" in messages(box.journal(f"--unit={KIOSK}", after=mark))
    assert no_core_files(box)


def no_core_files(box: nspawn.Container) -> bool:
    """No core dump of cage's aborts or the kiosk's crashes filling the state folder."""
    names = box.run("ls", "-A", "/var/lib/kiosk").stdout.split()
    cores = [name for name in names if name == "core" or name.startswith("core.")]
    assert not cores, names
    return True


# -- 4. stop -------------------------------------------------------------------------------


def test_kiosk_service_stop_is_clean_within_the_stop_timeout(running: nspawn.Container) -> None:
    box = running
    pid = kiosk_process(box)
    mark = box.cursor()

    started = time.monotonic()
    box.systemctl("stop", KIOSK, timeout=STOP_TIMEOUT_S + 30)
    elapsed = time.monotonic() - started
    _timings["stop_s"] = elapsed

    state = box.show(KIOSK, "ActiveState", "Result", "ExecMainCode", "ExecMainStatus")
    assert state["ActiveState"] == "inactive", state
    assert elapsed < STOP_TIMEOUT_S, elapsed
    # cage exited by itself (CLD_EXITED, 0) after the kiosk quit: no SIGABRT, no SIGKILL.
    assert (state["Result"], state["ExecMainCode"], state["ExecMainStatus"]) == (
        "success",
        "1",
        "0",
    ), state
    journal = messages(box.journal(f"--unit={KIOSK}", after=mark))
    assert "SIGTERM received: stopping" in journal, journal[-3000:]
    # cage 0.1.4 aborts on SIGTERM: that is what ExecStop= avoids.
    for sign in ("status=6/ABRT", "Killing", "timed out", "dumped core"):
        assert sign not in journal, journal[-3000:]
    assert box.run("kill", "-0", str(pid), check=False).returncode != 0


# -- 5. boot -------------------------------------------------------------------------------


def test_kiosk_service_enabled_by_the_package_starts_at_boot(container: nspawn.Container) -> None:
    box = container
    # A power cut and the machine on again: nothing but the boot starts the kiosk.
    box.shutdown()
    box.boot()
    state = wait_for_state(box, KIOSK, "active", "running", timeout=60)
    assert state["NRestarts"] == "0", state
    kiosk_process(box)
    assert box.show(KIOSK, "StatusText")["StatusText"].startswith("Serving residents")
    wanted = box.show("multi-user.target", "Wants")["Wants"].split()
    assert KIOSK in wanted
