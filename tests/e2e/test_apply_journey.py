"""A resident's whole online application, through the real window, the device simulators
and the platform stand-in over loopback: card → item → form → materials from the image
source → review → consent → submit → receipt → rating → wiped."""

from __future__ import annotations

import dataclasses
import datetime
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from devices.idcard.identity import parse_text_block
from devices.printer.status import Paper
from devices.sim.idcard import SAMPLE_CARDS, IdCardSimulator
from kiosk.progressquery import read_progress_link
from kiosk.settings import Settings
from tests.ui.driver import Driver, ResidentStation, resident_station
from ui.qmltree import class_name, walk

ITEM = "生育登记服务"
PROGRESS = "https://zwfw.example/progress/{number}"  # the default ui.progress_url_pattern
SPOUSE_ID = "11010219800107001X"


def page_folder(folder: Path) -> Path:
    """Two pages: an ordinary scan and a huge photo that must be downscaled to budget."""
    folder.mkdir()
    small = QImage(1240, 1754, QImage.Format.Format_RGB32)
    small.fill(QColor("#f4f1e8"))
    small.save(str(folder / "a-page.png"))
    huge = QImage(6000, 8000, QImage.Format.Format_RGB32)
    huge.fill(QColor("#d9e2ec"))
    for y in range(0, 8000, 40):  # detail, so that JPEG has something to work on
        for x in range(0, 6000, 400):
            huge.setPixelColor(x + (y // 40) % 300, y, QColor("black"))
    huge.save(str(folder / "b-photo.png"))
    return folder


Station = ResidentStation


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    yield from _station(launch, tmp_path, typed_identity_items="*")


@pytest.fixture
def card_only_station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    yield from _station(launch, tmp_path, typed_identity_items="")


@pytest.fixture
def camera_station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    yield from _station(launch, tmp_path, typed_identity_items="*", image_folder=False)


def _station(
    launch: Callable[..., Driver],
    tmp_path: Path,
    typed_identity_items: str,
    image_folder: bool = True,
) -> Iterator[Station]:
    def configure(base: Settings) -> Settings:
        return dataclasses.replace(
            base,
            camera=dataclasses.replace(
                base.camera,
                image_folder=str(page_folder(tmp_path / "pages")) if image_folder else "",
                page_budget_kb=200,
            ),
            session=dataclasses.replace(base.session, typed_identity_items=typed_identity_items),
        )

    with resident_station(launch, tmp_path, configure) as station:
        yield station


def open_application(kiosk: Driver) -> None:
    kiosk.click("tile_apply")
    rows = kiosk.ui.catalog.listing
    row = next(n for n in range(rows.rowCount()) if rows.data(rows.index(n), rows.NameRole) == ITEM)
    kiosk.click(f"itemRow_{row}")
    kiosk.click("applyButton")
    assert kiosk.current_screen() == "applyScreen"


def on_screen(kiosk: Driver, object_name: str) -> bool:
    item = kiosk.item(object_name)
    top = item.mapToScene(QPointF(0, 0)).y()
    page = kiosk.item("pageFlickable")
    page_top = page.mapToScene(QPointF(0, 0)).y()
    return item.isVisible() and page_top <= top <= page_top + page.height() - item.height()


def step(kiosk: Driver) -> str:
    current = kiosk.ui.apply.current_step()
    return current.value if current else ""


def shown_message(kiosk: Driver) -> str:
    """What the footer tells the resident (the words for the flow's message code)."""
    return str(kiosk.item("applyMessage").property("text"))


def test_card_form_pages_consent_receipt_rating_and_wipe(
    station: Station,
) -> None:
    kiosk, standin, reader, printer = station
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    open_application(kiosk)
    assert step(kiosk) == "conditions"
    kiosk.click("applyNextButton")
    assert step(kiosk) == "identify"

    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    # Prefilled from the card; the rest typed, picked, and one mistake corrected.
    assert kiosk.item("field_address").property("text") == identity.address
    kiosk.fill("field_spouse_name", "测试丙")
    kiosk.fill("field_spouse_id_number", "110102198001070011")
    kiosk.wait_until(
        lambda: "校验不通过" in kiosk.item("problem_spouse_id_number").property("text")
    )
    kiosk.fill("field_spouse_id_number", SPOUSE_ID.lower())
    kiosk.click("choice_二孩")
    kiosk.click("dateConfirm")  # the wheels start at today
    assert kiosk.ui.apply.property("answers")["due_date"] == datetime.date.today().isoformat()
    kiosk.fill("field_phone", "1380000")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "form"  # the phone number is too short
    assert "11位手机号码" in kiosk.item("problem_phone").property("text")
    kiosk.fill("field_phone", "13800000000")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "materials"

    kiosk.click("capture_0")
    kiosk.wait_until(lambda: kiosk.visible("pageThumb_0_0"), 10_000)
    thumb = kiosk.item("pageThumb_0_0")  # the page itself, decoded off the GUI thread
    kiosk.wait_until(lambda: thumb.property("implicitWidth") > 4)  # not the 4 px placeholder
    kiosk.click("capture_0")  # the huge photo: downscaled and compressed to the budget
    kiosk.wait_until(lambda: kiosk.visible("pageThumb_0_1"), 20_000)
    kiosk.click("applyNextButton")
    assert "还缺少材料“结婚证”" in shown_message(kiosk)
    kiosk.click("eLicence_1")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "review"

    shown = kiosk.texts()
    assert "测**" in shown
    assert identity.name not in shown
    assert identity.id_number not in shown
    kiosk.press_and_hold("reveal_0", lambda: identity.name in kiosk.texts())
    kiosk.settle()
    assert identity.name not in kiosk.texts()  # released: masked again

    kiosk.click("applyNextButton")
    assert step(kiosk) == "consent"
    kiosk.click("applyNextButton")  # 同意并提交
    kiosk.wait_until(lambda: bool(kiosk.ui.apply.property("caseNo")), 10_000)
    case_no = kiosk.ui.apply.property("caseNo")
    kiosk.wait_until(lambda: any(case_no in t for t in kiosk.texts()))

    (job,) = printer.wait_for_jobs(1)
    assert case_no in job.text
    assert "测**" in job.text
    assert identity.name not in job.text
    assert identity.id_number not in job.text
    codes = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(printer.png(job))))]
    apply_no = kiosk.ui.apply.property("applyNo")
    (code,) = codes  # the apply number and the token; on paper only
    assert read_progress_link(PROGRESS, code).apply_no == apply_no
    assert read_progress_link(PROGRESS, code).token
    assert read_progress_link(PROGRESS, code).token not in job.text
    pages = standin.store.material_pages(kiosk.ui.apply.property("applyNo"))
    assert [page for _, page, _ in pages] == [1, 2]
    assert all(size <= 200 * 1024 * 4 / 3 + 4 for _, _, size in pages)  # base64 of ≤ 200 KB

    kiosk.wait_until(lambda: step(kiosk) == "rating", 10_000)  # follows the printed receipt
    kiosk.click("rate_2")
    assert kiosk.visible("ratingReasons")
    kiosk.click("sendRating")
    assert step(kiosk) == "rating"  # a 差评 needs a reason
    kiosk.click("reason_等待时间太长")
    kiosk.click("sendRating")
    assert step(kiosk) == "thanks"
    kiosk.wait_until(lambda: standin.store.evaluation_count() == 1, 10_000)

    kiosk.click("finishButton")
    assert kiosk.visible("attractScreen")
    assert step(kiosk) == ""
    assert kiosk.current_screen() == "homeScreen"
    assert not any(case_no in t or "测**" in t for t in kiosk.texts())


