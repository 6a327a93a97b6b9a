"""Builds the QML engine, the view models and the window; applies kiosk lockdown."""

from __future__ import annotations

import enum
import logging
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.apply.flow import ApplyFlow, ReceiptStation
from kiosk.cadence import HEARTBEAT_S, next_in
from kiosk.hours import Clock, station_clock
from kiosk.services import Services
from kiosk.settings import Settings
from kiosk.usage import UsageTally
from kiosk.visit import ResidentSession
from kiosk.workdays import WorkdaysInUse
from ui.applyview import ApplyViewModel
from ui.appointmentview import BookingViewModel, MyAppointmentsViewModel
from ui.capture import CaptureService
from ui.catalogview import CatalogViewModel
from ui.catalogworker import CatalogService
from ui.consultview import ConsultViewModel
from ui.devicehub import DeviceHub
from ui.devicesetupview import DeviceSetupModel
from ui.engagementview import EngagementViewModel
from ui.engine import KioskEngine
from ui.firstframe import FirstFrameGate
from ui.healthfeed import HealthFeed
from ui.homevisitview import HomeVisitViewModel
from ui.hoursview import HoursWatch
from ui.i18n import LanguageSwitcher
from ui.idlewatch import IdleWatcher
from ui.outboxworker import OutboxService, OutboxWorker, SubmitWorker
from ui.pageimages import PageImageProvider
from ui.progressview import ProgressViewModel
from ui.qrimage import QrImageProvider
from ui.questionview import QuestionViewModel
from ui.selfcheckview import SelfCheckViewModel
from ui.servicestate import ServiceState
from ui.shell import ShellModel
from ui.staffgate import StaffGate
from ui.visitview import VisitModel
from ui.voiceview import VoiceViewModel

if TYPE_CHECKING:
    from kiosk.appointments.flow import BookingFlow
    from kiosk.homevisits.flow import HomeVisitFlow
    from kiosk.metrics import MetricsServer
    from kiosk.questions.flow import QuestionFlow

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parent / "qml"
MAIN_QML = QML_DIR / "Kiosk" / "Main.qml"

PORTRAIT = QSize(1080, 1920)
LANDSCAPE = QSize(1920, 1080)


class WindowMode(enum.Enum):
    FULLSCREEN = "fullscreen"  # `kiosk run`: the terminal's panel, locked down
    WINDOW = "window"  # `kiosk demo`: scaled into a desktop window
    HEADLESS = "headless"  # tests and the tour: offscreen at the design size


class QmlLoadError(RuntimeError):
    """A window's QML did not load; the message carries Qt's own diagnostics."""


class PlatformFlows(NamedTuple):
    """The view models of the flows that reach the platform after start-up."""

    booking: BookingViewModel
    appointments: MyAppointmentsViewModel
    question: QuestionViewModel
    home_visit: HomeVisitViewModel
    engagement: EngagementViewModel


@dataclass
class KioskUi:
    """The running UI: what the composition root, the tour and the tests hold on to."""

    engine: KioskEngine
    window: QQuickWindow
    shell: ShellModel
    idle: IdleWatcher
    languages: LanguageSwitcher
    catalog: CatalogViewModel
    catalog_service: CatalogService
    devices: DeviceHub
    apply: ApplyViewModel
    booking: BookingViewModel
    appointments: MyAppointmentsViewModel
    consult: ConsultViewModel
    question: QuestionViewModel
    home_visit: HomeVisitViewModel
    engagement: EngagementViewModel
    capture: CaptureService
    staff: StaffGate
    device_setup: DeviceSetupModel
    service: ServiceState
    visit: VisitModel
    hours: HoursWatch
    voice: VoiceViewModel
    outbox: OutboxService | None = None
    # What the heartbeat and the metrics say of the screen side (one source for both).
    health: HealthFeed | None = None
    # The Prometheus endpoint ([metrics] listen), once the first frame is out.
    metrics: MetricsServer | None = None
    selfcheck: SelfCheckViewModel | None = None

    def root(self) -> QObject:
        return self.window

    def close(self) -> None:
        self.window.removeEventFilter(self.idle)
        # What goes over the network ends first, so that the waits below for each thread
        # to stop do not add up behind a slow platform.
        self.catalog_service.hang_up()
        if self.outbox is not None:
            self.outbox.hang_up()
        self.idle.stop()
        self.hours.stop()
        self.voice.close()
        self.catalog_service.stop()
        self.devices.stop()
        self.staff.stop()
        self.device_setup.stop()
        self.capture.stop()
        if self.selfcheck is not None:
            self.selfcheck.stop()
        if self.outbox is not None:
            self.outbox.stop()
        if self.metrics is not None:
            self.metrics.stop()
        self.languages.detach()
        self.window.setProperty("allowClose", True)
        self.window.close()
        self.engine.deleteLater()
        self.window.deleteLater()


