"""The daily self-check's core: the checklist, the pure checks, the results kept."""

from __future__ import annotations

import datetime
import json
import sqlite3
from pathlib import Path

import pytest

from devices.printer.layout import PrinterProfile
from kiosk.selfcheck import (
    BEIJING,
    CATALOG_MAX_AGE_S,
    KEEP_RESULTS,
    MIN_FREE_BYTES,
    SLIP_PREFIX,
    STEPS,
    Outcome,
    Phase,
    PlatformProbe,
    Reason,
    SelfCheckResult,
    SelfCheckRun,
    SelfCheckStore,
    Step,
    Verdict,
    catalog_outcome,
    clock_outcome,
    disk_outcome,
    frame_outcome,
    new_slip_code,
    platform_outcome,
    read_back,
    selfcheck_slip,
)

NOW = datetime.datetime(2026, 11, 29, 9, 30, tzinfo=BEIJING).timestamp()


def passes(step: Step) -> Outcome:
    return Outcome.passed(step, Reason.READ_BACK)


# -- the checklist ------------------------------------------------------------------------


def test_run_walks_every_step_in_order_when_each_passes() -> None:
    run = SelfCheckRun()
    seen = [run.begin()]
    while seen[-1] is not None:
        seen.append(run.report(passes(seen[-1])))
    assert seen[:-1] == list(STEPS)
    assert run.phase is Phase.DONE
    assert run.result(NOW).passed


def test_run_failure_stops_at_the_step_until_retry_or_skip() -> None:
    run = SelfCheckRun()
    assert run.begin() is Step.PRINT
    assert run.report(Outcome.failed(Step.PRINT, Reason.PRINT_FAILED, "paper_out")) is None
    assert run.phase is Phase.STOPPED
    assert run.current is Step.PRINT
    assert run.retry() is Step.PRINT
    assert Step.PRINT not in run.outcomes  # a retry starts the step afresh
    run.report(Outcome.failed(Step.PRINT, Reason.PRINT_FAILED, "paper_out"))
    assert run.skip() is Step.CARD
    # the failure stays what it was, not "skipped"
    assert run.outcomes[Step.PRINT].reason is Reason.PRINT_FAILED


def test_run_skip_of_a_waiting_step_is_recorded_as_not_checked() -> None:
    run = SelfCheckRun()
    run.begin()
    run.report(passes(Step.PRINT))
    assert run.skip() is Step.CAMERA
    outcome = run.outcomes[Step.CARD]
    assert (outcome.verdict, outcome.reason) == (Verdict.FAILED, Reason.SKIPPED_BY_STAFF)


def test_run_skips_unconfigured_steps_with_the_reason() -> None:
    run = SelfCheckRun(unconfigured={Step.CARD, Step.PLATFORM, Step.CLOCK})
    assert run.begin() is Step.PRINT
    assert run.report(passes(Step.PRINT)) is Step.CAMERA
    assert run.outcomes[Step.CARD] == Outcome.skipped(Step.CARD, Reason.NOT_CONFIGURED)
    assert run.report(passes(Step.CAMERA)) is Step.CATALOG
    assert run.outcomes[Step.PLATFORM].reason is Reason.NO_PLATFORM
    run.report(passes(Step.CATALOG))
    assert run.report(passes(Step.DISK)) is None
    result = run.result(NOW)
    assert [o.step for o in result.outcomes] == list(STEPS)
    assert result.passed  # nothing to check is not a failure


def test_run_ignores_an_outcome_for_another_step_or_after_a_stop() -> None:
    run = SelfCheckRun()
    run.begin()
    assert run.report(passes(Step.CARD)) is None
    assert run.outcomes == {}
    run.report(Outcome.failed(Step.PRINT, Reason.WRONG_CODE))
    assert run.report(passes(Step.PRINT)) is None  # stopped: a late success does not count
    assert run.outcomes[Step.PRINT].reason is Reason.WRONG_CODE


