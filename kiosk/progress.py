"""进度查询: what became of a submission, for the one who can prove it is theirs.

The proof is the receipt's QR code (apply number and token), a typed number with the last
4 characters of the applicant's ID number, or the ID card (kiosk/progressquery.py). The
platform checks it (queryCases in openapi.yaml) and limits wrong tails; a submission still
in this terminal's outbox (待上传) is checked here against its encrypted payload, with the
same limit. Runs on the sync worker (network and disk).
"""

from __future__ import annotations

import datetime
import hmac
import threading
import time
from dataclasses import dataclass
from typing import Any

from kiosk.district.client import Busy, Ok, PlatformClient, Rejected, Result
from kiosk.forms import plain_text
from kiosk.homevisits.request import NAME_PREFIX as HOME_VISIT_PREFIX
from kiosk.messages import NONE, Message, message
from kiosk.outbox import Outbox
from kiosk.progressquery import ApplicantQuery, NumberQuery, ProgressQuery, ReceiptQuery
from kiosk.submission import BEIJING

# What the resident is told instead of cases (words in Words.qml, section "progress").
NOT_FOUND = message("progress.not_found")
RECEIPT_NOT_FOUND = message("progress.receipt_not_found")
OLD_RECEIPT = message("progress.old_receipt")
NOT_A_RECEIPT = message("progress.not_a_receipt")
BAD_NUMBER = message("progress.bad_number")
TAIL_NEEDED = message("progress.tail_needed")
TOO_MANY = message("progress.too_many_tails")
OFFLINE = message("progress.offline")
UNREADABLE = message("progress.unreadable")
NONE_ON_PLATFORM = message("progress.none_on_platform")

TAIL_TRIES = 5  # as the platform counts them (openapi.yaml, queryCases)
TAIL_LOCK_S = 24 * 3600

# What one answer may hold, whatever the platform sends: the screen builds a row for each
# case and timeline entry on the GUI thread, so an unbounded reply would freeze it. A
# resident has a handful of cases with a dozen steps each; the platform lists cases newest
# first and a timeline oldest first, so the newest of each are kept.
MAX_CASES = 20
MAX_TIMELINE = 50
MAX_TEXT = 200  # characters of an item name, a status or a note
MAX_REPLY = 2000  # characters of the answer to a question (openapi.yaml, Reply)


@dataclass(frozen=True)
class Reply:
    """The answer to a question (留言咨询): plain text, who gave it, when."""

    text: str
    by: str
    at: str  # 2026-11-29 08:50


@dataclass(frozen=True)
class CaseProgress:
    number: str
    item_name: str
    status: str
    pending: bool  # still in this terminal's outbox (待上传)
    timeline: tuple[tuple[str, str, str], ...] = ()  # (status, when, note)
    question: bool = False  # a question for the hotline (留言咨询), not an application
    reply: Reply | None = None  # its answer, once given


@dataclass(frozen=True)
class ProgressAnswer:
    cases: tuple[CaseProgress, ...] = ()
    message: Message = NONE  # why there is nothing to show


class UnreadableReplyError(ValueError):
    """The platform's reply is not shaped like the contract's cases (openapi.yaml, Case)."""


class TailAttempts:
    """Wrong ID tails per pending apply number on this kiosk, limited like the platform's.

    In memory: a pending case leaves for the platform (which counts its own) as soon as the
    network is back. Thread-safe, though only the sync worker uses it.
    """

    def __init__(self, tries: int = TAIL_TRIES, lock_s: float = TAIL_LOCK_S) -> None:
        self._tries, self._lock_s = tries, lock_s
        self._failures: dict[str, tuple[int, float]] = {}
        self._mutex = threading.Lock()

    def locked(self, number: str, now: float) -> bool:
        with self._mutex:
            count, last = self._failures.get(number, (0, 0.0))
            return count >= self._tries and now - last < self._lock_s

    def failed(self, number: str, now: float) -> None:
        with self._mutex:
            count, last = self._failures.get(number, (0, 0.0))
            fresh = now - last >= self._lock_s
            self._failures[number] = (1 if fresh else count + 1, now)

    def succeeded(self, number: str) -> None:
        with self._mutex:
            self._failures.pop(number, None)


def answer(
    query: ProgressQuery, outbox: Outbox, client: PlatformClient, attempts: TailAttempts
) -> ProgressAnswer:
    if isinstance(query, ReceiptQuery):
        return _by_receipt(query, outbox, client)
    if isinstance(query, NumberQuery):
        return _by_number(query, outbox, client, attempts)
    return _by_applicant(query, client)


def _by_receipt(query: ReceiptQuery, outbox: Outbox, client: PlatformClient) -> ProgressAnswer:
    if not query.apply_no:
        return ProgressAnswer(message=NOT_A_RECEIPT)
    if not query.token:
        return ProgressAnswer(message=OLD_RECEIPT)
    payload = outbox.pending_case(query.apply_no)
    if payload is not None:
        token = str(payload.get("progressToken", ""))
        if token and hmac.compare_digest(token, query.token):
            return _pending(query.apply_no, payload)
        return ProgressAnswer(message=RECEIPT_NOT_FOUND)
    result = client.query_by_receipt(query.apply_no, query.token)
    return _answered(result, RECEIPT_NOT_FOUND)


