"""The composition root's services (kiosk/app/services.py): built once from settings, with
factories that open real files and talk to a real stand-in over loopback."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.services import build_services
from kiosk.catalog.store import CatalogStore
from kiosk.district.client import Ok
from kiosk.health import StationHealth, TerminalHealth
from kiosk.keyfiles import load_key
from kiosk.settings import Settings, load_settings
from kiosk.staffaccess import Outcome
from kiosk.staffpin import DEMO_PIN, DEMO_PIN_HASH
from kiosk.standin.server import StandIn

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def station(tmp_path: Path) -> Settings:
    """Built-in settings naming key files in `tmp_path`, as prepare_state() leaves them."""
    names = {"terminal_secret_file": "terminal.secret", "outbox_key_file": "outbox.key"}
    names["audit_key_file"] = "audit.key"
    for name in names.values():
        load_key(tmp_path / name, create=True)
    settings = load_settings(None)
    security = dataclasses.replace(
        settings.security, **{key: str(tmp_path / name) for key, name in names.items()}
    )
    staff = dataclasses.replace(settings.staff, pin_hash=DEMO_PIN_HASH)
    return dataclasses.replace(settings, security=security, staff=staff)


@pytest.fixture
def platform(station: Settings, tmp_path: Path) -> Iterator[StandIn]:
    secret = load_key(Path(station.security.terminal_secret_file), create=False)
    with StandIn(db=tmp_path / "platform.db", terminals={station.station.terminal_id: secret}) as s:
        yield s


def test_build_services_station_factories_open_outbox_audit_and_staff_in_state(
    station: Settings, tmp_path: Path
) -> None:
    services = build_services(
        station,
        CatalogStore(tmp_path / "catalog.db"),
        state_dir=tmp_path,
        outbox_path=tmp_path / "outbox.db",
    )
    assert services.outbox is not None
    assert services.audit is not None
    assert services.staff_access is not None
    outbox = services.outbox()
    try:
        outbox.enqueue("case", {"applyNo": "A-1"}, apply_no="A-1")
        assert outbox.depth() == 1
    finally:
        outbox.close()
    assert services.audit().head().seq >= 0
    assert services.staff_access().attempt(DEMO_PIN).outcome is Outcome.GRANTED
    assert (tmp_path / "outbox.db").exists()
    assert (tmp_path / "audit.db").exists()
    assert (tmp_path / "staff.db").exists()


def test_build_services_platform_factory_signs_as_the_terminal(
    station: Settings, tmp_path: Path, platform: StandIn
) -> None:
    settings = dataclasses.replace(
        station, platform=dataclasses.replace(station.platform, base_url=platform.url)
    )
    services = build_services(settings, CatalogStore(tmp_path / "catalog.db"), state_dir=None)
    assert services.platform is not None
    client = services.platform()
    try:
        health = TerminalHealth(StationHealth(), "0.1.0", 0, 0, None, 0.0)
        assert isinstance(client.heartbeat(health), Ok)  # the stand-in checks the signature
    finally:
        client.close()
    assert platform.store.last_heartbeat(settings.station.terminal_id) is not None


def test_build_services_without_state_platform_or_pin_has_none_of_them(
    station: Settings, tmp_path: Path
) -> None:
    settings = dataclasses.replace(station, staff=dataclasses.replace(station.staff, pin_hash=""))
    services = build_services(settings, CatalogStore(tmp_path / "catalog.db"), state_dir=None)
    assert services.platform is None  # the built-in settings name no platform
    assert services.outbox is None
    assert services.audit is None
    assert services.staff_access is None
    with_state = build_services(settings, services.catalog_store, state_dir=tmp_path)
    assert with_state.audit is not None
    assert with_state.staff_access is None  # no PIN: staff mode only says how to set one


def test_run_start_up_path_loads_no_stand_in_schema_or_network_code() -> None:
    """What `kiosk run` imports before its first frame: the shell, the services and the UI,
    but not the stand-in, jsonschema, PyYAML, requests or cryptography (the workers load
    the last two on their threads, once the first frame is out)."""
    code = (
        "import sys\n"
        "from kiosk.app.cli import station_services\n"
        "import ui.main, ui.app\n"
        "heavy = ('kiosk.standin', 'jsonschema', 'yaml', 'requests', 'cryptography')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)
