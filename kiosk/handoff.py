"""The tail every request a resident leaves at the kiosk shares (a question, a home visit):
stored durably in the outbox (`Submit`), the platform's confirmation waited for a bounded
while (`AwaitDelivery`), then a slip printed saying whether it reached the platform yet
(`PrintSlip`).

A flow owns one `Handoff` and keeps its own steps; the handoff keeps what is sent and what
came back, and answers only about its own request (the outbox's answer about another
resident's, stored while the screen changed hands, changes nothing here).
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from typing import ClassVar, Generic, Protocol, TypeVar

from devices.printer.layout import Receipt
from kiosk.messages import Message
from kiosk.submission import BEIJING

R = TypeVar("R")
R_contra = TypeVar("R_contra", contravariant=True)


class SlipLayout(Protocol[R_contra]):
    """How a request's slip reads (kiosk.questions.question.question_receipt, …)."""

    def __call__(
        self,
        request: R_contra,
        /,
        *,
        apply_no: str,
        uploaded: bool,
        at: datetime.datetime,
        station: str,
        hotline: str,
        progress_url: str,
    ) -> Receipt: ...


@dataclass(frozen=True)
class Submit(Generic[R]):
    """Store the request in the outbox; answer with `accepted(apply_no)` or `refused`."""

    request: R = field(repr=False)


@dataclass(frozen=True)
class AwaitDelivery:
    """Wait (bounded) for the platform's confirmation of `apply_no`; answer with
    `settle(apply_no, uploaded=…)`."""

    apply_no: str


@dataclass(frozen=True)
class PrintSlip:
    receipt: Receipt = field(repr=False)


class Handoff(Generic[R]):
    """One request on its way to the platform, its slip laid out by `slip` for this station;
    `clear()` forgets it."""

    def __init__(
        self, slip: SlipLayout[R], *, station: str, hotline: str, progress_url: str
    ) -> None:
        self._slip = slip
        self._station = station
        self._hotline = hotline
        self._progress_url = progress_url
        self.clear()

    def clear(self) -> None:
        self.request: R | None = None
        self.apply_no = ""
        self.settled = False
        self.uploaded = False
        self.receipt_qr = ""  # the slip's QR code, to show when it cannot be printed

    def holds_personal_data(self) -> bool:
        return bool(self.apply_no) or self.request is not None

    def send(self, request: R) -> Submit[R]:
        self.clear()
        self.request = request
        return Submit(request)

    def accepted(self, request: R, apply_no: str) -> tuple[AwaitDelivery, ...]:
        """`request` is on disk under `apply_no`: the platform's confirmation is awaited."""
        if request is not self.request or self.apply_no:
            return ()
        self.apply_no = apply_no
        return (AwaitDelivery(apply_no),)

    def refused(self, request: R) -> bool:
        """The outbox could not store `request`: it is to be sent again."""
        if request is not self.request or self.apply_no:
            return False
        self.request = None
        return True

    def settle(
        self, apply_no: str, *, uploaded: bool, at: datetime.datetime
    ) -> tuple[PrintSlip, ...]:
        """The platform confirmed it (`uploaded`), or the wait is over: the slip, once."""
        request = self.request
        if request is None or not apply_no or apply_no != self.apply_no or self.settled:
            return ()
        self.settled, self.uploaded = True, uploaded
        receipt = self._slip(
            request,
            apply_no=apply_no,
            uploaded=uploaded,
            at=at,
            station=self._station,
            hotline=self._hotline,
            progress_url=self._progress_url,
        )
        self.receipt_qr = receipt.qr
        return (PrintSlip(receipt),)


class HandingOff(Generic[R]):
    """The outbox's answers to a flow whose review (`REVIEW`) sends its request
    (`SUBMITTING`) and whose last step (`DONE`) waits for the platform, then the slip."""

    REVIEW: ClassVar[enum.Enum]
    SUBMITTING: ClassVar[enum.Enum]
    DONE: ClassVar[enum.Enum]
    step: enum.Enum | None
    problem: Message
    handoff: Handoff[R]

    def accepted(self, request: R, apply_no: str) -> tuple[AwaitDelivery, ...]:
        """`request` is on disk under `apply_no`: received; the platform's confirmation is
        waited for. An answer about another request (one whose resident left while it was
        being stored) changes nothing here."""
        if self.step is not self.SUBMITTING:
            return ()
        effects = self.handoff.accepted(request, apply_no)
        if effects:
            self.step = self.DONE
        return effects

    def refused(self, request: R, problem: Message) -> bool:
        """The outbox could not store `request`: back to the review, saying why."""
        if self.step is not self.SUBMITTING or not self.handoff.refused(request):
            return False
        self.step = self.REVIEW
        self.problem = problem
        return True

    def settle(
        self, apply_no: str, *, uploaded: bool, at: datetime.datetime | None = None
    ) -> tuple[PrintSlip, ...]:
        """The platform confirmed it (`uploaded`), or the wait is over: the slip."""
        if self.step is not self.DONE:
            return ()
        when = at or datetime.datetime.now(BEIJING)
        return self.handoff.settle(apply_no, uploaded=uploaded, at=when)
