"""GUI stalls while a published document (the catalog, the knowledge base) syncs and is
swapped in, against the same screen idle for as long: the kiosk's platform is `kiosk
platform-sim` in its own process, as the real platform is elsewhere."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.benchmarks.processes import PlatformProcess
from tests.ui.driver import Driver, make_settings
from ui.stallprobe import StallProbe


def launch_on_platform(
    launch: Callable[..., Driver], qtbot: QtBot, port: int, ready: Callable[[Driver], bool]
) -> Driver:
    """The kiosk with its platform at `port`, once `ready` (the samples arrived from it)."""
    platform = PlatformProcess(port, None)
    try:
        settings = make_settings()
        address = dataclasses.replace(settings.platform, base_url=f"http://127.0.0.1:{port}")
        kiosk = launch(dataclasses.replace(settings, platform=address))
        qtbot.waitUntil(lambda: ready(kiosk), timeout=60_000)
    finally:
        platform.stop()
    return kiosk


def swap_stalls(
    kiosk: Driver,
    qtbot: QtBot,
    serve: Callable[[Path], PlatformProcess],
    files: list[Path],
    swapped: Callable[[int], bool],
) -> tuple[list[float], list[float]]:
    """For each file in turn: the platform serves it (`serve`), the kiosk syncs until
    `swapped(round)`; the longest GUI-thread gap of that, and of the screen idle as long."""
    sync_stalls, idle_stalls = [], []
    for round_, path in enumerate(files):
        platform = serve(path)
        try:
            probe = StallProbe()
            probe.start()
            started = time.perf_counter()
            kiosk.ui.catalog_service.sync_now()
            qtbot.waitUntil(lambda r=round_: swapped(r), timeout=300_000)
            kiosk.settle()
            sync_stalls.append(probe.stop())
            took_ms = int((time.perf_counter() - started) * 1000)
        finally:
            platform.stop()
        probe = StallProbe()
        probe.start()
        qtbot.wait(took_ms)
        idle_stalls.append(probe.stop())
    return sync_stalls, idle_stalls
