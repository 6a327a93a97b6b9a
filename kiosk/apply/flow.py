"""在线申报 step by step, as a pure state machine: the resident's actions and the workers'
answers go in, *effects* come out ("open the camera", "print this receipt", "start the
4.5 s wait"), and the UI runs them. Nothing here starts a timer, touches a device or waits.

Steps: conditions → identify → form → materials → review → consent → submitting → done →
rating → thanks. `Application` (kiosk.apply.rules) holds the rules of each step; this
module says when a step may be left, what runs on the way, and which answers still count
(an answer that comes after its wait, a page from an earlier capture request, a refusal
while the resident is elsewhere are dropped).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from devices.idcard.identity import Identity
from devices.printer.layout import Receipt
from kiosk.apply.posting import receipt_line
from kiosk.apply.rules import (
    Application,
    ApplicationError,
    typed_identity_allowed,
)
from kiosk.catalog.model import ServiceItem
from kiosk.messages import NONE, Message, message
from kiosk.submission import BEIJING, Bundle, CapturedPage, Finished, case_receipt, evaluation
from kiosk.workdays import PACKAGED_ONLY, Workdays


class Step(enum.Enum):
    CONDITIONS = "conditions"
    IDENTIFY = "identify"
    FORM = "form"
    MATERIALS = "materials"
    REVIEW = "review"
    CONSENT = "consent"
    SUBMITTING = "submitting"
    DONE = "done"
    RATING = "rating"
    THANKS = "thanks"


# The steps with 上一步 / 下一步, in order; 下一步 on the last one submits.
EDITING = (Step.CONDITIONS, Step.IDENTIFY, Step.FORM, Step.MATERIALS, Step.REVIEW, Step.CONSENT)


class Wait(enum.Enum):
    """The timed waits of the flow; each has at most one running."""

    ANSWER = "answer"  # "received" → the case number, or 待上传 when none comes in time
    RATING = "rating"  # the receipt is out: the rating screen follows by itself
    THANKS = "thanks"  # after the rating: back to the start


# The sync worker tries for 4 s (ui.outboxworker.ANSWER_WAIT_S); half a second more for
# its answer to arrive. No answer by then: the receipt says 待上传 with the apply number.
ANSWER_WAIT_MS = 4500
RATING_AFTER_PRINT_MS = 3000
THANKS_MS = 5000
WAIT_MS = {Wait.ANSWER: ANSWER_WAIT_MS, Wait.RATING: RATING_AFTER_PRINT_MS, Wait.THANKS: THANKS_MS}


# -- effects: what the UI runs for the flow ------------------------------------------------
@dataclass(frozen=True)
class OpenCamera:
    """The materials step shows: the document camera's live preview."""


@dataclass(frozen=True)
class CloseCamera:
    """The materials step is left."""


@dataclass(frozen=True)
class TakePage:
    """Take one page of `material`; tell the flow the request number (`capture_sent`)."""

    material: str


@dataclass(frozen=True)
class Submit:
    """Store the application in the outbox (the answer comes as `accepted` or `refused`)."""

    finished: Finished = dataclasses.field(repr=False)  # answers, pages: never in a log


@dataclass(frozen=True)
class StartWait:
    """Call `wait_over(wait)` after `ms` (restarting that wait if it runs)."""

    wait: Wait
    ms: int


@dataclass(frozen=True)
class CancelWait:
    """Stop the wait `wait` if it runs."""

    wait: Wait


@dataclass(frozen=True)
class PrintReceipt:
    """Print the resident's receipt; tell the flow the job id (`print_sent`)."""

    receipt: Receipt = dataclasses.field(repr=False)


@dataclass(frozen=True)
class SendRating:
    """Send the resident's rating of the case `apply_no` through the outbox."""

    body: dict[str, Any] = dataclasses.field(repr=False)  # the resident's comment
    apply_no: str


@dataclass(frozen=True)
class EndVisit:
    """The resident is done: the session ends (and is wiped)."""


Effect = (
    OpenCamera
    | CloseCamera
    | TakePage
    | Submit
    | StartWait
    | CancelWait
    | PrintReceipt
    | SendRating
    | EndVisit
)


@dataclass(frozen=True)
class Outcome:
    """What a transition did: `ok` False when the action was refused or did not apply
    (the flow's `message` then says why, where there is something to say)."""

    ok: bool = True
    effects: tuple[Effect, ...] = ()


REFUSED = Outcome(ok=False)


@dataclass(frozen=True)
class ReceiptStation:
    """What the receipt says about the station, from settings."""

    name: str
    hotline: str
    progress_url: str  # pattern with {number}: the receipt's QR link (ui.progress_url_pattern)


def _now() -> datetime.datetime:
    return datetime.datetime.now(BEIJING)


