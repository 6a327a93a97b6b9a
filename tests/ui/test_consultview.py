"""The 咨询 view model over a real knowledge base: browsing, search, one answer with its
guides named from the catalog, a swap that removes the open answer, and the wipe."""

from __future__ import annotations

import dataclasses
import threading
import weakref
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.catalog.library import CatalogLibrary
from kiosk.catalog.sample import load_sample as load_catalog
from kiosk.catalog.store import CatalogStore
from kiosk.knowledge.library import KnowledgeLibrary
from kiosk.knowledge.model import KnowledgeBase
from kiosk.knowledge.sample import load_sample
from kiosk.settings import PlatformSettings
from ui.catalogworker import CatalogService
from ui.consultview import POPULAR, ConsultViewModel


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_sample()


@pytest.fixture(scope="module")
def catalog() -> CatalogLibrary:
    return CatalogLibrary.from_catalog(load_catalog())


def names_from(catalog: CatalogLibrary):  # type: ignore[no-untyped-def]
    return lambda code: catalog.summary(code).name if code in catalog else ""


def test_without_a_knowledge_base_there_is_nothing_to_browse(qapp: object) -> None:
    consult = ConsultViewModel(lambda code: "")
    assert not consult.ready
    consult.search("身份证")
    assert consult.question_rows.rows() == ()
    assert consult.open("KB-0001") is False


def test_browse_search_and_open_an_answer_with_its_guides(
    qapp: object, knowledge: KnowledgeBase, catalog: CatalogLibrary
) -> None:
    consult = ConsultViewModel(names_from(catalog))
    consult.set_library(KnowledgeLibrary.from_knowledge(knowledge))
    assert consult.ready
    assert consult.sample
    assert consult.entryCount == len(knowledge.entries)
    rows = consult.question_rows.rows()
    assert len(rows) == POPULAR
    popularity = {e.id: e.popularity for e in knowledge.entries}
    shown = [popularity[r.id] for r in rows]
    assert shown == sorted(shown, reverse=True)

    consult.chooseTheme("死亡殡葬")
    assert {r.theme for r in consult.question_rows.rows()} == {"死亡殡葬"}
    consult.search("养老助残卡")  # a query wins over the theme while it is there
    found = consult.question_rows.rows()
    assert found
    assert "卡" in found[0].question
    assert consult.open(found[0].id)
    entry = next(e for e in knowledge.entries if e.id == found[0].id)
    assert consult.answerText == entry.answer
    assert consult.answerUpdated == entry.updated
    assert [r.name for r in consult.related_rows.rows()] == [
        catalog.summary(code).name for code in entry.items
    ]
    consult.search("")
    assert {r.theme for r in consult.question_rows.rows()} == {"死亡殡葬"}


def test_related_items_the_catalog_no_longer_has_are_left_out(
    qapp: object, knowledge: KnowledgeBase
) -> None:
    consult = ConsultViewModel(lambda code: "")  # a catalog without any of them
    consult.set_library(KnowledgeLibrary.from_knowledge(knowledge))
    linked = next(e for e in knowledge.entries if e.items)
    assert consult.open(linked.id)
    assert consult.related_rows.rows() == ()


def test_an_answer_on_screen_stays_through_an_update_and_the_wipe_forgets_everything(
    qapp: object, knowledge: KnowledgeBase, catalog: CatalogLibrary
) -> None:
    consult = ConsultViewModel(names_from(catalog))
    consult.set_library(KnowledgeLibrary.from_knowledge(knowledge))
    first, *rest = knowledge.entries
    assert consult.open(first.id)
    consult.set_library(
        KnowledgeLibrary.from_knowledge(dataclasses.replace(knowledge, entries=tuple(rest)))
    )
    assert consult.answerQuestion == first.question  # read on, though the update dropped it
    assert consult.answerText == first.answer

    consult.chooseTheme("其他")
    consult.search("代办")
    assert consult.open(consult.question_rows.rows()[0].id)
    consult.reset()
    assert (consult.query, consult.theme, consult.answerText) == ("", "", "")
    assert consult.related_rows.rows() == ()
    assert len(consult.question_rows.rows()) == POPULAR


def test_opening_the_screen_again_starts_from_the_most_asked(
    qapp: object, knowledge: KnowledgeBase
) -> None:
    consult = ConsultViewModel(lambda code: "")
    consult.set_library(KnowledgeLibrary.from_knowledge(knowledge))
    most_asked = consult.question_rows.rows()
    consult.chooseTheme("其他")
    consult.search("代办")  # then 首页, without clearing the field
    consult.begin()
    assert (consult.query, consult.theme) == ("", "")
    assert consult.question_rows.rows() == most_asked


def test_a_replaced_knowledge_base_is_freed_on_the_catalog_thread_not_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, knowledge: KnowledgeBase
) -> None:
    """Freeing 5,000 entries takes 13-16 ms: on the GUI thread, a dropped frame."""
    service = CatalogService(CatalogStore(tmp_path / "catalog.db"), PlatformSettings(), False)
    consult = ConsultViewModel(lambda code: "")
    consult.retired.connect(service.retire)
    service.start()
    try:
        freed_on: list[str] = []
        first = KnowledgeLibrary.from_knowledge(knowledge)
        weakref.finalize(first, lambda: freed_on.append(threading.current_thread().name))
        consult.set_library(first)
        del first
        consult.set_library(KnowledgeLibrary.from_knowledge(knowledge))
        qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
        assert freed_on != [threading.main_thread().name]
    finally:
        service.stop()