def _by_number(
    query: NumberQuery, outbox: Outbox, client: PlatformClient, attempts: TailAttempts
) -> ProgressAnswer:
    if not query.number:
        return ProgressAnswer(message=BAD_NUMBER)
    if not query.id_tail:
        return ProgressAnswer(message=TAIL_NEEDED)
    payload = outbox.pending_case(query.number)
    if payload is not None:
        return _pending_by_tail(query, payload, attempts)
    if outbox.reference(query.number):  # one of this kiosk's apply numbers, delivered
        return _answered(client.query_by_apply_no(query.number, query.id_tail), NOT_FOUND)
    # A number from the paper may be a case number or another kiosk's apply number: ask
    # for each kind in turn, by name (a wrong tail counts once: only one kind can match).
    result = client.query_by_case_no(query.number, query.id_tail)
    if _matched_none(result):
        result = client.query_by_apply_no(query.number, query.id_tail)
    return _answered(result, NOT_FOUND)


def _matched_none(result: Result) -> bool:
    """No case of that kind: none matched, or the number cannot be of that kind (422)."""
    if isinstance(result, Ok):
        return isinstance(result.data, dict) and result.data.get("cases") == []
    return isinstance(result, Rejected) and result.status == 422


def _pending_by_tail(
    query: NumberQuery, payload: dict[str, Any], attempts: TailAttempts
) -> ProgressAnswer:
    now = time.monotonic()
    if attempts.locked(query.number, now):
        return ProgressAnswer(message=TOO_MANY)
    proof = _tail_proof(payload)
    if len(proof) >= 4 and hmac.compare_digest(proof[-4:].upper(), query.id_tail):
        attempts.succeeded(query.number)
        return _pending(query.number, payload)
    attempts.failed(query.number, now)
    return ProgressAnswer(message=NOT_FOUND)


def _tail_proof(payload: dict[str, Any]) -> str:
    """What a typed tail is compared with: the applicant's (or asker's, or the visited
    person's) ID number. A question asked without an ID card has none: only its receipt's
    QR code finds it (openapi.yaml, createQuestion)."""
    person = payload.get("applicant") or payload.get("asker") or payload.get("person")
    return str(person.get("idNumber", "")) if isinstance(person, dict) else ""


def _by_applicant(query: ApplicantQuery, client: PlatformClient) -> ProgressAnswer:
    result = client.query_by_applicant(query.id_type, query.id_number)
    if isinstance(result, Ok):
        return _found(result.data, NONE_ON_PLATFORM)
    return ProgressAnswer(message=OFFLINE)


def _pending(apply_no: str, payload: dict[str, Any]) -> ProgressAnswer:
    name = str(payload.get("itemName", ""))
    if "requester" in payload:  # a home visit request (HomeVisitCreate), named as the platform does
        name = f"{HOME_VISIT_PREFIX}{name}"
    question = "question" in payload
    return ProgressAnswer((CaseProgress(apply_no, name, "待上传", True, question=question),))


def _answered(result: Result, nothing: Message) -> ProgressAnswer:
    if isinstance(result, Ok):
        return _found(result.data, nothing)
    if isinstance(result, Busy) and result.code == "too_many_attempts":
        return ProgressAnswer(message=TOO_MANY)
    if isinstance(result, Rejected) and result.status == 422:
        return ProgressAnswer(message=nothing)  # what was asked cannot match any case
    return ProgressAnswer(message=OFFLINE)


def _found(data: Any, nothing: Message) -> ProgressAnswer:
    """The cases in a queryCases reply (platform data: each part checked before use)."""
    try:
        cases = _cases(data)
    except UnreadableReplyError:
        return ProgressAnswer(message=UNREADABLE)
    return ProgressAnswer(cases, NONE if cases else nothing)


def _cases(data: Any) -> tuple[CaseProgress, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise UnreadableReplyError("no list of cases")
    return tuple(_case(case) for case in data["cases"][:MAX_CASES])


def _case(data: Any) -> CaseProgress:
    if not isinstance(data, dict):
        raise UnreadableReplyError("a case is not an object")
    timeline = data.get("timeline", [])
    if not isinstance(timeline, list):
        raise UnreadableReplyError("a timeline is not a list")
    return CaseProgress(
        number=_text(data, "caseNo", required=True),
        item_name=_text(data, "itemName"),
        status=_text(data, "status", required=True),
        pending=False,
        timeline=tuple(_entry(entry) for entry in timeline[-MAX_TIMELINE:]),
        question=data.get("kind") == "question",
        reply=_reply(data.get("reply")),
    )


def _reply(data: Any) -> Reply | None:
    """The answer to a question, made plain (no control or format characters); None when
    there is none, or when it cannot be read (the case itself still shows)."""
    if not isinstance(data, dict):
        return None
    try:
        text = plain_text(_text(data, "text", required=True, limit=MAX_REPLY))
        return Reply(text, plain_text(_text(data, "by")), _when(data)) if text else None
    except UnreadableReplyError:
        return None


def _when(data: dict[str, Any]) -> str:
    """The entry's time in Beijing, 2026-11-29 08:50 (as sent, if it is no ISO time)."""
    at = _text(data, "at", required=True)
    try:
        moment = datetime.datetime.fromisoformat(at)
    except ValueError:
        return at[:16].replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone(BEIJING)
    return moment.strftime("%Y-%m-%d %H:%M")


def _entry(data: Any) -> tuple[str, str, str]:
    if not isinstance(data, dict):
        raise UnreadableReplyError("a timeline entry is not an object")
    return _text(data, "status", required=True), _when(data), _text(data, "note")


def _text(data: dict[str, Any], key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    """The string under `key`, cut to `limit` characters ("" if absent and optional)."""
    value = data.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value):
        raise UnreadableReplyError(f"{key} is not a string")  # the key's name only: no data
    return value[:limit]