def design_size(settings: Settings, available: QSize | None = None) -> QSize:
    """The layout the screens are drawn for: portrait or landscape."""
    if settings.ui.orientation == "portrait":
        return PORTRAIT
    if settings.ui.orientation == "landscape":
        return LANDSCAPE
    if available is not None and available.width() > available.height():
        return LANDSCAPE
    return PORTRAIT


def load_window(engine: KioskEngine, qml: Path, properties: dict[str, object]) -> QQuickWindow:
    """The window `qml` (in the Kiosk module under QML_DIR) built with its required
    `properties`; QmlLoadError with Qt's warnings when it does not load."""
    engine.addImportPath(str(QML_DIR))
    warnings: list[str] = []
    engine.warnings.connect(lambda errors: warnings.extend(e.toString() for e in errors))
    engine.setInitialProperties(properties)
    engine.load(QUrl.fromLocalFile(str(qml)))
    roots = engine.rootObjects()
    if not roots:
        raise QmlLoadError(f"{qml.name} failed to load:\n" + "\n".join(warnings))
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    return window


def demo_window_size(settings: Settings) -> QSize:
    """The window of `kiosk demo`: the design layout scaled to ui.demo_window_height."""
    design = design_size(settings)
    height = settings.ui.demo_window_height
    return QSize(round(height * design.width() / design.height()), height)


