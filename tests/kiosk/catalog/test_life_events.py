"""一件事 (life events), synonyms and phrases: published with the catalog, checked whole,
stored with it, and feeding the search."""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalog.library import CatalogLibrary
from kiosk.catalog.parse import CatalogError, parse_catalog
from kiosk.catalog.sample import load_sample, sample_document
from kiosk.catalog.store import CatalogStore


@pytest.fixture(scope="module")
def library() -> CatalogLibrary:
    return CatalogLibrary.from_catalog(load_sample())


def names(library: CatalogLibrary, query: str, limit: int = 50) -> list[str]:
    return [summary.name for summary, _hit in library.search(query, limit)]


def problems(change: Any) -> list[str]:
    document = sample_document()
    change(document)
    with pytest.raises(CatalogError) as caught:
        parse_catalog(document)
    return caught.value.problems


# --- what the catalog publishes, checked ---------------------------------------------------


def test_the_sample_publishes_life_events_synonyms_and_age_rules() -> None:
    catalog = load_sample()
    assert [e.name for e in catalog.life_events] == [
        "生孩子", "孩子上学", "退休", "养老", "失业", "残疾", "身后事", "新市民来京居住",
    ]  # fmt: skip
    assert len(catalog.synonyms) >= 15
    assert {rule.title for rule in catalog.age_rules} >= {"年满80周岁", "年满60周岁"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["life_events"][0]["items"].append("X-110102000000-000-1-1-00"),
            "life event LE-BIRTH: items: X-110102000000-000-1-1-00 is not in the catalog",
        ),
        (
            lambda d: d["life_events"][1].update(code="LE-BIRTH"),
            "life event LE-BIRTH: code: used twice",
        ),
        (
            lambda d: d["life_events"][0].update(name="生孩子\u202e"),
            "life_events[1]: name: contains control or format characters",
        ),
        (
            lambda d: d["life_events"][0].update(items=[d["items"][0]["code"]] * 2),
            "life event LE-BIRTH: items: an item is listed twice",
        ),
        (
            lambda d: d["life_events"][0].update(items=[]),
            "life_events[1]: items: must not be empty",
        ),
        (lambda d: d["life_events"][0].update(colour="red"), "colour: unknown field"),
        (
            lambda d: d["synonyms"].append(dict(d["synonyms"][0])),
            "synonym 老了: word: listed twice",
        ),
        (
            lambda d: d["synonyms"][0].update(means=["养老"] * 9),
            "synonyms[1]: means: more than 8 entries (9)",
        ),
        (
            lambda d: d["age_rules"][0].update(min_age=90, max_age=80),
            "age_rules[1]: max_age: must not be below min_age",
        ),
        (
            lambda d: d["life_events"].extend([d["life_events"][0]] * 100),
            "catalog: life_events: more than 100 entries (108)",
        ),
    ],
)
def test_a_wrong_life_event_synonym_or_rule_refuses_the_catalog(change: Any, expected: str) -> None:
    found = problems(change)
    assert any(expected in problem for problem in found), found


# --- search ------------------------------------------------------------------------------


def test_a_life_event_finds_its_items_in_order(library: CatalogLibrary) -> None:
    assert names(library, "生孩子")[:3] == [
        "生育登记服务", "新生儿出生户口登记", "城乡居民基本医疗保险参保登记",
    ]  # fmt: skip
    assert names(library, "shenghaizi")[:2] == ["生育登记服务", "新生儿出生户口登记"]
    assert [e.name for e in library.search_events("生孩")] == ["生孩子"]
    assert [e.name for e in library.search_events("孩子出生")] == ["生孩子"]  # an alias


@pytest.mark.parametrize(
    ("phrase", "expected_first"),
    [
        ("老了办卡", "北京通—养老助残卡申领"),  # 老了 means 养老, 办卡 means 卡: both words
        ("身份证丢了怎么办", "居民身份证换领、补领"),
        ("我想给孩子上户口", "新生儿出生户口登记"),
        ("没工作了怎么办", "失业登记"),  # a synonym naming a life event
        ("我要打官司没钱", "法律援助申请"),
        ("请问怎么申请低保", "最低生活保障审核确认"),
        ("我想办居住证", "北京市居住证申领"),
        ("亲人去世了要办什么", "城乡居民基本养老保险丧葬补助金申领"),
    ],
)
def test_a_phrase_finds_what_its_key_word_would(
    library: CatalogLibrary, phrase: str, expected_first: str
) -> None:
    assert names(library, phrase)[0] == expected_first


