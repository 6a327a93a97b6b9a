"""DLE EOT real-time status: the query bytes and a validating parser (docs/domain.md §6).

Every valid reply byte has bit 0 = 0, bits 1 and 4 = 1 and bit 7 = 0 (`byte & 0x93 == 0x12`).
python-escpos 3.1's `is_online()` tests `status & 18`, which is true for every valid reply,
so we never use it. A byte that fails the fixed bits is noise or another protocol on the
line and is refused, not guessed at.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from devices.status import Paper


class Query(enum.IntEnum):
    PRINTER = 1  # online / offline
    OFFLINE_CAUSE = 2  # cover open, feed button, paper end stop, error
    ERROR_CAUSE = 3  # cutter, unrecoverable, auto-recoverable
    PAPER = 4  # roll paper near-end / end sensors


def query_bytes(query: Query) -> bytes:
    return bytes((0x10, 0x04, int(query)))


FIXED_MASK = 0x93
FIXED_VALUE = 0x12


class StatusByteError(ValueError):
    """A reply that is not a DLE EOT status byte."""


def check_status_byte(value: int) -> int:
    if not 0 <= value <= 0xFF or value & FIXED_MASK != FIXED_VALUE:
        raise StatusByteError(f"0x{value:02X} is not a DLE EOT status byte")
    return value


@dataclass(frozen=True)
class PrinterState:
    """What the three queries we send (1, 2, 4) say, combined."""

    online: bool
    cover_open: bool
    paper: Paper
    paper_stop: bool  # printing stopped because the paper ran out
    error: bool  # an error occurred (cutter jam and the like)

    @property
    def ready(self) -> bool:
        return self.online and not self.cover_open and self.paper is not Paper.OUT


def parse_state(printer: int, offline_cause: int, paper: int) -> PrinterState:
    """Combine replies to DLE EOT 1, 2 and 4. Raises StatusByteError on a malformed byte."""
    for value in (printer, offline_cause, paper):
        check_status_byte(value)
    if paper & 0x60:
        paper_state = Paper.OUT
    elif paper & 0x0C:
        paper_state = Paper.NEAR_END
    else:
        paper_state = Paper.OK
    return PrinterState(
        online=not printer & 0x08,
        cover_open=bool(offline_cause & 0x04),
        paper=paper_state,
        paper_stop=bool(offline_cause & 0x20),
        error=bool(offline_cause & 0x40),
    )


def encode_state(state: PrinterState) -> dict[Query, int]:
    """The reply bytes a printer in `state` sends (used by the simulator and tests)."""
    paper = {Paper.OK: 0x00, Paper.NEAR_END: 0x0C, Paper.OUT: 0x6C, Paper.UNKNOWN: 0x00}
    return {
        Query.PRINTER: FIXED_VALUE | (0 if state.online else 0x08),
        Query.OFFLINE_CAUSE: FIXED_VALUE
        | (0x04 if state.cover_open else 0)
        | (0x20 if state.paper_stop else 0)
        | (0x40 if state.error else 0),
        Query.ERROR_CAUSE: FIXED_VALUE,
        Query.PAPER: FIXED_VALUE | paper[state.paper],
    }
