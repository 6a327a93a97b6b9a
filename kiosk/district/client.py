"""The district-platform client: signed requests, timeouts, typed results.

One `requests.Session`, connect and read timeouts on every call, no hidden retries (the
outbox decides when to try again). Every answer becomes one of four values, so callers
never parse HTTP: `Ok`, `Rejected` (the platform said no, with its reason), `Busy` (try
again after `retry_after_s`) or `Offline` (no answer the kiosk can read: none at all, too
slow, too large, too deeply nested, or a success that is not JSON). Nothing from the
platform makes `request` raise.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import math
import re
import socket
import ssl
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import requests
import urllib3

from kiosk import boundedjson
from kiosk.district.answerbody import (
    BodyReadError,
    Hangup,
    headers_by,
    mount_deadlines,
    read_body,
)
from kiosk.district.results import Busy, Offline, Ok, Rejected, Result
from kiosk.district.signing import sign
from kiosk.district.urls import API_PREFIX, platform_root
from kiosk.health import RATING_LEVELS, TerminalHealth

__all__ = ["Busy", "Offline", "Ok", "PlatformClient", "Rejected", "Result", "TerminalSelf"]

if TYPE_CHECKING:
    from kiosk.submission import Person
    from kiosk.usage import UsageFigure

API = API_PREFIX
DEFAULT_RETRY_AFTER_S = 30.0  # busy without a usable Retry-After
MAX_RETRY_AFTER_S = 3600.0  # a platform cannot stop delivery for longer than this at a time
MAX_ANSWER_BYTES = 1024 * 1024  # the contract's answers are a few kilobytes
MAX_ANSWER_DEPTH = 32  # they nest a few levels (a case → its timeline → one step)
# The slowest uplink a station's requests are given time for: 256 kbit/s. A captured page
# (up to 400 KB of JPEG by default, a third more in base64) then has some 17 s more than
# the read timeout; with the timeout alone it would never go out below about 330 kbit/s.
MIN_UPLINK_BYTES_PER_S = 32 * 1024
# An exchange the kiosk ended as it stopped (PlatformClient.hang_up): the platform may or
# may not have received the request; its answer was not awaited.
HUNG_UP = "answer not awaited: the kiosk was stopping"
HUNG_UP_CAUSE = "hung_up"


class PlatformClient:
    def __init__(
        self,
        base_url: str,
        terminal_id: str,
        secret: bytes,
        *,
        connect_timeout_s: float = 3.0,
        read_timeout_s: float = 10.0,
    ) -> None:
        self.base_url = platform_root(base_url)  # with or without /api/v1 at the end
        self.terminal_id = terminal_id
        self._secret = secret
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._session = mount_deadlines(requests.Session())
        self._session.verify = True  # TLS certificates are always checked
        self._hangup = Hangup()

    def close(self) -> None:
        self._session.close()

    def hang_up(self) -> None:
        """From any thread: the request in flight ends now, and every later one at once,
        without connecting: `Offline` with cause HUNG_UP_CAUSE. For a kiosk that is
        stopping: a row whose answer was not awaited is sent again, under the same
        idempotency key, after the restart."""
        self._hangup.hang_up()

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        idempotency_key: str = "",
        timeout: tuple[float, float] | None = None,
    ) -> Result:
        """`path` below /api/v1, e.g. "/cases"; query strings are part of `path`.

        `timeout` (connect, read) bounds the exchange as given: for a resident waiting at
        the screen. By default the read timeout grows with the body, which is sent at
        MIN_UPLINK_BYTES_PER_S or faster."""
        full_path = API + path
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = sign(self._secret, self.terminal_id, method, full_path, data)
        headers["Accept"] = "application/json"
        if body is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        if timeout is None:
            connect_s, read_s = self._timeout
            read_s += len(data) / MIN_UPLINK_BYTES_PER_S  # sending it is part of the wait
        else:
            connect_s, read_s = timeout
        deadline = time.monotonic() + connect_s + read_s  # for the whole exchange
        try:
            with (
                headers_by(deadline, self._hangup),
                self._session.request(
                    method,
                    self.base_url + full_path,
                    data=data or None,
                    headers=headers,
                    timeout=(connect_s, read_s),
                    allow_redirects=False,
                    stream=True,
                ) as response,
            ):
                content = read_body(response, max_bytes=MAX_ANSWER_BYTES, deadline=deadline)
        except (BodyReadError, requests.RequestException) as error:
            return self._failed(error, deadline)
        if self._hangup.hung_up:  # the body may have been cut short and still look whole
            return Offline(HUNG_UP, HUNG_UP_CAUSE)
        return _result(response, content, method)

    def _failed(self, error: BodyReadError | requests.RequestException, deadline: float) -> Offline:
        if self._hangup.hung_up:
            return Offline(HUNG_UP, HUNG_UP_CAUSE)
        if isinstance(error, BodyReadError):
            return Offline(f"platform answer unreadable: {error}")
        if time.monotonic() >= deadline:
            return Offline(
                "platform answer unreadable: no complete answer by the deadline", "timeout"
            )
        return Offline(f"{type(error).__name__}: {error}", connection_failure(error))

    def get(self, path: str) -> Result:
        return self.request("GET", path)

    def post(self, path: str, body: dict[str, Any], idempotency_key: str = "") -> Result:
        return self.request("POST", path, body, idempotency_key=idempotency_key)

    def heartbeat(self, health: TerminalHealth) -> Result:
        """Tell the platform how this terminal stands (204 → `Ok`)."""
        return self.post("/heartbeat", heartbeat_body(self.terminal_id, health))

    def submit(
        self,
        kind: str,
        body: dict[str, Any],
        *,
        idempotency_key: str,
        timeout: tuple[float, float] | None = None,
    ) -> Result:
        """Send one stored submission of `kind` (kiosk.outbox.KINDS); the
        idempotency key makes a repeat return the first answer."""
        return self.request(
            "POST", SUBMISSION_PATHS[kind], body, idempotency_key=idempotency_key, timeout=timeout
        )

    # 进度查询: each way a resident may prove the case is theirs (POST /cases/query).

    def query_by_receipt(self, apply_no: str, token: str) -> Result:
        """The case of a receipt's QR code: its apply number and progress token."""
        return self.post("/cases/query", {"applyNo": apply_no, "token": token})

    def query_by_case_no(self, case_no: str, id_tail: str) -> Result:
        """A case number from paper, with the last 4 characters of the ID number."""
        return self.post("/cases/query", {"caseNo": case_no, "idTail": id_tail})

    def query_by_apply_no(self, apply_no: str, id_tail: str) -> Result:
        """A terminal's apply number from paper, with the last 4 characters of the ID."""
        return self.post("/cases/query", {"applyNo": apply_no, "idTail": id_tail})

    def query_by_applicant(self, id_type: str, id_number: str) -> Result:
        """Every case of the applicant whose ID card was just read."""
        return self.post("/cases/query", {"idType": id_type, "idNumber": id_number})

    # 预约办理 (kiosk/district/appointments.py reads the answers into typed values).

    def appointment_places(self, item_code: str) -> Result:
        return self.get("/appointments/places?" + urlencode({"itemCode": item_code}))

    def appointment_days(self, item_code: str, place_id: str) -> Result:
        return self.get(
            "/appointments/days?" + urlencode({"itemCode": item_code, "placeId": place_id})
        )

    def appointment_slots(self, item_code: str, place_id: str, day: datetime.date) -> Result:
        query = {"itemCode": item_code, "placeId": place_id, "date": day.isoformat()}
        return self.get("/appointments/slots?" + urlencode(query))

    def book_appointment(
        self, slot_id: str, item_code: str, place_id: str, applicant: Person, idempotency_key: str
    ) -> Result:
        """Book a slot; sent again with the same key after a lost answer, it returns the
        booking already made instead of a second one."""
        body = {"slotId": slot_id, "itemCode": item_code, "placeId": place_id,
                "applicant": applicant.document()}  # fmt: skip
        return self.post("/appointments", body, idempotency_key)

    def my_appointments(self, id_type: str, id_number: str) -> Result:
        """The upcoming bookings of the applicant whose ID card was just read."""
        return self.post("/appointments/query", {"idType": id_type, "idNumber": id_number})

    def cancel_appointment(
        self, number: str, id_type: str, id_number: str, idempotency_key: str
    ) -> Result:
        body = {"appointmentNo": number, "idType": id_type, "idNumber": id_number}
        return self.post("/appointments/cancel", body, idempotency_key)

    def terminal_self(
        self, timeout: tuple[float, float] | None = None
    ) -> TerminalSelf | Rejected | Busy | Offline:
        """Who the platform takes this terminal for (GET /terminals/self): a signed request
        that changes nothing, so it proves the address, the terminal id and the secret."""
        result = self.request("GET", "/terminals/self", timeout=timeout)
        if not isinstance(result, Ok):
            return result
        known = parse_terminal_self(result.data)
        if known is None:
            return Offline("platform answered /terminals/self with no TerminalSelf of the contract")
        return known

    def report_search_misses(self, terms: list[tuple[str, int]], batch_id: str) -> Result:
        """Anonymous counts of searches that found nothing; `batch_id` makes a resend safe."""
        body = {
            "terminalId": self.terminal_id,
            "terms": [{"term": term, "count": count} for term, count in terms],
        }
        return self.post("/search-misses", body, idempotency_key=batch_id)

    def report_usage(self, figures: list[UsageFigure], batch_id: str) -> Result:
        """Anonymous usage figures (per day and item); `batch_id` makes a resend safe."""
        body = {
            "terminalId": self.terminal_id,
            "figures": [
                {
                    "date": figure.day,
                    "itemCode": figure.item,
                    "viewed": figure.viewed,
                    "searched": figure.searched,
                    "applied": figure.applied,
                    "rated": figure.rated,
                }
                for figure in figures
            ],
        }
        return self.post("/usage-figures", body, idempotency_key=batch_id)