def build_ui(
    settings: Settings,
    mode: WindowMode,
    services: Services,
    *,
    size: QSize | None = None,
    clock: Clock = station_clock,
) -> KioskUi:
    """Create the window and everything it shows, on the services the composition root
    built (kiosk/app/services.py). A QGuiApplication must exist. `clock` is what the
    opening hours follow (an aware datetime; tests and the tour hand in their own).

    Each device in `services` gets its worker thread; with an outbox and a platform to
    reach, a sync worker drains the outbox to it; without staff access, staff mode cannot
    be opened.
    """
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication), "create the QGuiApplication first"
    # Worker threads run Python too; hand the GIL back to the GUI thread after 1 ms instead of
    # Python's default 5 ms, so a busy worker never delays a frame by more than that.
    sys.setswitchinterval(0.001)

    languages = LanguageSwitcher()
    engine = KioskEngine()
    # View models live exactly as long as the engine and the window it owns.
    # Everything personal lives in the resident's session; the shell wipes it at the end.
    workdays = WorkdaysInUse()  # promised dates and wished days: the catalog's calendar
    visit = VisitModel(
        ResidentSession(_apply_core(settings, workdays), *_later_flows(settings, workdays)), engine
    )
    shell = ShellModel(settings, languages, engine, visit=visit)
    idle = _idle(settings, shell, engine)
    hours = HoursWatch(settings, clock, languages.current, engine)
    shell.languageChanged.connect(lambda: hours.setLanguage(languages.current))

    usage = UsageTally()  # counted on this thread, kept and sent by the sync worker
    catalog, catalog_service, consult = _catalog(
        settings, services, usage, shell=shell, visit=visit, workdays=workdays, parent=engine
    )

    hub, staff = _devices_and_staff(settings, services, shell=shell, parent=engine)
    capture = _capture(settings, engine)
    device_setup, service = _setup_and_service(
        settings,
        services,
        hub=hub,
        capture=capture,
        staff=staff,
        catalog=catalog_service,
        parent=engine,
    )
    catalog.printRequested.connect(hub.print_receipt)

    outbox = _sync_worker(settings, services, parent=engine)
    # What the heartbeat and the metrics say of the screen side: one source for both.
    feed = HealthFeed(
        hub=hub,
        catalog=catalog,
        catalog_service=catalog_service,
        outbox=outbox,
        service=service,
        hours=hours,
        parent=engine,
    )
    if outbox is not None:
        _heartbeat(outbox, feed, usage, shell=shell, hub=hub, service=service, parent=engine)
    progress = ProgressViewModel(outbox, settings.ui.progress_url_pattern, engine, visit=visit)
    hub.scanned.connect(progress.scanned)
    hub.cardRead.connect(visit.card)  # the session decides whose a card is

    apply = _apply_flow(
        settings,
        visit=visit,
        catalog=catalog,
        outbox=outbox,
        hub=hub,
        capture=capture,
        shell=shell,
        usage=usage,
        parent=engine,
    )

    flows = _platform_flows(
        visit, (catalog, catalog_service), outbox, hub, shell=shell, parent=engine
    )

    selfcheck = _self_check(
        services,
        hub=hub,
        capture=capture,
        catalog=catalog_service,
        outbox=outbox,
        feed=feed,
        staff=staff,
        workdays=workdays,
        clock=clock,
        parent=engine,
    )

    voice = VoiceViewModel(settings.voice, lambda: languages.current, engine)
    shell.sessionEnded.connect(voice.stop)
    _attach(engine, languages, apply)
    window = load_window(
        engine,
        MAIN_QML,
        {
            "shell": shell,
            "idle": idle,
            "catalog": catalog,
            "devices": hub,
            "staff": staff,
            "deviceSetup": device_setup,
            "service": service,
            "progress": progress,
            "apply": apply,
            "booking": flows.booking,
            "appointments": flows.appointments,
            "consult": consult,
            "question": flows.question,
            "homeVisit": flows.home_visit,
            "engagement": flows.engagement,
            "hours": hours,
            "selfCheck": selfcheck,
            "voice": voice,
            # None would not reach the typed property as null: without a platform, unset
            **({"outbox": outbox} if outbox is not None else {}),
            "lockdown": mode is WindowMode.FULLSCREEN,
        },
    )

    show_window(window, mode, settings, size)
    # On the window, not the application: every touch and key reaches the window first,
    # and the filter then does not run for each of the GUI thread's other events.
    window.installEventFilter(idle)
    # The catalog, the devices and the sync worker come up once the first frame is out:
    # loading the catalog and its search keys, opening ports, importing requests and
    # cryptography would otherwise compete with start-up for the interpreter. The home
    # screen needs none of them.
    first_frame = FirstFrameGate(window, engine, deferred=True)
    first_frame.passed.connect(catalog_service.start)
    first_frame.passed.connect(hub.start)
    first_frame.passed.connect(staff.readServiceState)
    first_frame.passed.connect(selfcheck.start)
    first_frame.passed.connect(voice.prepare)
    if outbox is not None:
        first_frame.passed.connect(outbox.start)
    shell.startSession()
    shell.sessionStarted.connect(feed.session_started)  # the start is not a resident
    ui = KioskUi(
        engine=engine,
        window=window,
        shell=shell,
        idle=idle,
        languages=languages,
        catalog=catalog,
        catalog_service=catalog_service,
        devices=hub,
        apply=apply,
        booking=flows.booking,
        appointments=flows.appointments,
        consult=consult,
        question=flows.question,
        home_visit=flows.home_visit,
        engagement=flows.engagement,
        capture=capture,
        staff=staff,
        device_setup=device_setup,
        service=service,
        visit=visit,
        hours=hours,
        voice=voice,
        outbox=outbox,
        health=feed,
        selfcheck=selfcheck,
    )
    if settings.metrics.listen:
        first_frame.passed.connect(lambda: _start_metrics(ui, feed, settings))
    return ui


