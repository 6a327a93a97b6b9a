"""A catalog download has an overall deadline: a platform dripping its answer a byte at a
time (each read well within the read timeout) cannot hold the sync process."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from kiosk.catalog.store import CatalogStore
from kiosk.catalog.sync import sync_catalog
from kiosk.district.answerbody import mount_deadlines
from tests.security.dripserver import drip


def test_catalog_sync_dripping_answer_unreachable_at_deadline(tmp_path: Path) -> None:
    body = b'{"version": "' + b"1" * 60 + b'", "items": []}'
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    head += b"Content-Length: %d\r\n\r\n" % len(body)
    store = CatalogStore(tmp_path / "catalog.db")
    with drip(head, body, every_s=0.5) as url, requests.Session() as session:
        started = time.monotonic()
        outcome = sync_catalog(
            store, session, url, max_bytes=1024 * 1024, timeout=(1.0, 2.0), deadline_s=2.0
        )
        took = time.monotonic() - started
    assert outcome.status == "unreachable"
    assert "too slow" in outcome.detail
    assert took < 6.0  # the body alone would take 40 s
    assert store.load_active() is None


def test_catalog_sync_dripping_headers_unreachable_at_deadline(tmp_path: Path) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json" + b" " * 40
    store = CatalogStore(tmp_path / "catalog.db")
    with drip(b"", head, every_s=0.5) as url, mount_deadlines(requests.Session()) as session:
        started = time.monotonic()
        outcome = sync_catalog(
            store, session, url, max_bytes=1024 * 1024, timeout=(1.0, 2.0), deadline_s=2.0
        )
        took = time.monotonic() - started
    assert outcome.status == "unreachable"
    assert "too slow" in outcome.detail
    assert took < 6.0  # the headers alone would take 30 s
