"""The sync worker: drains the outbox to the platform on its own thread, and sends the
terminal's heartbeat. The GUI thread only nudges it and hears what was delivered.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import math
import secrets
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Property, QObject, QThread, QTimer, Signal, Slot

from kiosk import __version__
from kiosk.health import StationHealth, TerminalHealth
from kiosk.messages import Message, message
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

if TYPE_CHECKING:
    from kiosk.appointments.calls import Call
    from kiosk.audit import AuditTrail
    from kiosk.delivery import Deliverer, Step
    from kiosk.district.client import PlatformClient, Result
    from kiosk.engagement.model import Survey
    from kiosk.engagement.survey import Answer
    from kiosk.homevisits.request import HomeVisit
    from kiosk.outbox import Outbox
    from kiosk.progress import TailAttempts
    from kiosk.progressquery import ProgressQuery
    from kiosk.questions.question import Question
    from kiosk.submission import Finished, Submitter
    from kiosk.usage import UsageFigure, UsageStore


QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

Stored = TypeVar("Stored")  # what a submission is stored as: apply number(s)

ANSWER_WAIT_S = 4.0  # a resident waits this long for the case number, then gets 待上传
FAILED_STEP_MS = 60_000  # after a step that failed unexpectedly, the next try
LONGEST_WAIT_MS = 3600 * 1000  # no delivery wait is longer (the client bounds Retry-After)
# How long the kiosk's stop waits for each worker thread. The sync thread has been hung up
# on the platform by then, so only a connection being opened (the name's lookup, which
# nothing can cut short, then up to 3 s per address) or SQLite holds it up.
STOP_WAIT_S = 10
STOP_WAIT_MS = STOP_WAIT_S * 1000


class OutboxWorker(QObject):
    """Lives on the sync thread; opens the outbox, the audit trail and the platform client
    there, from the factories it is given.

    Signals:
        delivered(str, str): apply number and the platform's case number.
        quarantined(str, str): apply number and why it was refused (for staff).
        quarantineListed(list): at start, (kind, apply number, reason) of rows refused
            before (staff must see them until they are dealt with).
        depthChanged(int): submissions still waiting to go out.
        answered(str, str): apply number and case number ("" if the platform did not
            answer within ANSWER_WAIT_S: the case stays 待上传 and goes later).
        progressReady(int, ProgressAnswer): the answer to 进度查询 number so-and-so.
        appointmentAnswered(Call, Result): the platform's answer to a call of the
            appointment flows (kiosk/appointments/calls.py).
        startFailed(str): the worker could not start (key files, outbox, platform address):
            nothing will be delivered until staff fix it; the reason is for them.
        troubleChanged(str): why delivery keeps failing unexpectedly while the worker runs
            (for staff; it tries again every FAILED_STEP_MS), or "" once a step works again.
        measured(TerminalHealth): what a heartbeat is about to send (for the metrics).
        answeredKind(str, str): the platform took ("accepted") or refused ("refused") an
            outbox row of this kind (kiosk.outbox.KINDS), for the metrics.
        backlogChanged(int, float): with every depthChanged, the depth and since when the
            oldest row waits (seconds since the epoch; 0 with nothing waiting).
        platformChecked(PlatformProbe): the self-check's heartbeat: how it went, its round
            trip and the platform's clock (kiosk/selfcheck.py).
    """

    answered = Signal(str, str)
    startFailed = Signal(str)
    delivered = Signal(str, str)
    quarantined = Signal(str, str)
    quarantineListed = Signal(list)
    depthChanged = Signal(int)
    progressReady = Signal(int, object)  # the query's number, ProgressAnswer
    appointmentAnswered = Signal(object, object)  # Call, Result
    troubleChanged = Signal(str)
    measured = Signal(object)
    answeredKind = Signal(str, str)
    backlogChanged = Signal(int, float)
    platformChecked = Signal(object)

    def __init__(
        self,
        outbox: Callable[[], Outbox],
        audit: Callable[[], AuditTrail],
        platform: Callable[[], PlatformClient],
        usage: Callable[[], UsageStore] | None = None,
    ) -> None:
        super().__init__()
        self._open = (outbox, audit, platform)
        self._open_usage = usage
        self._usage: UsageStore | None = None
        self._told: tuple[int, float] | None = None  # the backlog last told the GUI thread
        self._deliverer: Deliverer | None = None
        self._audit: AuditTrail | None = None
        self._attempts: TailAttempts | None = None  # made on the sync thread
        self._timer: QTimer | None = None
        self._trouble = ""
        # Appointment calls whose resident has gone (the wipe, the screen left) before their
        # answer: not sent if still queued. Added from the GUI thread; each is removed when
        # this thread comes to it, so none outlives its call.
        self._abandoned: list[Call] = []
        self._abandoned_lock = threading.Lock()
        self._client: PlatformClient | None = None
        self._hung_up = False  # set from the GUI thread: the kiosk is stopping

    def hang_up(self) -> None:
        """From the GUI thread, before `stop`: the platform exchange in flight ends now, not
        when its answer or its deadline (up to 13 s) comes, and no other one starts. Without
        it, a stop during a slow exchange outwaits the GUI thread's wait for this thread."""
        self._hung_up = True
        client = self._client
        if client is not None:
            client.hang_up()

    @Slot()
    def start(self) -> None:
        from kiosk.delivery import Deliverer  # requests and cryptography: off the GUI thread

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.step)
        open_outbox, open_audit, connect_platform = self._open
        outbox = None
        try:
            outbox = open_outbox()
            audit = open_audit()
            client = connect_platform()
        except Exception as error:  # whatever stops it, staff must hear why
            if outbox is not None:
                outbox.close()
            reason = f"{type(error).__name__}: {error}"  # paths and settings, no personal data
            log.error("outbox cannot start: %s", reason)
            self.startFailed.emit(reason)
            return
        self._audit = audit
        self._client = client
        if self._hung_up:  # hang_up() came while the client was being made
            client.hang_up()
        self._deliverer = Deliverer(outbox, client)
        if self._open_usage is not None:
            try:
                self._usage = self._open_usage()
            except Exception as error:  # delivery goes on without the usage figures
                log.error("usage figures are not kept: %s: %s", type(error).__name__, error)
        self.quarantineListed.emit(outbox.quarantined())
        self._tell_depth()
        self._timer.start(0)

    def _tell_depth(self, *, changed_only: bool = False) -> None:
        """The outbox's depth and its oldest waiting row, to the GUI thread (with
        `changed_only`, only if either changed since last told)."""
        assert self._deliverer is not None
        outbox = self._deliverer.outbox
        depth = outbox.depth()
        now = time.time()
        oldest_since = round(now - outbox.oldest_age_s(now), 3) if depth else 0.0
        if changed_only and (depth, oldest_since) == self._told:
            return
        self._told = (depth, oldest_since)
        self.depthChanged.emit(depth)
        self.backlogChanged.emit(depth, oldest_since)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._deliverer is not None:
            self._deliverer.client.close()
            self._deliverer.outbox.close()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    @Slot()
    def nudge(self) -> None:
        """Something was just submitted: try now instead of at the next poll."""
        if self._timer is not None and self._deliverer is not None:
            self._timer.start(0)

    @Slot()
    def step(self) -> None:
        """One delivery attempt; the next is scheduled through the event loop, so a stop or
        a nudge is never stuck behind a long drain. Whatever goes wrong, the timer is armed
        again: one bad step must not stop delivery for good."""
        assert self._deliverer is not None
        assert self._timer is not None
        next_ms = FAILED_STEP_MS
        try:
            next_ms = self._step()
        except Exception as error:  # staff hear of it, the next step retries
            self._report_trouble("delivery", error)
        else:
            self._set_trouble("")
        finally:
            self._timer.start(next_ms)

    def _step(self) -> int:
        """One step; returns when to take the next, in milliseconds."""
        assert self._deliverer is not None
        step = self._deliverer.step()
        self._count(step)
        if step.state == "delivered":
            self.delivered.emit(step.apply_no, step.reference)
        elif step.state == "quarantined":
            log.error("submission %s quarantined: %s", step.apply_no, step.detail)
            self.quarantined.emit(step.apply_no, step.detail)
        if step.state in ("delivered", "quarantined"):
            self._tell_depth()
        else:
            # A row stored meanwhile (a rating, or a case while the platform is away): its
            # depth and age are seen now, not at the next heartbeat.
            self._tell_depth(changed_only=True)
        if step.state == "waiting":
            log.info("outbox: waiting %.1f s (%s)", step.wait_s, step.detail)
        return _wait_ms(self._deliverer.next_step_in(step))

    def _count(self, step: Step) -> None:
        if step.state == "delivered":
            self.answeredKind.emit(step.kind, "accepted")
        elif step.state == "quarantined":
            self.answeredKind.emit(step.kind, "refused")

    def _report_trouble(self, what: str, error: Exception) -> None:
        """Log an unexpected failure and tell staff. Only the exception's type and where it
        came from: its message may carry what a submission holds."""
        where = traceback.extract_tb(error.__traceback__)[-1]
        reason = f"{type(error).__name__} at {Path(where.filename).name}:{where.lineno}"
        log.error("outbox %s failed unexpectedly: %s", what, reason)
        self._set_trouble(f"{what} failed unexpectedly ({reason}); retrying")

    def _set_trouble(self, trouble: str) -> None:
        if trouble != self._trouble:
            self._trouble = trouble
            self.troubleChanged.emit(trouble)

    @Slot(list)
    def deliver_now(self, apply_nos: list[str]) -> None:
        """A resident waits at the screen for these case numbers (one, or a bundle's, in
        the order stored): try at once (a few seconds at most) and answer each with its
        number, or with "" (待上传); the rest goes on in the background."""
        if self._deliverer is None:
            for apply_no in apply_nos:
                self.answered.emit(apply_no, "")
            return
        try:
            case_nos = self._deliver_now(apply_nos)
        except Exception as error:  # the resident gets 待上传, staff the reason
            self._report_trouble("delivery", error)
            assert self._timer is not None
            self._timer.start(FAILED_STEP_MS)
            case_nos = [""] * len(apply_nos)
        for apply_no, case_no in zip(apply_nos, case_nos, strict=True):
            self.answered.emit(apply_no, case_no)

    def _deliver_now(self, apply_nos: list[str]) -> list[str]:
        assert self._deliverer is not None
        assert self._timer is not None
        outbox = self._deliverer.outbox
        # Rows leave in order: the last number's delivery takes the others' with it.
        for step in self._deliverer.deliver_now(apply_nos[-1], ANSWER_WAIT_S):
            self._count(step)
            if step.state == "delivered":
                self.delivered.emit(step.apply_no, step.reference)
            elif step.state == "quarantined":
                self.quarantined.emit(step.apply_no, step.detail)
        self._tell_depth()
        self._timer.start(0)
        return [str(outbox.reference(apply_no)) for apply_no in apply_nos]

    @Slot(int, object)
    def progress(self, number: int, query: ProgressQuery) -> None:
        """进度查询 number `number` with a ProgressQuery (kiosk/progressquery.py): always
        answers progressReady with the same number, whatever goes wrong on the way."""
        from kiosk.progress import OFFLINE, ProgressAnswer, TailAttempts, answer

        if self._deliverer is None:
            self.progressReady.emit(number, ProgressAnswer(message=OFFLINE))
            return
        if self._attempts is None:
            self._attempts = TailAttempts()
        client, outbox = self._deliverer.client, self._deliverer.outbox
        try:
            reply = answer(query, outbox, client, self._attempts)
        except Exception as error:  # a resident waits at the screen: never leave them there
            _log_failure("progress query", error)
            reply = ProgressAnswer(message=OFFLINE)
        self.progressReady.emit(number, reply)

    @Slot(object)
    def appointment(self, call: Call) -> None:
        """A call of the appointment flows (kiosk/appointments/calls.py): always answers
        appointmentAnswered with the same call, whatever goes wrong on the way."""
        from kiosk.appointments.calls import call_platform
        from kiosk.district.results import Offline

        if self._forget_abandoned(call):  # its resident left before it was sent
            return
        if self._deliverer is None:
            self.appointmentAnswered.emit(call, Offline("the platform client did not start"))
            return
        try:
            result = call_platform(self._deliverer.client, call)
        except Exception as error:  # a resident waits at the screen: never leave them there
            _log_failure("appointment call", error)
            result = Offline(f"unexpected {type(error).__name__}")
        self._forget_abandoned(call)  # abandoned while on its way: nothing kept of it
        self.appointmentAnswered.emit(call, result)

    def abandon(self, call: Call) -> None:
        """From the GUI thread: `call`, still queued, is for nobody any more (not sent)."""
        with self._abandoned_lock:
            self._abandoned.append(call)  # removed when the worker comes to it

    def _forget_abandoned(self, call: Call) -> bool:
        """Whether `call` was abandoned; either way it is no longer listed."""
        with self._abandoned_lock:
            kept = [abandoned for abandoned in self._abandoned if abandoned is not call]
            gone = len(kept) < len(self._abandoned)
            self._abandoned = kept
        return gone

    @Slot(object)
    def heartbeat(self, station: StationHealth) -> None:
        if self._deliverer is None:
            return
        try:
            self._heartbeat(station)
        except Exception as error:  # staff hear of it, the next beat retries
            self._report_trouble("heartbeat", error)

    @Slot(object)
    def check_platform(self, station: StationHealth) -> None:
        """The self-check's step: a heartbeat sent now, a real signed request (answered:
        reachable, and the terminal's secret accepted), timed, with the platform's clock."""
        from kiosk.district.client import Busy, Ok, Rejected
        from kiosk.selfcheck import PlatformProbe

        if self._deliverer is None:
            self.platformChecked.emit(
                PlatformProbe("offline", detail="the sync worker did not start (see the panel)")
            )
            return
        started, wall = time.monotonic(), time.time()
        try:
            result = self._heartbeat(station)
        except Exception as error:  # staff hear of it as "not reachable", with the type
            self._report_trouble("heartbeat", error)
            self.platformChecked.emit(PlatformProbe("offline", detail=type(error).__name__))
            return
        took = time.monotonic() - started
        probe = PlatformProbe(
            "offline", round_trip_ms=round(took * 1000), local_time=wall + took / 2
        )
        if isinstance(result, Ok):
            probe = dataclasses.replace(probe, kind="ok", server_date=result.server_date)
        elif isinstance(result, Rejected):
            probe = dataclasses.replace(
                probe,
                kind="rejected",
                server_date=result.server_date,
                status=result.status,
                code=result.code,
            )
        elif isinstance(result, Busy):
            probe = dataclasses.replace(probe, kind="busy", code=result.code)
        else:
            probe = dataclasses.replace(probe, detail=result.detail)
        self.platformChecked.emit(probe)

    def _heartbeat(self, station: StationHealth) -> Result:
        assert self._deliverer is not None
        assert self._audit is not None
        outbox = self._deliverer.outbox
        now = time.time()
        health = TerminalHealth(
            station=station,
            app_version=__version__,
            outbox_depth=outbox.depth(),
            oldest_pending_s=int(outbox.oldest_age_s(now)),
            audit_head=self._audit.head(),
            at=now,
            out_of_service=station.out_of_service,
        )
        self.measured.emit(health)
        result = self._deliverer.client.heartbeat(health)
        log.info("heartbeat: %s", type(result).__name__)
        if self._usage is not None:
            from kiosk.usage import report_usage

            log.info("usage figures: %s", report_usage(self._usage, self._deliverer.client))
        return result

    @Slot(object)
    def record_usage(self, figures: tuple[UsageFigure, ...]) -> None:
        """Keep the usage figures counted on the GUI thread (sent after the next heartbeat)."""
        if self._usage is None or not figures:
            return
        try:
            self._usage.add(figures)
        except Exception as error:  # counts only: logged and lost, delivery goes on
            self._report_trouble("usage figures", error)


