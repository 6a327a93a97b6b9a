"""Issue 10, item 4: every file and folder the kiosk creates is its user's alone.

A demo-like run in a real state folder (kiosk/app/cli.py's start-up, the simulated printer,
the stores, a delivery to the stand-in), with a lax umask (022) so that what is checked is
the kiosk's own care, not the umask `kiosk` also sets.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.printer import layout
from devices.printer.layout import PrinterProfile, receipt_bytes
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from kiosk.app.cli import prepare_state
from kiosk.app.devicesetup import start_demo_devices
from kiosk.app.logsetup import configure_logging
from kiosk.audit import AuditTrail
from kiosk.catalog.store import CatalogStore
from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.keyfiles import load_key
from kiosk.outbox import Outbox
from kiosk.settings import Settings
from kiosk.standin.server import StandIn
from tests.kiosk.standin.test_server import case_body

WAIT_S = 10.0


@pytest.fixture
def lax_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    yield tmp_path
    configure_logging(None, logging.WARNING)  # let go of the state folder's log file


def modes(state: Path) -> dict[str, int]:
    return {
        str(path.relative_to(state.parent)): stat.S_IMODE(path.stat().st_mode)
        for path in [state, *state.rglob("*")]
    }


def test_state_folder_after_demo_like_run_holds_only_private_files_and_folders(
    state_home: Path, lax_umask: None
) -> None:
    state, settings = prepare_state(Settings(), production=False)
    log = logging.getLogger("kiosk.test")
    log.info("started")
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            handler.doRollover()  # kiosk.log.1, and a fresh kiosk.log
    log.info("rolled over")

    settings, demo = start_demo_devices(settings, state / "receipts")
    try:
        assert demo.printer is not None
        printer = ReceiptPrinter(parse_address(demo.printer.address), PrinterProfile())
        printer.open()
        printer.claim()
        printer.print_job(receipt_bytes(layout.test_page(PrinterProfile()), PrinterProfile()))
        assert len(demo.printer.wait_for_jobs(1, timeout_s=WAIT_S)) == 1
        printer.close()
    finally:
        demo.stop()

    CatalogStore(state / "catalog.db")
    audit_key = load_key(Path(settings.security.audit_key_file), create=False)
    AuditTrail(state / "audit.db", audit_key).record("XCT0001-000001", "submitted")
    secret = load_key(Path(settings.security.terminal_secret_file), create=False)
    outbox = Outbox(
        state / "outbox.db", load_key(Path(settings.security.outbox_key_file), create=False)
    )
    terminal = settings.station.terminal_id
    with StandIn(db=state / "platform-standin.db", terminals={terminal: secret}) as standin:
        outbox.enqueue("case", case_body("XCT0001-000001"), apply_no="XCT0001-000001")
        client = PlatformClient(standin.url, terminal, secret, read_timeout_s=5)
        try:
            assert Deliverer(outbox, client).step().state == "delivered"
        finally:
            client.close()
        outbox.enqueue("case", case_body("XCT0001-000002"), apply_no="XCT0001-000002")
        found = modes(state)  # while the databases are open: with their -wal and -shm
    outbox.close()

    names = set(found)
    for expected in (
        "community-kiosk/outbox.db", "community-kiosk/outbox.db-wal",
        "community-kiosk/outbox.db-shm", "community-kiosk/catalog.db",
        "community-kiosk/platform-standin.db", "community-kiosk/terminal.secret",
        "community-kiosk/outbox.key", "community-kiosk/audit.key",
        "community-kiosk/audit.db", "community-kiosk/log/kiosk.log",
        "community-kiosk/log/kiosk.log.1", "community-kiosk/receipts",
    ):  # fmt: skip
        assert expected in names
    assert any(name.endswith(".png") for name in names)
    lax = {
        name: f"{mode:o}"
        for name, mode in found.items()
        if mode != (0o700 if (state.parent / name).is_dir() else 0o600)
    }
    assert lax == {}
