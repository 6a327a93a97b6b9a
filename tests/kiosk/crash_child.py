"""A process that submits and drains until it is killed: the victim of the kill -9 trials.

    python -m tests.kiosk.crash_child OUTBOX_DB URL FIRST COUNT

Prints "ACK <apply number>" after each submission is durably in the outbox — the moment the
kiosk's screen would say "received".
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import kiosk.delivery
from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from tests.kiosk.district.conftest import SECRET, TERMINAL
from tests.kiosk.standin.test_server import case_body
from tests.kiosk.test_outbox import KEY


def main() -> None:
    path, url, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    kiosk.delivery.BASE_DELAY_S = 0.01
    kiosk.delivery.PACE_S = 0.0  # the trials are about exactly once, not the fleet's pace
    outbox = Outbox(Path(path), KEY)
    client = PlatformClient(url, TERMINAL, SECRET, read_timeout_s=5)

    def drain_forever() -> None:
        deliverer = Deliverer(outbox, client)
        while True:
            deliverer.drain(deadline_s=0.2)

    threading.Thread(target=drain_forever, daemon=True).start()
    for number in range(first, first + count):
        apply_no = f"XCK{number:06d}"
        outbox.enqueue("case", case_body(apply_no), apply_no=apply_no)
        print(f"ACK {apply_no}", flush=True)
    threading.Event().wait()  # drain until killed


if __name__ == "__main__":
    main()