def test_paper_out_shows_the_qr_and_number_instead(
    station: Station,
) -> None:
    kiosk, _, reader, printer = station
    printer.set_state(paper=Paper.OUT)
    kiosk.wait_until(lambda: not kiosk.ui.devices.property("printerReady"), 5000)
    open_application(kiosk)
    kiosk.click("applyNextButton")
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    kiosk.click("backButton")  # the navigation bar's 返回 goes back one step, not out
    assert step(kiosk) == "identify"
    assert kiosk.visible("identified_applicant")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "form"
    kiosk.click("applyNextButton")  # nothing filled in: the page goes up to the first problem
    assert step(kiosk) == "form"
    assert on_screen(kiosk, "problem_spouse_name")
    kiosk.fill("field_spouse_name", "测试丙")
    kiosk.fill("field_spouse_id_number", SPOUSE_ID)
    kiosk.click("choice_一孩")
    kiosk.click("dateConfirm")
    kiosk.fill("field_phone", "13800000000")
    kiosk.click("applyNextButton")
    kiosk.click("atCounter_0") if kiosk.visible("atCounter_0") else kiosk.click("eLicence_0")
    kiosk.click("eLicence_1")
    kiosk.click("applyNextButton")
    kiosk.click("applyNextButton")
    kiosk.click("applyNextButton")
    kiosk.wait_until(lambda: bool(kiosk.ui.apply.property("answered")), 10_000)
    kiosk.wait_until(lambda: kiosk.visible("applyReceiptQr"), 5000)
    assert any("缺纸" in t for t in kiosk.texts())
    assert kiosk.ui.devices.property("failedJob") == ""  # kept for staff, behind the PIN
    assert not kiosk.visible("reprintButton")
    kiosk.settle()
    assert step(kiosk) == "done"  # no automatic move on: the resident photographs first
    kiosk.click("toRatingButton")
    assert step(kiosk) == "rating"


def test_proxy_agent_card_then_applicant_card_adds_the_letter(station: Station) -> None:
    kiosk, _standin, reader, _ = station
    open_application(kiosk)
    kiosk.click("applyNextButton")
    kiosk.click("applyForSomeoneElse")
    reader.insert("elder")  # the agent
    kiosk.wait_until(lambda: kiosk.visible("identified_agent"), 5000)
    assert kiosk.ui.apply.property("waitingFor") == "applicant"
    looked = reader.empty_finds
    reader.remove()
    kiosk.wait_until(lambda: reader.empty_finds > looked)  # the reader saw the card go
    reader.insert("resident")  # the principal
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    names = [m.name for m in kiosk.ui.apply.property("materials").rows()]
    assert names[-1] == "授权委托书"
    assert not kiosk.visible(f"atCounter_{len(names) - 1}")  # the letter cannot wait


