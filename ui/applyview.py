"""在线申报 as the screens see it: an adapter over `kiosk.apply.flow.ApplyFlow`, which
holds the steps and their rules (the flow lives in the resident's session).

Slots hand the resident's action to the flow and run the effects it returns: timers, the
capture worker (pages are taken and compressed there), the sync worker (storing the
submission, talking to the platform), the printer worker (the receipt). Properties show
the flow's state; nothing is decided here.

Signals:
    changed: the step, a message, identification or the outcome changed.
    answersChanged: an answer or a problem with one changed.
    materialStateChanged: how a material is provided, or its pages, changed.
    finished: the resident is done; the session must be wiped.

Lists that QML repeats are list models (fields, materials, people, review rows, rating
levels) reset only when their rows differ, so a tap that changes an answer or adds a page
never rebuilds the delegate it came from.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot

from devices.idcard.identity import Identity
from kiosk.apply.flow import (
    ApplyFlow,
    CancelWait,
    CloseCamera,
    Effect,
    EndVisit,
    OpenCamera,
    Outcome,
    PrintReceipt,
    SendRating,
    StartWait,
    Submit,
    TakePage,
    Wait,
)
from kiosk.apply.flow import Step as FlowStep
from kiosk.apply.rules import Application, ReviewRow
from kiosk.catalog.model import ServiceItem
from kiosk.forms import applies
from kiosk.messages import Message
from kiosk.privacy import mask_id_number, mask_name
from kiosk.submission import BAD_RATING_REASONS, RATING_LEVELS, Bundle, CapturedPage, Person
from kiosk.usage import UsageTally
from ui.capture import CaptureService
from ui.devicehub import DeviceHub
from ui.outboxworker import OutboxService
from ui.pageimages import PageShelf
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel
from ui.visitview import VisitModel

log = logging.getLogger(__name__)

# QML: `import Kiosk.Types` (see docs/qml-types.md).
QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True)
class FieldRow:
    """A form field as the form's delegates see it (`kind`: text, number, phone, id_number,
    date, choice)."""

    key: str
    kind: str
    label: str
    help: str
    needed: bool
    choices: tuple[str, ...]


@dataclass(frozen=True)
class MaterialRow:
    """A material and the ways it may be provided besides photographing it."""

    name: str
    form: str
    copies: int
    needed: bool
    note: str
    e_licence: bool
    at_counter: bool


@dataclass(frozen=True)
class PersonRow:
    """Someone identified, masked (`role`: agent or applicant)."""

    role: str
    name: str
    id_number: str
    typed: bool


@dataclass(frozen=True)
class RatingRow:
    """One of the five levels of 好差评 (worded by Words.ratingLevel)."""

    level: int


def _person_row(role: str, person: Person) -> PersonRow:
    return PersonRow(
        role,
        mask_name(person.name),
        mask_id_number(person.id_number),
        person.identified_by == "typed",
    )


@QmlElement
@QmlUncreatable("an enum")
class ApplyStep(QObject):
    """The flow's step (kiosk.apply.flow.Step) as QML sees it: ApplyStep.Form."""

    @QEnum
    class Value(IntEnum):
        NoStep = 0  # no application
        Conditions = 1
        Identify = 2
        Form = 3
        Materials = 4
        Review = 5
        Consent = 6
        Submitting = 7
        Done = 8
        Rating = 9
        Thanks = 10


