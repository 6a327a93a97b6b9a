"""Fixtures for the security tests: the real kiosk window, and a loopback HTTP server that
counts every request reaching it (markup on screen must never make the kiosk fetch)."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator

import pytest
from PIL import Image

from tests.ui.driver import (
    catalog_store,
    kiosk,
    launch,
    printer_sim,
    reader_sim,
    sample_store_file,
)

__all__ = [
    "catalog_store",
    "kiosk",
    "launch",
    "printer_sim",
    "reader_sim",
    "sample_store_file",
]


def _pixel() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1, 1), "red").save(out, "PNG")
    return out.getvalue()


# A 1×1 PNG, so that an image the kiosk should never have fetched would really show.
PIXEL = _pixel()


class CountingServer:
    """An HTTP server on 127.0.0.1 that answers every GET with an image and remembers it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PIXEL)))
                self.end_headers()
                self.wfile.write(PIXEL)

            def do_POST(self) -> None:
                self.do_GET()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback")

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def loopback() -> Iterator[CountingServer]:
    server = CountingServer()
    server.start()
    yield server
    server.stop()
