"""A local stand-in for the district platform: a real HTTP server on loopback.

`kiosk platform-sim` runs it alone (and so does `kiosk demo`, in a process of its own); the
tests start it on a free port. It implements the whole contract (openapi.yaml) over its own
SQLite store (store.py), checks every request's signature when it knows terminals, and
can be told to misbehave the ways a real network and platform do: latency, an error rate
(503 with Retry-After), responses lost after the commit, slow drip, and catalog faults.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kiosk.district.signing import SignatureError, Verifier
from kiosk.standin.store import Outcome, PlatformError, PlatformStore

log = logging.getLogger(__name__)

API = "/api/v1"

CATALOG_FAULTS = ("error500", "garbage", "truncated", "oversized", "invalid", "slow")


@dataclass
class Published:
    """A document published whole beside the catalog (GET answers it with its ETag)."""

    missing: str  # the message while nothing is published
    body: bytes = b""
    etag: str = ""
    fault: str = ""  # one of CATALOG_FAULTS, or "" to behave

    def publish(self, document: dict[str, Any]) -> None:
        self.body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        self.etag = '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


@dataclass
class StandInState:
    """What the stand-in serves and how it misbehaves; change it while it runs."""

    catalog: bytes = b""
    catalog_etag: str = ""
    catalog_fault: str = ""  # one of CATALOG_FAULTS, or "" to behave
    slow_seconds: float = 2.0
    latency_s: float = 0.0  # added to every answer
    error_rate: float = 0.0  # share of writes answered 503 + Retry-After before doing anything
    lose_rate: float = 0.0  # share of writes whose answer is lost after the commit
    drip_s: float = 0.0  # answers trickle out over this long
    retry_after_s: int = 1
    clock_offset_s: float = 0.0  # the platform's clock this far ahead of this machine's
    down: bool = False  # every request but the catalog answered 503 (maintenance)
    # Published beside the catalog and misbehaving like it: the hotline knowledge base
    # (GET /knowledge), the announcements and surveys (GET /engagement).
    knowledge: Published = field(default_factory=lambda: Published("平台尚未发布咨询知识库"))
    engagement: Published = field(default_factory=lambda: Published("平台尚未发布公告和意见征集"))
    # Fault injection, not security: a seeded generator keeps test runs repeatable.
    rng: random.Random = field(default_factory=lambda: random.Random(7))  # noqa: S311
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    item_locations: dict[str, list[str]] = field(default_factory=dict, repr=False)
    item_modes: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    surveys: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def roll(self, rate: float) -> bool:
        with self.lock:
            return rate > 0 and self.rng.random() < rate

    def set_catalog(self, document: dict[str, Any]) -> None:
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        with self.lock:
            self.catalog = body
            self.catalog_etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            self.item_locations = {
                str(item.get("code")): [str(place) for place in item.get("locations", [])]
                for item in document.get("items", [])
                if isinstance(item, dict)
            }
            self.item_modes = {
                str(item.get("code")): frozenset(str(mode) for mode in item.get("modes", []))
                for item in document.get("items", [])
                if isinstance(item, dict)
            }

    def set_knowledge(self, document: dict[str, Any]) -> None:
        with self.lock:
            self.knowledge.publish(document)

    def set_engagement(self, document: dict[str, Any]) -> None:
        with self.lock:
            self.engagement.publish(document)
            surveys = document.get("surveys", [])
            self.surveys = {str(s.get("id")): s for s in surveys if isinstance(s, dict)}

    def survey(self, survey_id: str) -> dict[str, Any] | None:
        """A survey the stand-in publishes, as published (None: it publishes no such one)."""
        with self.lock:
            return self.surveys.get(survey_id)

    def offers(self, item_code: str, mode: str) -> bool:
        """Whether the catalog the stand-in serves gives `item_code` the mode `mode` (with no
        catalog served, as in the client's own tests: every item does)."""
        with self.lock:
            modes = self.item_modes.get(item_code)
            return mode in modes if modes is not None else not self.item_modes

    def locations(self, item_code: str) -> list[str]:
        """The 办理地点 of a catalog item the stand-in serves (404 for an unknown item)."""
        with self.lock:
            found = self.item_locations.get(item_code)
        if found is None:
            raise PlatformError(404, "unknown_item", "没有这个事项")
        return found


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = 2  # an idle keep-alive connection ends, and with it its thread
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def log_message(self, format: str, *args: object) -> None:
        log.debug("stand-in: " + format, *args)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with state.lock:
            state.requests.append(f"{method} {self.path}")
        if state.latency_s:
            time.sleep(state.latency_s)
        try:
            terminal = self._verify(method, body)
            if method == "GET" and self.path == API + "/catalog":
                with state.lock:
                    published = (state.catalog, state.catalog_etag, state.catalog_fault)
                self._published(state, *published, missing="平台尚未发布事项目录")
                return
            beside = {API + "/knowledge": state.knowledge, API + "/engagement": state.engagement}
            if method == "GET" and self.path in beside:
                document = beside[self.path]
                with state.lock:
                    published = (document.body, document.etag, document.fault)
                self._published(state, *published, missing=document.missing)
                return
            if state.down or (method != "GET" and state.roll(state.error_rate)):
                raise PlatformError(503, "busy", "平台繁忙，请稍后再试")
            status, answer = self._route(method, terminal, body)
        except PlatformError as error:
            wait = state.retry_after_s if error.retry_after_s is None else error.retry_after_s
            headers = {"Retry-After": str(wait)} if error.status in (429, 503) else {}
            self._json(error.status, error.body(), headers)
            return
        if method != "GET" and state.roll(state.lose_rate):
            self.close_connection = True  # committed, but the terminal never hears of it
            return
        self._json(status, answer)

    def _verify(self, method: str, body: bytes) -> str:
        verifier = self.server.verifier
        if verifier is None:
            return self.headers.get("X-Terminal-Id", "open")
        try:
            now = time.time() + self.server.state.clock_offset_s
            return verifier.verify(method, self.path, dict(self.headers.items()), body, now=now)
        except SignatureError as error:
            raise PlatformError(401, error.code, error.message) from None

    def _route(self, method: str, terminal: str, raw: bytes) -> tuple[int, Any]:
        """Dispatch to the store. Paths that end in an id (/cases/{caseNo}) pass it on."""
        parts = urlsplit(self.path)
        path = parts.path.removeprefix(API)
        key = self.headers.get("Idempotency-Key", "")
        reads = ("/cases/query", "/appointments/query", "/heartbeat")
        if method == "POST" and path not in reads and not key:
            raise PlatformError(422, "idempotency_key_missing", "写入请求缺少 Idempotency-Key")
        request = _Request(
            terminal=terminal,
            key=key,
            body=_body(raw) if method == "POST" else {},
            query={k: v[0] for k, v in parse_qs(parts.query).items()},
            now=time.time() + self.server.state.clock_offset_s,
            station_name=self.server.station_names.get(terminal, ""),
            locations=self.server.state.locations,
            survey=self.server.state.survey,
            offers=self.server.state.offers,
        )
        for (verb, route), handler in _ROUTES.items():
            prefix = route.endswith("/") and path.startswith(route) and path != route
            if verb == method and (path == route or prefix):
                return handler(self.server.store, request, path.rsplit("/", 1)[1])
        raise PlatformError(404, "no_such_endpoint", "没有这个接口")

    def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        drip = self.server.state.drip_s
        try:
            if drip and data:
                step = max(1, len(data) // 20)
                for start in range(0, len(data), step):
                    self.wfile.write(data[start : start + step])
                    self.wfile.flush()
                    time.sleep(drip / 20)
            elif data:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            log.debug("stand-in: client went away")

    def _published(
        self, state: StandInState, body: bytes, etag: str, fault: str, missing: str
    ) -> None:
        """A document published whole (the catalog, one beside it), misbehaving as `fault`
        says."""
        if fault == "error500":
            self._send(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                _error("platform_fault", "平台内部错误"),
            )
            return
        if fault == "slow":
            time.sleep(state.slow_seconds)
        if not body:
            self._send(
                HTTPStatus.SERVICE_UNAVAILABLE,
                _error("not_published", missing),
            )
            return
        if fault != "garbage" and self.headers.get("If-None-Match") == etag:
            self._send(HTTPStatus.NOT_MODIFIED, b"", etag=etag)
            return
        if fault == "garbage":
            body = b"<html>\x00\xff not json"
        elif fault == "invalid":
            body = json.dumps({"version": "broken", "items": [{"name": ""}]}).encode()
        elif fault == "oversized":
            body = body + b" " * (64 * 1024 * 1024)
        if fault == "truncated":
            self._send(HTTPStatus.OK, body[: len(body) // 2], etag=etag, length=len(body))
            self.close_connection = True
            return
        self._send(HTTPStatus.OK, body, etag=etag)

    def _send(
        self, status: HTTPStatus, body: bytes, *, etag: str = "", length: int | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if body and status != HTTPStatus.NOT_MODIFIED:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                log.debug("stand-in: client went away")


@dataclass(frozen=True)
class _Request:
    terminal: str
    key: str
    body: dict[str, Any]
    query: dict[str, str]
    now: float
    station_name: str = ""  # the station the stand-in has this terminal registered at
    locations: Callable[[str], list[str]] = lambda code: []  # an item's 办理地点
    survey: Callable[[str], dict[str, Any] | None] = lambda survey_id: None  # as published
    offers: Callable[[str, str], bool] = lambda code, mode: True  # the item has the mode


def _error(code: str, message: str) -> bytes:
    return json.dumps({"error": code, "message": message}, ensure_ascii=False).encode("utf-8")


def _answer(outcome: Outcome) -> tuple[int, Any]:
    return outcome.status, outcome.body


def _cancel(store: PlatformStore, request: _Request, _: str) -> tuple[int, Any]:
    store.bookings.cancel(request.body, request.now)
    return 204, None


def _terminal_self(store: PlatformStore, request: _Request, _: str) -> tuple[int, Any]:
    """GET /terminals/self: the signature was checked on the way in; nothing changes."""
    answer = {"terminalId": request.terminal, "serverTime": _iso(request.now)}
    if request.station_name:
        answer["stationName"] = request.station_name
    return 200, answer


def _iso(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(at))


def _heartbeat(store: PlatformStore, request: _Request, _: str) -> tuple[int, Any]:
    store.heartbeat(request.terminal, request.body, request.now)
    return 204, None


_Route = Callable[[PlatformStore, _Request, str], tuple[int, Any]]
_ROUTES: dict[tuple[str, str], _Route] = {
    ("POST", "/cases"): lambda s, r, _: _answer(
        s.create_case(r.terminal, r.key, r.body, r.now, offered=r.offers)
    ),
    ("POST", "/questions"): lambda s, r, _: _answer(
        s.create_question(r.terminal, r.key, r.body, r.now)
    ),
    ("POST", "/home-visits"): lambda s, r, _: _answer(
        s.create_home_visit(r.terminal, r.key, r.body, r.now, offered=r.offers)
    ),
    ("POST", "/cases/query"): lambda s, r, _: (200, s.query_cases(r.body, r.now)),
    ("GET", "/cases/by-apply-no/"): lambda s, r, tail: (
        200,
        s.case_by_apply_no(r.terminal, tail, r.now),
    ),
    ("POST", "/materials"): lambda s, r, _: _answer(s.store_material(r.terminal, r.key, r.body)),
    ("POST", "/evaluations"): lambda s, r, _: _answer(s.evaluate(r.terminal, r.key, r.body, r.now)),
    ("POST", "/survey-answers"): lambda s, r, _: _answer(
        s.answer_survey(r.survey(str(r.body.get("surveyId", ""))), r.terminal, r.key, r.body)
    ),
    ("GET", "/appointments/places"): lambda s, r, _: (
        200,
        s.bookings.places(r.locations(r.query.get("itemCode", ""))),
    ),
    ("GET", "/appointments/days"): lambda s, r, _: (
        200,
        s.bookings.days(
            r.locations(r.query.get("itemCode", "")),
            r.query.get("itemCode", ""),
            r.query.get("placeId", ""),
            r.now,
        ),
    ),
    ("GET", "/appointments/slots"): lambda s, r, _: (
        200,
        s.bookings.slots(
            r.locations(r.query.get("itemCode", "")),
            r.query.get("itemCode", ""),
            r.query.get("placeId", ""),
            r.query.get("date", ""),
            r.now,
        ),
    ),
    ("POST", "/appointments"): lambda s, r, _: _answer(
        s.bookings.book(
            r.locations(str(r.body.get("itemCode", ""))), r.terminal, r.key, r.body, r.now
        )
    ),
    ("POST", "/appointments/query"): lambda s, r, _: (200, s.bookings.query(r.body, r.now)),
    ("POST", "/appointments/cancel"): _cancel,
    ("POST", "/heartbeat"): _heartbeat,
    ("GET", "/terminals/self"): _terminal_self,
    ("POST", "/search-misses"): lambda s, r, _: _answer(s.search_misses(r.terminal, r.key, r.body)),
    ("POST", "/usage-figures"): lambda s, r, _: _answer(s.usage_figures(r.terminal, r.key, r.body)),
}


def _body(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PlatformError(422, "invalid_json", "请求内容不是有效的 JSON") from None
    if not isinstance(body, dict):
        raise PlatformError(422, "invalid_json", "请求内容应为 JSON 对象")
    return body


class _Server(ThreadingHTTPServer):
    # Handler threads are joined at server_close(), so stop() leaves nothing running.
    daemon_threads = False
    block_on_close = True
    # A fleet reconnecting at once (tests/benchmarks/fleet.py) must not overflow the listen
    # queue (socketserver's default is 5): dropped connection attempts come back seconds
    # later, and a terminal waiting for its answer meanwhile gives up with a read timeout.
    request_queue_size = 128
    state: StandInState
    store: PlatformStore
    verifier: Verifier | None
    station_names: dict[str, str]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A terminal that hangs up between requests is normal; anything else is logged."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        log.exception("stand-in: request from %s failed", client_address[0])


class StandIn:
    """The stand-in server on 127.0.0.1; `port=0` picks a free port.

    `terminals` maps terminal ids to their secrets; with none, requests are not checked
    (catalog-only tests). `db` keeps the platform's records across restarts; without it
    they live in a temporary folder removed at `stop()`. `listener`: serve on this socket,
    already bound and listening (handed over by the process that started this one).
    `station_names`: the station each terminal is registered at (GET /terminals/self).
    """

    def __init__(
        self,
        port: int = 0,
        state: StandInState | None = None,
        *,
        db: Path | None = None,
        terminals: dict[str, bytes] | None = None,
        seconds_per_step: float = 30.0,
        listener: socket.socket | None = None,
        station_names: dict[str, str] | None = None,
    ) -> None:
        self.state = state or StandInState()
        self._folder = None if db else tempfile.TemporaryDirectory(prefix="kiosk-platform-")
        path = db or Path(self._folder.name) / "platform.db"  # type: ignore[union-attr]
        self.store = PlatformStore(path, seconds_per_step=seconds_per_step)
        if listener is None:
            self._server = _Server(("127.0.0.1", port), _Handler)
        else:
            self._server = _Server(listener.getsockname(), _Handler, bind_and_activate=False)
            self._server.socket.close()
            self._server.socket = listener
        self._server.state = self.state
        self._server.store = self.store
        self._server.verifier = Verifier(dict(terminals)) if terminals else None
        self._server.station_names = dict(station_names or {})
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> StandIn:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="platform-stand-in", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()
        if self._folder is not None:
            self._folder.cleanup()

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
