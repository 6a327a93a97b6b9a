"""What the stand-in platform keeps and decides, in its own SQLite file.

Cases are created exactly once per idempotency key (the key, the request's hash and the
answer are stored in the same transaction as the case), advance through their states as
time passes (most to 正常办结, some to 待补正 or 不予受理), can be found by case number, by
the terminal's apply number or by applicant, and take one rating each. A question (留言咨询)
is filed as a case of its own kind and answered later (`answer_question`; the demo's
hotline answers by itself after two steps); so is a home visit request (上门办理), which
the street's staff move on to 已电话联系 and 已上门办理. A resident's progress query must
prove itself (the receipt's token, the ID number's last 4 characters or the ID card); the
store keeps hashes of those proofs, never the token itself. Request bodies are validated
against the OpenAPI document's schemas. No HTTP here: `server.py` serves it.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.district.contract import contract
from kiosk.sqlite import connect, immediate, migrate

log = logging.getLogger(__name__)

MIGRATIONS = (
    """
    CREATE TABLE idempotency (
        terminal TEXT NOT NULL,
        key TEXT NOT NULL,
        operation TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        PRIMARY KEY (terminal, key)
    );
    CREATE TABLE platform_case (
        case_no TEXT PRIMARY KEY,
        apply_no TEXT NOT NULL,
        terminal TEXT NOT NULL,
        item_code TEXT NOT NULL,
        item_name TEXT NOT NULL,
        applicant TEXT NOT NULL,
        submitted_at REAL NOT NULL,
        promised_days INTEGER NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (terminal, apply_no)
    );
    CREATE INDEX case_applicant ON platform_case (applicant);
    CREATE TABLE evaluation (
        evaluation_id TEXT PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        level INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE material (
        material_id TEXT PRIMARY KEY,
        apply_no TEXT NOT NULL,
        name TEXT NOT NULL,
        page INTEGER NOT NULL,
        size INTEGER NOT NULL
    );
    CREATE TABLE appointment (
        appointment_no TEXT PRIMARY KEY,
        slot_id TEXT NOT NULL,
        item_code TEXT NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE heartbeat (terminal TEXT PRIMARY KEY, body TEXT NOT NULL, at REAL NOT NULL);
    CREATE TABLE search_miss (term TEXT PRIMARY KEY, count INTEGER NOT NULL);
    """,
    """
    CREATE TABLE audit_head (
        terminal TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        mac TEXT NOT NULL,
        alert TEXT NOT NULL DEFAULT ''
    );
    """,
    """
    ALTER TABLE platform_case ADD COLUMN token_hash TEXT NOT NULL DEFAULT '';
    ALTER TABLE platform_case ADD COLUMN tail_salt BLOB NOT NULL DEFAULT x'';
    ALTER TABLE platform_case ADD COLUMN tail_hash TEXT NOT NULL DEFAULT '';
    CREATE INDEX case_apply_no ON platform_case (apply_no);
    CREATE TABLE tail_failure (
        case_no TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        last_at REAL NOT NULL
    );
    """,
    """
    CREATE TABLE usage_figure (
        terminal TEXT NOT NULL,
        day TEXT NOT NULL,
        item TEXT NOT NULL,
        viewed INTEGER NOT NULL,
        searched INTEGER NOT NULL,
        applied INTEGER NOT NULL,
        rated INTEGER NOT NULL,
        PRIMARY KEY (terminal, day, item)
    );
    """,
    """
    DROP TABLE appointment;
    CREATE TABLE booking (
        appointment_no TEXT PRIMARY KEY,
        slot_id TEXT NOT NULL,
        item_code TEXT NOT NULL,
        applicant TEXT NOT NULL,
        start_at TEXT NOT NULL,
        answer TEXT NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX booking_slot ON booking (slot_id);
    CREATE INDEX booking_applicant ON booking (applicant);
    CREATE TABLE booking_restriction (applicant TEXT PRIMARY KEY, until TEXT NOT NULL);
    """,
    """
    ALTER TABLE platform_case ADD COLUMN kind TEXT NOT NULL DEFAULT 'application';
    CREATE TABLE reply (
        case_no TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        answered_by TEXT NOT NULL,
        at REAL NOT NULL
    );
    """,
    """
    ALTER TABLE material ADD COLUMN terminal TEXT NOT NULL DEFAULT '';
    """,
    # An anonymous survey answer: the survey, the district and the day, and the answers.
    # Nothing names the resident, the terminal or the visit.
    """
    CREATE TABLE survey_answer (
        answer_id TEXT PRIMARY KEY,
        survey_id TEXT NOT NULL,
        area_code TEXT NOT NULL,
        answered_on TEXT NOT NULL,
        answers TEXT NOT NULL
    );
    """,
)

QUESTION_NAME = "留言咨询"
HOME_VISIT_PREFIX = "上门办理："  # kiosk/homevisits/request.py NAME_PREFIX: the platform's naming
# What the demo's stand-in answers a question with when nobody has (after two steps).
AUTOMATIC_REPLY = (
    "您好，您的留言已收到。这是演示用的区政务服务平台替身自动给出的答复；"
    "正式运行时，由12345热线或承办部门人工答复。"
)
AUTOMATIC_REPLY_BY = "西城区12345热线（演示）"

_BY_CASE_NO = "SELECT case_no, tail_salt, tail_hash FROM platform_case WHERE case_no = ?"
_BY_APPLY_NO = "SELECT case_no, tail_salt, tail_hash FROM platform_case WHERE apply_no = ?"
TAIL_TRIES = 5  # wrong ID tails in a row before a case refuses tail queries
TAIL_LOCK_S = 24 * 3600


class PlatformError(Exception):
    """An answer other than success: HTTP status, error code, message (Chinese)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        *,
        retry_after_s: int | None = None,
    ):
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}
        self.retry_after_s = retry_after_s  # for a 429: how long the refusal lasts
        super().__init__(f"{status} {code}: {message}")

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.fields:
            body["fields"] = self.fields
        return body


def validate(schema_name: str, body: object) -> None:
    """PlatformError 422 naming each bad field, from the contract's schema."""
    errors = sorted(_validator(schema_name).iter_errors(body), key=lambda e: list(e.absolute_path))
    if errors:
        fields = {
            "/".join(str(p) for p in error.absolute_path) or "(body)": error.message[:200]
            for error in errors[:10]
        }
        raise PlatformError(422, "invalid", "提交的内容不符合接口要求", fields)


@functools.cache
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resource = Resource.from_contents(contract(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:kiosk-platform", resource)
    return Draft202012Validator(
        {"$ref": f"urn:kiosk-platform#/components/schemas/{schema_name}"}, registry=registry
    )


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any] | None


def _now_iso(moment: float) -> str:
    return datetime.datetime.fromtimestamp(moment, datetime.UTC).isoformat(timespec="seconds")


def _applicant_key(id_type: str, id_number: str) -> str:
    return hashlib.sha256(f"{id_type}:{id_number.upper()}".encode()).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _tail_hash(salt: bytes, tail: str) -> str:
    return hmac.new(salt, tail.upper().encode("ascii"), hashlib.sha256).hexdigest()


def _request_hash(operation: str, body: object) -> str:
    canonical = json.dumps([operation, body], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class PlatformStore:
    """Thread-safe: the stand-in serves requests on many threads."""

    def __init__(self, path: Path, *, seconds_per_step: float = 30.0) -> None:
        self.path = path
        self.seconds_per_step = seconds_per_step
        self._lock = threading.Lock()
        with self._connection() as connection:
            migrate(connection, MIGRATIONS)
        from kiosk.standin.booking import Bookings  # which builds on this module

        self.bookings = Bookings(self)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = connect(self.path)
        try:
            yield connection
        finally:
            connection.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection under the store's lock, for the parts kept in modules of their own."""
        with self._lock, self._connection() as connection:
            yield connection

    # idempotent writes ---------------------------------------------------------------------

    def idempotent(
        self, terminal: str, key: str, operation: str, body: object, create: Any
    ) -> Outcome:
        """Run `create(connection)` once per (terminal, key); replay the stored answer after.

        The answer is stored in the transaction that creates the record, so a crash or a
        lost response can never produce a second record for the same key.
        """
        digest = _request_hash(operation, body)
        with self._lock, self._connection() as connection:
            row = connection.execute(
                "SELECT operation, request_hash, status, response FROM idempotency "
                "WHERE terminal = ? AND key = ?",
                (terminal, key),
            ).fetchone()
            if row is not None:
                if row[0] != operation or row[1] != digest:
                    raise PlatformError(409, "key_reused", "该幂等键已用于另一个请求")
                replay_status = 200 if int(row[2]) == 201 else int(row[2])
                return Outcome(replay_status, json.loads(row[3]))
            with immediate(connection):
                outcome: Outcome = create(connection)
                connection.execute(
                    "INSERT INTO idempotency VALUES (?, ?, ?, ?, ?, ?)",
                    (terminal, key, operation, digest, outcome.status, json.dumps(outcome.body)),
                )
            return outcome

    # cases ---------------------------------------------------------------------------------

    def create_case(
        self,
        terminal: str,
        key: str,
        body: dict[str, Any],
        now: float,
        *,
        promised_days: int = 10,
        offered: Callable[[str, str], bool] = lambda code, mode: True,
    ) -> Outcome:
        validate("CaseCreate", body)
        posted = body.get("resultDelivery", {}).get("method") == "post"

        def create(connection: sqlite3.Connection) -> Outcome:
            # Inside: a repeat of a request filed before the catalog changed is replayed.
            if posted and not offered(body["itemCode"], "mail"):
                raise PlatformError(422, "no_posting", "该事项的办理结果不提供邮寄")
            _refuse_used_apply_no(connection, terminal, body["applyNo"])
            _check_pages_uploaded(connection, terminal, body)
            applicant = body["applicant"]
            case_no = _file(
                connection, terminal, body, now,
                item=(body["itemCode"], body["itemName"], promised_days),
                applicant=_applicant_key(applicant["idType"], applicant["idNumber"]),
                tail=applicant["idNumber"][-4:],
            )  # fmt: skip
            return Outcome(201, self._case(connection, case_no, now))

        return self.idempotent(terminal, key, "createCase", body, create)

    def create_question(self, terminal: str, key: str, body: dict[str, Any], now: float) -> Outcome:
        """留言咨询 (createQuestion): filed as a case of its own kind, answered later."""
        validate("QuestionCreate", body)

        def create(connection: sqlite3.Connection) -> Outcome:
            _refuse_used_apply_no(connection, terminal, body["applyNo"])
            asker = body.get("asker")
            case_no = _file(
                connection, terminal, body, now,
                item=("", QUESTION_NAME, 0),
                applicant=_applicant_key(asker["idType"], asker["idNumber"]) if asker else "",
                # Without an ID card there is no tail proof: the receipt's token only.
                tail=asker["idNumber"][-4:] if asker else None,
                kind="question",
            )  # fmt: skip
            return Outcome(201, self._case(connection, case_no, now))

        return self.idempotent(terminal, key, "createQuestion", body, create)

    def create_home_visit(
        self,
        terminal: str,
        key: str,
        body: dict[str, Any],
        now: float,
        offered: Callable[[str, str], bool] = lambda code, mode: True,
    ) -> Outcome:
        """上门办理 (createHomeVisit): filed as a case of its own kind, for an item whose
        catalog entry offers it; staff call, agree the time, and go."""
        validate("HomeVisitCreate", body)

        def create(connection: sqlite3.Connection) -> Outcome:
            # Inside: a repeat of a request filed before the catalog changed is replayed.
            if not offered(body["itemCode"], "home_visit"):
                raise PlatformError(422, "no_home_visit", "该事项不提供上门办理")
            _refuse_used_apply_no(connection, terminal, body["applyNo"])
            person = body["person"]
            case_no = _file(
                connection, terminal, body, now,
                item=(body["itemCode"], HOME_VISIT_PREFIX + body["itemName"], 0),
                applicant=_applicant_key(person["idType"], person["idNumber"]),
                tail=person["idNumber"][-4:],
                kind="home_visit",
            )  # fmt: skip
            return Outcome(201, self._case(connection, case_no, now))

        return self.idempotent(terminal, key, "createHomeVisit", body, create)

    def answer_question(self, apply_no: str, text: str, by: str, now: float) -> None:
        """The hotline answers the question filed under `apply_no` (what a test, or the
        demo's automatic answer, stands in for), within the contract's bounds (Reply)."""
        validate("Reply", {"text": text, "by": by, "at": _now_iso(now)})
        with self._lock, self._connection() as connection:
            row = connection.execute(
                "SELECT case_no FROM platform_case WHERE apply_no = ? AND kind = 'question'",
                (apply_no,),
            ).fetchone()
            if row is None:
                raise PlatformError(404, "not_found", "没有找到该留言")
            connection.execute(
                "INSERT OR REPLACE INTO reply VALUES (?, ?, ?, ?)", (row[0], text, by, now)
            )

    def question_body(self, apply_no: str) -> dict[str, Any] | None:
        """The question as the platform keeps it (None if there is none)."""
        with self._connection() as connection:
            row = connection.execute(
                "SELECT body FROM platform_case WHERE apply_no = ? AND kind = 'question'",
                (apply_no,),
            ).fetchone()
        return json.loads(row[0]) if row else None

    def case(self, case_no: str, now: float) -> dict[str, Any]:
        with self._connection() as connection:
            return self._case(connection, case_no, now)

    def case_by_apply_no(self, terminal: str, apply_no: str, now: float) -> dict[str, Any]:
        with self._connection() as connection:
            row = connection.execute(
                "SELECT case_no FROM platform_case WHERE terminal = ? AND apply_no = ?",
                (terminal, apply_no),
            ).fetchone()
            if row is None:
                raise PlatformError(404, "not_found", "没有找到该受理编号对应的办件")
            return self._case(connection, row[0], now)

    def cases_of(self, body: dict[str, Any], now: float) -> dict[str, Any]:
        validate("ApplicantQuery", body)
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT case_no FROM platform_case WHERE applicant = ? ORDER BY submitted_at DESC",
                (_applicant_key(body["idType"], body["idNumber"]),),
            ).fetchall()
            return {"cases": [self._case(connection, row[0], now) for row in rows]}

    def query_cases(self, body: dict[str, Any], now: float) -> dict[str, Any]:
        """进度查询 (queryCases): the cases the body's proof matches, none if it matches none.

        A wrong ID tail counts against the case; TAIL_TRIES in a row lock its tail queries
        for TAIL_LOCK_S (PlatformError 429), right tail or not.
        """
        validate("CaseQuery", body)
        if "idNumber" in body:
            return self.cases_of(body, now)
        with self._lock, self._connection() as connection:
            if "token" in body:
                digest = _token_hash(body["token"])
                numbers = self._linked(connection, body["applyNo"])
                rows = [
                    row
                    for number in numbers
                    for row in connection.execute(
                        "SELECT case_no, token_hash FROM platform_case WHERE apply_no = ?",
                        (number,),
                    )
                ]
                matched = [c for c, h in rows if h and hmac.compare_digest(str(h), digest)]
            else:
                rows = connection.execute(
                    _BY_CASE_NO if "caseNo" in body else _BY_APPLY_NO,
                    (body.get("caseNo") or body["applyNo"],),
                ).fetchall()
                matched = [
                    row[0]
                    for row in rows
                    if self._tail_matches(connection, row, body["idTail"], now)
                ]
            cases = [self._case(connection, case_no, now) for case_no in matched]
        return {"cases": sorted(cases, key=lambda c: c["submittedAt"], reverse=True)}

    @staticmethod
    def _linked(connection: sqlite3.Connection, apply_no: str) -> list[str]:
        """The apply number and, for a bundle's case, those of the cases linked to it."""
        row = connection.execute(
            "SELECT body FROM platform_case WHERE apply_no = ?", (apply_no,)
        ).fetchone()
        linked = json.loads(row[0]).get("bundle", {}).get("applyNos", []) if row else []
        return [apply_no, *(str(no) for no in linked if no != apply_no)]

    def bundle_of(self, apply_no: str) -> list[dict[str, Any]]:
        """The bodies of the cases linked with `apply_no` (tests, the demo's log)."""
        with self._connection() as connection:
            numbers = self._linked(connection, apply_no)
            bodies = []
            for number in numbers:
                row = connection.execute(
                    "SELECT body FROM platform_case WHERE apply_no = ?", (number,)
                ).fetchone()
                if row is not None:
                    bodies.append(json.loads(row[0]))
            return bodies

    def _tail_matches(
        self, connection: sqlite3.Connection, row: tuple[str, bytes, str], tail: str, now: float
    ) -> bool:
        case_no, salt, stored = row
        failure = connection.execute(
            "SELECT count, last_at FROM tail_failure WHERE case_no = ?", (case_no,)
        ).fetchone()
        count, last_at = (int(failure[0]), float(failure[1])) if failure else (0, 0.0)
        if now - last_at >= TAIL_LOCK_S:
            count = 0  # an old streak of failures has expired
        if count >= TAIL_TRIES:
            raise PlatformError(
                429,
                "too_many_attempts",
                "该办件的证件号码后4位错误次数过多，暂停按编号查询",
                retry_after_s=max(1, int(last_at + TAIL_LOCK_S - now)),
            )
        if stored and hmac.compare_digest(_tail_hash(bytes(salt), tail), str(stored)):
            connection.execute("DELETE FROM tail_failure WHERE case_no = ?", (case_no,))
            return True
        connection.execute(
            "INSERT INTO tail_failure VALUES (?, ?, ?) ON CONFLICT(case_no) "
            "DO UPDATE SET count = excluded.count, last_at = excluded.last_at",
            (case_no, count + 1, now),
        )
        return False

    def case_count(self) -> int:
        with self._connection() as connection:
            return int(connection.execute("SELECT COUNT(*) FROM platform_case").fetchone()[0])

    def evaluation_count(self) -> int:
        with self._connection() as connection:
            return int(connection.execute("SELECT COUNT(*) FROM evaluation").fetchone()[0])

    def material_pages(self, apply_no: str) -> list[tuple[str, int, int]]:
        """(name, page, size of the base64 data) of every page uploaded for an apply number."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT name, page, size FROM material WHERE apply_no = ? ORDER BY name, page",
                (apply_no,),
            ).fetchall()
        return [(str(n), int(p), int(s)) for n, p, s in rows]

    def submission_records(self) -> Counter[tuple[str, str, str]]:
        """How many records the platform holds of each submission, by what it is:
        ("case", apply number, ""), ("question", apply number, ""), ("home_visit", apply
        number, ""), ("material", apply
        number, "name/page") and
        ("evaluation", the rated case's apply number, ""). More than one of a kind is a
        duplicate (the fleet benchmark counts them, and the ones missing)."""
        records: Counter[tuple[str, str, str]] = Counter()
        with self._connection() as connection:
            for apply_no, kind in connection.execute("SELECT apply_no, kind FROM platform_case"):
                filed = kind if kind in ("question", "home_visit") else "case"
                records[filed, str(apply_no), ""] += 1
            for apply_no, name, page in connection.execute(
                "SELECT apply_no, name, page FROM material"
            ):
                records["material", str(apply_no), f"{name}/{page}"] += 1
            for (apply_no,) in connection.execute(
                "SELECT c.apply_no FROM evaluation e JOIN platform_case c USING (case_no)"
            ):
                records["evaluation", str(apply_no), ""] += 1
        return records

    def apply_numbers(self) -> list[str]:
        with self._connection() as connection:
            rows = connection.execute("SELECT apply_no FROM platform_case ORDER BY rowid")
            return [str(row[0]) for row in rows]

    def _case(self, connection: sqlite3.Connection, case_no: str, now: float) -> dict[str, Any]:
        row = connection.execute(
            "SELECT apply_no, item_code, item_name, submitted_at, promised_days, kind "
            "FROM platform_case WHERE case_no = ?",
            (case_no,),
        ).fetchone()
        if row is None:
            raise PlatformError(404, "not_found", "没有找到该办件")
        apply_no, item_code, item_name, submitted, days, kind = row
        if kind == "question":
            return self._question(connection, case_no, row, now)
        if kind == "home_visit":
            return self._home_visit(case_no, row, now)
        timeline = self._timeline(case_no, float(submitted), now)
        rated = connection.execute(
            "SELECT 1 FROM evaluation WHERE case_no = ?", (case_no,)
        ).fetchone()
        promised = datetime.date.fromtimestamp(submitted) + datetime.timedelta(days=int(days))
        return {
            "caseNo": case_no,
            "applyNo": apply_no,
            "itemCode": item_code,
            "itemName": item_name,
            "status": timeline[-1]["status"],
            "submittedAt": _now_iso(float(submitted)),
            "promisedDate": promised.isoformat(),
            "timeline": timeline,
            "rated": rated is not None,
        }

    def _question(
        self, connection: sqlite3.Connection, case_no: str, row: tuple[Any, ...], now: float
    ) -> dict[str, Any]:
        """A question's case: 已接件, then 已答复 with the reply once there is one. The
        demo's hotline answers by itself after two of the stand-in's steps."""
        apply_no, item_code, item_name, submitted, _, _ = row
        found = connection.execute(
            "SELECT text, answered_by, at FROM reply WHERE case_no = ?", (case_no,)
        ).fetchone()
        if found is None and now >= float(submitted) + 2 * self.seconds_per_step:
            answered_at = float(submitted) + 2 * self.seconds_per_step
            found = (AUTOMATIC_REPLY, AUTOMATIC_REPLY_BY, answered_at)
        timeline = [{"status": "已接件", "at": _now_iso(float(submitted))}]
        case: dict[str, Any] = {
            "caseNo": case_no, "applyNo": apply_no, "itemCode": item_code,
            "itemName": item_name, "status": "已接件", "submittedAt": timeline[0]["at"],
            "timeline": timeline, "kind": "question",
        }  # fmt: skip
        if found is not None:
            text, by, at = found
            timeline.append({"status": "已答复", "at": _now_iso(float(at))})
            case["status"] = "已答复"
            case["reply"] = {"text": text, "by": by, "at": _now_iso(float(at))}
        return case

    def _home_visit(self, case_no: str, row: tuple[Any, ...], now: float) -> dict[str, Any]:
        """A home visit's case, as the street's staff move it on: 已接件, then 已电话联系
        after one of the stand-in's steps, 已上门办理 after three."""
        apply_no, item_code, item_name, submitted, _, _ = row
        states = ((0, "已接件"), (1, "已电话联系"), (3, "已上门办理"))
        timeline = [
            {"status": status, "at": _now_iso(float(submitted) + steps * self.seconds_per_step)}
            for steps, status in states
            if steps == 0 or now >= float(submitted) + steps * self.seconds_per_step
        ]
        return {
            "caseNo": case_no, "applyNo": apply_no, "itemCode": item_code,
            "itemName": item_name, "status": timeline[-1]["status"],
            "submittedAt": timeline[0]["at"], "timeline": timeline, "kind": "home_visit",
        }  # fmt: skip

    def _timeline(self, case_no: str, submitted: float, now: float) -> list[dict[str, Any]]:
        """States as time passes: every 20th case is refused, every 10th needs correction."""
        variant = int(hashlib.sha256(case_no.encode()).hexdigest(), 16) % 20
        if variant == 0:
            path = [("已接件", ""), ("不予受理", "不符合受理条件，请咨询服务站工作人员")]
        elif variant in (1, 2):
            path = [("已接件", ""), ("已受理", ""), ("待补正", "请补充材料后再次提交")]
        else:
            path = [("已接件", ""), ("已受理", ""), ("审核通过", ""), ("正常办结", "")]
        timeline = []
        for step, (status, note) in enumerate(path):
            at = submitted + step * self.seconds_per_step
            if at > now and step > 0:
                break
            entry = {"status": status, "at": _now_iso(at)}
            if note:
                entry["note"] = note
            timeline.append(entry)
        return timeline

    # materials, evaluations (appointments: booking.py) -------------------------------------

    def store_material(self, terminal: str, key: str, body: dict[str, Any]) -> Outcome:
        validate("MaterialUpload", body)

        def create(connection: sqlite3.Connection) -> Outcome:
            material_id = "M" + uuid.uuid4().hex[:16].upper()
            connection.execute(
                "INSERT INTO material (material_id, apply_no, name, page, size, terminal) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    material_id, body["applyNo"], body["name"], body["page"],
                    len(body["data"]), terminal,
                ),
            )  # fmt: skip
            return Outcome(201, {"materialId": material_id})

        return self.idempotent(terminal, key, "uploadMaterial", body, create)

    def evaluate(self, terminal: str, key: str, body: dict[str, Any], now: float) -> Outcome:
        validate("Evaluation", body)
        if body["level"] <= 2 and not (body.get("reasons") or body.get("comment")):
            raise PlatformError(422, "reason_required", "差评需要说明原因", {"reasons": "required"})

        def create(connection: sqlite3.Connection) -> Outcome:
            case_no = body["caseNo"]
            row = connection.execute(
                "SELECT case_no FROM platform_case WHERE case_no = ? OR "
                "(terminal = ? AND apply_no = ?)",
                (case_no, terminal, case_no),
            ).fetchone()
            if row is None:
                raise PlatformError(422, "unknown_case", "评价的办件不存在")
            if connection.execute(
                "SELECT 1 FROM evaluation WHERE case_no = ?", (row[0],)
            ).fetchone():
                raise PlatformError(409, "already_rated", "该办件已经评价过（一事一评）")
            evaluation_id = "E" + uuid.uuid4().hex[:16].upper()
            connection.execute(
                "INSERT INTO evaluation VALUES (?, ?, ?, ?)",
                (evaluation_id, row[0], body["level"], json.dumps(body, ensure_ascii=False)),
            )
            return Outcome(201, {"evaluationId": evaluation_id})

        return self.idempotent(terminal, key, "createEvaluation", body, create)

    # opinion surveys -------------------------------------------------------------------------

    def answer_survey(
        self, survey: dict[str, Any] | None, terminal: str, key: str, body: dict[str, Any]
    ) -> Outcome:
        """Keep one anonymous answer to `survey` (as published; None: no such survey)."""
        validate("SurveyAnswerCreate", body)
        if survey is None:
            raise PlatformError(422, "unknown_survey", "没有这项意见征集")
        if not survey["opens"] <= body["answeredOn"] <= survey["closes"]:
            raise PlatformError(422, "survey_closed", "这项意见征集不在征集期内")
        _check_survey_answers(survey, body["answers"])

        def create(connection: sqlite3.Connection) -> Outcome:
            answer_id = "Y" + uuid.uuid4().hex[:16].upper()
            connection.execute(
                "INSERT INTO survey_answer VALUES (?, ?, ?, ?, ?)",
                (
                    answer_id, body["surveyId"], body["areaCode"], body["answeredOn"],
                    json.dumps(body["answers"], ensure_ascii=False),
                ),
            )  # fmt: skip
            return Outcome(201, {"answerId": answer_id})

        # Replays are recognised by the random key alone: the record names no terminal.
        del terminal
        return self.idempotent("", key, "answerSurvey", body, create)

    def survey_answers(self, survey_id: str) -> list[dict[str, Any]]:
        """Every stored answer to a survey, each a row as kept (for tests and tools)."""
        with self._connection() as connection:
            connection.row_factory = sqlite3.Row
            rows = connection.execute(
                "SELECT * FROM survey_answer WHERE survey_id = ? ORDER BY rowid", (survey_id,)
            ).fetchall()
        return [{**dict(row), "answers": json.loads(row["answers"])} for row in rows]

    # terminal reports ------------------------------------------------------------------------

    def heartbeat(self, terminal: str, body: dict[str, Any], now: float) -> None:
        validate("Heartbeat", body)
        with self._lock, self._connection() as connection:
            connection.execute(
                "INSERT INTO heartbeat VALUES (?, ?, ?) ON CONFLICT(terminal) DO UPDATE "
                "SET body = excluded.body, at = excluded.at",
                (terminal, json.dumps(body, ensure_ascii=False), now),
            )
            if "outOfService" in body:
                log.warning("terminal %s out of service: %s", terminal, body["outOfService"])
            if "auditHead" in body:
                head = body["auditHead"]
                _note_audit_head(connection, terminal, int(head["seq"]), str(head["mac"]))

    def audit_alert(self, terminal: str) -> str:
        """Why this terminal's audit trail is suspect ("" while its head only moved on)."""
        with self._connection() as connection:
            row = connection.execute(
                "SELECT alert FROM audit_head WHERE terminal = ?", (terminal,)
            ).fetchone()
        return str(row[0]) if row else ""

    def audit_head(self, terminal: str) -> tuple[int, str] | None:
        """The furthest audit head (sequence number, MAC) this terminal has reported."""
        with self._connection() as connection:
            row = connection.execute(
                "SELECT seq, mac FROM audit_head WHERE terminal = ?", (terminal,)
            ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def out_of_service(self, terminal: str) -> dict[str, str] | None:
        """Why and since when the terminal's last heartbeat said it is out of service (None:
        it serves, or never reported)."""
        body = self.last_heartbeat(terminal)
        out = body.get("outOfService") if body else None
        return {"reason": str(out["reason"]), "since": str(out["since"])} if out else None

    def last_heartbeat(self, terminal: str) -> dict[str, Any] | None:
        with self._connection() as connection:
            row = connection.execute(
                "SELECT body FROM heartbeat WHERE terminal = ?", (terminal,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def search_misses(self, terminal: str, key: str, body: dict[str, Any]) -> Outcome:
        validate("SearchMisses", body)

        def create(connection: sqlite3.Connection) -> Outcome:
            for entry in body["terms"]:
                connection.execute(
                    "INSERT INTO search_miss VALUES (?, ?) ON CONFLICT(term) "
                    "DO UPDATE SET count = count + excluded.count",
                    (entry["term"], entry["count"]),
                )
            return Outcome(204, None)

        return self.idempotent(terminal, key, "reportSearchMisses", body, create)

    def usage_figures(self, terminal: str, key: str, body: dict[str, Any]) -> Outcome:
        """Add a batch of usage figures once per key (a resent batch counts once)."""
        validate("UsageFigures", body)
        try:
            for figure in body["figures"]:
                datetime.date.fromisoformat(figure["date"])
        except ValueError:
            raise PlatformError(422, "invalid", "日期格式应为 YYYY-MM-DD") from None

        def create(connection: sqlite3.Connection) -> Outcome:
            connection.executemany(
                "INSERT INTO usage_figure VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(terminal, day, item) DO UPDATE SET "
                "viewed = viewed + excluded.viewed, searched = searched + excluded.searched, "
                "applied = applied + excluded.applied, rated = rated + excluded.rated",
                [
                    (
                        terminal,
                        f["date"],
                        f["itemCode"],
                        f["viewed"],
                        f["searched"],
                        f["applied"],
                        f["rated"],
                    )
                    for f in body["figures"]
                ],
            )
            return Outcome(204, None)

        return self.idempotent(terminal, key, "reportUsageFigures", body, create)

    def usage(self, terminal: str) -> dict[tuple[str, str], tuple[int, int, int, int]]:
        """What a terminal reported: (day, item) → (viewed, searched, applied, rated)."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT day, item, viewed, searched, applied, rated FROM usage_figure "
                "WHERE terminal = ?",
                (terminal,),
            ).fetchall()
        return {(str(d), str(i)): (int(v), int(s), int(a), int(r)) for d, i, v, s, a, r in rows}

    def missed_terms(self) -> dict[str, int]:
        with self._connection() as connection:
            rows = connection.execute("SELECT term, count FROM search_miss").fetchall()
        return {str(term): int(count) for term, count in rows}


def _refuse_used_apply_no(connection: sqlite3.Connection, terminal: str, apply_no: str) -> None:
    existing = connection.execute(
        "SELECT case_no FROM platform_case WHERE terminal = ? AND apply_no = ?",
        (terminal, apply_no),
    ).fetchone()
    if existing is not None:
        raise PlatformError(409, "duplicate_apply_no", "该受理编号已提交过")


def _file(
    connection: sqlite3.Connection,
    terminal: str,
    body: dict[str, Any],
    now: float,
    *,
    item: tuple[str, str, int],
    applicant: str,
    tail: str | None,
    kind: str = "application",
) -> str:
    """Keep one case (an application or a question); its case number. Only hashes of the
    proofs a progress query needs (queryCases) are kept, never the token itself."""
    count = connection.execute("SELECT COUNT(*) FROM platform_case").fetchone()[0]
    day = datetime.datetime.fromtimestamp(now, datetime.UTC).strftime("%Y%m%d")
    case_no = f"XC{day}{count + 1:06d}"
    salt = os.urandom(16)
    token = body.get("progressToken", "")
    stored = {k: v for k, v in body.items() if k != "progressToken"}
    item_code, item_name, promised_days = item
    connection.execute(
        "INSERT INTO platform_case (case_no, apply_no, terminal, item_code, item_name, "
        "applicant, submitted_at, promised_days, body, token_hash, tail_salt, tail_hash, kind) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            case_no, body["applyNo"], terminal, item_code, item_name, applicant, now,
            promised_days, json.dumps(stored, ensure_ascii=False),
            _token_hash(token) if token else "", salt,
            _tail_hash(salt, tail) if tail is not None else "", kind,
        ),
    )  # fmt: skip
    return case_no


def _check_pages_uploaded(
    connection: sqlite3.Connection, terminal: str, body: dict[str, Any]
) -> None:
    """A case lists captured materials by page count; every page must be here first, under
    its own apply number or (a bundle's) the one the material names, uploaded by the same
    terminal: a case cannot claim pages another terminal uploaded."""
    linked = body.get("bundle", {}).get("applyNos", [])
    if linked and body["applyNo"] not in linked:
        raise PlatformError(422, "bundle_mismatch", "联办事项的受理编号不在其所属的一件事中")
    for material in body["materials"]:
        pages = material.get("pages", 0)
        if material["provision"] != "captured" or not pages:
            continue
        under = material.get("uploadedWith", body["applyNo"])
        if under != body["applyNo"] and under not in linked:
            raise PlatformError(
                422,
                "bundle_mismatch",
                f"材料“{material['name']}”所在的受理编号不属于同一件事",
                {"materials": "uploadedWith outside the bundle"},
            )
        filed = connection.execute(
            "SELECT body FROM platform_case WHERE terminal = ? AND apply_no = ?",
            (terminal, under),
        ).fetchone()
        if filed is not None and json.loads(filed[0]).get("bundle", {}).get("applyNos") != linked:
            raise PlatformError(422, "bundle_mismatch", "材料所在的办件不属于同一件事")
        found = connection.execute(
            "SELECT COUNT(DISTINCT page) FROM material "
            "WHERE apply_no = ? AND name = ? AND terminal = ?",
            (under, material["name"], terminal),
        ).fetchone()[0]
        if found < pages:
            raise PlatformError(
                422,
                "materials_missing",
                f"材料“{material['name']}”应有{pages}页，只收到{found}页",
                {"materials": "pages missing"},
            )


def _note_audit_head(connection: sqlite3.Connection, terminal: str, seq: int, mac: str) -> None:
    """Keep the furthest head a terminal reported. A head behind it (rows cut off the end),
    changed at the same number (rows rewritten), or with rows but a MAC of 64 zeros (a trail
    the terminal does not hold keyed: see kiosk/audit.py) raises an alert that stays."""
    no_mac = "0" * 64
    known = connection.execute(
        "SELECT seq, mac FROM audit_head WHERE terminal = ?", (terminal,)
    ).fetchone()
    if seq > 0 and mac == no_mac:
        alert = f"audit trail not keyed: row {seq} reported without a MAC"
    elif known is None or seq > known[0]:
        connection.execute(
            "INSERT INTO audit_head (terminal, seq, mac) VALUES (?, ?, ?) "
            "ON CONFLICT(terminal) DO UPDATE SET seq = excluded.seq, mac = excluded.mac",
            (terminal, seq, mac),
        )
        alert = ""
    elif seq == known[0] and mac == known[1]:
        alert = ""
    else:
        what = "went back" if seq < known[0] else "changed"
        alert = f"audit trail head {what}: row {seq} reported after row {known[0]}"
    if alert:
        log.warning("terminal %s: %s", terminal, alert)
        connection.execute(  # the furthest keyed head stays; a terminal never seen starts at 0
            "INSERT INTO audit_head (terminal, seq, mac, alert) VALUES (?, 0, ?, ?) "
            "ON CONFLICT(terminal) DO UPDATE SET alert = excluded.alert WHERE alert = ''",
            (terminal, no_mac, alert),
        )


def _check_survey_answers(survey: dict[str, Any], answers: list[dict[str, Any]]) -> None:
    """Each answer to a question of the survey, of its kind, once; every required one."""
    questions = {str(q["id"]): q for q in survey.get("questions", [])}
    seen: set[str] = set()
    for answer in answers:
        question = questions.get(answer["question"])
        if question is None or answer["question"] in seen:
            raise PlatformError(422, "unknown_question", "答案与问卷的问题不符")
        seen.add(answer["question"])
        choices = answer.get("choices")
        if question["kind"] == "text":
            ok = choices is None and bool(str(answer.get("text", "")).strip())
        else:
            options = question.get("options", [])
            ok = (
                "text" not in answer
                and isinstance(choices, list)
                and len(set(choices)) == len(choices) >= 1
                and all(choice in options for choice in choices)
                and (question["kind"] == "multiple" or len(choices) == 1)
            )
        if not ok:
            raise PlatformError(422, "invalid_answer", "答案不是这个问题的选项")
    missing = [q for q in questions if questions[q].get("required", True) and q not in seen]
    if missing:
        raise PlatformError(422, "answer_missing", "必答问题没有回答")
