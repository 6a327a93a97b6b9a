"""The byte channel every simulator serves on: a TCP port or a pseudo-terminal.

A simulator subclasses `StreamSimulator` and implements `converse(receive, send)`; the
same conversation then runs behind `socket://127.0.0.1:PORT` (or a raw TCP port such as a
network printer's 9100) and behind a pty device node that pyserial opens like a real port.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time
import tty
from collections.abc import Callable

Receive = Callable[[], bytes | None]  # b"" = nothing yet, None = channel closed
Send = Callable[[bytes], object]


class StreamSimulator:
    name = "sim"

    def __init__(self, *, pty: bool = False, baud: int | None = None) -> None:
        self.baud = baud
        self.pty = pty
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._server: socket.socket | None = None
        if pty:
            self._master, self._slave = os.openpty()
            tty.setraw(self._slave)
            self.device = os.ttyname(self._slave)
        else:
            self._server = socket.create_server(("127.0.0.1", 0))
            self._server.settimeout(0.1)  # so the serving thread notices stop() promptly

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.getsockname()[1])

    @property
    def url(self) -> str:
        """What to write in settings: a pyserial URL or the pty's device node."""
        return self.device if self.pty else f"socket://127.0.0.1:{self.port}"

    def start(self) -> StreamSimulator:
        target = self._serve_pty if self.pty else self._serve_tcp
        self._thread = threading.Thread(target=target, name=f"{self.name}-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.pty:
            os.close(self._master)
            os.close(self._slave)
        elif self._server is not None:
            self._server.close()

    def __enter__(self) -> StreamSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def wire_delay(self, size: int) -> None:
        """Sleep for the time `size` bytes take on the wire at this baud rate."""
        if self.baud:
            time.sleep(size * 10 / self.baud)

    def converse(self, receive: Receive, send: Send) -> None:
        raise NotImplementedError

    def _serve_tcp(self) -> None:
        assert self._server is not None
        while not self._stopping.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(0.1)
            with client:
                self.converse(_socket_receiver(client), _safe(client.sendall))

    def _serve_pty(self) -> None:
        master = self._master

        def receive() -> bytes | None:
            ready, _, _ = select.select([master], [], [], 0.1)
            if not ready:
                return b""
            try:
                return os.read(master, 4096)
            except OSError:
                return None

        def send(data: bytes) -> None:
            os.write(master, data)

        while not self._stopping.is_set():
            self.converse(receive, _safe(send))


def _socket_receiver(client: socket.socket) -> Receive:
    def receive() -> bytes | None:
        try:
            return client.recv(4096) or None
        except TimeoutError:
            return b""
        except OSError:
            return None

    return receive


def _safe(send: Send) -> Send:
    def wrapped(data: bytes) -> None:
        with contextlib.suppress(OSError):  # hung up: the conversation ends at the next receive
            send(data)

    return wrapped
