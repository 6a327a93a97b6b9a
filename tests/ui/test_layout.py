"""Geometry of every screen in both orientations and in elder mode.

Nothing outside the surface, no touch targets overlapping, every touch target at least
80 px on its short side (×1.3 in elder mode), body text at least 28 px (×1.3 in elder mode),
no text cut off or spilling out of its tile or button.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.engagement.sample import load_sample
from tests.ui.driver import Driver, make_settings
from ui.qmltree import class_name, walk

MIN_TARGET_PX = 80
MIN_TEXT_PX = 28
ELDER_FACTOR = 1.3
TOLERANCE = 0.5


def _scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _text_rect(item: QQuickItem) -> QRectF:
    width = max(item.width(), float(item.property("contentWidth")))
    height = max(item.height(), float(item.property("contentHeight")))
    return item.mapRectToScene(QRectF(0, 0, width, height))


def _contains(outer: QRectF, inner: QRectF) -> bool:
    return (
        inner.left() >= outer.left() - TOLERANCE
        and inner.top() >= outer.top() - TOLERANCE
        and inner.right() <= outer.right() + TOLERANCE
        and inner.bottom() <= outer.bottom() + TOLERANCE
    )


def _ancestors(item: QQuickItem) -> list[QQuickItem]:
    chain = []
    parent = item.parentItem()
    while parent is not None:
        chain.append(parent)
        parent = parent.parentItem()
    return chain


def _shown(item: QQuickItem) -> bool:
    return item.isVisible() and item.width() > 0 and item.height() > 0 and item.opacity() > 0


def _in_keyboard(item: QQuickItem) -> bool:
    keyboard = {"keyboardLoader", "inputPanel"}
    return any(a.objectName() in keyboard for a in [item, *_ancestors(item)])


def _clip_rect(item: QQuickItem) -> QRectF | None:
    """The nearest clipping ancestor's rect (a scrolling list shows only part of itself)."""
    for ancestor in _ancestors(item):
        if ancestor.clip() and ancestor.objectName() != "surface":
            return _scene_rect(ancestor)
    return None


def _layer(item: QQuickItem, surface: QQuickItem) -> QQuickItem:
    """The child of the surface this item belongs to (header, stack, overlay …)."""
    chain = [item, *_ancestors(item)]
    for index, ancestor in enumerate(chain):
        if ancestor is surface or ancestor == surface:
            return chain[index - 1]
    return item


def check_layout(kiosk: Driver) -> list[str]:
    factor = ELDER_FACTOR if kiosk.ui.shell.elderMode else 1.0
    surface = kiosk.item("surface")
    bounds = _scene_rect(surface)
    problems: list[str] = []
    items = [
        obj
        for obj in walk(surface)
        if isinstance(obj, QQuickItem) and _shown(obj) and not _in_keyboard(obj)
    ]
    targets = [item for item in items if item.property("touchTarget") is True]

    def name(item: QQuickItem) -> str:
        text = item.property("text")
        return f"{item.objectName() or class_name(item)} {text!r}"

    for item in items:
        rect = _scene_rect(item)
        clip = _clip_rect(item)
        visible_rect = rect.intersected(clip) if clip is not None else rect
        if not visible_rect.isEmpty() and not _contains(bounds, visible_rect):
            problems.append(f"outside the screen: {name(item)} at {rect}")

    for item in targets:
        rect = _scene_rect(item)
        short_side = min(rect.width(), rect.height())
        if short_side < MIN_TARGET_PX * factor - TOLERANCE:
            problems.append(f"touch target too small ({short_side:.0f} px): {name(item)}")

    for i, first in enumerate(targets):
        for second in targets[i + 1 :]:
            if first in _ancestors(second) or second in _ancestors(first):
                continue
            if _layer(first, surface) != _layer(second, surface):
                continue
            overlap = _scene_rect(first).intersected(_scene_rect(second))
            if overlap.width() > TOLERANCE and overlap.height() > TOLERANCE:
                problems.append(f"touch targets overlap: {name(first)} and {name(second)}")

    for item in items:
        if not item.inherits("QQuickText") or not str(item.property("text")):
            continue
        size = item.property("font").pixelSize()
        if size < MIN_TEXT_PX * factor - TOLERANCE:
            problems.append(f"text too small ({size} px): {name(item)}")
        if item.property("truncated"):
            problems.append(f"text cut off: {name(item)}")
        container = next((a for a in _ancestors(item) if a in targets), None)
        if container is not None and not _contains(_scene_rect(container), _text_rect(item)):
            problems.append(f"text spills out of {name(container)}: {name(item)}")
    return problems


