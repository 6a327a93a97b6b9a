"""A tiny real HTTP server on loopback whose answers a test scripts, and which records
every request it saw (to prove that none arrived, for instance)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import BinaryIO


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Loopback:
    url: str
    seen: list[Seen] = field(default_factory=list)


@contextmanager
def serve(
    answer: Callable[[Seen], Answer], *, read_bytes_per_s: float | None = None
) -> Iterator[Loopback]:
    """With `read_bytes_per_s`, a request's body is read no faster (a slow uplink)."""
    loopback = Loopback("")

    def read_body(rfile: BinaryIO, length: int) -> bytes:
        if read_bytes_per_s is None:
            return rfile.read(length)
        body, started = bytearray(), time.monotonic()
        while len(body) < length:
            piece = rfile.read(min(4096, length - len(body)))
            if not piece:
                break
            body += piece
            time.sleep(max(0.0, started + len(body) / read_bytes_per_s - time.monotonic()))
        return bytes(body)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: no handler outlives it

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(self.command, self.path, dict(self.headers), read_body(self.rfile, length))
            loopback.seen.append(seen)
            status, headers, body = answer(seen)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _handle  # noqa: N815 - http.server's names

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    loopback.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="loopback", daemon=True
    )
    thread.start()
    try:
        yield loopback
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
