"""证照寄送 through the real window: the 居住证 posted home — the address asked only once
邮寄到家 is chosen, prefilled from the card and corrected, masked on review and on the
receipt, and at the platform as the case's resultDelivery."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.idcard.identity import parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from tests.e2e.test_apply_journey import Station, _station, shown_message, step
from tests.ui.driver import Driver

ITEM = "北京市居住证申领"
ADDRESS = "北京市西城区月坛北街12号院3号楼2单元401"


@pytest.fixture
def station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    yield from _station(launch, tmp_path, typed_identity_items="")


def test_the_residence_permit_posted_home_masked_on_review_and_receipt(station: Station) -> None:
    kiosk, standin, reader, printer = station
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    kiosk.click("tile_apply")
    rows = kiosk.ui.catalog.listing
    row = next(n for n in range(rows.rowCount()) if rows.data(rows.index(n), rows.NameRole) == ITEM)
    kiosk.click(f"itemRow_{row}")
    kiosk.click("applyButton")
    kiosk.click("applyNextButton")
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)

    kiosk.fill("field_residence_address", ADDRESS)
    kiosk.click("choice_合法稳定住所")
    kiosk.fill("field_phone", "13800000000")
    assert kiosk.visible("choices_result_delivery")
    assert not kiosk.visible("field_mailing_address")  # asked only for a posting
    kiosk.click("choice_邮寄到家")
    assert kiosk.visible("field_mailing_address")
    assert kiosk.item("field_mailing_address").property("text") == identity.address
    kiosk.fill("field_mailing_address", "")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "form"
    assert "邮寄地址" in kiosk.item("problem_mailing_address").property("text")
    kiosk.fill("field_mailing_address", ADDRESS)
    kiosk.click("applyNextButton")
    assert step(kiosk) == "materials", shown_message(kiosk)

    needed = [r for r in kiosk.ui.apply.property("materials").rows() if r.needed]
    names = [r.name for r in kiosk.ui.apply.property("materials").rows()]
    for material in needed:
        index = names.index(material.name)
        kiosk.click(f"capture_{index}")
        kiosk.wait_until(lambda index=index: kiosk.visible(f"pageThumb_{index}_0"), 10_000)
    kiosk.click("applyNextButton")
    assert step(kiosk) == "review", shown_message(kiosk)
    shown = kiosk.texts()
    assert "北京市西城区****" in shown
    assert not any("月坛北街" in text for text in shown)

    kiosk.click("applyNextButton")
    kiosk.click("applyNextButton")  # 同意并提交
    kiosk.wait_until(lambda: bool(kiosk.ui.apply.property("caseNo")), 10_000)
    (job,) = printer.wait_for_jobs(1)
    assert "邮寄到家（北京市西城区****）" in job.text
    assert "月坛北街" not in job.text
    (case,) = standin.store.bundle_of(kiosk.ui.apply.property("applyNo"))
    assert case["resultDelivery"] == {"method": "post", "address": ADDRESS}
    assert "mailing_address" not in case["form"]
