"""SAM protocol frames: golden bytes, parsing, resync, faults (docs/domain.md §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard.codec import (
    PREAMBLE,
    Command,
    FrameError,
    ReplyParser,
    Status,
    build_reply,
    build_request,
)


@pytest.mark.parametrize(
    ("command", "golden"),
    [
        (Command.FIND_CARD, "AAAAAA9669 0003 2001 22"),
        (Command.SELECT_CARD, "AAAAAA9669 0003 2002 21"),
        (Command.READ_TEXT_PHOTO, "AAAAAA9669 0003 3001 32"),
        (Command.SAM_STATUS, "AAAAAA9669 0003 11FF ED"),
        (Command.RESET_SAM, "AAAAAA9669 0003 10FF EC"),
    ],
)
def test_request_frames_match_golden_bytes(command: Command, golden: str) -> None:
    assert build_request(command) == bytes.fromhex(golden)


def test_read_reply_is_1295_bytes_and_parses() -> None:
    data = bytes.fromhex("0100 0400") + bytes(256) + bytes(1024)
    frame = build_reply(Status.SUCCESS, data)
    assert len(frame) == 1295
    (reply,) = ReplyParser().feed(frame)
    assert reply.status is Status.SUCCESS
    assert reply.data == data


def test_reply_split_across_reads_is_assembled() -> None:
    frame = build_reply(Status.CARD_FOUND, b"\x00\x00\x00\x00")
    parser = ReplyParser()
    assert parser.feed(frame[:3]) == []
    assert parser.feed(frame[3:9]) == []
    (reply,) = parser.feed(frame[9:])
    assert reply.status is Status.CARD_FOUND


def test_garbage_before_a_frame_is_skipped() -> None:
    frame = build_reply(Status.FIND_FAILED)
    (reply,) = ReplyParser().feed(b"\x00\xffgarbage\xaa\xaa" + frame)
    assert reply.status is Status.FIND_FAILED
    assert reply.status.no_card_yet


def test_bad_checksum_is_refused_and_the_next_frame_still_reads() -> None:
    bad = bytearray(build_reply(Status.SUCCESS, b"abc"))
    bad[-1] ^= 0xFF
    parser = ReplyParser()
    with pytest.raises(FrameError, match="checksum"):
        parser.feed(bytes(bad))
    (reply,) = parser.feed(build_reply(Status.SUCCESS, b"ok"))
    assert reply.data == b"ok"


def test_impossible_length_is_refused() -> None:
    with pytest.raises(FrameError, match="length"):
        ReplyParser().feed(PREAMBLE + b"\xff\xff" + bytes(10))


def test_unknown_status_is_kept_as_a_number() -> None:
    (reply,) = ReplyParser().feed(build_reply(0x55))
    assert reply.status == 0x55
    assert not isinstance(reply.status, Status)


@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=64))
def test_any_bytes_give_replies_or_frame_errors_only(data: bytes, chunk: int) -> None:
    parser = ReplyParser()
    for start in range(0, len(data), chunk):
        try:
            parser.feed(data[start : start + chunk])
        except FrameError:
            continue
    assert parser.pending() <= 4 + 2 + 4096 + len(PREAMBLE)


@given(st.sampled_from(list(Status)), st.binary(max_size=1400), st.binary(max_size=40))
def test_a_valid_frame_survives_leading_noise(status: Status, data: bytes, noise: bytes) -> None:
    noise = noise.replace(b"\xaa", b"\x00")
    (reply,) = ReplyParser().feed(noise + build_reply(status, data))
    assert reply.status is status
    assert reply.data == data
