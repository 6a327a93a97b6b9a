"""The catalog in SQLite: atomic replacement, last good version kept, survives reopening."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.catalog.model import Catalog
from kiosk.catalog.sample import load_sample
from kiosk.catalog.store import CatalogStore


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return load_sample()


def test_empty_store_has_no_catalog(tmp_path: Path) -> None:
    assert CatalogStore(tmp_path / "c.db").load_active() is None


def test_saved_catalog_loads_searchable_after_reopening(tmp_path: Path, sample: Catalog) -> None:
    CatalogStore(tmp_path / "c.db").save(sample, etag='"v1"')
    active = CatalogStore(tmp_path / "c.db").load_active()
    assert active is not None
    assert active.version == sample.version
    assert active.etag == '"v1"'
    assert len(active.library) == len(sample.items)
    assert active.library.search("jzz")[0][0].name == "北京市居住证申领"
    code = sample.items[0].code
    assert active.library.item(code) == sample.items[0]


def test_new_version_replaces_and_last_good_is_kept(tmp_path: Path, sample: Catalog) -> None:
    store = CatalogStore(tmp_path / "c.db")
    for version in ("v1", "v2", "v3"):
        store.save(dataclasses.replace(sample, version=version))
    assert store.versions() == [("v2", False), ("v3", True)]


def test_failed_save_leaves_the_previous_catalog_active(tmp_path: Path, sample: Catalog) -> None:
    store = CatalogStore(tmp_path / "c.db")
    store.save(dataclasses.replace(sample, version="good"))
    duplicated = dataclasses.replace(
        sample, version="bad", items=(sample.items[0], sample.items[0])
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.save(duplicated)
    active = store.load_active()
    assert active is not None
    assert active.version == "good"
    assert store.versions() == [("good", True)]


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    CatalogStore(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version=99")
    with pytest.raises(RuntimeError, match="newer than this kiosk knows"):
        CatalogStore(path)


def test_a_catalog_stored_before_bookable_items_lists_them_after_the_upgrade(
    tmp_path: Path, sample: Catalog
) -> None:
    """A summary row of the schema before (no `bookable`) gets it from its guide."""
    path = tmp_path / "c.db"
    CatalogStore(path).save(sample)
    with sqlite3.connect(path) as connection:
        for code, summary in connection.execute("SELECT code, summary FROM catalog_item"):
            old = json.dumps(json.loads(summary)[:-1], ensure_ascii=False)
            connection.execute("UPDATE catalog_item SET summary = ? WHERE code = ?", (old, code))
        connection.execute("DROP TABLE catalog_guidance")  # came after
        connection.execute("PRAGMA user_version=5")
    active = CatalogStore(path).load_active()
    assert active is not None
    bookable = {summary.name for summary in active.library.filtered("appointment", "")}
    assert bookable == {item.name for item in sample.items if "appointment" in item.modes}
    assert "结婚登记" in bookable


def test_search_misses_are_counted_as_catalog_words_only(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "c.db")
    store.save(load_sample())
    assert store.record_search_miss("王小明 低保")
    assert store.record_search_miss("低保  怎么办")
    assert store.record_search_miss("养猫补贴")
    assert not store.record_search_miss("电话13812341234")
    assert not store.record_search_miss("火星 移民")
    assert store.search_misses() == [("低保", 2), ("补贴", 1)]


def test_search_misses_without_a_catalog_keep_nothing(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "c.db")
    assert not store.record_search_miss("低保")
    assert store.search_misses() == []


def test_sync_history_keeps_problems_for_staff(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "c.db")
    store.log_sync("refused", "catalog has 1 problem(s)", ("X: name: must not be empty",))
    ((_at, status, detail, problems),) = store.sync_history()
    assert status == "refused"
    assert "1 problem" in detail
    assert problems == "X: name: must not be empty"
