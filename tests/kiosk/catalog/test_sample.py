"""The shipped sample catalog is complete enough to stand in for the district's."""

from __future__ import annotations

import dataclasses

from kiosk.catalog.model import ServiceItem
from kiosk.catalog.sample import load_sample

GUIDE_ELEMENTS = [f.name for f in dataclasses.fields(ServiceItem)][:26]


def test_sample_has_at_least_40_items_and_10_forms() -> None:
    catalog = load_sample()
    assert catalog.sample
    assert len(catalog.items) >= 40
    assert sum(item.can_apply_online for item in catalog.items) >= 10


def test_every_item_fills_all_26_guide_elements() -> None:
    assert len(GUIDE_ELEMENTS) == 26
    for item in load_sample().items:
        for element in GUIDE_ELEMENTS:
            assert getattr(item, element), f"{item.name}: {element} is empty"


def test_items_residents_ask_for_are_there() -> None:
    names = {item.name for item in load_sample().items}
    for expected in (
        "生育登记服务",
        "北京市居住证申领",
        "灵活就业人员参加社会保险登记",
        "城乡居民基本医疗保险参保登记",
        "失业登记",
        "最低生活保障审核确认",
        "临时救助",
        "北京市老年人高龄津贴申领",
        "残疾人证新办",
        "独生子女父母奖励费申领",
        "家庭养老照护床位申请",
        "公共租赁住房租金补贴申请",
    ):
        assert expected in names


def test_forms_prefill_from_the_id_card_only_known_sources() -> None:
    prefills = {f.prefill for item in load_sample().items for f in item.form if f.prefill}
    assert prefills <= {"id_card.address", "id_card.name", "id_card.sex", "id_card.birth_date"}
