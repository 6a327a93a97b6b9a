"""kiosk/usage.py: the anonymous usage figures counted, kept in real SQLite, bounded, and
sent exactly once to the platform stand-in over HTTP (each exchange checked against the
contract)."""

from __future__ import annotations

import datetime
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.district.client import PlatformClient
from kiosk.standin.server import StandIn
from kiosk.usage import UsageFigure, UsageStore, UsageTally, local_day, report_usage
from tests.kiosk.district.conftest import SECRET, TERMINAL, client, contract_check, standin  # noqa: F401

# 2026-11-29 23:30 in Beijing is 15:30 UTC: the district's day, whatever the machine's zone.
LATE_EVENING = datetime.datetime(2026, 11, 29, 15, 30, tzinfo=datetime.UTC).timestamp()
SEARCH_TEXT = "王小明 低保 13800000000"  # what a resident may type; never kept


def test_local_day_is_the_district_date_not_utc() -> None:
    assert local_day(LATE_EVENING) == "2026-11-29"
    assert local_day(LATE_EVENING + 3600) == "2026-11-30"  # 00:30 in Beijing, 16:30 UTC


def test_tally_counts_per_day_and_item_then_starts_again() -> None:
    now = [LATE_EVENING]
    tally = UsageTally(clock=lambda: now[0])
    tally.count("ITEM-A", "viewed")
    tally.count("ITEM-A", "searched")
    tally.count("ITEM-A", "viewed")
    now[0] += 3600  # past midnight in Beijing
    tally.count("ITEM-A", "applied")
    tally.count("ITEM-B", "rated")
    assert tally.take() == (
        UsageFigure("2026-11-29", "ITEM-A", viewed=2, searched=1),
        UsageFigure("2026-11-30", "ITEM-A", applied=1),
        UsageFigure("2026-11-30", "ITEM-B", rated=1),
    )
    assert tally.take() == ()


@pytest.mark.parametrize(
    ("code", "kind"),
    [("ITEM-A", "printed"), ("", "viewed"), ("X" * 65, "viewed"), ("ITEM-A", SEARCH_TEXT)],
)
def test_tally_unknown_kind_or_impossible_code_is_not_counted(code: str, kind: str) -> None:
    tally = UsageTally(clock=lambda: LATE_EVENING)
    tally.count(code, kind)
    assert tally.take() == ()


def test_store_adds_to_the_same_day_and_item(tmp_path: Path) -> None:
    store = UsageStore(tmp_path / "usage.db")
    store.add([UsageFigure("2026-11-29", "A", viewed=2), UsageFigure("2026-11-29", "B", rated=1)])
    store.add([UsageFigure("2026-11-29", "A", viewed=1, applied=1)])
    assert UsageStore(tmp_path / "usage.db").figures() == [  # a restart keeps them
        UsageFigure("2026-11-29", "A", viewed=3, applied=1),
        UsageFigure("2026-11-29", "B", rated=1),
    ]


def test_store_rows_hold_only_date_item_code_and_counts(tmp_path: Path) -> None:
    """Privacy: no person, no session, no time of day, no search text, in any table."""
    path = tmp_path / "usage.db"
    store = UsageStore(path)
    tally = UsageTally(clock=lambda: LATE_EVENING)
    tally.count("ITEM-A", "searched")
    tally.count("ITEM-A", "viewed")
    store.add(tally.take())
    store.take_batch()  # one batch waiting for the platform
    tally.count("ITEM-A", "rated")
    store.add(tally.take())
    with closing(sqlite3.connect(path)) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        columns = {
            table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            for table in tables
            if not table.startswith("sqlite_")
        }
        counts = db.execute("SELECT * FROM usage_count").fetchall()
        (batch,) = db.execute("SELECT figures FROM usage_batch").fetchall()
    assert columns == {
        "usage_count": ["day", "item", "viewed", "searched", "applied", "rated"],
        "usage_batch": ["batch_id", "first_day", "figures"],
    }
    assert counts == [("2026-11-29", "ITEM-A", 0, 0, 0, 1)]
    assert batch == ('[["2026-11-29", "ITEM-A", 1, 1, 0, 0]]',)  # the same six values
    on_disk = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert SEARCH_TEXT.encode() not in on_disk
    assert b"23:30" not in on_disk


