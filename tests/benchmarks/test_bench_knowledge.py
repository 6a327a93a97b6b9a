"""Figures of the hotline knowledge base: per-keystroke search at 5,000 entries, and GUI
stalls while a 5,000-entry knowledge base and the largest announcements document the kiosk
takes (200 announcements, 20 surveys) sync and swap under an open 咨询 screen."""

from __future__ import annotations

import copy
import datetime
import json
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.engagement.model import MAX_ANNOUNCEMENTS, MAX_BODY, MAX_QUESTIONS, MAX_SURVEYS
from kiosk.knowledge.library import KnowledgeLibrary
from kiosk.knowledge.parse import parse_knowledge
from tests.benchmarks.processes import PlatformProcess, free_port
from tests.benchmarks.swaps import launch_on_platform, swap_stalls
from tests.benchmarks.synthetic import knowledge_keystrokes, synthetic_knowledge
from tests.benchmarks.test_bench_catalog import _fts5, _fts5_search, _latencies, _p99
from tests.ui.driver import Driver

ROUNDS = 20


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return synthetic_knowledge()


def test_kb_search_p99_per_keystroke(
    document: dict[str, Any], record: Callable[..., object]
) -> None:
    library = KnowledgeLibrary.from_knowledge(parse_knowledge(document))
    queries = knowledge_keystrokes()
    db = _fts5(library)
    ours = _latencies(library.search, queries)
    fts = _latencies(lambda q: _fts5_search(db, q), queries)
    ours_p99, fts_p99 = _p99(ours), _p99(fts)
    note = f"{len(library)} entries, {len(queries)} keystrokes x {ROUNDS}"
    record("kb_search_p99_ms", ours_p99, "ms", at_most=5, note=note)
    record("kb_search_median_ms", statistics.median(ours), "ms")
    record("kb_search_fts5_trigram_p99_ms", fts_p99, "ms", note="same data, same queries")
    record("kb_search_p99_ratio_to_fts5", ours_p99 / fts_p99, "x", note="below 1 = faster")


def largest_engagement(round_: int) -> dict[str, Any]:
    """As many announcements and surveys as the kiosk takes, each as long as it may be; the
    newest announcement names the round."""
    today = datetime.date.today()
    body = "\n\n".join(["本区将于近期开展专项工作，请居民关注并配合。" * 10] * 10)[:MAX_BODY]
    announcements = [
        {
            "id": f"GG-{n:04d}", "kind": "policy" if n % 2 else "notice",
            "title": f"第{n}号公告（第{round_}版）", "body": body, "source": "西城区政务服务中心",
            "published": (today - datetime.timedelta(days=n and 1 + n % 59)).isoformat(),
            "expires": (today + datetime.timedelta(days=30)).isoformat(),
            "link": f"https://www.bjxch.gov.cn/xxgk/{n}.html",
        }
        for n in range(MAX_ANNOUNCEMENTS)
    ]  # fmt: skip
    question = {
        "kind": "multiple",
        "text": "您最关心哪些方面？",
        "options": list("甲乙丙丁戊己庚辛"),
    }
    surveys = [
        {
            "id": f"DC-{n:02d}", "title": f"意见征集{n}", "intro": "匿名。" * 100,
            "source": "西城区政务服务中心", "opens": today.isoformat(),
            "closes": (today + datetime.timedelta(days=30)).isoformat(),
            "questions": [question | {"id": f"q{k}"} for k in range(MAX_QUESTIONS)],
        }
        for n in range(MAX_SURVEYS)
    ]  # fmt: skip
    return {
        "version": f"synthetic-engagement-{round_}",
        "announcements": announcements,
        "surveys": surveys,
    }


def test_gui_stall_while_a_big_knowledge_base_syncs_and_swaps(
    document: dict[str, Any],
    launch: Callable[..., Driver],
    qtbot: QtBot,
    tmp_path: Path,
    record: Callable[..., object],
) -> None:
    """Longest GUI-thread gap while 5,000 entries sync and swap (1 % revised each time,
    some of them in the open list), and the largest announcements document with them,
    against the same screen idle for as long."""
    files = []
    for round_ in range(3):
        revised = copy.deepcopy(document)
        for index in range(round_, len(revised["entries"]), 100):
            entry = revised["entries"][index]
            entry["question"] += f"（第{round_ + 1}次修订）"
            entry["popularity"] = 300 - round_  # to the top of the open list
        revised["version"] = f"synthetic-kb-{round_}"
        path = tmp_path / f"knowledge-{round_}.json"
        path.write_text(json.dumps(revised, ensure_ascii=False), encoding="utf-8")
        notices = path.with_name(f"engagement-{round_}.json")
        notices.write_text(json.dumps(largest_engagement(round_), ensure_ascii=False), "utf-8")
        files.append(path)
    port = free_port()
    kiosk = launch_on_platform(
        launch, qtbot, port, lambda kiosk: kiosk.ui.consult.version == "sample-kb-2026.11"
    )
    kiosk.click("tile_consult")
    kiosk.settle()

    sync_stalls, idle_stalls = swap_stalls(
        kiosk,
        qtbot,
        lambda path: PlatformProcess(
            port, None, path, path.with_name(path.name.replace("knowledge", "engagement"))
        ),
        files,
        lambda r: (
            kiosk.ui.consult.version == f"synthetic-kb-{r}"
            and kiosk.ui.engagement.property("newestTitle") == f"第0号公告（第{r}版）"
        ),
    )
    assert kiosk.ui.consult.entryCount == 5000
    assert "修订" in kiosk.ui.consult.question_rows.rows()[0].question  # the open list swapped
    sync_ms, idle_ms = statistics.median(sync_stalls), statistics.median(idle_stalls)
    record(
        "kb_sync_stall_ms", sync_ms, "ms", at_most=16,
        note="median of 3 syncs of 5,000 entries, 1 % revised each, and of 200 "
        "announcements and 20 surveys; "
        f"each {sorted(round(v) for v in sync_stalls)}",
    )  # fmt: skip
    record(
        "kb_sync_idle_baseline_stall_ms", idle_ms, "ms",
        note=f"same screen idle as long; each {sorted(round(v) for v in idle_stalls)}",
    )  # fmt: skip
    record("kb_sync_stall_ratio_to_idle", sync_ms / idle_ms, "x")
