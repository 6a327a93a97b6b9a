"""The out-of-service heartbeat: while the terminal shows its out-of-service screen, the
district still hears from it, every heartbeat interval, and learns why it does not serve.

It runs on a thread of its own (HTTP never touches the GUI thread), reads no device and no
personal data: the outbox's backlog is counted from its SQLite file, read-only, so a
terminal that keeps crashing still says how many submissions wait on it.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.cadence import HEARTBEAT_S, next_in  # as often as the serving kiosk's heartbeat
from kiosk.district.client import Ok, PlatformClient, Result
from kiosk.health import OutOfService, StationHealth, TerminalHealth

if TYPE_CHECKING:
    from kiosk.metrics import KioskMetrics

log = logging.getLogger(__name__)


def outbox_backlog(path: Path, now: float) -> tuple[int, int]:
    """(pending submissions, age of the oldest in seconds), from the outbox file read-only;
    (0, 0) when there is none yet or it cannot be read (logged)."""
    if not path.exists():
        return 0, 0
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            depth, oldest = connection.execute(
                "SELECT COUNT(*), MIN(created_at) FROM pending WHERE quarantined = ''"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        log.warning("outbox %s unreadable, heartbeat says 0 waiting: %s", path, error)
        return 0, 0
    return int(depth), int(max(0.0, now - float(oldest))) if oldest is not None else 0


class OutOfServiceBeacon:
    """Sends the out-of-service heartbeat at once and then every `interval_s` (each period
    drawn within the jitter of kiosk/cadence.py), until `stop()`.

    `connect` makes the platform client (on the beacon's thread; it may raise, e.g. a
    missing terminal secret: logged, tried again at the next beat).
    """

    def __init__(
        self,
        connect: Callable[[], PlatformClient],
        out_of_service: OutOfService,
        outbox_path: Path | None,
        *,
        interval_s: float = HEARTBEAT_S,
        metrics: KioskMetrics | None = None,
    ) -> None:
        self._connect = connect
        self._metrics = metrics
        self._client: PlatformClient | None = None
        self.out_of_service = out_of_service
        self._outbox_path = outbox_path
        self._interval_s = interval_s
        self._rng = random.Random()  # noqa: S311 - jitter, not secrecy
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="out-of-service-heartbeat")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)  # a heartbeat in flight ends by its own deadline
        if self._client is not None:
            self._client.close()
            self._client = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                result = self.beat()
                log.info("out-of-service heartbeat: %s", type(result).__name__)
                if not isinstance(result, Ok):
                    log.warning("out-of-service heartbeat not taken: %s", result)
            except Exception as error:  # the next beat tries again; the screen stays
                log.error("out-of-service heartbeat failed: %s: %s", type(error).__name__, error)
            self._stop.wait(next_in(self._interval_s, self._rng))

    def beat(self) -> Result:
        """One heartbeat that says the terminal is out of service, and why (to the metrics
        as well, if any, even when the platform cannot be reached)."""
        now = time.time()
        depth, oldest = (
            outbox_backlog(self._outbox_path, now) if self._outbox_path is not None else (0, 0)
        )
        health = TerminalHealth(
            station=StationHealth(),
            app_version=__version__,
            outbox_depth=depth,
            oldest_pending_s=oldest,
            audit_head=None,
            at=now,
            out_of_service=self.out_of_service,
        )
        if self._metrics is not None:
            self._metrics.update_terminal(health)
        if self._client is None:
            self._client = self._connect()
        return self._client.heartbeat(health)
