"""Item 5: the catalog download trusts neither redirects nor the shape of what it gets."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.catalog.sample import sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.sync import sync_catalog
from kiosk.catalog.syncjob import sync_in_subprocess
from tests.security.loopback import Seen, serve

MAX_BYTES = 8 * 1024 * 1024
TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


def catalog_bytes(version: str) -> bytes:
    return json.dumps({**sample_document(), "version": version}, ensure_ascii=False).encode()


def test_catalog_sync_redirect_to_other_host_not_followed_and_refused(
    tmp_path: Path, session: requests.Session, caplog: pytest.LogCaptureFixture
) -> None:
    store = CatalogStore(tmp_path / "c.db")
    with serve(lambda _: (200, {"ETag": '"evil"'}, catalog_bytes("evil-1"))) as elsewhere:
        target = elsewhere.url + "/api/v1/catalog"
        with (
            serve(lambda _: (302, {"Location": target}, b"")) as platform,
            caplog.at_level(logging.WARNING, logger="kiosk.catalog.sync"),
        ):
            outcome = sync_catalog(
                store, session, platform.url, max_bytes=MAX_BYTES, timeout=(2, 5),
                credentials=(TERMINAL, SECRET),
            )  # fmt: skip
        assert [seen.path for seen in platform.seen] == ["/api/v1/catalog"]
        assert elsewhere.seen == []
    assert outcome.status == "refused"
    assert "redirect" in outcome.detail
    assert store.load_active() is None
    assert any("redirect" in record.getMessage() for record in caplog.records)


def test_catalog_sync_in_child_redirect_refusal_logged_for_staff(tmp_path: Path) -> None:
    store_path = tmp_path / "c.db"
    with serve(lambda _: (200, {}, catalog_bytes("evil-2"))) as elsewhere:
        location = elsewhere.url + "/api/v1/catalog"
        with serve(lambda _: (307, {"Location": location}, b"")) as platform:
            outcome = sync_in_subprocess(store_path, platform.url, max_bytes=MAX_BYTES)
        assert elsewhere.seen == []
    assert outcome.status == "refused"
    store = CatalogStore(store_path)
    assert store.load_active() is None
    assert store.sync_history(1)[0][1] == "refused"


def test_catalog_sync_deeply_nested_json_refused_and_logged(
    tmp_path: Path, session: requests.Session, caplog: pytest.LogCaptureFixture
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    store = CatalogStore(tmp_path / "c.db")
    with (
        serve(lambda _: (200, {"Content-Type": "application/json"}, deep)) as platform,
        caplog.at_level(logging.WARNING, logger="kiosk.catalog.sync"),
    ):
        outcome = sync_catalog(store, session, platform.url, max_bytes=MAX_BYTES)
    assert outcome.status == "refused"
    assert "deeper" in outcome.detail
    assert store.load_active() is None
    assert any("deeper" in record.getMessage() for record in caplog.records)


def test_catalog_sync_moderately_deep_json_refused_before_parsing(
    tmp_path: Path, session: requests.Session
) -> None:
    document = {**sample_document(), "version": "deep"}
    nested: object = "x"
    for _ in range(200):
        nested = [nested]
    document["items"][0]["extra"] = nested
    body = json.dumps(document, ensure_ascii=False).encode()
    with serve(lambda _: (200, {}, body)) as platform:
        outcome = sync_catalog(
            CatalogStore(tmp_path / "c.db"), session, platform.url, max_bytes=MAX_BYTES
        )
    assert outcome.status == "refused"
    assert "deeper" in outcome.detail


def test_catalog_sync_in_child_deep_json_logged_not_crashed(tmp_path: Path) -> None:
    deep = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
    store_path = tmp_path / "c.db"
    with serve(lambda _: (200, {}, deep)) as platform:
        outcome = sync_in_subprocess(store_path, platform.url, max_bytes=MAX_BYTES)
    assert outcome.status == "refused"
    assert CatalogStore(store_path).sync_history(1)[0][1] == "refused"


@pytest.mark.parametrize(
    "url", ["http://localhost@203.0.113.9", "http://10.0.0.5", "https://user:pw@zwfw.example"]
)
def test_catalog_sync_unsafe_platform_address_never_contacted(
    tmp_path: Path, session: requests.Session, url: str
) -> None:
    outcome = sync_catalog(CatalogStore(tmp_path / "c.db"), session, url, max_bytes=MAX_BYTES)
    assert outcome.status == "failed"
    assert "address" in outcome.detail


def test_catalog_sync_contract_server_url_with_api_prefix_requests_catalog_once(
    tmp_path: Path, session: requests.Session
) -> None:
    def answer(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path == "/api/v1/catalog":
            return 200, {"ETag": '"v1"'}, catalog_bytes("prefix-1")
        return 404, {}, b"{}"

    with serve(answer) as platform:
        outcome = sync_catalog(
            CatalogStore(tmp_path / "c.db"), session, platform.url + "/api/v1/", max_bytes=MAX_BYTES
        )
        assert [seen.path for seen in platform.seen] == ["/api/v1/catalog"]
    assert outcome.status == "updated"


def test_client_redirect_not_followed_submission_kept_for_retry(tmp_path: Path) -> None:
    from kiosk.delivery import Deliverer
    from kiosk.district.client import PlatformClient
    from kiosk.keyfiles import load_key
    from kiosk.outbox import Outbox
    from tests.kiosk.standin.test_server import case_body

    outbox = Outbox(tmp_path / "outbox.db", load_key(tmp_path / "k", create=True))
    outbox.enqueue("case", case_body(), apply_no="XCT0001-000001")
    with serve(lambda _: (201, {"Content-Type": "application/json"}, b"{}")) as elsewhere:
        location = elsewhere.url + "/api/v1/cases"
        with serve(lambda _: (307, {"Location": location}, b"")) as platform:
            client = PlatformClient(platform.url, TERMINAL, SECRET)
            step = Deliverer(outbox, client).step()
            client.close()
        assert elsewhere.seen == []
    assert step.state == "waiting"
    assert "redirect" in step.detail
    assert outbox.is_pending("XCT0001-000001")
    assert outbox.quarantined() == []
    outbox.close()
