"""The `kiosk` command, run as a real process."""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.app import cli
from kiosk.app.cli import _demo_platform
from kiosk.district.client import Ok, PlatformClient, Rejected
from kiosk.health import StationHealth, TerminalHealth
from kiosk.keyfiles import load_key
from kiosk.settings import load_settings

KIOSK = [sys.executable, "-m", "kiosk"]


def run(
    *args: str, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS` headless, with `env` over this process's environment."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [*KIOSK, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiosk {__version__}"


def test_help_lists_every_command_and_a_window_command_parses_without_the_others() -> None:
    full = cli.build_parser()
    commands = full._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"demo", "run", "devices", "catalog", "audit", "staff", "logs", "config"} <= set(
        commands
    )
    assert "devices" in run("--help").stdout
    for name in cli.WINDOW_COMMANDS:
        window = cli.build_parser(name)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert set(window) == cli.WINDOW_COMMANDS
        assert window[name].format_help() == commands[name].format_help()
    demo_help = run("demo", "--help")
    assert demo_help.returncode == 0
    assert "--config" in demo_help.stdout
    unknown = run("no-such-command")
    assert unknown.returncode == 2
    assert "devices" in unknown.stderr  # the full list of commands, to choose from


def test_config_check_file_only_accepts_the_example(repo: Path) -> None:
    result = run("config", "check", "--file-only", str(repo / "config" / "kiosk.example.toml"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(f"{repo / 'config' / 'kiosk.example.toml'}: OK — ")
    assert "terminal XC-YT-BYG-0001" in result.stdout


def test_config_check_lists_every_problem_with_its_fix_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text(
        "[session]\nidle_timeout_s = 'soon'\n[id_reader]\nbaud = '115200'\n"
        "[station]\narea_code = '1101'\n",
        encoding="utf-8",
    )
    result = run("config", "check", "--file-only", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}: 3 problems to fix",
        "  - session.idle_timeout_s: must be a whole number (got 'soon')",
        "  - id_reader.baud: must be a whole number (got '115200'); "
        "remove the quotes: baud = 115200",
        "  - station.area_code: has the wrong form (got '1101'); "
        "expected 12 digits, such as 110102000000",
    ]


def test_kiosk_run_refusing_a_file_names_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[session]\nidle_timeout_s = 'soon'\n[ui]\nlanguage = 'fr'\n", "utf-8")
    result = run("run", "--config", str(bad))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"kiosk: settings error: {bad}: session.idle_timeout_s: must be a whole number "
        "(got 'soon')",
        f"kiosk: settings error: {bad}: ui.language: must be one of 'zh_CN', 'en' (got 'fr')",
    ]


def test_config_check_does_not_load_qt(tmp_path: Path, repo: Path) -> None:
    code = (
        "import sys; from kiosk.app.cli import main; "
        f"main(['config', 'check', '--file-only', {str(repo / 'config/kiosk.example.toml')!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_commands_without_a_window_collect_garbage_again_at_once(repo: Path) -> None:
    """`kiosk` pauses collection for the start-up (kiosk/app/entry.py); a command
    that shows no window resumes it as soon as its arguments are read."""
    code = (
        "import atexit, gc, runpy, sys; "
        "atexit.register(lambda: print('collecting:', gc.isenabled())); "
        "sys.argv = ['kiosk', 'config', 'check', '--file-only', "
        f"{str(repo / 'config/kiosk.example.toml')!r}]; "
        "runpy.run_module('kiosk', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert "collecting: True" in result.stdout, result.stderr


# 344 screenshots: 220 s on an idle development machine, over 300 s once on a CI machine.
@pytest.mark.timeout(660)
def test_tour_renders_every_screen_without_warnings(tmp_path: Path) -> None:
    from ui.tour import STEPS

    result = run("tour", "--out", str(tmp_path), timeout=600)
    assert result.returncode == 0, result.stderr
    for layout in ("portrait", "landscape"):
        for screen in [name for name, _step in STEPS] + ["appointment-booked", "appointment-mine"]:
            for variant in ("", "-elder"):
                shot = tmp_path / f"{layout}{variant}-{screen}.png"
                assert shot.stat().st_size > 10_000, shot
        assert (tmp_path / f"{layout}-appointment-day-en.png").stat().st_size > 10_000


def catalog_status(state_home: Path) -> subprocess.CompletedProcess[str]:
    """`kiosk catalog status --demo` of the demo's state folder under `state_home`."""
    env = dict(os.environ, XDG_STATE_HOME=str(state_home))
    result = subprocess.run(
        [*KIOSK, "catalog", "status", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_catalog_status_shows_versions_syncs_and_problems(tmp_path: Path) -> None:
    from kiosk.catalog.sample import load_sample
    from kiosk.catalog.store import CatalogStore

    state = tmp_path / "state"
    store = CatalogStore(state / "community-kiosk" / "catalog.db")
    store.save(load_sample())
    store.log_sync("refused", "catalog has 1 problem(s)", ("X: name: must not be empty",))
    result = catalog_status(state)
    assert "active: sample-2026.11" in result.stdout
    assert "refused" in result.stdout
    assert "X: name: must not be empty" in result.stdout


def test_catalog_status_shows_the_knowledge_base_and_its_syncs_too(tmp_path: Path) -> None:
    from kiosk.catalog.store import CatalogStore
    from kiosk.knowledge.sample import load_sample
    from kiosk.knowledge.store import KnowledgeStore

    state = tmp_path / "state" / "community-kiosk"
    CatalogStore(state / "catalog.db")
    knowledge = KnowledgeStore(state / "knowledge.db")
    knowledge.save(load_sample())
    knowledge.log_sync("unreachable", "platform not reachable (ConnectionError)")
    after = catalog_status(tmp_path / "state").stdout.split("hotline knowledge base:")[1]
    assert "active: sample-kb-2026.11" in after
    assert "unreachable" in after


def test_platform_sim_listen_fd_serves_the_handed_socket_and_stops_when_stdin_closes() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    with listener:
        process = subprocess.Popen(
            [*KIOSK, "platform-sim", "--listen-fd", str(listener.fileno())],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=(listener.fileno(),),
        )
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        # Asked at once: the request waits in the socket's queue until the stand-in is up.
        client = PlatformClient(url, "XC-DEMO-0001", b"x" * 32, read_timeout_s=30)
        try:
            answer = client.get("/catalog")
        finally:
            client.close()
        assert isinstance(answer, Ok)
        assert answer.data["version"] == "sample-2026.11"
    finally:
        _, errors = process.communicate(timeout=30)  # closes its stdin: the signal to stop
    assert process.returncode == 0, errors


def test_demo_platform_runs_the_stand_in_apart_checking_this_terminal(tmp_path: Path) -> None:
    settings = load_settings(None)
    secret = tmp_path / "terminal.secret"
    load_key(secret, create=True)
    security = dataclasses.replace(settings.security, terminal_secret_file=str(secret))
    settings = dataclasses.replace(settings, security=security)
    terminal = settings.station.terminal_id
    with _demo_platform(settings, tmp_path) as demo:
        url = demo.platform.base_url
        signed = PlatformClient(url, terminal, load_key(secret, create=False), read_timeout_s=30)
        forged = PlatformClient(url, terminal, b"y" * 32, read_timeout_s=30)
        try:
            health = TerminalHealth(StationHealth(), __version__, 0, 0, None, time.time())
            assert isinstance(signed.heartbeat(health), Ok)
            refused = forged.heartbeat(health)
        finally:
            signed.close()
            forged.close()
        assert isinstance(refused, Rejected)
        assert refused.status == 401
    assert (tmp_path / "platform-standin.db").exists()
    with pytest.raises(ConnectionRefusedError):  # stopped with the demo
        socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=5).close()


def test_catalog_status_on_a_station_without_catalog_creates_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state"
    result = run("catalog", "status", env={"STATE_DIRECTORY": str(state)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("no catalog stored yet")
    assert not state.exists()


def test_platform_sim_port_in_use_says_so_without_traceback() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("platform-sim", "--port", str(port))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "--port" in result.stderr


def test_audit_verify_on_a_file_that_is_no_database_says_so_without_traceback(
    tmp_path: Path,
) -> None:
    not_a_db = tmp_path / "audit.db"
    not_a_db.write_text("hello", encoding="utf-8")
    load_key(tmp_path / "audit.key", create=True)
    result = run("audit", "verify", "--db", str(not_a_db), "--key", str(tmp_path / "audit.key"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{not_a_db} is not an audit trail" in result.stderr


def test_demo_never_creates_a_secret_at_a_path_the_station_file_names(tmp_path: Path) -> None:
    secret = tmp_path / "credstore" / "terminal.secret"
    station = tmp_path / "kiosk.toml"
    station.write_text(f'[security]\nterminal_secret_file = "{secret}"\n', encoding="utf-8")
    result = run("demo", "--config", str(station), env={"XDG_STATE_HOME": str(tmp_path / "state")})
    assert result.returncode == 2
    assert f"{secret}: key file missing" in result.stderr
    assert not secret.exists()
    assert not secret.parent.exists()


def test_run_without_terminal_secret_refuses_and_creates_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state"
    station = tmp_path / "kiosk.toml"
    station.write_text("", encoding="utf-8")
    result = run("run", "--config", str(station), env={"STATE_DIRECTORY": str(state)})
    assert result.returncode == 2
    assert f"{state / 'terminal.secret'}: key file missing" in result.stderr
    assert not state.exists()


def test_staff_set_pin_reads_a_script_and_ends_without_traceback_when_input_ends(
    tmp_path: Path,
) -> None:
    command = [*KIOSK, "staff", "set-pin", "--print"]
    given = subprocess.run(
        command, input="246813\n246813\n", capture_output=True, text=True, timeout=60, check=False
    )
    assert given.returncode == 0, given.stderr
    assert given.stdout.startswith('[staff]\npin_hash = "scrypt$')
    ended = subprocess.run(
        command, input="", capture_output=True, text=True, timeout=60, check=False
    )
    assert ended.returncode == 1
    assert ended.stderr == "kiosk: no PIN given (the input ended); nothing was changed\n"


def test_enrol_without_a_station_file_says_to_write_it_first(tmp_path: Path) -> None:
    missing = tmp_path / "kiosk.toml"
    result = run("enrol", "--config", str(missing), "--state", str(tmp_path), "--offline")
    assert result.returncode == 1
    assert result.stderr == (
        f"kiosk: there is no station file at {missing}: write it first (station.terminal_id "
        "and platform.base_url at least: the secret is proved with them), or name it with "
        "--config FILE; nothing was changed\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_config_check_names_a_wrong_pin_hash_once_not_also_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[staff]\npin_hash = "1234"\n', encoding="utf-8")
    result = run("config", "check", str(path), "--state", str(tmp_path), "--offline")
    assert result.returncode == 1
    assert "staff.pin_hash: has the wrong form" in result.stdout
    assert "staff.pin_hash is empty" not in result.stdout
