"""上门办理 as a pure state machine, like the other flows (kiosk/questions/flow.py): the
resident's taps and the outbox's answers go in, effects come out ("store this request",
"print this slip"), and the UI runs them on its workers.

situation → identify → address → phone → when → review → submitting → done.

The situation is who asks (the person themself or someone for them) and why they cannot
come. The ID card read is the card of the person to be visited; its address is the first
guess at where to go. Tapping 同意并提交 on the review is the consent. The request is stored
durably in the outbox (`Submit`); once it is on disk the resident is told it is received and
the kiosk waits a few seconds for the platform's confirmation (`accepted`), then prints the
slip saying whether it reached the platform yet (`settle`). Should the outbox refuse it,
the resident is back on the review with the reason and nothing lost.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable

from devices.idcard.identity import CARD_KIND_UNREADABLE, Identity
from kiosk.catalog.model import ServiceItem
from kiosk.forms import mobile_number
from kiosk.handoff import AwaitDelivery, HandingOff, Handoff, PrintSlip, Submit
from kiosk.homevisits.request import (
    CONSENT,
    DAYS_OFFERED,
    HALF_DAYS,
    MAX_ADDRESS,
    REASONS,
    RELATIONS,
    HomeVisit,
    Preferred,
    address_problem,
    clean_address,
    home_visit_slip,
)
from kiosk.messages import NONE, Message, message
from kiosk.submission import BEIJING, Consent, Person
from kiosk.workdays import PACKAGED_ONLY, Workdays


class Step(enum.Enum):
    SITUATION = "situation"
    IDENTIFY = "identify"
    ADDRESS = "address"
    PHONE = "phone"
    WHEN = "when"
    REVIEW = "review"
    SUBMITTING = "submitting"
    DONE = "done"


ORDER = (Step.SITUATION, Step.IDENTIFY, Step.ADDRESS, Step.PHONE, Step.WHEN, Step.REVIEW)


Effect = Submit[HomeVisit] | AwaitDelivery | PrintSlip


class HomeVisitFlow(HandingOff[HomeVisit]):
    """One request; `wipe()` forgets everything (the person, the address, the phone)."""

    REVIEW, SUBMITTING, DONE = Step.REVIEW, Step.SUBMITTING, Step.DONE

    def __init__(
        self,
        *,
        station: str,
        hotline: str,
        progress_url: str,
        workdays: Callable[[], Workdays] = lambda: PACKAGED_ONLY,
    ) -> None:
        self._workdays = workdays
        self.handoff: Handoff[HomeVisit] = Handoff(
            home_visit_slip, station=station, hotline=hotline, progress_url=progress_url
        )
        self._clear()

    def _clear(self) -> None:
        self.step: Step | None = None
        self.item_code = ""
        self.item_name = ""
        self.relation = ""
        self.reason = ""
        self.person: Person | None = None
        self.address = ""
        self.phone = ""
        self.days: tuple[datetime.date, ...] = ()
        self.preferred: Preferred | None = None
        self.problem: Message = NONE
        self.handoff.clear()

    # -- personal data ----------------------------------------------------------------------
    def holds_personal_data(self) -> bool:
        return (
            bool(self.address or self.phone)
            or self.person is not None
            or self.handoff.holds_personal_data()
        )

    def wipe(self) -> None:
        self._clear()

    @property
    def wants_card(self) -> bool:
        return self.step is Step.IDENTIFY

    # -- the resident's actions -------------------------------------------------------------
    def begin(self, item: ServiceItem, today: datetime.date | None = None) -> bool:
        """申请上门办理 on the guide of `item`; False when the item does not offer it."""
        self.wipe()
        if not item.visits_home:
            return False
        self.item_code, self.item_name = item.code, item.name
        today = today or datetime.datetime.now(BEIJING).date()
        self.days = self._workdays().after(today, DAYS_OFFERED)
        self.step = Step.SITUATION
        return True

    def describe(self, relation: str, reason: str) -> bool:
        """Who asks and why the person cannot come; False for a choice not offered."""
        if self.step is not Step.SITUATION or relation not in RELATIONS or reason not in REASONS:
            return False
        self.relation, self.reason = relation, reason
        self.problem = NONE
        self.step = Step.ADDRESS if self.person is not None else Step.IDENTIFY
        return True

    def card(self, identity: Identity) -> bool:
        """The ID card of the person to be visited, while the identify step waits for one."""
        if self.step is not Step.IDENTIFY:
            return False
        if not identity.decoded:
            self.problem = message(CARD_KIND_UNREADABLE)
            return True
        self.person = Person.from_identity(identity)
        self.address = clean_address(identity.address)[:MAX_ADDRESS]
        self.problem = NONE
        self.step = Step.ADDRESS
        return True

    def enter_address(self, typed: str) -> bool:
        """下一步 under the address; False with `problem` when it cannot be sent so."""
        if self.step is not Step.ADDRESS:
            return False
        address = clean_address(typed)
        self.address = address[: 2 * MAX_ADDRESS]  # kept to be shortened, within reason
        self.problem = address_problem(address)
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
            self.problem = message("home_visit.phone_invalid")
            return False
        self.phone = mobile
        self.problem = NONE
        self.step = Step.WHEN
        return True

    def choose_time(self, day: str, half: str) -> bool:
        """A half-day of one of the offered days (`day` as 2026-12-02, `half` am or pm)."""
        if self.step is not Step.WHEN or half not in HALF_DAYS:
            return False
        chosen = next((d for d in self.days if d.isoformat() == day), None)
        if chosen is None:
            return False
        self.preferred = Preferred(chosen, half)
        self.problem = NONE
        self.step = Step.REVIEW
        return True

    def submit(self, at: datetime.datetime | None = None) -> tuple[Effect, ...]:
        """同意并提交 on the review: the consent, and the request to the outbox."""
        if self.step is not Step.REVIEW:
            return ()
        assert self.person is not None
        assert self.preferred is not None
        given = at or datetime.datetime.now(BEIJING)
        consent = Consent(CONSENT.purpose, CONSENT.recipient, CONSENT.retention, given)
        request = HomeVisit(
            self.item_code, self.item_name, self.relation, self.reason, self.person,
            self.address, self.phone, self.preferred, consent,
        )  # fmt: skip
        self.problem = NONE
        self.step = Step.SUBMITTING
        return (self.handoff.send(request),)

    def back(self) -> bool:
        """上一步; False on the first step (the caller leaves the flow)."""
        if self.step not in ORDER or self.step is Step.SITUATION:
            return False
        assert self.step is not None
        previous = ORDER[ORDER.index(self.step) - 1]
        if previous is Step.IDENTIFY and self.person is not None:
            previous = Step.SITUATION  # the card read stays for this visit
        self.step = previous
        self.problem = NONE
        return True
