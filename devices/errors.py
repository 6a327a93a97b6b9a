"""Device errors: a code, a sentence for the person at the screen, a precise one for the log."""

from __future__ import annotations


class DeviceError(Exception):
    def __init__(self, code: str, message: str, detail: str = "") -> None:
        self.code = code
        self.message = message  # plain Chinese, says what to do next
        self.detail = detail  # for staff and the log; never personal data
        super().__init__(f"{code}: {detail or message}")
