"""The measure `kiosk tour` applies to every screen (ui/reach.py): it passes the home screen in
both modes and catches a target or a text under the bar. The tour itself, over every screen,
both layouts and both modes, is tests/kiosk/app/test_cli.py's tour test."""

from __future__ import annotations

from PySide6.QtQuick import QQuickItem

from tests.ui.driver import Driver
from ui.qmltree import walk
from ui.reach import out_of_reach


def test_home_screen_is_within_reach_in_both_modes(kiosk: Driver) -> None:
    assert out_of_reach(kiosk.window, elder=False) == []
    kiosk.click("elderButton")
    assert out_of_reach(kiosk.window, elder=True) == []


def test_a_small_target_is_caught(kiosk: Driver) -> None:
    kiosk.item("homeButton").setHeight(79)
    problems = out_of_reach(kiosk.window, elder=False)
    assert any(p.startswith("target homeButton") and "× 79 px" in p for p in problems), problems


def test_normal_sizes_fall_short_in_elder_mode(kiosk: Driver) -> None:
    """The same screen, measured against the elder bar while drawn at normal sizes."""
    problems = out_of_reach(kiosk.window, elder=True)
    assert any("(at least 104 px)" in p for p in problems), problems
    assert any("(at least 36 px)" in p for p in problems), problems


def test_a_small_text_is_caught_and_a_hidden_one_is_not(kiosk: Driver) -> None:
    tile = kiosk.item("tile_apply")
    text = next(
        item
        for item in walk(tile)
        if isinstance(item, QQuickItem) and item.inherits("QQuickText") and item.property("text")
    )
    font = text.property("font")
    font.setPixelSize(27)
    text.setProperty("font", font)
    assert any("is 27 px (at least 28 px)" in p for p in out_of_reach(kiosk.window, elder=False))
    tile.setVisible(False)
    assert not any("27 px" in p for p in out_of_reach(kiosk.window, elder=False))
