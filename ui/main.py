"""Starting the kiosk's event loop: `kiosk run` and `kiosk demo`."""

from __future__ import annotations

import logging
import os
import signal
import sys

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

from kiosk.services import Services
from kiosk.settings import Settings
from ui.app import QmlLoadError, WindowMode, build_ui
from ui.environment import prepare_qt_environment

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QGuiApplication:
    app = QGuiApplication(argv)
    app.setApplicationName("community-kiosk")
    app.setOrganizationName("community-kiosk")
    return app


def _no_display() -> bool:
    """True when a desktop demo has nowhere to show its window."""
    return not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )


def run_kiosk(settings: Settings, services: Services, *, fullscreen: bool) -> int:
    if not fullscreen and _no_display():
        print(
            "kiosk: no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset).\n"
            "  `kiosk demo` shows itself over VNC on a machine without one.\n"
            "  To look at the screens without one: kiosk tour --out build/tour",
            file=sys.stderr,
        )
        return 1
    prepare_qt_environment(headless=False)
    app = create_application(sys.argv[:1])
    try:
        ui = build_ui(
            settings, WindowMode.FULLSCREEN if fullscreen else WindowMode.WINDOW, services
        )
    except QmlLoadError as error:
        log.error("%s", error)
        return 1

    try:
        reporter = FirstFrameReporter(app)
        # frameSwapped comes from the render thread: queued, the slot runs on this thread.
        ui.window.frameSwapped.connect(reporter.report, Qt.ConnectionType.QueuedConnection)
        if not fullscreen:
            # Ctrl+C in the terminal stops the demo; the Python handler needs the loop awake.
            signal.signal(signal.SIGINT, lambda *_: app.quit())
            wake = QTimer(app)
            wake.start(200)
            wake.timeout.connect(lambda: None)
        return app.exec()
    finally:
        ui.close()


class FirstFrameReporter(QObject):
    """Logs "first frame rendered" once: staff see start-up finish; `make bench` times it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done = False

    @Slot()
    def report(self) -> None:
        if not self._done:
            self._done = True
            log.info("first frame rendered")
