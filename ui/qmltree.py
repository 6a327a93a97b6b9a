"""Finding objects in the live QML tree: by visual children and by QObject children.

Items a Repeater or a StackView creates are not always QObject children of their visual
parent, so `QObject.findChild` alone misses them.
"""

from __future__ import annotations

from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtQuick import QQuickItem, QQuickWindow


def walk(root: QObject) -> Iterator[QObject]:
    """Every object reachable from `root`, each once."""
    seen: set[int] = set()
    pending: list[QObject] = [root]
    if isinstance(root, QQuickWindow):
        pending.append(root.contentItem())
    while pending:
        obj = pending.pop()
        key = shiboken6.getCppPointer(obj)[0]
        if key in seen:
            continue
        seen.add(key)
        yield obj
        pending.extend(c for c in obj.children() if isinstance(c, QObject))
        if isinstance(obj, QQuickItem):
            pending.extend(obj.childItems())


def class_name(obj: QObject) -> str:
    """The object's class name (QML types: `Name_QMLTYPE_n`).

    The wrapper of a QML object's metaobject is dropped at once: kept, it outlives the
    metaobject, and shiboken hands it out for a new QObject created at the same address.
    """
    meta = obj.metaObject()
    try:
        return str(meta.className())
    finally:
        shiboken6.invalidate(meta)


def find(root: QObject, object_name: str) -> QObject:
    """The object with this objectName, or a LookupError naming it.

    Asks Qt's own (fast) QObject search first and walks the visual tree only when that fails.
    """
    direct = root.findChild(QObject, object_name)
    if direct is not None:
        return direct
    for obj in walk(root):
        if obj.objectName() == object_name:
            return obj
    raise LookupError(f"no QML object named {object_name!r}")


def find_item(root: QObject, object_name: str) -> QQuickItem:
    obj = find(root, object_name)
    if not isinstance(obj, QQuickItem):
        raise LookupError(f"{object_name!r} is not a visual item")
    return obj
