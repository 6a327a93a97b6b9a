"""What a call to the platform comes to: `Ok`, `Rejected`, `Busy` or `Offline`.

Apart from the client, so that the flows reading these answers do not load requests with
them (kiosk.district.client re-exports them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Ok:
    status: int
    data: Any = None
    replayed: bool = False  # 200 for an idempotency key seen before
    # The platform's clock (its Date header, seconds since the epoch), for the self-check.
    server_date: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Rejected:
    status: int
    code: str
    message: str
    fields: dict[str, str] = field(default_factory=dict)
    server_date: float | None = field(default=None, compare=False)  # as Ok.server_date


@dataclass(frozen=True)
class Busy:
    retry_after_s: float
    detail: str
    code: str = ""  # the platform's error code, e.g. too_many_attempts (429)


@dataclass(frozen=True)
class Offline:
    detail: str
    # Why, when there was no answer at all: "dns" (the name does not resolve), "refused"
    # (nothing listens there), "timeout", "tls" (no trusted secure connection) or "network"
    # (any other failure to connect), "hung_up" (the kiosk ended the exchange as it
    # stopped: PlatformClient.hang_up); "" when an answer came but could not be used.
    cause: str = ""


Result = Ok | Rejected | Busy | Offline