def _attach(engine: KioskEngine, languages: LanguageSwitcher, apply: ApplyViewModel) -> None:
    """The images QML asks for by address (QR codes, captured pages), and the translator."""
    engine.addImageProvider("qr", QrImageProvider())
    engine.addImageProvider("pages", PageImageProvider(apply.shelf))
    languages.attach(engine)


def _start_metrics(ui: KioskUi, feed: HealthFeed, settings: Settings) -> None:
    """The Prometheus endpoint, fed from the same health the heartbeat sends; none when its
    address cannot be used (logged: the kiosk serves residents without it)."""
    from kiosk import __version__
    from kiosk.metrics import KioskMetrics, serve_metrics  # prometheus-client: not at start-up

    if ui.metrics is not None:
        return
    metrics = KioskMetrics(
        version=__version__,
        terminal_id=settings.station.terminal_id,
        station=settings.station,
    )
    ui.metrics = serve_metrics(metrics.registry, settings.metrics.listen)
    if ui.metrics is not None:
        feed.start_metrics(metrics)


def show_window(
    window: QQuickWindow, mode: WindowMode, settings: Settings, size: QSize | None
) -> None:
    """Full screen and locked down, a desktop window, or offscreen at the design size (the
    kiosk's window and the out-of-service one)."""
    screen = window.screen()
    available = size or (screen.size() if screen is not None else None)
    design = design_size(settings, available)
    if mode is WindowMode.FULLSCREEN:
        window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        window.showFullScreen()
        if settings.ui.hide_cursor:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    elif mode is WindowMode.WINDOW:
        window.resize(demo_window_size(settings))
        window.show()
    else:
        window.resize(size or design)
        window.show()


def _setup_and_service(
    settings: Settings,
    services: Services,
    *,
    hub: DeviceHub,
    capture: CaptureService,
    staff: StaffGate,
    catalog: CatalogService,
    parent: QObject,
) -> tuple[DeviceSetupModel, ServiceState]:
    """Staff mode's device chooser and camera preview, and whether the kiosk serves: out of
    service by staff or for want of a catalog."""
    device_setup = DeviceSetupModel(
        services.device_setup, hub, staff.record, parent, capture=capture
    )
    staff.unlockedChanged.connect(lambda _on: device_setup.close())
    service = ServiceState(settings, staff, parent)
    catalog.noCatalog.connect(service.catalog_missing)
    catalog.libraryReady.connect(service.catalog_ready)
    return device_setup, service


def _self_check(
    services: Services,
    *,
    hub: DeviceHub,
    capture: CaptureService,
    catalog: CatalogService,
    outbox: OutboxService | None,
    feed: HealthFeed,
    staff: StaffGate,
    workdays: WorkdaysInUse,
    clock: Clock,
    parent: QObject,
) -> SelfCheckViewModel:
    """The daily self-check of staff mode; its last result goes out with the heartbeat."""
    selfcheck = SelfCheckViewModel(
        hub,
        capture,
        catalog,
        outbox=outbox,
        station=feed.station,
        state_dir=services.state_dir,
        workdays=workdays,
        clock=clock,
        parent=parent,
    )
    selfcheck.staffAction.connect(staff.record)
    staff.unlockedChanged.connect(lambda on: on or selfcheck.cancel())
    selfcheck.resultChanged.connect(feed.self_checked)
    if outbox is not None:  # the district hears of a self-check at once
        selfcheck.resultSaved.connect(lambda _result: outbox.heartbeat(feed.station()))
    return selfcheck


