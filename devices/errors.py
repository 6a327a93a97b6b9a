"""Device errors: a code, what to tell the person at the screen, a precise reason for the log."""

from __future__ import annotations


class DeviceError(Exception):
    """`code` is what went wrong, for the program (no_device, offline, paper_out…);
    `message` is what the person at the screen is told, as a message code ("devices.…",
    kiosk/messages.py) whose words live in Words.qml, section "devices" (device messages
    take no arguments); `detail` is for staff and the log, never personal data.

    A code and not a `Message`: devices/ sits below kiosk/ and imports nothing from it.
    """

    def __init__(self, code: str, message: str, detail: str = "") -> None:
        self.code = code
        self.message = message
        self.detail = detail
        super().__init__(f"{code}: {detail or message}")
