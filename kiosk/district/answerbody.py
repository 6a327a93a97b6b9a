"""Reading an answer from the platform within a size cap and an overall deadline.

requests' read timeout counts per socket read: a server sending one byte every few
seconds never trips it, and a body has no size limit of its own. Here the body is
streamed, stopped at `max_bytes`, and a watchdog shuts the connection at the deadline,
which ends a read that is still blocked. A session set up with `mount_deadlines` holds
the status line and headers to the same deadline, given with `headers_by`; given a
`Hangup` there too, another thread can end the exchange sooner (the kiosk stopping).
"""

from __future__ import annotations

import contextlib
import logging
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

log = logging.getLogger(__name__)

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


class Hangup:
    """Ends a client's exchanges from another thread: `hang_up()` shuts the connection of
    the one in flight, whatever it is waiting for (sending, the answer's head or its
    body), and refuses to open or reuse a connection afterwards. For a worker that must
    stop now, not when the platform answers or the deadline comes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cuts: set[Callable[[], None]] = set()
        self._hung_up = False

    @property
    def hung_up(self) -> bool:
        return self._hung_up

    def hang_up(self) -> None:
        """Any thread."""
        with self._lock:
            self._hung_up = True
            cuts = list(self._cuts)
        for cut in cuts:
            try:
                cut()
            except Exception:  # the caller is stopping the kiosk: it must go on
                log.exception("hanging up on a connection failed")

    def refuse_if_hung_up(self) -> None:
        if self._hung_up:
            raise HungUpError("hung up: no connection is opened or reused")

    def watch(self, sock: socket.socket) -> Callable[[], None]:
        """Shut `sock` when hung up (at once if already); returns what stops watching."""

        def cut() -> None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # a send or read blocked on it returns

        with self._lock:
            self._cuts.add(cut)
            hung_up = self._hung_up
        if hung_up:
            cut()

        def unwatch() -> None:
            with self._lock:
                self._cuts.discard(cut)

        return unwatch


class HungUpError(OSError):
    """Raised in place of opening or reusing a connection once hung up (requests reports it
    as a ConnectionError)."""


class _Exchange(threading.local):
    """The deadline and the hangup of the request this thread makes, and the sockets it
    watches for that hangup."""

    deadline: float | None = None
    hangup: Hangup | None = None
    unwatch: list[Callable[[], None]]

    def __init__(self) -> None:
        self.unwatch = []


_exchange = _Exchange()


@contextlib.contextmanager
def headers_by(deadline: float, hangup: Hangup | None = None) -> Iterator[None]:
    """Requests made by this thread in the block through a session with DeadlineAdapter
    get their status line and headers by `deadline` (time.monotonic()), or fail with a
    requests.ConnectionError; with `hangup`, its `hang_up()` ends them at any point of the
    block (their body is read within it too)."""
    _exchange.deadline, _exchange.hangup = deadline, hangup
    try:
        yield
    finally:
        for unwatch in _exchange.unwatch:
            unwatch()
        _exchange.deadline, _exchange.hangup, _exchange.unwatch = None, None, []


def _watch_for_hangup(sock: socket.socket | None) -> None:
    """Refuses a connection once hung up; otherwise lets the hangup shut `sock`."""
    hangup = _exchange.hangup
    if hangup is None:
        return
    hangup.refuse_if_hung_up()
    if sock is not None:
        _exchange.unwatch.append(hangup.watch(sock))


def _answer_by_deadline(connection: HTTPConnection, read: Any) -> HTTPResponse:
    deadline = _exchange.deadline
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
    """urllib3's connection, held to the thread's deadline and hangup (`headers_by`)."""

    def _new_conn(self) -> socket.socket:
        _watch_for_hangup(None)
        sock = super()._new_conn()
        _watch_for_hangup(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch_for_hangup(self.sock)  # a connection reused from the pool
        super().request(*args, **kwargs)

    def getresponse(self) -> HTTPResponse:  # type: ignore[override] # as urllib3 does
        return _answer_by_deadline(self, super().getresponse)


class _HTTPSConnection(_HTTPConnection, HTTPSConnection):
    pass


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
