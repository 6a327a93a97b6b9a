"""Qt messages that are not ours to fix and would otherwise fail a warning-free run."""

from __future__ import annotations

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