def test_result_failed_steps_in_checklist_order() -> None:
    result = SelfCheckResult(
        NOW,
        (
            Outcome.failed(Step.PRINT, Reason.PRINT_FAILED, "paper_out"),
            passes(Step.CARD),
            Outcome.skipped(Step.CAMERA, Reason.NOT_CONFIGURED),
            Outcome.failed(Step.CLOCK, Reason.CLOCK_OFF, 300),
        ),
    )
    assert result.failed_steps == ("print", "clock")
    assert not result.passed
    assert result.by == "staff"


# -- the slip -------------------------------------------------------------------------------


def test_slip_codes_are_fresh_and_marked() -> None:
    first, second = new_slip_code(), new_slip_code()
    assert first != second
    assert first.startswith(SLIP_PREFIX)


def test_slip_carries_the_code_in_its_qr() -> None:
    code = new_slip_code()
    slip = selfcheck_slip(PrinterProfile(), code, NOW)
    assert slip.qr == code
    assert ("时间", "2026-11-29 09:30") in slip.pairs


@pytest.mark.parametrize(
    ("scanned", "seconds", "reason"),
    [
        ("THE-CODE", 12.4, Reason.READ_BACK),
        ("KIOSK-SELFCHECK:0000", 5, Reason.WRONG_CODE),
        ("https://zwfw.example/print-test", 5, Reason.WRONG_CODE),
        ("THE-CODE", 61, Reason.NOT_READ_BACK),
    ],
)
def test_read_back_passes_only_for_this_slip_in_time(
    scanned: str, seconds: float, reason: Reason
) -> None:
    assert read_back("THE-CODE", scanned, seconds).reason is reason


# -- the checks without a device ------------------------------------------------------------


def test_catalog_fresh_when_stored_recently() -> None:
    outcome = catalog_outcome("v1", NOW - 3 * 3600, None, NOW)
    assert outcome == Outcome.passed(Step.CATALOG, Reason.CATALOG_FRESH, "v1", 3)


def test_catalog_old_but_confirmed_current_is_fresh() -> None:
    outcome = catalog_outcome("v1", NOW - 30 * 86400, NOW - 600, NOW)
    assert outcome.verdict is Verdict.PASSED


def test_catalog_stale_says_how_many_days() -> None:
    outcome = catalog_outcome("v1", NOW - 5 * 86400, NOW - CATALOG_MAX_AGE_S - 1, NOW)
    assert outcome == Outcome.failed(Step.CATALOG, Reason.CATALOG_STALE, "v1", 2)


def test_catalog_missing_fails() -> None:
    assert catalog_outcome("", None, None, NOW).reason is Reason.NO_CATALOG


@pytest.mark.parametrize(
    ("free", "verdict", "reason"),
    [
        (MIN_FREE_BYTES, Verdict.PASSED, Reason.DISK_OK),
        (MIN_FREE_BYTES - 1, Verdict.FAILED, Reason.DISK_LOW),
        (None, Verdict.FAILED, Reason.DISK_UNREADABLE),
    ],
)
def test_disk_bound(free: int | None, verdict: Verdict, reason: Reason) -> None:
    outcome = disk_outcome(free)
    assert (outcome.verdict, outcome.reason) == (verdict, reason)


def test_disk_low_names_free_and_needed_megabytes() -> None:
    assert disk_outcome(100 * 1024 * 1024).args == ("100", "500")


@pytest.mark.parametrize(
    ("probe", "reason", "args"),
    [
        (PlatformProbe("ok", round_trip_ms=42), Reason.REACHABLE, ("42",)),
        (
            PlatformProbe("rejected", status=401, code="bad_signature"),
            Reason.PLATFORM_REFUSED,
            ("401", "bad_signature"),
        ),
        (PlatformProbe("busy"), Reason.PLATFORM_BUSY, ()),
        (
            PlatformProbe("offline", detail="ConnectionError: refused"),
            Reason.PLATFORM_OFFLINE,
            ("ConnectionError: refused",),
        ),
    ],
)
def test_platform_outcome(probe: PlatformProbe, reason: Reason, args: tuple[str, ...]) -> None:
    outcome = platform_outcome(probe)
    assert (outcome.reason, outcome.args) == (reason, args)


