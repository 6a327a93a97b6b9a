"""Ctrl+C and SIGTERM caught, never raised, from the start of a command that shows a window
until its event loop ends (ui/servicewatch.py `quit_on_signals` reads them there).

Raised as KeyboardInterrupt while the kiosk starts, a Ctrl+C can land inside code PySide
runs on the way (it makes an enum the first time it is used), which loses it: the starting
demo crashed ("'QSocketNotifier' has no attribute 'Type'") or ran on as if nothing had
been pressed. Caught here instead, each signal's number waits in a socket, and the event
loop ends as soon as it runs.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from types import FrameType
from typing import Any

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)

_caught: tuple[socket.socket, socket.socket, dict[signal.Signals, Any], int] | None = None


def catch() -> socket.socket:
    """Catch the quit signals (once; later calls change nothing) and return the socket's
    end they are read from."""
    global _caught  # noqa: PLW0603  # one process, one set of signal handlers
    if _caught is None:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)

        def remember(number: int, _frame: FrameType | None) -> None:
            """Python's part of the handler: a signal that came before the wakeup socket
            was set is written here too (a second byte is harmless)."""
            with contextlib.suppress(OSError):
                writer.send(bytes([number]))

        previous = {number: signal.signal(number, remember) for number in QUIT_SIGNALS}
        previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        _caught = (reader, writer, previous, previous_fd)
        return reader
    return _caught[0]


def release() -> None:
    """Back to the handlers there were before `catch()`; signals waiting are dropped."""
    global _caught  # noqa: PLW0603
    if _caught is None:
        return
    reader, writer, previous, previous_fd = _caught
    _caught = None
    signal.set_wakeup_fd(previous_fd)
    for number, handler in previous.items():
        signal.signal(number, handler)
    reader.close()
    writer.close()
