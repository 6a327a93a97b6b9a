"""The out-of-service window (`kiosk out-of-service`): full screen and locked down, it tells
residents the terminal does not serve, why (a reason code; words in Words.qml), the hotline
and the nearest staffed stations from the station file. No device, no personal data, no
network from QML: a window that keeps working when the kiosk itself keeps crashing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, QSize
from PySide6.QtQuick import QQuickWindow

from kiosk.settings import Settings
from ui.app import QML_DIR, QmlLoadError, WindowMode, load_window, show_window
from ui.engine import KioskEngine
from ui.environment import prepare_qt_environment
from ui.i18n import LanguageSwitcher
from ui.main import new_application
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.servicestate import NearbyStationRows, nearby_stations
from ui.servicewatch import (
    NoServiceManager,
    ServiceManager,
    ServiceWatch,
    quit_on_signals,
    serve,
)

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

OUT_OF_SERVICE_QML = QML_DIR / "Kiosk" / "OutOfServiceWindow.qml"


@QmlElement
@QmlUncreatable("built by ui/outofservice.py")
class OutOfServiceModel(QObject):
    """What the out-of-service window shows; all of it fixed while it runs."""

    def __init__(self, settings: Settings, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason = reason
        self._hotline = settings.station.hotline
        self._station_name = settings.station.display_name(settings.ui.language)
        self._stations = nearby_stations(settings, self)

    @Property(str, constant=True)
    def reason(self) -> str:
        """Why, as a code ("crash-loop"); Words.qml has its words (serviceReason)."""
        return self._reason

    @Property(str, constant=True)
    def hotline(self) -> str:
        return self._hotline

    @Property(str, constant=True)
    def stationName(self) -> str:
        return self._station_name

    def _get_stations(self) -> NearbyStationRows:
        return self._stations

    stations = Property(NearbyStationRows, _get_stations, constant=True)


@dataclass
class OutOfServiceUi:
    engine: KioskEngine
    window: QQuickWindow
    model: OutOfServiceModel
    languages: LanguageSwitcher

    def close(self) -> None:
        self.languages.detach()
        self.window.setProperty("allowClose", True)
        self.window.close()
        self.engine.deleteLater()
        self.window.deleteLater()


def build_out_of_service(
    settings: Settings, reason: str, mode: WindowMode, *, size: QSize | None = None
) -> OutOfServiceUi:
    """The out-of-service window, in the station's default language. A QGuiApplication must
    exist."""
    languages = LanguageSwitcher()
    engine = KioskEngine()
    model = OutOfServiceModel(settings, reason, engine)
    languages.attach(engine)
    languages.switch(settings.ui.language)
    window = load_window(
        engine,
        OUT_OF_SERVICE_QML,
        {"service": model, "lockdown": mode is WindowMode.FULLSCREEN},
    )
    show_window(window, mode, settings, size)
    return OutOfServiceUi(engine, window, model, languages)


def run_out_of_service(
    settings: Settings,
    reason: str,
    *,
    service: ServiceManager | None = None,
    watchdog_ms: int | None = None,
) -> int:
    """The out-of-service window until SIGTERM or SIGINT, reporting to the service manager
    as the kiosk does (READY after the first frame, WATCHDOG from this thread)."""
    prepare_qt_environment(headless=False)
    notifier = service or NoServiceManager()
    with quit_on_signals(new_application) as app:  # Ctrl+C and SIGTERM stop it cleanly
        try:
            ui = build_out_of_service(settings, reason, WindowMode.FULLSCREEN)
        except QmlLoadError as error:
            log.error("%s", error)
            return 1
        shown = len(settings.out_of_service.stations)
        status = f"Out of service ({reason}): showing the hotline and {shown} nearby stations"
        watch = ServiceWatch(notifier, watchdog_ms, lambda: status, ui.engine)
        watch.watch_first_frame(ui.window)
        log.warning("showing the out-of-service screen (reason: %s)", reason)
        return serve(app, watch, ui.close)
