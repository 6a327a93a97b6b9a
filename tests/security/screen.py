"""Looking at what the kiosk window shows: its text items and the format each one reads."""

from __future__ import annotations

import os

import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ui.app import QML_DIR

# Qt Virtual Keyboard's own items: key caps and the input engine's word candidates, drawn by
# Qt's keyboard style. Nothing from residents, devices or the platform is shown there.
KEYBOARD = "inputPanel"
IMAGE_PROVIDERS = ("qr", "pages")  # registered in ui/app.py


def items_of(window: QQuickWindow, *classes: str) -> list[QQuickItem]:
    """Every item of these classes in the window (shown or not), the keyboard's own left out."""
    found: list[QQuickItem] = []
    pending = [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == KEYBOARD:
            continue
        if any(item.inherits(name) for name in classes):
            found.append(item)
        pending.extend(item.childItems())
    return found


def text_items(window: QQuickWindow) -> list[QQuickItem]:
    return items_of(window, "QQuickText", "QQuickTextEdit")


def foreign_images(window: QQuickWindow) -> list[str]:
    """Image sources that are neither bundled with the kiosk nor its own image providers."""
    bundle = os.path.normpath(QML_DIR) + os.sep
    foreign = []
    for item in items_of(window, "QQuickImageBase"):
        url = QUrl(item.property("source"))
        context = QQmlEngine.contextForObject(item)
        if context is not None:  # "../icons/x.svg" is relative to the item's QML file
            url = context.resolvedUrl(url)
        if url.isEmpty() or url.scheme() == "qrc":
            continue
        if url.scheme() == "image" and url.host() in IMAGE_PROVIDERS:
            continue
        if url.isLocalFile() and os.path.normpath(url.toLocalFile()).startswith(bundle):
            continue
        foreign.append(url.toString())
    return foreign


def text_format(engine: QQmlEngine, item: QObject) -> str:
    """The item's textFormat by name ("PlainText", "AutoText" …).

    PySide cannot convert QQuickText's own enum, so QML reads it.
    """
    value, failed = QQmlExpression(engine.rootContext(), item, "textFormat").evaluate()
    assert not failed
    meta = item.metaObject()
    try:
        enum = meta.property(meta.indexOfProperty("textFormat")).enumerator()
        return str(enum.valueToKey(int(value)))
    finally:
        shiboken6.invalidate(meta)  # see ui/qmltree.py: class_name()


def not_plain(engine: QQmlEngine, window: QQuickWindow) -> list[str]:
    """The text items that would read markup, each as `format: "text"`."""
    return [
        f"{fmt}: {item.property('text')!r}"
        for item in text_items(window)
        if (fmt := text_format(engine, item)) != "PlainText"
    ]


def showing(engine: QQmlEngine, window: QQuickWindow, text: str) -> list[str]:
    """The format of each text item whose text contains `text`."""
    return [
        text_format(engine, item)
        for item in text_items(window)
        if text in str(item.property("text"))
    ]
