"""One resident's visit: everything personal the kiosk holds while they are at the screen,
in one place, with one `wipe()`.

The flows keep their own state (the application in `ApplyFlow`, a progress query in
`ProgressLookup`, a booking in `BookingFlow`, 我的预约 in `MyAppointments`, a question for
the hotline in `QuestionFlow`, a home visit request in `HomeVisitFlow`); the session
owns them, routes the ID card to the one that waits for it, and wipes them all when the
visit ends. The view models show the flows' state: what they keep for the screen (list
rows, page thumbnails) is rebuilt from the flows when the session is wiped
(ui/visitview.py announces it once). A new flow (surveys) becomes one more holder in
`holders()`.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from devices.idcard.identity import CARD_KIND_UNREADABLE, Identity
from kiosk.apply.flow import ApplyFlow, Effect
from kiosk.catalog.recommend import age_on
from kiosk.messages import NONE, message
from kiosk.progressquery import ApplicantQuery, ProgressQuery
from kiosk.submission import ID_TYPES

if TYPE_CHECKING:  # kiosk.progress pulls in requests: not at start-up
    from kiosk.appointments.flow import BookingFlow, MyAppointments
    from kiosk.homevisits.flow import HomeVisitFlow
    from kiosk.progress import ProgressAnswer
    from kiosk.questions.flow import QuestionFlow


class Holder(Protocol):
    """A part of the session that may hold personal data."""

    def holds_personal_data(self) -> bool: ...

    def wipe(self) -> object: ...


class CardRoute(enum.Enum):
    """Whose a card read was."""

    APPLICATION = "application"  # the identify step waited for it
    PROGRESS = "progress"  # the progress screen waited for it: a query by ID number
    BOOKING = "booking"  # a booking's identify step waited for it
    MY_APPOINTMENTS = "my_appointments"  # 我的预约 waited for it
    QUESTION = "question"  # a question's identify step waited for it
    HOME_VISIT = "home_visit"  # a home visit request waited for the visited person's card
    SUGGESTIONS = "suggestions"  # nobody waited: 为您推荐 by the holder's age, if any


class ProgressLookup:
    """进度查询's personal state: the query asked (a number with the ID tail, a scanned
    receipt, an ID number) and the answer on screen.

    Each query gets a number that comes back with its answer; only the answer to the query
    the screen waits for counts, so an answer that comes after its resident left never
    reaches the next one.
    """

    def __init__(self) -> None:
        self.waiting = False  # the progress screen shows: scans and cards are for it
        self.asked = 0  # the number of the query whose answer the screen waits for
        self._clear()

    def _clear(self) -> None:
        self.query: ProgressQuery | None = None
        self.searching = False
        self.answer: ProgressAnswer | None = None
        self.offline = False  # no answer in time
        self.refused = NONE  # why a card could not be asked about (a kind not decoded)

    def holds_personal_data(self) -> bool:
        return self.query is not None or self.answer is not None

    def ask(self, query: ProgressQuery) -> int:
        """A new query: returns its number (the one its answer must carry)."""
        self.asked += 1
        self._clear()
        self.query = query
        self.searching = True
        return self.asked

    def answered(self, number: int, answer: ProgressAnswer) -> bool:
        """False when the answer is for an earlier query (or nobody waits any more)."""
        if number != self.asked or not self.searching:
            return False
        self.searching = False
        self.answer = answer
        return True

    def unreadable_card(self) -> None:
        """A card whose fields the kiosk cannot decode: nothing to ask, the screen says so;
        an answer to an earlier query is dropped."""
        self.asked += 1
        self._clear()
        self.refused = message(CARD_KIND_UNREADABLE)

    def no_answer(self) -> None:
        """The wait for the answer is over: "cannot reach the platform"; a late answer is
        dropped."""
        self.asked += 1
        self._clear()
        self.offline = True

    def wipe(self) -> None:
        """Leaving the screen or the session's end: forget the query and its answer, and
        drop the answer to any query still on its way."""
        self.asked += 1
        self.waiting = False
        self._clear()


class Suggestions:
    """为您推荐: the age of the holder of a card nobody waited for, for this visit only.

    Only the age is kept (from the card's birth date, on this day); the catalog's published
    rules turn it into items (kiosk.catalog.library `CatalogLibrary.recommended`). Nothing of
    it is stored or sent.
    """

    def __init__(self) -> None:
        self.age: int | None = None

    def offer(self, identity: Identity, today: datetime.date) -> bool:
        """Keep the age of a card read with a birth date (not one in the future)."""
        born = identity.birth_date
        if born is None or born > today:
            self.age = None
            return False
        self.age = age_on(born, today)
        return True

    def holds_personal_data(self) -> bool:
        return self.age is not None

    def wipe(self) -> None:
        self.age = None


class ResidentSession:
    """The visit of the resident at the screen.

    `holders()` lists every part that may hold personal data; `wipe()` clears each of them
    and returns what the UI must stop (the camera, the waits of the application).
    """

    def __init__(
        self,
        apply: ApplyFlow,
        booking: Callable[[], BookingFlow],
        questions: Callable[[], QuestionFlow],
        home_visits: Callable[[], HomeVisitFlow],
    ) -> None:
        self.apply = apply
        self.progress = ProgressLookup()
        self.suggestions = Suggestions()
        # The other flows are made when first used (their modules cost start-up time that
        # the home screen does not need); until then they hold nothing.
        self._new_booking = booking
        self._new_question = questions
        self._new_home_visit = home_visits
        self._booking: BookingFlow | None = None
        self._mine: MyAppointments | None = None
        self._question: QuestionFlow | None = None
        self._home_visit: HomeVisitFlow | None = None

    @property
    def booking(self) -> BookingFlow:
        if self._booking is None:
            self._booking = self._new_booking()
        return self._booking

    @property
    def mine(self) -> MyAppointments:
        if self._mine is None:
            from kiosk.appointments.flow import MyAppointments

            self._mine = MyAppointments()
        return self._mine

    @property
    def question(self) -> QuestionFlow:
        if self._question is None:
            self._question = self._new_question()
        return self._question

    @property
    def home_visit(self) -> HomeVisitFlow:
        if self._home_visit is None:
            self._home_visit = self._new_home_visit()
        return self._home_visit

    @property
    def booking_made(self) -> bool:
        return self._booking is not None

    @property
    def mine_made(self) -> bool:
        return self._mine is not None

    @property
    def question_made(self) -> bool:
        return self._question is not None

    @property
    def home_visit_made(self) -> bool:
        return self._home_visit is not None

    def made(self) -> tuple[Holder, ...]:
        """The flows made when first used, so far (see __init__)."""
        flows = (self._booking, self._mine, self._question, self._home_visit)
        return tuple(flow for flow in flows if flow is not None)

    def holders(self) -> tuple[Holder, ...]:
        return (self.apply, self.progress, self.suggestions, *self.made())

    def holds_personal_data(self) -> bool:
        return any(holder.holds_personal_data() for holder in self.holders())

    def route_card(self) -> CardRoute:
        """A card was read: the flow whose identify step waits for one gets it (an
        application, a booking, 我的预约, a question, a home visit request), else the progress
        screen if it waits for one; otherwise it goes to 为您推荐, which keeps the holder's age
        only. The session keeps no copy: the flow that takes it keeps what it needs, and only
        while it needs it."""
        if self.apply.wants_card:
            return CardRoute.APPLICATION
        waiting = (
            (self._booking, CardRoute.BOOKING),
            (self._mine, CardRoute.MY_APPOINTMENTS),
            (self._question, CardRoute.QUESTION),
            (self._home_visit, CardRoute.HOME_VISIT),
        )
        for flow, route in waiting:
            if flow is not None and flow.wants_card:
                return route
        if self.progress.waiting:
            return CardRoute.PROGRESS
        return CardRoute.SUGGESTIONS

    @staticmethod
    def progress_query(identity: Identity) -> ProgressQuery | None:
        """The query a card on the progress screen asks: all the holder's cases (None for
        a card whose number the kiosk cannot decode: see `ProgressLookup.unreadable_card`)."""
        if not identity.decoded:
            return None
        return ApplicantQuery(ID_TYPES[identity.kind], identity.id_number)

    def wipe(self) -> tuple[Effect, ...]:
        """The visit is over: nothing personal stays."""
        effects = self.apply.wipe()
        self.progress.wipe()
        self.suggestions.wipe()
        for flow in self.made():
            flow.wipe()
        return effects
