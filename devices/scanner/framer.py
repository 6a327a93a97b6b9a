"""Turning the scanner's byte stream into codes: prefix, suffix, encoding, limits.

Pure: bytes and the time they arrived go in, codes or typed rejections come out. A code is
complete at its suffix. A pause longer than the inter-character timeout in the middle of a
code means the rest was lost, so the fragment is dropped and reported rather than glued to
the next scan.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

SUFFIXES = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}
UNREADABLE = "devices.scan_unreadable"


@dataclass(frozen=True)
class Scan:
    """One code the scanner read, decoded and checked."""

    text: str


@dataclass(frozen=True)
class BadScan:
    """A scan we refuse; `reason` for code, `detail` for the log (never the code itself)."""

    reason: str  # "encoding", "control", "too_long", "prefix", "incomplete"
    detail: str
    message: str = UNREADABLE  # the message code for the resident (Words.qml)


ScanResult = Scan | BadScan


@dataclass(frozen=True)
class FramerSettings:
    """How the scanner ends, starts and encodes a code, and how long one may be."""

    suffix: str = "CR"
    prefix: str = ""
    encoding: str = "utf-8"  # or "gb18030"
    max_length: int = 512  # characters
    inter_char_timeout_s: float = 0.2

    def __post_init__(self) -> None:
        if self.suffix not in SUFFIXES:
            raise ValueError(f"scanner suffix must be one of {', '.join(SUFFIXES)}")
        if self.encoding not in ("utf-8", "gb18030"):
            raise ValueError("scanner encoding must be utf-8 or gb18030")
        if self.max_length < 1:
            raise ValueError("scanner max_length must be at least 1")


class ScanFramer:
    def __init__(self, settings: FramerSettings) -> None:
        self.settings = settings
        self._suffix = SUFFIXES[settings.suffix]
        self._prefix = settings.prefix.encode(settings.encoding)
        # a character takes at most 4 bytes in either encoding
        self._byte_limit = len(self._prefix) + 4 * settings.max_length + len(self._suffix)
        self._buffer = bytearray()
        self._last = 0.0
        self._overflowed = False

    def feed(self, data: bytes, now: float) -> list[ScanResult]:
        results = self.expire(now)
        for byte in data:
            self._buffer.append(byte)
            if self._buffer.endswith(self._suffix):
                frame = bytes(self._buffer[: -len(self._suffix)])
                self._buffer.clear()
                if self._overflowed:
                    self._overflowed = False
                    results.append(BadScan("too_long", "code longer than max_length"))
                else:
                    results.append(self._decode(frame))
            elif len(self._buffer) > self._byte_limit:
                self._buffer.clear()  # keep memory bounded; report at the suffix
                self._overflowed = True
        if data:
            self._last = now
        return results

    def expire(self, now: float) -> list[ScanResult]:
        """Drop a fragment left hanging longer than the inter-character timeout."""
        if (
            self._buffer or self._overflowed
        ) and now - self._last > self.settings.inter_char_timeout_s:
            size = len(self._buffer)
            self._buffer.clear()
            self._overflowed = False
            return [BadScan("incomplete", f"{size} bytes without suffix, then a pause")]
        return []

    def _decode(self, frame: bytes) -> ScanResult:
        if self._prefix:
            if not frame.startswith(self._prefix):
                return BadScan("prefix", "code without the configured prefix")
            frame = frame[len(self._prefix) :]
        try:
            text = frame.decode(self.settings.encoding)
        except UnicodeDecodeError as error:
            return BadScan("encoding", f"not {self.settings.encoding} at byte {error.start}")
        if not text:
            return BadScan("incomplete", "empty code")
        if any(unicodedata.category(char) in ("Cc", "Cf", "Cs") for char in text):
            return BadScan("control", "control characters in the code")
        if len(text) > self.settings.max_length:
            return BadScan("too_long", f"{len(text)} characters > {self.settings.max_length}")
        return Scan(text)
