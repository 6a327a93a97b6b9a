"""packaging/prometheus/: the alert rules the district loads into Prometheus, checked and
unit-tested by promtool (Debian's `prometheus` package, installed by `make deps` from
packaging/dev-packages.txt)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "packaging" / "prometheus"


@pytest.fixture
def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.skip("promtool is missing: `make deps` installs it (packaging/dev-packages.txt)")
    return found


def run(promtool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [promtool, *args], cwd=RULES, capture_output=True, text=True, timeout=120, check=False
    )


def test_alert_rules_promtool_check_accepts_them(promtool: str) -> None:
    checked = run(promtool, "check", "rules", "kiosk-alerts.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "SUCCESS: 7 rules found" in checked.stdout


def test_alert_rules_promtool_unit_tests_pass(promtool: str) -> None:
    tested = run(promtool, "test", "rules", "kiosk-alerts.test.yml")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "SUCCESS" in tested.stdout
