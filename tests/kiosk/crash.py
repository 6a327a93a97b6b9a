"""kill -9 trials: submissions acknowledged before a crash reach the platform exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import SECRET, TERMINAL
from tests.kiosk.test_outbox import KEY

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Tally:
    trials: int = 0
    acknowledged: int = 0
    lost: int = 0
    duplicated: int = 0


def run_trials(trials: int, folder: Path, seed: int = 1) -> Tally:
    """Each trial: a child submits and drains; it is killed at a random moment; a fresh
    process (here: this one) opens the same outbox and drains what is left."""
    rng = random.Random(seed)
    tally = Tally()
    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        standin.state.error_rate = 0.1
        standin.state.lose_rate = 0.1
        standin.state.retry_after_s = 0
        acknowledged: list[str] = []
        for trial in range(trials):
            outbox_path = folder / f"outbox-{trial % 3}.db"  # outboxes are reused across crashes
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.kiosk.crash_child", str(outbox_path),
                 standin.url, str(trial * 1000), "200"],
                stdout=subprocess.PIPE, cwd=REPO,
            )  # fmt: skip
            assert child.stdout is not None
            kill_at = time.monotonic() + rng.uniform(0.3, 1.5)
            time.sleep(max(0.0, kill_at - time.monotonic()))
            os.kill(child.pid, signal.SIGKILL)
            output, _ = child.communicate(timeout=30)  # what it printed before it died
            lines = output.decode("utf-8", "replace").splitlines()
            acknowledged += [line.split()[1] for line in lines if line.startswith("ACK ")]
            tally.trials += 1
        standin.state.error_rate = standin.state.lose_rate = 0.0
        client = PlatformClient(standin.url, TERMINAL, SECRET)
        for index in range(3):
            path = folder / f"outbox-{index}.db"
            if path.exists():
                Deliverer(Outbox(path, KEY), client).drain(deadline_s=120)
        client.close()
        at_platform = Counter(standin.store.apply_numbers())
    tally.acknowledged = len(acknowledged)
    tally.lost = sum(1 for number in acknowledged if at_platform[number] == 0)
    tally.duplicated = sum(count - 1 for count in at_platform.values() if count > 1)
    return tally
