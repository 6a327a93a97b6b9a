"""The service watch on the real window: WATCHDOG=1 only while the GUI thread runs, STATUS=
lines that follow the devices, READY after the first frame, SIGTERM quitting the loop."""

from __future__ import annotations

import itertools
import os
import signal
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.printer import PrinterSimulator
from devices.status import Paper
from kiosk.app.sdnotify import Notifier
from kiosk.catalog.store import CatalogStore
from kiosk.services import Devices, Services
from tests.notifylistener import NotifyListener, status_lines
from tests.ui.driver import make_settings
from ui.app import KioskUi, WindowMode, build_ui
from ui.main import watch_service
from ui.servicewatch import ServiceWatch, quit_on_signals

WATCHDOG_MS = 100


@pytest.fixture(params=["path", "abstract"])
def notify(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NotifyListener]:
    with NotifyListener(tmp_path / "notify", abstract=request.param == "abstract") as listener:
        yield listener


@pytest.fixture
def watched(
    qtbot: QtBot, catalog_store: CatalogStore, notify: NotifyListener, printer_sim: PrinterSimulator
) -> Iterator[tuple[KioskUi, ServiceWatch]]:
    printer = ReceiptPrinter(parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5)
    services = Services(
        catalog_store,
        sample_catalog=True,
        devices=Devices(id_reader=None, printer=printer, scanner=None),
    )
    ui = build_ui(make_settings(), WindowMode.HEADLESS, services)
    notifier = Notifier(notify.address)
    watch = watch_service(ui, notifier, WATCHDOG_MS)
    assert notify.times_of("READY=1") == []  # not before the first frame
    yield ui, watch
    watch.stopping()
    ui.close()
    notifier.close()


def pump(qtbot: QtBot) -> None:
    qtbot.wait(10)


def test_watchdog_gui_thread_blocked_no_ping_until_it_runs_again(
    qtbot: QtBot, watched: tuple[KioskUi, ServiceWatch], notify: NotifyListener
) -> None:
    notify.wait_for(lambda: len(notify.times_of("WATCHDOG=1")) >= 5, 10, lambda: pump(qtbot))
    blocked: list[float] = []

    def block_gui_thread() -> None:
        blocked.append(time.monotonic())
        time.sleep(1.0)  # the frozen GUI thread under test, not a wait of the test
        blocked.append(time.monotonic())

    QTimer.singleShot(0, block_gui_thread)
    notify.wait_for(
        lambda: (
            len(blocked) == 2
            and len([t for t in notify.times_of("WATCHDOG=1") if t > blocked[1]]) >= 5
        ),
        10,
        lambda: pump(qtbot),
    )
    start, end = blocked
    pings = notify.times_of("WATCHDOG=1")
    # The listener stamps a datagram when its thread gets to it: one sent just before the
    # block may be stamped a little after its start.
    late = start + 0.1
    assert not [at for at in pings if late < at < end]
    before = [at for at in pings if at <= late]
    after = [at for at in pings if at >= end]
    assert after[0] - before[-1] >= 0.9  # the silence systemd's WatchdogSec= catches
    # …and before and after, the pings keep their pace.
    gaps = [b - a for a, b in itertools.pairwise(after)]
    assert 0.05 < statistics.median(gaps) < 0.3, gaps


def test_status_printer_out_of_paper_reaches_the_service_manager(
    qtbot: QtBot,
    watched: tuple[KioskUi, ServiceWatch],
    notify: NotifyListener,
    printer_sim: PrinterSimulator,
) -> None:
    notify.wait_for(lambda: bool(notify.times_of("READY=1")), 10, lambda: pump(qtbot))
    printer_sim.set_state(paper=Paper.OUT)
    notify.wait_for(
        lambda: any("Printer: out of paper" in line for line in status_lines(notify.messages())),
        10,
        lambda: pump(qtbot),
    )
    printer_sim.set_state(paper=Paper.OK)
    notify.wait_for(
        lambda: status_lines(notify.messages())[-1] == "Serving residents", 10, lambda: pump(qtbot)
    )


def test_stopping_is_sent_and_the_watchdog_falls_silent(
    qtbot: QtBot, watched: tuple[KioskUi, ServiceWatch], notify: NotifyListener
) -> None:
    _, watch = watched
    notify.wait_for(lambda: bool(notify.times_of("WATCHDOG=1")), 10, lambda: pump(qtbot))
    watch.stopping()
    notify.wait_for(lambda: bool(notify.times_of("STOPPING=1")), 5)
    stopped = notify.times_of("STOPPING=1")[0]
    qtbot.wait(3 * WATCHDOG_MS)
    assert not [at for at in notify.times_of("WATCHDOG=1") if at > stopped]


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_quit_on_signals_signal_ends_the_event_loop(qtbot: QtBot, number: signal.Signals) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    previous = signal.getsignal(number)
    with quit_on_signals(lambda: app):
        QTimer.singleShot(50, lambda: os.kill(os.getpid(), number))
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(lambda: app.exit(3))  # the loop did not end: fail, do not hang
        guard.start(10_000)
        assert app.exec() == 0
        guard.stop()
    assert signal.getsignal(number) is previous
