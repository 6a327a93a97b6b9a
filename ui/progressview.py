"""进度查询 as the screen sees it: the receipt's QR code scanned, a number typed with the last
4 characters of the ID number, or an ID card; and the answer.

Each query gets a number that comes back with its answer: the screen shows only the answer
to the query it is waiting for. Queries wait in line on the sync worker (behind a delivery,
a slow platform), so an answer may come after the resident who asked has left; it must
never reach the next one.

Signals:
    changed: `state`, the rows of `cases` or the message (`messageCode`, `messageArgs`)
        changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from devices.idcard.identity import Identity
from kiosk.messages import NONE, Message
from kiosk.progressquery import (
    NumberQuery,
    ProgressQuery,
    normalise_number,
    normalise_tail,
    read_progress_link,
)
from kiosk.visit import ProgressLookup, ResidentSession
from ui.outboxworker import OutboxService
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel
from ui.visitview import VisitModel

if TYPE_CHECKING:  # kiosk.progress pulls in requests: not at start-up
    from kiosk.progress import CaseProgress, ProgressAnswer

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

# No answer by then and the resident hears the platform cannot be reached: the sync worker
# may be stuck (a query can take two platform requests of up to 13 s each, behind a
# delivery), and a screen that says "looking up" for ever helps nobody.
ANSWER_BOUND_MS = 20_000


@dataclass(frozen=True)
class TimelineRoles:
    """One step of a case's timeline as QML delegates read it (roles status, at, note)."""

    status: str
    at: str
    note: str


@QmlElement
@QmlUncreatable("a case's timeline")
class TimelineRows(RowModel):
    """The steps of one case, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TimelineRoles, parent)


@dataclass(frozen=True)
class CaseRoles:
    """A case as QML delegates read it (roles number, itemName, status, pending, timeline,
    question, reply, replyBy, replyAt)."""

    number: str
    item_name: str
    status: str
    pending: bool  # still in this terminal's outbox (待上传)
    timeline: TimelineRows
    question: bool  # a question for the hotline (留言咨询)
    reply: str  # its answer ("" until there is one)
    reply_by: str
    reply_at: str


@QmlElement
@QmlUncreatable("the progress view model's cases")
class CaseRows(RowModel):
    """The cases of the answer shown; each brings its timeline as a model of its own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CaseRoles, parent)

    def show(self, cases: Sequence[CaseProgress]) -> None:
        """Replace the rows by these cases; the timelines of the old rows are deleted."""
        from kiosk.progress import Reply  # with its answer, the module is loaded already

        old = self.rows()
        rows = []
        for case in cases:
            timeline = TimelineRows(self)
            timeline.set_rows([TimelineRoles(*step) for step in case.timeline])
            reply = case.reply or Reply("", "", "")
            rows.append(
                CaseRoles(
                    *(case.number, case.item_name, case.status, case.pending, timeline),
                    *(case.question, reply.text, reply.by, reply.at),
                )
            )
        self.set_rows(rows)
        for row in old:
            row.timeline.deleteLater()


@QmlElement
@QmlUncreatable("built by the composition root")
class ProgressViewModel(QObject):
    """The query and its answer live in the resident's session (`ProgressLookup`): this
    view shows them, asks the sync worker, and bounds the wait. A card reaches it only
    when the session routes it here (the screen waits for one)."""

    changed = Signal()

    def __init__(
        self,
        service: OutboxService | None,
        link_pattern: str,
        parent: QObject | None = None,
        *,
        answer_bound_ms: int = ANSWER_BOUND_MS,
        visit: VisitModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._link_pattern = link_pattern  # the receipt QR's link (settings.ui)
        # Without a session of its own (a screen tested alone) it keeps a private lookup.
        self._lookup: ProgressLookup = visit.session.progress if visit else ProgressLookup()
        self._cases = CaseRows(self)
        self._shown: ProgressAnswer | None = None  # the answer the rows of `cases` hold
        self.changed.connect(self._show_cases)
        self._bound = QTimer(self)
        self._bound.setSingleShot(True)
        self._bound.setInterval(answer_bound_ms)
        self._bound.timeout.connect(self._on_no_answer)
        if visit is not None:
            visit.progressCard.connect(self.card)
            visit.wiped.connect(self._on_wiped)
        if service is not None:
            service.progressReady.connect(self._on_answer)

    @Property(str, notify=changed)
    def state(self) -> str:
        """ "" | searching | answered."""
        lookup = self._lookup
        if lookup.searching:
            return "searching"
        return "answered" if lookup.answer is not None or lookup.offline else ""

    def _get_cases(self) -> CaseRows:
        return self._cases

    cases = Property(CaseRows, _get_cases, constant=True)

    @Slot()
    def _show_cases(self) -> None:
        """The rows follow the lookup's answer (first to hear `changed`: see __init__)."""
        answer = self._lookup.answer
        if answer is not self._shown:
            self._shown = answer
            self._cases.show(answer.cases if answer is not None else ())

    def _said(self) -> Message:
        """Why there are no cases to show (NONE: nothing to say)."""
        if self._lookup.offline:
            from kiosk.progress import OFFLINE  # its imports came with the sync worker

            return OFFLINE
        if self._lookup.refused:
            return self._lookup.refused
        answer = self._lookup.answer
        return answer.message if answer is not None else NONE

    messageCode = Property(str, lambda self: self._said().code, notify=changed)
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]  # Words.say() takes list<string>
        lambda self: list(self._said().args),
        notify=changed,
    )

    available = Property(bool, lambda self: self._service is not None, constant=True)

    @Slot(bool)
    def setActive(self, active: bool) -> None:
        """The progress screen is showing: scans and cards are for it."""
        self._lookup.waiting = active

    @Slot(str, str)
    def lookup(self, number: str, id_tail: str) -> None:
        """A number typed from the receipt, with the last 4 characters of the ID number."""
        self._ask(NumberQuery(normalise_number(number), normalise_tail(id_tail)))

    @Slot(str, result=bool)
    def tailValid(self, text: str) -> bool:
        return bool(normalise_tail(text))

    @Slot(str)
    def scanned(self, code: str) -> None:
        if self._lookup.waiting:
            self._ask(read_progress_link(self._link_pattern, code))

    @Slot(object)
    def card(self, identity: Identity) -> None:
        """A card the session routed here (or, alone, any card while the screen shows)."""
        if not self._lookup.waiting:
            return
        query = ResidentSession.progress_query(identity)
        if query is None:
            self._lookup.unreadable_card()
            self.changed.emit()
            return
        self._ask(query)

    def _ask(self, query: ProgressQuery) -> None:
        if self._service is None:
            return
        number = self._lookup.ask(query)
        self.changed.emit()
        self._bound.start()
        self._service.requestProgress.emit(number, query)

    @Slot(int, object)
    def _on_answer(self, number: int, answer: ProgressAnswer) -> None:
        if self._lookup.answered(number, answer):
            self._bound.stop()
            self.changed.emit()
        # otherwise for an earlier query: its resident may have left, the next one is here

    @Slot()
    def _on_no_answer(self) -> None:
        self._lookup.no_answer()  # the answer, should it still come, is dropped
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """Leaving the screen: forget the answer, and drop the answer to any query still on
        its way."""
        self._lookup.wipe()
        self._on_wiped(())

    @Slot(object)
    def _on_wiped(self, _effects: object) -> None:
        self._bound.stop()
        self.changed.emit()
