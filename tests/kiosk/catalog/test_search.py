"""Search ranking for Chinese, pinyin, initials, aliases and small typos."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.catalog.library import CatalogLibrary
from kiosk.catalog.sample import load_sample


@pytest.fixture(scope="module")
def library() -> CatalogLibrary:
    return CatalogLibrary.from_catalog(load_sample())


def names(library: CatalogLibrary, query: str, limit: int = 5) -> list[str]:
    return [summary.name for summary, _hit in library.search(query, limit)]


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("结婚登记", "结婚登记"),  # exact name
        ("北京市居", "北京市居住证申领"),  # name prefix
        ("老年卡", "北京通—养老助残卡申领"),  # alias
        ("低保", "最低生活保障审核确认"),  # alias over contents
        ("居住证", "北京市居住证申领"),
        ("juzhuzheng", "北京市居住证申领"),  # full pinyin of an alias
        ("jzz", "北京市居住证申领"),  # initials
        ("JZZ", "北京市居住证申领"),  # case
        ("ｊｚｚ", "北京市居住证申领"),  # full-width letters
        ("shebaoka", "社会保障卡申领与补换"),
        ("laonianka", "北京通—养老助残卡申领"),
        ("居往证", "北京市居住证申领"),  # one wrong character
        ("juzhuzhen", "北京市居住证申领"),  # one missing letter
        ("失业 登记", "失业登记"),  # spaces ignored
    ],
)
def test_ranking(library: CatalogLibrary, query: str, expected_first: str) -> None:
    assert names(library, query)[0] == expected_first


def test_exact_name_beats_prefix_and_contents(library: CatalogLibrary) -> None:
    found = library.search("失业登记")
    assert found[0][0].name == "失业登记"
    assert found[0][1].tier == "name"


def test_contents_match_after_names(library: CatalogLibrary) -> None:
    found = library.search("残疾人证")
    tiers = [hit.tier for _summary, hit in found]
    assert tiers[0] in ("name", "alias")
    assert tiers == sorted(
        tiers, key=["name", "alias", "pinyin", "initials", "content", "near"].index
    )


def test_no_duplicates_and_limit(library: CatalogLibrary) -> None:
    found = [summary.code for summary, _hit in library.search("s", 10)]
    assert len(found) == 10
    assert len(set(found)) == 10


def test_nothing_for_unrelated_or_empty_queries(library: CatalogLibrary) -> None:
    assert library.search("火星移民") == []
    assert library.search("   ") == []
    assert library.search("！？") == []


@given(st.text(max_size=30))
def test_any_input_is_safe(query: str) -> None:
    library = _shared_library()
    results = library.search(query, 20)
    assert len(results) <= 20


_LIBRARY: list[CatalogLibrary] = []


def _shared_library() -> CatalogLibrary:
    if not _LIBRARY:
        _LIBRARY.append(CatalogLibrary.from_catalog(load_sample()))
    return _LIBRARY[0]