@dataclass(frozen=True)
class TerminalSelf:
    """This terminal as the platform knows it (GET /terminals/self)."""

    terminal_id: str
    station_name: str  # "" when the platform sent none
    server_time: float | None  # the platform's clock (Unix seconds), None when unreadable


MAX_NAME_CHARS = 100


def parse_terminal_self(data: Any) -> TerminalSelf | None:
    """The contract's TerminalSelf, bounded; None for anything else."""
    if not isinstance(data, dict):
        return None
    terminal, name, at = data.get("terminalId"), data.get("stationName", ""), data.get("serverTime")
    if not isinstance(terminal, str) or not 0 < len(terminal) <= MAX_NAME_CHARS:
        return None
    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        return None
    server_time = None
    if isinstance(at, str) and len(at) <= 40:
        try:
            server_time = datetime.datetime.fromisoformat(at).timestamp()
        except ValueError:
            server_time = None
    return TerminalSelf(terminal, name, server_time)


# What kept a request from the platform, by the first of these found along the error's
# causes (requests wraps urllib3's errors, which wrap the socket's).
_CAUSES: tuple[tuple[type[BaseException], str], ...] = (
    (requests.exceptions.SSLError, "tls"),
    (requests.exceptions.Timeout, "timeout"),
    (socket.gaierror, "dns"),
    (urllib3.exceptions.NameResolutionError, "dns"),
    (ConnectionRefusedError, "refused"),
    (ssl.SSLError, "tls"),
    (TimeoutError, "timeout"),
)


