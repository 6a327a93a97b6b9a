"""留言咨询 as a pure state machine, like the other flows (kiosk/apply/flow.py): the
resident's taps and the outbox's answers go in, effects come out ("store this question",
"print this receipt"), and the UI runs them on its workers.

write → phone → identify (an ID card, or skipped) → review → submitting → done.

Tapping 同意并提交 on the review is the consent. The question is stored durably in the
outbox (`Submit`); once it is on disk the resident is told it is received and the kiosk
waits a few seconds for the platform's confirmation (`accepted`), then prints the receipt
saying whether it reached the platform yet (`settle`). Should the outbox refuse it, the
resident is back on the review with the reason and nothing lost.
"""

from __future__ import annotations

import datetime
import enum

from devices.idcard.identity import CARD_KIND_UNREADABLE, Identity
from kiosk.forms import mobile_number, plain_text
from kiosk.handoff import AwaitDelivery, HandingOff, Handoff, PrintSlip, Submit
from kiosk.messages import NONE, Message, message
from kiosk.questions.question import (
    CONSENT,
    MAX_LENGTH,
    Question,
    problem_with,
    question_receipt,
)
from kiosk.submission import BEIJING, Consent, Person


class Step(enum.Enum):
    WRITE = "write"
    PHONE = "phone"
    IDENTIFY = "identify"
    REVIEW = "review"
    SUBMITTING = "submitting"
    DONE = "done"


ORDER = (Step.WRITE, Step.PHONE, Step.IDENTIFY, Step.REVIEW)


Effect = Submit[Question] | AwaitDelivery | PrintSlip


class QuestionFlow(HandingOff[Question]):
    """One question; `wipe()` forgets everything (the text, the phone, the identity)."""

    REVIEW, SUBMITTING, DONE = Step.REVIEW, Step.SUBMITTING, Step.DONE

    def __init__(self, *, station: str, hotline: str, progress_url: str) -> None:
        self.handoff: Handoff[Question] = Handoff(
            question_receipt, station=station, hotline=hotline, progress_url=progress_url
        )
        self._clear()

    def _clear(self) -> None:
        self.step: Step | None = None
        self.text = ""
        self.phone = ""
        self.asker: Person | None = None
        self.problem: Message = NONE
        self.handoff.clear()

    # -- personal data ----------------------------------------------------------------------
    def holds_personal_data(self) -> bool:
        return (
            bool(self.text or self.phone)
            or self.asker is not None
            or self.handoff.holds_personal_data()
        )

    def wipe(self) -> None:
        self._clear()

    @property
    def wants_card(self) -> bool:
        return self.step is Step.IDENTIFY

    # -- the resident's actions -------------------------------------------------------------
    def begin(self, draft: str = "") -> None:
        """留言咨询, with what the resident searched for as a start (they may change it)."""
        self.wipe()
        self.text = plain_text(draft)[:MAX_LENGTH]
        self.step = Step.WRITE

    def write(self, text: str) -> bool:
        """下一步 under the question; False with `problem` when it cannot be sent so."""
        if self.step is not Step.WRITE:
            return False
        self.text = plain_text(text)[: 2 * MAX_LENGTH]  # kept to be shortened, within reason
        self.problem = problem_with(self.text)
        if self.problem:
            return False
        self.step = Step.PHONE
        return True

    def enter_phone(self, phone: str) -> bool:
        """The number typed on the number pad; False with `problem` when it is no mobile."""
        if self.step is not Step.PHONE:
            return False
        mobile = mobile_number(phone)
        if not mobile:
            self.problem = message("question.phone_invalid")
            return False
        self.phone = mobile
        self.problem = NONE
        self.step = Step.REVIEW if self.asker is not None else Step.IDENTIFY
        return True

    def card(self, identity: Identity) -> bool:
        """An ID card on the reader while the identify step waits for one."""
        if self.step is not Step.IDENTIFY:
            return False
        if not identity.decoded:
            self.problem = message(CARD_KIND_UNREADABLE)
            return True
        self.asker = Person.from_identity(identity)
        self.problem = NONE
        self.step = Step.REVIEW
        return True

    def skip_card(self) -> bool:
        """不刷身份证: the question goes without a name; only its receipt's QR code finds it."""
        if self.step is not Step.IDENTIFY:
            return False
        self.problem = NONE
        self.step = Step.REVIEW
        return True

    def forget_card(self) -> bool:
        """On the review: send it without the name after all."""
        if self.step is not Step.REVIEW or self.asker is None:
            return False
        self.asker = None
        return True

    def submit(self, at: datetime.datetime | None = None) -> tuple[Effect, ...]:
        """同意并提交 on the review: the consent, and the question to the outbox."""
        if self.step is not Step.REVIEW:
            return ()
        given = at or datetime.datetime.now(BEIJING)
        consent = Consent(CONSENT.purpose, CONSENT.recipient, CONSENT.retention, given)
        self.problem = NONE
        self.step = Step.SUBMITTING
        return (self.handoff.send(Question(self.text, self.phone, self.asker, consent)),)

    def back(self) -> bool:
        """上一步; False on the first step (the caller leaves the flow)."""
        if self.step not in ORDER or self.step is Step.WRITE:
            return False
        assert self.step is not None
        previous = ORDER[ORDER.index(self.step) - 1]
        if previous is Step.IDENTIFY and self.asker is not None:
            previous = Step.PHONE  # the card read stays for this visit
        self.step = previous
        self.problem = NONE
        return True
