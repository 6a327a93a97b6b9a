"""A list model over frozen dataclass rows: one role per field, named in camelCase, so that
QML delegates declare typed `required property string label` (etc.) instead of reading a
`var` dict built by hand."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

# Not an element itself, but the base of elements: the QML module's type information
# (ui/qmltypes.py) describes it so that qmllint knows what those inherit (`count`).
QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

_Index = QModelIndex | QPersistentModelIndex


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Ascending `numbers` as runs of consecutive ones, each (first, last)."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


class RowModel(QAbstractListModel):
    """Rows of one dataclass type; `set_rows` replaces them (nothing happens when they are
    equal, so an unchanged list never rebuilds its delegates).

    With `key` (a row's identity, e.g. which device it is): when the new rows are the same
    ones by key, only the rows that changed are announced (a run of neighbours in one
    signal) and their delegates update in place; otherwise the model resets.

    Signals:
        countChanged: the number of rows changed.
    """

    countChanged = Signal()

    def __init__(
        self,
        row_type: type[Any],
        parent: QObject | None = None,
        *,
        key: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = [f.name for f in dataclasses.fields(row_type)]
        self._rows: tuple[Any, ...] = ()
        self._key = key

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = tuple(rows)
        if rows == self._rows:
            return
        key = self._key
        if key is not None and [key(r) for r in rows] == [key(r) for r in self._rows]:
            old, self._rows = self._rows, rows
            changed = [
                n
                for n, (before, after) in enumerate(zip(old, rows, strict=True))
                if before != after
            ]
            for first, last in _runs(changed):  # one signal per run of changed rows
                self.dataChanged.emit(self.index(first), self.index(last))
            return
        counted = len(rows) != len(self._rows)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        if counted:
            self.countChanged.emit()

    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        field = role - Qt.ItemDataRole.UserRole - 1
        if not 0 <= field < len(self._fields):
            return None
        value = getattr(self._rows[index.row()], self._fields[field])
        return list(value) if isinstance(value, tuple) else value

    def roleNames(self) -> dict[int, QByteArray]:
        return {
            Qt.ItemDataRole.UserRole + 1 + n: QByteArray(_camel(name).encode())
            for n, name in enumerate(self._fields)
        }

    @Property(int, notify=countChanged)
    def count(self) -> int:
        return len(self._rows)
