"""Every interactive item of every screen has an accessible name and role: the tour's walk
over all screens (as in test_english_tour.py), checked through Qt's accessibility interface,
which screen readers and the platform's accessibility bus see.

Interactive: touch targets (buttons, tiles, rows, the date wheels), touch areas, text fields.
Not checked yet: the keys and candidates of Qt Virtual Keyboard's own style (issue 15 asks
for a style of ours, which will name them), and the areas that only keep touches from
what lies beneath an overlay (`touchBlocker`, ignored by accessibility on purpose).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from kiosk.settings import Settings
from tests.ui.tourwalk import address, walk_tour
from ui.app import KioskUi
from ui.qmltree import find, walk

INTERACTIVE = ("QQuickMouseArea", "QQuickTextInput", "QQuickTextEdit", "QQuickAbstractButton")


def interactive_items(ui: KioskUi) -> list[QQuickItem]:
    keyboard = {address(item) for item in walk(find(ui.window, "inputPanel"))}
    found = []
    for item in walk(ui.window):
        if not isinstance(item, QQuickItem) or not item.isVisible():
            continue
        if address(item) in keyboard:
            continue
        if item.objectName() == "touchBlocker":
            continue
        if item.property("touchTarget") is True or any(item.inherits(k) for k in INTERACTIVE):
            found.append(item)
    return found


def unnamed(ui: KioskUi) -> set[str]:
    missing = set()
    for item in interactive_items(ui):
        interface = QAccessible.queryAccessibleInterface(item)
        name = interface.text(QAccessible.Text.Name).strip() if interface else ""
        role = interface.role() if interface else QAccessible.Role.NoRole
        if not name or role == QAccessible.Role.NoRole:
            kind = item.metaObject().className().split("_QML")[0]
            missing.add(f"{kind} {item.objectName() or '(no objectName)'}")
    return missing


def test_every_interactive_item_of_every_screen_has_a_name_and_a_role(qapp: QObject) -> None:
    found: dict[str, set[str]] = {}
    checked = 0
    screens = []
    for _station, ui, screen in walk_tour(Settings()):
        screens.append(screen)
        checked += len(interactive_items(ui))
        if missing := unnamed(ui):
            found[screen] = missing
    assert {"apply-form", "apply-review", "progress"} <= set(screens)  # the walk went through
    assert checked > 400  # the walk found what it checks
    assert found == {}
