"""Looking at what the kiosk window shows: its text items and the format each one reads."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow

# Qt Virtual Keyboard's own items: key caps and the input engine's word candidates, drawn by
# Qt's keyboard style. Nothing from residents, devices or the platform is shown there.
KEYBOARD = "inputPanel"


def text_items(window: QQuickWindow) -> list[QQuickItem]:
    """Every Text and TextEdit in the window (shown or not), the keyboard's own left out."""
    found: list[QQuickItem] = []
    pending = [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == KEYBOARD:
            continue
        if item.inherits("QQuickText") or item.inherits("QQuickTextEdit"):
            found.append(item)
        pending.extend(item.childItems())
    return found


def text_format(engine: QQmlEngine, item: QObject) -> str:
    """The item's textFormat by name ("PlainText", "AutoText" …).

    PySide cannot convert QQuickText's own enum, so QML reads it.
    """
    value, failed = QQmlExpression(engine.rootContext(), item, "textFormat").evaluate()
    assert not failed
    meta = item.metaObject()
    enum = meta.property(meta.indexOfProperty("textFormat")).enumerator()
    return str(enum.valueToKey(int(value)))


def not_plain(engine: QQmlEngine, window: QQuickWindow) -> list[str]:
    """The text items that would read markup, each as `format: "text"`."""
    return [
        f"{fmt}: {item.property('text')!r}"
        for item in text_items(window)
        if (fmt := text_format(engine, item)) != "PlainText"
    ]


def showing(engine: QQmlEngine, window: QQuickWindow, text: str) -> list[str]:
    """The format of each text item whose text is exactly `text`."""
    return [
        text_format(engine, item) for item in text_items(window) if item.property("text") == text
    ]
