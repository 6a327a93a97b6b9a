"""The answers of 进度查询 on the screen: each reaches only the resident who asked, and a
reply the kiosk cannot read, a query that fails or a reply that never comes still ends the
search.

Real parts: the sync worker on its own thread, its SQLite outbox, the platform client over
HTTP to a scripted server on loopback, and the screen's view model.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app.services import connect_platform, open_audit_trail, open_outbox
from kiosk.district.signing import Credentials
from kiosk.keyfiles import load_key
from kiosk.progress import NOT_FOUND, OFFLINE, UNREADABLE
from kiosk.progressquery import new_progress_token, progress_link
from tests.kiosk.test_visit import session
from tests.security.loopback import Answer, Seen, serve
from tests.security.test_progress_replies import (
    A_APPLY_NO,
    A_ITEM,
    B_NUMBER,
    TERMINAL,
    platform_case,
    platform_json,
)
from ui.outboxworker import OutboxService, OutboxWorker, SubmitWorker
from ui.progressview import ProgressViewModel
from ui.visitview import VisitModel

PATTERN = "https://zwfw.example/progress/{number}"
WAIT_MS = 10_000


@contextmanager
def sync_service(tmp_path: Path, url: str) -> Iterator[OutboxService]:
    """The kiosk's sync and submit workers on their threads, talking to `url`."""
    for name in ("terminal.secret", "outbox.key", "audit.key"):
        load_key(tmp_path / name, create=True)
    outbox = partial(open_outbox, tmp_path / "outbox.db", tmp_path / "outbox.key")
    audit = partial(open_audit_trail, tmp_path / "audit.db", tmp_path / "audit.key")
    credentials = Credentials(TERMINAL, tmp_path / "terminal.secret")
    worker = OutboxWorker(outbox, audit, partial(connect_platform, url, credentials))
    submitter = SubmitWorker(outbox, audit, TERMINAL, "110105")
    service = OutboxService(worker, submitter)
    service.start()
    try:
        yield service
    finally:
        service.stop()


def test_progress_answer_for_a_resident_who_left_never_reaches_the_next(
    qtbot: QtBot, tmp_path: Path
) -> None:
    asked, release = threading.Event(), threading.Event()

    def platform(seen: Seen) -> Answer:
        if "token" in json.loads(seen.body):  # resident A's receipt, on a slow platform
            asked.set()
            release.wait(timeout=WAIT_MS / 1000)
            return platform_json({"cases": [platform_case(A_ITEM)]})
        return platform_json({"cases": []})  # resident B's number: nothing with that tail

    with serve(platform) as server, sync_service(tmp_path, server.url) as service:
        screen = ProgressViewModel(service, PATTERN)
        shown: list[str] = []
        screen.changed.connect(lambda: shown.extend(c.item_name for c in screen.cases.rows()))
        try:
            screen.setActive(True)
            screen.scanned(progress_link(PATTERN, A_APPLY_NO, new_progress_token()))
            qtbot.waitUntil(asked.is_set, timeout=WAIT_MS)
            screen.reset()  # A walks away before the answer comes
            screen.setActive(True)
            screen.lookup(B_NUMBER, "1234")  # B at the same screen
            release.set()
            qtbot.waitUntil(lambda: screen.state == "answered", timeout=WAIT_MS)
            assert A_ITEM not in shown
            assert screen.messageCode == NOT_FOUND.code
        finally:
            release.set()


def test_progress_screen_malformed_platform_reply_ends_the_search(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with (
        serve(lambda seen: platform_json({"cases": [{"caseNo": "XC1"}]})) as server,
        sync_service(tmp_path, server.url) as service,
    ):
        screen = ProgressViewModel(service, PATTERN)
        screen.setActive(True)
        screen.lookup(B_NUMBER, "1234")
        qtbot.waitUntil(lambda: screen.state == "answered", timeout=WAIT_MS)
        assert screen.messageCode == UNREADABLE.code
        assert screen.cases.rows() == ()


class UnknownQuery:
    """A query the core has no answer for: whatever fails in the worker, the screen hears."""


def test_sync_worker_progress_failing_query_still_answers_with_its_number(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with (
        serve(lambda seen: platform_json({"cases": []})) as server,
        sync_service(tmp_path, server.url) as service,
        qtbot.waitSignal(service.progressReady, timeout=WAIT_MS) as answered,
    ):
        service.requestProgress.emit(7, UnknownQuery())
    number, reply = answered.args
    assert number == 7
    assert reply.message == OFFLINE


def test_progress_screen_no_answer_within_the_bound_says_offline_and_drops_the_late_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    release = threading.Event()

    def stuck(seen: Seen) -> Answer:
        release.wait(timeout=WAIT_MS / 1000)
        return platform_json({"cases": [platform_case(A_ITEM)]})

    with serve(stuck) as server, sync_service(tmp_path, server.url) as service:
        screen = ProgressViewModel(service, PATTERN, answer_bound_ms=300)
        try:
            screen.setActive(True)
            screen.scanned(progress_link(PATTERN, A_APPLY_NO, new_progress_token()))
            qtbot.waitUntil(lambda: screen.state == "answered", timeout=WAIT_MS)
            assert screen.messageCode == OFFLINE.code
            with qtbot.waitSignal(service.progressReady, timeout=WAIT_MS):
                release.set()  # the platform answers at last: too late for this screen
            assert screen.cases.rows() == ()
            assert screen.messageCode == OFFLINE.code
        finally:
            release.set()


def test_progress_screen_session_wipe_empties_the_cases_and_their_timelines(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with (
        serve(lambda seen: platform_json({"cases": [platform_case(A_ITEM)]})) as server,
        sync_service(tmp_path, server.url) as service,
    ):
        visit = VisitModel(session())
        screen = ProgressViewModel(service, PATTERN, visit=visit)
        screen.setActive(True)
        screen.scanned(progress_link(PATTERN, A_APPLY_NO, new_progress_token()))
        qtbot.waitUntil(lambda: screen.cases.rowCount() == 1, timeout=WAIT_MS)
        case = screen.cases.rows()[0]
        assert case.item_name == A_ITEM
        assert case.timeline.rowCount() > 0
        with qtbot.waitSignal(case.timeline.destroyed, timeout=WAIT_MS):
            visit.wipe()
        assert screen.cases.rowCount() == 0
        assert screen.state == ""