def connection_failure(error: requests.RequestException) -> str:
    """What kept `error` from reaching the platform: Offline's `cause`."""
    seen: BaseException | None = error
    for _ in range(20):  # a chain is a few links long; never follow a loop forever
        if seen is None:
            break
        for kind, cause in _CAUSES:
            if isinstance(seen, kind):
                return cause
        seen = seen.__cause__ or seen.__context__ or _reason(seen)
    return "network" if isinstance(error, requests.ConnectionError) else ""


def _reason(error: BaseException) -> BaseException | None:
    """urllib3's MaxRetryError keeps the failure in `reason`, not as the cause."""
    reason = getattr(error, "reason", None)
    return reason if isinstance(reason, BaseException) else None


SUBMISSION_PATHS = {
    "case": "/cases",
    "question": "/questions",
    "home_visit": "/home-visits",
    "material": "/materials",
    "evaluation": "/evaluations",
    "survey": "/survey-answers",
}
# What the kiosk keeps from a confirmation, as the contract bounds it (CaseNo; the stand-in's
# material and evaluation ids are shorter still). Anything else is no readable answer.
_REFERENCES = {
    "case": ("caseNo", re.compile(r"[A-Z0-9-]{6,40}")),
    "question": ("caseNo", re.compile(r"[A-Z0-9-]{6,40}")),  # a question becomes a case
    "home_visit": ("caseNo", re.compile(r"[A-Z0-9-]{6,40}")),  # and so does a home visit
    "material": ("materialId", re.compile(r"[A-Za-z0-9_-]{1,64}")),
    "evaluation": ("evaluationId", re.compile(r"[A-Za-z0-9_-]{1,64}")),
    "survey": ("answerId", re.compile(r"[A-Za-z0-9_-]{1,64}")),
}


def submission_reference(kind: str, data: Any) -> str | None:
    """The platform's identifier from the confirmation of a `kind` submission ("" if it sent
    none), or None when it sent one the contract rules out (a retry with the same key may
    bring a readable one)."""
    if not isinstance(data, dict):
        return ""
    key, pattern = _REFERENCES[kind]
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, str) and pattern.fullmatch(value):
        return value
    return None


