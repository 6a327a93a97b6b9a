"""`kiosk tour`: render every screen in every layout to PNG files, headless.

Exits non-zero when a screen fails to load or Qt logs a warning along the way, so the tour
doubles as a smoke test of the whole UI.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.settings import Settings
from ui.app import LANDSCAPE, PORTRAIT, KioskUi, QmlLoadError, WindowMode, build_ui
from ui.environment import prepare_qt_environment
from ui.main import create_application
from ui.qmltree import find
from ui.qtlog import is_known_noise
from ui.settle import settle

log = logging.getLogger(__name__)


def _click(ui: KioskUi, object_name: str) -> None:
    item = find(ui.window, object_name)
    item.clicked.emit()  # type: ignore[attr-defined]


def _home(ui: KioskUi) -> None:
    ui.window.showScreen("home")  # type: ignore[attr-defined]


def _notice(ui: KioskUi) -> None:
    _click(ui, "tile_apply")


def _consult(ui: KioskUi) -> None:
    find(ui.window, "notice").setProperty("visible", False)
    _click(ui, "tile_consult")


def _idle_warning(ui: KioskUi) -> None:
    _home(ui)
    ui.idle.expire_in(12)


def _attract(ui: KioskUi) -> None:
    ui.idle.poke()
    ui.window.showScreen("attract")  # type: ignore[attr-defined]


def _english_home(ui: KioskUi) -> None:
    ui.window.showScreen("home")  # type: ignore[attr-defined]
    ui.shell.setLanguage("en")


STEPS: list[tuple[str, Callable[[KioskUi], None]]] = [
    ("home", _home),
    ("not-available", _notice),
    ("consult", _consult),
    ("idle-warning", _idle_warning),
    ("attract", _attract),
    ("home-en", _english_home),
]


def run_tour(settings: Settings, out: Path) -> int:
    prepare_qt_environment(headless=True)
    app = create_application(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not is_known_noise(context.category, message):
            problems.append(f"{context.category}: {message}")
            print(f"tour: Qt warning: {message}", file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    shots = 0
    try:
        for layout, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
            for elder in (False, True):
                ui_settings = dataclasses.replace(settings.ui, orientation=layout)
                try:
                    ui = build_ui(
                        dataclasses.replace(settings, ui=ui_settings), WindowMode.HEADLESS, size
                    )
                except QmlLoadError as error:
                    problems.append(str(error))
                    continue
                ui.shell.setElderMode(elder)
                for name, step in STEPS:
                    step(ui)
                    settle(ui.window)
                    path = out / f"{layout}{'-elder' if elder else ''}-{name}.png"
                    if not ui.window.grabWindow().save(str(path)):
                        problems.append(f"could not write {path}")
                    shots += 1
                ui.close()
                app.processEvents()
    finally:
        qInstallMessageHandler(previous)
    print(f"tour: {shots} screenshots in {out}")
    for problem in problems:
        print(f"tour: problem: {problem}", file=sys.stderr)
    return 1 if problems else 0
