"""PySide6's QML registration decorators, typed for mypy.

PySide6 6.11's stub declares `QmlUncreatable` as a class whose instances cannot be called,
so `@QmlUncreatable("…")` fails type checking. Import both decorators from here; the names
stay the same, which pyside6-metaobjectdump looks for (docs/qml-types.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtQml import QmlElement

T = TypeVar("T")

if TYPE_CHECKING:

    def QmlUncreatable(reason: str) -> Callable[[T], T]: ...

else:
    from PySide6.QtQml import QmlUncreatable

__all__ = ["QmlElement", "QmlUncreatable"]
