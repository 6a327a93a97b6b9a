"""An independent district platform, written from `kiosk/district/openapi.yaml` alone.

Not the stand-in: nothing here comes from kiosk.standin.server or kiosk.standin.store.
It reads the contract, checks every request against it (openapi-core) and the signature as
the contract's description defines it, keeps cases in memory by idempotency key, and
answers only with what the contract allows — each answer is itself checked against the
contract before it goes out. Where the contract is strict (ApplyNo's length, the
Idempotency-Key's form, Retry-After as whole seconds, the rules stated in descriptions),
so is this server; anything the contract does not state, it does not enforce.

`problems` lists every request that broke the contract; `own_problems` every answer of
this server that did (a defect of the test, not of the client).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

CONTRACT = Path(__file__).resolve().parents[3] / "kiosk" / "district" / "openapi.yaml"
SERVER = "https://zwfw.example"  # the contract's first server, minus its /api/v1
MAX_SKEW_S = 300  # "a timestamp more than 300 s from its clock"
NONCE = re.compile(r"[0-9a-f]{32}")  # "X-Nonce (32 hex digits)"


def load_contract() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    return document


@dataclass
class _Request:
    """An HTTP request as openapi-core reads it (its `Request` protocol)."""

    method_: str
    target: str
    headers: Mapping[str, str]
    body_: bytes

    def __post_init__(self) -> None:
        parts = urlsplit(self.target)
        self.path_ = parts.path
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(parts.query)),
            header=Headers(dict(self.headers)),
            cookie=ImmutableMultiDict(),
        )

    host_url = property(lambda self: SERVER)
    path = property(lambda self: self.path_)
    method = property(lambda self: self.method_.lower())
    body = property(lambda self: self.body_ or None)
    content_type = property(lambda self: self.headers.get("Content-Type", "").lower())


@dataclass
class _Response:
    status_code: int
    data: bytes
    headers: Headers
    content_type: str


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class Refusal(Exception):  # noqa: N818 - an answer, raised to end a request early
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(code)
        self.answer = Answer(status, {"error": code, "message": message, **extra})


def _now_iso(now: float) -> str:
    return datetime.datetime.fromtimestamp(now, datetime.UTC).isoformat(timespec="seconds")


class ConformancePlatform:
    """The platform's state and rules; `serve()` puts it on a loopback port."""

    def __init__(self, terminals: dict[str, bytes], catalog: dict[str, Any]) -> None:
        self.openapi = OpenAPI.from_dict(load_contract())
        self.terminals = terminals
        self.catalog_body = json.dumps(catalog, ensure_ascii=False).encode("utf-8")
        self.etag = '"' + hashlib.sha256(self.catalog_body).hexdigest()[:16] + '"'
        self.problems: list[str] = []
        self.own_problems: list[str] = []
        self.log: list[tuple[str, str, int]] = []  # method, path, status
        self.busy: list[int] = []  # Retry-After seconds of the next 503 answers to /cases
        self.drop_after_commit = 0  # commit, then close without answering, this many times
        self.cases: dict[str, dict[str, Any]] = {}
        self.applicants: dict[str, tuple[str, str]] = {}
        self.sent_by: dict[str, str] = {}  # case number → the terminal that sent it
        self.token_hashes: dict[str, str] = {}  # case number → SHA-256 of its progress token
        self.wrong_tails: dict[str, int] = {}  # case number → wrong ID tails in a row
        self.materials: list[dict[str, Any]] = []
        self.evaluations: dict[str, dict[str, Any]] = {}
        self.heartbeats: list[dict[str, Any]] = []
        self.search_misses: list[dict[str, Any]] = []
        self.usage_figures: list[dict[str, Any]] = []
        self._seen_nonces: set[tuple[str, str]] = set()
        self._keys: dict[tuple[str, str, str], tuple[str, Answer]] = {}
        self._lock = threading.Lock()

    # one request ----------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Answer:
        request = _Request(method, target, headers, body)
        try:
            terminal = self._verify(method, target, headers, body)
            self._validate(request)
            answer = self._route(terminal, method, urlsplit(target).path, headers, body)
        except Refusal as refusal:
            answer = refusal.answer
        self._check_answer(request, answer)
        self.log.append((method, target, answer.status))
        return answer

    def _verify(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> str:
        names = ("X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Signature")
        values = {name: headers.get(name, "") for name in names}
        if not all(values.values()):
            self.problems.append(f"{method} {target}: unsigned")
            raise Refusal(401, "unsigned", "请求缺少签名")
        terminal, stamp, nonce = values["X-Terminal-Id"], values["X-Timestamp"], values["X-Nonce"]
        secret = self.terminals.get(terminal)
        if secret is None:
            raise Refusal(401, "unknown_terminal", "终端未登记")
        if not NONCE.fullmatch(nonce) or not stamp.isdigit():
            self.problems.append(f"{method} {target}: nonce or timestamp not as the contract says")
            raise Refusal(401, "bad_signature", "签名信息格式不正确")
        message = "\n".join(
            (method.upper(), target, stamp, nonce, hashlib.sha256(body).hexdigest())
        ).encode("utf-8")
        expected = hmac.new(secret, message, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, values["X-Signature"]):
            self.problems.append(f"{method} {target}: signature does not match the contract's")
            raise Refusal(401, "bad_signature", "请求签名不正确")
        if abs(time.time() - int(stamp)) > MAX_SKEW_S:
            raise Refusal(401, "clock_skew", "终端时钟偏差过大")
        with self._lock:
            if (terminal, nonce) in self._seen_nonces:
                raise Refusal(401, "replay", "重复的请求")
            self._seen_nonces.add((terminal, nonce))
        return terminal

    def _validate(self, request: _Request) -> None:
        result = self.openapi.unmarshal_request(request)
        if result.errors:
            reasons = "; ".join(f"{error!r} {error.__cause__!r}" for error in result.errors)
            self.problems.append(f"{request.method_} {request.target}: {reasons}")
            raise Refusal(422, "invalid", "请求不符合接口规范")

    def _check_answer(self, request: _Request, answer: Answer) -> None:
        data = b"" if answer.body is None else json.dumps(answer.body).encode("utf-8")
        content_type = "application/json" if answer.body is not None else ""
        headers = Headers({**answer.headers, **({"Content-Type": content_type} if data else {})})
        response = _Response(answer.status, data, headers, content_type)
        try:
            self.openapi.validate_response(request, response)
        except Exception as error:  # any mismatch is this server's defect: list them all
            label = f"{request.method_} {request.target} → {answer.status}"
            self.own_problems.append(f"{label}: {error!r} {error.__cause__!r}")

    # routes ---------------------------------------------------------------------------

    def _route(
        self, terminal: str, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> Answer:
        document = json.loads(body) if body else None
        key = headers.get("Idempotency-Key", "")
        if method == "GET" and path == "/api/v1/catalog":
            if self.busy:
                return self._busy()
            if headers.get("If-None-Match") == self.etag:
                return Answer(304)
            return Answer(200, json.loads(self.catalog_body), {"ETag": self.etag})
        if method == "POST" and path == "/api/v1/cases":
            if self.busy:
                return self._busy()
            return self._once(terminal, "createCase", key, document, self._create_case)
        if method == "GET" and (found := re.fullmatch(r"/api/v1/cases/by-apply-no/(.+)", path)):
            return self._case_where(
                lambda case: (
                    case["applyNo"] == found.group(1) and self.terminals[case["caseNo"]] == terminal
                )
            )
        if method == "POST" and path == "/api/v1/cases/query":
            return self._query(document)
        if method == "POST" and path == "/api/v1/materials":
            return self._once(terminal, "uploadMaterial", key, document, self._store_material)
        if method == "POST" and path == "/api/v1/evaluations":
            return self._once(terminal, "createEvaluation", key, document, self._rate)
        if method == "POST" and path == "/api/v1/heartbeat":
            self.heartbeats.append(document)
            return Answer(204)
        if method == "POST" and path == "/api/v1/search-misses":
            if (terminal, "reportSearchMisses", key) not in self._keys:
                self.search_misses.append(document)
                self._keys[(terminal, "reportSearchMisses", key)] = ("", Answer(204))
            return Answer(204)
        if method == "GET" and path == "/api/v1/terminals/self":
            return Answer(200, {"terminalId": terminal, "serverTime": _now_iso(time.time())})
        if method == "POST" and path == "/api/v1/usage-figures":
            if (terminal, "reportUsageFigures", key) not in self._keys:
                self.usage_figures.append(document)
                self._keys[(terminal, "reportUsageFigures", key)] = ("", Answer(204))
            return Answer(204)
        raise Refusal(404, "not_found", "没有这个接口")

    def _busy(self) -> Answer:
        retry_after = self.busy.pop(0)
        return Answer(
            503, {"error": "busy", "message": "平台繁忙，请稍后再试"},
            {"Retry-After": str(retry_after)},
        )  # fmt: skip

    def _once(
        self,
        terminal: str,
        operation: str,
        key: str,
        document: Any,
        create: Callable[[str, Any], Answer],
    ) -> Answer:
        """The contract's idempotency: same key and body → the first answer again (200 for
        a 201); same key, other body → 409."""
        digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()
        with self._lock:
            seen = self._keys.get((terminal, operation, key))
            if seen is not None:
                if seen[0] != digest:
                    raise Refusal(409, "key_reused", "幂等键已用于另一个请求")
                first = seen[1]
                return Answer(200 if first.status == 201 else first.status, first.body)
            answer = create(terminal, document)
            if answer.status < 300:
                self._keys[(terminal, operation, key)] = (digest, answer)
            if answer.status < 300 and self.drop_after_commit:
                self.drop_after_commit -= 1
                raise ConnectionAbortedError("response lost after commit (fault injected)")
            return answer

    def _create_case(self, terminal: str, body: dict[str, Any]) -> Answer:
        if any(c["applyNo"] == body["applyNo"] for c in self.cases.values()):
            raise Refusal(409, "duplicate_apply_no", "该受理编号已提交过")
        now = time.time()
        case_no = f"XC{time.strftime('%Y%m%d', time.gmtime(now))}{len(self.cases) + 1:06d}"
        case = {
            "caseNo": case_no,
            "applyNo": body["applyNo"],
            "itemCode": body["itemCode"],
            "itemName": body["itemName"],
            "status": "已接件",
            "submittedAt": _now_iso(now),
            "timeline": [{"status": "已接件", "at": _now_iso(now)}],
            "rated": False,
        }
        self.cases[case_no] = case
        applicant = body["applicant"]
        self.applicants[case_no] = (applicant["idType"], applicant["idNumber"])
        self.sent_by[case_no] = terminal
        if token := body.get("progressToken"):
            self.token_hashes[case_no] = hashlib.sha256(token.encode()).hexdigest()
        return Answer(201, case)

    def _query(self, body: dict[str, Any]) -> Answer:
        """queryCases: the cases the proof matches, none when it matches none; 5 wrong ID
        tails in a row refuse a case's tail queries with 429 (the contract's words)."""
        if "idNumber" in body:
            wanted = (body["idType"], body["idNumber"])
            numbers = [no for no, person in self.applicants.items() if person == wanted]
        elif "token" in body:
            digest = hashlib.sha256(body["token"].encode()).hexdigest()
            numbers = [
                no
                for no, case in self.cases.items()
                if case["applyNo"] == body["applyNo"]
                and hmac.compare_digest(self.token_hashes.get(no, ""), digest)
            ]
        else:
            field_name = "caseNo" if "caseNo" in body else "applyNo"
            numbers = []
            for no, case in self.cases.items():
                if case[field_name] != body[field_name]:
                    continue
                if self.wrong_tails.get(no, 0) >= 5:
                    return Answer(
                        429,
                        {"error": "too_many_attempts", "message": "尝试次数过多，请明天再查"},
                        {"Retry-After": "86400"},
                    )
                if self.applicants[no][1][-4:].upper() == body["idTail"]:
                    self.wrong_tails.pop(no, None)
                    numbers.append(no)
                else:
                    self.wrong_tails[no] = self.wrong_tails.get(no, 0) + 1
        cases = sorted(
            (self.cases[no] for no in numbers), key=lambda c: c["submittedAt"], reverse=True
        )
        return Answer(200, {"cases": cases})

    def _case_where(self, match: Callable[[dict[str, Any]], bool]) -> Answer:
        for case in self.cases.values():
            if match(case):
                return Answer(200, case)
        raise Refusal(404, "not_found", "没有找到该办件")

    def _store_material(self, terminal: str, body: dict[str, Any]) -> Answer:
        self.materials.append(body)
        return Answer(201, {"materialId": f"M{len(self.materials):06d}"})

    def _rate(self, terminal: str, body: dict[str, Any]) -> Answer:
        # Stated in the contract's Evaluation description.
        if body["level"] <= 2 and not (body.get("reasons") or body.get("comment", "").strip()):
            raise Refusal(422, "reason_required", "差评需要说明原因", fields={"reasons": "必填"})
        number = body["caseNo"]  # "the case number, or the terminal's apply number"
        case_no = next(
            (no for no, case in self.cases.items() if number in (no, case["applyNo"])), number
        )
        if case_no in self.evaluations:
            raise Refusal(409, "already_rated", "该办件已经评价过")
        self.evaluations[case_no] = body
        if case_no in self.cases:
            self.cases[case_no]["rated"] = True
        return Answer(201, {"evaluationId": f"E{len(self.evaluations):06d}"})


class ConformanceServer:
    """`ConformancePlatform` over real HTTP on a free loopback port."""

    def __init__(self, platform: ConformancePlatform) -> None:
        self.platform = platform
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="conformance", daemon=True
        )

    def __enter__(self) -> ConformanceServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        platform = self.platform

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection: no handler outlives it

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                try:
                    answer = platform.handle(self.command, self.path, self.headers, body)
                except ConnectionAbortedError:
                    self.close_connection = True
                    return
                data = b"" if answer.body is None else json.dumps(answer.body).encode("utf-8")
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if data:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _handle  # noqa: N815 - http.server's names

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
