"""What the view models of a request a resident leaves (留言咨询, 上门办理) share: they run the
handoff's effects (kiosk/handoff.py: the request to the submit worker, a bounded wait for
the platform's confirmation, the slip on the printer) and show what came back.

A subclass names its flow (`_flow`, made in the resident's session when first used), says
whether it was made (`_made`: an outbox answer or a wipe makes no flow for a visit that
never opened it) and which of the visit's card signals is its own.

"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance, Slot

from devices.idcard.identity import Identity
from kiosk.messages import Message
from ui.devicehub import DeviceHub
from ui.outboxworker import OutboxService
from ui.visitview import VisitModel

if TYPE_CHECKING:
    from kiosk.handoff import Handoff

# Not an element of its own, but a base QML knows the members of (ui/qmltypes.py reads the
# files that name the module).
QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

# How long the done step waits for the platform's confirmation before the slip prints
# saying 待上传 (as an application's receipt waits for its case number).
DELIVERY_WAIT_MS = 4500


class HandoffFlow(Protocol):
    """A flow that ends in a handoff (kiosk/questions/flow.py, kiosk/homevisits/flow.py)."""

    @property
    def step(self) -> Any: ...
    @property
    def problem(self) -> Message: ...
    @property
    def handoff(self) -> Handoff[Any]: ...

    def card(self, identity: Identity) -> bool: ...
    def submit(self) -> tuple[object, ...]: ...
    def back(self) -> bool: ...
    def wipe(self) -> None: ...
    def accepted(self, request: Any, apply_no: str) -> tuple[object, ...]: ...
    def refused(self, request: Any, problem: Message) -> bool: ...
    def settle(self, apply_no: str, *, uploaded: bool) -> tuple[object, ...]: ...


class HandoffViewModel(QObject):
    """The handoff's half of a request's view model; the flow's own steps are the subclass's.

    The subclass declares the `changed` signal and all the properties (PySide gives a
    property no notify signal of a base class): available, messageCode, messageArgs, number,
    settled, uploaded, receiptQr from the handoff, and its flow's own.
    """

    changed: SignalInstance  # the subclass's

    def __init__(
        self,
        visit: VisitModel,
        card: SignalInstance,
        *,
        service: OutboxService | None,
        hub: DeviceHub,
        parent: QObject | None = None,
        delivery_wait_ms: int = DELIVERY_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._session = visit.session
        self._service = service
        self._hub = hub
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.setInterval(delivery_wait_ms)
        self._wait.timeout.connect(self._on_wait_over)
        card.connect(self._on_card)
        visit.wiped.connect(self._on_wiped)
        if service is not None:
            service.asked.connect(self._on_asked)
            service.askRefused.connect(self._on_refused)
            service.answered.connect(self._on_answered)

    @property
    def _flow(self) -> HandoffFlow:
        raise NotImplementedError

    @property
    def _made(self) -> bool:
        raise NotImplementedError

    def _show(self) -> None:
        self.changed.emit()

    def _run(self, effects: tuple[object, ...]) -> None:
        from kiosk.handoff import AwaitDelivery, PrintSlip, Submit

        for effect in effects:
            if isinstance(effect, Submit):
                assert self._service is not None  # the screen offers nothing to submit without
                self._service.requestAsk.emit(effect.request)
            elif isinstance(effect, AwaitDelivery):
                self._wait.start()
            elif isinstance(effect, PrintSlip):
                self._hub.print_receipt(effect.receipt)
        self._show()

    def _restart(self) -> None:
        """Before the flow begins again: no wait of the last one, no printer status of it."""
        self._wait.stop()
        self._hub.forgetPrintStatus()

    # -- what the outbox says ---------------------------------------------------------------
    @Slot(object, str)
    def _on_asked(self, request: object, apply_no: str) -> None:
        if self._made:
            self._run(self._flow.accepted(request, apply_no))

    @Slot(object, object)
    def _on_refused(self, request: object, problem: Message) -> None:
        if self._made and self._flow.refused(request, problem):
            self.changed.emit()

    @Slot(str, str)
    def _on_answered(self, apply_no: str, case_no: str) -> None:
        if not self._made:
            return
        handoff = self._flow.handoff
        if apply_no == handoff.apply_no and not handoff.settled:
            self._wait.stop()
            self._run(self._flow.settle(apply_no, uploaded=bool(case_no)))

    @Slot()
    def _on_wait_over(self) -> None:
        self._run(self._flow.settle(self._flow.handoff.apply_no, uploaded=False))

    @Slot(object)
    def _on_card(self, identity: Identity) -> None:
        if self._flow.card(identity):
            self.changed.emit()

    @Slot(object)
    def _on_wiped(self, _effects: object) -> None:
        self._wait.stop()
        if self._made:  # a visit that asked nothing has nothing to clear
            self._show()

    # -- the resident's taps ----------------------------------------------------------------
    @Slot()
    def submit(self) -> None:
        """同意并提交."""
        if self._service is not None:
            self._run(self._flow.submit())

    @Slot(result=bool)
    def back(self) -> bool:
        """上一步; False on the first step (the screen is left)."""
        moved = self._flow.back()
        if moved:
            self.changed.emit()
        return moved

    @Slot()
    def reset(self) -> None:
        """The screen is left: the request is forgotten (once stored, it is the outbox's).
        Left before the slip came out (首页 while the platform's answer is awaited), the slip
        prints now, saying 待上传: without it the request could not be followed."""
        self._wait.stop()
        flow = self._flow
        if flow.step is not None and flow.handoff.apply_no and not flow.handoff.settled:
            self._run(flow.settle(flow.handoff.apply_no, uploaded=False))
        flow.wipe()
        self._show()
