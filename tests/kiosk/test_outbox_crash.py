"""A few kill -9 trials in the suite (many more in `make bench`)."""

from __future__ import annotations

from pathlib import Path

from tests.kiosk.crash import run_trials


def test_kill_9_during_submit_and_drain_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    tally = run_trials(3, tmp_path)
    assert tally.acknowledged > 0
    assert (tally.lost, tally.duplicated) == (0, 0)