def _catalog(
    settings: Settings,
    services: Services,
    usage: UsageTally,
    *,
    shell: ShellModel,
    visit: VisitModel,
    workdays: WorkdaysInUse,
    parent: QObject,
) -> tuple[CatalogViewModel, CatalogService, ConsultViewModel]:
    """The catalog the screens show, its worker (stored catalog, sync, missed searches), and
    the hotline knowledge base the same worker loads and syncs."""
    catalog = CatalogViewModel(settings.ui.guide_url_pattern, parent, usage=usage)
    shell.sessionEnded.connect(catalog.reset)
    # 为您推荐: a card nobody waited for offers items by the holder's age, until the reset.
    visit.suggestionsCard.connect(catalog.suggest)
    catalog_service = CatalogService(
        services.catalog_store,
        settings.platform,
        services.sample_catalog,
        parent,
        credentials=services.credentials,
        connect=services.platform,
        knowledge_path=services.knowledge_path,
        engagement_path=services.engagement_path,
    )
    catalog_service.libraryReady.connect(catalog.set_library)
    catalog_service.libraryReady.connect(lambda library: workdays.use(library.workdays))
    catalog.retired.connect(catalog_service.retire)
    consult = ConsultViewModel(catalog.item_name, parent)
    catalog_service.knowledgeReady.connect(consult.set_library)
    consult.retired.connect(catalog_service.retire)
    shell.sessionEnded.connect(consult.reset)
    catalog_service.synced.connect(catalog.set_sync_outcome)
    catalog.searchMissed.connect(catalog_service.record_miss)
    return catalog, catalog_service, consult


def _devices_and_staff(
    settings: Settings,
    services: Services,
    *,
    shell: ShellModel,
    parent: QObject,
) -> tuple[DeviceHub, StaffGate]:
    """The device hub, and staff mode behind the PIN: both forget the session at its end,
    and what the hub shows staff is there only while staff mode is open."""
    hub = DeviceHub(services.devices, parent, reprint_window_s=settings.staff.reprint_window_s)
    shell.sessionEnded.connect(hub.clearSession)
    staff = StaffGate(services.staff_access, parent)
    staff.unlockedChanged.connect(hub.setStaffMode)
    hub.staffAction.connect(staff.record)
    shell.sessionEnded.connect(staff.lock)
    return hub, staff


def _idle(settings: Settings, shell: ShellModel, parent: QObject) -> IdleWatcher:
    """The idle timer: running while a resident's session is, longer in elder mode; when
    it runs out, the session ends."""
    idle = IdleWatcher(settings.session, parent)
    idle.setElderMode(settings.ui.elder_mode_default)
    shell.elderModeChanged.connect(idle.setElderMode)
    idle.expired.connect(shell.endSession)
    shell.sessionEnded.connect(idle.stop)
    shell.sessionStarted.connect(idle.start)
    return idle


def _apply_core(settings: Settings, workdays: WorkdaysInUse) -> ApplyFlow:
    """The application flow of the resident's session, with what its receipt says."""
    station = settings.station
    return ApplyFlow(
        ReceiptStation(
            name=station.display_name("zh_CN"),
            hotline=station.hotline,
            progress_url=settings.ui.progress_url_pattern,
        ),
        settings.session.typed_identity_items,
        workdays=workdays,
    )


def _later_flows(
    settings: Settings, workdays: WorkdaysInUse
) -> tuple[Callable[[], BookingFlow], Callable[[], QuestionFlow], Callable[[], HomeVisitFlow]]:
    """How the resident's session makes its booking, question and home visit flows (when
    first used), with what their slips and receipts say."""
    station = settings.station

    def booking() -> BookingFlow:
        from kiosk.appointments.flow import BookingFlow  # not at start-up

        return BookingFlow(
            station=station.display_name("zh_CN"),
            hotline=station.hotline,
            typed_identity_items=settings.session.typed_identity_items,
        )

    def question() -> QuestionFlow:
        from kiosk.questions.flow import QuestionFlow  # not at start-up

        return QuestionFlow(
            station=station.display_name("zh_CN"),
            hotline=station.hotline,
            progress_url=settings.ui.progress_url_pattern,
        )

    def home_visit() -> HomeVisitFlow:
        from kiosk.homevisits.flow import HomeVisitFlow  # not at start-up

        return HomeVisitFlow(
            station=station.display_name("zh_CN"),
            hotline=station.hotline,
            progress_url=settings.ui.progress_url_pattern,
            workdays=workdays,
        )

    return booking, question, home_visit


