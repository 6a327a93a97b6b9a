"""Process environment Qt reads once, before the application object exists."""

from __future__ import annotations

import os
from pathlib import Path


def prepare_qt_environment(*, headless: bool) -> None:
    """Select the embedded virtual keyboard and the plain Controls style.

    Must run before QGuiApplication is created. `headless` selects the offscreen platform
    with the software scene graph (tests, `kiosk tour`, CI machines without a display).
    """
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    # The keyboard lives inside our window (InputPanel), never as a desktop overlay.
    os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
    os.environ["QT_QUICK_CONTROLS_STYLE"] = "Basic"
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["QT_QUICK_BACKEND"] = "software"


def pinyin_user_dictionary() -> Path:
    """Where Qt Virtual Keyboard's pinyin engine would learn what residents type.

    Our text fields switch learning off (ImhSensitiveData); the session wipe also deletes
    this file as a second line of defence.
    """
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat"
