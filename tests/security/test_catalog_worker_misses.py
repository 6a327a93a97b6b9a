"""Reporting missed searches never raises out of the catalog worker's slot: an address
the client refuses is logged for staff, like a missing key file."""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

import pytest

from kiosk.app.services import connect_platform
from kiosk.catalog.store import CatalogStore
from kiosk.district.signing import Credentials
from kiosk.settings import PlatformSettings
from ui.catalogworker import CatalogWorker


@pytest.mark.parametrize(
    "address", ["http://203.0.113.9", "https://localhost@203.0.113.9/", "ftp://platform"]
)
def test_catalog_worker_report_misses_refused_address_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, address: str
) -> None:
    secret = tmp_path / "terminal.secret"
    secret.write_bytes(os.urandom(32))
    secret.chmod(0o600)
    worker = CatalogWorker(
        CatalogStore(tmp_path / "catalog.db"),
        PlatformSettings(base_url=address),
        use_sample=False,
        connect=partial(connect_platform, address, Credentials("T1", secret)),
    )
    with caplog.at_level(logging.WARNING, logger="ui.catalogworker"):
        worker.report_misses()
    assert any("search misses not reported" in r.getMessage() for r in caplog.records)
