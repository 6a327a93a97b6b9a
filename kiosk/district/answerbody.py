"""Reading an answer from the platform within a size cap and an overall deadline.

requests' read timeout counts per socket read: a server sending one byte every few
seconds never trips it, and a body has no size limit of its own. Here the body is
streamed, stopped at `max_bytes`, and a watchdog shuts the connection at the deadline,
which ends a read that is still blocked. A session set up with `mount_deadlines` holds
the status line and headers to the same deadline, given with `headers_by`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.response import HTTPResponse

CHUNK_BYTES = 64 * 1024


class BodyReadError(Exception):
    """The body was not read in full: `str()` says why, for staff and the log."""


class BodyTooLargeError(BodyReadError):
    pass


class BodyTooSlowError(BodyReadError):
    pass


def read_body(response: requests.Response, *, max_bytes: int, deadline: float) -> bytes:
    """The whole body of a response made with `stream=True`, or BodyReadError.

    `deadline` is a time.monotonic() value. Other failures of the transfer raise
    requests.RequestException, as requests does.
    """
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLargeError(f"answer of {declared} bytes, more than {max_bytes}")
    late = threading.Event()

    def cut() -> None:
        late.set()
        with contextlib.suppress(OSError):
            response.raw.shutdown()  # a read blocked in another thread returns at once

    watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), cut)
    watchdog.daemon = True
    watchdog.start()
    body = bytearray()
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            body += chunk
            if len(body) > max_bytes:
                raise BodyTooLargeError(f"answer of more than {max_bytes} bytes")
            if time.monotonic() > deadline:
                late.set()
                break
    except requests.RequestException:
        if not late.is_set():
            raise
    finally:
        watchdog.cancel()
        watchdog.join(timeout=5)
    if late.is_set():  # a cut connection may look like a short, complete body
        raise BodyTooSlowError(f"answer not complete after {len(body)} bytes, at the deadline")
    return bytes(body)


_exchange = threading.local()  # the deadline of the request this thread is making


@contextlib.contextmanager
def headers_by(deadline: float) -> Iterator[None]:
    """Requests made by this thread in the block through a session with DeadlineAdapter
    get their status line and headers by `deadline` (time.monotonic()), or fail with a
    requests.ConnectionError."""
    _exchange.deadline = deadline
    try:
        yield
    finally:
        _exchange.deadline = None


def _answer_by_deadline(connection: HTTPConnection, read: Any) -> HTTPResponse:
    deadline = getattr(_exchange, "deadline", None)
    sock = connection.sock
    if deadline is None or sock is None:
        response: HTTPResponse = read()
        return response

    def cut() -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # the blocked read returns at once

    watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), cut)
    watchdog.daemon = True
    watchdog.start()
    try:
        response = read()
    finally:
        watchdog.cancel()
        watchdog.join(timeout=5)
    return response


class _HTTPConnection(HTTPConnection):
    def getresponse(self) -> HTTPResponse:  # type: ignore[override] # as urllib3 does
        return _answer_by_deadline(self, super().getresponse)


class _HTTPSConnection(HTTPSConnection):
    def getresponse(self) -> HTTPResponse:  # type: ignore[override] # as urllib3 does
        return _answer_by_deadline(self, super().getresponse)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections honour `headers_by`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def mount_deadlines(session: requests.Session) -> requests.Session:
    for prefix in ("http://", "https://"):
        session.mount(prefix, DeadlineAdapter())
    return session
