"""Item 10: a platform written from the contract alone is strict where the contract is; the
rules the stand-in enforces are stated in the contract; Retry-After holds for urgent sends."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from kiosk.catalog.sample import sample_document
from kiosk.delivery import Deliverer
from kiosk.district.client import Ok, PlatformClient, Rejected
from kiosk.outbox import Outbox
from tests.kiosk.district.conformance_server import (
    CONTRACT,
    ConformancePlatform,
    ConformanceServer,
)
from tests.kiosk.standin.test_server import case_body

REPO = Path(__file__).resolve().parents[2]
TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"


@pytest.fixture
def server() -> Iterator[ConformanceServer]:
    platform = ConformancePlatform({TERMINAL: SECRET}, sample_document())
    with ConformanceServer(platform) as running:
        yield running
    assert not platform.own_problems, "\n".join(platform.own_problems)


@pytest.fixture
def platform(server: ConformanceServer) -> ConformancePlatform:
    return server.platform


@pytest.fixture
def client(server: ConformanceServer) -> Iterator[PlatformClient]:
    platform_client = PlatformClient(server.url, TERMINAL, SECRET)
    yield platform_client
    platform_client.close()


def key() -> str:
    return uuid.uuid4().hex


def test_conformance_server_independent_of_standin_imports_neither() -> None:
    code = (
        "import sys, tests.kiosk.district.conformance_server\n"
        "stand_in = {'kiosk.standin.server', 'kiosk.standin.store'}\n"
        "bad = stand_in & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)


def test_conformance_platform_apply_no_longer_than_contract_refused(
    client: PlatformClient, platform: ConformancePlatform
) -> None:
    # what a 32-character terminal id (allowed by the settings before) gave as receipt number
    too_long = "X" * 32 + "-20261129-0001"
    refused = client.post("/cases", case_body(too_long), key())
    assert isinstance(refused, Rejected)
    assert refused.status == 422
    assert platform.problems  # the request broke the contract
    assert platform.cases == {}


def test_conformance_platform_unsigned_or_reused_key_refused(
    client: PlatformClient, server: ConformanceServer
) -> None:
    bad = PlatformClient(server.url, TERMINAL, b"x" * 32)
    try:
        assert isinstance(refused := bad.get("/catalog"), Rejected)
        assert refused.code == "bad_signature"
    finally:
        bad.close()
    same = key()
    assert isinstance(client.post("/cases", case_body("XCT0001-000001"), same), Ok)
    reused = client.post("/cases", case_body("XCT0001-000002"), same)
    assert isinstance(reused, Rejected)
    assert (reused.status, reused.code) == (409, "key_reused")


def test_contract_states_the_rules_the_standin_enforces() -> None:
    contract = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    schemas = contract["components"]["schemas"]
    assert "duplicate_apply_no" in schemas["CaseCreate"]["description"]
    assert "duplicate_apply_no" in contract["components"]["responses"]["Conflict"]["description"]
    assert "reason_required" in schemas["Evaluation"]["description"]
    assert schemas["ApplyNo"]["maxLength"] == 40


@pytest.mark.parametrize("which", ["standin", "conformance"])
def test_platforms_repeated_apply_no_and_bad_rating_without_reason_refused_alike(
    server: ConformanceServer, which: str
) -> None:
    from kiosk.standin.server import StandIn

    with StandIn(terminals={TERMINAL: SECRET}) as standin:
        url = standin.url if which == "standin" else server.url
        client = PlatformClient(url, TERMINAL, SECRET)
        try:
            first = client.post("/cases", case_body("XCT0001-000001"), key())
            assert isinstance(first, Ok)
            again = client.post("/cases", case_body("XCT0001-000001"), key())
            assert isinstance(again, Rejected)
            assert (again.status, again.code) == (409, "duplicate_apply_no")
            rating = {"caseNo": first.data["caseNo"], "level": 1, "channel": "自助终端",
                      "ratedAt": "2026-11-29T10:05:00+08:00"}  # fmt: skip
            bad = client.post("/evaluations", rating, key())
            assert isinstance(bad, Rejected)
            assert (bad.status, bad.code) == (422, "reason_required")
        finally:
            client.close()


def test_deliverer_urgent_after_busy_waits_for_conformance_retry_after(
    client: PlatformClient, platform: ConformancePlatform, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.db", bytes(range(32)))
    outbox.enqueue("case", case_body("XCT0001-000001"), apply_no="XCT0001-000001")
    platform.busy = [3]
    deliverer = Deliverer(outbox, client)
    t0 = time.time()
    assert deliverer.step(now=t0).state == "waiting"
    assert deliverer.step(now=t0 + 1.0, urgent=True).state == "waiting"
    assert [path for _, path, _ in platform.log] == ["/api/v1/cases"]
    assert deliverer.step(now=t0 + 3.1, urgent=True).state == "delivered"
    outbox.close()
    assert platform.problems == []
