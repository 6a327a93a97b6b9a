"""Frames of the SAM serial protocol, as pure functions: build requests, parse replies.

Request: AA AA AA 96 69 | length (2 bytes, big-endian: command + parameter + checksum) |
command | parameter | checksum. Reply: preamble | length | SW1 SW2 SW3 | data | checksum.
The checksum is the XOR of the length bytes and every following byte but itself.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

PREAMBLE = bytes.fromhex("AAAAAA9669")
MAX_LENGTH = 4096  # the longest real reply (text + photo + fingerprint) is under 2,400 bytes


class Command(enum.Enum):
    RESET_SAM = (0x10, 0xFF)
    SAM_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_TEXT_PHOTO = (0x30, 0x01)
    READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10)
    READ_NEW_ADDRESS = (0x30, 0x03)


class Status(enum.IntEnum):
    """SW3 of a reply."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F
    NO_CONTENT = 0x91
    FIND_FAILED = 0x80  # no card in the field: keep polling, not a fault
    SELECT_FAILED = 0x81
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    UNKNOWN_COMMAND = 0x21
    NOT_AUTHORISED = 0x23
    UNKNOWN_ERROR = 0x24
    CARD_AUTH_FAILED = 0x31
    SAM_AUTH_FAILED = 0x32
    VERIFICATION_ERROR = 0x33
    FINGERPRINT_ERROR = 0x37
    INFO_LENGTH_ERROR = 0x3F
    UNKNOWN_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    RANDOM_FAILED = 0x47
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66

    @property
    def no_card_yet(self) -> bool:
        return self in (Status.FIND_FAILED, Status.SELECT_FAILED)

    @property
    def ok(self) -> bool:
        return self in (Status.SUCCESS, Status.CARD_FOUND)


def status_text(status: Status | int) -> str:
    """A reply's status for staff and the log: its raw SW3 value and its name, e.g.
    "SW3 0x60 SAM_SELF_TEST_FAILED" (an SW3 the protocol does not define: "unknown")."""
    name = status.name if isinstance(status, Status) else "unknown"
    return f"SW3 0x{int(status):02X} {name}"


class FrameError(ValueError):
    """A reply that cannot be trusted; `code` names what was wrong."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        super().__init__(f"{code}: {detail}")


@dataclass(frozen=True)
class Reply:
    """One reply frame from the reader: status words, status, and its data."""

    sw1: int
    sw2: int
    status: Status | int  # an unknown SW3 stays an int and is reported as such
    data: bytes


def checksum(body: bytes) -> int:
    value = 0
    for byte in body:
        value ^= byte
    return value


def build_request(command: Command) -> bytes:
    code, parameter = command.value
    body = (3).to_bytes(2, "big") + bytes([code, parameter])
    return PREAMBLE + body + bytes([checksum(body)])


def build_reply(status: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A reply frame as a reader sends it (used by the simulator and the tests)."""
    length = 3 + len(data) + 1
    body = length.to_bytes(2, "big") + bytes([sw1, sw2, status]) + data
    return PREAMBLE + body + bytes([checksum(body)])


class ReplyParser:
    """Feeds on bytes as they arrive; yields whole, checked replies.

    Resynchronises on the preamble after garbage, waits for the length it was promised, and
    raises FrameError for a frame whose checksum or length is wrong (the bytes are dropped,
    so the next frame can still be read).
    """

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[Reply]:
        self._buffer += data
        replies: list[Reply] = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # Keep a possible partial preamble at the end; drop the rest.
                keep = len(PREAMBLE) - 1
                del self._buffer[: max(0, len(self._buffer) - keep)]
                return replies
            del self._buffer[:start]
            if len(self._buffer) < len(PREAMBLE) + 2:
                return replies
            length = int.from_bytes(self._buffer[5:7], "big")
            if not 4 <= length <= MAX_LENGTH:
                del self._buffer[: len(PREAMBLE)]
                raise FrameError("length", f"impossible frame length {length}")
            end = len(PREAMBLE) + 2 + length
            if len(self._buffer) < end:
                return replies
            frame = bytes(self._buffer[:end])
            del self._buffer[:end]
            body = frame[5:-1]
            if checksum(body) != frame[-1]:
                raise FrameError("checksum", "reply checksum does not match")
            sw1, sw2, sw3 = body[2], body[3], body[4]
            try:
                status: Status | int = Status(sw3)
            except ValueError:
                status = sw3
            replies.append(Reply(sw1, sw2, status, bytes(body[5:])))

    def pending(self) -> int:
        return len(self._buffer)
