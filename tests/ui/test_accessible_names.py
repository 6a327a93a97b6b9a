"""Every interactive item of every screen has an accessible name and role: the tour's walk
over all screens (as in test_english_tour.py), checked through Qt's accessibility interface,
which screen readers and the platform's accessibility bus see.

Interactive: touch targets (buttons, tiles, rows, the date wheels, the keyboard's keys), touch
areas, text fields, the keyboard's candidates. Not checked: the areas that only keep touches
from what lies beneath an overlay (`touchBlocker`, ignored by accessibility on purpose) and
the keyboard panel's own touch areas, which hand touches on to its keys.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from kiosk.settings import Settings
from tests.ui.tourwalk import address, walk_tour
from ui.app import KioskUi
from ui.qmltree import find, walk
from ui.reach import TAPPABLE

INTERACTIVE = TAPPABLE  # the same items the tour measures for size (ui/reach.py)


def interactive_items(ui: KioskUi) -> list[QQuickItem]:
    # In the keyboard a resident taps keys and candidates (our style's touch targets); the
    # panel's own touch areas (Qt Virtual Keyboard's) only hand touches on to them.
    keyboard = {address(item) for item in walk(find(ui.window, "inputPanel"))}
    found = []
    for item in walk(ui.window):
        if not isinstance(item, QQuickItem) or not item.isVisible():
            continue
        if item.objectName() == "touchBlocker":
            continue
        if address(item) in keyboard and item.property("touchTarget") is not True:
            continue
        if item.property("touchTarget") is True or any(item.inherits(k) for k in INTERACTIVE):
            found.append(item)
    return found


def named(item: QQuickItem) -> bool:
    interface = QAccessible.queryAccessibleInterface(item)
    name = interface.text(QAccessible.Text.Name).strip() if interface else ""
    role = interface.role() if interface else QAccessible.Role.NoRole
    return bool(name) and role != QAccessible.Role.NoRole


def unnamed(ui: KioskUi) -> set[str]:
    missing = set()
    for item in interactive_items(ui):
        if not named(item):
            kind = item.metaObject().className().split("_QML")[0]
            missing.add(f"{kind} {item.objectName() or '(no objectName)'}")
    return missing


def test_every_interactive_item_of_every_screen_has_a_name_and_a_role(qapp: QObject) -> None:
    found: dict[str, set[str]] = {}
    checked = keys = 0
    screens = []
    for _station, ui, screen in walk_tour(Settings()):
        screens.append(screen)
        items = interactive_items(ui)
        checked += len(items)
        panel = {address(item) for item in walk(find(ui.window, "inputPanel"))}
        keys = max(keys, sum(address(item) in panel for item in items))
        if missing := unnamed(ui):
            found[screen] = missing
    assert {"apply-form", "apply-review", "progress"} <= set(screens)  # the walk went through
    assert checked > 400  # the walk found what it checks
    assert keys >= 30  # the keyboard's keys among them
    assert found == {}