def _log_failure(what: str, error: Exception) -> None:
    """A resident's request failed unexpectedly: the type and the line only (the message
    may quote the request or the platform's answer)."""
    where = traceback.extract_tb(error.__traceback__)[-1]
    log.error("%s failed: %s at %s:%s", what, type(error).__name__, where.filename, where.lineno)


def _wait_ms(wait_s: float) -> int:
    """A timer interval for a wait: whole milliseconds within [0, an hour], whatever came in."""
    if not math.isfinite(wait_s):
        return LONGEST_WAIT_MS
    return max(0, min(LONGEST_WAIT_MS, int(wait_s * 1000)))


class SubmitWorker(QObject):
    """Lives on its own thread: stores submissions and ratings durably. Apart from the sync
    worker, so "received" never waits behind a slow platform.

    Signals:
        accepted(list): a submission is on disk under these apply numbers (one, or a bundle's
            in order; say "received").
        refused(Message): it could not be stored; what to tell the resident.
        asked(object, str), askRefused(object, Message): the same for a question (留言咨询)
            or a home visit request (上门办理), naming the request they are about.
        waiting(list): either is on disk and a resident waits for these apply numbers to
            reach the platform.
        stored: a rating or a survey answer is on disk (the sync worker may send it).
        surveyStored(str), surveyRefused(str, Message): a survey's answer is on disk, or
            could not be stored (naming the survey).
        startFailed(str): the outbox could not be opened; the reason is for staff.
    """

    accepted = Signal(list)
    refused = Signal(Message)
    asked = Signal(object, str)
    askRefused = Signal(object, Message)
    waiting = Signal(list)
    stored = Signal()
    surveyStored = Signal(str)
    surveyRefused = Signal(str, Message)
    startFailed = Signal(str)

    def __init__(
        self,
        outbox: Callable[[], Outbox],
        audit: Callable[[], AuditTrail],
        terminal_id: str,
        area_code: str,
        *,
        survey_delay_s: float = 0.0,
    ) -> None:
        """`survey_delay_s`: a survey answer leaves between half this and this many seconds
        after it is given (kiosk/engagement/survey.py)."""
        super().__init__()
        self._open = (outbox, audit)
        self._terminal = (terminal_id, area_code)
        self._survey_delay_s = survey_delay_s
        self._submitter: Submitter | None = None

    @Slot()
    def start(self) -> None:
        from kiosk.submission import Submitter

        open_outbox, open_audit = self._open
        outbox = None
        try:
            outbox = open_outbox()
            audit = open_audit()
        except Exception as error:  # whatever stops it, staff must hear why
            if outbox is not None:
                outbox.close()
            reason = f"{type(error).__name__}: {error}"
            log.error("submissions cannot be stored: %s", reason)
            self.startFailed.emit(reason)
            return
        self._submitter = Submitter(outbox, audit, *self._terminal)

    @Slot()
    def stop(self) -> None:
        if self._submitter is not None:
            self._submitter.outbox.close()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    @Slot(object)
    def submit(self, finished: Finished) -> None:
        """A resident pressed 提交: `accepted` only once it is on disk."""
        if finished.bundle is not None:
            said = self._store(lambda submitter: submitter.submit_bundle(finished))
        else:
            said = self._store(lambda submitter: (submitter.submit(finished),))
        if isinstance(said, Message):
            self.refused.emit(said)
        else:
            self.accepted.emit(list(said))
            self.waiting.emit(list(said))

    @Slot(object)
    def ask(self, request: Question | HomeVisit) -> None:
        """A resident left a question (留言咨询) or asked for a home visit (上门办理): `asked`
        only once it is on disk."""
        from kiosk.questions.question import Question

        if isinstance(request, Question):
            said = self._store(lambda submitter: submitter.ask(request))
        else:
            said = self._store(lambda submitter: submitter.request_home_visit(request))
        if isinstance(said, Message):
            self.askRefused.emit(request, said)
        else:
            self.asked.emit(request, said)
            self.waiting.emit([said])

    def _store(self, store: Callable[[Submitter], Stored]) -> Stored | Message:
        """The apply number(s) once on disk, or what to tell the resident."""
        from kiosk.outbox import OutboxError

        if self._submitter is None:
            return message("outbox.unavailable")
        try:
            return store(self._submitter)
        except OutboxError as error:
            log.error("submission not stored: %s", error)
            return message("outbox.not_stored")

    @Slot(object, str)
    def rate(self, evaluation: dict[str, Any], apply_no: str) -> None:
        if self._submitter is None:
            return
        self._submitter.rate(evaluation, apply_no=apply_no)
        self.stored.emit()

    @Slot(object, object)
    def answer_survey(self, survey: Survey, answers: dict[str, Answer]) -> None:
        """A resident answered a survey: `surveyStored` only once it is on disk."""
        from kiosk.engagement.survey import survey_payload
        from kiosk.submission import BEIJING

        payload = survey_payload(
            survey, answers, area_code=self._terminal[1], day=datetime.datetime.now(BEIJING).date()
        )
        delay_s = self._survey_delay_s
        hold_s = secrets.SystemRandom().uniform(delay_s / 2, delay_s)  # the hold is the secrecy
        try:
            said = self._store(lambda submitter: submitter.answer_survey(payload, hold_s=hold_s))
        except Exception as error:  # the screen waits for an answer: it must get one
            _log_failure("storing a survey answer", error)
            said = message("outbox.not_stored")
        if isinstance(said, Message):
            self.surveyRefused.emit(survey.id, said)
        else:
            self.surveyStored.emit(survey.id)
            self.stored.emit()


