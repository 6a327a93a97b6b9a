"""Metrics figure of issue 13: how soon a fault reaches the metrics the district scrapes."""

from __future__ import annotations

import dataclasses
import statistics
import time
import urllib.request
from collections.abc import Callable

from prometheus_client.parser import text_string_to_metric_families

from devices.printer.printer import ReceiptPrinter
from devices.printer.transport import parse_address
from devices.sim.printer import PrinterSimulator
from devices.status import Light, Paper
from kiosk.services import Devices
from kiosk.settings import MetricsSettings
from tests.ui.driver import Driver, make_settings

RUNS = 5


def _paper(kiosk: Driver) -> str:
    """The printer's paper state as a scrape of the kiosk's endpoint reads it."""
    assert kiosk.ui.metrics is not None
    url = f"http://127.0.0.1:{kiosk.ui.metrics.port}/metrics"
    with urllib.request.urlopen(url, timeout=5) as answer:
        text = answer.read().decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "kiosk_device_paper" and sample.value == 1:
                return str(sample.labels["kiosk_device_paper"])
    return ""


def test_alert_signal(launch: Callable[..., Driver], record: Callable[..., object]) -> None:
    """Seconds from the printer simulator's paper-out to a scrape showing it (the device
    worker's status check, the hub's signal, the metric; a Prometheus scrape interval comes
    on top in the field)."""
    samples = []
    with PrinterSimulator() as sim:
        devices = Devices(
            id_reader=None,
            printer=ReceiptPrinter(parse_address(sim.address), sim.profile, timeout_s=0.5),
            scanner=None,
        )
        settings = dataclasses.replace(make_settings(), metrics=MetricsSettings("127.0.0.1:0"))
        kiosk = launch(settings, devices=devices)
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN, 10_000)
        kiosk.wait_until(lambda: kiosk.ui.metrics is not None)  # after the first frame
        for _ in range(RUNS):
            kiosk.wait_until(lambda: _paper(kiosk) == "ok", 10_000)
            sim.set_state(paper=Paper.OUT)
            started = time.monotonic()
            kiosk.wait_until(lambda: _paper(kiosk) == "out", 60_000)
            samples.append(time.monotonic() - started)
            sim.set_state(paper=Paper.OK, paper_stop=False)
        kiosk.ui.devices.stop()  # before the simulator goes away
    record(
        "alert_signal_s",
        statistics.median(samples),
        "s",
        at_most=60,
        note=f"median of {RUNS}, max {max(samples):.2f} s",
    )
