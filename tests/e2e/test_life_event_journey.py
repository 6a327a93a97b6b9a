"""一件事 applied for at once, through the real window, the card reader and printer
simulators and the platform stand-in over loopback: life event → its items together →
one card, one form, each material photographed once, one consent → linked cases at the
stand-in, each once, pages uploaded once → one receipt naming every case → wiped."""

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
from tests.e2e.test_apply_journey import PROGRESS, Station, _station, step
from tests.ui.driver import Driver

CARD_ITEM = "北京通—养老助残卡申领"
ALLOWANCE = "北京市老年人高龄津贴申领"


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    yield from _station(launch, tmp_path, typed_identity_items="")


def open_elderly(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    kiosk.click("browse_event")
    events = [kiosk.item(f"group_{n}").property("name") for n in range(4)]
    kiosk.click(f"group_{events.index('养老')}")
    assert kiosk.current_screen() == "lifeEventScreen"


def test_a_life_event_applied_for_at_once_reaches_the_platform_as_linked_cases(
    station: Station,
) -> None:
    kiosk, standin, reader, printer = station
    identity = parse_text_block(SAMPLE_CARDS["elder"])
    open_elderly(kiosk)
    assert kiosk.visible("eventApply")
    assert "2" in kiosk.item("eventApply").property("text")  # the two items online here
    kiosk.click("eventApply")
    assert kiosk.current_screen() == "applyScreen"
    assert kiosk.ui.apply.property("itemNames") == [CARD_ITEM, ALLOWANCE]
    assert kiosk.visible("applyTogether")

    kiosk.click("applyNextButton")
    reader.insert("elder")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    keys = [row.key for row in kiosk.ui.apply.property("fields").rows()]
    assert keys.count("phone") == 1  # asked once for both items
    assert {"card_kind", "card_number", "address"} <= set(keys)
    assert kiosk.item("field_address").property("text") == identity.address
    kiosk.click("choice_老年人（60周岁以上）")
    kiosk.click("choice_窗口领取")
    kiosk.fill("field_card_number", "6217000010001234567")
    kiosk.fill("field_phone", "13800000000")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "materials"

    names = [row.name for row in kiosk.ui.apply.property("materials").rows()]
    assert names.count("居民身份证") == 1  # photographed once for both
    needed = [row for row in kiosk.ui.apply.property("materials").rows() if row.needed]
    for row in needed:
        index = names.index(row.name)
        kiosk.click(f"capture_{index}")
        kiosk.wait_until(lambda index=index: kiosk.visible(f"pageThumb_{index}_0"), 20_000)
    kiosk.click("applyNextButton")
    assert step(kiosk) == "review"
    kiosk.click("applyNextButton")
    assert step(kiosk) == "consent"
    kiosk.click("applyNextButton")  # 同意并提交: one consent for both

    kiosk.wait_until(lambda: bool(kiosk.ui.apply.property("answered")), 15_000)
    apply_no = kiosk.ui.apply.property("applyNo")
    cases = kiosk.ui.apply.property("cases")
    assert [c["name"] for c in cases] == [CARD_ITEM, ALLOWANCE]
    assert all(c["uploaded"] for c in cases)
    kiosk.wait_until(lambda: kiosk.visible("applyCase_1"), 5000)

    # At the platform: two cases, each once, linked; the pages once, under the first.
    records = standin.store.submission_records()
    assert all(n == 1 for n in records.values())
    filed = {number for (kind, number, _), _n in records.items() if kind == "case"}
    assert len(filed) == 2
    assert apply_no in filed
    bodies = {b["itemName"]: b for b in standin.store.bundle_of(apply_no)}
    assert set(bodies) == {CARD_ITEM, ALLOWANCE}
    assert bodies[CARD_ITEM]["bundle"]["applyNos"] == bodies[ALLOWANCE]["bundle"]["applyNos"]
    pages = [p for number in filed for p in standin.store.material_pages(number)]
    assert sorted(name for name, _, _ in pages) == sorted(row.name for row in needed)
    (shared,) = [m for m in bodies[ALLOWANCE]["materials"] if m["name"] == "居民身份证"]
    assert shared["uploadedWith"] == apply_no  # photographed once, for the card's case
    assert set(bodies[ALLOWANCE]["form"]) <= {"card_number", "address", "contact_name", "phone"}

    # One receipt names both cases; its code finds them (the apply number and the token).
    (job,) = printer.wait_for_jobs(1)
    for case in cases:
        assert case["number"] in job.text
    assert CARD_ITEM in job.text
    assert ALLOWANCE in job.text
    assert identity.name not in job.text
    assert identity.id_number not in job.text
    codes = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(printer.png(job))))]
    (code,) = codes
    link = read_progress_link(PROGRESS, code)
    assert link.apply_no == apply_no
    found = standin.store.query_cases({"applyNo": apply_no, "token": link.token}, now=0.0)
    assert sorted(c["itemName"] for c in found["cases"]) == sorted([CARD_ITEM, ALLOWANCE])

    kiosk.wait_until(lambda: step(kiosk) == "rating", 10_000)
    kiosk.click("skipRating")
    kiosk.settle()
    assert kiosk.visible("attractScreen")
    assert not kiosk.ui.visit.session.holds_personal_data()
    assert not any(case["number"] in t for case in cases for t in kiosk.texts())
