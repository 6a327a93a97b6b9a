"""留言咨询 through the real window, the card reader and printer simulators and the platform
stand-in over loopback: 咨询 → a search that does not answer → leave a question → phone →
without the ID card → check → sent → the receipt printed (its QR code the progress link) →
wiped; the hotline answers at the stand-in; 进度查询 with the receipt's QR code shows the
answer (the number with the phone's last digits does not). Then with the ID card while the
platform is down: 待上传 on paper, delivered once the platform is back, and its answer found
with the ID card."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from devices.idcard.identity import parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from kiosk.progressquery import read_progress_link
from tests.ui.driver import Driver, ResidentStation, resident_station
from tests.ui.test_wipe import leftovers

PROGRESS = "https://zwfw.example/progress/{number}"  # the default ui.progress_url_pattern
QUESTION = "我父亲腿脚不便，他的养老助残卡丢了，可以由我代他补办吗？需要带什么？"
PHONE = "13912345678"
REPLY = "可以。请携带老人的身份证或户口簿和您本人的身份证，到社区政务服务站代为补办。"


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[ResidentStation]:
    with resident_station(launch, tmp_path) as station:
        kiosk = station[0]
        kiosk.wait_until(lambda: bool(kiosk.ui.consult.property("ready")), 20_000)
        yield station


def write_question(kiosk: Driver) -> None:
    """From 咨询's search to the phone step, the question in the resident's words."""
    kiosk.click("tile_consult")
    kiosk.fill("consultSearchField", "代老人补卡")
    kiosk.click("consultAsk")
    assert kiosk.current_screen() == "questionScreen"
    area = kiosk.item("questionText")
    assert area.property("text") == "代老人补卡"  # the search, to go on from
    area.setProperty("text", "补卡")
    kiosk.click("questionNext")
    assert kiosk.visible("questionProblem")  # too short: says so, keeps the words
    assert "至少" in kiosk.item("questionProblem").property("text")
    kiosk.item("questionText").setProperty("text", QUESTION)
    kiosk.click("questionNext")
    kiosk.fill("questionPhoneField", PHONE)
    assert kiosk.visible("questionCardPrompt")


def test_leave_a_question_without_the_card_and_read_the_answer_in_progress(
    station: ResidentStation,
) -> None:
    kiosk, standin, _reader, printer = station
    write_question(kiosk)
    kiosk.click("questionSkipCard")
    assert kiosk.visible("questionReview")
    assert kiosk.item("questionReviewText").property("text") == QUESTION
    shown = kiosk.texts()
    assert any("139****5678" in text for text in shown)
    assert not any(PHONE in text for text in shown)

    kiosk.click("questionSubmit")
    kiosk.wait_until(lambda: bool(kiosk.ui.question.property("settled")), 10_000)
    (job,) = printer.wait_for_jobs(1)
    number = kiosk.ui.question.property("number")
    assert number in job.text
    assert "留言咨询回执" in job.text
    assert "已提交，待答复" in job.text
    assert "139****5678" in job.text
    assert PHONE not in job.text
    assert "养老助残卡" not in job.text  # the question itself is never printed
    codes = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(printer.png(job))))]
    assert len(codes) == 1
    assert read_progress_link(PROGRESS, codes[0]).apply_no == number
    assert read_progress_link(PROGRESS, codes[0]).token
    kiosk.wait_until(lambda: kiosk.visible("questionQr"), 5000)
    kiosk.wait_until(lambda: kiosk.ui.devices.print_status().printed, 5000)
    kiosk.settle()
    kiosk.click("questionFinish")
    assert kiosk.visible("attractScreen")
    assert not kiosk.ui.visit.session.holds_personal_data()
    assert leftovers(kiosk, ("腿脚不便", PHONE, "139****5678", number)) == []
    kept = standin.store.question_body(number)
    assert kept is not None
    assert (kept["question"], kept["mobile"], "asker" in kept) == (QUESTION, PHONE, False)
    assert standin.store.submission_records() == {("question", number, ""): 1}

    kiosk.touch_anywhere()
    kiosk.click("tile_progress")
    kiosk.ui.devices.scanned.emit(codes[0])  # the receipt under the scanner
    kiosk.wait_until(lambda: kiosk.visible("progressCase_0"), 10_000)
    assert not kiosk.visible("progressReply")  # not answered yet
    kiosk.click("homeButton")

    standin.store.answer_question(number, REPLY, "西城区民政局", time.time())
    kiosk.click("tile_progress")
    kiosk.fill("progressNumberField", number)
    kiosk.fill("progressTailField", PHONE[-4:])  # the phone's last digits prove nothing
    kiosk.wait_until(lambda: kiosk.visible("progressStatus"), 10_000)
    kiosk.wait_until(lambda: "没有" in kiosk.item("progressStatus").property("text"), 10_000)
    assert not kiosk.visible("progressCase_0")
    kiosk.ui.devices.scanned.emit(codes[0])
    kiosk.wait_until(lambda: kiosk.visible("progressReply"), 10_000)
    assert kiosk.item("progressReply").property("text") == REPLY
    assert "西城区民政局" in kiosk.item("progressReplyTitle").property("text")
    kiosk.ui.shell.endSession()
    kiosk.settle()
    assert not kiosk.ui.visit.session.holds_personal_data()
    assert leftovers(kiosk, (REPLY[:12], number)) == []


def test_with_the_card_while_the_platform_is_down_then_found_by_the_card(
    station: ResidentStation,
) -> None:
    kiosk, standin, reader, printer = station
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    standin.state.down = True
    write_question(kiosk)
    reader.insert("resident")
    kiosk.wait_until(lambda: kiosk.visible("questionReview"), 5000)
    shown = kiosk.texts()
    assert not any(identity.id_number in text or identity.name in text for text in shown)
    kiosk.click("questionSubmit")
    kiosk.wait_until(lambda: bool(kiosk.ui.question.property("settled")), 20_000)
    (job,) = printer.wait_for_jobs(1)
    number = kiosk.ui.question.property("number")
    assert "待上传" in job.text
    assert "证件号码后4位" in job.text
    assert identity.id_number not in job.text
    kiosk.wait_until(lambda: kiosk.ui.devices.print_status().printed, 5000)
    kiosk.settle()  # the screen says "take your slip" now: laid out before the next tap
    kiosk.click("questionFinish")
    assert kiosk.visible("attractScreen")
    assert not kiosk.ui.visit.session.holds_personal_data()

    standin.state.down = False
    kiosk.ui.outbox.nudge()
    kiosk.wait_until(lambda: standin.store.question_body(number) is not None, 20_000)
    standin.store.answer_question(number, REPLY, "西城区民政局", time.time())
    kiosk.touch_anywhere()
    kiosk.click("tile_progress")
    looked = reader.empty_finds
    reader.remove()  # taken away after asking, placed again now
    kiosk.wait_until(lambda: reader.empty_finds > looked)
    reader.insert("resident")
    kiosk.wait_until(lambda: kiosk.visible("progressReply"), 10_000)
    assert kiosk.item("progressReply").property("text") == REPLY
    kiosk.ui.shell.endSession()
    assert not kiosk.ui.visit.session.holds_personal_data()
