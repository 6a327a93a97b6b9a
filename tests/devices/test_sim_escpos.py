"""The simulator's ESC/POS interpreter (devices/sim/escpos.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from devices.printer.layout import PrinterProfile, Receipt, receipt_bytes
from devices.sim.escpos import Interpreter, QrCode, TextLine

JOB = receipt_bytes(Receipt(title="回执", lines=("第一行", "second"), qr="Q1"), PrinterProfile())


def fresh() -> Interpreter:
    return Interpreter("gb18030", lambda query: 0x12 | query)


def test_feed_whole_job_yields_one_cut_job_with_text_and_qr() -> None:
    interpreter = fresh()
    interpreter.feed(JOB)
    (job,) = interpreter.jobs
    assert job.cut
    assert not job.unknown
    assert job.size == len(JOB)
    assert job.text.split("\n")[0] == "回执"
    assert "第一行" in job.text
    assert [b for b in job.blocks if isinstance(b, QrCode)] == [QrCode(b"Q1", 6, 1)]
    title = job.blocks[0]
    assert isinstance(title, TextLine)
    assert title.bold
    assert title.width == 2
    assert title.align == 1


def test_feed_byte_by_byte_gives_the_same_job() -> None:
    whole, split = fresh(), fresh()
    whole.feed(JOB)
    for byte in JOB:
        split.feed(bytes([byte]))
    assert split.jobs == whole.jobs


def test_feed_answers_status_queries_in_order() -> None:
    assert fresh().feed(b"\x10\x04\x01\x10\x04\x04") == bytes([0x13, 0x16])


def test_feed_unknown_command_is_recorded_not_skipped_silently() -> None:
    interpreter = fresh()
    interpreter.feed(b"\x1b@\x1b\x7fX\n\x1dV\x00")
    assert interpreter.jobs[0].unknown == ["1b 7f"]


@given(st.binary(max_size=300))
def test_feed_arbitrary_bytes_never_raises(data: bytes) -> None:
    fresh().feed(data)
