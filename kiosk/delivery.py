"""Draining the outbox to the platform: in order, exactly once, patient with the network.

One step sends the oldest pending row with its idempotency key. Confirmed → deleted (the
platform's case number kept). Refused → quarantined for staff, and the next row goes on.
No answer or busy → the same row waits, with exponential backoff and full jitter, or as
long as Retry-After says, and nothing behind it overtakes it. Because the key travels
with every attempt, a response lost after the platform committed costs nothing: the
retry gets the first answer back.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass

from kiosk.district.client import (
    MAX_RETRY_AFTER_S,
    Busy,
    Offline,
    Ok,
    PlatformClient,
    Rejected,
    submission_reference,
)
from kiosk.outbox import Broken, Entry, Outbox
from kiosk.privacy import mask_name, mask_text

BASE_DELAY_S = 1.0
MAX_DELAY_S = 300.0
QUICK_TIMEOUT = (2.0, 3.0)  # connect, read: while a resident waits at the screen
REASON_CHARS = 200  # of a refusal's message kept for staff


@dataclass(frozen=True)
class Step:
    """What one step did: delivered / waiting / quarantined / idle, and how long to wait."""

    state: str
    wait_s: float = 0.0
    apply_no: str = ""
    reference: str = ""
    detail: str = ""
    kind: str = ""  # the row's outbox kind (kiosk.outbox.KINDS) when delivered or quarantined


def backoff_s(attempts: int, rng: random.Random) -> float:
    """Full jitter: uniform in [0, min(cap, base × 2^attempts)]."""
    return rng.uniform(0.0, min(MAX_DELAY_S, BASE_DELAY_S * 2.0 ** min(attempts, 20)))


class Deliverer:
    def __init__(
        self, outbox: Outbox, client: PlatformClient, rng: random.Random | None = None
    ) -> None:
        self.outbox = outbox
        self.client = client
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
        self._busy_until = 0.0  # the platform said busy: nothing goes before this, urgent or not

    def step(self, now: float | None = None, *, urgent: bool = False) -> Step:
        """Deliver the head row. `urgent`: a resident is waiting at the screen, so try at
        once even if the head row's own backoff has not run out, with short timeouts — but
        never before the wait the platform asked for (Retry-After)."""
        now = time.time() if now is None else now
        head = self.outbox.head()
        if head is None:
            return Step("idle")
        if isinstance(head, Broken):
            self.outbox.quarantine(head.id, head.reason)
            return Step("quarantined", apply_no=head.apply_no, detail=head.reason, kind=head.kind)
        due = max(self._busy_until, 0.0 if urgent else head.due_at)
        if due > now:
            return Step("waiting", wait_s=due - now, apply_no=head.apply_no)
        return self._send(head, now, QUICK_TIMEOUT if urgent else None)

    def _send(self, entry: Entry, now: float, timeout: tuple[float, float] | None) -> Step:
        result = self.client.submit(
            entry.kind, entry.payload, idempotency_key=entry.idempotency_key, timeout=timeout
        )
        reference = (
            submission_reference(entry.kind, result.data) if isinstance(result, Ok) else None
        )
        if reference is not None:
            self.outbox.delivered(entry, reference)
            return Step("delivered", apply_no=entry.apply_no, reference=reference, kind=entry.kind)
        if isinstance(result, Rejected):
            reason = _masked_reason(entry, f"{result.status} {result.code}: {result.message}")
            self.outbox.quarantine(entry.id, reason)
            return Step("quarantined", apply_no=entry.apply_no, detail=reason, kind=entry.kind)
        if isinstance(result, Ok):  # accepted, but with an identifier the contract rules out
            result = Offline(f"platform answered {result.status} with an unreadable reference")
        wait = backoff_s(entry.attempts, self._rng)
        if isinstance(result, Busy):
            asked = result.retry_after_s
            asked = min(asked, MAX_RETRY_AFTER_S) if math.isfinite(asked) and asked > 0 else 0.0
            self._busy_until = now + asked
            wait = max(wait, asked)
        detail = result.detail if isinstance(result, Busy | Offline) else ""
        self.outbox.retry_later(entry.id, now + wait, detail)
        return Step("waiting", wait_s=wait, apply_no=entry.apply_no, detail=detail)

    def drain(self, deadline_s: float = 60.0) -> list[Step]:
        """Deliver until the outbox is empty or the deadline passes (tools and tests)."""
        steps: list[Step] = []
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            step = self.step()
            steps.append(step)
            if step.state == "idle":
                break
            if step.state == "waiting":
                time.sleep(min(step.wait_s, max(0.0, end - time.monotonic())))
        return steps


def _masked_reason(entry: Entry, reason: str) -> str:
    """A refusal as staff may read it for as long as they need: the platform's message may
    quote the resident back, so identity and phone numbers are masked, and so are the names
    of the applicant and agent this submission carries; cut to REASON_CHARS."""
    for role in ("applicant", "agent"):
        person = entry.payload.get(role)
        name = person.get("name") if isinstance(person, dict) else None
        if isinstance(name, str) and len(name) > 1:
            reason = reason.replace(name, mask_name(name))
    return mask_text(reason)[:REASON_CHARS]