def lasting_problems(kiosk: Driver) -> list[str]:
    """check_layout's problems that are still there one frame later: a defect lasts. Under
    load the guides grid was once measured with group_8 standing on group_0 (a view places
    its rows at its next polish); why it was mid-relayout then is not known (one catalog
    load only, counted), so this is a tolerance, not an explanation."""
    problems = check_layout(kiosk)
    if problems:
        kiosk.settle()
        problems = check_layout(kiosk)
    return problems


def _home(kiosk: Driver) -> None:
    pass


def _consult(kiosk: Driver) -> None:
    kiosk.click("tile_consult")


def _notice(kiosk: Driver) -> None:
    kiosk.click("tile_appointment")


def _idle_warning(kiosk: Driver) -> None:
    kiosk.ui.idle.expire_in(10)
    kiosk.settle()


def _attract(kiosk: Driver) -> None:
    # The session ends: elder mode and language return to the station's defaults.
    kiosk.ui.idle.expire_in(0)
    kiosk.settle()


def _guides(kiosk: Driver) -> None:
    kiosk.click("tile_guides")


def _item_list(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    kiosk.click("browse_department")
    kiosk.click("group_0")


def _guide(kiosk: Driver) -> None:
    _item_list(kiosk)
    kiosk.click("itemRow_0")


def _search_with_keyboard(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(lambda: kiosk.item("inputPanel").property("active") is True)
    kiosk.item("searchField").setProperty("text", "居住证")
    kiosk.settle()


def _search_nothing_found(kiosk: Driver) -> None:
    _search_with_keyboard(kiosk)
    kiosk.item("searchField").setProperty("text", "火星移民")
    kiosk.settle()


def _progress(kiosk: Driver) -> None:
    kiosk.click("tile_progress")


SCREENS: dict[str, Callable[[Driver], None]] = {
    "home": _home,
    "consult": _consult,
    "notice": _notice,
    "idle-warning": _idle_warning,
    "attract": _attract,
    "guides": _guides,
    "item-list": _item_list,
    "guide": _guide,
    "search-keyboard": _search_with_keyboard,
    "search-nothing-found": _search_nothing_found,
    "progress": _progress,
}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_layout_fits_screen_targets_and_text(
    launch: Callable[..., Driver], orientation: str, elder: bool, language: str, screen: str
) -> None:
    kiosk = launch(make_settings(orientation))
    kiosk.ui.engagement.set_engagement(load_sample())  # the home screen's news strip filled
    kiosk.settle()
    if elder:
        kiosk.click("elderButton")
    if language == "en":
        kiosk.click("languageButton")
    SCREENS[screen](kiosk)
    assert lasting_problems(kiosk) == []


def test_layout_check_catches_a_too_small_target(kiosk: Driver) -> None:
    """The checker itself must see a defect when there is one."""
    kiosk.item("homeButton").setHeight(40)
    problems = check_layout(kiosk)
    assert any("too small" in p and "homeButton" in p for p in problems)


def test_layout_check_catches_overlap_and_overflow(kiosk: Driver) -> None:
    tile = kiosk.item("tile_apply")
    tile.setX(tile.x() + 200)
    tile.setY(tile.y() + 5000)
    problems = check_layout(kiosk)
    assert any("outside the screen" in p for p in problems)