@QmlElement
@QmlUncreatable("the kiosk builds the application's view model")
class ApplyViewModel(QObject):
    changed = Signal()
    answersChanged = Signal()
    materialStateChanged = Signal()
    finished = Signal()

    def __init__(
        self,
        visit: VisitModel,
        lookup: Callable[[str], ServiceItem | None],
        *,
        service: OutboxService | None,
        capture: CaptureService,
        hub: DeviceHub,
        usage: UsageTally | None = None,
        bundles: Callable[[str], Bundle | None] = lambda _code: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._flow: ApplyFlow = visit.session.apply
        self._bundles = bundles  # a life event's code → its items to apply for together
        self._usage = usage  # the district's anonymous figures: applied, rated
        self._lookup = lookup
        self._service = service
        self._capture = capture
        self._hub = hub
        self.shelf = PageShelf()
        self._fields = RowModel(FieldRow, self)
        self._materials = RowModel(MaterialRow, self)
        self._people = RowModel(PersonRow, self)
        self._review = RowModel(ReviewRow, self)
        self._levels = RowModel(RatingRow, self)
        self._levels.set_rows([RatingRow(level) for level in RATING_LEVELS])
        self._serial = 0  # makes page image URLs change when pages change
        self._seen = self._state_keys()
        self._camera_watched = False
        self._timers: dict[Wait, QTimer] = {}
        for wait in Wait:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda wait=wait: self._run(self._flow.wait_over(wait)))
            self._timers[wait] = timer
        visit.applicationCard.connect(self._on_card)
        visit.wiped.connect(self._on_wiped)
        capture.captured.connect(self._on_page)
        capture.failed.connect(self._on_capture_failed)
        hub.printed.connect(self._on_printed)
        if service is not None:
            service.accepted.connect(self._on_accepted)
            service.answered.connect(self._on_answered)
            service.refused.connect(self._on_refused)

    # -- running the flow ----------------------------------------------------------------
    def _run(self, outcome: Outcome) -> bool:
        """Run what the flow asked for, then tell QML what changed."""
        for effect in outcome.effects:
            if isinstance(effect, OpenCamera):
                camera = self._capture.open_camera()
                if camera is not None and not self._camera_watched:
                    camera.readyChanged.connect(self.changed)
                    self._camera_watched = True
            elif isinstance(effect, CloseCamera):
                self._capture.close_camera()
            elif isinstance(effect, TakePage):
                self._flow.capture_sent(self._capture.take(effect.material))
            elif isinstance(effect, StartWait):
                self._timers[effect.wait].start(effect.ms)
            elif isinstance(effect, CancelWait):
                self._timers[effect.wait].stop()
            elif isinstance(effect, PrintReceipt):
                self._flow.print_sent(self._hub.print_receipt(effect.receipt))
            elif isinstance(effect, Submit):
                assert self._service is not None  # begin() needs it
                self._service.requestSubmit.emit(effect.finished)
            elif isinstance(effect, SendRating):
                assert self._service is not None
                self._count_use("rated")
                self._service.requestRate.emit(effect.body, effect.apply_no)
            elif isinstance(effect, EndVisit):
                self.finished.emit()
        self._publish()
        return outcome.ok

    def _state_keys(self) -> tuple[object, object, object]:
        app = self._flow.app
        if app is None:
            return (None, None, ((), None))
        return (
            (
                tuple(i.code for i in app.items),
                app.proxy,
            ),  # what the field and material lists follow
            (dict(app.answers), dict(app.problems)),
            (self._flow.page_snapshot(), dict(app.provisions)),
        )

    def _publish(self) -> None:
        shape, answers, materials = self._state_keys()
        seen_shape, seen_answers, seen_materials = self._seen
        self._seen = (shape, answers, materials)
        if shape != seen_shape:
            self._fields.set_rows(self._field_rows())
            self._materials.set_rows(self._material_rows())
        if answers != seen_answers:
            self.answersChanged.emit()
        if materials != seen_materials:
            pages = self._flow.page_snapshot()
            if pages != self.shelf.pages:
                self._serial += 1
                self.shelf.pages = pages
            self.materialStateChanged.emit()
        app = self._flow.app
        self._people.set_rows(
            [
                _person_row(role, p)
                for role, p in (("agent", app.agent), ("applicant", app.applicant))
                if p
            ]
            if app
            else []
        )
        self._review.set_rows(app.review() if app else [])
        self.changed.emit()

    def _field_rows(self) -> list[FieldRow]:
        if self._flow.app is None:
            return []
        return [
            FieldRow(f.key, f.type, f.label, f.help, f.required, tuple(f.choices))
            for f in self._flow.app.fields
        ]

    def _material_rows(self) -> list[MaterialRow]:
        if self._flow.app is None:
            return []
        rows = []
        for m in self._flow.app.materials:
            ways = Application.ways(m)
            rows.append(
                MaterialRow(
                    m.name,
                    m.form,
                    m.copies,
                    m.required,
                    m.note,
                    "e_licence" in ways,
                    "at_counter" in ways,
                )
            )
        return rows

    # -- properties ----------------------------------------------------------------------
    available = Property(bool, lambda self: self._service is not None, constant=True)
    step = Property(int, lambda self: _QML_STEP[self._flow.step], notify=changed)
    messageCode = Property(str, lambda self: self._flow.message.code, notify=changed)
    # A string list (not `list`): Words.say() takes list<string>, which a QVariantList
    # does not become.
    messageArgs = Property(
        "QStringList",  # type: ignore[arg-type]  # PySide6 takes type names as well
        lambda self: list(self._flow.message.args),
        notify=changed,
    )
    capturing = Property(str, lambda self: self._flow.capturing, notify=changed)
    cameraMode = Property(
        str, lambda self: "folder" if self._capture.uses_folder else "camera", constant=True
    )
    cameraSession = Property(
        QObject,
        lambda self: self._capture.camera.session if self._capture.camera else None,
        notify=changed,
    )
    cameraReady = Property(
        bool, lambda self: bool(self._capture.camera and self._capture.camera.ready), notify=changed
    )
    applyNo = Property(str, lambda self: self._flow.apply_no, notify=changed)
    caseNo = Property(str, lambda self: self._flow.case_no, notify=changed)
    answered = Property(bool, lambda self: self._flow.settled, notify=changed)
    receiptQr = Property(str, lambda self: self._flow.receipt_qr, notify=changed)
    rated = Property(bool, lambda self: self._flow.rated, notify=changed)
    ratingLevels = Property(QObject, lambda self: self._levels, constant=True)
    badReasons = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: list(BAD_RATING_REASONS),
        constant=True,
    )

    # The item applied for, or a life event's items (catalog data, shown as text).
    itemName = Property(
        str, lambda self: self._flow.app.item.name if self._flow.app else "", notify=changed
    )
    eventName = Property(
        str,
        lambda self: self._flow.app.bundle.name if self._flow.app and self._flow.app.bundle else "",
        notify=changed,
    )
    itemNames = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: [item.name for item in self._flow.app.items] if self._flow.app else [],
        notify=changed,
    )

    def _by_item(self, part: Callable[[ServiceItem], Sequence[str]]) -> list[dict[str, str]]:
        """What each item says, as {item, text}: `item` names it in a bundle ("" for one
        item); the screen joins them in the UI language."""
        app = self._flow.app
        if app is None:
            return []
        named = app.bundle is not None
        rows = [(item.name if named else "", text) for item in app.items for text in part(item)]
        return [{"item": item, "text": text} for item, text in dict.fromkeys(rows)]

    @Property(list, notify=changed)
    def conditions(self) -> list[dict[str, str]]:
        """Who may apply; in a bundle, each condition says which item sets it."""
        return self._by_item(lambda item: item.acceptance_conditions)

    @Property(list, notify=changed)
    def promised(self) -> list[dict[str, str]]:
        """The time limit; in a bundle, each item's."""
        return self._by_item(lambda item: [item.promised_time_limit])

    @Property(str, notify=changed)
    def deferralPolicy(self) -> str:
        app = self._flow.app
        policies = (item.deferral_policy for item in app.items) if app else ()
        return "\n".join(dict.fromkeys(policy for policy in policies if policy))

    @Property(list, notify=changed)
    def cases(self) -> list[dict[str, object]]:
        """Once the numbers are known: each case applied for, its number (the case number,
        or the receipt number while 待上传) and whether it reached the platform."""
        flow = self._flow
        if not flow.settled or flow.app is None:
            return []
        return [
            {"name": item.name, "number": number, "uploaded": uploaded}
            for item, number, uploaded in flow.cases(flow.app.items)
        ]

    @Property(bool, notify=changed)
    def proxy(self) -> bool:
        return self._flow.app is not None and self._flow.app.proxy

    @Property(str, notify=changed)
    def waitingFor(self) -> str:
        return self._flow.app.waiting_for if self._flow.app else ""

    @Property(bool, notify=changed)
    def typedAllowed(self) -> bool:
        return self._flow.app is not None and self._flow.app.typed_identity

    people = Property(QObject, lambda self: self._people, constant=True)
    fields = Property(QObject, lambda self: self._fields, constant=True)
    materials = Property(QObject, lambda self: self._materials, constant=True)
    review = Property(QObject, lambda self: self._review, constant=True)

    @Property(dict, notify=answersChanged)
    def answers(self) -> dict[str, str]:
        return dict(self._flow.app.answers) if self._flow.app else {}

    @Property(list, notify=answersChanged)
    def hiddenFields(self) -> list[str]:
        """Keys of the fields the answers so far do not ask (FormField.only_when): the
        same rule that leaves them out of the check and of what is sent."""
        app = self._flow.app
        return [f.key for f in app.fields if not applies(f, app.answers)] if app else []

    @Property(dict, notify=answersChanged)
    def problemCodes(self) -> dict[str, str]:
        """Field key → the message code of what to fix there (words: Words.say)."""
        app = self._flow.app
        return {k: v.code for k, v in app.problems.items()} if app else {}

    @Property(dict, notify=answersChanged)
    def problemArgs(self) -> dict[str, list[str]]:
        """Field key → the arguments of its problem's message code."""
        app = self._flow.app
        return {k: list(v.args) for k, v in app.problems.items()} if app else {}

    @Property(dict, notify=materialStateChanged)
    def provisions(self) -> dict[str, str]:
        """Material name → captured / at_counter / e_licence (absent: not provided yet)."""
        return dict(self._flow.app.provisions) if self._flow.app else {}

    @Property(dict, notify=materialStateChanged)
    def pages(self) -> dict[str, list[str]]:
        """Material name → image URLs of its captured pages (for the page image provider)."""
        return {
            name: [f"image://pages/{index}/{n}/{self._serial}" for n in range(len(jpegs))]
            for index, (name, jpegs) in enumerate(self.shelf.pages)
        }

    @Property(int, notify=materialStateChanged)
    def firstMissing(self) -> int:
        """Index of the first required material not provided yet (-1: none)."""
        app = self._flow.app
        if app is None:
            return -1
        missing = app.missing_materials()
        names = [m.name for m in app.materials]
        return names.index(missing[0]) if missing else -1

    # -- the resident's actions ----------------------------------------------------------
    @Slot(str, result=bool)
    def begin(self, code: str) -> bool:
        """我要办理 on a guide: a fresh application for this item. Refused when the sync
        worker cannot deliver (the screen says to ask staff)."""
        deliverable = self._service is not None and not self._service.problem
        ok = self._run(self._flow.begin(self._lookup(code), deliverable=deliverable))
        if not ok:
            log.info("apply refused for %s: %s", code, self._flow.message.code or "no delivery")
        return ok

    @Slot(str, result=bool)
    def beginEvent(self, code: str) -> bool:
        """一件事: one application for the items of this life event that can be applied for
        here (at least two). Refused as `begin` is."""
        deliverable = self._service is not None and not self._service.problem
        ok = self._run(self._flow.begin(self._bundles(code), deliverable=deliverable))
        if not ok:
            log.info("apply refused for event %s: %s", code, self._flow.message.code or "-")
        return ok

    @Slot(result=bool)
    def next(self) -> bool:
        """The step's 下一步: refused (False) with a message saying what is missing."""
        return self._run(self._flow.next())

    @Slot(result=bool)
    def back(self) -> bool:
        """The previous step; False when there is none (leave the screen)."""
        return self._run(self._flow.back())

    @Slot(bool)
    def setProxy(self, proxy: bool) -> None:
        self._run(self._flow.set_proxy(proxy))

    @Slot(str, str, result=bool)
    def identifyTyped(self, name: str, id_number: str) -> bool:
        return self._run(self._flow.identify_typed(name, id_number))

    @Slot(str, str)
    def answer(self, key: str, value: str) -> None:
        self._run(self._flow.answer(key, value))

    @Slot(str, str)
    def choose(self, name: str, provision: str) -> None:
        self._run(self._flow.choose(name, provision))

    @Slot(str)
    def capture(self, name: str) -> None:
        self._run(self._flow.capture(name))

    @Slot(str, int)
    def retake(self, name: str, index: int) -> None:
        self._run(self._flow.capture(name, retake=index))

    @Slot(str, int)
    def removePage(self, name: str, index: int) -> None:
        self._run(self._flow.remove_page(name, index))

    @Slot()
    def toRating(self) -> None:
        self._run(self._flow.to_rating())

    @Slot(int, list, str, result=bool)
    def rate(self, level: int, reasons: list[str], comment: str) -> bool:
        return self._run(self._flow.rate(level, [str(r) for r in reasons], comment))

    @Slot()
    def finish(self) -> None:
        """完成: the resident is done; the session is wiped."""
        self._run(self._flow.finish())

    @Slot()
    def reset(self) -> None:
        """The screen was left: the application is dropped."""
        self._run(self._flow.leave())

    def current_step(self) -> FlowStep | None:
        """The flow's step, for Python callers (the tour, tests)."""
        return self._flow.step

    def page_image(self, material_index: int, page_index: int) -> bytes:
        """JPEG of a captured page (b"" when gone)."""
        return self.shelf.jpeg(material_index, page_index)

    # -- the workers' answers ------------------------------------------------------------
    @Slot(object)
    def _on_card(self, identity: Identity) -> None:
        self._run(self._flow.card(identity))

    @Slot(object)
    def _on_wiped(self, effects: tuple[Effect, ...]) -> None:
        self._run(Outcome(True, effects))

    @Slot(object, int)
    def _on_page(self, page: CapturedPage, request: int) -> None:
        self._run(self._flow.page_captured(page, request))

    @Slot(object, int)
    def _on_capture_failed(self, problem: Message, request: int) -> None:
        self._run(self._flow.capture_failed(problem, request))

    @Slot(list)
    def _on_accepted(self, apply_nos: list[str]) -> None:
        if self._flow.step is FlowStep.SUBMITTING:  # ours, not a late answer to an old visit
            self._count_use("applied")
        self._run(self._flow.accepted(*apply_nos))

    def _count_use(self, use: str) -> None:
        """One more `use` of each item applied for (the district's figures: counts only)."""
        app = self._flow.app
        if self._usage is not None and app is not None:
            for item in app.items:
                self._usage.count(item.code, use)

    @Slot(str, str)
    def _on_answered(self, apply_no: str, case_no: str) -> None:
        self._run(self._flow.answered(apply_no, case_no))

    @Slot(object)
    def _on_refused(self, problem: Message) -> None:
        self._run(self._flow.refused(problem))

    @Slot(str)
    def _on_printed(self, job: str) -> None:
        self._run(self._flow.print_finished(job))


_QML_STEP: dict[FlowStep | None, ApplyStep.Value] = {
    None: ApplyStep.Value.NoStep,
    **{step: ApplyStep.Value[step.name.title()] for step in FlowStep},
}
