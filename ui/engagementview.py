"""政民互动 as the screens see it: the announcements shown today, one announcement's page,
and the open surveys, one of them being answered.

The announcements and surveys are loaded and synced by the catalog worker
(ui/catalogworker.py) and swapped in whole. What is shown depends on the day (Beijing
time), read again whenever a list is shown and every few minutes: an announcement expires
at midnight even on a kiosk that was never restarted, on the screen between residents too.

A survey's answer goes to the submit worker's outbox (ui/outboxworker.py), anonymous
(kiosk/engagement/survey.py). A session answers each survey once: which ones it answered
is kept here, in memory only, and forgotten with the session.

Signals:
    changed: the lists, the open announcement or the survey being answered changed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot

from kiosk.hours import STATION_ZONE
from kiosk.messages import NONE, Message
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

if TYPE_CHECKING:  # the engagement package is loaded by the catalog worker, not at start-up
    from kiosk.engagement.model import Announcement, Engagement, Survey, SurveyQuestion
    from kiosk.engagement.survey import Answer
    from ui.outboxworker import OutboxService

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

DAY_CHECK_MS = 5 * 60 * 1000  # how often the lists look whether the day has changed


def beijing_today() -> datetime.date:
    return datetime.datetime.now(STATION_ZONE).date()


# Roles are named apart from QML's own words and from the properties of the delegates that
# show them (`id`, a button's `title`): an announcement's or a survey's id is its `code`.
@dataclass(frozen=True)
class AnnouncementRow:
    """One row of the announcements list (a model role each)."""

    code: str
    kind: str  # policy, notice (kiosk/engagement/model.py KINDS)
    heading: str
    source: str
    published: str  # YYYY-MM-DD


@dataclass(frozen=True)
class SurveyRow:
    """One row of the open surveys list (a model role each)."""

    code: str
    heading: str
    source: str
    closes: str  # YYYY-MM-DD, the last day answers are taken
    answered: bool  # in this session


@dataclass(frozen=True)
class QuestionRow:
    """One question of the survey being answered, with what the resident chose or typed."""

    number: int  # 1-based
    code: str
    kind: str  # single, multiple, text
    question: str
    optional: bool
    options: tuple[str, ...]
    chosen: tuple[str, ...]
    written: str


@QmlElement
@QmlUncreatable("an enum")
class SurveyStep(QObject):
    """Where the survey being answered stands."""

    @QEnum
    class Value(IntEnum):
        NoSurvey = 0
        Answering = 1
        Sending = 2  # until the answer is on disk
        Thanks = 3
        Answered = 4  # opened again in the session that answered it


@QmlElement
@QmlUncreatable("the engagement view model's lists")
class EngagementRows(RowModel):
    """Announcements, surveys, a survey's questions."""


