"""Driving the real kiosk window the way a person would: by clicking QML items.

Imported by the conftest files of tests/ui and tests/benchmarks, which share its fixtures.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from devices.idcard.device import IdCardDevice
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.idcard import IdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.status import Light
from kiosk.app.services import build_services
from kiosk.catalog.sample import load_sample
from kiosk.catalog.store import CatalogStore
from kiosk.devicechoices import DeviceSetup
from kiosk.hours import Clock, station_clock
from kiosk.keyfiles import load_key
from kiosk.services import Devices
from kiosk.settings import MetricsSettings, Settings
from kiosk.staffpin import hash_pin
from kiosk.standin.server import StandIn
from ui.app import LANDSCAPE, PORTRAIT, KioskUi, WindowMode, build_ui
from ui.qmltree import class_name, find, find_item, walk
from ui.settle import settle


class Driver:
    """A person in front of the kiosk, plus the eyes of the test."""

    def __init__(self, ui: KioskUi, qtbot: QtBot) -> None:
        self.ui = ui
        self.qtbot = qtbot
        self.window = ui.window
        self._root = ui.window.contentItem()
        self._items: dict[str, QQuickItem] = {}

    def _on_screen(self, item: QQuickItem) -> bool:
        """`item` is still in the window (not on a screen taken off the stack). Not
        `item.window()`: PySide ties the window's wrapper to the item's, and the window's
        wrapper then dies with the item's (the kiosk cannot be closed after that)."""
        parent = item.parentItem()
        while parent is not None and parent != self._root:
            parent = parent.parentItem()
        return parent is not None

    def item(self, object_name: str) -> QQuickItem:
        """The live item with this objectName, a visible one first (a list being rebuilt
        holds the old delegate until it is deleted)."""
        cached = self._items.get(object_name)
        if (
            cached is not None
            and shiboken6.isValid(cached)
            and cached.isVisible()
            and self._on_screen(cached)
        ):
            return cached
        found = find_item(self.window, object_name)
        if not found.isVisible():
            shown = [
                obj
                for obj in walk(self.window)
                if isinstance(obj, QQuickItem)
                and obj.objectName() == object_name
                and obj.isVisible()
                and self._on_screen(obj)
            ]
            found = shown[0] if shown else found
        self._items[object_name] = found
        return found

    def visible(self, object_name: str) -> bool:
        try:
            return self.item(object_name).isVisible()
        except LookupError:
            return False

    def click(self, object_name: str) -> None:
        item = self.item(object_name)
        assert item.isVisible(), f"{object_name} is not visible"
        self.scroll_to(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        self.settle()

    def scroll_to(self, item: QQuickItem) -> None:
        """Flick the page so `item` is on screen, as a person would before touching it."""
        flickable = item.parentItem()
        # inherits(), not metaObject(): a wrapper of a QML type's metaobject outlives it, and
        # shiboken then hands it out for a new QObject at the same address.
        while flickable is not None and not flickable.inherits("QQuickFlickable"):
            flickable = flickable.parentItem()
        if flickable is None:
            return
        content = flickable.property("contentItem")
        top = item.mapToItem(content, QPointF(0, 0)).y()
        view_top = float(flickable.property("contentY"))
        view_height = flickable.height()
        if top < view_top or top + item.height() > view_top + view_height:
            most = max(0.0, float(flickable.property("contentHeight")) - view_height)
            flickable.setProperty("contentY", min(most, max(0.0, top - view_height / 3)))
            self.settle()

    def fill(self, object_name: str, text: str) -> None:
        """Touch a text field, put `text` in it and press Enter (the keyboard's 完成)."""
        self.click(object_name)
        field = self.item(object_name)
        field.setProperty("text", text)
        QTest.keyClick(self.window, Qt.Key.Key_Return)
        self.settle()

    def press_and_hold(self, object_name: str, until: Callable[[], bool]) -> None:
        """Keep a finger on an item until `until()` holds (or 5 s pass), then lift it."""
        item = self.item(object_name)
        self.scroll_to(item)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mousePress(self.window, Qt.MouseButton.LeftButton, pos=centre)
        try:
            self.wait_until(until)
        finally:
            QTest.mouseRelease(self.window, Qt.MouseButton.LeftButton, pos=centre)
            self.settle()

    def open_staff_panel(self, pin: str | None = None) -> None:
        """Hold the device lights until the PIN pad shows, type the PIN on it, press OK;
        returns once the PIN has been checked (staff mode is open if it was right)."""
        self.press_and_hold("deviceIndicatorArea", lambda: self.visible("staffPinPad"))
        self.enter_pin(STAFF_PIN if pin is None else pin)

    def enter_pin(self, pin: str) -> None:
        staff = self.ui.staff
        self.wait_until(lambda: bool(staff.property("acceptsKeys")))
        for digit in pin:
            self.click(f"staffPinKey_{digit}")
        self.click("staffPinOk")
        self.wait_until(lambda: not staff.property("checking"))
        self.settle()

    def touch_anywhere(self) -> None:
        point = QPoint(self.window.width() // 2, self.window.height() // 2)
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=point)
        self.settle()

    def settle(self) -> None:
        settle(self.window)

    def texts(self) -> list[str]:
        """Every visible text on screen."""
        found = []
        for obj in walk(self.window):
            if isinstance(obj, QQuickItem) and obj.isVisible() and obj.inherits("QQuickText"):
                found.append(str(obj.property("text")))
        return found

    def current_screen(self) -> str:
        stack = find(self.window, "stack")
        current = stack.property("currentItem")
        return current.objectName() if current is not None else ""

    # -- the on-screen keyboard, tapped key by key ------------------------------------------
    def keyboard_open(self) -> bool:
        return self.item("inputPanel").property("active") is True

    def keyboard_items(self, class_prefix: str) -> list[QQuickItem]:
        """The visible items of the on-screen keyboard whose QML type starts so."""
        return [
            obj
            for obj in walk(self.item("inputPanel"))
            if isinstance(obj, QQuickItem)
            and obj.isVisible()
            and class_name(obj).startswith(class_prefix)
        ]

    def keyboard_keys(self) -> list[QQuickItem]:
        """The character keys of the on-screen keyboard's current layout."""
        return self.keyboard_items("Key_")

    def candidate_items(self) -> list[QQuickItem]:
        """The word candidates' items (the kiosk keyboard style's Candidate.qml)."""
        return self.keyboard_items("Candidate")

    def tap(self, item: QQuickItem) -> None:
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=centre.toPoint())

    def type_keys(self, letters: str) -> None:
        """Tap each letter's key on the virtual keyboard."""
        keys = {key.property("text"): key for key in self.keyboard_keys()}
        for letter in letters:
            assert letter in keys, f"no key {letter!r} on the keyboard"
            self.tap(keys[letter])
        self.settle()

    def candidates(self) -> list[str]:
        """The pinyin word candidates shown above the keys, in their order."""
        shown = []
        for item in self.candidate_items():
            texts = [c.property("text") for c in item.childItems() if c.property("text")]
            if texts:
                shown.append((item.x(), str(texts[0])))
        return [text for _x, text in sorted(shown)]

    def choose_candidate(self, text: str) -> None:
        """Tap a word candidate once its strip has slid in above the keys."""
        keys_top = min(key.mapToScene(QPointF(0, 0)).y() for key in self.keyboard_keys())

        def shown() -> QQuickItem | None:
            for item in self.candidate_items():
                if any(c.property("text") == text for c in item.childItems()):
                    bottom = item.mapToScene(QPointF(0, item.height())).y()
                    return item if bottom <= keys_top + 0.5 else None
            return None

        self.wait_until(lambda: shown() is not None)
        candidate = shown()
        assert candidate is not None
        self.tap(candidate)
        self.settle()

    def wait_until(self, predicate: Callable[[], bool], timeout_ms: int = 5000) -> None:
        self.qtbot.waitUntil(predicate, timeout=timeout_ms)


