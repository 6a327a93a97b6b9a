"""Ten kiosks through a short platform outage: every submission reaches the platform once.

The fast guard of the fleet benchmark (tests/benchmarks/test_bench_fleet.py), with busier
residents so that a backlog builds during the outage.
"""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.fleet import ANSWER_WAIT_S, Load, Timeline, run_fleet
from ui.outboxworker import ANSWER_WAIT_S as WORKER_ANSWER_WAIT_S


def test_fleet_outage_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    run = run_fleet(
        tmp_path,
        clients=10,
        processes=2,
        scale=1 / 100,
        timeline=Timeline(warm_s=120, outage_s=300, submit_after_s=30, drain_limit_s=1200),
        load=Load(applications_per_hour=20),
    )
    assert run.during_outage() > 0  # the kiosks tried, and the outage cut them off
    assert run.backlog > 0
    assert (run.lost, run.duplicated, run.quarantined, run.left, run.stuck) == (0, 0, 0, 0, 0)
    assert run.crashed == []
    assert run.drained_s is not None
    assert run.wall_s < 20


def test_the_simulated_resident_waits_as_long_as_the_sync_worker_tries() -> None:
    assert ANSWER_WAIT_S == WORKER_ANSWER_WAIT_S
