"""The receipt printer: lifecycle, status before every job, jobs kept for reprint.

A job is sent in small chunks, so it can be cancelled between them and a printer that stops
answering is noticed within the timeout. After the bytes are out, a status query confirms
the printer took them (the reply comes only after the printer has worked through the job);
if the paper ran out or the cover opened on the way, the job is kept for `reprint()`.
"""

from __future__ import annotations

import threading

from devices.errors import DeviceError
from devices.printer.layout import PrinterProfile
from devices.printer.status import PrinterState, Query, StatusByteError, parse_state, query_bytes
from devices.printer.transport import NO_PRINTER, PrinterAddress, Transport, open_transport
from devices.status import DeviceKind, DeviceStatus, Health, Lifecycle, Paper, status_from_error

PAPER_OUT = "devices.paper_out"
COVER_OPEN = "devices.cover_open"
PRINT_FAILED = "devices.print_incomplete"
NOTHING_TO_REPRINT = "devices.nothing_to_reprint"
CHUNK = 256


class ReceiptPrinter(Lifecycle):
    def __init__(
        self,
        address: PrinterAddress,
        profile: PrinterProfile,
        baud: int = 9600,
        timeout_s: float = 0.8,
    ) -> None:
        super().__init__()
        self.address = address
        self.profile = profile
        self._baud = baud
        self._timeout = timeout_s
        self._transport: Transport | None = None
        self.failed_job: bytes | None = None
        self.cancel = threading.Event()

    # lifecycle ---------------------------------------------------------------------------

    def _on_claim(self) -> None:
        self._transport = open_transport(self.address, self._baud, self._timeout)

    def _on_release(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()

    @property
    def connected(self) -> bool:
        return self._transport is not None

    # status ------------------------------------------------------------------------------

    def check_health(self) -> DeviceStatus:
        """Query the printer; never raises. Reconnects a transport that was lost."""
        try:
            self.ensure_claimed()
            state = self.read_state()
        except DeviceError as error:
            self._on_release()
            return status_from_error(DeviceKind.PRINTER, error)
        return describe(state)

    def read_state(self, wait_s: float = 0.0) -> PrinterState | None:
        """DLE EOT 1, 2, 4 → state; None for transports that cannot answer (file, CUPS).

        `wait_s` extends the first reply's deadline: after a job, the query queues behind
        the job's bytes on a serial line.
        """
        if not self._connection().can_query:
            return None
        printer = self._query(Query.PRINTER, wait_s)
        cause, paper = self._query(Query.OFFLINE_CAUSE), self._query(Query.PAPER)
        try:
            return parse_state(printer, cause, paper)
        except StatusByteError as error:
            raise DeviceError("status", NO_PRINTER, str(error)) from None

    def _query(self, query: Query, wait_s: float = 0.0) -> int:
        try:
            reply = self._connection().query(
                query_bytes(query), self._timeout + wait_s, self.cancel
            )
        except DeviceError:
            self._on_release()
            raise
        if reply is None and self.cancel.is_set():
            raise DeviceError("cancelled", PRINT_FAILED, "status query cancelled")
        if reply is None:
            raise DeviceError("timeout", NO_PRINTER, f"no reply to DLE EOT {int(query)}")
        return reply

    # printing ----------------------------------------------------------------------------

    def print_job(self, job: bytes) -> None:
        """Print `job` (bytes from layout.receipt_bytes). Raises DeviceError with what to say.

        The printer's state is checked first; a job that cannot be finished is kept in
        `failed_job` so staff (or the resident, once paper is back) can reprint it.
        """
        self.cancel.clear()
        try:
            self.ensure_claimed()
            self._refuse_unless_ready(self.read_state())
            for start in range(0, len(job), CHUNK):
                if self.cancel.is_set():
                    raise DeviceError("cancelled", PRINT_FAILED, "print job cancelled")
                self._write(job[start : start + CHUNK])
            self._connection().end_job()
            wire_s = len(job) * 10 / self._baud  # the job's time on a serial line
            self._refuse_unless_ready(self.read_state(wait_s=wire_s), after=True)
        except DeviceError:
            self.failed_job = job
            raise
        self.failed_job = None

    def reprint(self) -> None:
        if self.failed_job is None:
            raise DeviceError("nothing", NOTHING_TO_REPRINT, "no failed job kept")
        self.print_job(self.failed_job)

    @staticmethod
    def _refuse_unless_ready(state: PrinterState | None, after: bool = False) -> None:
        if state is None:
            return
        where = "after the job" if after else "before the job"
        if state.paper is Paper.OUT or state.paper_stop:
            raise DeviceError("paper_out", PAPER_OUT, f"paper out {where}")
        if state.cover_open:
            raise DeviceError("cover_open", COVER_OPEN, f"cover open {where}")
        if not state.online:
            raise DeviceError("offline", PRINT_FAILED, f"printer offline {where}")

    # bytes -------------------------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        try:
            self._connection().write(data)
        except DeviceError:
            self._on_release()
            raise

    def _connection(self) -> Transport:
        if self._transport is None:  # dropped by a failure since the job began
            raise DeviceError("offline", NO_PRINTER, "printer connection lost")
        return self._transport


def describe(state: PrinterState | None) -> DeviceStatus:
    """A printer state in the common status model."""
    if state is None:
        return DeviceStatus(DeviceKind.PRINTER, Health.ONLINE, paper=Paper.UNKNOWN, cover_open=None)
    if state.paper is Paper.OUT or state.paper_stop:
        health, message, detail = Health.HARDWARE_ERROR, PAPER_OUT, "paper out"
    elif state.cover_open:
        health, message, detail = Health.HARDWARE_ERROR, COVER_OPEN, "cover open"
    elif not state.online or state.error:
        health, message, detail = Health.OFFLINE, PRINT_FAILED, "printer offline"
    else:
        health, message = Health.ONLINE, ""
        detail = "paper near end" if state.paper is Paper.NEAR_END else ""
    return DeviceStatus(
        DeviceKind.PRINTER, health, message, detail, paper=state.paper, cover_open=state.cover_open
    )