def make_settings(orientation: str = "portrait", **session: float) -> Settings:
    base = Settings()
    return dataclasses.replace(
        base,
        ui=dataclasses.replace(base.ui, orientation=orientation),
        session=dataclasses.replace(base.session, **session),  # type: ignore[arg-type]
        metrics=MetricsSettings(listen=""),  # tests never take a fixed port; port 0 if needed
    )


STAFF_PIN = "470253"


@functools.cache
def _staff_pin_hash() -> str:
    return hash_pin(STAFF_PIN)


def with_staff_pin(settings: Settings | None = None, **staff: float) -> Settings:
    """`settings` (default: make_settings()) with STAFF_PIN as the staff PIN."""
    base = settings or make_settings()
    return dataclasses.replace(
        base,
        staff=dataclasses.replace(base.staff, pin_hash=_staff_pin_hash(), **staff),  # type: ignore[arg-type]
    )


@contextlib.contextmanager
def platform_station(tmp_path: Path) -> Iterator[tuple[Settings, StandIn]]:
    """Settings of a terminal with fresh key files (0600), and a platform stand-in on
    loopback that knows the terminal's secret and checks its signatures."""
    settings, secret = terminal_settings(tmp_path)
    with StandIn(terminals={settings.station.terminal_id: secret}) as standin:
        platform = dataclasses.replace(settings.platform, base_url=standin.url)
        yield dataclasses.replace(settings, platform=platform), standin


