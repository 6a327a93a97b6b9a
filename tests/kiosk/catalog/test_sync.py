"""Catalog sync against the stand-in over real HTTP on loopback."""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.catalog.sample import sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.sync import sync_catalog
from kiosk.catalog.syncjob import SyncOutcome
from kiosk.standin.server import StandIn
from tests.security.dripserver import drip

MAX_BYTES = 8 * 1024 * 1024


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return sample_document()


@pytest.fixture
def standin(document: dict[str, Any]) -> Iterator[StandIn]:
    with StandIn() as server:
        server.state.set_catalog(document)
        yield server


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


def sync(store: CatalogStore, session: requests.Session, standin: StandIn):  # type: ignore[no-untyped-def]
    return sync_catalog(store, session, standin.url, max_bytes=MAX_BYTES, timeout=(2, 5))


def test_first_sync_stores_and_second_is_not_modified(
    tmp_path: Path, standin: StandIn, session: requests.Session
) -> None:
    store = CatalogStore(tmp_path / "c.db")
    first = sync(store, session, standin)
    assert first.status == "updated"
    assert store.load_active() is not None
    second = sync(store, session, standin)
    assert second.status == "unchanged"
    assert standin.state.requests == ["GET /api/v1/catalog"] * 2


def test_changed_catalog_replaces_the_old_one(
    tmp_path: Path, standin: StandIn, session: requests.Session, document: dict[str, Any]
) -> None:
    store = CatalogStore(tmp_path / "c.db")
    sync(store, session, standin)
    newer = copy.deepcopy(document)
    newer["version"] = "2026.12"
    newer["items"] = newer["items"][:10]
    for key in ("life_events", "age_rules"):  # they name items no longer there
        newer.pop(key, None)
    standin.state.set_catalog(newer)
    outcome = sync(store, session, standin)
    assert outcome.status == "updated"
    active = store.load_active()
    assert active is not None
    assert active.version == "2026.12"
    assert len(active.library) == 10


@pytest.mark.parametrize(
    ("fault", "status", "words"),
    [
        ("error500", "failed", "500"),
        ("garbage", "refused", "not valid JSON"),
        ("truncated", "refused", "cut off"),
        ("oversized", "refused", "too large"),
        ("invalid", "refused", "problem(s)"),
    ],
)
def test_bad_answers_keep_the_last_good_catalog(
    tmp_path: Path,
    standin: StandIn,
    session: requests.Session,
    fault: str,
    status: str,
    words: str,
) -> None:
    store = CatalogStore(tmp_path / "c.db")
    assert sync(store, session, standin).status == "updated"
    good = store.load_active()
    assert good is not None
    standin.state.set_catalog({**sample_document(), "version": "next"})
    standin.state.catalog_fault = fault
    outcome = sync(store, session, standin)
    assert outcome.status == status
    assert words in outcome.detail
    active = store.load_active()
    assert active is not None
    assert active.version == good.version


def test_invalid_catalog_lists_its_problems(
    tmp_path: Path, standin: StandIn, session: requests.Session
) -> None:
    standin.state.catalog_fault = "invalid"
    outcome = sync(CatalogStore(tmp_path / "c.db"), session, standin)
    assert outcome.status == "refused"
    assert any("name: must not be empty" in p for p in outcome.problems)


def test_platform_down_is_unreachable_not_an_exception(
    tmp_path: Path, session: requests.Session
) -> None:
    server = StandIn().start()
    url = server.url
    server.stop()
    outcome = sync_catalog(
        CatalogStore(tmp_path / "c.db"), session, url, max_bytes=MAX_BYTES, timeout=(1, 1)
    )
    assert outcome.status == "unreachable"


def test_slow_platform_times_out(
    tmp_path: Path, standin: StandIn, session: requests.Session
) -> None:
    standin.state.catalog_fault = "slow"
    standin.state.slow_seconds = 2.0
    outcome = sync_catalog(
        CatalogStore(tmp_path / "c.db"), session, standin.url, max_bytes=MAX_BYTES, timeout=(1, 0.5)
    )
    assert outcome.status == "unreachable"
    assert "Timeout" in outcome.detail


def test_sync_in_a_child_process_reports_back(tmp_path: Path, standin: StandIn) -> None:
    from kiosk.catalog.syncjob import sync_in_subprocess

    store_path = tmp_path / "c.db"
    outcome = sync_in_subprocess(store_path, standin.url, max_bytes=MAX_BYTES)
    assert outcome.status == "updated"
    assert CatalogStore(store_path).load_active() is not None
    assert CatalogStore(store_path).sync_history()[0][1] == "updated"


def test_sync_child_ended_by_a_stop_at_once_and_no_other_started(tmp_path: Path) -> None:
    """The kiosk stopping during a sync from a platform that answers a byte every 0.5 s: the
    child ends then, not at its deadline, and the next sync of the same stop does not
    start."""
    from kiosk.catalog.syncjob import SyncChildren, sync_in_subprocess

    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n"
    children = SyncChildren()
    store_path = tmp_path / "c.db"
    outcomes: list[SyncOutcome] = []
    arrived = threading.Event()
    with drip(head, b" " * 60, every_s=0.5, arrived=arrived) as url:
        syncing = threading.Thread(
            target=lambda: outcomes.append(
                sync_in_subprocess(store_path, url, max_bytes=MAX_BYTES, children=children)
            )
        )
        syncing.start()
        assert arrived.wait(timeout=20)  # the child is reading the answer
        stopped = time.monotonic()
        children.stop()
        syncing.join(timeout=30)
        took = time.monotonic() - stopped
    assert not syncing.is_alive()
    assert took < 2.0
    [outcome] = outcomes
    assert (outcome.status, outcome.detail) == (
        "failed",
        "catalog sync ended: the kiosk is stopping",
    )
    later = sync_in_subprocess(store_path, url, max_bytes=MAX_BYTES, children=children)
    assert later.detail == "catalog sync not run: the kiosk is stopping"


def test_sync_child_that_cannot_run_is_a_failed_outcome(tmp_path: Path) -> None:
    from kiosk.catalog.syncjob import sync_in_subprocess

    outcome = sync_in_subprocess(
        tmp_path / "missing" / "\x00bad", "http://127.0.0.1:1", max_bytes=1
    )
    assert outcome.status == "failed"
