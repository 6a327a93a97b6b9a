"""The kiosk's client paths against an independent platform written from openapi.yaml alone
(conformance_server.py), not against the stand-in: catalog with ETag, case creation with a
busy answer, a lost response and idempotent retries, material upload, evaluation,
heartbeat, progress queries with each proof, search misses and usage figures — configured with the
contract's server URL."""

from __future__ import annotations

import datetime
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PIL import Image

from devices.idcard.identity import parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from devices.status import Health, Paper
from kiosk import __version__
from kiosk.audit import AuditTrail
from kiosk.catalog.misses import report_search_misses
from kiosk.catalog.sample import load_sample, sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.sync import sync_catalog
from kiosk.delivery import Deliverer
from kiosk.district.client import Ok, PlatformClient
from kiosk.forms import check_form, prefill
from kiosk.health import Activity, DeviceHealth, StationHealth, TerminalHealth
from kiosk.outbox import Outbox
from kiosk.progress import (
    NOT_FOUND,
    RECEIPT_NOT_FOUND,
    TOO_MANY,
    ProgressAnswer,
    TailAttempts,
    answer,
)
from kiosk.progressquery import ApplicantQuery, NumberQuery, ProgressQuery, ReceiptQuery
from kiosk.submission import (
    BEIJING,
    CapturedPage,
    Consent,
    Finished,
    MaterialChoice,
    Person,
    Submitter,
    evaluation,
)
from kiosk.usage import UsageFigure, UsageStore, report_usage
from tests.kiosk.district.conformance_server import ConformancePlatform, ConformanceServer

TERMINAL = "XC-YT-BYG-0001-ABCDEFGHIJK"  # 26 characters, the longest the settings allow
SECRET = b"fedcba9876543210fedcba9876543210"
AUDIT_KEY = b"a" * 32
OUTBOX_KEY = bytes(range(32))


@pytest.fixture
def platform() -> Iterator[ConformancePlatform]:
    platform = ConformancePlatform({TERMINAL: SECRET}, sample_document())
    yield platform
    assert not platform.own_problems, "\n".join(platform.own_problems)


@pytest.fixture
def server(platform: ConformancePlatform) -> Iterator[ConformanceServer]:
    with ConformanceServer(platform) as running:
        yield running


@pytest.fixture
def client(server: ConformanceServer) -> Iterator[PlatformClient]:
    # the contract's server URL as it stands in openapi.yaml: ending in /api/v1
    platform_client = PlatformClient(server.url + "/api/v1", TERMINAL, SECRET, read_timeout_s=5)
    yield platform_client
    platform_client.close()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("L", (64, 48), 200).save(out, "JPEG")
    return out.getvalue()


def application() -> Finished:
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    answers = prefill(item.form, identity) | {
        "spouse_name": "测试丙",
        "spouse_id_number": "11010219800107001X",
        "child_order": "一孩",
        "due_date": "2027-03-01",
        "phone": "13800000000",
    }
    checked = check_form(item.form, answers)
    assert checked.ok, checked.problems
    given = datetime.datetime.now(BEIJING)
    return Finished(
        item=item,
        applicant=Person.from_identity(identity, mobile="13800000000"),
        agent=None,
        answers=checked.values,
        materials=[MaterialChoice("结婚证", "captured", pages=2)],
        consent=Consent("办理生育登记", "西城区卫生健康委员会", "按档案管理规定", given),
        pages=[CapturedPage("结婚证", jpeg(), 64, 48), CapturedPage("结婚证", jpeg(), 64, 48)],
    )


def test_conformance_catalog_fetched_once_then_not_modified(
    server: ConformanceServer, platform: ConformancePlatform, tmp_path: Path
) -> None:
    store = CatalogStore(tmp_path / "catalog.db")
    with requests.Session() as session:
        first = sync_catalog(
            store, session, server.url + "/api/v1", max_bytes=8 << 20,
            credentials=(TERMINAL, SECRET),
        )  # fmt: skip
        second = sync_catalog(
            store, session, server.url + "/api/v1", max_bytes=8 << 20,
            credentials=(TERMINAL, SECRET),
        )  # fmt: skip
    assert (first.status, second.status) == ("updated", "unchanged")
    assert [status for _, _, status in platform.log] == [200, 304]
    assert platform.problems == []