@pytest.mark.parametrize(
    ("local", "server", "verdict", "args"),
    [
        (NOW, NOW, Verdict.PASSED, ("0",)),
        (NOW + 119.6, NOW, Verdict.PASSED, ("120",)),
        (NOW + 180, NOW, Verdict.FAILED, ("180",)),
        (NOW - 3600, NOW, Verdict.FAILED, ("-3600",)),  # the kiosk is behind
    ],
)
def test_clock_against_the_platform(
    local: float, server: float, verdict: Verdict, args: tuple[str, ...]
) -> None:
    outcome = clock_outcome(PlatformProbe("ok", server_date=server, local_time=local))
    assert (outcome.verdict, outcome.args) == (verdict, args)


def test_clock_without_the_platforms_date_is_skipped() -> None:
    assert clock_outcome(None).verdict is Verdict.SKIPPED
    assert clock_outcome(PlatformProbe("offline")).reason is Reason.NO_PLATFORM_CLOCK


@pytest.mark.parametrize(
    ("size", "brightest", "reason"),
    [((1600, 1200), 200, Reason.FRAME_OK), ((1600, 1200), 5, Reason.FRAME_BLACK)],
)
def test_frame(size: tuple[int, int], brightest: int, reason: Reason) -> None:
    assert frame_outcome(*size, brightest).reason is reason


# -- the results kept ------------------------------------------------------------------------


def a_result(at: float, *, failed: bool = False) -> SelfCheckResult:
    first = (
        Outcome.failed(Step.PRINT, Reason.PRINT_FAILED, "paper_out")
        if failed
        else Outcome.passed(Step.PRINT, Reason.READ_BACK, 8)
    )
    return SelfCheckResult(at, (first, Outcome.skipped(Step.CARD, Reason.NOT_CONFIGURED)))


def test_store_keeps_results_across_reopening(tmp_path: Path) -> None:
    store = SelfCheckStore(tmp_path / "selfcheck.db")
    store.save(a_result(NOW - 86400))
    store.save(a_result(NOW, failed=True))
    store.close()
    reopened = SelfCheckStore(tmp_path / "selfcheck.db")
    assert reopened.last() == a_result(NOW, failed=True)
    assert [r.at for r in reopened.recent()] == [NOW, NOW - 86400]
    reopened.close()


def test_store_keeps_only_the_last_results(tmp_path: Path) -> None:
    store = SelfCheckStore(tmp_path / "selfcheck.db")
    for day in range(KEEP_RESULTS + 5):
        store.save(a_result(NOW + day))
    assert len(store.recent(1000)) == KEEP_RESULTS
    assert store.recent(1000)[-1].at == NOW + 5
    store.close()


def test_store_passes_over_a_row_it_cannot_read(tmp_path: Path) -> None:
    store = SelfCheckStore(tmp_path / "selfcheck.db")
    store.save(a_result(NOW - 60))
    db = sqlite3.connect(tmp_path / "selfcheck.db")
    db.execute("INSERT INTO results (at, result) VALUES (?, ?)", (NOW, '{"at": "x"}'))
    db.commit()
    db.close()
    assert store.last() == a_result(NOW - 60)
    store.close()


def test_store_file_is_private(tmp_path: Path) -> None:
    SelfCheckStore(tmp_path / "selfcheck.db").close()
    assert (tmp_path / "selfcheck.db").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("run_at", "done"),
    [
        (datetime.datetime(2026, 11, 29, 0, 5, tzinfo=BEIJING), True),
        # 23:50 in Beijing on the 28th is 15:50 UTC: the day before, whatever UTC says
        (datetime.datetime(2026, 11, 28, 23, 50, tzinfo=BEIJING), False),
    ],
)
def test_done_today_by_beijing_date(tmp_path: Path, run_at: datetime.datetime, done: bool) -> None:
    store = SelfCheckStore(tmp_path / "selfcheck.db")
    assert not store.done_today(NOW)
    store.save(a_result(run_at.timestamp()))
    assert store.done_today(NOW) is done
    store.close()


def test_result_json_round_trip_holds_no_more_than_the_outcomes() -> None:
    result = a_result(NOW, failed=True)
    text = result.to_json()
    assert SelfCheckResult.from_json(text) == result
    assert set(json.loads(text)) == {"at", "by", "outcomes"}
