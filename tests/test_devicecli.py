"""`kiosk devices …` as a real process, against the simulators."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from devices.sim.idcard import IdCardSimulator

KIOSK = [sys.executable, "-m", "kiosk", "devices"]


@pytest.fixture
def sim() -> Iterator[IdCardSimulator]:
    with IdCardSimulator() as simulator:
        yield simulator


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KIOSK, *args], capture_output=True, text=True, timeout=60, check=False, env=os.environ
    )


def test_read_card_prints_masked_identity_and_time(sim: IdCardSimulator) -> None:
    sim.insert("resident")
    result = run("read-card", "--port", sim.url, "--timeout", "5")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "resident: 测** 11**************" in result.stdout
    assert "(number valid)" in result.stdout
    assert "read in" in result.stdout
    assert "测试甲" not in result.stdout


def test_read_card_without_card_gives_up(sim: IdCardSimulator) -> None:
    result = run("read-card", "--port", sim.url, "--timeout", "1")
    assert result.returncode == 1
    assert "no card within 1 s" in result.stdout


def test_read_card_reports_a_broken_reader(sim: IdCardSimulator) -> None:
    sim.fault = "sam_failure"
    result = run("read-card", "--port", sim.url, "--timeout", "1")
    assert result.returncode == 1
    assert "工作人员" in result.stdout


def test_missing_port_says_what_to_check() -> None:
    result = run("read-card", "--port", "/dev/ttyUSB-nonexistent", "--timeout", "1")
    assert result.returncode == 1
    assert "cannot open /dev/ttyUSB-nonexistent" in result.stderr
    assert "Check the cable" in result.stderr
