"""Draining the outbox to the platform: in order, exactly once, patient with the network.

One step sends the oldest pending row with its idempotency key. Confirmed → deleted (the
platform's case number kept). Refused → quarantined for staff, and the next row goes on.
No answer or busy → the same row waits, with exponential backoff and jitter (`backoff_s`),
or as long as Retry-After says, and nothing behind it overtakes it. Because the key travels
with every attempt, a response lost after the platform committed costs nothing: the
retry gets the first answer back. After such trouble the rows that waited go out paced
(`Deliverer`), so that a fleet back from an outage does not send its backlog at once.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.district.client import (
    HUNG_UP_CAUSE,
    MAX_RETRY_AFTER_S,
    Busy,
    Offline,
    Ok,
    PlatformClient,
    Rejected,
    submission_reference,
)
from kiosk.outbox import Broken, Entry, Outbox
from kiosk.privacy import mask_address, mask_name, mask_text

BASE_DELAY_S = 1.0
MAX_DELAY_S = 300.0
IDLE_POLL_S = 30.0  # an empty outbox is looked at again after this long (or on a nudge)
PACE_S = 60.0  # catching up after trouble: one row about this often (see Deliverer)
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


def backoff_s(
    attempts: int,
    rng: random.Random,
    *,
    base_s: float | None = None,
    cap_s: float | None = None,
) -> float:
    """Full jitter, uniform in [0, base × 2^attempts], while that stays below the cap; at
    the cap, uniform in [cap/2, cap]. Base and cap are BASE_DELAY_S and MAX_DELAY_S unless
    given.

    Why not full jitter at the cap too: when the platform returns after a long outage,
    each terminal's next retry comes after the rest of its current wait, and with waits
    uniform from 0 those rests crowd the first moments (a share of 2/cap per second right
    after the recovery, against 1/cap on average). Waits of at least half the cap lower
    that to 1/(0.75 cap): the fleet's first retries spread evenly over the minutes after.
    """
    base_s = BASE_DELAY_S if base_s is None else base_s
    cap_s = MAX_DELAY_S if cap_s is None else cap_s
    ceiling = base_s * 2.0 ** min(attempts, 20)
    if ceiling < cap_s:
        return rng.uniform(0.0, ceiling)
    return rng.uniform(cap_s / 2, cap_s)


class Deliverer:
    """Steps through the outbox. After a failed attempt the terminal is *catching up* until
    its outbox is empty again: each row then goes a paced, jittered while after the one
    before (uniform in [0.5, 1.5] × `pace_s`), not all at once, and a resident's urgent
    delivery does not jump the queue. When the platform comes back from an outage, the
    fleet's backlog thus reaches it spread over minutes instead of in one wave on top of
    the normal traffic (docs/ARCHITECTURE.md, "The fleet after an outage").

    `base_delay_s`, `max_delay_s`, `idle_poll_s` and `pace_s` default to the production
    values (the module's constants when used); the fleet simulation
    (tests/benchmarks/fleet.py) scales them all by one factor to compress time."""

    def __init__(
        self,
        outbox: Outbox,
        client: PlatformClient,
        rng: random.Random | None = None,
        *,
        base_delay_s: float | None = None,
        max_delay_s: float | None = None,
        idle_poll_s: float | None = None,
        pace_s: float | None = None,
    ) -> None:
        self.outbox = outbox
        self.client = client
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
        self._busy_until = 0.0  # the platform said busy: nothing goes before this, urgent or not
        self._delays = (base_delay_s, max_delay_s)
        self._idle_poll_s = idle_poll_s
        self._pace_s = pace_s
        self._catching_up = False  # a send failed since the outbox was last empty
        self._paced_until = 0.0  # catching up: the next row not before this

    def step(self, now: float | None = None, *, urgent: bool = False) -> Step:
        """Deliver the head row. `urgent`: a resident is waiting at the screen, so try at
        once even if the head row's own backoff has not run out, with short timeouts — but
        never before the wait the platform asked for (Retry-After)."""
        now = time.time() if now is None else now
        head = self.outbox.head(now)
        if head is None:
            self._catching_up, self._paced_until = False, 0.0  # caught up
            self.outbox.erase_owed()
            return Step("idle")
        if isinstance(head, Broken):
            self.outbox.quarantine(head.id, head.reason)
            return Step("quarantined", apply_no=head.apply_no, detail=head.reason, kind=head.kind)
        due = max(self._busy_until, 0.0 if urgent else max(head.due_at, self._paced_until))
        if due > now:
            self.outbox.erase_owed()
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
            pace = self._pace(now)
            if pace:  # the next row waits: what this delivery left in the WAL goes now
                self.outbox.erase_owed()
            return Step("delivered", pace, entry.apply_no, reference, kind=entry.kind)
        if isinstance(result, Offline) and result.cause == HUNG_UP_CAUSE:
            # The kiosk is stopping: not the platform's failure, so the row keeps its
            # attempts and goes again at once after the restart.
            return Step(
                "waiting", wait_s=IDLE_POLL_S, apply_no=entry.apply_no, detail=result.detail
            )
        if isinstance(result, Rejected):
            reason = _masked_reason(entry, f"{result.status} {result.code}: {result.message}")
            self.outbox.quarantine(entry.id, reason)
            return Step(
                "quarantined", self._pace(now), entry.apply_no, detail=reason, kind=entry.kind
            )
        self._catching_up = True
        if isinstance(result, Ok):  # accepted, but with an identifier the contract rules out
            result = Offline(f"platform answered {result.status} with an unreadable reference")
        base_s, cap_s = self._delays
        wait = backoff_s(entry.attempts, self._rng, base_s=base_s, cap_s=cap_s)
        if isinstance(result, Busy):
            asked = result.retry_after_s
            asked = min(asked, MAX_RETRY_AFTER_S) if math.isfinite(asked) and asked > 0 else 0.0
            self._busy_until = now + asked
            wait = max(wait, asked)
        detail = result.detail if isinstance(result, Busy | Offline) else ""
        self.outbox.retry_later(entry.id, now + wait, detail)
        return Step("waiting", wait_s=wait, apply_no=entry.apply_no, detail=detail)

    def _pace(self, now: float) -> float:
        """The wait before the next row after one left: none, or a paced one while
        catching up."""
        if not self._catching_up:
            return 0.0
        pace_s = PACE_S if self._pace_s is None else self._pace_s
        wait = pace_s * self._rng.uniform(0.5, 1.5)
        self._paced_until = now + wait
        return wait

    def next_step_in(self, step: Step) -> float:
        """Seconds until the sync worker's next step after `step` (a nudge may come
        sooner; the step then says how long is left): the step's own wait — none after a
        delivery or a refusal unless catching up — or the idle poll when there is nothing
        to send."""
        if step.state == "idle":
            return IDLE_POLL_S if self._idle_poll_s is None else self._idle_poll_s
        return step.wait_s

    def deliver_now(self, apply_no: str, within_s: float) -> Iterator[Step]:
        """A resident waits at the screen for `apply_no`'s case number: urgent steps (the
        rows ahead of it first, in order) while it is pending, each answered, and for at
        most `within_s`. Stops at the first step that delivers nothing. None while catching
        up: the resident gets the receipt number (待上传) and the backlog keeps its pace."""
        end = time.monotonic() + within_s
        while not self._catching_up and time.monotonic() < end and self.outbox.is_pending(apply_no):
            step = self.step(urgent=True)
            yield step
            if step.state not in ("delivered", "quarantined"):
                return  # the platform is not answering: the sync timer takes it from here

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
    of the applicant, agent, asker or person to be visited this submission carries; cut to
    REASON_CHARS; so is a case's postal address. A question's or a home visit's refusal
    keeps only the status and code: its message may quote the question (the resident's own
    words) or the home address."""
    if entry.kind in ("question", "home_visit"):  # the resident's words, an address
        reason = reason.split(":", 1)[0]
    delivery = entry.payload.get("resultDelivery")
    posted_to = delivery.get("address") if isinstance(delivery, dict) else None
    if isinstance(posted_to, str) and posted_to:
        reason = reason.replace(posted_to, mask_address(posted_to))
    for role in ("applicant", "agent", "asker", "person"):
        person = entry.payload.get(role)
        name = person.get("name") if isinstance(person, dict) else None
        if isinstance(name, str) and len(name) > 1:
            reason = reason.replace(name, mask_name(name))
    return mask_text(reason)[:REASON_CHARS]
