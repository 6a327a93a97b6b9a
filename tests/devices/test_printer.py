"""The receipt printer end to end through the simulator over TCP, a pty and a file."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from devices.errors import DeviceError
from devices.printer.layout import PrinterProfile, Receipt, receipt_bytes
from devices.printer.printer import PAPER_OUT, ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.printer import PrinterSimulator
from devices.status import Health, Paper

RECEIPT = Receipt(
    title="办件回执",
    lines=("感谢您使用自助终端。",),
    pairs=(("事项", "城乡居民基本医疗保险参保登记"), ("受理编号", "XC202611260001")),
    qr="https://zwfw.example/progress/XC202611260001",
    qr_caption="扫码查询办理进度",
    footer=("咨询电话 12345",),
)


@pytest.fixture(params=["tcp", "pty"])
def sim(request: pytest.FixtureRequest) -> Iterator[PrinterSimulator]:
    with PrinterSimulator(pty=request.param == "pty") as simulator:
        yield simulator  # type: ignore[misc]


def claimed(sim: PrinterSimulator, profile: PrinterProfile | None = None) -> ReceiptPrinter:
    printer = ReceiptPrinter(parse_address(sim.address), profile or sim.profile, timeout_s=1.0)
    printer.open()
    printer.claim()
    return printer


def test_print_job_renders_chinese_text_and_a_decodable_qr(sim: PrinterSimulator) -> None:
    printer = claimed(sim)
    printer.print_job(receipt_bytes(RECEIPT, sim.profile))
    (job,) = sim.wait_for_jobs(1)
    printer.close()
    assert job.cut
    assert not job.unknown
    assert "事项：城乡居民基本医疗保险参保登记" in job.text
    image = Image.open(io.BytesIO(sim.png(job)))
    assert image.width == 576
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [RECEIPT.qr]


def test_print_job_raster_qr_decodes_too(sim: PrinterSimulator) -> None:
    profile = PrinterProfile(native_qr=False)
    printer = claimed(sim, profile)
    printer.print_job(receipt_bytes(RECEIPT, profile))
    (job,) = sim.wait_for_jobs(1)
    printer.close()
    image = Image.open(io.BytesIO(sim.png(job)))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [RECEIPT.qr]


def test_print_without_chinese_mode_comes_out_as_mojibake() -> None:
    with PrinterSimulator() as sim:
        profile = PrinterProfile(chinese_mode=False)
        printer = claimed(sim, profile)
        printer.print_job(receipt_bytes(RECEIPT, profile))
        (job,) = sim.wait_for_jobs(1)
        printer.close()
    assert "受理编号" not in job.text  # why the profile has chinese_mode


def test_check_health_reports_paper_near_end_as_usable(sim: PrinterSimulator) -> None:
    printer = claimed(sim)
    sim.set_state(paper=Paper.NEAR_END)
    status = printer.check_health()
    printer.close()
    assert status.health is Health.ONLINE
    assert status.paper is Paper.NEAR_END
    assert status.light.value == "amber"


def test_print_job_paper_out_refused_before_sending_and_kept(sim: PrinterSimulator) -> None:
    printer = claimed(sim)
    sim.set_state(paper=Paper.OUT)
    job = receipt_bytes(RECEIPT, sim.profile)
    with pytest.raises(DeviceError) as raised:
        printer.print_job(job)
    assert raised.value.code == "paper_out"
    assert raised.value.message == PAPER_OUT
    assert printer.failed_job == job
    assert printer.check_health().health is Health.HARDWARE_ERROR
    printer.close()


def test_print_job_paper_runs_out_midway_then_reprint_after_refill(sim: PrinterSimulator) -> None:
    printer = claimed(sim)
    sim.paper_out_after = 120
    with pytest.raises(DeviceError) as raised:
        printer.print_job(receipt_bytes(RECEIPT, sim.profile))
    assert raised.value.code == "paper_out"
    sim.set_state(paper=Paper.OK, paper_stop=False)
    printer.reprint()
    jobs = sim.wait_for_jobs(2)
    printer.close()
    assert "XC202611260001" in jobs[-1].text
    assert jobs[-1].cut
    assert printer.failed_job is None


def test_print_job_cover_open_refused(sim: PrinterSimulator) -> None:
    printer = claimed(sim)
    sim.set_state(cover_open=True)
    with pytest.raises(DeviceError) as raised:
        printer.print_job(receipt_bytes(RECEIPT, sim.profile))
    printer.close()
    assert raised.value.code == "cover_open"


def test_check_health_silent_printer_goes_offline_then_back() -> None:
    with PrinterSimulator() as sim:
        printer = claimed(sim)
        sim.unplugged = True
        status = printer.check_health()
        assert status.health is Health.OFFLINE
        assert status.message
        sim.unplugged = False
        assert printer.check_health().health is Health.ONLINE
        printer.close()


def test_claim_nothing_listening_is_no_device_with_fix() -> None:
    with PrinterSimulator() as sim:
        address = parse_address(sim.address)
    printer = ReceiptPrinter(address, PrinterProfile(), timeout_s=0.5)
    printer.open()
    with pytest.raises(DeviceError) as raised:
        printer.claim()
    assert raised.value.code == "no_device"
    assert "nothing answers" in raised.value.detail
    assert printer.check_health().health is Health.NO_DEVICE


def test_file_transport_writes_the_bytes_and_reports_unknown_paper(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    printer = ReceiptPrinter(parse_address(f"file:{target}"), PrinterProfile())
    printer.open()
    printer.claim()
    job = receipt_bytes(RECEIPT, PrinterProfile())
    printer.print_job(job)
    status = printer.check_health()
    printer.close()
    assert target.read_bytes() == job
    assert status.health is Health.ONLINE
    assert status.paper is Paper.UNKNOWN


def test_cancel_stops_a_job_between_chunks() -> None:
    with PrinterSimulator(baud=9600) as sim:
        printer = claimed(sim)
        printer.cancel.set()  # print_job clears it; set it again from the "other thread"
        job = receipt_bytes(RECEIPT, PrinterProfile(native_qr=False))

        original = printer._write
        sent: list[int] = []

        def write_then_cancel(data: bytes) -> None:
            original(data)
            sent.append(len(data))
            printer.cancel.set()

        printer._write = write_then_cancel  # type: ignore[method-assign]
        with pytest.raises(DeviceError) as raised:
            printer.print_job(job)
        printer.close()
    assert raised.value.code == "cancelled"
    assert sum(sent) < len(job)
    assert printer.failed_job == job


@pytest.mark.parametrize(
    "spec", ["", "network:", "network://host:port", "usb:1234", "lpt:1", "usb:0x12:0x34"]
)
def test_parse_address_rejects_malformed(spec: str) -> None:
    with pytest.raises(ValueError, match="printer"):
        parse_address(spec)