def test_conformance_submission_busy_lost_and_retried_arrives_exactly_once(
    client: PlatformClient, platform: ConformancePlatform, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.db", OUTBOX_KEY)
    submitter = Submitter(
        outbox, AuditTrail(tmp_path / "audit.db", AUDIT_KEY), TERMINAL, "110102000000"
    )
    finished = application()
    apply_no = submitter.submit(finished)
    assert len(apply_no) == 40  # the contract's longest ApplyNo, from the longest terminal id
    platform.drop_after_commit = 1  # the first page's answer is lost after the platform stored it
    platform.busy = [1]  # and the case is first answered 503, Retry-After: 1
    started = time.monotonic()
    steps = Deliverer(outbox, client, pace_s=0.0).drain(deadline_s=20)  # not paced after 503
    assert [s.state for s in steps if s.state != "waiting"] == ["delivered"] * 3 + ["idle"]
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured
    assert len(platform.materials) == 2  # the lost answer's retry created nothing twice
    assert len(platform.cases) == 1
    case_no = outbox.reference(apply_no)
    assert platform.cases[case_no]["applyNo"] == apply_no

    # progress, each kind of proof the contract names: the receipt's token, a typed number
    # with the ID's last 4 characters, the ID card; a wrong token or tail finds nothing
    attempts = TailAttempts()
    tail = finished.applicant.id_number[-4:]

    def ask(query: ProgressQuery) -> ProgressAnswer:
        return answer(query, outbox, client, attempts)

    assert ask(ReceiptQuery(apply_no, finished.progress_token)).cases[0].number == case_no
    assert ask(ReceiptQuery(apply_no, "x" * 22)).message == RECEIPT_NOT_FOUND
    assert ask(NumberQuery(case_no, tail)).cases[0].number == case_no
    assert ask(NumberQuery(apply_no, tail)).cases[0].number == case_no
    assert ask(NumberQuery(apply_no[:-4] + "9999", tail)).message == NOT_FOUND
    assert ask(NumberQuery(case_no, "0000")).message == NOT_FOUND
    person = ApplicantQuery(finished.applicant.id_type, finished.applicant.id_number)
    assert [c.number for c in ask(person).cases] == [case_no]
    for _ in range(4):
        ask(NumberQuery(case_no, "0000"))
    assert ask(NumberQuery(case_no, tail)).message == TOO_MANY  # locked after 5 wrong tails

    # a bad rating with its reason, sent through the outbox
    rating = evaluation(
        number=case_no, level=2, reasons=["等待时间太长"], comment="",
        at=datetime.datetime.now(BEIJING),
    )  # fmt: skip
    submitter.rate(rating, apply_no=apply_no)
    assert [s.state for s in Deliverer(outbox, client).drain(5)] == ["delivered", "idle"]
    assert platform.evaluations[case_no]["level"] == 2
    outbox.close()
    assert platform.problems == []


def test_conformance_heartbeat_and_search_misses_accepted(
    client: PlatformClient, platform: ConformancePlatform, tmp_path: Path
) -> None:
    now = time.time()
    beat = client.post(
        "/heartbeat",
        {
            "terminalId": TERMINAL,
            "appVersion": __version__,
            "catalogVersion": "none",
            "outboxDepth": 0,
            "oldestPendingSeconds": 0,
            "devices": [{"device": "printer", "health": "online", "paper": "ok"}],
            "at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(now)),
        },
    )
    assert isinstance(beat, Ok)
    assert beat.status == 204
    store = CatalogStore(tmp_path / "catalog.db")
    store.save(load_sample())
    store.record_search_miss("残疾人补贴")
    assert report_search_misses(store, client) == "reported 1 missed term(s)"
    assert platform.search_misses[0]["terms"] == [{"term": "残疾人 补贴", "count": 1}]
    assert platform.problems == []


def test_conformance_heartbeat_summary_and_usage_figures_accepted(
    client: PlatformClient, platform: ConformancePlatform, tmp_path: Path
) -> None:
    """The heartbeat's whole summary from typed health, and usage figures from the store,
    as a platform written from the contract reads them."""
    now = time.time()
    station = StationHealth(
        devices=(
            DeviceHealth("id_reader", Health.ONLINE),
            DeviceHealth("printer", Health.HARDWARE_ERROR, Paper.OUT),
            DeviceHealth("scanner", None),
        ),
        catalog_version="sample-2026.11",
        catalog_stored_at=now - 3600,
        catalog_synced_at=now - 60,
        quarantined=1,
        activity=Activity(started_at=now - 7200).with_session().with_rating(4),
    )
    health = TerminalHealth(station, __version__, 2, 90, None, now)
    assert isinstance(client.heartbeat(health), Ok)
    (beat,) = platform.heartbeats
    assert beat["activity"]["ratings"]["4"] == 1
    assert beat["catalogAgeSeconds"] == 3600
    store = UsageStore(tmp_path / "usage.db")
    store.add([UsageFigure("2026-11-29", "110102-SHBZK", viewed=3, searched=1)])
    assert report_usage(store, client) == "sent 1 figure(s)"
    assert platform.usage_figures[0]["figures"] == [
        {"date": "2026-11-29", "itemCode": "110102-SHBZK", "viewed": 3, "searched": 1,
         "applied": 0, "rated": 0}
    ]  # fmt: skip
    assert platform.problems == []