def test_typed_identity_is_checked_and_accepted(station: Station) -> None:
    kiosk = station[0]
    open_application(kiosk)
    kiosk.click("applyNextButton")
    kiosk.fill("typedName", "测试丙")
    kiosk.fill("typedIdNumber", "110102198001070011")
    kiosk.click("typedIdentityButton")
    assert "校验不通过" in shown_message(kiosk)
    assert step(kiosk) == "identify"
    kiosk.fill("typedIdNumber", SPOUSE_ID)
    kiosk.click("typedIdentityButton")
    assert step(kiosk) == "form"
    assert kiosk.item("field_address").property("text") == ""  # nothing to prefill from


def test_items_that_need_the_card_offer_no_typing(card_only_station: Station) -> None:
    kiosk = card_only_station[0]
    open_application(kiosk)
    kiosk.click("applyNextButton")
    assert kiosk.visible("applyCardPrompt")
    assert not kiosk.visible("applyTypedIdentity")
    assert not kiosk.visible("applyNextButton")  # no way past without the card


def test_leaving_mid_application_drops_everything(station: Station) -> None:
    kiosk, _, reader, _ = station
    open_application(kiosk)
    kiosk.click("applyNextButton")
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    kiosk.click("homeButton")
    assert step(kiosk) == ""
    assert kiosk.ui.apply.property("people").rowCount() == 0
    assert kiosk.ui.apply.property("fields").rowCount() == 0


def test_without_a_camera_the_materials_step_says_what_to_do(camera_station: Station) -> None:
    kiosk = camera_station[0]
    open_application(kiosk)
    kiosk.click("applyNextButton")
    kiosk.fill("typedName", "测试丙")
    kiosk.fill("typedIdNumber", SPOUSE_ID)
    kiosk.click("typedIdentityButton")
    for key, value in {
        "spouse_name": "测试甲", "spouse_id_number": SPOUSE_ID, "child_order": "一孩",
        "due_date": "2027-03-01", "phone": "13800000000", "address": "北京市西城区测试路1号",
    }.items():  # fmt: skip
        kiosk.ui.apply.answer(key, value)
    kiosk.click("applyNextButton")
    assert step(kiosk) == "materials"
    assert kiosk.visible("cameraVideo")  # the live preview's place, with the reason it is dark
    assert any("没有找到高拍仪" in t for t in kiosk.texts())
    kiosk.click("capture_0")
    kiosk.wait_until(lambda: "未检测到高拍仪" in shown_message(kiosk))
    kiosk.click("eLicence_0")  # another way is still open
    kiosk.click("eLicence_1")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "review"


def reach_consent(kiosk: Driver, reader: IdCardSimulator) -> None:
    """The shortest way to 同意并提交 (the widgets themselves are tested above)."""
    open_application(kiosk)
    kiosk.click("applyNextButton")
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    for key, value in {
        "spouse_name": "测试丙", "spouse_id_number": SPOUSE_ID, "child_order": "一孩",
        "due_date": "2027-03-01", "phone": "13800000000",
    }.items():  # fmt: skip
        kiosk.ui.apply.answer(key, value)
    kiosk.click("applyNextButton")
    kiosk.click("eLicence_0")
    kiosk.click("eLicence_1")
    kiosk.click("applyNextButton")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "consent"


def test_a_platform_that_hangs_delays_neither_received_nor_the_receipt(
    station: Station,
) -> None:
    kiosk, standin, reader, printer = station
    reach_consent(kiosk, reader)
    standin.state.latency_s = 8.0  # longer than anyone should wait at the screen
    kiosk.click("applyNextButton")
    kiosk.wait_until(lambda: kiosk.visible("applyReceived"), 2000)  # on disk: said at once
    kiosk.wait_until(lambda: bool(kiosk.ui.apply.property("answered")), 8000)
    apply_no = kiosk.ui.apply.property("applyNo")
    assert kiosk.ui.apply.property("caseNo") == ""
    assert kiosk.visible("applyPending")
    (job,) = printer.wait_for_jobs(1)
    assert apply_no in job.text
    assert "待上传" in job.text
    standin.state.latency_s = 0.0  # the platform recovers: the case goes by itself
    kiosk.wait_until(lambda: standin.store.apply_numbers() == [apply_no], 30_000)


@pytest.mark.parametrize(
    ("field", "layout"),
    [("field_phone", "dialpad.qml"), ("field_spouse_name", "main.qml")],
)
def test_number_fields_open_the_number_pad(station: Station, field: str, layout: str) -> None:
    kiosk, _, reader, _ = station
    open_application(kiosk)
    kiosk.click("applyNextButton")
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    kiosk.click(field)
    kiosk.wait_until(kiosk.keyboard_open)
    keyboard = next(
        obj
        for obj in walk(kiosk.item("inputPanel"))
        if class_name(obj).startswith("Keyboard_QMLTYPE")
    )
    kiosk.wait_until(lambda: str(keyboard.property("layout")).endswith(layout))
