"""The resident's session (`kiosk.visit.ResidentSession`) on the GUI thread: where a card
read arrives and where the session is wiped, once.

The view models of the flows hold no personal data of their own: they read it from the
session's flows and listen here for a card meant for them and for the wipe.

Signals:
    applicationCard(Identity): a card read while the identify step waited for one.
    progressCard(Identity): a card read while the progress screen waited for one.
    bookingCard(Identity): a card read while a booking's identify step waited for one.
    myAppointmentsCard(Identity): a card read while 我的预约 waited for one.
    questionCard(Identity): a card read while a question's identify step waited for one.
    homeVisitCard(Identity): a card read while a home visit request waited for the card of
        the person to be visited.
    suggestionsCard(int): a card nobody waited for, with a birth date: 为您推荐 for this age
        (`ResidentSession.suggestions` keeps the age, nothing else of the card).
    wiped(tuple): the session was wiped; carries the effects of the application flow to
        stop (the camera, its waits). Views re-read and find nothing.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QObject, Signal, Slot

from devices.idcard.identity import Identity
from kiosk.hours import STATION_ZONE
from kiosk.visit import CardRoute, ResidentSession


class VisitModel(QObject):
    applicationCard = Signal(object)
    progressCard = Signal(object)
    bookingCard = Signal(object)
    myAppointmentsCard = Signal(object)
    questionCard = Signal(object)
    homeVisitCard = Signal(object)
    suggestionsCard = Signal(int)
    wiped = Signal(object)

    def __init__(self, session: ResidentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    @Slot(object)
    def card(self, identity: Identity) -> None:
        """From the card reader (through the device hub): the session decides whose it is."""
        receivers = {
            CardRoute.APPLICATION: self.applicationCard,
            CardRoute.PROGRESS: self.progressCard,
            CardRoute.BOOKING: self.bookingCard,
            CardRoute.MY_APPOINTMENTS: self.myAppointmentsCard,
            CardRoute.QUESTION: self.questionCard,
            CardRoute.HOME_VISIT: self.homeVisitCard,
        }
        route = self.session.route_card()
        receiver = receivers.get(route)
        if receiver is not None:
            receiver.emit(identity)
        elif route is CardRoute.SUGGESTIONS:
            suggestions = self.session.suggestions
            if suggestions.offer(identity, datetime.datetime.now(STATION_ZONE).date()):
                assert suggestions.age is not None
                self.suggestionsCard.emit(suggestions.age)

    @Slot()
    def wipe(self) -> None:
        """The session's end: everything personal goes, in one call."""
        self.wiped.emit(self.session.wipe())
