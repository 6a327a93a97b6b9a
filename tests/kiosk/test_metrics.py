"""kiosk/metrics.py without Qt: the series built from the heartbeat's typed health, served
over real HTTP on loopback, and what happens when the port is taken."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from devices.status import Health, Paper
from kiosk import metrics as metrics_module
from kiosk.health import Activity, DeviceHealth, OutOfService, StationHealth, TerminalHealth
from kiosk.metrics import KioskMetrics, serve_metrics
from kiosk.settings import StationSettings


def samples(metrics: KioskMetrics) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    from prometheus_client import generate_latest

    text = generate_latest(metrics.registry).decode()
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(metrics: KioskMetrics, name: str, **labels: str) -> float | None:
    return samples(metrics).get((name, frozenset(labels.items())))


def station(
    printer: Health | None = Health.ONLINE, paper: Paper | None = Paper.OK
) -> StationHealth:
    return StationHealth(
        (
            DeviceHealth("id_reader", Health.ONLINE),
            DeviceHealth("printer", printer, paper),
            DeviceHealth("scanner", None),
        ),
        "2026.11.1",
    )


def test_metrics_station_health_sets_device_states_and_paper() -> None:
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001", clock=lambda: 1000.0)
    metrics.update_station(station(Health.HARDWARE_ERROR, Paper.OUT))
    assert (
        value(metrics, "kiosk_device_state", device="printer", kiosk_device_state="hardware_error")
        == 1
    )
    assert value(metrics, "kiosk_device_state", device="printer", kiosk_device_state="online") == 0
    assert value(metrics, "kiosk_device_paper", device="printer", kiosk_device_paper="out") == 1
    assert (
        value(metrics, "kiosk_device_state", device="id_reader", kiosk_device_state="online") == 1
    )
    assert value(metrics, "kiosk_catalog_info", version="2026.11.1") == 1
    assert value(metrics, "kiosk_build_info", version="1.0", terminal_id="XC-0001") == 1


def test_metrics_device_not_configured_has_no_series() -> None:
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
    metrics.update_station(station())
    metrics.update_station(station(printer=None, paper=None))
    names = {(name, dict(labels).get("device")) for name, labels in samples(metrics)}
    assert ("kiosk_device_state", "scanner") not in names
    assert ("kiosk_device_state", "printer") not in names
    assert ("kiosk_device_paper", "printer") not in names


def test_metrics_terminal_health_sets_outbox_age_and_out_of_service() -> None:
    now = [1000.0]
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001", clock=lambda: now[0])
    metrics.update_terminal(
        TerminalHealth(
            station(),
            "1.0",
            3,
            600,
            None,
            at=1000.0,
            out_of_service=OutOfService("crash-loop", 900.0),
        )
    )
    now[0] = 1060.0
    assert value(metrics, "kiosk_outbox_depth") == 3
    assert value(metrics, "kiosk_outbox_oldest_age_seconds") == 660  # grows between heartbeats
    assert value(metrics, "kiosk_service_state", kiosk_service_state="crash-loop") == 1
    metrics.outbox_depth(0)
    assert value(metrics, "kiosk_outbox_oldest_age_seconds") == 0


def test_metrics_catalog_age_and_sync_only_once_known() -> None:
    now = [5000.0]
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001", clock=lambda: now[0])
    names = {name for name, _ in samples(metrics)}
    assert "kiosk_catalog_age_seconds" not in names
    assert "kiosk_catalog_last_sync_timestamp_seconds" not in names
    metrics.update_station(StationHealth(catalog_version="v1", catalog_stored_at=2000.0))
    assert value(metrics, "kiosk_catalog_age_seconds") == 3000
    assert "kiosk_catalog_last_sync_timestamp_seconds" not in {n for n, _ in samples(metrics)}
    metrics.update_station(
        StationHealth(catalog_version="v1", catalog_stored_at=2000.0, catalog_synced_at=4800.0)
    )
    assert value(metrics, "kiosk_catalog_last_sync_timestamp_seconds") == 4800


def test_metrics_counters_and_quarantined_follow_the_station_activity() -> None:
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
    assert value(metrics, "kiosk_submissions_total", outcome="refused") == 0  # from the start
    activity = (
        Activity(started_at=1.0)
        .with_session()
        .with_answer("accepted")
        .with_answer("王小明")  # not a code: not counted, no new series
        .with_rating(5)
        .with_rating("非常满意；窗口人员态度好")
        .with_rating(6)
    )
    metrics.update_station(StationHealth(quarantined=2, activity=activity))
    assert value(metrics, "kiosk_sessions_total") == 1
    assert value(metrics, "kiosk_submissions_total", outcome="accepted") == 1
    assert value(metrics, "kiosk_submissions_total", outcome="refused") == 0
    assert value(metrics, "kiosk_ratings_total") == 1  # the 5; never by level
    assert value(metrics, "kiosk_outbox_quarantined") == 2
    labels = {v for _, labelset in samples(metrics) for _, v in labelset}
    assert not any("王" in v or "满意" in v or v == "6" for v in labels)


def test_metrics_outbox_backlog_sets_depth_and_oldest_age_at_once() -> None:
    now = [1000.0]
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001", clock=lambda: now[0])
    metrics.outbox_backlog(2, 880.0)
    assert value(metrics, "kiosk_outbox_depth") == 2
    assert value(metrics, "kiosk_outbox_oldest_age_seconds") == 120
    metrics.outbox_backlog(0, None)
    assert value(metrics, "kiosk_outbox_oldest_age_seconds") == 0


def test_serve_metrics_port_zero_serves_over_http_then_stops() -> None:
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
    server = serve_metrics(metrics.registry, "127.0.0.1:0")
    assert server is not None
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=5) as answer:
            text = answer.read().decode()
    finally:
        server.stop()
    assert 'kiosk_build_info{terminal_id="XC-0001",version="1.0"} 1.0' in text
    assert "process_start_time_seconds" in text
    with pytest.raises(urllib.error.URLError, match="refused"):
        urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=2)


def test_serve_metrics_port_in_use_logs_and_returns_none(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
        with caplog.at_level(logging.ERROR, logger="kiosk.metrics"):
            assert serve_metrics(metrics.registry, f"127.0.0.1:{port}") is None
    assert f"cannot listen on 127.0.0.1:{port}" in caplog.text
    assert "runs on without metrics" in caplog.text


def test_serve_metrics_many_idle_connections_take_no_threads_or_descriptors() -> None:
    """Slow or idle clients (slowloris) cost the kiosk one connection at a time, never a
    thread or a file descriptor each; once they are gone, scrapes answer again."""
    import os
    import threading

    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
    server = serve_metrics(metrics.registry, "127.0.0.1:0")
    assert server is not None
    threads, descriptors = threading.active_count(), len(os.listdir("/proc/self/fd"))
    idle: list[socket.socket] = []
    try:
        for _ in range(200):
            client = socket.socket()
            client.setblocking(False)
            # Queued, or dropped once the queue is full: either way not the kiosk's.
            with contextlib.suppress(BlockingIOError):
                client.connect(("127.0.0.1", server.port))
            idle.append(client)
            with contextlib.suppress(OSError):  # not connected yet: it stays idle
                client.send(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")  # never finished
        # The server side: at most the one connection being served, plus the queue.
        assert threading.active_count() == threads
        ours = len(os.listdir("/proc/self/fd")) - descriptors - len(idle)
        assert ours <= 1, ours
    finally:
        for client in idle:
            client.close()
    try:
        deadline_s = 30  # every connection left behind times out within the socket timeout
        with urllib.request.urlopen(
            f"http://127.0.0.1:{server.port}/metrics", timeout=deadline_s
        ) as answer:
            assert b"kiosk_build_info" in answer.read()
    finally:
        server.stop()


@contextlib.contextmanager
def _held_by_a_dripping_request(port: int) -> Iterator[socket.socket]:
    """A client sending its request line a byte every 0.3 s: each read well within the
    socket timeout, the request never finished."""
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    stop = threading.Event()

    def drip() -> None:
        for byte in b"GET /metrics" + b"x" * 1000:
            if stop.wait(0.3):
                return
            with contextlib.suppress(OSError):
                client.send(bytes([byte]))

    dripping = threading.Thread(target=drip, daemon=True)
    dripping.start()
    try:
        yield client
    finally:
        stop.set()
        dripping.join(timeout=5)
        client.close()


def test_serve_metrics_a_client_sending_a_byte_now_and_then_is_cut_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(metrics_module, "CONNECTION_DEADLINE_S", 1.0)
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
    server = serve_metrics(metrics.registry, "127.0.0.1:0")
    assert server is not None
    try:
        with _held_by_a_dripping_request(server.port):
            time.sleep(0.2)  # it is being served
            asked = time.monotonic()
            with urllib.request.urlopen(
                f"http://127.0.0.1:{server.port}/metrics", timeout=10
            ) as answer:
                assert b"kiosk_build_info" in answer.read()
            waited = time.monotonic() - asked
    finally:
        server.stop()
    assert waited < 3.0  # the deadline (1 s), not the dripping client's pace


def test_serve_metrics_stop_while_a_slow_client_holds_the_server_is_at_once() -> None:
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001")
    server = serve_metrics(metrics.registry, "127.0.0.1:0")
    assert server is not None
    with _held_by_a_dripping_request(server.port):
        time.sleep(0.5)  # it is being served
        stopping = threading.Thread(target=server.stop)
        stopping.start()
        stopping.join(timeout=2)
        held_on = stopping.is_alive()
    stopping.join(timeout=15)  # the client has gone: the server stops now in any case
    assert not held_on


def test_metrics_station_info_names_the_place_from_the_station_file() -> None:
    station = dataclasses.replace(StationSettings(), latitude="39.9139", longitude="116.3496")
    metrics = KioskMetrics(version="1.0", terminal_id="XC-0001", station=station)
    assert (
        value(
            metrics,
            "kiosk_station_info",
            terminal_id="XC-0001",
            district="西城区",
            street="月坛街道",
            community="白云观社区",
            latitude="39.9139",
            longitude="116.3496",
        )
        == 1
    )
