"""The kiosk's QML engine reaches no network: no http(s) image, no XMLHttpRequest, and no
request a loopback server ever sees; bundled icons and the image providers still load."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine, QQmlExpression

from tests.security.conftest import CountingServer
from tests.ui.driver import Driver
from ui.app import QML_DIR
from ui.qtlog import KNOWN_NOISE

# What Qt says when an Image or a request meets a refused URL, besides the usual noise (the
# test's own marker replaces the one tests/conftest.py gives every test).
refused_said = pytest.mark.qt_log_ignore(
    *(re.escape(prefix) for _category, prefix in KNOWN_NOISE), 'Protocol "refused" is unknown'
)

READY, ERROR = 1, 3  # Image.Ready, Image.Error


class Probe:
    """QML made in the kiosk's own engine, as if it were one of the kiosk's files."""

    def __init__(self, kiosk: Driver, qml: str) -> None:
        self.engine = kiosk.ui.engine
        component = QQmlComponent(self.engine)
        component.setData(qml.encode(), QUrl.fromLocalFile(str(QML_DIR / "Kiosk" / "Probe.qml")))
        created = component.create()
        assert created is not None, component.errorString()
        # Owned by the window, as the kiosk's own items are (not by JavaScript's collector).
        QQmlEngine.setObjectOwnership(created, QQmlEngine.ObjectOwnership.CppOwnership)
        created.setParent(kiosk.window)
        self.root: QObject = created

    def value(self, expression: str) -> object:
        result, failed = QQmlExpression(self.engine.rootContext(), self.root, expression).evaluate()
        assert not failed, expression
        return result

    def close(self) -> None:
        self.root.deleteLater()


@pytest.fixture
def probe(kiosk: Driver) -> Iterator[list[Probe]]:
    made: list[Probe] = []
    yield made
    for each in made:
        each.close()


def image(kiosk: Driver, probes: list[Probe], source: str) -> Probe:
    """An Image of `source` in the kiosk's engine, once it has loaded or failed."""
    made = Probe(kiosk, f"import QtQuick\nImage {{ source: {source} }}\n")
    probes.append(made)
    kiosk.wait_until(lambda: made.value("status") in (READY, ERROR))
    return made


@refused_said
def test_engine_http_image_is_refused_and_server_sees_nothing(
    kiosk: Driver, probe: list[Probe], loopback: CountingServer
) -> None:
    shown = image(kiosk, probe, f'"{loopback.origin}/remote.png"')
    assert shown.value("status") == ERROR
    assert loopback.requests == []


@refused_said
def test_engine_xhr_is_refused_and_server_sees_nothing(
    kiosk: Driver, probe: list[Probe], loopback: CountingServer
) -> None:
    made = Probe(
        kiosk,
        "import QtQuick\n"
        "Item {\n"
        "    property int answer: -1\n"
        "    Component.onCompleted: {\n"
        "        const request = new XMLHttpRequest()\n"
        "        request.onreadystatechange = () => {\n"
        "            if (request.readyState === XMLHttpRequest.DONE) answer = request.status\n"
        "        }\n"
        f'        request.open("GET", "{loopback.origin}/xhr")\n'
        "        request.send()\n"
        "    }\n"
        "}\n",
    )
    probe.append(made)
    kiosk.wait_until(lambda: made.value("answer") != -1)
    assert made.value("answer") == 0  # no HTTP status: nothing was asked
    assert loopback.requests == []


def test_engine_bundled_icons_and_image_providers_still_load(
    kiosk: Driver, probe: list[Probe]
) -> None:
    assert image(kiosk, probe, 'Qt.resolvedUrl("icons/apply.svg")').value("status") == READY
    assert (
        image(kiosk, probe, '"image://qr/" + encodeURIComponent("XC-1")').value("status") == READY
    )
