"""Whether a screen is within reach of an older resident: every target large enough to hit,
every text large enough to read.

The bar, at the design size (1080 × 1920 portrait, 1920 × 1080 landscape): a tappable
item's shorter side at least 80 px (104 px in elder mode), text at least 28 px (36 px in
elder mode). `kiosk tour` measures every screen it shows, in both layouts and both modes, and
reports what falls short as a problem.

The on-screen keyboard is measured like the screens: its keys and its candidates follow the
theme (the kiosk's keyboard style, ui/qml/QtQuick/VirtualKeyboard/Styles/kiosk/). Not
measured: what lies outside the window (the keyboard parked below it while no field is
being typed in, a list's rows scrolled away) and the invisible full-screen blockers that
swallow touches behind an overlay.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFontInfo
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ui.qmltree import class_name

TARGET_PX = {False: 80, True: 104}  # by elder mode
TEXT_PX = {False: 28, True: 36}
# What a finger can act on: Qt Quick's own input items, and our components that say so.
TAPPABLE = ("QQuickMouseArea", "QQuickTextInput", "QQuickTextEdit", "QQuickAbstractButton")
NOT_MEASURED = frozenset({"touchBlocker"})


def out_of_reach(window: QQuickWindow, *, elder: bool) -> list[str]:
    """What on the window's current screen is too small to tap or to read, one line each."""
    problems: list[str] = []
    target_px, text_px = TARGET_PX[elder], TEXT_PX[elder]
    window_rect = QRectF(0, 0, window.width(), window.height())
    for item in _shown_items(window.contentItem()):
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if not rect.intersects(window_rect):
            continue
        if _tappable(item) and item.width() > 0 and item.height() > 0:
            short = min(rect.width(), rect.height())
            if round(short) < target_px:
                problems.append(
                    f"target {_name(item)} is {rect.width():.0f} × {rect.height():.0f} px "
                    f"(at least {target_px} px)"
                )
        if item.inherits("QQuickText") and str(item.property("text") or "").strip():
            font = item.property("font")
            size = font.pixelSize() if font.pixelSize() > 0 else QFontInfo(font).pixelSize()
            if size < text_px:
                problems.append(f"text {_name(item)} is {size} px (at least {text_px} px)")
    return problems


def _shown_items(root: QQuickItem) -> list[QQuickItem]:
    """The visible, opaque items under root, without the parts not measured."""
    shown: list[QQuickItem] = []
    pending = [root]
    while pending:
        item = pending.pop()
        if item.objectName() in NOT_MEASURED or not item.isVisible() or item.opacity() <= 0:
            continue  # and nothing beneath it is seen either
        shown.append(item)
        pending.extend(item.childItems())
    return shown


def _tappable(item: QQuickItem) -> bool:
    if item.property("touchTarget") is True:
        return True
    return item.isEnabled() and any(item.inherits(kind) for kind in TAPPABLE)


def _name(item: QObject) -> str:
    text = str(item.property("text") or "").strip().replace("\n", " ")
    label = item.objectName() or class_name(item)
    return f"{label} {text[:20]!r}" if text else label
