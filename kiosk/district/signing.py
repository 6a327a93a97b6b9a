"""Request signing between terminal and platform (openapi.yaml, top description).

The terminal signs METHOD, path with query, timestamp, nonce and the body's SHA-256 with
its secret (HMAC-SHA256). The platform side (`Verifier`, used by the stand-in) refuses an
unknown terminal, a bad signature, a nonce it has seen while its timestamp is still
acceptable and a clock more than 300 s off — each with its own code, so a terminal with a
wrong clock is told so.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

MAX_SKEW_S = 300
HEADERS = ("X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Signature")


def canonical(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return "\n".join((method.upper(), path, timestamp, nonce, digest)).encode("utf-8")


def signature(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def sign(
    secret: bytes,
    terminal_id: str,
    method: str,
    path: str,
    body: bytes,
    *,
    now: float | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The four headers that sign one request. `path` includes the query string."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = nonce or secrets.token_hex(16)
    return {
        "X-Terminal-Id": terminal_id,
        "X-Timestamp": timestamp,
        "X-Nonce": nonce,
        "X-Signature": signature(secret, canonical(method, path, timestamp, nonce, body)),
    }


@dataclass(frozen=True)
class Credentials:
    """Who this terminal is and where its secret lies (read with kiosk.keyfiles.load_key
    by whoever signs, when it signs)."""

    terminal_id: str
    secret_file: Path


class SignatureError(ValueError):
    """Why a request was refused: `code` for programs, `message` (Chinese) for staff."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


@dataclass
class Verifier:
    """The platform's side of request signing: checks signatures, clock skew and replays."""

    terminals: dict[str, bytes]
    max_skew_s: int = MAX_SKEW_S
    # nonce → the moment its timestamp stops being accepted; remembered until then, so a
    # request stamped up to max_skew_s ahead cannot be replayed once arrival + skew passes
    _seen: dict[tuple[str, str], float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def verify(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes,
        *,
        now: float | None = None,
    ) -> str:
        """The terminal id of a well-signed request; SignatureError otherwise."""
        now = time.time() if now is None else now
        values = {name: headers.get(name, "") for name in HEADERS}
        missing = [name for name, value in values.items() if not value]
        if missing:
            raise SignatureError("unsigned", f"请求缺少签名信息：{', '.join(missing)}")
        terminal = values["X-Terminal-Id"]
        secret = self.terminals.get(terminal)
        if secret is None:
            raise SignatureError("unknown_terminal", f"终端 {terminal} 未登记")
        try:
            stamp = int(values["X-Timestamp"])
        except ValueError:
            raise SignatureError("bad_timestamp", "时间戳格式不正确") from None
        if abs(now - stamp) > self.max_skew_s:
            raise SignatureError(
                "clock_skew", f"终端时钟与平台相差 {int(now - stamp)} 秒，请校准终端时间"
            )
        expected = signature(
            secret, canonical(method, path, values["X-Timestamp"], values["X-Nonce"], body)
        )
        if not hmac.compare_digest(expected, values["X-Signature"]):
            raise SignatureError("bad_signature", "请求签名不正确，请检查终端密钥")
        with self._lock:
            self._forget_expired(now)
            key = (terminal, values["X-Nonce"])
            if key in self._seen:
                raise SignatureError("replay", "重复的请求（随机数已使用过）")
            self._seen[key] = stamp + self.max_skew_s
        return terminal

    def _forget_expired(self, now: float) -> None:
        for key in [key for key, expires in self._seen.items() if expires < now]:
            del self._seen[key]
