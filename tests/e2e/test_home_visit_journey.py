"""上门办理 through the real window, the card reader and printer simulators and the platform
stand-in over loopback: a daughter asks for a home visit for her elderly father from the
养老助残卡 guide — who asks and why → his ID card → the card's address corrected → her phone
→ a wished afternoon → check (masked) → sent → the slip printed (its QR code the progress
link) → wiped; the request at the platform once, and found in 进度查询 by the slip's QR
code under the platform's name."""

from __future__ import annotations

import io
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
ITEM = "北京通—养老助残卡申领"
ADDRESS = "北京市西城区白云路7号院2号楼3单元602"
PHONE = "13912345678"


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[ResidentStation]:
    with resident_station(launch, tmp_path) as station:
        yield station


def open_guide(kiosk: Driver, name: str) -> None:
    kiosk.click("tile_apply")
    rows = kiosk.ui.catalog.listing
    row = next(n for n in range(rows.rowCount()) if rows.data(rows.index(n), rows.NameRole) == name)
    kiosk.click(f"itemRow_{row}")
    assert kiosk.current_screen() == "guideScreen"


def test_a_daughter_asks_for_a_home_visit_for_her_father(station: ResidentStation) -> None:
    kiosk, standin, reader, printer = station
    father = parse_text_block(SAMPLE_CARDS["elder"])
    open_guide(kiosk, ITEM)
    kiosk.click("homeVisitButton")
    assert kiosk.current_screen() == "homeVisitScreen"
    assert not kiosk.item("homeVisitSituationNext").property("enabled")  # both asked first
    kiosk.click("homeVisitRelation_child")
    kiosk.click("homeVisitReason_elderly")
    kiosk.click("homeVisitSituationNext")
    assert kiosk.visible("homeVisitCardPrompt")

    reader.insert("elder")
    kiosk.wait_until(lambda: kiosk.visible("homeVisitAddressField"), 5000)
    assert kiosk.item("homeVisitAddressField").property("text") == father.address
    kiosk.item("homeVisitAddressField").setProperty("text", "西城区")
    kiosk.click("homeVisitAddressNext")
    assert "至少" in kiosk.item("homeVisitProblem").property("text")  # says so, keeps it
    kiosk.item("homeVisitAddressField").setProperty("text", ADDRESS)
    kiosk.click("homeVisitAddressNext")
    kiosk.fill("homeVisitPhoneField", PHONE)
    assert kiosk.visible("homeVisitHalf_pm")

    kiosk.click("homeVisitHalf_pm")
    kiosk.click("homeVisitDay_0")
    assert kiosk.visible("homeVisitReview")
    shown = kiosk.texts()
    assert any("北京市西城区****" in text for text in shown)
    assert any("139****5678" in text for text in shown)
    assert any("下午" in text for text in shown)
    for secret in ("白云路", PHONE, father.id_number, father.name):
        assert not any(secret in text for text in shown), secret

    kiosk.click("backButton")  # 返回: one step
    assert kiosk.visible("homeVisitHalf_pm")
    kiosk.click("homeVisitDay_0")
    kiosk.click("homeVisitSubmit")
    kiosk.wait_until(lambda: bool(kiosk.ui.home_visit.property("settled")), 10_000)
    (job,) = printer.wait_for_jobs(1)
    number = kiosk.ui.home_visit.property("number")
    for words in (
        number,
        "上门办理申请回执",
        "已提交，待联系",
        ITEM,
        "子女",
        "下午",
        "139****5678",
    ):
        assert words in job.text, words
    for secret in ("白云路", PHONE, father.id_number, father.name):
        assert secret not in job.text, secret
    codes = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(printer.png(job))))]
    assert len(codes) == 1
    assert read_progress_link(PROGRESS, codes[0]).apply_no == number
    kiosk.wait_until(lambda: kiosk.visible("homeVisitQr"), 5000)
    kiosk.wait_until(lambda: kiosk.ui.devices.print_status().printed, 5000)
    kiosk.settle()
    kiosk.click("homeVisitFinish")
    assert kiosk.visible("attractScreen")
    assert not kiosk.ui.visit.session.holds_personal_data()
    assert leftovers(kiosk, ("白云路", PHONE, "139****5678", number)) == []
    assert standin.store.submission_records() == {("home_visit", number, ""): 1}

    kiosk.touch_anywhere()
    kiosk.click("tile_progress")
    kiosk.ui.devices.scanned.emit(codes[0])  # the slip under the scanner
    kiosk.wait_until(lambda: kiosk.visible("progressCase_0"), 10_000)
    assert any(f"上门办理：{ITEM}" in text for text in kiosk.texts())
    kiosk.ui.shell.endSession()
    kiosk.settle()
    assert not kiosk.ui.visit.session.holds_personal_data()
