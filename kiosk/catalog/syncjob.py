"""Running a catalog sync as a child process, and what it reports back.

Kept apart from sync.py so that the kiosk itself never imports `requests` and the HTTP
stack: the child does the network and data work.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.district.signing import Credentials


@dataclass(frozen=True)
class SyncOutcome:
    status: str  # updated | unchanged | refused | unreachable | failed
    detail: str  # for staff and the log; no personal data ever flows here
    version: str = ""
    problems: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.status == "updated"


class SyncChildren:
    """The sync child in flight, for a thread other than the one waiting for it: `stop()`
    (the kiosk stopping) ends it at once and starts no other. Without it, a stop waits
    for the sync to end by itself, up to its deadline."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: subprocess.Popen[str] | None = None
        self._stopped = False

    @property
    def stopped(self) -> bool:
        return self._stopped

    def start(self, command: list[str]) -> subprocess.Popen[str] | None:
        """The child running `command`, or None once stopped."""
        with self._lock:
            if self._stopped:
                return None
            self._running = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            return self._running

    def finished(self, child: subprocess.Popen[str]) -> None:
        with self._lock:
            if self._running is child:
                self._running = None

    def stop(self) -> None:
        """Any thread: end the child in flight (SIGTERM: it stores a new version all or
        nothing, in one SQLite transaction), and start no other."""
        with self._lock:
            self._stopped = True
            if self._running is not None and self._running.poll() is None:
                self._running.terminate()


def sync_in_subprocess(
    store_path: Path,
    base_url: str,
    *,
    max_bytes: int,
    deadline_s: float = 600.0,
    credentials: Credentials | None = None,
    feed: str = "catalog",
    children: SyncChildren | None = None,
) -> SyncOutcome:
    """Run `sync_feed` of `feed` ("catalog", "knowledge") in a child process and return its
    outcome.

    Decoding, validating and indexing thousands of items hold Python's GIL for long
    stretches (one json.loads of a 15 MB catalog is ~200 ms); in a child process none of it
    can stall the kiosk's GUI thread. A crash there cannot take the kiosk down either.
    No preexec_fn here: without one Python starts the child with vfork; a full fork() of
    the kiosk's large address space pauses its other threads for tens of milliseconds.
    With `children`, another thread can end the child (`SyncChildren.stop`).
    """
    command = [
        sys.executable, "-m", "kiosk.catalog.sync", "--feed", feed,
        "--store", str(store_path), "--url", base_url, "--max-bytes", str(max_bytes),
    ]  # fmt: skip
    if credentials is not None:  # the secret's path, never the secret, on the command line
        command += [
            "--terminal-id", credentials.terminal_id, "--secret-file", str(credentials.secret_file)
        ]  # fmt: skip
    children = children or SyncChildren()
    try:
        child = children.start(command)
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        return SyncOutcome("failed", f"{feed} sync could not start: {error}")
    if child is None:
        return SyncOutcome("failed", f"{feed} sync not run: the kiosk is stopping")
    try:
        stdout, stderr = child.communicate(timeout=deadline_s)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return SyncOutcome("failed", f"{feed} sync took longer than {deadline_s:.0f} s")
    finally:
        children.finished(child)
    if children.stopped:
        return SyncOutcome("failed", f"{feed} sync ended: the kiosk is stopping")
    return _reported(feed, child.returncode, stdout, stderr)


def _reported(feed: str, returncode: int, stdout: str, stderr: str) -> SyncOutcome:
    """The outcome a sync child printed as its last line."""
    lines = stdout.strip().splitlines()
    if returncode != 0 or not lines:
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        return SyncOutcome("failed", f"{feed} sync process failed: {last[:200]}")
    try:
        data = json.loads(lines[-1])
    except json.JSONDecodeError:
        return SyncOutcome("failed", f"{feed} sync process gave no readable outcome")
    return SyncOutcome(
        data["status"], data["detail"], data.get("version", ""), tuple(data.get("problems", ()))
    )