def test_store_over_its_days_drops_the_oldest_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = UsageStore(tmp_path / "usage.db", max_days=3)
    store.add([UsageFigure("2026-11-01", "A", viewed=1)])
    assert store.take_batch() is not None  # unsent: the platform is unreachable
    store.add([UsageFigure(f"2026-11-0{day}", "A", viewed=1) for day in (2, 3)])
    with caplog.at_level(logging.WARNING, logger="kiosk.usage"):
        store.add([UsageFigure("2026-11-04", "A", viewed=1)])
    assert "usage figures of 2026-11-01 dropped unsent (0 item(s), 1 batch(es))" in caplog.text
    assert [f.day for f in store.figures()] == ["2026-11-02", "2026-11-03", "2026-11-04"]
    batch = store.take_batch()
    assert batch is not None
    assert [f.day for f in batch[1]] == ["2026-11-02", "2026-11-03", "2026-11-04"]


def test_store_over_its_rows_drops_the_oldest_day(tmp_path: Path) -> None:
    store = UsageStore(tmp_path / "usage.db", max_rows=3)
    store.add([UsageFigure("2026-11-01", code, viewed=1) for code in "AB"])
    store.add([UsageFigure("2026-11-02", code, viewed=1) for code in "AB"])
    assert [(f.day, f.item) for f in store.figures()] == [("2026-11-02", "A"), ("2026-11-02", "B")]


def test_report_sends_the_figures_and_removes_them_once_taken(
    client: PlatformClient,  # noqa: F811
    standin: StandIn,  # noqa: F811
    tmp_path: Path,
) -> None:
    store = UsageStore(tmp_path / "usage.db")
    store.add([UsageFigure("2026-11-29", "A", 3, 1, 1, 1), UsageFigure("2026-11-30", "B", 1)])
    assert report_usage(store, client) == "sent 2 figure(s)"
    assert standin.store.usage(TERMINAL) == {
        ("2026-11-29", "A"): (3, 1, 1, 1),
        ("2026-11-30", "B"): (1, 0, 0, 0),
    }
    assert store.take_batch() is None
    assert report_usage(store, client) == "sent 0 figure(s)"


def test_report_answer_lost_resends_the_same_batch_counted_once(
    client: PlatformClient,  # noqa: F811
    standin: StandIn,  # noqa: F811
    tmp_path: Path,
) -> None:
    store = UsageStore(tmp_path / "usage.db")
    store.add([UsageFigure("2026-11-29", "A", viewed=2)])
    standin.state.lose_rate = 1.0  # the platform takes it, the kiosk never hears
    assert "kept for later" in report_usage(store, client)
    assert standin.store.usage(TERMINAL) == {("2026-11-29", "A"): (2, 0, 0, 0)}
    store.add([UsageFigure("2026-11-29", "A", viewed=1)])  # into the next batch, not this one
    standin.state.lose_rate = 0.0
    assert report_usage(store, client) == "sent 2 figure(s)"  # the same batch, then the new
    assert standin.store.usage(TERMINAL) == {("2026-11-29", "A"): (3, 0, 0, 0)}
    assert store.take_batch() is None


def test_report_platform_busy_keeps_the_batch(
    client: PlatformClient,  # noqa: F811
    standin: StandIn,  # noqa: F811
    tmp_path: Path,
) -> None:
    store = UsageStore(tmp_path / "usage.db")
    store.add([UsageFigure("2026-11-29", "A", rated=1)])
    standin.state.error_rate = 1.0
    assert "kept for later" in report_usage(store, client)
    assert standin.store.usage(TERMINAL) == {}
    standin.state.error_rate = 0.0
    assert report_usage(store, client) == "sent 1 figure(s)"
    assert standin.store.usage(TERMINAL) == {("2026-11-29", "A"): (0, 0, 0, 1)}


def test_report_refused_batch_is_dropped_with_the_reason(
    standin: StandIn,  # noqa: F811
    tmp_path: Path,
) -> None:
    # Not the contract-checked client: this batch breaks the contract on purpose.
    unchecked = PlatformClient(standin.url, TERMINAL, SECRET)
    store = UsageStore(tmp_path / "usage.db")
    store.add([UsageFigure("2026-02-30", "A", viewed=1)])  # no such date
    try:
        said = report_usage(store, unchecked)
    finally:
        unchecked.close()
    assert "refused a batch of 1 (invalid" in said
    assert store.take_batch() is None
    assert standin.store.usage(TERMINAL) == {}
