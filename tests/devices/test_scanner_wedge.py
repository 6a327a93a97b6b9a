"""The keyboard-wedge scanner: key events in (through a FIFO), codes out."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.errors import DeviceError
from devices.scanner.framer import FramerSettings, Scan
from devices.scanner.wedge import EV_KEY, EVENT, KeyDecoder, WedgeScanner, parse_events

KEYS = {"X": 45, "C": 46, "2": 3, "0": 11, "6": 7, "-": 12}


def key_events(text: str) -> bytes:
    """What a wedge scanner sends for `text` + Enter: press/release, Shift for capitals."""
    out = bytearray()
    for char in text:
        code = KEYS[char]
        shifted = char.isupper()
        if shifted:
            out += EVENT.pack(0, 0, EV_KEY, 42, 1)
        out += EVENT.pack(0, 0, EV_KEY, code, 1) + EVENT.pack(0, 0, 0, 0, 0)  # + SYN
        out += EVENT.pack(0, 0, EV_KEY, code, 0)
        if shifted:
            out += EVENT.pack(0, 0, EV_KEY, 42, 0)
    out += EVENT.pack(0, 0, EV_KEY, 28, 1) + EVENT.pack(0, 0, EV_KEY, 28, 0)
    return bytes(out)


def test_key_decoder_types_shifted_and_plain_keys() -> None:
    decoder = KeyDecoder()
    typed = "".join(decoder.feed(*event) for event in parse_events(key_events("XC2026")))
    assert typed == "XC2026\r"


def test_key_decoder_ignores_auto_repeat() -> None:
    assert KeyDecoder().feed(EV_KEY, 30, 2) == ""


def test_wedge_scanner_reads_a_code_from_an_event_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "event-kbd"
    os.mkfifo(fifo)
    scanner = WedgeScanner(str(fifo), FramerSettings(), grab=False)
    scanner.open()
    scanner.claim()
    scanner.enable()
    data = key_events("XC2026-06")

    def type_in_halves() -> None:
        with open(fifo, "wb", buffering=0) as device:
            device.write(data[:100])  # a split inside an event must not lose it
            device.write(data[100:])

    writer = threading.Thread(target=type_in_halves)
    writer.start()
    results = []
    for _ in range(50):
        if results := scanner.read(0.1):
            break
    writer.join(timeout=10)
    assert not writer.is_alive()
    scanner.close()
    assert results == [Scan("XC2026-06")]


def test_wedge_scanner_missing_device_says_where_to_look() -> None:
    scanner = WedgeScanner("/dev/input/by-id/absent-event-kbd", FramerSettings())
    scanner.open()
    with pytest.raises(DeviceError) as raised:
        scanner.claim()
    assert raised.value.code == "no_device"
    assert "/dev/input/by-id" in raised.value.detail


def test_wedge_scanner_grab_refused_on_a_non_input_device(tmp_path: Path) -> None:
    path = tmp_path / "not-an-input-device"
    path.write_bytes(b"")
    scanner = WedgeScanner(str(path), FramerSettings())
    scanner.open()
    with pytest.raises(DeviceError) as raised:
        scanner.claim()
    assert raised.value.code == "busy"


@given(st.binary(max_size=200))
def test_parse_events_any_bytes_never_raises(data: bytes) -> None:
    decoder = KeyDecoder()
    for event in parse_events(data):
        decoder.feed(*event)
