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

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtQml import (
    QQmlApplicationEngine,
    QQmlIncubationController,
    QQmlNetworkAccessManagerFactory,
)

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


class SlicedIncubation(QQmlIncubationController):
    """Builds what QML creates asynchronously (screens, the on-screen keyboard) SLICE_MS at a
    time, the GUI thread's other events in between.

    The window's own controller builds ~11 ms at a time between two frames; with the frame's
    own work the GUI thread then went 15-25 ms without answering a touch (issue 11's
    gui_stall_ms_max). A slice ends at the first object done after SLICE_MS.
    """

    SLICE_MS = 3

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer()
        self._timer.setInterval(0)  # a slice whenever no other event waits
        self._timer.timeout.connect(self._slice)

    def incubatingObjectCountChanged(self, count: int) -> None:
        if count and not self._timer.isActive():
            self._timer.start()

    def _slice(self) -> None:
        if self.incubatingObjectCount():
            self.incubateFor(self.SLICE_MS)
        else:
            self._timer.stop()


class KioskEngine(QQmlApplicationEngine):
    """A QQmlApplicationEngine without network that builds asynchronous objects in slices;
    keeps its factory and its controller as long as it lives."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._network = NoNetwork()
        self.setNetworkAccessManagerFactory(self._network)
        # Set before a window is loaded: a window installs its own only if there is none.
        self._incubation = SlicedIncubation()
        self.setIncubationController(self._incubation)
