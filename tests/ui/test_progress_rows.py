"""The progress screen's cases as list-model rows: typed roles, each case with its timeline."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.progress import CaseProgress
from ui.progressview import CaseRows, TimelineRows
from ui.rowmodel import RowModel

DELIVERED = CaseProgress(
    number="XC-T-20261126-0001",
    item_name="生育登记服务",
    status="已受理",
    pending=False,
    timeline=(
        ("已接件", "2026-11-26 10:00", ""),
        ("已受理", "2026-11-26 11:30", "材料齐全"),
    ),
)


def roles(model: RowModel) -> dict[str, int]:
    return {bytes(v.data()).decode(): k for k, v in model.roleNames().items()}


def test_case_rows_case_becomes_typed_roles_with_its_timeline() -> None:
    cases = CaseRows()
    cases.show([DELIVERED])
    role = roles(cases)
    assert set(role) == {"number", "itemName", "status", "pending", "timeline", "question",
                         "reply", "replyBy", "replyAt"}  # fmt: skip
    row = cases.index(0)
    assert cases.data(row, role["itemName"]) == "生育登记服务"
    assert cases.data(row, role["pending"]) is False
    assert cases.data(row, role["question"]) is False
    assert cases.data(row, role["reply"]) == ""  # an application has no reply

    timeline = cases.data(row, role["timeline"])
    assert isinstance(timeline, TimelineRows)
    step = roles(timeline)
    assert [
        tuple(timeline.data(timeline.index(n), step[name]) for name in ("status", "at", "note"))
        for n in range(timeline.rowCount())
    ] == list(DELIVERED.timeline)


def test_case_rows_a_question_brings_its_reply() -> None:
    from kiosk.progress import CaseProgress, Reply

    answered = CaseProgress(
        "XC20261130000001", "留言咨询", "已答复", False, (("已接件", "2026-11-30 09:00", ""),),
        question=True, reply=Reply("可以代办。", "西城区民政局", "2026-11-30 10:00"),
    )  # fmt: skip
    cases = CaseRows()
    cases.show([answered])
    role = roles(cases)
    row = cases.index(0)
    assert cases.data(row, role["question"]) is True
    assert [cases.data(row, role[name]) for name in ("reply", "replyBy", "replyAt")] == [
        "可以代办。", "西城区民政局", "2026-11-30 10:00",
    ]  # fmt: skip


def test_case_rows_new_cases_delete_the_old_timelines(qtbot: QtBot) -> None:
    cases = CaseRows()
    cases.show([DELIVERED])
    old = cases.rows()[0].timeline
    with qtbot.waitSignal(old.destroyed, timeout=1000):
        cases.show([])
    assert cases.rowCount() == 0
