"""Contrast, measured: every pair of text and background colours the theme uses, by WCAG
2.x's formula, at least 4.5:1 in the normal palette and 7:1 in elder mode (the AAA bar).

Not measured: disabled controls (WCAG exempts them; they also say what they are by their
place), the staff's device lights (colour dots beside words, not text) and the dark,
dimmed closed screen at night (a burn-in guard no one reads from across the room; its words
are also measured below, at 4.5:1 in both palettes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QObject
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlComponent, QQmlEngine

from ui.app import QML_DIR

# (text, background): each where the screens draw that text on that colour.
PAIRS = (
    ("text", "background"),  # page text
    ("text", "surface"),  # text in boxes, buttons, rows
    ("mutedText", "background"),  # secondary lines
    ("mutedText", "surface"),
    ("accent", "surface"),  # section titles, the speaking mark, links
    ("accent", "background"),  # screen titles in elder mode
    ("accentText", "accent"),  # primary and checked buttons
    ("headerText", "headerBackground"),  # the station's name and the clock
    ("warning", "surface"),  # what went wrong
    ("warning", "background"),
    ("bannerText", "bannerBackground"),  # device and outbox banners
)
CLOSED_PAIRS = (("closedText", "closedBackground"), ("closedMutedText", "closedBackground"))

HARNESS = b"""
import QtQml
import Kiosk

QtObject {
    property bool elder: false
    Component.onCompleted: Theme.elder = Qt.binding(() => elder)
    function colour(name: string): string { return Theme[name].toString() }
}
"""


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def theme(qapp: QObject) -> Iterator[QObject]:
    engine = QQmlEngine()
    engine.addImportPath(str(QML_DIR))
    component = QQmlComponent(engine)
    component.setData(HARNESS, "harness.qml")
    harness = component.create()
    assert harness is not None, component.errorString()
    yield harness
    harness.setProperty("elder", False)
    harness.deleteLater()


def colour(theme: QObject, name: str) -> QColor:
    value = QMetaObject.invokeMethod(
        theme, "colour", Q_RETURN_ARG("QString"), Q_ARG("QString", name)
    )
    parsed = QColor(str(value))
    assert parsed.isValid(), name
    assert parsed.alpha() == 255, f"{name} is translucent: contrast depends on what is beneath"
    return parsed


@pytest.mark.parametrize(("elder", "bar"), [(False, 4.5), (True, 7.0)])
def test_every_text_colour_stands_out_from_its_background(
    theme: QObject, elder: bool, bar: float
) -> None:
    theme.setProperty("elder", elder)
    low = []
    for text, background in PAIRS:
        ratio = contrast(colour(theme, text), colour(theme, background))
        if ratio < bar:
            low.append(f"{text} on {background}: {ratio:.2f}:1")
    for text, background in CLOSED_PAIRS:
        ratio = contrast(colour(theme, text), colour(theme, background))
        if ratio < 4.5:
            low.append(f"{text} on {background}: {ratio:.2f}:1 (closed screen)")
    assert not low, f"below {bar}:1 in the {'elder' if elder else 'normal'} palette: {low}"


def test_the_formula_gives_wcags_own_figures() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_the_group_badges_white_letter_stands_out_from_each_badge_colour() -> None:
    """GroupButton.qml's badges (a department's first character, white on a colour of its
    own; in elder mode they take the theme's accent pair, measured above)."""
    source = (QML_DIR / "Kiosk" / "components" / "GroupButton.qml").read_text("utf-8")
    palette = re.search(r"badgePalette: \[(.*?)\]", source, re.S)
    assert palette is not None
    colours = re.findall(r'"(#[0-9a-fA-F]{6})"', palette.group(1))
    assert len(colours) >= 8
    low = [c for c in colours if contrast(QColor("#ffffff"), QColor(c)) < 4.5]
    assert not low