def terminal_settings(tmp_path: Path) -> tuple[Settings, bytes]:
    """Settings of a terminal with fresh key files (0600) in `tmp_path`, and its secret."""
    secret_file, key_file = tmp_path / "terminal.secret", tmp_path / "outbox.key"
    secret = load_key(secret_file, create=True)
    load_key(key_file, create=True)
    load_key(tmp_path / "audit.key", create=True)
    base = Settings()
    security = dataclasses.replace(
        base.security,
        terminal_secret_file=str(secret_file),
        outbox_key_file=str(key_file),
        audit_key_file=str(tmp_path / "audit.key"),
    )
    return dataclasses.replace(base, security=security), secret


ResidentStation = tuple["Driver", StandIn, IdCardSimulator, PrinterSimulator]


@contextlib.contextmanager
def resident_station(
    launch: Callable[..., Driver],
    tmp_path: Path,
    configure: Callable[[Settings], Settings] = lambda settings: settings,
) -> Iterator[ResidentStation]:
    """The kiosk window as a resident meets it: the platform stand-in, the card reader and
    the printer simulators, an outbox; `configure` adjusts the settings. Yields once every
    device is online."""
    with (
        platform_station(tmp_path) as (base, standin),
        IdCardSimulator() as reader,
        PrinterSimulator() as printer,
    ):
        devices = Devices(
            id_reader=IdCardDevice(reader.url, command_timeout_s=0.5),
            printer=ReceiptPrinter(parse_address(printer.address), printer.profile, timeout_s=0.5),
            scanner=None,
        )
        kiosk = launch(configure(base), devices=devices, outbox_path=tmp_path / "outbox.db")
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN, 10_000)
        yield kiosk, standin, reader, printer
        kiosk.ui.devices.stop()  # before the simulators go away


@pytest.fixture
def reader_sim() -> Iterator[IdCardSimulator]:
    """The ID-card reader simulator on a TCP port."""
    with IdCardSimulator() as sim:
        yield sim  # type: ignore[misc]


@pytest.fixture
def printer_sim() -> Iterator[PrinterSimulator]:
    """The receipt printer simulator on a TCP port."""
    with PrinterSimulator() as sim:
        yield sim  # type: ignore[misc]


@pytest.fixture(scope="session")
def sample_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalog stored once (search keys take a while to compute)."""
    path = tmp_path_factory.mktemp("catalog") / "catalog.db"
    CatalogStore(path).save(load_sample())
    return path


@pytest.fixture
def catalog_store(sample_store_file: Path, tmp_path: Path) -> CatalogStore:
    """A private copy of the stored sample catalog."""
    path = tmp_path / "catalog.db"
    shutil.copyfile(sample_store_file, path)
    return CatalogStore(path)


@pytest.fixture
def launch(
    qtbot: QtBot, catalog_store: CatalogStore, tmp_path: Path
) -> Iterator[Callable[..., Driver]]:
    """Start the kiosk with given settings; every window started is closed afterwards.

    Windows started in one test share one state folder (staff lockouts, audit trail), as a
    kiosk restarted on the same station would. With `store`, that catalog store and no
    sample: the kiosk is not waited for."""
    started: list[KioskUi] = []

    def start(
        settings: Settings | None = None,
        size: QSize | None = None,
        devices: Devices | None = None,
        outbox_path: Path | None = None,
        device_setup: DeviceSetup | None = None,
        store: CatalogStore | None = None,
        clock: Clock = station_clock,
    ) -> Driver:
        settings = settings or make_settings()
        if settings.metrics.listen == MetricsSettings().listen:  # tests never take a fixed port
            settings = dataclasses.replace(settings, metrics=MetricsSettings(listen=""))
        if not settings.security.audit_key_file:  # as prepare_state() names it in `kiosk run`
            load_key(tmp_path / "audit.key", create=True)
            security = dataclasses.replace(
                settings.security, audit_key_file=str(tmp_path / "audit.key")
            )
            settings = dataclasses.replace(settings, security=security)
        if size is None:
            size = LANDSCAPE if settings.ui.orientation == "landscape" else PORTRAIT
        services = build_services(
            settings,
            store or catalog_store,
            state_dir=tmp_path,
            outbox_path=outbox_path,
            devices=devices,
            sample_catalog=store is None,
            device_setup=device_setup,
        )
        ui = build_ui(settings, WindowMode.HEADLESS, services, size=size, clock=clock)
        started.append(ui)
        driver = Driver(ui, qtbot)
        if store is None:  # the sample catalog: ready within moments
            qtbot.waitUntil(lambda: bool(ui.catalog.ready), timeout=10_000)
        driver.settle()
        return driver

    yield start
    for ui in started:
        ui.close()


@pytest.fixture
def kiosk(launch: Callable[..., Driver]) -> Driver:
    return launch()
