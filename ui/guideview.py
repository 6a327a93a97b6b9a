"""The open guide (办事指南) as the guide screen reads it: one typed property per element,
and its materials, steps and questions as list models."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal

from kiosk.catalog.model import Material, Question, ServiceItem, Step
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("the open guide's lists")
class GuideRows(RowModel):
    """One list of the open guide (materials, steps or questions), as rows of the catalog's
    own dataclasses: their fields are the roles."""


@QmlElement
@QmlUncreatable("the catalog view model's open guide")
class GuideView(QObject):
    """The guide on screen; empty ("", 0, false, no rows) while none is open.

    Signals:
        changed: another guide (or none) is shown.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._item: ServiceItem | None = None
        self._sample = False
        self._materials = GuideRows(Material, self)
        self._steps = GuideRows(Step, self)
        self._faq = GuideRows(Question, self)

    def show(self, item: ServiceItem | None, sample: bool = False) -> None:
        self._item, self._sample = item, sample
        self._materials.set_rows(item.materials if item else ())
        self._steps.set_rows(item.steps if item else ())
        self._faq.set_rows(item.faq if item else ())
        self.changed.emit()

    def item_code(self) -> str:
        """The open item's code ("" with none open)."""
        return self._text("code")

    def _field(self, name: str, empty: Any) -> Any:
        return getattr(self._item, name) if self._item is not None else empty

    def _text(self, name: str) -> str:
        return str(self._field(name, ""))

    def _texts(self, name: str) -> list[str]:
        return list(self._field(name, ()))

    def _get_materials(self) -> GuideRows:
        return self._materials

    def _get_steps(self) -> GuideRows:
        return self._steps

    def _get_faq(self) -> GuideRows:
        return self._faq

    materials = Property(GuideRows, _get_materials, constant=True)
    steps = Property(GuideRows, _get_steps, constant=True)
    faq = Property(GuideRows, _get_faq, constant=True)

    code = Property(str, lambda self: self.item_code(), notify=changed)
    name = Property(str, lambda self: self._text("name"), notify=changed)
    sample = Property(bool, lambda self: self._item is not None and self._sample, notify=changed)
    canApply = Property(
        bool, lambda self: self._item is not None and self._item.can_apply_online, notify=changed
    )
    canBook = Property(
        bool, lambda self: self._item is not None and self._item.bookable, notify=changed
    )
    canVisitHome = Property(
        bool, lambda self: self._item is not None and self._item.visits_home, notify=changed
    )
    shortGuide = Property(str, lambda self: self._text("short_guide"), notify=changed)
    itemType = Property(str, lambda self: self._text("item_type"), notify=changed)
    caseType = Property(str, lambda self: self._text("case_type"), notify=changed)
    level = Property(str, lambda self: self._text("level"), notify=changed)
    visits = Property(int, lambda self: int(self._field("visits", 0)), notify=changed)
    department = Property(str, lambda self: self._text("department"), notify=changed)
    implementingBody = Property(str, lambda self: self._text("implementing_body"), notify=changed)
    legalTimeLimit = Property(str, lambda self: self._text("legal_time_limit"), notify=changed)
    promisedTimeLimit = Property(
        str, lambda self: self._text("promised_time_limit"), notify=changed
    )
    feeStandard = Property(str, lambda self: self._text("fee_standard"), notify=changed)
    feeBasis = Property(str, lambda self: self._text("fee_basis"), notify=changed)
    deferralPolicy = Property(str, lambda self: self._text("deferral_policy"), notify=changed)
    specialSteps = Property(str, lambda self: self._text("special_steps"), notify=changed)
    hours = Property(str, lambda self: self._text("hours"), notify=changed)
    appointment = Property(str, lambda self: self._text("appointment"), notify=changed)
    consultation = Property(str, lambda self: self._text("consultation"), notify=changed)
    complaint = Property(str, lambda self: self._text("complaint"), notify=changed)
    resultName = Property(str, lambda self: self._text("result_name"), notify=changed)
    resultSample = Property(str, lambda self: self._text("result_sample"), notify=changed)
    reviewStandard = Property(str, lambda self: self._text("review_standard"), notify=changed)
    handlingScope = Property(str, lambda self: self._text("handling_scope"), notify=changed)
    onlinePayment = Property(str, lambda self: self._text("online_payment"), notify=changed)
    delivery = Property(str, lambda self: self._text("delivery"), notify=changed)
    # String lists (not `list`): QML reads them as list<string>.
    conditions = Property(
        "QStringList",  # type: ignore[arg-type]  # PySide6 takes type names as well
        lambda self: self._texts("acceptance_conditions"),
        notify=changed,
    )
    serviceObject = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: self._texts("service_object"),
        notify=changed,
    )
    handlingForms = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: self._texts("handling_forms"),
        notify=changed,
    )
    locations = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: self._texts("locations"),
        notify=changed,
    )
    legalBasis = Property(
        "QStringList",  # type: ignore[arg-type]
        lambda self: self._texts("legal_basis"),
        notify=changed,
    )