def heartbeat_body(terminal_id: str, health: TerminalHealth) -> dict[str, Any]:
    """The contract's Heartbeat for `health` (a device not configured reports as such)."""
    devices = []
    for device in health.station.devices:
        entry = {
            "device": device.device,
            "health": device.health.value if device.health else "not_configured",
        }
        if device.paper is not None:
            entry["paper"] = device.paper.value
        devices.append(entry)
    body: dict[str, Any] = {
        "terminalId": terminal_id,
        "appVersion": health.app_version,
        "catalogVersion": health.station.catalog_version or "none",
        "outboxDepth": health.outbox_depth,
        "oldestPendingSeconds": health.oldest_pending_s,
        "devices": devices,
        "at": _timestamp(health.at),
    }
    head = health.audit_head
    if head is not None:
        body["auditHead"] = {"seq": head.seq, "mac": head.mac}
    if health.out_of_service is not None:
        out = health.out_of_service
        body["outOfService"] = {"reason": out.reason, "since": _timestamp(out.since)}
    station = health.station
    body["quarantined"] = station.quarantined
    if station.catalog_stored_at is not None:
        body["catalogAgeSeconds"] = max(0, int(health.at - station.catalog_stored_at))
    if station.catalog_synced_at is not None:
        body["catalogLastSync"] = _timestamp(station.catalog_synced_at)
    if station.self_check is not None:
        check = station.self_check
        body["selfCheck"] = {
            "at": _timestamp(check.at),
            "passed": check.passed,
            "failedSteps": list(check.failed_steps),
        }
    activity = station.activity
    if activity.started_at:  # the out-of-service screen counts nothing
        body["activity"] = {
            "startedAt": _timestamp(activity.started_at),
            "sessions": activity.sessions,
            "submissionsAccepted": activity.accepted,
            "submissionsRefused": activity.refused,
            "ratings": {
                str(level): count
                for level, count in zip(RATING_LEVELS, activity.ratings, strict=True)
            },
        }
    return body


def _timestamp(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(at))


def _result(response: requests.Response, content: bytes, method: str) -> Result:
    status = response.status_code
    if 300 <= status < 400 and status != 304:
        # Not followed (the signed request would go elsewhere), and not the platform's
        # verdict on the request either: the submission waits and staff see the detail.
        return Offline(f"platform answered {status} (a redirect), not followed")
    try:
        data = boundedjson.loads(content, MAX_ANSWER_DEPTH) if content else None
    except ValueError as problem:  # not JSON, not UTF-8, or nested too deeply
        if 200 <= status < 300:
            # The platform may well have taken the request: not a refusal. The outbox asks
            # again with the same idempotency key and gets the answer it can read.
            return Offline(f"platform answered {status} with no readable answer ({problem})")
        if status < 500:
            return Rejected(status, "garbage", "平台返回了无法识别的内容")
        data = None
    if 200 <= status < 300:
        replayed = status == 200 and method.upper() == "POST"
        return Ok(status, data, replayed=replayed, server_date=server_date(response))
    error = data if isinstance(data, dict) else {}
    if status in (429, 502, 503, 504) or status >= 500:
        code = str(error.get("error", ""))
        return Busy(_retry_after(response), f"platform answered {status}", code)
    fields = error.get("fields")
    return Rejected(
        status,
        str(error.get("error", f"http_{status}")),
        str(error.get("message", f"平台拒绝了请求（{status}）")),
        {str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else {},
        server_date=server_date(response),
    )


def server_date(response: requests.Response) -> float | None:
    """The answer's Date header as seconds since the epoch (None: absent or unreadable)."""
    value = response.headers.get("Date", "")
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    stamp = when.timestamp()
    return stamp if math.isfinite(stamp) else None


def _retry_after(response: requests.Response) -> float:
    return retry_after_s(response.headers.get("Retry-After", ""))


def retry_after_s(value: str, now: float | None = None) -> float:
    """Seconds to wait for a Retry-After value: delay-seconds or an HTTP-date, at most an
    hour. A value that is not a finite, non-negative time (`inf`, `nan`, `-5`, garbage)
    counts as absent: DEFAULT_RETRY_AFTER_S."""
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return DEFAULT_RETRY_AFTER_S
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        seconds = max(0.0, when.timestamp() - (time.time() if now is None else now))
    if not math.isfinite(seconds) or seconds < 0:
        return DEFAULT_RETRY_AFTER_S
    return min(seconds, MAX_RETRY_AFTER_S)
