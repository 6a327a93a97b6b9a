"""What systemd listens on for a Type=notify service: an AF_UNIX datagram socket the test
binds, with each datagram recorded as it arrives (on a thread of its own, so the times are
true even while the test's own GUI thread is busy)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path


class NotifyListener:
    """Binds `path` (or, with `abstract`, an abstract name) and records every datagram as
    (monotonic time, text). Use as a context manager; `address` is $NOTIFY_SOCKET."""

    def __init__(self, path: Path, *, abstract: bool = False) -> None:
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        if abstract:
            name = f"kiosk-test-{os.getpid()}-{path.name}"
            self._sock.bind("\0" + name)
            self.address = "@" + name
        else:
            self._sock.bind(str(path))
            self.address = str(path)
        self._sock.settimeout(0.05)
        self._lock = threading.Lock()
        self._messages: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._receive, name="notify-listener")

    def __enter__(self) -> NotifyListener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def _receive(self) -> None:
        while not self._stop.is_set():
            try:
                data = self._sock.recv(4096)
            except TimeoutError:
                continue
            with self._lock:
                self._messages.append((time.monotonic(), data.decode("utf-8")))

    def messages(self) -> list[tuple[float, str]]:
        with self._lock:
            return list(self._messages)

    def times_of(self, assignment: str) -> list[float]:
        """When each datagram holding `assignment` (a line, e.g. "WATCHDOG=1") arrived."""
        return [at for at, text in self.messages() if assignment in text.splitlines()]

    def wait_for(
        self, check: Callable[[], bool], timeout: float, pump: Callable[[], None] | None = None
    ) -> None:
        """Until `check()` holds; `pump` runs between checks (a test's Qt event loop)."""
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s; got {self.messages()}")
            if pump is not None:
                pump()
            else:
                self._stop.wait(0.02)


def status_lines(messages: list[tuple[float, str]]) -> list[str]:
    return [
        line.removeprefix("STATUS=")
        for _, text in messages
        for line in text.splitlines()
        if line.startswith("STATUS=")
    ]
