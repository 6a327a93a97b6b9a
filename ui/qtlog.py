"""Qt's own messages: through logging in a running kiosk, and those that are not ours to fix.

`kiosk run` and `kiosk out-of-service` route Qt's messages (QML errors and warnings among
them, which may quote what a resident typed or a card held) through logging, so that the
masking filter applies before they reach the journal or the log file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")

# (category, start of the message). Each entry says why it is harmless.
KNOWN_NOISE: tuple[tuple[str, str], ...] = (
    # Qt Multimedia probes for PipeWire when the virtual keyboard loads its key sounds; the
    # kiosk plays no audio through it and falls back silently.
    ("qt.multimedia.symbolsresolver", "Couldn't load pipewire"),
    ("qt.multimedia.symbolsresolver", "Couldn't resolve pipewire"),
    # The FFmpeg camera backend probes for VA-API video acceleration when the document camera
    # opens; the kiosk takes still pages and needs none.
    ("qt.multimedia.symbolsresolver", "Couldn't load va"),
    ("qt.multimedia.symbolsresolver", "Couldn't resolve va"),
    # Inside Qt Virtual Keyboard's own QML (PopupList), reported by the property cache.
    ("qt.qml.propertyCache.append", "Member contentWidth of the object PopupList"),
    # The pinyin engine says so at warning level whenever its user dictionary file is absent,
    # which is the normal state here: the session wipe deletes it (ui/shell.py).
    ("qt.virtualkeyboard.pinyin", "PinyinDecoderService::init(): creating directory"),
    # The offscreen platform has no window manager to honour these requests.
    ("", "This plugin does not support"),
)


def is_known_noise(category: str | None, message: str) -> bool:
    category = category or ""
    return any(
        (not cat or cat == category) and message.startswith(prefix) for cat, prefix in KNOWN_NOISE
    )


def route_qt_messages() -> None:
    """From now on, Qt's messages go to the logger "qt" (known noise at debug level)."""
    qInstallMessageHandler(_to_logging)


def _to_logging(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    level = logging.DEBUG if is_known_noise(category, message) else _LEVELS.get(kind, 30)
    _qt_log.log(level, "%s: %s", category, message)
