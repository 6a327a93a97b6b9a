"""Baseline for `startup_ratio` and `cage_startup_ratio`: a bare Qt Quick window with the
virtual keyboard loaded.

Prints "first frame rendered" to stderr on its first frame, like the kiosk does, then idles.
"""

from __future__ import annotations

import os
import sys

from ui.environment import prepare_qt_environment

# Offscreen unless the environment names a platform (under cage: wayland, from the unit).
prepare_qt_environment(headless="QT_QPA_PLATFORM" not in os.environ)
# Qt's own keyboard style: the kiosk's is not on this window's import path (and the kiosk
# builds its keyboard after the first frame anyway).
del os.environ["QT_VIRTUALKEYBOARD_STYLE"]

from PySide6.QtCore import QObject, Qt, Slot  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtQml import QQmlApplicationEngine  # noqa: E402

QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
Window {
    width: 1080; height: 1920; visible: true
    InputPanel { width: parent.width; y: parent.height }
}
"""

app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(QML)
window = engine.rootObjects()[0]


class Reporter(QObject):
    """Reports the first frame the way the kiosk does (ui/main.py): queued, once."""

    done = False

    @Slot()
    def report(self) -> None:
        if not self.done:
            self.done = True
            print("first frame rendered", file=sys.stderr, flush=True)


reporter = Reporter()
window.frameSwapped.connect(reporter.report, Qt.ConnectionType.QueuedConnection)  # type: ignore[attr-defined]
sys.exit(app.exec())
