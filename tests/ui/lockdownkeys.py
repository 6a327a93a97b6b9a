"""What a hardware keyboard can send to a locked-down window, and the check that none of it
gets anyone out: the window stays open, full screen, on the same screen, the app runs on."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest

from ui.qtlog import KNOWN_NOISE

# QTest has no text for the power and media keys and says so; it still sends them. (The
# marker replaces the one tests/conftest.py adds, so it repeats the known noise.)
KEYS_WITHOUT_TEXT = pytest.mark.qt_log_ignore(
    *[re.escape(prefix) for _category, prefix in KNOWN_NOISE], "keyToAscii Unhandled key code"
)

K = Qt.Key
M = Qt.KeyboardModifier
CTRL_ALT = M.ControlModifier | M.AltModifier

ESCAPE_KEYS: list[tuple[Qt.Key, Qt.KeyboardModifier]] = [
    (K.Key_F4, M.AltModifier),  # close window
    (K.Key_F4, M.ControlModifier),
    (K.Key_Q, M.ControlModifier),  # quit
    (K.Key_W, M.ControlModifier),  # close
    (K.Key_Escape, M.NoModifier),
    (K.Key_Escape, M.ControlModifier),
    (K.Key_Tab, M.AltModifier),  # switch window
    (K.Key_Tab, M.MetaModifier),
    (K.Key_Space, M.AltModifier),  # window menu
    (K.Key_F2, M.AltModifier),  # run dialog
    (K.Key_T, CTRL_ALT),  # terminal
    (K.Key_Delete, CTRL_ALT),
    (K.Key_Backspace, CTRL_ALT),  # kill the X server
    *[(getattr(K, f"Key_F{n}"), CTRL_ALT) for n in range(1, 13)],  # VT switch
    (K.Key_Super_L, M.NoModifier),
    (K.Key_Super_R, M.NoModifier),
    (K.Key_Meta, M.NoModifier),
    (K.Key_D, M.MetaModifier),  # show desktop
    (K.Key_L, M.MetaModifier),  # lock
    (K.Key_Menu, M.NoModifier),
    (K.Key_F11, M.NoModifier),  # leave full screen
    (K.Key_F, M.MetaModifier),
    (K.Key_I, M.ControlModifier | M.ShiftModifier),  # developer tools
    (K.Key_Print, M.NoModifier),
    (K.Key_Close, M.NoModifier),
    (K.Key_Back, M.NoModifier),
    (K.Key_Exit, M.NoModifier),
    (K.Key_PowerOff, M.NoModifier),
    (K.Key_Sleep, M.NoModifier),
]


def next_frame(window: QQuickWindow, timeout_ms: int = 2000) -> None:
    """Run the event loop until `window` has drawn a fresh frame (or the timeout)."""
    loop = QEventLoop()
    window.frameSwapped.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.update()
    loop.exec()
    window.frameSwapped.disconnect(loop.quit)


def press_every_escape_key(window: QQuickWindow) -> list[str]:
    """Send each key to `window` and return what went wrong after any of them ([] if none)."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    quits: list[str] = []
    app.aboutToQuit.connect(lambda: quits.append("aboutToQuit"))
    app.lastWindowClosed.connect(lambda: quits.append("lastWindowClosed"))
    screen = window.screen().name()
    problems = []
    for key, modifiers in ESCAPE_KEYS:
        QTest.keyClick(window, key, modifiers)
        next_frame(window)
        name = f"{modifiers!r}+{key.name}"
        if not window.isVisible():
            problems.append(f"{name}: window hidden")
        if window.visibility() != QWindow.Visibility.FullScreen:
            problems.append(f"{name}: {window.visibility()!r}")
        if window.screen().name() != screen:
            problems.append(f"{name}: moved to {window.screen().name()}")
        if quits:
            problems.append(f"{name}: {quits}")
            quits.clear()
    return problems
