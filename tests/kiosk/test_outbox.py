"""The outbox (kiosk/outbox.py) and its delivery (kiosk/delivery.py) against the stand-in."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.delivery import Deliverer, backoff_s
from kiosk.district.client import PlatformClient
from kiosk.outbox import Broken, Entry, Outbox
from kiosk.standin.server import StandIn
from tests.kiosk.standin.test_server import case_body

KEY = bytes(range(32))


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.db", KEY)


def submit(outbox: Outbox, number: int) -> str:
    apply_no = f"XCT0001-{number:06d}"
    outbox.enqueue("case", case_body(apply_no), apply_no=apply_no)
    return apply_no


def test_enqueue_stores_nothing_readable_on_disk(outbox: Outbox, tmp_path: Path) -> None:
    submit(outbox, 1)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("outbox.db*"))
    for secret in ("测试甲", "110102195001010013", "13800000000"):
        assert secret.encode() not in raw
    head = outbox.head()
    assert isinstance(head, Entry)
    assert head.payload["applicant"]["name"] == "测试甲"


def test_wrong_key_gives_broken_not_garbage(outbox: Outbox, tmp_path: Path) -> None:
    submit(outbox, 1)
    assert isinstance(Outbox(tmp_path / "outbox.db", bytes(32)).head(), Broken)


def test_outbox_empty_loads_no_cryptography_until_a_row_is_sealed(tmp_path: Path) -> None:
    # A fresh interpreter: this one has loaded cryptography for the other tests.
    script = f"""
import sys
from pathlib import Path
from kiosk.outbox import Outbox
outbox = Outbox(Path({str(tmp_path / "outbox.db")!r}), bytes(range(32)))
assert outbox.head() is None and outbox.depth() == 0 and outbox.pending_case("x") is None
assert "cryptography" not in sys.modules, "loaded while idle"
outbox.enqueue("case", {{"n": 1}}, apply_no="XCT0001-000001")
assert "cryptography" in sys.modules
assert outbox.head().payload == {{"n": 1}}
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_outbox_key_of_wrong_length_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="AESGCM key"):
        Outbox(tmp_path / "outbox.db", bytes(range(20)))


def test_corrupted_row_is_quarantined_and_reported_never_dropped(
    outbox: Outbox, tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    submit(outbox, 1)
    submit(outbox, 2)
    with sqlite3.connect(tmp_path / "outbox.db") as db:
        db.execute("UPDATE pending SET payload = substr(payload, 1, 20) || x'00' WHERE id = 1")
    Deliverer(outbox, client).drain(deadline_s=10)
    assert outbox.quarantined() == [
        ("case", "XCT0001-000001", "payload cannot be decrypted or read")
    ]
    assert standin.store.apply_numbers() == ["XCT0001-000002"]


def test_the_head_of_a_long_backlog_is_found_without_reading_the_backlog(outbox: Outbox) -> None:
    """After an outage hundreds of rows wait; each step of the drain finds the next one in
    the same few SQLite steps as with one row waiting, so a drain grows with the backlog, not
    with its square (the survey answers' turn last once sorted every row waiting)."""

    def head_steps() -> int:
        steps = 0

        def count() -> int:
            nonlocal steps
            steps += 1
            return 0  # go on

        with outbox._db() as db:
            db.set_progress_handler(count, 1)
            try:
                assert isinstance(outbox.head(), Entry)
            finally:
                db.set_progress_handler(None, 1)
        return steps

    submit(outbox, 0)
    alone = head_steps()
    for number in range(1, 200):
        submit(outbox, number)
    outbox.enqueue("survey", {"answers": []}, apply_no="")
    assert head_steps() <= alone * 2


def test_drain_delivers_in_order_and_keeps_only_the_case_number(
    outbox: Outbox, client: PlatformClient, standin: StandIn
) -> None:
    numbers = [submit(outbox, n) for n in range(1, 6)]
    steps = Deliverer(outbox, client).drain(deadline_s=10)
    assert [s.apply_no for s in steps if s.state == "delivered"] == numbers
    assert standin.store.apply_numbers() == numbers
    assert outbox.depth() == 0
    assert outbox.reference(numbers[0]).startswith("XC")
    assert not outbox.is_pending(numbers[0])


def test_drain_through_errors_and_lost_answers_delivers_each_exactly_once(
    outbox: Outbox, client: PlatformClient, standin: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kiosk.delivery.BASE_DELAY_S", 0.01)
    standin.state.error_rate = 0.3
    standin.state.lose_rate = 0.3
    standin.state.retry_after_s = 0
    numbers = [submit(outbox, n) for n in range(1, 21)]
    # Not paced after a failure (test_delivery.py proves the pacing): 20 rows in seconds.
    Deliverer(outbox, client, random.Random(1), pace_s=0.0).drain(deadline_s=60)
    assert outbox.depth() == 0
    assert standin.store.apply_numbers() == numbers  # none lost, none twice, in order


def test_platform_down_then_up_nothing_lost(outbox: Outbox, tmp_path: Path) -> None:
    from tests.kiosk.district.conftest import SECRET, TERMINAL

    numbers = [submit(outbox, n) for n in range(1, 4)]
    with StandIn(terminals={TERMINAL: SECRET}) as down:
        url = down.url
    port = int(url.rsplit(":", 1)[1])
    client = PlatformClient(url, TERMINAL, SECRET, connect_timeout_s=0.5)
    step = Deliverer(outbox, client, random.Random(2)).step()
    assert step.state == "waiting"
    assert outbox.depth() == 3
    with StandIn(port=port, terminals={TERMINAL: SECRET}, db=tmp_path / "p.db") as up:
        Deliverer(outbox, client).drain(deadline_s=30)
        assert up.store.apply_numbers() == numbers
    client.close()


def test_busy_platform_retry_after_is_honoured(
    outbox: Outbox, client: PlatformClient, standin: StandIn
) -> None:
    submit(outbox, 1)
    standin.state.error_rate = 1.0
    standin.state.retry_after_s = 40
    step = Deliverer(outbox, client, random.Random(3)).step(now=1000.0)
    assert step.state == "waiting"
    assert step.wait_s >= 40
    assert Deliverer(outbox, client).step(now=1010.0).state == "waiting"  # not yet


def test_refused_submission_is_quarantined_and_the_next_goes_on(
    outbox: Outbox, standin: StandIn
) -> None:
    from tests.kiosk.district.conftest import SECRET, TERMINAL

    client = PlatformClient(standin.url, TERMINAL, SECRET)  # unchecked: we send a bad body
    bad: dict[str, Any] = case_body("XCT0001-000001")
    bad["applicant"]["idNumber"] = "x"  # shorter than the contract allows
    outbox.enqueue("case", bad, apply_no="XCT0001-000001")
    submit(outbox, 2)
    Deliverer(outbox, client).drain(deadline_s=10)
    client.close()
    (quarantined,) = outbox.quarantined()
    assert quarantined[1] == "XCT0001-000001"
    assert "422" in quarantined[2]
    assert standin.store.apply_numbers() == ["XCT0001-000002"]


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    rng = random.Random(4)
    assert all(0 <= backoff_s(0, rng) <= 1 for _ in range(50))
    assert max(backoff_s(3, rng) for _ in range(200)) > 4
    assert all(backoff_s(30, rng) <= 300 for _ in range(50))
