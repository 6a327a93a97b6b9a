"""`kiosk logs`, run as a real process: what it hands to journalctl (a stand-in journalctl
script first on PATH prints the arguments it was exec'd with) and what it says without one."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app.journal import UNITS

KIOSK = [sys.executable, "-m", "kiosk", "logs"]
UNIT_ARGS = [part for unit in UNITS for part in ("-u", unit)]


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """A folder holding a `journalctl` that prints its arguments, one a line."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "journalctl"
    script.write_text('#!/bin/sh\necho "pid $$"\nprintf "%s\\n" "$@"\n')
    script.chmod(0o755)
    return folder


def logs(*args: str, path: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=path)
    return subprocess.run(
        [*KIOSK, *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )


def test_logs_defaults_this_boot_iso_times_no_pager_when_piped(fake_bin: Path) -> None:
    result = logs(path=str(fake_bin))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1:] == [*UNIT_ARGS, "-o", "short-iso", "--boot", "--no-pager"]


def test_logs_replaces_the_kiosk_process_with_journalctl(fake_bin: Path) -> None:
    process = subprocess.Popen(
        KIOSK, stdout=subprocess.PIPE, text=True, env=dict(os.environ, PATH=str(fake_bin))
    )
    out, _ = process.communicate(timeout=60)
    assert out.splitlines()[0] == f"pid {process.pid}"  # exec'd, not a child


def test_logs_follow_since_lines_priority_are_passed_on(fake_bin: Path) -> None:
    result = logs("-f", "--since", "1 hour ago", "-n", "50", "-p", "warning", path=str(fake_bin))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        *UNIT_ARGS,
        "-o",
        "short-iso",
        "--since",
        "1 hour ago",
        "-n",
        "50",
        "--follow",
        "-p",
        "warning",
    ]


def test_logs_at_a_terminal_leaves_paging_to_journalctl(fake_bin: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [*KIOSK, "--all-boots"],
            stdout=terminal,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, PATH=str(fake_bin)),
        )
        os.close(terminal)
        assert process.wait(timeout=60) == 0
        output = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the pty's other side is closed: all was read
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(controller)
    lines = output.decode().splitlines()
    assert lines[1:] == [*UNIT_ARGS, "-o", "short-iso"]


def test_logs_without_journalctl_says_where_the_logs_are(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = logs(path=str(empty))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "journalctl is not on this machine" in result.stderr
    assert "/var/lib/kiosk/log/kiosk.log" in result.stderr
    assert "The demo (kiosk demo) logs to the terminal it was started in" in result.stderr
    assert "Traceback" not in result.stderr


def test_logs_refuses_a_count_below_one(fake_bin: Path) -> None:
    result = logs("-n", "0", path=str(fake_bin))
    assert result.returncode == 2
    assert "a number of lines, 1 or more (got '0')" in result.stderr