def test_the_items_more_words_find_come_first(library: CatalogLibrary) -> None:
    found = names(library, "我家老人八十多了有什么补贴")
    assert set(found[:3]) >= {"北京市老年人高龄津贴申领"}
    assert "困难老年人养老服务补贴和失能老年人护理补贴申领" in found[:3]


def test_particles_alone_find_nothing(library: CatalogLibrary) -> None:
    assert names(library, "我想要怎么办理呢") == []
    assert library.search_events("的了吗") == []


def test_plain_searches_rank_as_before(library: CatalogLibrary) -> None:
    """A query that is a name, an alias or pinyin finds it first, words or not."""
    assert names(library, "居住证")[0] == "北京市居住证申领"
    assert names(library, "居往证")[0] == "北京市居住证申领"  # a near miss beats a word
    assert names(library, "sfz")[0] == "居民身份证换领、补领"


def test_a_long_phrase_is_cut_and_searched_in_bounded_work(library: CatalogLibrary) -> None:
    """Bounded work, not timed here (benchmarks time): a query is cut to 64 characters and
    at most 6 words; what is past them changes nothing."""
    long = "我想办居住证" + "和身份证还有社保卡" * 1000
    assert len(library._phrases.segmenter.words(long)) <= 6
    assert names(library, long) == names(library, long[:64])
    assert library.search_events("生孩子" + "生" * 10_000) == library.search_events("生孩子")


def test_a_single_letter_names_no_life_event(library: CatalogLibrary) -> None:
    assert library.search_events("s") == []
    assert library.search_events("生") == []
    assert [e.name for e in library.search_events("sh")] != []


def test_stored_guidance_that_cannot_be_read_leaves_the_catalog_usable() -> None:
    from kiosk.catalog.library import Guidance

    for damaged in ("{", "[]", '{"life_events": [{"colour": "red"}]}'):
        assert Guidance.from_json(damaged) == Guidance()


# --- a life event's page -----------------------------------------------------------------


def test_materials_of_a_life_event_are_listed_once_with_the_items_needing_them() -> None:
    document = sample_document()
    by_code = {item["code"]: item for item in document["items"]}
    birth = next(e for e in document["life_events"] if e["code"] == "LE-BIRTH")
    shared = {"name": "居民身份证", "form": "原件", "copies": 1, "required": True,
              "deferrable": False, "e_licence": True}  # fmt: skip
    for code in birth["items"][:2]:
        by_code[code]["materials"].insert(0, dict(shared))
    library = CatalogLibrary.from_catalog(parse_catalog(document))
    materials = library.event_materials("LE-BIRTH")
    names_ = [m.material.name for m in materials]
    assert names_.count("居民身份证") == 1
    first = materials[0]
    assert first.material.name == "居民身份证"
    assert first.items == ("生育登记服务", "新生儿出生户口登记")
    assert len(materials) == 1 + sum(
        len(by_code[c]["materials"]) - 1 for c in birth["items"][:2]
    ) + len(by_code[birth["items"][2]]["materials"])


def test_life_events_list_only_the_items_this_catalog_has(library: CatalogLibrary) -> None:
    events = library.life_events()
    assert [e.code for e in events][:2] == ["LE-BIRTH", "LE-SCHOOL"]
    assert all(code in library for e in events for code in e.items)


# --- stored with the catalog -------------------------------------------------------------


def test_life_events_synonyms_and_rules_are_stored_with_their_version(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "c.db")
    store.save(load_sample())
    active = store.load_active()
    assert active is not None
    library = active.library
    assert library.life_events()[0].name == "生孩子"
    assert names(library, "老了办卡")[0] == "北京通—养老助残卡申领"
    assert names(library, "shenghaizi")[0] == "生育登记服务"
    assert library.recommended(85)[0].title == "年满80周岁"
    newer = copy.deepcopy(sample_document())
    newer["version"] = "newer"
    del newer["life_events"]
    store.save(parse_catalog(newer))
    active = store.load_active()
    assert active is not None
    assert active.library.life_events() == []


def test_building_the_segmenter_writes_no_cache_and_loads_no_pkg_resources() -> None:
    """jieba caches its dictionary in /tmp and opens files through pkg_resources (13 MB)
    when left to itself; the kiosk gives it the dictionary as bytes and goes without."""
    before = set(Path(tempfile.gettempdir()).glob("jieba*"))
    script = (
        "import sys\n"
        "from kiosk.catalog.library import CatalogLibrary\n"
        "from kiosk.catalog.sample import load_sample\n"
        "library = CatalogLibrary.from_catalog(load_sample())\n"
        "assert library.search('老了办卡')\n"
        "print('pkg_resources' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"
    assert set(Path(tempfile.gettempdir()).glob("jieba*")) == before
