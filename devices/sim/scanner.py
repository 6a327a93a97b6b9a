"""A simulated serial scanner: emits codes (or raw bytes) on command over a pty or TCP."""

from __future__ import annotations

import queue

from devices.scanner.framer import SUFFIXES
from devices.sim.stream import Receive, Send, StreamSimulator


class ScannerSimulator(StreamSimulator):
    name = "scanner"

    def __init__(self, *, pty: bool = True, baud: int | None = 9600) -> None:
        super().__init__(pty=pty, baud=baud)
        self._outgoing: queue.Queue[bytes] = queue.Queue()

    def scan(
        self, text: str, *, encoding: str = "utf-8", suffix: str = "CR", prefix: str = ""
    ) -> None:
        self.emit((prefix + text).encode(encoding) + SUFFIXES[suffix])

    def emit(self, data: bytes) -> None:
        """Raw bytes, for malformed scans."""
        self._outgoing.put(data)

    def converse(self, receive: Receive, send: Send) -> None:
        while not self.stopping:
            if receive() is None:
                return
            while not self._outgoing.empty():
                data = self._outgoing.get()
                self.wire_delay(len(data))
                send(data)
