"""为您推荐 by the sample catalog's published age rules."""

from __future__ import annotations

import datetime

import pytest

from kiosk.catalog.library import CatalogLibrary
from kiosk.catalog.recommend import age_on
from kiosk.catalog.sample import load_sample


@pytest.fixture(scope="module")
def library() -> CatalogLibrary:
    return CatalogLibrary.from_catalog(load_sample())


TODAY = datetime.date(2026, 11, 30)


def names(library: CatalogLibrary, age: int) -> list[str]:
    born = TODAY.replace(year=TODAY.year - age)
    return [s.name for offer in library.recommended(age_on(born, TODAY)) for s in offer.items]


def test_over_80_sees_the_age_allowance_first(library: CatalogLibrary) -> None:
    found = names(library, 85)
    assert found[0] == "北京市老年人高龄津贴申领"
    assert "北京通—养老助残卡申领" in found


def test_over_60_sees_elderly_services_not_job_ones(library: CatalogLibrary) -> None:
    found = names(library, 65)
    assert "北京通—养老助残卡申领" in found
    assert "失业登记" not in found
    assert "北京市老年人高龄津贴申领" not in found


def test_young_adult_sees_work_and_family_items(library: CatalogLibrary) -> None:
    found = names(library, 30)
    assert "失业登记" in found
    assert "生育登记服务" in found
    assert len(found) == len(set(found))


def test_each_item_is_offered_under_the_first_rule_that_names_it(
    library: CatalogLibrary,
) -> None:
    offers = library.recommended(age_on(datetime.date(1940, 1, 1), TODAY))
    assert [offer.title for offer in offers] == ["年满80周岁", "年满60周岁", "所有居民"]
    found = [s.name for offer in offers for s in offer.items]
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("birth", "today", "age"),
    [
        (datetime.date(1949, 12, 31), datetime.date(2026, 12, 30), 76),
        (datetime.date(1949, 12, 31), datetime.date(2026, 12, 31), 77),
        (datetime.date(2000, 2, 29), datetime.date(2026, 3, 1), 26),
    ],
)
def test_age_on(birth: datetime.date, today: datetime.date, age: int) -> None:
    assert age_on(birth, today) == age
