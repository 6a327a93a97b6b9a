"""咨询 through the real window, with the knowledge base the platform stand-in publishes over
loopback (synced as the kiosk does, in a child process): the tile → a question typed in
pinyin on the on-screen keyboard → the answer → its guide; browsing by theme; a newer
knowledge base swapped in while the kiosk runs; the session's end wipes what was typed."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.knowledge.sample import sample_document
from kiosk.knowledge.store import KnowledgeStore
from kiosk.standin.server import StandIn
from tests.ui.driver import Driver, resident_station

PUBLISHED = "platform-kb-1"


@pytest.fixture
def published() -> dict[str, Any]:
    document = sample_document()
    document["version"] = PUBLISHED  # not the sample the kiosk would fall back to
    document["sample"] = False
    return document


@pytest.fixture
def station(
    launch: Callable[..., Driver], tmp_path: Path, published: dict[str, Any]
) -> Iterator[tuple[Driver, StandIn]]:
    with resident_station(launch, tmp_path) as (kiosk, standin, _reader, _printer):
        standin.state.set_knowledge(published)
        kiosk.ui.catalog_service.sync_now()
        kiosk.wait_until(lambda: kiosk.ui.consult.version == PUBLISHED, 20_000)
        yield kiosk, standin


def questions(kiosk: Driver) -> list[str]:
    return [row.question for row in kiosk.ui.consult.question_rows.rows()]


def test_type_a_question_read_the_answer_open_its_guide_then_nothing_stays(
    station: tuple[Driver, StandIn],
) -> None:
    kiosk, _standin = station
    kiosk.click("tile_consult")
    assert kiosk.current_screen() == "consultScreen"
    assert kiosk.visible("hotlineBlock")  # whom to ask stays, below the answers
    assert len(questions(kiosk)) == 12  # the most asked, before anything is typed
    assert not kiosk.visible("sampleNotice")  # the platform's own, not the sample

    kiosk.click("consultSearchField")
    kiosk.type_keys("shenfenzhengdiule")  # 身份证丢了, still being composed
    kiosk.wait_until(lambda: bool(questions(kiosk)))
    assert questions(kiosk)[0] == "身份证丢了，怎么补办？"
    assert kiosk.item("consultListTitle").property("text") == "找到 1 条答复"
    kiosk.settle()
    kiosk.click("questionRow_0")
    assert kiosk.current_screen() == "consultAnswerScreen"
    answer = str(kiosk.item("answerText").property("text"))
    assert "户口" in answer or "派出所" in answer
    assert kiosk.ui.consult.related_rows.rows()[0].name == "居民身份证换领、补领"

    kiosk.click("relatedGuide_0")
    assert kiosk.current_screen() == "guideScreen"
    assert kiosk.ui.catalog.guide.property("name") == "居民身份证换领、补领"

    kiosk.click("homeButton")  # and back to 咨询: the last search does not come back
    kiosk.click("tile_consult")
    assert kiosk.item("consultListTitle").property("text") == "大家常问"
    assert len(questions(kiosk)) == 12
    kiosk.click("consultSearchField")
    kiosk.type_keys("shenfenzhengdiule")
    kiosk.wait_until(lambda: bool(questions(kiosk)))

    kiosk.ui.shell.endSession()
    assert kiosk.visible("attractScreen")
    assert kiosk.ui.consult.query == ""
    assert kiosk.ui.consult.answerText == ""
    assert not any("shenfenzheng" in text or "身份证丢了" in text for text in kiosk.texts())


def test_browse_by_theme_and_an_update_from_the_platform_is_shown_at_once(
    station: tuple[Driver, StandIn], published: dict[str, Any]
) -> None:
    kiosk, standin = station
    kiosk.click("tile_consult")
    themes = [group.name for group in kiosk.ui.consult.theme_rows.rows()]
    kiosk.click(f"consultTheme_{themes.index('婚姻登记')}")
    assert kiosk.ui.consult.theme == "婚姻登记"
    assert kiosk.item("consultListTitle").property("text") == "婚姻登记"
    shown = [row.theme for row in kiosk.ui.consult.question_rows.rows()]
    assert shown
    assert set(shown) == {"婚姻登记"}

    newer = copy.deepcopy(published)
    newer["version"] = "platform-kb-2"
    wedding = next(e for e in newer["entries"] if e["theme"] == "婚姻登记")
    wedding["question"] = "结婚登记当天能拿到结婚证吗？（新）"
    standin.state.set_knowledge(newer)
    kiosk.ui.catalog_service.sync_now()
    kiosk.wait_until(lambda: kiosk.ui.consult.version == "platform-kb-2", 20_000)
    kiosk.settle()
    assert "结婚登记当天能拿到结婚证吗？（新）" in questions(kiosk)  # the open list refreshed
    assert kiosk.ui.consult.theme == "婚姻登记"  # and the resident's place in it stayed
    # The rows were updated in place: the row shows, and opens, the new question.
    row = questions(kiosk).index("结婚登记当天能拿到结婚证吗？（新）")
    assert kiosk.item(f"questionRow_{row}").property("question") == questions(kiosk)[row]
    kiosk.click(f"questionRow_{row}")
    assert kiosk.ui.consult.answerQuestion == "结婚登记当天能拿到结婚证吗？（新）"


def test_a_refused_knowledge_base_leaves_the_one_in_use(
    station: tuple[Driver, StandIn], tmp_path: Path, published: dict[str, Any]
) -> None:
    kiosk, standin = station
    store = KnowledgeStore(tmp_path / "knowledge.db")  # the station's, beside its catalog
    assert store.sync_history(1)[0][1] == "updated"
    newer = copy.deepcopy(published)
    newer["version"] = "platform-kb-2"
    standin.state.set_knowledge(newer)  # a new one is published, and arrives broken
    standin.state.knowledge.fault = "invalid"
    kiosk.ui.catalog_service.sync_now()
    kiosk.wait_until(lambda: store.sync_history(1)[0][1] == "refused", 20_000)
    kiosk.settle()  # the refusal's outcome has reached the worker: nothing else comes
    kiosk.click("tile_consult")
    assert kiosk.ui.consult.version == PUBLISHED
    assert len(questions(kiosk)) == 12
