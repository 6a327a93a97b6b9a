"""Starting the kiosk's event loop: `kiosk run` and `kiosk demo`."""

from __future__ import annotations

import gc
import logging
import sys

from PySide6.QtGui import QGuiApplication

from kiosk.health import service_status
from kiosk.services import Services
from kiosk.settings import Settings
from ui.app import KioskUi, QmlLoadError, WindowMode, build_ui
from ui.environment import prepare_qt_environment
from ui.firstframe import FirstFrameGate
from ui.qtlog import route_qt_messages
from ui.servicewatch import (
    NoServiceManager,
    ServiceManager,
    ServiceWatch,
    quit_on_signals,
    serve,
)

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QGuiApplication:
    app = QGuiApplication(argv)
    app.setApplicationName("community-kiosk")
    app.setOrganizationName("community-kiosk")
    return app


def new_application() -> QGuiApplication:
    """The application of `kiosk run`/`demo`, its Qt messages routed to the log."""
    app = create_application(sys.argv[:1])
    route_qt_messages()
    return app


def run_kiosk(
    settings: Settings,
    services: Services,
    *,
    fullscreen: bool,
    service: ServiceManager | None = None,
    watchdog_ms: int | None = None,
) -> int:
    """The kiosk's window and event loop until SIGTERM or SIGINT; `service` hears READY
    after the first frame, WATCHDOG every `watchdog_ms` from this thread, STATUS, STOPPING."""
    prepare_qt_environment(headless=False)
    notifier = service or NoServiceManager()
    # From here on, Ctrl+C and SIGTERM stop the kiosk cleanly, even while it starts.
    with quit_on_signals(new_application) as app:
        notifier.status("Starting")
        try:
            ui = build_ui(
                settings, WindowMode.FULLSCREEN if fullscreen else WindowMode.WINDOW, services
            )
        except QmlLoadError as error:
            log.error("%s", error)
            notifier.stopping("Stopped: the screens did not load (see the log)")
            return 1
        collect_garbage_after_first_frame(ui)
        return serve(app, watch_service(ui, notifier, watchdog_ms), ui.close)


def collect_garbage_after_first_frame(ui: KioskUi) -> None:
    """Garbage collection, paused for the start-up (kiosk/app/entry.py), resumes once the
    first frame is out. What the start-up made lives as long as the kiosk: frozen, it is
    left out of every later collection (a full one over it held the GIL for 11-14 ms).
    The few hundred objects of garbage the start-up left stay with it."""

    def resume() -> None:
        gc.freeze()
        gc.enable()

    FirstFrameGate(ui.window, ui.engine).passed.connect(resume)


def watch_service(ui: KioskUi, notifier: ServiceManager, watchdog_ms: int | None) -> ServiceWatch:
    """READY after the first frame, the watchdog fed from this thread, and STATUS= lines
    that follow the devices and the outbox (see ui/servicewatch.py)."""

    def status() -> str:
        devices = (status for status in ui.devices.statuses().values() if status is not None)
        out_of_service = ui.service.current_reason()
        if ui.outbox is None:
            return service_status(devices, out_of_service=out_of_service)
        outbox = ui.outbox
        return service_status(
            devices, outbox.waiting(), outbox.current_problem(), out_of_service=out_of_service
        )

    watch = ServiceWatch(notifier, watchdog_ms, status, ui.engine)
    watch.watch_first_frame(ui.window)
    ui.devices.statusChanged.connect(watch.update)
    ui.service.changed.connect(watch.update)
    if ui.outbox is not None:
        ui.outbox.statusChanged.connect(watch.update)
    return watch
