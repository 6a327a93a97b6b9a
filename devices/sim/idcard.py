"""A simulated ID-card reader speaking the SAM protocol over TCP, with scripted faults.

Holds fictional, checksum-valid sample cards. Replies are paced at the configured baud rate
(wire time = bytes × 10 / baud), so timing measured through it is honest.
"""

from __future__ import annotations

import threading

from devices.idcard.checksum import check_character
from devices.idcard.codec import PREAMBLE, Command, Status, build_reply, checksum
from devices.sim.stream import Receive, Send, StreamSimulator

FAULTS = ("bad_checksum", "truncated", "garbage", "silence", "sam_failure", "unplug")


def text_block(fields: dict[tuple[int, int], str], flag: str = " ") -> bytes:
    """A 256-byte UCS-2 text block with `fields` at their byte ranges (docs/domain.md §5)."""
    data = bytearray(" ".encode("utf-16-le") * 128)
    for (start, end), value in fields.items():
        encoded = value.encode("utf-16-le")
        if len(encoded) > end - start + 1:
            raise ValueError(f"{value!r} does not fit bytes {start}-{end}")
        data[start : start + len(encoded)] = encoded
    data[248:250] = flag.encode("utf-16-le")
    return bytes(data)


def _resident(name: str, sex: str, birth: str, address: str, first_17: str) -> bytes:
    return text_block(
        {
            (0, 29): name,
            (30, 31): sex,
            (32, 35): "01",
            (36, 51): birth,
            (52, 121): address,
            (122, 157): first_17 + check_character(first_17),
            (158, 187): "北京市公安局西城分局",
            (188, 203): "20200101",
            (204, 219): "长期",
        }
    )


def _hmt_permit(name: str, birth: str, first_17: str) -> bytes:
    return text_block(
        {
            (0, 29): name,
            (30, 31): "1",
            (36, 51): birth,
            (52, 121): "北京市西城区测试胡同3号",
            (122, 157): first_17 + check_character(first_17),
            (158, 187): "北京市公安局西城分局",
            (188, 203): "20240101",
            (204, 219): "20290101",
            (220, 237): "H00000000",
            (238, 241): "01",
        },
        flag="J",
    )


def _foreign_permanent() -> bytes:
    return text_block(
        {
            (0, 119): "TEST, PERSON",
            (120, 121): "2",
            (122, 151): "USA110190010100",
            (152, 157): "USA",
            (158, 187): "测试丁",
            (188, 203): "20200101",
            (204, 219): "20300101",
            (220, 235): "19900101",
            (236, 239): "01",
            (240, 247): "1500",
        },
        flag="I",
    )


# Fictional people; numbers are checksum-valid but belong to no one.
SAMPLE_CARDS: dict[str, bytes] = {
    "resident": _resident(
        "测试甲", "1", "19500101", "北京市西城区月坛测试路1号", "11010219500101001"
    ),
    "elder": _resident(
        "测试乙", "2", "19400202", "北京市西城区白云观测试街2号", "11010219400202002"
    ),
    "hmt": _hmt_permit("测试丙", "19900303", "81000019900303003"),
    "foreign": _foreign_permanent(),
    "foreign_2023": text_block({(0, 119): "TEST, NEW CARD", (158, 187): "测试戊"}, flag="Y"),
}


class IdCardSimulator(StreamSimulator):
    name = "idcard"

    def __init__(self, baud: int = 115200, *, pty: bool = False) -> None:
        super().__init__(pty=pty, baud=baud)
        self.card: bytes | None = None
        self.fault = ""
        self.empty_finds = 0  # "find card" requests answered with no card on the reader
        self._lock = threading.Lock()

    def insert(self, kind: str = "resident") -> None:
        with self._lock:
            self.card = SAMPLE_CARDS[kind]

    def remove(self) -> None:
        with self._lock:
            self.card = None

    def reply_to(self, command: int, parameter: int) -> bytes:
        """The reply frame a reader sends for one request (no faults applied)."""
        with self._lock:
            card = self.card
            if (command, parameter) == Command.FIND_CARD.value and card is None:
                self.empty_finds += 1
        sam_status = Status.SAM_SELF_TEST_FAILED if self.fault == "sam_failure" else Status.SUCCESS
        read = (
            build_reply(Status.SUCCESS, bytes.fromhex("01000400") + card + bytes(1024))
            if card
            else build_reply(Status.READ_FAILED)
        )
        replies = {
            Command.SAM_STATUS.value: build_reply(sam_status),
            Command.RESET_SAM.value: build_reply(Status.SUCCESS),
            Command.SAM_ID.value: build_reply(Status.SUCCESS, bytes(16)),
            Command.FIND_CARD.value: build_reply(Status.CARD_FOUND, bytes(4))
            if card
            else build_reply(Status.FIND_FAILED),
            Command.SELECT_CARD.value: build_reply(Status.SUCCESS, bytes(8))
            if card
            else build_reply(Status.SELECT_FAILED),
            Command.READ_TEXT_PHOTO.value: read,
        }
        return replies.get((command, parameter), build_reply(Status.UNKNOWN_COMMAND))

    def converse(self, receive: Receive, send: Send) -> None:
        """Answer requests until the channel closes (receive → None) or the cable is pulled.

        `receive` returns b"" when nothing arrived yet. Works over a socket or a pty alike.
        """
        buffer = bytearray()
        while not self.stopping:
            data = receive()
            if data is None:
                return
            self.wire_delay(len(data))  # the request's own time on the wire
            buffer += data
            while (start := buffer.find(PREAMBLE)) >= 0 and len(buffer) >= start + 10:
                frame = bytes(buffer[start : start + 10])
                del buffer[: start + 10]
                if checksum(frame[5:9]) != frame[9]:
                    self._send(send, build_reply(Status.CHECKSUM_ERROR))
                elif not self._answer(send, frame[7], frame[8]):
                    return

    def _answer(self, send: Send, command: int, parameter: int) -> bool:
        """Reply with the configured fault; False when the 'cable' was pulled."""
        reply = self.reply_to(command, parameter)
        fault = self.fault
        if fault == "unplug":
            return False
        if fault == "silence":
            return True
        if fault == "bad_checksum":
            reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
        elif fault == "truncated":
            reply = reply[: len(reply) // 2]
        elif fault == "garbage":
            reply = b"\x13\x37garbage\x00" + reply
        self._send(send, reply)
        return True

    def _send(self, send: Send, reply: bytes) -> None:
        self.wire_delay(len(reply))
        send(reply)


class PtyIdCardSimulator(IdCardSimulator):
    """The same simulated reader behind a pseudo-terminal: settings name its device node."""

    def __init__(self, baud: int = 115200) -> None:
        super().__init__(baud, pty=True)