def _platform_flows(
    visit: VisitModel,
    catalogs: tuple[CatalogViewModel, CatalogService],
    outbox: OutboxService | None,
    hub: DeviceHub,
    *,
    shell: ShellModel,
    parent: QObject,
) -> PlatformFlows:
    """预约办理 and 我的预约 (their calls go to the platform through the sync worker),
    留言咨询 and 上门办理 (their requests through the submit worker's outbox), and 政民互动: the
    announcements and surveys the catalog worker loads and syncs, survey answers through the
    outbox too (none without a platform)."""
    catalog, catalog_service = catalogs
    booking = BookingViewModel(visit, catalog.item, service=outbox, hub=hub, parent=parent)
    mine = MyAppointmentsViewModel(visit, catalog.item_name, service=outbox, parent=parent)
    question = QuestionViewModel(visit, service=outbox, hub=hub, parent=parent)
    home_visit = HomeVisitViewModel(visit, catalog.item, service=outbox, hub=hub, parent=parent)
    engagement = EngagementViewModel(outbox, parent)
    catalog_service.engagementReady.connect(engagement.set_engagement)
    shell.sessionEnded.connect(engagement.reset)
    return PlatformFlows(booking, mine, question, home_visit, engagement)


def _apply_flow(
    settings: Settings,
    *,
    visit: VisitModel,
    catalog: CatalogViewModel,
    outbox: OutboxService | None,
    hub: DeviceHub,
    capture: CaptureService,
    shell: ShellModel,
    usage: UsageTally,
    parent: QObject,
) -> ApplyViewModel:
    """在线申报: the application view model, wired."""
    apply = ApplyViewModel(
        visit, catalog.item, service=outbox, capture=capture, hub=hub, usage=usage,
        bundles=catalog.bundle, parent=parent,
    )  # fmt: skip
    apply.finished.connect(shell.endSession)
    return apply


def _capture(settings: Settings, parent: QObject) -> CaptureService:
    """Pages from the document camera (or the image folder), for the application's
    materials, staff mode's camera preview and the daily self-check."""
    camera = settings.camera
    return CaptureService(
        Path(camera.image_folder) if camera.image_folder else None,
        camera.page_budget_kb * 1024,
        camera.max_side_px,
        camera.device,
        parent,
    )


def _sync_worker(
    settings: Settings, services: Services, *, parent: QObject
) -> OutboxService | None:
    """The outbox's sync and submit workers, when there is a platform to reach."""
    if services.outbox is None or services.audit is None or services.platform is None:
        return None
    worker = OutboxWorker(services.outbox, services.audit, services.platform, services.usage)
    submitter = SubmitWorker(
        services.outbox,
        services.audit,
        settings.station.terminal_id,
        settings.station.area_code,
        survey_delay_s=settings.platform.survey_delay_minutes * 60.0,
    )
    return OutboxService(worker, submitter, parent)


def _heartbeat(
    outbox: OutboxService,
    feed: HealthFeed,
    usage: UsageTally,
    *,
    shell: ShellModel,
    hub: DeviceHub,
    service: ServiceState,
    parent: QObject,
) -> None:
    """The heartbeat about every HEARTBEAT_S (each interval drawn anew, kiosk/cadence.py: a
    fleet started together drifts apart), with the usage figures counted since the last
    one; the figures also go to disk at the end of each visit (only the visit under way
    is lost if the kiosk stops). Out of service or back, the district hears at once."""
    heartbeat = QTimer(parent)
    heartbeat.setSingleShot(True)
    rng = random.Random()  # noqa: S311 - jitter, not secrecy

    def beat() -> None:
        outbox.record_usage(usage.take())
        outbox.heartbeat(feed.station())
        heartbeat.start(round(next_in(HEARTBEAT_S, rng) * 1000))

    heartbeat.timeout.connect(beat)
    heartbeat.start(round(next_in(HEARTBEAT_S, rng) * 1000))
    shell.sessionEnded.connect(lambda: outbox.record_usage(usage.take()))
    # Staff learn of a receipt that did not print at once, not at the next heartbeat.
    hub.printFailed.connect(lambda *_: outbox.heartbeat(feed.station()))
    service.changed.connect(lambda: outbox.heartbeat(feed.station()))
