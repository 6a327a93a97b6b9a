"""The out-of-service window: the hotline and the nearby stations in the station's language,
why the terminal is down in words, and no way out on a hardware keyboard."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.health import OUT_OF_SERVICE_REASONS
from kiosk.settings import NearbyStation, OutOfServiceSettings, Settings
from tests.ui.lockdownkeys import KEYS_WITHOUT_TEXT, next_frame, press_every_escape_key
from ui.app import WindowMode
from ui.outofservice import OutOfServiceUi, build_out_of_service
from ui.qmltree import find_item, walk

STATIONS = (
    NearbyStation(
        "月坛街道政务服务中心", "西城区月坛北街 26 号", "周一至周五 9:00–17:00", "010-68000001"
    ),
    NearbyStation("三里河社区服务站", "三里河一区 5 号楼", "周一至周六 9:00–12:00", "010-68000002"),
)


def station_settings(
    language: str = "zh_CN", stations: tuple[NearbyStation, ...] = STATIONS
) -> Settings:
    base = Settings()
    return dataclasses.replace(
        base,
        ui=dataclasses.replace(base.ui, language=language),
        out_of_service=OutOfServiceSettings(stations=stations),
    )


Build = Callable[..., OutOfServiceUi]


@pytest.fixture
def build(qtbot: QtBot) -> Iterator[Build]:
    started: list[OutOfServiceUi] = []

    def start(settings: Settings, reason: str = "crash-loop") -> OutOfServiceUi:
        ui = build_out_of_service(settings, reason, WindowMode.FULLSCREEN)
        started.append(ui)
        next_frame(ui.window)
        return ui

    yield start
    QGuiApplication.restoreOverrideCursor()
    for ui in started:
        ui.close()


def texts(ui: OutOfServiceUi) -> list[str]:
    return [
        str(item.property("text"))
        for item in walk(ui.window)
        if isinstance(item, QQuickItem) and item.isVisible() and item.inherits("QQuickText")
    ]


def text_of(ui: OutOfServiceUi, name: str) -> str:
    return str(find_item(ui.window, name).property("text"))


def test_out_of_service_chinese_shows_reason_hotline_and_every_station(build: Build) -> None:
    ui = build(station_settings())
    shown = texts(ui)
    assert text_of(ui, "outOfServiceTitle") == "本机暂停服务"
    assert text_of(ui, "outOfServiceReason") == (
        "本机连续多次出现故障，已通知区政务服务中心，技术人员将尽快检修。"
    )
    assert text_of(ui, "outOfServiceHotline") == "12345"
    assert "也可以前往附近有工作人员的服务站：" in shown
    for station in STATIONS:
        assert station.name in shown
        assert station.address in shown
        assert station.hours in shown
        assert f"电话 {station.phone}" in shown


def test_out_of_service_english_default_language_shows_english(build: Build) -> None:
    ui = build(station_settings("en"))
    assert text_of(ui, "outOfServiceTitle") == "This terminal is out of service"
    assert text_of(ui, "outOfServiceReason").startswith("It stopped working several times")
    assert "Telephone 010-68000001" in texts(ui)


def test_out_of_service_without_stations_shows_the_hotline_alone(build: Build) -> None:
    ui = build(station_settings(stations=()))
    shown = texts(ui)
    assert "12345" in shown
    assert "也可以前往附近有工作人员的服务站：" not in shown
    assert not [t for t in shown if t.startswith("电话")]


def test_out_of_service_station_text_with_markup_is_shown_as_typed(build: Build) -> None:
    odd = NearbyStation("<b>站</b>", "<img src='http://x/'>", "9-17", "110")
    ui = build(station_settings(stations=(odd,)))
    assert "<b>站</b>" in texts(ui)
    assert "<img src='http://x/'>" in texts(ui)


@pytest.mark.parametrize("reason", OUT_OF_SERVICE_REASONS)
@pytest.mark.parametrize(
    ("language", "generic"),
    [("zh_CN", "本机暂时停用。"), ("en", "It has been switched off for now.")],
)
def test_out_of_service_every_reason_has_words_of_its_own(
    build: Build, reason: str, language: str, generic: str
) -> None:
    ui = build(station_settings(language), reason)
    assert text_of(ui, "outOfServiceReason") not in ("", generic)


def test_out_of_service_unknown_reason_says_switched_off(build: Build) -> None:
    ui = build(station_settings(), "staff-maintenance")
    assert text_of(ui, "outOfServiceReason") == "本机暂时停用。"


def test_out_of_service_window_refuses_to_close(build: Build) -> None:
    ui = build(station_settings())
    ui.window.close()
    assert ui.window.isVisible()


@KEYS_WITHOUT_TEXT
def test_out_of_service_hardware_keyboard_finds_no_way_out(build: Build) -> None:
    ui = build(station_settings())
    assert press_every_escape_key(ui.window) == []
