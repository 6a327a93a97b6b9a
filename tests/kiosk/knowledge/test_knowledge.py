"""The hotline knowledge base: the sample, validation, storage, search and its sync over real
HTTP from the stand-in (in-process and as the kiosk runs it, in a child process)."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.catalog.sample import load_sample as load_sample_catalog
from kiosk.catalog.sync import KNOWLEDGE, sync_feed
from kiosk.catalog.syncjob import sync_in_subprocess
from kiosk.knowledge.library import KnowledgeLibrary
from kiosk.knowledge.parse import KnowledgeError, parse_knowledge
from kiosk.knowledge.sample import load_sample, sample_document
from kiosk.knowledge.store import KnowledgeStore
from kiosk.standin.server import StandIn

MAX_BYTES = 8 * 1024 * 1024


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return sample_document()


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary.from_knowledge(load_sample())


def entry(**changes: Any) -> dict[str, Any]:
    base = {
        "id": "KB-1",
        "theme": "证件办理",
        "question": "身份证丢了怎么办？",
        "answer": "带户口簿到派出所。",
        "items": [],
        "keywords": ["丢了身份证"],
        "updated": "2026-10-01",
        "popularity": 3,
    }
    return base | changes


def problems_of(*entries: dict[str, Any]) -> list[str]:
    with pytest.raises(KnowledgeError) as refused:
        parse_knowledge({"version": "v", "entries": list(entries)})
    return refused.value.problems


# -- the sample ------------------------------------------------------------------------------
def test_the_sample_has_sixty_entries_or_more_all_marked_sample_and_about_catalog_items(
    document: dict[str, Any],
) -> None:
    knowledge = load_sample()
    assert knowledge.sample
    assert document["sample"] is True
    assert len(knowledge.entries) >= 60
    codes = {item.code for item in load_sample_catalog().items}
    linked = [code for e in knowledge.entries for code in e.items]
    assert linked
    assert set(linked) <= codes
    assert len({e.id for e in knowledge.entries}) == len(knowledge.entries)
    assert all("http" not in e.answer and "<" not in e.answer for e in knowledge.entries)


def test_themes_come_in_the_national_platforms_order_with_their_counts(
    library: KnowledgeLibrary,
) -> None:
    themes = dict(library.themes())
    assert list(themes)[:2] == ["生育收养", "户籍办理"]
    assert list(themes)[-1] == "其他"
    assert sum(themes.values()) == len(library)
    assert all(q.theme == "证件办理" for q in library.popular("证件办理"))


# -- search, with the items' engine ----------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("身份证丢了", "身份证丢了，怎么补办？"),  # the question's words
        ("shenfenzheng", "身份证"),  # full pinyin
        ("sfz", "身份证"),  # initials
        ("老了办卡", "老年卡"),  # a keyword as residents put it
        ("居住症", "居住证"),  # one wrong character
    ],
)
def test_search_finds_a_question_as_residents_type_it(
    library: KnowledgeLibrary, typed: str, expected: str
) -> None:
    found = library.search(typed, 5)
    assert found
    assert expected in found[0].question


def test_search_reads_answers_too_and_finds_nothing_for_nonsense(
    library: KnowledgeLibrary,
) -> None:
    assert library.search("户口簿", 30)  # appears in answers, not only questions
    assert library.search("zzzzqqqq") == []


def test_an_answer_is_read_from_the_store_not_kept_in_memory(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "knowledge.db")
    store.save(load_sample(), etag='"e1"')
    library = store.load_active()
    assert library is not None
    assert library.sample
    first = library.questions[0]
    assert library.answer(first.id) == next(
        e.answer for e in load_sample().entries if e.id == first.id
    )
    with closing(sqlite3.connect(tmp_path / "knowledge.db")) as raw:
        raw.execute("UPDATE knowledge_item SET document = 'changed on disk'")
        raw.commit()
    assert library.answer(first.id) == "changed on disk"
    with pytest.raises(KeyError):
        library.answer("KB-nothing")


def test_the_store_keeps_the_active_version_and_the_last_good_one(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "knowledge.db")
    for version in ("v1", "v2", "v3"):
        store.save(parse_knowledge({"version": version, "entries": [entry()]}), etag=version)
    assert store.versions() == [("v2", False), ("v3", True)]
    assert store.active_etag() == "v3"


# -- validation --------------------------------------------------------------------------------
def test_a_knowledge_base_with_problems_is_refused_whole_naming_each_one() -> None:
    problems = problems_of(
        entry(),
        entry(),  # the same id twice
        entry(id="KB 2\x1b[31m", updated="20260101"),  # a bad id does not name problems
        entry(id="KB-3", answer="x" * 5001, colour="red", theme="%2"),
        entry(id="KB-4", question="问\x1b[31m题", keywords=["k"] * 21, answer="a\u202eb"),
        entry(id="KB-5", items=["<b>not a code</b>"]),
    )
    joined = "\n".join(problems)
    for words in (
        "KB-1: id: used by more than one entry",
        "entry #3: id: must be 1 to 40 letters",
        "entry #3: updated: must be a date",
        "KB-3: answer: longer than 5000",
        "KB-3: colour: unknown field",
        "KB-3: theme: must be one of",
        "KB-4: question: contains control or format characters",
        "KB-4: answer: contains control or format characters",  # a right-to-left override
        "KB-4: keywords: more than 20",
        "KB-5: items: must be item implementation codes",
    ):
        assert words in joined
    assert "\x1b" not in joined


def test_the_version_is_short_and_printable_and_keywords_are_bounded_in_all() -> None:
    with pytest.raises(KnowledgeError) as refused:
        parse_knowledge({"version": "v\x1b[31m" + "x" * 100, "entries": [entry()]})
    assert "knowledge: version: must be at most 64 printable characters" in refused.value.problems
    many = [entry(id=f"KB-{n}", keywords=[f"k{n}-{k}" for k in range(20)]) for n in range(2001)]
    with pytest.raises(KnowledgeError) as too_many:
        parse_knowledge({"version": "v", "entries": many})
    assert any("more than 40000 keywords in all" in p for p in too_many.value.problems)


def test_missing_fields_and_wrong_types_are_problems_too() -> None:
    problems = problems_of({"id": "KB-1", "question": 5, "items": "not a list"})
    joined = "\n".join(problems)
    assert "KB-1: question: must be text" in joined
    assert "KB-1: answer: missing" in joined
    assert "KB-1: items: must be a list of texts" in joined


# -- sync over HTTP ----------------------------------------------------------------------------
@pytest.fixture
def standin(document: dict[str, Any]) -> Iterator[StandIn]:
    with StandIn() as server:
        server.state.set_knowledge(document)
        yield server


def sync(store: KnowledgeStore, standin: StandIn):  # type: ignore[no-untyped-def]
    with requests.Session() as session:
        return sync_feed(
            KNOWLEDGE, store, session, standin.url, max_bytes=MAX_BYTES, timeout=(2, 5)
        )


def test_the_first_sync_stores_it_and_the_next_asks_with_its_etag(
    tmp_path: Path, standin: StandIn, document: dict[str, Any]
) -> None:
    store = KnowledgeStore(tmp_path / "knowledge.db")
    first = sync(store, standin)
    assert (first.status, first.version) == ("updated", document["version"])
    assert first.detail == f"knowledge base {document['version']} in use"
    assert sync(store, standin).status == "unchanged"
    assert standin.state.requests == ["GET /api/v1/knowledge"] * 2
    library = store.load_active()
    assert library is not None
    assert len(library) == len(document["entries"])


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("invalid", "knowledge base has"),
        ("garbage", "knowledge base is not valid JSON"),
        ("truncated", "knowledge base cut off in transfer"),
        ("error500", "platform answered 500"),
    ],
)
def test_a_bad_answer_keeps_the_knowledge_base_in_use(
    tmp_path: Path, standin: StandIn, document: dict[str, Any], fault: str, words: str
) -> None:
    store = KnowledgeStore(tmp_path / "knowledge.db")
    assert sync(store, standin).status == "updated"
    newer = copy.deepcopy(document)
    newer["version"] = "newer"
    standin.state.set_knowledge(newer)
    standin.state.knowledge.fault = fault
    outcome = sync(store, standin)
    assert outcome.status in ("refused", "failed")
    assert words in outcome.detail
    assert store.versions() == [(document["version"], True)]


def test_the_kiosk_syncs_it_in_a_child_process_and_logs_the_outcome(
    tmp_path: Path, standin: StandIn, document: dict[str, Any]
) -> None:
    path = tmp_path / "knowledge.db"
    outcome = sync_in_subprocess(
        path, standin.url, max_bytes=MAX_BYTES, deadline_s=60, feed="knowledge"
    )
    assert outcome.status == "updated", outcome.detail
    store = KnowledgeStore(path)
    assert store.active_version() == document["version"]
    assert store.sync_history(1)[0][1] == "updated"
    assert store.last_good_sync() is not None


def test_a_platform_that_publishes_none_yet_leaves_the_station_without_one(
    tmp_path: Path,
) -> None:
    store = KnowledgeStore(tmp_path / "knowledge.db")
    with StandIn() as empty:
        outcome = sync(store, empty)
    assert outcome.status == "failed"
    assert "503" in outcome.detail
    assert store.load_active() is None
