"""The shell view model: station identity, language, elder mode and the session's end."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication

from kiosk.settings import Settings, opening_hours_text
from ui.environment import pinyin_user_dictionary
from ui.i18n import LanguageSwitcher
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.visitview import VisitModel

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("built by the composition root")
class ShellModel(QObject):
    """What every screen shares. Holds no personal data.

    Signals:
        languageChanged: the UI language switched; every text re-translates.
        elderModeChanged(bool): elder mode (长辈模式) toggled; carries whether it is on.
        sessionEnded: the resident's session is over and wiped (everything personal lives
            in the session, see ui.visitview); the attract screen shows. Emitted by
            `endSession()`.
        sessionStarted: a new resident touched the attract screen.
    """

    languageChanged = Signal()
    elderModeChanged = Signal(bool)
    sessionEnded = Signal()
    sessionStarted = Signal()

    def __init__(
        self,
        settings: Settings,
        languages: LanguageSwitcher,
        parent: QObject | None = None,
        *,
        visit: VisitModel,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._settings = settings
        self._languages = languages
        self._elder_mode = settings.ui.elder_mode_default
        self._languages.switch(settings.ui.language)

    # -- station identity ---------------------------------------------------------------
    @Property(str, notify=languageChanged)
    def stationName(self) -> str:
        return self._settings.station.display_name(self._languages.current)

    @Property(str, constant=True)
    def stationAddress(self) -> str:
        return self._settings.station.address

    @Property(str, constant=True)
    def stationPhone(self) -> str:
        return self._settings.station.phone

    @Property(str, notify=languageChanged)
    def openingHours(self) -> str:
        """In words made from [hours] weekly (the hours the screen follows), or the
        station's own words."""
        return opening_hours_text(self._settings, self._languages.current)

    @Property(str, constant=True)
    def hotline(self) -> str:
        return self._settings.station.hotline

    @Property(str, constant=True)
    def orientation(self) -> str:
        return self._settings.ui.orientation

    # -- language and elder mode ---------------------------------------------------------
    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._languages.current

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        if self._languages.switch(language):
            self.languageChanged.emit()

    @Property(bool, notify=elderModeChanged)
    def elderMode(self) -> bool:
        return self._elder_mode

    @Slot(bool)
    def setElderMode(self, enabled: bool) -> None:
        if enabled != self._elder_mode:
            self._elder_mode = enabled
            self.elderModeChanged.emit(enabled)

    @Slot()
    def hideKeyboard(self) -> None:
        """Close the on-screen keyboard (a new screen shows; it may ask for it again)."""
        QGuiApplication.inputMethod().hide()

    # -- session -------------------------------------------------------------------------
    @Slot()
    def startSession(self) -> None:
        self.sessionStarted.emit()

    @Slot()
    def endSession(self) -> None:
        """Wipe everything the resident left: the session (once), clipboard, keyboard,
        language, elder mode."""
        self._visit.wipe()
        QGuiApplication.clipboard().clear()
        # Drop the keyboard's composing text and word candidates, and close it.
        input_method = QGuiApplication.inputMethod()
        input_method.reset()
        input_method.hide()
        # Second line of defence: the pinyin engine must never have learned anything.
        pinyin_user_dictionary().unlink(missing_ok=True)
        self.setElderMode(self._settings.ui.elder_mode_default)
        self.setLanguage(self._settings.ui.language)
        self.sessionEnded.emit()
        log.info("session ended and wiped")
