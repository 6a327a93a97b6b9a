"""The platform's answers to 进度查询 as the kiosk core reads them: a reply not shaped like
the contract's cases says so in a sentence, and no reply holds more than the screen shows.

Real parts: the encrypted outbox in SQLite, the platform client over HTTP to a scripted
server on loopback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from kiosk.progress import (
    MAX_CASES,
    MAX_TEXT,
    MAX_TIMELINE,
    UNREADABLE,
    ProgressAnswer,
    TailAttempts,
    answer,
)
from kiosk.progressquery import ApplicantQuery, NumberQuery, ProgressQuery, ReceiptQuery
from tests.kiosk.test_outbox import KEY
from tests.security.loopback import Answer, serve

TERMINAL = "T-1"
A_ITEM = "最低生活保障申请"  # what resident A applied for: never on B's screen
A_APPLY_NO = "XC-T-1-20261129-0001"
B_NUMBER = "XC-T-1-20261129-0002"
ID_NUMBER = "110102195001010013"


def platform_json(data: Any) -> Answer:
    return 200, {"Content-Type": "application/json"}, json.dumps(data).encode()


def platform_case(item: str, case_no: str = "XC2026112900001", steps: int = 1) -> dict[str, Any]:
    """A case as the contract has it (openapi.yaml, Case), its timeline oldest first."""
    return {
        "caseNo": case_no,
        "applyNo": A_APPLY_NO,
        "itemCode": "11010500000000001",
        "itemName": item,
        "status": "已受理",
        "submittedAt": "2026-11-29T08:00:00+08:00",
        "timeline": [
            {
                "status": "已受理",
                "at": f"2026-11-29T08:{step % 60:02d}:00+08:00",
                "note": f"第{step}步",
            }
            for step in range(steps)
        ],
    }


def _ask(tmp_path: Path, reply: Any, query: ProgressQuery) -> ProgressAnswer:
    with serve(lambda seen: platform_json(reply)) as server:
        client = PlatformClient(server.url, TERMINAL, KEY, read_timeout_s=5)
        outbox = Outbox(tmp_path / "outbox.db", KEY)
        try:
            return answer(query, outbox, client, TailAttempts())
        finally:
            outbox.close()
            client.close()


@pytest.mark.parametrize(
    "reply",
    [
        {"cases": [{"x": 1}]},
        {"cases": "none"},
        [],
        None,
        {"cases": [platform_case(A_ITEM) | {"caseNo": 12}]},
        {"cases": [platform_case(A_ITEM) | {"timeline": "soon"}]},
        {"cases": [platform_case(A_ITEM) | {"timeline": [{"status": "已受理"}]}]},
        {"cases": [platform_case(A_ITEM) | {"timeline": [7]}]},
        {"cases": [platform_case(A_ITEM) | {"status": ["已受理"]}]},
    ],
    ids=[
        "case_without_fields",
        "cases_not_a_list",
        "not_an_object",
        "null",
        "number_not_text",
        "timeline_not_a_list",
        "entry_without_time",
        "entry_not_an_object",
        "status_not_text",
    ],
)
@pytest.mark.parametrize(
    "query",
    [
        ReceiptQuery(A_APPLY_NO, "Zt0k3n-of_22-characters"),
        NumberQuery(B_NUMBER, "1234"),
        ApplicantQuery("resident_id", ID_NUMBER),
    ],
    ids=["receipt", "number", "card"],
)
def test_progress_answer_platform_reply_not_like_the_contract_says_so(
    tmp_path: Path, reply: Any, query: ProgressQuery
) -> None:
    said = _ask(tmp_path, reply, query)
    assert said.cases == ()
    assert said.message == UNREADABLE
    assert A_ITEM not in repr(said)


def test_progress_answer_huge_platform_reply_is_cut_to_what_the_screen_shows(
    tmp_path: Path,
) -> None:
    steps = MAX_TIMELINE + 30
    cases = [
        platform_case(f"事项{n}" + "长" * (3 * MAX_TEXT), f"XC20261129{n:05d}", steps)
        for n in range(MAX_CASES + 15)
    ]
    for case in cases:
        case["timeline"][-1]["note"] = "说明" * MAX_TEXT
        case["status"] = "已受理" + "!" * MAX_TEXT
    said = _ask(tmp_path, {"cases": cases}, ApplicantQuery("resident_id", ID_NUMBER))
    assert [case.number for case in said.cases] == [c["caseNo"] for c in cases[:MAX_CASES]]
    for case in said.cases:
        assert len(case.item_name) == MAX_TEXT
        assert len(case.status) == MAX_TEXT
        assert len(case.timeline) == MAX_TIMELINE
        first, last = case.timeline[0], case.timeline[-1]  # the newest steps are kept
        assert first[2] == f"第{steps - MAX_TIMELINE}步"
        assert last[2] == ("说明" * MAX_TEXT)[:MAX_TEXT]
        assert all(len(text) <= MAX_TEXT for entry in case.timeline for text in entry)
