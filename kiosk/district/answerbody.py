"""Reading an answer from the platform within a size cap and an overall deadline.

requests' read timeout counts per socket read: a server sending one byte every few
seconds never trips it, and a body has no size limit of its own. Here the body is
streamed, stopped at `max_bytes`, and a watchdog shuts the connection at the deadline,
which ends a read that is still blocked. A session set up with `mount_deadlines` holds
the status line and headers to the same deadline, given with `headers_by`. A `Hangup`
given to both ends the exchange sooner, when another thread asks (the kiosk stopping).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
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


class BodyHungUpError(BodyReadError):
    pass


class Hangup:
    """Ends exchanges from another thread: the one in flight at once (its connection is
    shut, as at its deadline), and any later one as soon as it has connected. For a worker
    thread that must stop now, not when the platform's answer or the deadline comes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cuts: set[Callable[[], None]] = set()
        self._hung_up = False

    @property
    def hung_up(self) -> bool:
        return self._hung_up

    def hang_up(self) -> None:
        """Any thread: end what is in flight and what comes later."""
        with self._lock:
            self._hung_up = True
            cuts = list(self._cuts)
        for cut in cuts:
            cut()

    @contextlib.contextmanager
    def cutting(self, cut: Callable[[], None]) -> Iterator[None]:
        """Within the block, `hang_up()` calls `cut`; at once if it has been called."""
        with self._lock:
            self._cuts.add(cut)
            hung_up = self._hung_up
        if hung_up:
            cut()
        try:
            yield
        finally:
            with self._lock:
                self._cuts.discard(cut)


NO_HANGUP = Hangup()  # never hung up: for exchanges nobody ends early


def read_body(
    response: requests.Response,
    *,
    max_bytes: int,
    deadline: float,
    hangup: Hangup = NO_HANGUP,
) -> bytes:
    """The whole body of a response made with `stream=True`, or BodyReadError.

    `deadline` is a time.monotonic() value; `hangup` may end the read sooner. Other
    failures of the transfer raise requests.RequestException, as requests does.
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
        with hangup.cutting(cut):
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
    if hangup.hung_up:
        raise BodyHungUpError(f"answer not read: hung up after {len(body)} bytes")
    if late.is_set():  # a cut connection may look like a short, complete body
        raise BodyTooSlowError(f"answer not complete after {len(body)} bytes, at the deadline")
    return bytes(body)


_exchange = threading.local()  # the deadline and hangup of the request this thread makes


@contextlib.contextmanager
def headers_by(deadline: float, hangup: Hangup = NO_HANGUP) -> Iterator[None]:
    """Requests made by this thread in the block through a session with DeadlineAdapter
    get their status line and headers by `deadline` (time.monotonic()), and not after
    `hangup` is hung up, or fail with a requests.ConnectionError."""
    _exchange.deadline, _exchange.hangup = deadline, hangup
    try:
        yield
    finally:
        _exchange.deadline, _exchange.hangup = None, NO_HANGUP


def _answer_by_deadline(connection: HTTPConnection, read: Any) -> HTTPResponse:
    deadline = getattr(_exchange, "deadline", None)
    hangup: Hangup = getattr(_exchange, "hangup", NO_HANGUP)
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
        with hangup.cutting(cut):
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
