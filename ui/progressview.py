"""进度查询 as the screen sees it: the receipt's QR code scanned, a number typed with the last
4 characters of the ID number, or an ID card; and the answer.

Each query gets a number that comes back with its answer: the screen shows only the answer
to the query it is waiting for. Queries wait in line on the sync worker (behind a delivery,
a slow platform), so an answer may come after the resident who asked has left; it must
never reach the next one.

Signals:
    changed: `state`, `cases` or the message (`messageCode`, `messageArgs`) changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from devices.idcard.identity import Identity
from kiosk.messages import NONE, Message
from kiosk.progressquery import (
    ApplicantQuery,
    NumberQuery,
    ProgressQuery,
    normalise_number,
    normalise_tail,
    read_progress_link,
)
from kiosk.submission import ID_TYPES
from ui.outboxworker import OutboxService

if TYPE_CHECKING:  # kiosk.progress pulls in requests: not at start-up
    from kiosk.progress import ProgressAnswer

# No answer by then and the resident hears the platform cannot be reached: the sync worker
# may be stuck (a query can take two platform requests of up to 13 s each, behind a
# delivery), and a screen that says "looking up" for ever helps nobody.
ANSWER_BOUND_MS = 20_000


class ProgressViewModel(QObject):
    changed = Signal()

    def __init__(
        self,
        service: OutboxService | None,
        link_pattern: str,
        parent: QObject | None = None,
        *,
        answer_bound_ms: int = ANSWER_BOUND_MS,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._link_pattern = link_pattern  # the receipt QR's link (settings.ui)
        self._active = False
        self._asked = 0  # the number of the query whose answer the screen waits for
        self._bound = QTimer(self)
        self._bound.setSingleShot(True)
        self._bound.setInterval(answer_bound_ms)
        self._bound.timeout.connect(self._on_no_answer)
        self._state = ""  # "" | searching | answered
        self._cases: list[dict[str, Any]] = []
        self._message: Message = NONE  # why there are no cases to show
        if service is not None:
            service.progressReady.connect(self._on_answer)

    state = Property(str, lambda self: self._state, notify=changed)
    cases = Property(list, lambda self: self._cases, notify=changed)
    messageCode = Property(str, lambda self: self._message.code, notify=changed)
    messageArgs = Property(list, lambda self: list(self._message.args), notify=changed)
    available = Property(bool, lambda self: self._service is not None, constant=True)

    @Slot(bool)
    def setActive(self, active: bool) -> None:
        """The progress screen is showing: scans and cards are for it."""
        self._active = active

    @Slot(str, str)
    def lookup(self, number: str, id_tail: str) -> None:
        """A number typed from the receipt, with the last 4 characters of the ID number."""
        self._ask(NumberQuery(normalise_number(number), normalise_tail(id_tail)))

    @Slot(str, result=bool)
    def tailValid(self, text: str) -> bool:
        return bool(normalise_tail(text))

    @Slot(str)
    def scanned(self, code: str) -> None:
        if self._active:
            self._ask(read_progress_link(self._link_pattern, code))

    @Slot(object)
    def card(self, identity: Identity) -> None:
        if self._active:
            self._ask(ApplicantQuery(ID_TYPES[identity.kind], identity.id_number))

    def _ask(self, query: ProgressQuery) -> None:
        if self._service is None:
            return
        self._asked += 1
        self._state, self._cases, self._message = "searching", [], NONE
        self.changed.emit()
        self._bound.start()
        self._service.requestProgress.emit(self._asked, query)

    @Slot(int, object)
    def _on_answer(self, number: int, answer: ProgressAnswer) -> None:
        if number != self._asked or self._state != "searching":
            return  # for an earlier query: its resident may have left, the next one is here
        self._bound.stop()
        self._state = "answered"
        self._message = answer.message
        self._cases = [
            {
                "number": case.number,
                "itemName": case.item_name,
                "status": case.status,
                "pending": case.pending,
                "timeline": [
                    {"status": status, "at": at, "note": note} for status, at, note in case.timeline
                ],
            }
            for case in answer.cases
        ]
        self.changed.emit()

    @Slot()
    def _on_no_answer(self) -> None:
        from kiosk.progress import OFFLINE  # its imports came with the sync worker

        self._asked += 1  # the answer, should it still come, is dropped
        self._state, self._cases, self._message = "answered", [], OFFLINE
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """Leaving the screen or the session's end: forget the answer, and drop the answer
        to any query still on its way."""
        self._asked += 1
        self._bound.stop()
        self._active = False
        self._state, self._cases, self._message = "", [], NONE
        self.changed.emit()
