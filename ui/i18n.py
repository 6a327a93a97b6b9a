"""Loading the compiled translations (ui/i18n/*.qm) and switching language at run time."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator
from PySide6.QtQml import QQmlEngine

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh_CN", "en")


class _NoLanguageChange(QObject):
    """Swallows the LanguageChange events Qt sends when a translator is removed or installed.

    Each of them reaches every item of the window (two walks of the whole item tree per
    switch, 6-18 ms of GUI-thread work in landscape); the engine's `retranslate()` alone
    re-evaluates every qsTr() binding, and only the texts that change are laid out again.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.LanguageChange


class LanguageSwitcher:
    """Installs the translator of one language and re-translates the QML engine.

    Source strings are English; English still loads its file for plural forms.
    """

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self._quiet = _NoLanguageChange()
        self._engine: QQmlEngine | None = None
        self.current = ""

    def attach(self, engine: QQmlEngine) -> None:
        self._engine = engine

    def detach(self) -> None:
        """Remove the installed translator (when the UI closes)."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self._engine = None
        self.current = ""

    def switch(self, language: str) -> bool:
        """Returns True when the language changed."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language == self.current:
            return False
        app = QCoreApplication.instance()
        assert app is not None, "create the QGuiApplication first"
        # Qt sends its LanguageChange events synchronously from removeTranslator() and
        # installTranslator(): the filter on the application is there only for these calls.
        app.installEventFilter(self._quiet)
        try:
            self._install(language)
        finally:
            app.removeEventFilter(self._quiet)
        self.current = language
        if self._engine is not None:
            self._engine.retranslate()
        return True

    def _install(self, language: str) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        translator = QTranslator(QCoreApplication.instance())
        qm_file = I18N_DIR / f"kiosk_{language}.qm"
        if translator.load(str(qm_file)):
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        else:
            log.error("translation file missing: %s (run `make i18n`)", qm_file)
