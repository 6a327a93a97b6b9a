"""Every screen of the tour: each text is plain text (none reads markup), and each image is
bundled with the kiosk or drawn by its own image providers."""

from __future__ import annotations

import pytest

from kiosk.settings import Settings
from tests.security.screen import foreign_images, not_plain
from tests.ui.tourwalk import walk_tour


@pytest.mark.usefixtures("qapp")
def test_tour_every_screen_texts_are_plain_and_images_are_the_kiosks_own() -> None:
    offenders: dict[str, list[str]] = {}
    images: dict[str, list[str]] = {}
    screens = []
    for _station, ui, screen in walk_tour(Settings()):
        screens.append(screen)
        if found := not_plain(ui.engine, ui.window):
            offenders[screen] = found
        if found := foreign_images(ui.window):
            images[screen] = found
    assert "apply-review" in screens  # the walk went all the way
    assert offenders == {}
    assert images == {}
