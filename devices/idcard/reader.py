"""Reading ID cards through a SAM module on a serial port (or socket://, loop://, a pty).

One command at a time; every command has a deadline. A read card is reported once: the
next card is read only after this one has left the field.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from typing import Protocol

from devices.errors import DeviceError
from devices.idcard.codec import (
    Command,
    FrameError,
    Reply,
    ReplyParser,
    Status,
    build_request,
    status_text,
)
from devices.idcard.identity import Identity, TextBlockError, parse_text_block
from devices.idcard.photo import PHOTO_BYTES, PhotoDecoder, decode_photo

NO_READER = "devices.reader_silent"
SAM_FAILED = "devices.reader_sam_failed"
CARD_UNREADABLE = "devices.card_unreadable"


class Port(Protocol):
    """What the reader needs of a pyserial port."""

    def write(self, data: bytes, /) -> int | None: ...
    def read(self, size: int = 1, /) -> bytes: ...
    def reset_input_buffer(self) -> None: ...
    @property
    def in_waiting(self) -> int: ...


class IdCardReader:
    def __init__(
        self, port: Port, command_timeout_s: float = 3.0, photo_decoder: PhotoDecoder | None = None
    ) -> None:
        self._port = port
        self._photo_decoder = photo_decoder
        self._timeout = command_timeout_s
        self._card_in_field = False
        self.cancel = threading.Event()  # set from another thread to abandon a command

    def transact(self, command: Command) -> Reply:
        """Send one command and wait for its reply; DeviceError when none comes in time."""
        self._port.reset_input_buffer()
        self._port.write(build_request(command))
        parser = ReplyParser()
        deadline = time.monotonic() + self._timeout
        while time.monotonic() < deadline:
            if self.cancel.is_set():
                raise DeviceError("cancelled", CARD_UNREADABLE, f"{command.name} cancelled")
            chunk = self._port.read(max(1, self._port.in_waiting))
            if not chunk:
                continue
            try:
                replies = parser.feed(chunk)
            except FrameError as error:
                raise DeviceError("frame", CARD_UNREADABLE, str(error)) from None
            if replies:
                return replies[0]
        raise DeviceError("timeout", NO_READER, f"no reply to {command.name}")

    def check_sam(self) -> None:
        reply = self.transact(Command.SAM_STATUS)
        if reply.status is not Status.SUCCESS:
            raise DeviceError("sam", SAM_FAILED, f"SAM status {status_text(reply.status)}")

    def poll(self) -> Identity | None:
        """One find → select → read cycle. None while no (new) card is on the reader."""
        found = self.transact(Command.FIND_CARD)
        if found.status is not Status.CARD_FOUND:
            if isinstance(found.status, Status) and found.status.no_card_yet:
                self._card_in_field = False
                return None
            raise DeviceError("find", CARD_UNREADABLE, f"find card: {status_text(found.status)}")
        if self._card_in_field:
            return None  # the card already read is still lying there
        selected = self.transact(Command.SELECT_CARD)
        if selected.status is not Status.SUCCESS:
            return None
        read = self.transact(Command.READ_TEXT_PHOTO)
        if read.status is not Status.SUCCESS:
            raise DeviceError("read", CARD_UNREADABLE, f"read: {status_text(read.status)}")
        identity = self._identity(read.data)
        photo = read.data[4 + 256 : 4 + 256 + PHOTO_BYTES]
        if (image := decode_photo(self._photo_decoder, photo)) is not None:
            identity = dataclasses.replace(identity, photo=image)
        self._card_in_field = True
        return identity

    @staticmethod
    def _identity(data: bytes) -> Identity:
        if len(data) < 4:
            raise DeviceError("read", CARD_UNREADABLE, "read reply without lengths")
        text_length = int.from_bytes(data[0:2], "big")
        photo_length = int.from_bytes(data[2:4], "big")
        if text_length != 256 or len(data) < 4 + text_length + photo_length:
            raise DeviceError(
                "read", CARD_UNREADABLE, f"text {text_length} / photo {photo_length} bytes"
            )
        try:
            return parse_text_block(data[4 : 4 + text_length])
        except TextBlockError as error:
            raise DeviceError("read", CARD_UNREADABLE, str(error)) from None
