"""When a terminal speaks to the platform unprompted: the heartbeat and the catalog sync.

Each period is drawn anew around its nominal length (within ±JITTER), so terminals that
started together (after a district-wide power cut, or a fleet-wide update) drift apart
instead of calling the platform in step for ever. The Qt timers (ui/app.py,
ui/catalogworker.py) and the fleet simulation (tests/benchmarks/fleet.py) both ask here.
"""

from __future__ import annotations

import random

HEARTBEAT_S = 300.0  # the platform hears from every terminal about every five minutes
JITTER = 0.1  # each period is its nominal length ± 10 %


def next_in(period_s: float, rng: random.Random) -> float:
    """Seconds until the next call of a `period_s` schedule: uniform within ±JITTER."""
    return period_s * rng.uniform(1.0 - JITTER, 1.0 + JITTER)
