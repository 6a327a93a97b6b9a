"""A local stand-in for the district platform: a real HTTP server on loopback.

`kiosk demo` runs it in-process; the tests start it on a free port; staff can run it alone
with `kiosk platform-sim`. So far it serves the catalog (with ETag / If-None-Match) and can
be told to misbehave the ways a real network and platform do.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger(__name__)

CATALOG_FAULTS = ("error500", "garbage", "truncated", "oversized", "invalid", "slow")


@dataclass
class StandInState:
    """What the stand-in serves and how it misbehaves; change it while it runs."""

    catalog: bytes = b""
    catalog_etag: str = ""
    catalog_fault: str = ""  # one of CATALOG_FAULTS, or "" to behave
    slow_seconds: float = 2.0
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set_catalog(self, document: dict[str, Any]) -> None:
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        with self.lock:
            self.catalog = body
            self.catalog_etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        log.debug("stand-in: " + format, *args)

    def do_GET(self) -> None:
        state = self.server.state
        with state.lock:
            state.requests.append(f"GET {self.path}")
        if self.path == "/api/v1/catalog":
            self._catalog(state)
        else:
            self._send(HTTPStatus.NOT_FOUND, b'{"error": "no such endpoint"}')

    def _catalog(self, state: StandInState) -> None:
        with state.lock:
            body, etag, fault = state.catalog, state.catalog_etag, state.catalog_fault
        if fault == "error500":
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, b'{"error": "platform fault"}')
            return
        if fault == "slow":
            time.sleep(state.slow_seconds)
        if not body:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, b'{"error": "no catalog published"}')
            return
        if fault != "garbage" and self.headers.get("If-None-Match") == etag:
            self._send(HTTPStatus.NOT_MODIFIED, b"", etag=etag)
            return
        if fault == "garbage":
            body = b"<html>\x00\xff not json"
        elif fault == "invalid":
            body = json.dumps({"version": "broken", "items": [{"name": ""}]}).encode()
        elif fault == "oversized":
            body = body + b" " * (64 * 1024 * 1024)
        if fault == "truncated":
            self._send(HTTPStatus.OK, body[: len(body) // 2], etag=etag, length=len(body))
            self.close_connection = True
            return
        self._send(HTTPStatus.OK, body, etag=etag)

    def _send(
        self, status: HTTPStatus, body: bytes, *, etag: str = "", length: int | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if body and status != HTTPStatus.NOT_MODIFIED:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                log.debug("stand-in: client went away")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: StandInState


class StandIn:
    """The stand-in server on 127.0.0.1; `port=0` picks a free port."""

    def __init__(self, port: int = 0, state: StandInState | None = None) -> None:
        self.state = state or StandInState()
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.state = self.state
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> StandIn:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="platform-stand-in", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
