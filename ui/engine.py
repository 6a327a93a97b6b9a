"""The kiosk's QML engine: it reaches no network at all.

Text on screen comes from residents, ID cards, scanners and the platform. It is shown as plain
text (KioskText), and should markup ever slip through, the engine still fetches nothing it
names: every request QML makes (an Image's http(s) source, images in rich text,
XMLHttpRequest) goes through the engine's network access manager, and that one refuses them
all without opening a connection. Images come only from the bundle and the kiosk's image
providers (tests/security/test_tour_texts.py checks every screen).

Not a QQmlAbstractUrlInterceptor: Qt calls it on its type-loader thread while the GUI thread
may wait for that thread, and a Python interceptor then needs the interpreter lock the
waiting GUI thread holds (a deadlock, met when a test's click opened a screen).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtQml import QQmlApplicationEngine, QQmlNetworkAccessManagerFactory

log = logging.getLogger(__name__)

# Where a refused request is sent instead: a scheme nothing in Qt loads, so the reply fails
# at once and Qt's warning names it ('Protocol "refused" is unknown').
REFUSED = QUrl("refused:")


class RefusingNetworkAccessManager(QNetworkAccessManager):
    """Answers every request with an error at once, without opening a connection."""

    def createRequest(
        self,
        op: QNetworkAccessManager.Operation,
        request: QNetworkRequest,
        outgoing_data: object = None,
    ) -> QNetworkReply:
        # The scheme only: the rest of the URL may be what a resident typed.
        log.warning("refused a network request from QML (%s)", request.url().scheme())
        return super().createRequest(op, QNetworkRequest(REFUSED), None)


class NoNetwork(QQmlNetworkAccessManagerFactory):
    """Gives the engine (and its image loader thread) managers that refuse every request."""

    def create(self, parent: QObject) -> QNetworkAccessManager:
        return RefusingNetworkAccessManager(parent)


class KioskEngine(QQmlApplicationEngine):
    """A QQmlApplicationEngine without network; keeps its factory as long as it lives."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._network = NoNetwork()
        self.setNetworkAccessManagerFactory(self._network)
