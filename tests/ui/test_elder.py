"""Elder mode (长辈模式): bigger text and targets, high contrast."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tests.ui.driver import Driver
from ui.qmltree import walk


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_elder_mode_scales_text_and_targets_by_at_least_1_3(kiosk: Driver) -> None:
    button = kiosk.item("homeButton")
    height_before = button.height()
    font_before = kiosk.item("languageButton").property("font").pixelSize()
    kiosk.click("elderButton")
    assert button.height() >= 1.3 * height_before - 0.5
    font_after = kiosk.item("languageButton").property("font").pixelSize()
    assert font_after >= 1.3 * font_before - 0.5


def test_elder_mode_is_high_contrast(kiosk: Driver) -> None:
    kiosk.click("elderButton")
    # The theme singleton is not in the tree; read the colours the screen actually uses.
    header = kiosk.item("header").property("color")
    station = kiosk.item("stationName").property("color")
    assert contrast(header, station) >= 7.0
    window_background = kiosk.window.color()
    texts = [
        obj
        for obj in walk(kiosk.item("tileGrid"))
        if obj.inherits("QQuickText") and obj.property("text")
    ]
    assert texts
    # Tiles are drawn on the surface colour; every text on them must stand out by 7:1 (AAA).
    surface = QColor("#111111")
    for text in texts:
        colour = text.property("color")
        assert contrast(colour, surface) >= 7.0 or contrast(colour, QColor("#ffeb3b")) >= 7.0
    assert contrast(QColor("#ffffff"), window_background) >= 7.0
