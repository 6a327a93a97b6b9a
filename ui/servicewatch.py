"""The kiosk under systemd: READY after the first frame, WATCHDOG from the GUI thread, STATUS
lines, STOPPING on the way out, and SIGTERM / SIGINT quitting the event loop cleanly.

The watchdog is fed by a QTimer on the GUI thread and by nothing else: when that thread
freezes (a slot that never returns, a deadlock), the pings stop and systemd kills and
restarts the kiosk, as it does when the process dies.
"""

from __future__ import annotations

import contextlib
import logging
import signal
from collections.abc import Callable, Iterator
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

from kiosk import quitsignals
from ui.firstframe import FirstFrameGate

log = logging.getLogger(__name__)


class ServiceManager(Protocol):
    """Where the kiosk reports to: kiosk.app.sdnotify.Notifier, built by the composition
    root (the UI does not import the application shell)."""

    def ready(self, status: str = "") -> None: ...
    def status(self, text: str) -> None: ...
    def watchdog(self) -> None: ...
    def stopping(self, status: str = "") -> None: ...


class NoServiceManager:
    """Nobody to tell (`kiosk demo`, the tests)."""

    def ready(self, status: str = "") -> None:
        pass

    def status(self, text: str) -> None:
        pass

    def watchdog(self) -> None:
        pass

    def stopping(self, status: str = "") -> None:
        pass


class ServiceWatch(QObject):
    """Tells the service manager how the kiosk stands (no-op without $NOTIFY_SOCKET).

    `status` gives the current STATUS= line; call `update()` when what it says may have
    changed. The watchdog timer runs from construction, at `watchdog_ms` (None: no pings).
    """

    def __init__(
        self,
        notifier: ServiceManager,
        watchdog_ms: int | None,
        status: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._notifier = notifier
        self._status = status
        self._ready = False
        self._watchdog = QTimer(self)
        self._watchdog.timeout.connect(notifier.watchdog)
        if watchdog_ms is not None:
            self._watchdog.start(watchdog_ms)
            log.info("feeding the service watchdog every %d ms", watchdog_ms)

    def watch_first_frame(self, window: QQuickWindow) -> None:
        """READY=1 once `window` has put its first frame on screen."""
        FirstFrameGate(window, self).passed.connect(self._on_first_frame)

    @Slot()
    def _on_first_frame(self) -> None:
        log.info("first frame rendered")  # staff see start-up finish; `make bench` times it
        self._ready = True
        self._notifier.ready(self._status())

    @Slot()
    def update(self) -> None:
        if self._ready:
            self._notifier.status(self._status())

    def stopping(self) -> None:
        """STOPPING=1: systemd then knows the exit that follows is asked for, not a crash."""
        self._watchdog.stop()
        self._notifier.stopping("Stopping")


def serve(app: QCoreApplication, watch: ServiceWatch, close: Callable[[], None]) -> int:
    """Run `app`'s event loop until SIGTERM or SIGINT, then STOPPING=1 and `close()`.

    Call it inside `quit_on_signals(app)`, entered before the window is built: a Ctrl+C or
    a SIGTERM while the screens load then ends the loop as soon as it runs, instead of
    landing as KeyboardInterrupt in whatever Python code QML was calling (which Qt would
    report and carry on). The signals stay caught until the window is closed: a second
    Ctrl+C must not cut the shutdown short with worker threads still running.
    """
    try:
        return app.exec()
    finally:
        watch.stopping()
        close()


@contextlib.contextmanager
def quit_on_signals(make_app: Callable[[], QCoreApplication]) -> Iterator[QCoreApplication]:
    """SIGTERM (systemctl stop, cage going away) and SIGINT (Ctrl+C) quit the event loop of
    the application `make_app()` makes (and yields).

    Python runs its signal handlers only when the interpreter gets control, which an idle
    Qt event loop never gives it: the C-level handler writes the signal's number into a
    socket (signal.set_wakeup_fd) that a QSocketNotifier watches on the GUI thread.

    The signals are caught (kiosk/quitsignals.py) before the application is made, or
    earlier, as the command began: raised as KeyboardInterrupt while the kiosk starts, a
    Ctrl+C could be lost inside code Qt or PySide runs and the kiosk would run on. Caught,
    it waits in the socket, and the loop ends as soon as it runs.
    """
    reader = quitsignals.catch()  # already, when a command caught them as it began

    def on_wakeup() -> None:
        try:
            numbers = reader.recv(64)
        except BlockingIOError:
            return
        for name in sorted({signal.Signals(number).name for number in numbers}):
            log.info("%s received: stopping", name)
        if numbers:
            # Not quit(): Qt 6's quit() first asks every window to close, and the locked
            # down window refuses.
            QCoreApplication.exit(0)

    notifier: QSocketNotifier | None = None
    try:
        app = make_app()
        # A signal already in the socket makes the notifier fire once the loop runs.
        notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
        notifier.activated.connect(on_wakeup)
        yield app
    finally:
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.deleteLater()
        quitsignals.release()