class ApplyFlow:
    """One resident's application from the item's conditions to the rating.

    Personal state (the application, the finished application before it prints, the
    numbers) lives here until `wipe()`; `holds_personal_data()` says whether any is left.
    """

    def __init__(
        self,
        station: ReceiptStation,
        typed_identity_items: str,
        *,
        clock: Callable[[], datetime.datetime] = _now,
        workdays: Callable[[], Workdays] = lambda: PACKAGED_ONLY,
    ) -> None:
        self._station = station
        self._typed_identity_items = typed_identity_items
        self._clock = clock
        self._workdays = workdays
        self._clear()

    def _clear(self) -> None:
        self.app: Application | None = None
        self.step: Step | None = None
        self.message: Message = NONE
        self.capturing = ""  # material being captured, until its page arrives
        self.capture_request = 0  # the request whose answer counts
        self.retake_index = -1
        self.finished: Finished | None = None
        self.apply_no = ""  # the first (of a bundle's): the receipt's QR and the rating's
        self.linked: tuple[str, ...] = ()  # a bundle's other apply numbers, in order
        self.case_nos: dict[str, str] = {}  # apply number → case number ("" none in time)
        self.settled = False  # the number on the receipt is known (case or apply number)
        self.receipt_qr = ""
        self.print_job = ""
        self.rated = False

    def holds_personal_data(self) -> bool:
        return bool(
            (self.app is not None and self.app.holds_personal_data())
            or self.finished is not None
            or self.apply_no
            or self.linked
            or self.case_nos
            or self.receipt_qr
            or self.print_job
        )

    def wipe(self) -> tuple[Effect, ...]:
        """Drop everything (the session ended); returns what the UI must stop."""
        effects = self._stop_all()
        if self.app is not None:
            self.app.wipe()
        self._clear()
        return effects

    def _stop_all(self) -> tuple[Effect, ...]:
        camera: tuple[Effect, ...] = (CloseCamera(),) if self.step is Step.MATERIALS else ()
        return camera + tuple(CancelWait(wait) for wait in Wait)

    @property
    def case_no(self) -> str:
        """The (first) case's number, once the platform gave it."""
        return self.case_nos.get(self.apply_no, "")

    def cases(self, items: Sequence[ServiceItem]) -> tuple[tuple[ServiceItem, str, bool], ...]:
        """Each item applied for (`items`, in order) with the number the resident takes
        away, its case number or, while 待上传, its apply number, and whether it reached
        the platform."""
        numbers = (self.apply_no, *self.linked)
        return tuple(
            (item, self.case_nos.get(no, "") or no, bool(self.case_nos.get(no)))
            for item, no in zip(items, numbers, strict=False)
        )

    @property
    def wants_card(self) -> bool:
        """The identify step is showing and waits for a card."""
        return self.app is not None and self.step is Step.IDENTIFY and bool(self.app.waiting_for)

    # -- moving between steps ------------------------------------------------------------
    def begin(self, applied_for: ServiceItem | Bundle | None, *, deliverable: bool) -> Outcome:
        """我要办理 on a guide (an item), or on a life event (a `Bundle` of its items): a
        fresh application. Refused when there is no such item, nothing can deliver it (no
        sync worker), or it cannot be applied for here."""
        stopped = self.wipe()
        if applied_for is None or not deliverable:
            return Outcome(False, stopped)
        items = applied_for.items if isinstance(applied_for, Bundle) else (applied_for,)
        typed = all(typed_identity_allowed(self._typed_identity_items, i) for i in items)
        try:
            self.app = Application(applied_for, typed_identity=typed)
        except ApplicationError as error:
            self.message = error.message
            return Outcome(False, stopped)
        self.step = Step.CONDITIONS
        return Outcome(True, stopped)

    def leave(self) -> Outcome:
        """The resident left the screen: the application is dropped. Left while the case
        number was still awaited, the receipt prints first with the number known now (the
        submission is stored; the resident must not walk away without its number)."""
        printing: tuple[Effect, ...] = ()
        if self.step is Step.DONE and not self.settled:
            printing = tuple(
                e for e in self._settle_number().effects if isinstance(e, PrintReceipt)
            )
        return Outcome(True, printing + self.wipe())

    def next(self) -> Outcome:
        """The step's 下一步: checks what the step needs first, says what is missing."""
        app = self.app
        if app is None or self.step not in EDITING:
            return REFUSED
        problem = NONE
        if self.step is Step.IDENTIFY and app.waiting_for:
            if app.waiting_for == "applicant":
                problem = message("apply.place_card")
            else:
                problem = message("apply.place_agent_card")
        elif self.step is Step.FORM:
            if not app.check_form().ok:
                problem = message("apply.form_needs_fixing")
        elif self.step is Step.MATERIALS:
            missing = app.missing_materials()
            if missing:
                problem = message("apply.material_missing", missing[0])
        if problem:
            self.message = problem
            return REFUSED
        if self.step is Step.CONSENT:
            return self._submit()
        return Outcome(True, self._move(EDITING[EDITING.index(self.step) + 1]))

    def back(self) -> Outcome:
        """The previous step; not ok when there is none (the screen is left instead).
        After submitting there is no going back, and no leaving by 返回 either."""
        if self.step in EDITING[1:]:
            assert self.step is not None
            return Outcome(True, self._move(EDITING[EDITING.index(self.step) - 1]))
        return Outcome(ok=self.step not in (Step.CONDITIONS, None))

    def _move(self, step: Step) -> tuple[Effect, ...]:
        effects: list[Effect] = []
        if self.step is Step.MATERIALS and step is not Step.MATERIALS:
            effects.append(CloseCamera())
        if step is Step.MATERIALS and self.step is not Step.MATERIALS:
            effects.append(OpenCamera())
        self.step = step
        self.message = NONE
        return tuple(effects)

    # -- identify ------------------------------------------------------------------------
    def set_proxy(self, proxy: bool) -> Outcome:
        if self.app is None or self.step is not Step.IDENTIFY:
            return REFUSED
        self.app.set_proxy(proxy)
        self.message = NONE
        return Outcome()

    def card(self, identity: Identity) -> Outcome:
        """A card on the reader: taken only while the identify step waits for one."""
        if not self.wants_card:
            return REFUSED
        return self._identify(lambda app: app.identify_card(identity))

    def identify_typed(self, name: str, id_number: str) -> Outcome:
        if self.app is None or self.step is not Step.IDENTIFY:
            return REFUSED
        return self._identify(lambda app: app.identify_typed(name, id_number))

    def _identify(self, act: Callable[[Application], str]) -> Outcome:
        assert self.app is not None
        try:
            act(self.app)
        except ApplicationError as error:
            self.message = error.message
            return REFUSED
        self.message = NONE
        if not self.app.waiting_for:
            return Outcome(True, self._move(Step.FORM))
        return Outcome()

    # -- form ----------------------------------------------------------------------------
    def answer(self, key: str, value: str) -> Outcome:
        """Keep an answer as typed (its problem, if any, shows beside the field)."""
        if self.app is None:
            return REFUSED
        self.app.answer(key, value)
        return Outcome()

    # -- materials -----------------------------------------------------------------------
    def choose(self, name: str, provision: str) -> Outcome:
        if self.app is None:
            return REFUSED
        try:
            self.app.choose(name, provision)
        except ApplicationError as error:
            self.message = error.message
            return REFUSED
        self.message = NONE
        return Outcome()

    def capture(self, name: str, retake: int = -1) -> Outcome:
        """Photograph a page of `name` (`retake`: the index of the page it replaces).
        One capture at a time."""
        if self.app is None or self.step is not Step.MATERIALS or self.capturing:
            return REFUSED
        self.capturing = name
        self.retake_index = retake
        self.message = NONE
        return Outcome(True, (TakePage(name),))

    def capture_sent(self, request: int) -> None:
        """The capture worker's number for the request just made: only its answer counts."""
        self.capture_request = request

    def _current_capture(self, request: int) -> bool:
        return self.app is not None and bool(self.capturing) and request == self.capture_request

    def page_captured(self, page: CapturedPage, request: int) -> Outcome:
        if not self._current_capture(request):
            return REFUSED  # an earlier request, or the resident left meanwhile: dropped
        assert self.app is not None
        self.capturing = ""
        try:
            if self.retake_index >= 0:
                self.app.replace_page(self.retake_index, page)
            else:
                self.app.add_page(page)
        except ApplicationError as error:
            self.message = error.message
            return REFUSED
        return Outcome()

    def capture_failed(self, problem: Message, request: int) -> Outcome:
        if not self._current_capture(request):
            return REFUSED
        self.capturing = ""
        self.message = problem
        return Outcome()

    def remove_page(self, name: str, index: int) -> Outcome:
        if self.app is None:
            return REFUSED
        try:
            self.app.remove_page(name, index)
        except IndexError:
            return REFUSED
        return Outcome()

    def page_snapshot(self) -> tuple[tuple[str, tuple[bytes, ...]], ...]:
        """(material name, JPEGs of its pages) for every material, in the screen's order."""
        if self.app is None:
            return ()
        pages = self.app.pages
        return tuple(
            (m.name, tuple(p.jpeg for p in pages.get(m.name, []))) for m in self.app.materials
        )

    # -- submit and after ----------------------------------------------------------------
    def _submit(self) -> Outcome:
        assert self.app is not None
        self.app.give_consent(self._clock())
        try:
            finished = self.app.finished()
        except ApplicationError as error:
            self.message = error.message
            return REFUSED
        self.finished = finished
        return Outcome(True, (*self._move(Step.SUBMITTING), Submit(finished)))

    def accepted(self, apply_no: str, *linked: str) -> Outcome:
        """The submission is on disk (a bundle's cases with the apply numbers after the
        first): "received", then the case numbers are waited for."""
        if self.step is not Step.SUBMITTING:
            return REFUSED
        self.apply_no = apply_no
        self.linked = linked
        return Outcome(True, (*self._move(Step.DONE), StartWait(Wait.ANSWER, ANSWER_WAIT_MS)))

    def refused(self, problem: Message) -> Outcome:
        """The outbox could not store it: back to consent, saying why."""
        if self.step is not Step.SUBMITTING:
            return REFUSED
        self.step = Step.CONSENT
        self.message = problem
        return Outcome()

    def answered(self, apply_no: str, case_no: str) -> Outcome:
        """The sync worker's answer: a case number ("" when the platform did not answer).
        A bundle settles once each of its cases is answered."""
        numbers = (self.apply_no, *self.linked)
        if not self.apply_no or apply_no not in numbers or self.settled:
            return REFUSED
        self.case_nos[apply_no] = case_no
        if len(self.case_nos) < len(numbers):
            return Outcome()
        return self._settle_number()

    def _settle_number(self) -> Outcome:
        """The numbers the resident takes away are known (those the platform has not given
        in time are 待上传): print the receipt with them."""
        cancel = CancelWait(Wait.ANSWER)
        if self.finished is None:
            return Outcome(False, (cancel,))
        self.settled = True
        (item, number, uploaded), *linked = self.cases(self.finished.items)
        receipt = case_receipt(
            item=item,
            number=number,
            uploaded=uploaded,
            linked=linked,
            event=self.finished.bundle.name if self.finished.bundle else "",
            applicant=self.finished.applicant,
            at=self._clock(),
            station=self._station.name,
            hotline=self._station.hotline,
            progress_url=self._station.progress_url,
            apply_no=self.apply_no,
            progress_token=self.finished.progress_token,
            result_by=receipt_line(self.finished.items, self.finished.answers),
            workdays=self._workdays(),
        )
        # On screen the same code as on paper (with its token): without paper it is what
        # the resident photographs to check progress later.
        self.receipt_qr = receipt.qr
        if self.app is not None:
            self.app.wipe()  # from here on only the numbers are needed
        self.finished = None
        return Outcome(True, (cancel, PrintReceipt(receipt)))

    def print_sent(self, job: str) -> None:
        """The printer's job id for the receipt: only that job's end counts (a receipt
        printed on the way out, after `leave()`, is no longer this flow's)."""
        if self.step is Step.DONE:
            self.print_job = job

    def print_finished(self, job: str) -> Outcome:
        if self.step is not Step.DONE or not self.print_job or job != self.print_job:
            return REFUSED
        return Outcome(True, (StartWait(Wait.RATING, RATING_AFTER_PRINT_MS),))

    def to_rating(self) -> Outcome:
        if self.step is not Step.DONE or not self.settled:
            return REFUSED
        return Outcome(True, (CancelWait(Wait.RATING), *self._move(Step.RATING)))

    def rate(self, level: int, reasons: list[str], comment: str) -> Outcome:
        if self.step is not Step.RATING or self.rated:
            return REFUSED
        try:
            body = evaluation(
                number=self.case_no or self.apply_no,
                level=level,
                reasons=reasons,
                comment=comment,
                at=self._clock(),
            )
        except ValueError:
            self.message = message("apply.rating_reason_needed")
            return REFUSED
        self.rated = True
        effects = (SendRating(body, self.apply_no), *self._move(Step.THANKS))
        return Outcome(True, (*effects, StartWait(Wait.THANKS, THANKS_MS)))

    def finish(self) -> Outcome:
        """完成 (or 跳过): the resident is done."""
        return Outcome(True, (CancelWait(Wait.RATING), CancelWait(Wait.THANKS), EndVisit()))

    def wait_over(self, wait: Wait) -> Outcome:
        """A wait ran out; a wait whose step has passed does nothing."""
        if wait is Wait.ANSWER:
            if self.step is not Step.DONE or self.settled:
                return REFUSED
            # the platform answers later: 待上传 (a bundle's cases answered so far keep theirs)
            return self._settle_number()
        if wait is Wait.RATING:
            if self.step is not Step.DONE:
                return REFUSED
            return Outcome(True, self._move(Step.RATING))
        if self.step is not Step.THANKS:
            return REFUSED
        return self.finish()
