"""Reading an answer's body from the platform within a size cap and an overall deadline.

requests' read timeout counts per socket read: a server sending one byte every few
seconds never trips it, and a body has no size limit of its own. Here the body is
streamed, stopped at `max_bytes`, and a watchdog shuts the connection at the deadline,
which ends a read that is still blocked. (The deadline starts before the request: the
status line and headers count against it only through the per-read timeout.)
"""

from __future__ import annotations

import threading
import time

import requests

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
