"""RowModel: dataclass rows as list-model roles, and which changes rebuild delegates."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.rowmodel import RowModel


@dataclass(frozen=True)
class Row:
    name: str
    page_count: int


def roles(model: RowModel) -> dict[str, int]:
    return {bytes(v.data()).decode(): k for k, v in model.roleNames().items()}


def test_row_model_fields_become_camel_case_roles() -> None:
    model = RowModel(Row)
    model.set_rows([Row("结婚证", 2)])
    assert set(roles(model)) == {"name", "pageCount"}
    index = model.index(0)
    assert model.data(index, roles(model)["pageCount"]) == 2
    assert model.data(index, Qt.ItemDataRole.UserRole + 99) is None


def test_row_model_equal_rows_change_nothing(qtbot: QtBot) -> None:
    model = RowModel(Row)
    model.set_rows([Row("a", 1)])
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.dataChanged):
        model.set_rows([Row("a", 1)])


def test_row_model_with_key_same_rows_update_in_place(qtbot: QtBot) -> None:
    model = RowModel(Row, key=lambda row: row.name)
    model.set_rows([Row("a", 1), Row("b", 1)])
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.dataChanged, timeout=1000) as changed,
    ):
        model.set_rows([Row("a", 1), Row("b", 2)])
    assert changed.args[0].row() == 1
    assert model.data(model.index(1), roles(model)["pageCount"]) == 2


def test_row_model_with_key_neighbours_that_changed_are_announced_together() -> None:
    model = RowModel(Row, key=lambda row: row.name)
    model.set_rows([Row(name, 1) for name in "abcdef"])
    announced: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: announced.append((first.row(), last.row())))
    model.set_rows([Row(name, 2 if name in "abcf" else 1) for name in "abcdef"])
    assert announced == [(0, 2), (5, 5)]
    assert [row.page_count for row in model.rows()] == [2, 2, 2, 1, 1, 2]


def test_row_model_with_key_other_rows_reset(qtbot: QtBot) -> None:
    model = RowModel(Row, key=lambda row: row.name)
    model.set_rows([Row("a", 1)])
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_rows([Row("c", 1)])
    with qtbot.waitSignal(model.countChanged, timeout=1000):
        model.set_rows([Row("c", 1), Row("d", 1)])
    assert model.rowCount() == 2
