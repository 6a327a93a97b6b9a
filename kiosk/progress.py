"""进度查询: what became of a submission, by its receipt number, its QR code or by applicant.

A submission still in this terminal's outbox is shown as 待上传; one the platform has is
shown with its timeline in plain words. Runs on the sync worker (network and disk).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kiosk.district.client import Ok, PlatformClient, Rejected
from kiosk.outbox import Outbox

NUMBER = re.compile(r"[A-Z0-9][A-Z0-9-]{5,39}")
NOT_FOUND = "没有找到这个编号的办件，请核对回执上的编号，或拨打热线咨询。"
OFFLINE = "暂时无法连接区政务服务平台，请稍后再试，或拨打热线咨询。"


@dataclass(frozen=True)
class CaseProgress:
    number: str
    item_name: str
    status: str
    pending: bool  # still in this terminal's outbox (待上传)
    timeline: tuple[tuple[str, str, str], ...] = ()  # (status, when, note)


@dataclass(frozen=True)
class ProgressAnswer:
    cases: tuple[CaseProgress, ...] = ()
    message: str = ""  # why there is nothing to show, in words for the resident


def parse_query(text: str) -> str:
    """The number in what was typed or scanned (a bare number or the receipt's QR link)."""
    cleaned = text.strip().upper()
    candidate = cleaned.rstrip("/").rsplit("/", 1)[-1]
    return candidate if NUMBER.fullmatch(candidate) else ""


def by_number(text: str, outbox: Outbox, client: PlatformClient) -> ProgressAnswer:
    number = parse_query(text)
    if not number:
        return ProgressAnswer(message="这不是办件编号或回执二维码，请核对后重试。")
    if outbox.is_pending(number):
        name = outbox.pending_item_name(number)
        return ProgressAnswer((CaseProgress(number, name, "待上传", pending=True),))
    case_no = outbox.reference(number)
    if case_no:
        result = client.get(f"/cases/{case_no}")
    elif number.startswith("XC") and "-" not in number:
        result = client.get(f"/cases/{number}")
    else:
        result = client.get(f"/cases/by-apply-no/{number}")
    if isinstance(result, Ok):
        return ProgressAnswer((_case(result.data),))
    if isinstance(result, Rejected) and result.status == 404:
        return ProgressAnswer(message=NOT_FOUND)
    return ProgressAnswer(message=OFFLINE)


def by_person(id_type: str, id_number: str, client: PlatformClient) -> ProgressAnswer:
    result = client.post("/cases/search", {"idType": id_type, "idNumber": id_number})
    if isinstance(result, Ok):
        cases = tuple(_case(case) for case in result.data["cases"])
        return ProgressAnswer(cases, "" if cases else "没有查到您在平台上的办件。")
    return ProgressAnswer(message=OFFLINE)


def _case(data: dict[str, Any]) -> CaseProgress:
    timeline = tuple(
        (str(entry["status"]), str(entry["at"])[:16].replace("T", " "), str(entry.get("note", "")))
        for entry in data.get("timeline", [])
    )
    return CaseProgress(
        number=str(data["caseNo"]),
        item_name=str(data.get("itemName", "")),
        status=str(data["status"]),
        pending=False,
        timeline=timeline,
    )
