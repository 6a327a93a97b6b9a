"""DLE EOT status parsing (devices/printer/status.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.printer.status import (
    PrinterState,
    Query,
    StatusByteError,
    encode_state,
    parse_state,
    query_bytes,
)
from devices.status import Paper


def test_query_bytes_are_dle_eot_n() -> None:
    assert query_bytes(Query.PAPER) == b"\x10\x04\x04"


def test_parse_state_all_fine_is_ready() -> None:
    state = parse_state(0x12, 0x12, 0x12)
    assert state == PrinterState(True, False, Paper.OK, False, False)
    assert state.ready


@pytest.mark.parametrize(
    ("printer", "cause", "paper", "check"),
    [
        (0x1A, 0x12, 0x12, lambda s: not s.online),
        (0x12, 0x16, 0x12, lambda s: s.cover_open and not s.ready),
        (0x12, 0x12, 0x1E, lambda s: s.paper is Paper.NEAR_END and s.ready),
        (0x12, 0x32, 0x72, lambda s: s.paper is Paper.OUT and s.paper_stop and not s.ready),
        (0x12, 0x52, 0x12, lambda s: s.error),
    ],
)
def test_parse_state_reads_each_condition(printer: int, cause: int, paper: int, check) -> None:  # type: ignore[no-untyped-def]
    assert check(parse_state(printer, cause, paper))


@pytest.mark.parametrize("value", [0x00, 0xFF, 0x13, 0x92, 0x02, 0x10])
def test_parse_state_invalid_fixed_bits_refused(value: int) -> None:
    # python-escpos 3.1's `status & 18` would call most of these "online"
    with pytest.raises(StatusByteError):
        parse_state(value, 0x12, 0x12)


@given(
    online=st.booleans(),
    cover=st.booleans(),
    paper=st.sampled_from([Paper.OK, Paper.NEAR_END, Paper.OUT]),
    stop=st.booleans(),
    error=st.booleans(),
)
def test_encode_then_parse_round_trips(
    online: bool, cover: bool, paper: Paper, stop: bool, error: bool
) -> None:
    state = PrinterState(online, cover, paper, stop, error)
    replies = encode_state(state)
    assert (
        parse_state(replies[Query.PRINTER], replies[Query.OFFLINE_CAUSE], replies[Query.PAPER])
        == state
    )


@given(st.integers(0, 255))
def test_any_byte_parses_or_raises_our_error(value: int) -> None:
    try:
        parse_state(value, value, value)
    except StatusByteError:
        assert value & 0x93 != 0x12
