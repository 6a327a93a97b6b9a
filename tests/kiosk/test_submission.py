"""Submission: outbox → platform → receipt, with the identity masked on paper."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import zxingcpp
from PIL import Image

from devices.idcard.identity import parse_text_block
from devices.printer.layout import PrinterProfile, receipt_bytes
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.idcard import SAMPLE_CARDS
from devices.sim.printer import PrinterSimulator
from kiosk.audit import AuditTrail
from kiosk.catalog.sample import load_sample
from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.forms import check_form, prefill
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from kiosk.submission import (
    BEIJING,
    Consent,
    Finished,
    MaterialChoice,
    Person,
    Submitter,
    case_receipt,
)
from tests.kiosk.district.conftest import TERMINAL
from tests.kiosk.test_outbox import KEY

AT = datetime.datetime(2026, 11, 26, 10, 30, tzinfo=BEIJING)  # a Thursday


def test_apply_numbers_never_repeat_across_restarts(tmp_path: Path) -> None:
    first = Outbox(tmp_path / "outbox.db", KEY).next_apply_no("xc-t-1", AT.date())
    second = Outbox(tmp_path / "outbox.db", KEY).next_apply_no("xc-t-1", AT.date())
    assert (first, second) == ("XC-T-1-20261126-0001", "XC-T-1-20261126-0002")


def test_submit_deliver_and_print_the_receipt(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    answers = prefill(item.form, identity) | {
        "spouse_name": "测试丙",
        "spouse_id_number": "11010219800107001X",
        "child_order": "一孩",
        "due_date": "2027-03-01",
        "phone": "13800000000",
    }
    checked = check_form(item.form, answers)
    assert checked.ok, checked.problems
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    audit = AuditTrail(tmp_path / "audit.db", KEY)
    submitter = Submitter(outbox, audit, TERMINAL, "110102000000")
    application = Finished(
        item=item,
        applicant=Person.from_identity(identity, mobile="13800000000"),
        agent=None,
        answers=checked.values,
        materials=[MaterialChoice("夫妻双方居民身份证", "e_licence", e_licence_ref="EL-1")],
        consent=Consent("办理生育登记", "西城区卫生健康委员会", "按档案管理规定", AT),
    )
    apply_no = submitter.submit(application, at=AT)
    assert outbox.is_pending(apply_no)
    Deliverer(outbox, client).drain(deadline_s=10)
    case_no = outbox.reference(apply_no)
    assert case_no.startswith("XC")
    assert not outbox.is_pending(apply_no)
    assert audit.steps(apply_no) == ["submitted"]

    receipt = case_receipt(
        item=item, number=case_no, uploaded=True,
        applicant=Person.from_identity(identity), at=AT,
        station="西城区月坛街道白云观社区政务服务站", hotline="12345",
        progress_url="https://zwfw.example/progress/{number}",
        apply_no=apply_no, progress_token=application.progress_token,
    )  # fmt: skip
    assert application.progress_token not in repr((receipt.lines, receipt.pairs, application))
    with PrinterSimulator() as sim:
        printer = ReceiptPrinter(parse_address(sim.address), PrinterProfile())
        printer.open()
        printer.claim()
        printer.print_job(receipt_bytes(receipt, PrinterProfile()))
        (job,) = sim.wait_for_jobs(1)
        printer.close()
        png = sim.png(job)
    assert case_no in job.text
    assert "测**" in job.text
    assert "11**************13" in job.text
    assert "测试甲" not in job.text
    assert identity.id_number not in job.text
    assert "承诺办结" in job.text
    decoded = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
    token = application.progress_token
    assert decoded == [f"https://zwfw.example/progress/{apply_no}?token={token}"]


def test_receipt_before_upload_says_pending() -> None:
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    receipt = case_receipt(
        item=item, number="XC-T-1-20261126-0001", uploaded=False,
        applicant=Person("测试甲", "resident_id", "110102195001010013"), at=AT,
        station="服务站", hotline="12345", progress_url="https://zwfw.example/p/{number}",
        apply_no="XC-T-1-20261126-0001", progress_token="T" * 22,
    )  # fmt: skip
    pairs = dict(receipt.pairs)
    assert pairs["受理回执号"] == "XC-T-1-20261126-0001"
    assert pairs["状态"].startswith("待上传")
