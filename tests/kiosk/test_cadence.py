"""The heartbeat's and the catalog sync's periods (kiosk/cadence.py)."""

from __future__ import annotations

import random

from kiosk.cadence import HEARTBEAT_S, JITTER, next_in


def test_next_in_stays_within_the_jitter_of_its_period() -> None:
    rng = random.Random(1)
    draws = [next_in(HEARTBEAT_S, rng) for _ in range(500)]
    assert all(HEARTBEAT_S * (1 - JITTER) <= d <= HEARTBEAT_S * (1 + JITTER) for d in draws)
    assert max(draws) - min(draws) > HEARTBEAT_S * JITTER  # spread, not one fixed period


def test_terminals_started_together_drift_apart() -> None:
    """Ten terminals whose first heartbeat was at the same moment are minutes apart after
    an hour: the platform does not hear them all in the same second."""
    clocks = [0.0] * 10
    rngs = [random.Random(n) for n in range(10)]
    for _ in range(12):
        clocks = [c + next_in(HEARTBEAT_S, r) for c, r in zip(clocks, rngs, strict=True)]
    assert max(clocks) - min(clocks) > 60.0
