"""The application's wait for the case number outlasts the sync worker's try for it."""

from __future__ import annotations

from kiosk.apply.flow import ANSWER_WAIT_MS
from ui.outboxworker import ANSWER_WAIT_S


def test_answer_wait_ends_after_the_sync_workers_try() -> None:
    # The worker answers within ANSWER_WAIT_S (the case number, or "" for 待上传); the screen
    # waits a little longer so that an answer in time is never beaten by the wait running out.
    assert ANSWER_WAIT_MS >= ANSWER_WAIT_S * 1000 + 250
