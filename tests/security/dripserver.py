"""A raw HTTP server on loopback that sends its answer a few bytes at a time, each a while
after the last: the slow-drip attack a per-read timeout never notices."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def drip(
    head: bytes,
    body: bytes,
    *,
    every_s: float,
    piece: int = 1,
    arrived: threading.Event | None = None,
) -> Iterator[str]:
    """Serve one connection: `head` at once, then `body` `piece` bytes every `every_s`.
    Yields the server's URL; stops dripping as soon as the client goes away. `arrived` is
    set once the request has come in."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(10)
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)
            if arrived is not None:
                arrived.set()
            try:
                connection.sendall(head)
                for start in range(0, len(body), piece):
                    if stop.wait(every_s):
                        return
                    connection.sendall(body[start : start + piece])
                # End the answer gracefully and read what the client still sends until it
                # hangs up: closing with its request unread would reset the connection and
                # throw away answer bytes the client has not read yet.
                connection.shutdown(socket.SHUT_WR)
                connection.settimeout(10)
                while connection.recv(65536):
                    pass
            except OSError:  # the client hung up: what it should do
                return

    thread = threading.Thread(target=serve, name="drip", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=15)
