"""`kiosk run` as systemd starts it: a real process with $NOTIFY_SOCKET, $WATCHDOG_USEC,
$STATE_DIRECTORY and $CREDENTIALS_DIRECTORY set, talking to the stand-in over loopback."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import statistics
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.catalog.sample import sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.standin.server import StandIn
from tests.notifylistener import NotifyListener, status_lines

TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"
WATCHDOG_USEC = 400_000  # pings every 200 ms


@dataclass
class Station:
    state: Path
    credentials: Path
    config: Path
    stderr: Path
    standin: StandIn


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    """A station whose three keys come from a credentials folder, as LoadCredential= gives
    them, and none from the state folder."""
    credentials = tmp_path / "credentials"
    credentials.mkdir(mode=0o700)
    for name, key in (
        ("terminal.secret", SECRET),
        ("outbox.key", os.urandom(32)),
        ("audit.key", os.urandom(32)),
    ):
        (credentials / name).write_bytes(key)
        (credentials / name).chmod(0o600)
    state = tmp_path / "state"
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        standin.state.set_catalog(sample_document())
        config = tmp_path / "kiosk.toml"
        config.write_text(
            f'[station]\nterminal_id = "{TERMINAL}"\n[platform]\nbase_url = "{standin.url}"\n'
            '[metrics]\nlisten = "127.0.0.1:0"\n',  # served, on a free port (never a fixed one)
            encoding="utf-8",
        )
        yield Station(state, credentials, config, tmp_path / "stderr", standin)  # type: ignore[misc]


@contextlib.contextmanager
def kiosk_run(
    station: Station, notify: NotifyListener, *command: str
) -> Iterator[subprocess.Popen[bytes]]:
    """`kiosk run` (or `command`) with the environment the unit gives it; killed if a test
    leaves it."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NOTIFY_SOCKET=notify.address,
        WATCHDOG_USEC=str(WATCHDOG_USEC),
        WATCHDOG_PID="1",  # cage's pid under the unit, never the kiosk's
        STATE_DIRECTORY=str(station.state),
        CREDENTIALS_DIRECTORY=str(station.credentials),
    )
    with station.stderr.open("wb") as stderr:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "kiosk"),
                *(command or ("run",)),
                *("--config", str(station.config)),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=env,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def stderr_of(station: Station) -> str:
    return station.stderr.read_text(encoding="utf-8", errors="replace")


def test_run_under_systemd_ready_after_first_frame_watchdog_paced_stopping_on_sigterm(
    station: Station, tmp_path: Path
) -> None:
    with NotifyListener(tmp_path / "notify") as notify, kiosk_run(station, notify) as kiosk:
        notify.wait_for(lambda: bool(notify.times_of("READY=1")), timeout=60)
        # READY=1 is sent after the first frame, never before: the log line is already out.
        assert "first frame rendered" in stderr_of(station)
        # The start names what the kiosk runs with, for staff reading the journal.
        assert (
            f"starting: station file {station.config}, terminal {TERMINAL}, "
            f"platform {station.standin.url}, state {station.state}"
        ) in stderr_of(station)
        ready = notify.times_of("READY=1")[0]
        notify.wait_for(
            lambda: len([t for t in notify.times_of("WATCHDOG=1") if t > ready]) >= 8, 30
        )
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(timeout=15) == 0, stderr_of(station)
        stopped = notify.times_of("STOPPING=1")
    messages = notify.messages()
    statuses = status_lines(messages)
    assert statuses[0] == "Starting"
    assert statuses[1].startswith("Serving residents")
    assert len(stopped) == 1
    pings = [at for at in notify.times_of("WATCHDOG=1") if ready < at < stopped[0]]
    gaps = [b - a for a, b in itertools.pairwise(pings)]
    assert 0.15 < statistics.median(gaps) < 0.4, gaps
    assert "SIGTERM received: stopping" in stderr_of(station)


def test_run_second_interrupt_during_shutdown_does_not_cut_it_short(
    station: Station, tmp_path: Path
) -> None:
    """Ctrl+C twice (or `timeout` passing SIGINT on): the workers still stop in order."""
    with NotifyListener(tmp_path / "notify") as notify, kiosk_run(station, notify) as kiosk:
        notify.wait_for(lambda: bool(notify.times_of("READY=1")), timeout=60)
        kiosk.send_signal(signal.SIGINT)
        notify.wait_for(lambda: bool(notify.times_of("STOPPING=1")), timeout=15)
        kiosk.send_signal(signal.SIGINT)
        assert kiosk.wait(timeout=15) == 0, stderr_of(station)
    assert "Destroyed while thread" not in stderr_of(station)


