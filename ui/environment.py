"""Process environment Qt reads once, before the application object exists."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType


def prepare_qt_environment(*, headless: bool) -> None:
    """Select the embedded virtual keyboard and the plain Controls style.

    Must run before QGuiApplication is created. `headless` selects the offscreen platform
    with the software scene graph (tests, `kiosk tour`, CI machines without a display).
    """
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    # The keyboard lives inside our window (InputPanel), never as a desktop overlay.
    os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
    # Our keyboard style (ui/qml/QtQuick/VirtualKeyboard/Styles/kiosk/): it follows the theme.
    os.environ["QT_VIRTUALKEYBOARD_STYLE"] = "kiosk"
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


def stop_source_caching_on_import() -> None:
    """Keep PySide's import hook from holding the source text of every later module.

    shiboken6 replaces `__import__`: for each module imported after it, it reads the
    module's source (`inspect.getsource`) to see whether it names PySide6, and `inspect`
    leaves the whole text in `linecache` for the life of the process — some 10 MB for what
    the kiosk and its workers import, all of it resident while the kiosk waits for a
    resident. The same check, with the source read through the module's loader and dropped.
    Call once, before the kiosk's own modules are imported (ui/__init__.py does).
    """
    import PySide6  # noqa: F401  (sets up shiboken's import hook, if not yet done)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = names_pyside  # type: ignore[attr-defined]


def names_pyside(module: ModuleType) -> bool:
    """Whether the module's source mentions PySide6 (shiboken's test, without linecache).

    A source file is searched as bytes: "PySide6" is ASCII, so the bytes hold it exactly
    when the text does, and nothing is decoded.
    """
    file = getattr(module, "__file__", None)
    try:
        if isinstance(file, str) and file.endswith(".py"):
            return b"PySide6" in Path(file).read_bytes()
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        get_source = getattr(loader, "get_source", None)
        source = get_source(module.__name__) if get_source is not None else None
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False
    return isinstance(source, str) and "PySide6" in source
