"""The kiosk's QML engine: it loads what ships with the kiosk and nothing else.

Text on screen comes from residents, ID cards, scanners and the platform. It is shown as plain
text (KioskText), and should markup ever slip through, the engine still fetches nothing it
names: no http or https, no file outside the bundled QML and icons, no data: URLs. Two locks,
because QML reaches the network by two roads: URLs it resolves (Image.source, components)
pass the interceptor; requests it makes (images in rich text, XMLHttpRequest) go through the
engine's network access manager, which refuses them all.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QObject, QUrl
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtQml import (
    QQmlAbstractUrlInterceptor,
    QQmlApplicationEngine,
    QQmlImageProviderBase,
    QQmlNetworkAccessManagerFactory,
)

log = logging.getLogger(__name__)

DataType = QQmlAbstractUrlInterceptor.DataType

# What a refused URL becomes: a scheme nothing in Qt loads, which Qt names in its warning.
REFUSED = QUrl("refused:")


class BundledUrls(QQmlAbstractUrlInterceptor):
    """Lets through qrc:, the registered image providers and files inside the bundle.

    QML code (components, scripts, qmldir) may also come from Qt's own module folder; images
    and every other URL a binding names only from the bundle (`ui/qml`: screens and icons).
    """

    def __init__(self, bundle: Path) -> None:
        super().__init__()
        self._bundle = os.path.normpath(bundle)
        self._code_roots = (self._bundle, os.path.normpath(_qt_modules()))
        self._providers: set[str] = set()

    def allow_provider(self, provider_id: str) -> None:
        self._providers.add(provider_id.lower())

    def allows(self, url: QUrl, kind: DataType) -> bool:
        scheme = url.scheme()
        if scheme == "qrc":
            return True
        if scheme == "image":
            return url.host() in self._providers
        if scheme == "file" and not url.host():
            roots = self._code_roots if kind is not DataType.UrlString else (self._bundle,)
            path = os.path.normpath(url.toLocalFile())
            return any(path == root or path.startswith(root + os.sep) for root in roots)
        return False

    def intercept(self, path: QUrl | str, kind: DataType) -> QUrl:
        url = QUrl(path)
        if self.allows(url, kind):
            return url
        # The scheme only: the rest of the URL may be what a resident typed.
        log.warning("refused to load a %s URL", url.scheme() or "schemeless")
        return REFUSED


class RefusingNetworkAccessManager(QNetworkAccessManager):
    """Answers every request with an error at once, without opening a connection."""

    def createRequest(
        self,
        op: QNetworkAccessManager.Operation,
        request: QNetworkRequest,
        outgoing_data: object = None,
    ) -> QNetworkReply:
        log.warning("refused a network request from QML (%s)", request.url().scheme())
        return super().createRequest(op, QNetworkRequest(REFUSED), None)


class NoNetwork(QQmlNetworkAccessManagerFactory):
    """Gives the engine (and its loader threads) managers that refuse every request."""

    def create(self, parent: QObject) -> QNetworkAccessManager:
        return RefusingNetworkAccessManager(parent)


class KioskEngine(QQmlApplicationEngine):
    """A QQmlApplicationEngine locked to the bundle; keeps its locks as long as it lives."""

    def __init__(self, bundle: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.urls = BundledUrls(bundle)
        # Qt also looks for modules next to the Python interpreter; the kiosk has none there.
        self.setImportPathList([path for path in self.importPathList() if self._allowed(path)])
        self._network = NoNetwork()
        self.addUrlInterceptor(self.urls)
        self.setNetworkAccessManagerFactory(self._network)

    def _allowed(self, import_path: str) -> bool:
        local = not import_path.startswith("qrc:")
        url = QUrl.fromLocalFile(import_path) if local else QUrl(import_path)
        return self.urls.allows(url, DataType.QmldirFile)

    def addImageProvider(self, provider_id: str, provider: QQmlImageProviderBase) -> None:
        """Registers the provider and lets `image://provider_id/…` URLs through."""
        self.urls.allow_provider(provider_id)
        super().addImageProvider(provider_id, provider)


def _qt_modules() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath)
