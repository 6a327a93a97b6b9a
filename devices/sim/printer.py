"""A simulated ESC/POS receipt printer: raw TCP (like port 9100), a pty, or a file sink.

It interprets what it receives (devices/sim/escpos.py), keeps every job, renders jobs to
PNG at 203 dpi, and answers DLE EOT from a state staff or tests set: paper near end or out,
cover open, offline. With a baud rate it takes bytes no faster than a serial line would,
so print times measured through it are honest. `paper_out_after` makes the paper run out
part-way through the next job.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from devices.printer.layout import PrinterProfile
from devices.printer.status import PrinterState, encode_state
from devices.sim.stream import Receive, Send, StreamSimulator
from devices.status import Paper

if TYPE_CHECKING:  # the interpreter loads with the first bytes, not with the demo's start-up
    from devices.sim.escpos import Interpreter, Job

READY = PrinterState(online=True, cover_open=False, paper=Paper.OK, paper_stop=False, error=False)


class PrinterSimulator(StreamSimulator):
    name = "printer"

    def __init__(
        self,
        profile: PrinterProfile | None = None,
        *,
        pty: bool = False,
        baud: int | None = None,
        out_dir: Path | None = None,
    ) -> None:
        super().__init__(pty=pty, baud=baud)
        self.profile = profile or PrinterProfile()
        self.out_dir = out_dir
        self.state = READY
        self.paper_out_after: int | None = None  # bytes into a job
        self.unplugged = False
        self.jobs: list[Job] = []
        self._changed = threading.Condition()

    @property
    def address(self) -> str:
        """The printer setting that reaches this simulator."""
        return f"serial:{self.url}" if self.pty or self.baud else f"network://127.0.0.1:{self.port}"

    def set_state(self, **changes: object) -> None:
        """e.g. set_state(paper=Paper.OUT), set_state(cover_open=True)."""
        self.state = dataclasses.replace(self.state, **changes)  # type: ignore[arg-type]

    def wait_for_jobs(self, count: int, timeout_s: float = 10.0) -> list[Job]:
        with self._changed:
            self._changed.wait_for(lambda: len(self.jobs) >= count, timeout_s)
            return list(self.jobs)

    def png(self, job: Job) -> bytes:
        return render_png(job, self.profile)

    def _status(self, query: int) -> int:
        replies = {int(key): value for key, value in encode_state(self.state).items()}
        return replies.get(query, 0x12)

    def converse(self, receive: Receive, send: Send) -> None:
        from devices.sim.escpos import Interpreter

        interpreter = Interpreter(self.profile.encoding, self._status)
        while not self.stopping:
            data = receive()
            if data is None:
                return
            if not data or self.unplugged:
                continue
            self.wire_delay(len(data))
            if self.state.paper is Paper.OUT or self.state.paper_stop:
                answers = self._starved(interpreter, data)
            else:
                limit = self.paper_out_after
                if limit is not None and interpreter.job.size + len(data) > limit:
                    keep = max(0, limit - interpreter.job.size)
                    answers = interpreter.feed(data[:keep])
                    self.paper_out_after = None
                    self.set_state(paper=Paper.OUT, paper_stop=True)
                    answers += self._starved(interpreter, data[keep:])
                else:
                    answers = interpreter.feed(data)
            if answers:
                send(answers)
            self._collect(interpreter)

    @staticmethod
    def _starved(interpreter: Interpreter, data: bytes) -> bytes:
        """Out of paper: only status queries are answered; everything else is lost."""
        answers = bytearray()
        index = data.find(b"\x10\x04")
        while index >= 0 and index + 2 < len(data):
            answers += interpreter.feed(data[index : index + 3])
            index = data.find(b"\x10\x04", index + 3)
        interpreter.discard(data)
        return bytes(answers)

    def _collect(self, interpreter: Interpreter) -> None:
        if not interpreter.jobs:
            return
        finished, interpreter.jobs = interpreter.jobs, []
        with self._changed:
            for job in finished:
                self.jobs.append(job)
                if self.out_dir is not None:
                    stamp = time.strftime("%Y%m%d-%H%M%S")
                    path = self.out_dir / f"receipt-{stamp}-{len(self.jobs):03d}.png"
                    # The kiosk user's alone (0600), like every file of the kiosk.
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                    with os.fdopen(fd, "wb") as file:
                        file.write(self.png(job))
            self._changed.notify_all()


def jobs_from_bytes(data: bytes, profile: PrinterProfile) -> list[Job]:
    """The file sink: what a `file:` printer wrote, interpreted job by job."""
    from devices.sim.escpos import Interpreter

    interpreter = Interpreter(profile.encoding, lambda query: 0x12)
    interpreter.feed(data)
    if interpreter.job.blocks:
        interpreter.jobs.append(interpreter.job)  # the last job was never cut
    return interpreter.jobs


def render_png(job: Job, profile: PrinterProfile) -> bytes:
    from devices.sim.escpos import render

    return render(job, profile.dots)
