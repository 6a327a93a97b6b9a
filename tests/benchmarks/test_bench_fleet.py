"""Issue 13 §4: 300 kiosks through a ten-minute platform outage (tests/benchmarks/fleet.py).

Time runs 20 times faster than on a station; every figure is in simulated seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.fleet import Load, Timeline, run_fleet

CLIENTS = 300
PROCESSES = 4
SCALE = 1 / 20


def test_fleet_through_a_platform_outage(tmp_path: Path, record: Callable[..., object]) -> None:
    timeline, load = Timeline(), Load()
    run = run_fleet(
        tmp_path, clients=CLIENTS, processes=PROCESSES, scale=SCALE, timeline=timeline, load=load
    )
    steady = run.steady()
    peak, at = run.peak_after_recovery(window_s=10, within_s=60)
    recovery = timeline.recovery_s
    assert steady > 0  # traffic flowed
    assert run.during_outage() > 0  # and the outage cut it
    assert run.crashed == []  # every kiosk ran to the end
    record(
        "fleet_recovery_peak_to_mean", peak / steady, "x", at_most=2,
        note=f"busiest 10 simulated s in the first minute after a {timeline.outage_s:.0f} s "
        f"outage: {peak:.2f} requests/s ({run.mix(at, at + 10)}), against the mean before "
        f"it ({steady:.2f}/s over {timeline.warm_s - 60:.0f} s); first minute as a whole "
        f"{run.rate(recovery, recovery + 60) / steady:.2f}x; {CLIENTS} kiosks in "
        f"{PROCESSES} processes, time x{1 / SCALE:.0f}",
    )  # fmt: skip
    record(
        "fleet_lost", run.lost, "submissions", at_most=0,
        note=f"of {run.queued} rows queued (cases, pages, ratings) not on the platform at "
        f"the end; {run.left} left in outboxes, {run.quarantined} refused",
    )  # fmt: skip
    record("fleet_duplicated", run.duplicated, "submissions", at_most=0, note="platform side")
    record(
        "fleet_steady_rate", steady, "requests/s",
        note=f"simulated; {load.applications_per_hour:g} applications per terminal-hour, "
        f"{load.page_share:.0%} with a page, {load.rating_share:.0%} rated; heartbeat "
        f"5 min, catalog sync 60 min; by kind: {run.mix(60, timeline.warm_s)}",
    )  # fmt: skip
    record("fleet_backlog", run.backlog, "rows", note="waiting in the outboxes at the recovery")
    drained = run.drained_s if run.drained_s is not None else timeline.drain_limit_s
    busiest = max(run.rate(s, s + 10) for s in range(int(recovery), int(recovery + drained)))
    record(
        "fleet_drain_peak_to_mean", busiest / steady, "x",
        note="busiest 10 simulated s anywhere in the drain (not only its first minute)",
    )  # fmt: skip
    record(
        "fleet_drain_s", drained, "s",
        note="after the recovery until the last row queued before it reached the platform"
        + ("" if run.drained_s is not None else " (NOT drained within the limit)"),
    )  # fmt: skip
    record(
        "fleet_outage_requests", run.during_outage(), "connections",
        note=f"attempts cut during the {timeline.outage_s:.0f} s outage "
        f"({run.during_outage() / timeline.outage_s:.2f}/s); {len(run.failed_after)} sends "
        f"failed after the recovery; run took {run.wall_s:.0f} s wall",
    )  # fmt: skip
