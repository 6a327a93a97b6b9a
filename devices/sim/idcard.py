"""A simulated ID-card reader speaking the SAM protocol over TCP, with scripted faults.

Holds fictional, checksum-valid sample cards. Replies are paced at the configured baud rate
(wire time = bytes × 10 / baud), so timing measured through it is honest.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time
import tty
from collections.abc import Callable

from devices.idcard.checksum import check_character
from devices.idcard.codec import PREAMBLE, Command, Status, build_reply, checksum

FAULTS = ("bad_checksum", "truncated", "garbage", "silence", "sam_failure", "unplug")


def text_block(fields: dict[tuple[int, int], str], flag: str = " ") -> bytes:
    """A 256-byte UCS-2 text block with `fields` at their byte ranges (DOMAIN.md §5)."""
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


# Fictional people; numbers are checksum-valid but belong to no one.
SAMPLE_CARDS: dict[str, bytes] = {
    "resident": _resident(
        "测试甲", "1", "19500101", "北京市西城区月坛测试路1号", "11010219500101001"
    ),
    "elder": _resident(
        "测试乙", "2", "19400202", "北京市西城区白云观测试街2号", "11010219400202002"
    ),
}


class IdCardSimulator:
    def __init__(self, baud: int = 115200) -> None:
        self.baud = baud
        self.card: bytes | None = None
        self.fault = ""
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)  # so the serving thread notices stop() promptly
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.getsockname()[:2]
        return f"socket://{host}:{port}"

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

    def start(self) -> IdCardSimulator:
        self._thread = threading.Thread(target=self._serve, name="idcard-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server.close()

    def __enter__(self) -> IdCardSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(0.1)
            with client:
                self._talk(client)

    def _talk(self, client: socket.socket) -> None:
        def receive() -> bytes | None:
            try:
                return client.recv(4096) or None
            except TimeoutError:
                return b""
            except OSError:
                return None

        self.converse(receive, client.sendall)

    def converse(
        self, receive: Callable[[], bytes | None], send: Callable[[bytes], object]
    ) -> None:
        """Answer requests until the channel closes (receive → None) or the cable is pulled.

        `receive` returns b"" when nothing arrived yet. Works over a socket or a pty alike.
        """
        buffer = bytearray()
        while not self._stopping.is_set():
            data = receive()
            if data is None:
                return
            buffer += data
            while (start := buffer.find(PREAMBLE)) >= 0 and len(buffer) >= start + 10:
                frame = bytes(buffer[start : start + 10])
                del buffer[: start + 10]
                if checksum(frame[5:9]) != frame[9]:
                    self._send(send, build_reply(Status.CHECKSUM_ERROR))
                elif not self._answer(send, frame[7], frame[8]):
                    return

    def _answer(self, send: Callable[[bytes], object], command: int, parameter: int) -> bool:
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

    def _send(self, send: Callable[[bytes], object], reply: bytes) -> None:
        time.sleep(len(reply) * 10 / self.baud)  # the wire time at this baud rate
        try:
            send(reply)
        except OSError:
            return


class PtyIdCardSimulator(IdCardSimulator):
    """The same simulated reader behind a pseudo-terminal: settings name `device` as the port."""

    def __init__(self, baud: int = 115200) -> None:
        super().__init__(baud)
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.device = os.ttyname(self._slave)

    @property
    def url(self) -> str:
        return self.device

    def _serve(self) -> None:
        def receive() -> bytes | None:
            ready, _, _ = select.select([self._master], [], [], 0.1)
            if not ready:
                return b""
            try:
                return os.read(self._master, 4096)
            except OSError:
                return None

        def send(data: bytes) -> None:
            os.write(self._master, data)

        self.converse(receive, send)

    def stop(self) -> None:
        super().stop()
        os.close(self._master)
        os.close(self._slave)
