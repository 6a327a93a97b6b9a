"""The first frame's gates: the report of the frame before the work it lets start; garbage
collection resumed once the frame is out."""

from __future__ import annotations

import gc
from types import SimpleNamespace
from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from ui.app import KioskUi
from ui.firstframe import FirstFrameGate
from ui.main import collect_garbage_after_first_frame


def test_first_frame_deferred_gate_passes_after_the_immediate_one(qtbot: QtBot) -> None:
    window = QQuickWindow()
    window.resize(200, 100)
    heard: list[str] = []
    # Made first, as build_ui makes its gate before the service watch makes its own.
    later = FirstFrameGate(window, deferred=True)
    later.passed.connect(lambda: heard.append("workers start"))
    now = FirstFrameGate(window)
    now.passed.connect(lambda: heard.append("READY"))
    window.show()
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
    assert heard == ["READY", "workers start"]
    qtbot.wait(50)
    assert heard == ["READY", "workers start"]  # once each
    window.close()
    window.deleteLater()


def test_garbage_collection_resumes_after_the_first_frame_with_the_start_up_frozen(
    qtbot: QtBot,
) -> None:
    """`kiosk run` and `demo` start with collection paused (kiosk/app/entry.py)."""
    window = QQuickWindow()
    window.resize(200, 100)
    engine = QObject()
    gc.unfreeze()  # whatever an earlier test froze (a catalog's frozen load) is counted no more
    gc.disable()
    try:
        collect_garbage_after_first_frame(
            cast(KioskUi, SimpleNamespace(window=window, engine=engine))
        )
        assert not gc.isenabled()  # not before the frame
        assert gc.get_freeze_count() == 0
        window.show()
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        assert (
            gc.get_freeze_count() > 1000
        )  # this process's objects, the window's wrapper among them
    finally:
        gc.unfreeze()
        gc.enable()
        window.close()
        window.deleteLater()
