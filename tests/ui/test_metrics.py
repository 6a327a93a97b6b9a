"""The metrics of a running kiosk, scraped over real HTTP on loopback: what the district's
Prometheus reads, checked by promtool, following the device simulators."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import logging
import shutil
import socket
import sqlite3
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from devices.camera import DocumentCamera
from devices.idcard.device import IdCardDevice
from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.idcard import IdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.status import DeviceKind, Light, Paper
from kiosk.catalog.sample import sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.keyfiles import load_key
from kiosk.metrics import (
    DEVICE_STATES,
    PAPER_STATES,
    SELF_CHECK_STEPS,
    SERVICE_STATES,
    SUBMISSION_OUTCOMES,
    station_labels,
)
from kiosk.outbox import Outbox
from kiosk.services import Devices
from kiosk.settings import MetricsSettings, StationSettings
from tests.kiosk.standin.test_server import case_body
from tests.ui.driver import Driver, make_settings, platform_station

pytestmark = pytest.mark.usefixtures("qapp")

SEARCH_TERM = "王小明的低保申请"  # what a resident types: must never reach a label


def scrape(kiosk: Driver) -> str:
    assert kiosk.ui.metrics is not None, "the metrics endpoint did not start"
    url = f"http://127.0.0.1:{kiosk.ui.metrics.port}/metrics"
    with urllib.request.urlopen(url, timeout=5) as answer:
        return str(answer.read().decode())


def series(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(text: str, name: str, **labels: str) -> float | None:
    return series(text).get((name, frozenset(labels.items())))


@pytest.fixture
def station(
    launch: Callable[..., Driver],
    reader_sim: IdCardSimulator,
    printer_sim: PrinterSimulator,
    tmp_path: Path,
) -> Iterator[Driver]:
    """A kiosk with the reader and the printer simulators, a platform stand-in, and its
    metrics on a free port of loopback."""
    with platform_station(tmp_path) as (settings, standin):
        standin.state.set_catalog(sample_document())
        devices = Devices(
            id_reader=IdCardDevice(reader_sim.url, command_timeout_s=0.5),
            printer=ReceiptPrinter(
                parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5
            ),
            scanner=None,
            camera=DocumentCamera("", folder=str(tmp_path)),  # pages from a folder, as in the demo
        )
        on_free_port = dataclasses.replace(settings, metrics=MetricsSettings("127.0.0.1:0"))
        kiosk = launch(on_free_port, devices=devices, outbox_path=tmp_path / "outbox.db")
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
        kiosk.wait_until(lambda: kiosk.ui.metrics is not None)  # after the first frame
        yield kiosk


def test_metrics_running_kiosk_scrape_shows_devices_catalog_and_outbox(station: Driver) -> None:
    station.wait_until(
        lambda: value(scrape(station), "kiosk_catalog_last_sync_timestamp_seconds") is not None,
        timeout_ms=30_000,
    )
    text = scrape(station)
    version = str(station.ui.catalog.version)
    assert value(text, "kiosk_device_state", device="id_reader", kiosk_device_state="online") == 1
    assert value(text, "kiosk_device_state", device="printer", kiosk_device_state="online") == 1
    assert value(text, "kiosk_device_paper", device="printer", kiosk_device_paper="ok") == 1
    assert value(text, "kiosk_device_state", device="camera", kiosk_device_state="online") == 1
    assert ("kiosk_device_state", frozenset({("device", "scanner")})) not in {
        (name, frozenset((k, v) for k, v in labels if k == "device"))
        for name, labels in series(text)
    }
    assert value(text, "kiosk_catalog_info", version=version) == 1
    assert 0 <= (value(text, "kiosk_catalog_age_seconds") or -1) < 3600
    assert value(text, "kiosk_outbox_depth") == 0
    assert value(text, "kiosk_outbox_quarantined") == 0
    assert value(text, "kiosk_service_state", kiosk_service_state="in_service") == 1
    assert value(text, "kiosk_sessions_total") == 0  # the start is not a resident
    assert (value(text, "process_start_time_seconds") or 0) > 0
    build = [labels for name, labels in series(text) if name == "kiosk_build_info"]
    assert dict(build[0])["terminal_id"] == "XC-DEMO-0001"


def test_metrics_scrape_passes_promtool_check_metrics(station: Driver) -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is missing: `make deps` installs it (packaging/dev-packages.txt)")
    checked = subprocess.run(
        [promtool, "check", "metrics"],
        input=scrape(station),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.strip() == ""  # no lint complaints either
    assert checked.stderr.strip() == ""


def test_metrics_printer_paper_out_shows_in_the_next_scrape(
    station: Driver, printer_sim: PrinterSimulator
) -> None:
    printer_sim.set_state(paper=Paper.OUT)
    station.wait_until(
        lambda: (
            value(scrape(station), "kiosk_device_paper", device="printer", kiosk_device_paper="out")
            == 1
        ),
        timeout_ms=10_000,
    )
    text = scrape(station)
    assert value(text, "kiosk_device_paper", device="printer", kiosk_device_paper="ok") == 0
    hub_health = station.ui.devices.status(DeviceKind.PRINTER)
    assert hub_health is not None
    assert (
        value(
            text, "kiosk_device_state", device="printer", kiosk_device_state=hub_health.health.value
        )
        == 1
    )


def test_metrics_labels_are_codes_never_resident_input(station: Driver) -> None:
    station.ui.idle.expire_in(0)  # the previous visit ends: the attract screen
    station.settle()
    station.touch_anywhere()  # a resident starts a session
    station.click("tile_guides")
    station.click("openSearchButton")
    station.item("searchField").setProperty("text", SEARCH_TERM)
    station.settle()
    station.wait_until(lambda: (value(scrape(station), "kiosk_sessions_total") or 0) >= 1)
    text = scrape(station)
    assert SEARCH_TERM not in text
    codes = {
        *DEVICE_STATES,
        *PAPER_STATES.values(),
        *SERVICE_STATES,
        *SUBMISSION_OUTCOMES,
        *SELF_CHECK_STEPS,
        *(kind.value for kind in DeviceKind),
    }
    from kiosk import __version__

    place = station_labels(StationSettings(), "XC-DEMO-0001")  # the station file's words
    settings_and_platform = {
        __version__,
        str(station.ui.catalog.version),
        *place.values(),
    }
    for name, labels in series(text):
        for label, label_value in labels:
            assert label_value in codes | settings_and_platform, (name, label, label_value)


def test_metrics_outbox_drained_counts_accepted_and_refused_cases_without_numbers(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, _standin):
        outbox_path = tmp_path / "outbox.db"
        # A row sealed with another key: unreadable, so it is quarantined (refused).
        stranger = Outbox(outbox_path, bytes(range(32)))
        stranger.enqueue("case", case_body("XCQ000001"), apply_no="XCQ000001")
        stranger.close()
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        for number in ("XCU000001", "XCU000002"):
            body = case_body(number) | {"terminalId": settings.station.terminal_id}
            outbox.enqueue("case", body, apply_no=number)
        outbox.close()
        on_free_port = dataclasses.replace(settings, metrics=MetricsSettings("127.0.0.1:0"))
        kiosk = launch(on_free_port, outbox_path=outbox_path)
        kiosk.wait_until(lambda: kiosk.ui.metrics is not None)  # after the first frame

        # The count and the depth reach the metrics as two signals from the outbox's
        # thread, so a scrape may fall between them: wait for both.
        def drained() -> bool:
            text = scrape(kiosk)
            accepted = value(text, "kiosk_submissions_total", outcome="accepted")
            return accepted == 2 and value(text, "kiosk_outbox_depth") == 0

        kiosk.wait_until(drained, timeout_ms=20_000)
        text = scrape(kiosk)
    assert value(text, "kiosk_submissions_total", outcome="accepted") == 2
    assert value(text, "kiosk_submissions_total", outcome="refused") == 1
    assert value(text, "kiosk_outbox_quarantined") == 1
    assert value(text, "kiosk_outbox_depth") == 0
    assert value(text, "kiosk_outbox_oldest_age_seconds") == 0
    assert "XCU" not in text
    assert "XCQ" not in text


def test_metrics_port_in_use_kiosk_serves_on_without_metrics(
    launch: Callable[..., Driver], caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = dataclasses.replace(
            make_settings(), metrics=MetricsSettings(f"127.0.0.1:{port}")
        )
        with caplog.at_level(logging.ERROR, logger="kiosk.metrics"):
            kiosk = launch(settings)
            kiosk.wait_until(lambda: "runs on without metrics" in caplog.text)
    assert kiosk.ui.metrics is None
    kiosk.click("tile_guides")  # and residents are served
    assert kiosk.visible("openSearchButton")


def test_heartbeat_carries_the_same_summary_as_the_scrape(
    launch: Callable[..., Driver], printer_sim: PrinterSimulator, tmp_path: Path
) -> None:
    """For districts without Prometheus: the heartbeat the stand-in received and a scrape
    of the same moment say the same of devices, paper, outbox, catalog and counts."""
    with platform_station(tmp_path) as (settings, standin):
        standin.state.set_catalog(sample_document())
        devices = Devices(
            id_reader=None,
            printer=ReceiptPrinter(
                parse_address(printer_sim.address), printer_sim.profile, timeout_s=0.5
            ),
            scanner=None,
        )
        on_free_port = dataclasses.replace(settings, metrics=MetricsSettings("127.0.0.1:0"))
        kiosk = launch(on_free_port, devices=devices, outbox_path=tmp_path / "outbox.db")
        kiosk.wait_until(lambda: kiosk.ui.metrics is not None)
        printer_sim.set_state(paper=Paper.NEAR_END)
        kiosk.wait_until(
            lambda: (
                value(
                    scrape(kiosk), "kiosk_device_paper", device="printer", kiosk_device_paper="low"
                )
                == 1
            ),
            timeout_ms=10_000,
        )
        kiosk.wait_until(
            lambda: value(scrape(kiosk), "kiosk_catalog_last_sync_timestamp_seconds") is not None,
            timeout_ms=30_000,
        )
        kiosk.ui.idle.expire_in(0)
        kiosk.settle()
        kiosk.touch_anywhere()  # a resident's session
        kiosk.settle()
        assert kiosk.ui.outbox is not None
        assert kiosk.ui.health is not None
        kiosk.ui.outbox.heartbeat(kiosk.ui.health.station())
        terminal = settings.station.terminal_id
        kiosk.wait_until(lambda: standin.store.last_heartbeat(terminal) is not None)
        text = scrape(kiosk)
        beat = standin.store.last_heartbeat(terminal)
    assert beat is not None
    devices_said = {entry["device"]: entry for entry in beat["devices"]}
    assert devices_said["id_reader"]["health"] == "not_configured"
    assert ("kiosk_device_state", "id_reader") not in {
        (name, dict(labels).get("device")) for name, labels in series(text)
    }
    printer = devices_said["printer"]
    assert value(text, "kiosk_device_state", device="printer", kiosk_device_state=printer["health"])
    assert printer["paper"] == "near_end"
    assert value(text, "kiosk_device_paper", device="printer", kiosk_device_paper="low") == 1
    assert beat["outboxDepth"] == value(text, "kiosk_outbox_depth") == 0
    assert beat["oldestPendingSeconds"] == value(text, "kiosk_outbox_oldest_age_seconds") == 0
    assert beat["quarantined"] == value(text, "kiosk_outbox_quarantined") == 0
    assert value(text, "kiosk_catalog_info", version=beat["catalogVersion"]) == 1
    assert abs(beat["catalogAgeSeconds"] - (value(text, "kiosk_catalog_age_seconds") or -9)) <= 5
    synced = value(text, "kiosk_catalog_last_sync_timestamp_seconds") or 0
    assert abs(datetime.datetime.fromisoformat(beat["catalogLastSync"]).timestamp() - synced) < 1
    activity = beat["activity"]
    assert activity["sessions"] == value(text, "kiosk_sessions_total") == 1
    assert activity["submissionsAccepted"] == value(
        text, "kiosk_submissions_total", outcome="accepted"
    )
    assert activity["submissionsRefused"] == value(
        text, "kiosk_submissions_total", outcome="refused"
    )
    assert sum(activity["ratings"].values()) == value(text, "kiosk_ratings_total") == 0
    started = datetime.datetime.fromisoformat(activity["startedAt"]).timestamp()
    assert abs(started - (value(text, "process_start_time_seconds") or 0)) < 1.5
    assert "outOfService" not in beat
    assert value(text, "kiosk_service_state", kiosk_service_state="in_service") == 1


def test_metrics_outbox_oldest_age_follows_the_outbox_without_a_heartbeat(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    """Rows that waited an hour before a restart show their age in the first scrape, and
    0 as soon as they are delivered: the heartbeat (every 5 minutes) is not waited for."""
    with platform_station(tmp_path) as (settings, standin):
        outbox_path = tmp_path / "outbox.db"
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        body = case_body("XCU000003") | {"terminalId": settings.station.terminal_id}
        outbox.enqueue("case", body, apply_no="XCU000003")
        outbox.close()
        with contextlib.closing(sqlite3.connect(outbox_path)) as db, db:
            db.execute("UPDATE pending SET created_at = created_at - 3600")
        standin.state.error_rate = 1.0  # the platform is busy: the row waits
        on_free_port = dataclasses.replace(settings, metrics=MetricsSettings("127.0.0.1:0"))
        kiosk = launch(on_free_port, outbox_path=outbox_path)
        kiosk.wait_until(lambda: kiosk.ui.metrics is not None)
        kiosk.wait_until(lambda: value(scrape(kiosk), "kiosk_outbox_depth") == 1)
        assert 3600 <= (value(scrape(kiosk), "kiosk_outbox_oldest_age_seconds") or 0) < 3700
        standin.state.error_rate = 0.0
        kiosk.wait_until(lambda: value(scrape(kiosk), "kiosk_outbox_depth") == 0, timeout_ms=20_000)
        assert value(scrape(kiosk), "kiosk_outbox_oldest_age_seconds") == 0
        assert not any("/heartbeat" in request for request in standin.state.requests)


def test_metrics_last_catalog_sync_is_kept_across_a_restart(
    launch: Callable[..., Driver], catalog_store: CatalogStore
) -> None:
    """A sync that found the catalog current before the restart, and none since (no
    platform now): the metric says when it was, not nothing."""
    catalog_store.log_sync("unchanged", "catalog is current")
    synced_at = catalog_store.last_good_sync()
    assert synced_at is not None
    catalog_store.log_sync("unreachable", "no answer")  # a failure later changes nothing
    kiosk = launch(dataclasses.replace(make_settings(), metrics=MetricsSettings("127.0.0.1:0")))
    kiosk.wait_until(lambda: kiosk.ui.metrics is not None)
    kiosk.wait_until(
        lambda: value(scrape(kiosk), "kiosk_catalog_last_sync_timestamp_seconds") is not None
    )
    assert value(scrape(kiosk), "kiosk_catalog_last_sync_timestamp_seconds") == synced_at


def test_grafana_dashboard_names_only_metrics_a_running_kiosk_serves(station: Driver) -> None:
    """packaging/grafana/kiosk-fleet.json against a scrape of a kiosk with a printer, a
    reader and a platform (`up` is Prometheus's own series for every target)."""
    from tests.packaging.test_grafana_dashboard import PROMETHEUS_OWN, exprs, metric_names

    station.wait_until(
        lambda: value(scrape(station), "kiosk_catalog_last_sync_timestamp_seconds") is not None,
        timeout_ms=30_000,
    )
    families = list(text_string_to_metric_families(scrape(station)))
    served = {family.name for family in families} | {
        sample.name for family in families for sample in family.samples
    }
    used = set().union(*(metric_names(expr) for expr in exprs()))
    assert used - PROMETHEUS_OWN <= served, sorted(used - PROMETHEUS_OWN - served)
    assert {"kiosk_station_info", "kiosk_device_state", "kiosk_sessions_total"} <= used