def test_run_interrupted_while_its_screens_load_stops_and_does_not_hang(
    station: Station, tmp_path: Path
) -> None:
    """Ctrl+C (or systemd's SIGTERM) as the window is being built: caught from STATUS=
    Starting on, before the screens load, it ends the kiosk once its event loop runs,
    instead of landing in the Python code QML calls meanwhile (which Qt reports and
    carries on from)."""
    for trial, number in enumerate((signal.SIGINT, signal.SIGTERM, signal.SIGINT)):
        socket_path = tmp_path / f"notify{trial}"
        with NotifyListener(socket_path) as notify, kiosk_run(station, notify) as kiosk:
            notify.wait_for(lambda: bool(notify.times_of("STATUS=Starting")), timeout=60)
            kiosk.send_signal(number)
            assert kiosk.wait(timeout=20) in (0, 130), stderr_of(station)
        assert "KeyboardInterrupt" not in stderr_of(station)


def test_run_keys_from_credentials_folder_are_used_and_none_is_created(
    station: Station, tmp_path: Path
) -> None:
    catalog = CatalogStore(station.state / "catalog.db")
    with NotifyListener(tmp_path / "notify") as notify, kiosk_run(station, notify) as kiosk:
        notify.wait_for(lambda: bool(notify.times_of("READY=1")), timeout=60)
        # The stand-in checks every request's signature: a catalog it served means the
        # kiosk signed with the terminal secret from the credentials folder.
        notify.wait_for(lambda: catalog.versions() != [], timeout=30)
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(timeout=15) == 0, stderr_of(station)
    verify = subprocess.run(
        [sys.executable, "-m", "kiosk", "audit", "verify", "--db", str(station.state / "audit.db")],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, CREDENTIALS_DIRECTORY=str(station.credentials)),
        check=False,
    )
    assert verify.returncode == 0, verify.stderr  # the trail opened with the folder's audit key
    assert not {"terminal.secret", "outbox.key", "audit.key"} & {
        p.name for p in station.state.iterdir()
    }


def test_out_of_service_under_systemd_shows_tells_the_platform_and_stops_on_sigterm(
    station: Station, tmp_path: Path
) -> None:
    with (
        NotifyListener(tmp_path / "notify", abstract=True) as notify,
        kiosk_run(station, notify, "out-of-service", "--reason", "crash-loop") as screen,
    ):
        notify.wait_for(lambda: bool(notify.times_of("READY=1")), timeout=60)
        assert "first frame rendered" in stderr_of(station)
        # The heartbeat reached the stand-in over HTTP, signed, with the reason.
        notify.wait_for(lambda: station.standin.store.out_of_service(TERMINAL) is not None, 30)
        notify.wait_for(lambda: len(notify.times_of("WATCHDOG=1")) >= 3, 30)
        screen.send_signal(signal.SIGTERM)
        assert screen.wait(timeout=15) == 0, stderr_of(station)
    assert station.standin.store.out_of_service(TERMINAL)["reason"] == "crash-loop"  # type: ignore[index]
    body = station.standin.store.last_heartbeat(TERMINAL)
    assert body is not None
    assert body["devices"] == []
    assert status_lines(notify.messages())[0] == (
        "Out of service (crash-loop): showing the hotline and 0 nearby stations"
    )
    assert notify.times_of("STOPPING=1")


def test_out_of_service_station_file_broken_still_shows_with_defaults(
    station: Station, tmp_path: Path
) -> None:
    station.config.write_text("[station\nterminal_id = \n", encoding="utf-8")
    with (
        NotifyListener(tmp_path / "notify") as notify,
        kiosk_run(station, notify, "out-of-service", "--reason", "crash-loop") as screen,
    ):
        notify.wait_for(lambda: bool(notify.times_of("READY=1")), timeout=60)
        screen.send_signal(signal.SIGTERM)
        assert screen.wait(timeout=15) == 0, stderr_of(station)
    errors = stderr_of(station)
    assert "settings error" in errors
    assert "showing the defaults" in errors
    assert "the district is not told" in errors
