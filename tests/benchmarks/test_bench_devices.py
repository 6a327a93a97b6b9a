"""Device figures of issue 3: card read overhead, receipt size and time, GUI stall polling."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from devices.idcard.codec import Command, Status, build_reply, build_request
from devices.idcard.device import IdCardDevice
from devices.idcard.reader import IdCardReader
from devices.printer.layout import PrinterProfile, Receipt, receipt_bytes
from devices.printer.printer import ReceiptPrinter
from devices.printer.status import Query, query_bytes
from devices.printer.transport import parse_address
from devices.serialport import open_serial
from devices.sim.idcard import SAMPLE_CARDS, IdCardSimulator
from devices.sim.printer import PrinterSimulator
from kiosk.services import Devices
from tests.benchmarks.reader_process import ReaderProcess
from tests.ui.driver import Driver
from ui.stallprobe import StallProbe

CASE_RECEIPT = Receipt(
    title="西城区政务服务 办件回执",
    lines=(
        "您的申请已提交，请妥善保管本凭条。",
        "可扫描下方二维码或拨打热线查询办理进度。",
    ),
    pairs=(
        ("办理事项", "城乡居民基本医疗保险参保登记"),
        ("受理编号", "XC2026112600017"),
        ("申请人", "王**"),
        ("证件号码", "11**************2X"),
        ("提交时间", "2026年11月26日 10:42"),
        ("承诺时限", "5个工作日内办结（2026年12月3日前）"),
        ("办理地点", "西城区月坛街道白云观社区政务服务站"),
        ("咨询电话", "12345 / 010-00000000"),
    ),
    qr="https://zwfw.example/progress/XC2026112600017",
    qr_caption="扫码查询办理进度",
    footer=("示例数据，以区政务服务平台发布为准",),
)


def _read_wire_bytes() -> int:
    """Bytes on the line for find → select → read of one card (requests and replies)."""
    requests = sum(
        len(build_request(c))
        for c in (Command.FIND_CARD, Command.SELECT_CARD, Command.READ_TEXT_PHOTO)
    )
    card = SAMPLE_CARDS["resident"]
    replies = (
        len(build_reply(Status.CARD_FOUND, bytes(4)))
        + len(build_reply(Status.SUCCESS, bytes(8)))
        + len(build_reply(Status.SUCCESS, bytes.fromhex("01000400") + card + bytes(1024)))
    )
    return requests + replies


@pytest.mark.parametrize("baud", [115200, 9600])
def test_idcard_read_overhead(baud: int, record: Callable[..., object]) -> None:
    """Card on the reader → parsed identity, over the pure wire time of the bytes exchanged."""
    wire_s = _read_wire_bytes() * 10 / baud
    samples = []
    with IdCardSimulator(baud) as sim:
        port = open_serial(sim.url, baud, 0.02)
        reader = IdCardReader(port, command_timeout_s=5)
        for _ in range(15 if baud > 9600 else 5):
            sim.insert("resident")
            started = time.perf_counter()
            identity = reader.poll()
            samples.append(time.perf_counter() - started)
            assert identity is not None
            sim.remove()
            assert reader.poll() is None  # the card left: re-armed
        port.close()
    ratio = statistics.median(samples) / wire_s
    name = "idcard_read_overhead" if baud == 115200 else "idcard_read_overhead_9600"
    record(
        name, ratio, "x", at_most=1.15 if baud == 115200 else None,
        note=f"median {statistics.median(samples) * 1000:.0f} ms vs wire "
        f"{wire_s * 1000:.0f} ms ({_read_wire_bytes()} bytes at {baud} baud)",
    )  # fmt: skip


def test_receipt_bytes(record: Callable[..., object]) -> None:
    native = receipt_bytes(CASE_RECEIPT, PrinterProfile())
    raster = receipt_bytes(CASE_RECEIPT, PrinterProfile(native_qr=False))
    record("receipt_bytes", len(native), "bytes", at_most=2048, note="native QR, 80 mm")
    record("receipt_bytes_raster_qr", len(raster), "bytes", note="same receipt, QR as image")
    record("receipt_bytes_raster_ratio", len(raster) / len(native), "x")


def test_receipt_print_s_9600(record: Callable[..., object]) -> None:
    """Status check, the job, and the status reply that confirms the printer took it all."""
    profile = PrinterProfile()
    job = receipt_bytes(CASE_RECEIPT, profile)
    queries = 6 * len(query_bytes(Query.PRINTER)) + 6  # 3 queries before, 3 after, 1-byte replies
    wire_s = (len(job) + queries) * 10 / 9600
    samples = []
    with PrinterSimulator(profile, baud=9600) as sim:
        printer = ReceiptPrinter(parse_address(sim.address), profile, baud=9600)
        printer.open()
        printer.claim()
        for count in range(1, 4):
            started = time.perf_counter()
            printer.print_job(job)
            samples.append(time.perf_counter() - started)
            assert len(sim.wait_for_jobs(count)) == count
        printer.close()
    median = statistics.median(samples)
    record(
        "receipt_print_s_9600", median, "s", at_most=3,
        note=f"{len(job)} bytes; pure wire time {wire_s:.2f} s; ratio {median / wire_s:.2f}",
    )  # fmt: skip


def test_gui_stall_while_reader_polls(
    launch: Callable[..., Driver], qtbot: QtBot, record: Callable[..., object]
) -> None:
    """30 s of continuous polling (a card placed and taken every 3 s), against 30 s of the
    same screen with no devices at all (this machine's own scheduling and rendering). The
    reader is a simulator in a process of its own, as a station's reader is hardware."""
    with ReaderProcess() as sim:
        devices = Devices(IdCardDevice(sim.url), None, None)
        kiosk = launch(devices=devices)
        kiosk.wait_until(lambda: kiosk.ui.devices.property("readerReady"))
        reads = []
        kiosk.ui.devices.cardRead.connect(reads.append)
        probe = StallProbe()
        probe.start()
        for second in range(30):
            if second % 3 == 0:
                sim.insert("resident" if second % 6 == 0 else "elder")
            elif second % 3 == 2:
                sim.remove()
            qtbot.wait(1000)
        polling_ms = probe.stop()
        kiosk.ui.devices.stop()
    assert len(reads) == 10
    launch()  # the same screen, no devices
    probe = StallProbe()
    probe.start()
    qtbot.wait(30_000)
    idle_ms = probe.stop()
    record(
        "gui_stall_ms_max_polling", polling_ms, "ms", at_most=16,
        note="30 s of polling every 300 ms, 10 card reads",
    )  # fmt: skip
    record("gui_stall_ms_max_idle_baseline", idle_ms, "ms", note="same screen, no devices")
    record("gui_stall_polling_ratio_to_idle", polling_ms / idle_ms, "x")
