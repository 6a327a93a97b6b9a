"""Announcements and surveys (政民互动): the sample, validation, what is shown on which day,
storage, and the sync over real HTTP from the stand-in."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.catalog.sync import ENGAGEMENT, sync_feed
from kiosk.catalog.syncjob import sync_in_subprocess
from kiosk.engagement.model import MAX_BODY
from kiosk.engagement.parse import EngagementError, parse_engagement
from kiosk.engagement.sample import load_sample, sample_document
from kiosk.engagement.store import EngagementStore
from kiosk.standin.server import StandIn

MAX_BYTES = 8 * 1024 * 1024
TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def document() -> dict[str, Any]:
    return sample_document(TODAY)


def announcement(**changes: Any) -> dict[str, Any]:
    base = {
        "id": "GG-1",
        "kind": "policy",
        "title": "关于开展冬季供暖的通知",
        "body": "第一段。\n\n第二段。",
        "source": "西城区民政局",
        "published": "2026-11-20",
        "expires": "2026-12-20",
    }
    return base | changes


def survey(**changes: Any) -> dict[str, Any]:
    base = {
        "id": "DC-1",
        "title": "满意度调查",
        "intro": "匿名问卷。",
        "source": "西城区政务服务中心",
        "opens": "2026-11-01",
        "closes": "2026-12-31",
        "questions": [
            {"id": "q1", "kind": "single", "text": "满意吗？", "options": ["满意", "不满意"]},
            {"id": "q2", "kind": "text", "text": "建议", "required": False},
        ],
    }
    return base | changes


def problems_of(document: dict[str, Any]) -> list[str]:
    with pytest.raises(EngagementError) as refused:
        parse_engagement(document)
    return refused.value.problems


def test_the_sample_is_marked_sample_and_shows_four_announcements_and_two_open_surveys(
    document: dict[str, Any],
) -> None:
    engagement = parse_engagement(document)
    assert engagement.sample
    shown = engagement.current_announcements(TODAY)
    assert len(shown) == 4
    assert [a.published for a in shown] == sorted((a.published for a in shown), reverse=True)
    assert all("过期" not in a.body for a in shown)  # the expired one is not among them
    assert len(engagement.announcements) == 5
    assert {s.id for s in engagement.open_surveys(TODAY)} == {"DC-2026-05", "DC-2026-06"}
    assert load_sample(TODAY) == engagement


def test_an_announcement_is_shown_from_its_publication_to_its_expiry_both_days_included() -> None:
    engagement = parse_engagement(
        {"version": "v1", "announcements": [announcement()], "surveys": [survey()]}
    )
    days = (TODAY + datetime.timedelta(days=n) for n in range(-40, 40))
    shown = [day for day in days if engagement.current_announcements(day)]
    assert (shown[0], shown[-1]) == (datetime.date(2026, 11, 20), datetime.date(2026, 12, 20))
    assert len(shown) == 31
    assert not engagement.open_surveys(datetime.date(2027, 1, 1))
    assert engagement.open_surveys(datetime.date(2026, 12, 31))


def test_a_document_with_problems_is_refused_whole_naming_each_one() -> None:
    problems = problems_of(
        {
            "version": "v2",
            "announcements": [
                announcement(),
                announcement(id="GG-2", kind="ad", expires="2026-11-01"),
                announcement(id="GG-3", title="<b>标题</b>\u202e", link="http://evil.example/x"),
                announcement(id="GG-4", body="x" * (MAX_BODY + 1), published="2026-13-01"),
                announcement(id="GG-1", colour="red"),
            ],
            "surveys": [
                survey(
                    questions=[
                        {"id": "q1", "kind": "single", "text": "?", "options": ["只有一个"]},
                        {"id": "q2", "kind": "text", "text": "?", "options": ["a", "b"]},
                        {"id": "q2", "kind": "multiple", "text": "?", "options": ["a", "a"]},
                    ]
                )
            ],
        }
    )
    text = "\n".join(problems)
    for expected in (
        "GG-2]: kind: must be one of policy, notice",
        "GG-2]: expires: is before published",
        "GG-3]: title: contains control or format characters",
        "GG-3]: link: must be an https:// address",
        "GG-4]: body: longer than 3000 characters",
        "GG-4]: published: must be a date",
        "GG-1]: colour: unknown field",
        "announcements: the same id twice",
        "q1]: options: must be 2 to 8",
        "q2]: options: a short-text question has none",
        "q2]: options: the same option twice",
        "questions: the same question id twice",
    ):
        assert expected in text, text


@pytest.mark.parametrize(
    "link",
    [
        "https://user:pw@www.bjxch.gov.cn/x",
        "https:///nohost",
        "javascript:alert(1)",
        "https://a b",
        "https://[::1",  # urlsplit itself refuses it
    ],
)
def test_a_link_is_a_plain_https_address_or_refused(link: str) -> None:
    problems = problems_of({"version": "v", "announcements": [announcement(link=link)]})
    assert any("link" in p for p in problems)


@pytest.mark.parametrize("odd", ["\ud800", "\ue000", "\u202e", "\x1b[2J"])
def test_a_lone_surrogate_private_use_or_control_character_is_refused(odd: str) -> None:
    """A lone surrogate could not even be stored; the others would be shown as boxes or
    turn the text around."""
    problems = problems_of({"version": "v", "announcements": [announcement(body=f"正文{odd}")]})
    assert problems == [
        "engagement: announcements[GG-1]: body: contains control or format characters"
    ]


def test_markup_is_kept_as_the_text_it_is_never_interpreted() -> None:
    """Plain text: "<b>" stays four characters the screen shows as typed (Text.PlainText)."""
    engagement = parse_engagement(
        {"version": "v", "announcements": [announcement(title="<b>加粗</b>与&amp;")]}
    )
    assert engagement.announcements[0].title == "<b>加粗</b>与&amp;"


def test_the_store_keeps_the_active_version_and_the_last_good_one(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    store = EngagementStore(tmp_path / "engagement.db")
    assert store.load_active() is None
    first = parse_engagement(document)
    store.save(first)
    newer = copy.deepcopy(document)
    newer["version"] = "v2"
    newer["announcements"] = newer["announcements"][:1]
    store.save(parse_engagement(newer))
    store.save(parse_engagement(newer | {"version": "v3"}))
    assert sorted(store.versions()) == [("v2", False), ("v3", True)]
    again = EngagementStore(tmp_path / "engagement.db").load_active()
    assert again == parse_engagement(newer | {"version": "v3"})
    store.save(first)
    assert store.load_active() == first


# -- sync over HTTP ----------------------------------------------------------------------------
@pytest.fixture
def standin(document: dict[str, Any]) -> Iterator[StandIn]:
    with StandIn() as server:
        server.state.set_engagement(document)
        yield server


def sync(store: EngagementStore, standin: StandIn):  # type: ignore[no-untyped-def]
    with requests.Session() as session:
        return sync_feed(
            ENGAGEMENT, store, session, standin.url, max_bytes=MAX_BYTES, timeout=(2, 5)
        )


def test_the_first_sync_stores_it_and_the_next_asks_with_its_etag(
    tmp_path: Path, standin: StandIn, document: dict[str, Any]
) -> None:
    store = EngagementStore(tmp_path / "engagement.db")
    first = sync(store, standin)
    assert (first.status, first.detail) == (
        "updated",
        f"announcements and surveys {document['version']} in use",
    )
    assert sync(store, standin).status == "unchanged"
    assert standin.state.requests == ["GET /api/v1/engagement"] * 2
    assert store.load_active() == parse_engagement(document)


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("invalid", "announcements and surveys has"),
        ("garbage", "is not valid JSON"),
        ("truncated", "cut off in transfer"),
        ("oversized", "too large"),
        ("error500", "platform answered 500"),
    ],
)
def test_a_bad_answer_keeps_the_announcements_in_use(
    tmp_path: Path, standin: StandIn, document: dict[str, Any], fault: str, words: str
) -> None:
    store = EngagementStore(tmp_path / "engagement.db")
    assert sync(store, standin).status == "updated"
    standin.state.set_engagement(document | {"version": "newer"})
    standin.state.engagement.fault = fault
    outcome = sync(store, standin)
    assert outcome.status in ("refused", "failed")
    assert words in outcome.detail
    assert store.versions() == [(document["version"], True)]


def test_the_kiosk_syncs_it_in_a_child_process_and_logs_the_outcome(
    tmp_path: Path, standin: StandIn, document: dict[str, Any]
) -> None:
    path = tmp_path / "engagement.db"
    outcome = sync_in_subprocess(
        path, standin.url, max_bytes=MAX_BYTES, deadline_s=60, feed="engagement"
    )
    assert outcome.status == "updated", outcome.detail
    store = EngagementStore(path)
    assert store.active_version() == document["version"]
    assert store.sync_history(1)[0][1] == "updated"