@dataclass(frozen=True)
class RefusedRoles:
    """A submission the platform refused, kept in the outbox (roles applyNo, reason)."""

    apply_no: str
    reason: str


@QmlElement
@QmlUncreatable("the outbox service's refused submissions")
class RefusedRows(RowModel):
    """The refused submissions staff are told about on the panel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RefusedRoles, parent, key=lambda row: row.apply_no)


@QmlElement
@QmlUncreatable("built by the composition root")
class OutboxService(QObject):
    """GUI-thread side of the sync and submit workers; tells staff how the outbox stands.

    Signals:
        delivered(str, str), quarantined(str, str), depthChanged(int),
            measured(TerminalHealth), answeredKind(str, str), backlogChanged(int, float),
            platformChecked(PlatformProbe), progressReady(int, ProgressAnswer),
            appointmentAnswered(Call, Result): from the worker.
        statusChanged: `depth` or `problem` changed (`refusedRows` is a list model).
    """

    statusChanged = Signal()

    delivered = Signal(str, str)
    quarantined = Signal(str, str)
    depthChanged = Signal(int)
    measured = Signal(object)
    answeredKind = Signal(str, str)
    backlogChanged = Signal(int, float)
    requestNudge = Signal()
    requestHeartbeat = Signal(object)
    requestUsage = Signal(object)
    platformChecked = Signal(object)
    requestPlatformCheck = Signal(object)
    requestProgress = Signal(int, object)  # the query's number, ProgressQuery
    requestAppointment = Signal(object)  # a Call of the appointment flows
    appointmentAnswered = Signal(object, object)  # the Call, its Result
    requestSubmit = Signal(object)
    requestAsk = Signal(object)  # a Question (留言咨询) or a HomeVisit (上门办理)
    requestRate = Signal(object, str)
    requestSurvey = Signal(object, object)  # a Survey, its answers
    surveyStored = Signal(str)  # the survey's id
    surveyRefused = Signal(str, Message)
    progressReady = Signal(int, object)
    accepted = Signal(list)  # the apply numbers of a submission (a bundle's: several)
    answered = Signal(str, str)
    refused = Signal(Message)
    asked = Signal(object, str)  # the Question or HomeVisit, its apply number
    askRefused = Signal(object, Message)

    def __init__(
        self, worker: OutboxWorker, submitter: SubmitWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("outbox")
        self._worker = worker
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker.start)
        self._submit_thread = QThread()
        self._submit_thread.setObjectName("submit")
        self._submitter = submitter
        submitter.moveToThread(self._submit_thread)
        self._submit_thread.started.connect(submitter.start)
        self.requestNudge.connect(worker.nudge)
        self.requestHeartbeat.connect(worker.heartbeat)
        self.requestUsage.connect(worker.record_usage)
        self.requestPlatformCheck.connect(worker.check_platform)
        worker.platformChecked.connect(self.platformChecked)
        self.requestProgress.connect(worker.progress)
        self.requestAppointment.connect(worker.appointment)
        worker.appointmentAnswered.connect(self.appointmentAnswered)
        self.requestSubmit.connect(submitter.submit)
        self.requestAsk.connect(submitter.ask)
        self.requestRate.connect(submitter.rate)
        self.requestSurvey.connect(submitter.answer_survey)
        submitter.surveyStored.connect(self.surveyStored)
        submitter.surveyRefused.connect(self.surveyRefused)
        submitter.accepted.connect(self.accepted)
        submitter.waiting.connect(worker.deliver_now)
        submitter.refused.connect(self.refused)
        submitter.asked.connect(self.asked)
        submitter.askRefused.connect(self.askRefused)
        submitter.stored.connect(worker.nudge)
        worker.answered.connect(self.answered)
        worker.progressReady.connect(self.progressReady)
        worker.delivered.connect(self.delivered)
        worker.quarantined.connect(self.quarantined)
        worker.depthChanged.connect(self.depthChanged)
        worker.measured.connect(self.measured)
        worker.answeredKind.connect(self.answeredKind)
        worker.backlogChanged.connect(self.backlogChanged)
        worker.backlogChanged.connect(self._on_backlog)
        self._depth = 0
        self._oldest_since = 0.0
        self._refused = RefusedRows(self)
        self._problem = ""
        worker.startFailed.connect(self._on_start_failed)
        worker.troubleChanged.connect(self._on_start_failed)
        submitter.startFailed.connect(self._on_start_failed)
        worker.depthChanged.connect(self._on_depth)
        worker.quarantined.connect(self._on_quarantined)
        worker.quarantineListed.connect(self._on_quarantine_list)

    depth = Property(int, lambda self: self._depth, notify=statusChanged)

    def _get_refused(self) -> RefusedRows:
        return self._refused

    refusedRows = Property(RefusedRows, _get_refused, constant=True)

    def refused_rows(self) -> RefusedRows:
        """The refused submissions (Python's view of `refusedRows`)."""
        return self._refused

    def waiting(self) -> int:
        """Python's view of `depth`: submissions not yet delivered."""
        return self._depth

    def current_problem(self) -> str:
        """Python's view of `problem`: why the sync worker could not start ("" while it runs)."""
        return self._problem

    # why the sync worker could not start ("" while it runs): staff read it on the panel
    problem = Property(str, lambda self: self._problem, notify=statusChanged)

    @Slot(str)
    def _on_start_failed(self, reason: str) -> None:
        self._problem = reason
        self.statusChanged.emit()

    @Slot(int)
    def _on_depth(self, depth: int) -> None:
        self._depth = depth
        self.statusChanged.emit()

    @Slot(int, float)
    def _on_backlog(self, _depth: int, oldest_since: float) -> None:
        self._oldest_since = oldest_since

    def backlog(self) -> tuple[int, float | None]:
        """How many wait and since when the oldest does (None: nothing waits)."""
        return self._depth, (self._oldest_since if self._depth else None)

    @Slot(str, str)
    def _on_quarantined(self, apply_no: str, reason: str) -> None:
        self._refused.set_rows([*self._refused.rows(), RefusedRoles(apply_no, reason)])

    @Slot(list)
    def _on_quarantine_list(self, rows: list[tuple[str, str, str]]) -> None:
        self._refused.set_rows([RefusedRoles(apply_no, reason) for _, apply_no, reason in rows])

    @Slot()
    def start(self) -> None:
        if not self._thread.isRunning():
            self._thread.start()
            self._submit_thread.start()

    def nudge(self) -> None:
        self.requestNudge.emit()

    def abandon_appointment(self, call: Call) -> None:
        """A call of the appointment flows whose resident has gone: not sent if it still
        waits in the sync worker's queue."""
        self._worker.abandon(call)

    def heartbeat(self, station: StationHealth) -> None:
        self.requestHeartbeat.emit(station)

    def record_usage(self, figures: tuple[UsageFigure, ...]) -> None:
        """Usage figures counted on the GUI thread, to be kept and sent by the sync worker."""
        if figures:
            self.requestUsage.emit(figures)

    def check_platform(self, station: StationHealth) -> None:
        """The self-check's heartbeat; answered by `platformChecked(PlatformProbe)`."""
        self.requestPlatformCheck.emit(station)

    def running(self) -> bool:
        """Either worker thread still runs (started, not yet stopped)."""
        return self._thread.isRunning() or self._submit_thread.isRunning()

    def hang_up(self) -> None:
        """A platform exchange in flight ends now; no other starts (the kiosk stopping)."""
        self._worker.hang_up()

    def stop(self) -> None:
        from PySide6.QtCore import QMetaObject, Qt

        self._worker.hang_up()  # a platform exchange in flight ends now
        for worker, thread in (
            (self._submitter, self._submit_thread),
            (self._worker, self._thread),
        ):
            if thread.isRunning():
                QMetaObject.invokeMethod(worker, "stop", Qt.ConnectionType.QueuedConnection)
                if not thread.wait(STOP_WAIT_MS):
                    name = thread.objectName()
                    log.error("%s thread did not stop within %d s", name, STOP_WAIT_S)