@QmlElement
@QmlUncreatable("built by the composition root")
class EngagementViewModel(QObject):
    changed = Signal()

    def __init__(
        self,
        service: OutboxService | None,
        parent: QObject | None = None,
        *,
        today: Callable[[], datetime.date] = beijing_today,
    ) -> None:
        """`service` stores survey answers (None: the station takes none, surveys are not
        offered); `today` is the day in Beijing."""
        super().__init__(parent)
        self._service = service
        self._today = today
        self._engagement: Engagement | None = None
        self._announcement: Announcement | None = None
        self._survey: Survey | None = None
        self._answers: dict[str, Answer] = {}
        self._answered: set[str] = set()  # this session's, in memory only
        self._sending = ""  # the survey whose answer is being stored for this session
        self._step = SurveyStep.Value.NoSurvey
        self._unanswered = 0
        self._problem: Message = NONE
        self.announcement_rows = EngagementRows(AnnouncementRow, self, key=lambda row: row.code)
        self.survey_rows = EngagementRows(SurveyRow, self, key=lambda row: row.code)
        self.question_rows = EngagementRows(QuestionRow, self, key=lambda row: row.code)
        # The lists follow the day between residents too (the screen between them shows
        # today's announcements): looked at again every few minutes, a few microseconds.
        self._day_check = QTimer(self)
        self._day_check.setInterval(DAY_CHECK_MS)
        self._day_check.timeout.connect(self._follow_the_day)
        self._day_check.start()
        self._shown_on = self._today()
        if service is not None:
            service.surveyStored.connect(self._on_stored)
            service.surveyRefused.connect(self._on_refused)

    # -- the document in use ------------------------------------------------------------------
    def set_engagement(self, engagement: Engagement) -> None:
        """Swap in new announcements and surveys (built off the GUI thread). A page or a
        survey on screen stays as it was opened, even if the update dropped it."""
        self._engagement = engagement
        self.refresh()

    def _follow_the_day(self) -> None:
        if self._today() != self._shown_on:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Show what is current today (called as the lists come on screen, and when the day
        changes)."""
        engagement, today = self._engagement, self._today()
        self._shown_on = today
        shown = engagement.current_announcements(today) if engagement else []
        self.announcement_rows.set_rows(
            [AnnouncementRow(a.id, a.kind, a.title, a.source, a.published.isoformat())
             for a in shown]
        )  # fmt: skip
        surveys = engagement.open_surveys(today) if engagement and self._service else []
        self.survey_rows.set_rows(
            [SurveyRow(s.id, s.title, s.source, s.closes.isoformat(), s.id in self._answered)
             for s in surveys]
        )  # fmt: skip
        self.changed.emit()

    @Property(bool, notify=changed)
    def sample(self) -> bool:
        return bool(self._engagement and self._engagement.sample)

    def _get_announcements(self) -> EngagementRows:
        return self.announcement_rows

    def _get_surveys(self) -> EngagementRows:
        return self.survey_rows

    def _get_questions(self) -> EngagementRows:
        return self.question_rows

    def _newest(self, name: str) -> str:
        rows = self.announcement_rows.rows()
        return str(getattr(rows[0], name)) if rows else ""

    # The newest announcement (the home screen shows it); "" when there is none today.
    newestId = Property(str, lambda self: self._newest("code"), notify=changed)
    newestTitle = Property(str, lambda self: self._newest("heading"), notify=changed)
    newestPublished = Property(str, lambda self: self._newest("published"), notify=changed)

    # Today's announcements, the newest first; the open surveys, the one closing soonest first.
    announcements = Property(EngagementRows, _get_announcements, constant=True)
    surveys = Property(EngagementRows, _get_surveys, constant=True)

    # -- one announcement -----------------------------------------------------------------------
    @Slot(str, result=bool)
    def open(self, announcement_id: str) -> bool:
        """Show one announcement; False when it is no longer shown (expired, withdrawn)."""
        today = self._today()
        found = [
            a for a in (self._engagement.announcements if self._engagement else ())
            if a.id == announcement_id and a.current(today)
        ]  # fmt: skip
        if not found:
            return False
        self._announcement = found[0]
        self.changed.emit()
        return True

    def _field(self, name: str) -> str:
        value = getattr(self._announcement, name, "") if self._announcement else ""
        return value.isoformat() if isinstance(value, datetime.date) else str(value)

    title = Property(str, lambda self: self._field("title"), notify=changed)
    body = Property(str, lambda self: self._field("body"), notify=changed)
    source = Property(str, lambda self: self._field("source"), notify=changed)
    kind = Property(str, lambda self: self._field("kind"), notify=changed)
    published = Property(str, lambda self: self._field("published"), notify=changed)
    expires = Property(str, lambda self: self._field("expires"), notify=changed)
    # The full text on the web, shown as a QR code to read on a phone (never loaded here).
    link = Property(str, lambda self: self._field("link"), notify=changed)

    # -- one survey ---------------------------------------------------------------------------
    @Property(bool, constant=True)
    def canAnswer(self) -> bool:
        """Surveys are offered only where answers can be stored (a platform is set)."""
        return self._service is not None

    @Slot(str, result=bool)
    def openSurvey(self, survey_id: str) -> bool:
        """Start answering a survey; False when it takes no answers now (closed, withdrawn)."""
        today = self._today()
        found = [
            s for s in (self._engagement.surveys if self._engagement else ())
            if s.id == survey_id and s.current(today)
        ]  # fmt: skip
        if not found or self._service is None:
            return False
        self._survey = found[0]
        self._answers = {}
        self._unanswered = 0
        self._problem = NONE
        # Answered, or being stored (left with 首页 while it was): once per session.
        answered = survey_id in self._answered or survey_id == self._sending
        self._step = SurveyStep.Value.Answered if answered else SurveyStep.Value.Answering
        self._show_questions()
        return True

    def _show_questions(self) -> None:
        from kiosk.engagement.survey import chosen  # with the first survey, not at start-up

        survey = self._survey
        rows = []
        for number, question in enumerate(survey.questions if survey else (), 1):
            answer = self._answers.get(question.id)
            rows.append(
                QuestionRow(
                    number, question.id, question.kind, question.text, not question.required,
                    question.options, chosen(question, answer),
                    answer if isinstance(answer, str) else "",
                )
            )  # fmt: skip
        self.question_rows.set_rows(rows)
        self.changed.emit()

    def _question(self, question_id: str) -> SurveyQuestion | None:
        survey = self._survey
        return next((q for q in survey.questions if q.id == question_id), None) if survey else None

    @Slot(str, str)
    def choose(self, question_id: str, option: str) -> None:
        """A tap on an option: a single choice replaces, a multiple choice toggles."""
        from kiosk.engagement.survey import toggle

        question = self._question(question_id)
        if self._step != SurveyStep.Value.Answering or question is None:
            return
        self._answers[question_id] = toggle(question, self._answers.get(question_id), option)
        self._unanswered = 0
        self._show_questions()

    @Slot(str, str)
    def write(self, question_id: str, text: str) -> None:
        """What the resident typed for a short-text question (kept as typed until sent)."""
        from kiosk.engagement.model import MAX_TEXT_ANSWER, TEXT

        question = self._question(question_id)
        if self._step != SurveyStep.Value.Answering or question is None:
            return
        if question.kind == TEXT:
            self._answers[question_id] = text[: 2 * MAX_TEXT_ANSWER]
            self._show_questions()

    @Slot()
    def submit(self) -> None:
        """提交: every required question answered, then the answer goes to the outbox."""
        from kiosk.engagement.survey import first_unanswered

        survey = self._survey
        if survey is None or self._service is None or self._step != SurveyStep.Value.Answering:
            return
        self._unanswered = first_unanswered(survey, self._answers)
        self._problem = NONE
        if self._unanswered:
            self.changed.emit()
            return
        self._step = SurveyStep.Value.Sending
        self._sending = survey.id
        self.changed.emit()
        self._service.requestSurvey.emit(survey, dict(self._answers))

    def _on_stored(self, survey_id: str) -> None:
        if survey_id != self._sending:
            return  # stored for a session that has ended meanwhile
        self._sending = ""
        self._answered.add(survey_id)
        if self._survey is not None and self._survey.id == survey_id:
            self._answers = {}  # what was answered is the outbox's now, and anonymous
            self._step = SurveyStep.Value.Thanks
            self._show_questions()
        self.refresh()

    def _on_refused(self, survey_id: str, problem: Message) -> None:
        if survey_id != self._sending:
            return  # refused for a session that has ended meanwhile
        self._sending = ""
        if self._survey is not None and self._survey.id == survey_id:
            self._step = SurveyStep.Value.Answering
            self._problem = problem
            self.changed.emit()

    surveyStep = Property(int, lambda self: self._step, notify=changed)
    surveyId = Property(str, lambda self: self._survey.id if self._survey else "", notify=changed)
    surveyTitle = Property(
        str, lambda self: self._survey.title if self._survey else "", notify=changed
    )
    surveyIntro = Property(
        str, lambda self: self._survey.intro if self._survey else "", notify=changed
    )
    surveySource = Property(
        str, lambda self: self._survey.source if self._survey else "", notify=changed
    )
    surveyCloses = Property(
        str, lambda self: self._survey.closes.isoformat() if self._survey else "", notify=changed
    )
    questions = Property(EngagementRows, _get_questions, constant=True)
    # The number of the first required question left unanswered at 提交 (0: none).
    unanswered = Property(int, lambda self: self._unanswered, notify=changed)
    messageCode = Property(str, lambda self: self._problem.code, notify=changed)
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]  # Words.say() takes list<string>
        lambda self: list(self._problem.args),
        notify=changed,
    )

    @Slot()
    def closeSurvey(self) -> None:
        """The survey screen is left: what was chosen and typed goes."""
        self._survey = None
        self._answers = {}
        self._unanswered = 0
        self._problem = NONE
        self._step = SurveyStep.Value.NoSurvey
        self._show_questions()

    @Slot()
    def reset(self) -> None:
        """End of session: the open page, the answers and which surveys were answered go."""
        self._announcement = None
        self._answered.clear()
        self._sending = ""
        self.closeSurvey()
        self.refresh()
