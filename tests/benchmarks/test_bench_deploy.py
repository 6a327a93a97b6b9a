"""Figures of the station package: install time, and start-up under the kiosk compositor.

`deb_install_s`: `dpkg -i` of the built package (median of 3, purged in between; building
it, if build/ has none, is not timed). `cage_first_frame_s`: from starting the unit's
ExecStart (as user kiosk, under headless cage) to the kiosk's first frame, median of 3; the
same for tests/benchmarks/bare_window.py run by the package's Python under the same cage
gives `cage_startup_ratio`.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.deploy import station

RUNS = 3
_why_not = station.missing_tools()
pytestmark = [
    pytest.mark.skipif(_why_not is not None, reason=f"deploy figures: {_why_not}"),
    pytest.mark.timeout(3600),
]


@pytest.fixture(scope="module")
def deb() -> Path:
    if station.installed_version() is not None:
        pytest.fail("community-kiosk is installed on this machine: purge it first")
    version = station.project_version(station.REPO)
    built = station.REPO / "build" / f"{station.PACKAGE}_{version}_amd64.deb"
    return built if built.is_file() else station.build(station.REPO)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-deploy-"))
    work.chmod(0o755)
    try:
        yield work
    finally:
        station.remove_everything()
        shutil.rmtree(work, ignore_errors=True)
        # Installing and purging writes ~0.5 GB four times: wait until the kernel has it on
        # disk, or its writeback slows the fsyncs and the GUI-thread figures measured next.
        os.sync()


def test_deb_install_s(record: Callable[..., object], deb: Path, workdir: Path) -> None:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        station.install(deb)
        times.append(time.perf_counter() - started)
        station.purge(purge_state=True)
    record(
        "deb_install_s",
        statistics.median(times),
        "s",
        note=f"median of {RUNS}; {deb.stat().st_size / 1e6:.0f} MB package",
    )


def test_cage_startup_ratio(record: Callable[..., object], deb: Path, workdir: Path) -> None:
    station.install(deb)
    secret = station.STATE / "terminal.secret"
    secret.write_bytes(os.urandom(32))
    shutil.chown(secret, "kiosk", "kiosk")
    secret.chmod(0o600)
    bare_script = workdir / "bare_window.py"
    shutil.copy(station.REPO / "tests" / "benchmarks" / "bare_window.py", bare_script)
    bare_script.chmod(0o644)
    kiosk = station.service_command()
    bare = dataclasses.replace(
        kiosk, argv=[*kiosk.argv[:3], str(station.PREFIX / "bin" / "python"), str(bare_script)]
    )
    kiosk_times, bare_times = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        for command, times in ((bare, bare_times), (kiosk, kiosk_times)):
            with station.headless_cage(command, workdir) as cage:
                times.append(cage.wait_for(station.FIRST_FRAME, timeout=120))
    kiosk_s, bare_s = statistics.median(kiosk_times), statistics.median(bare_times)
    record("cage_first_frame_s", kiosk_s, "s", note=f"median of {RUNS}; unit's ExecStart")
    record("cage_bare_window_first_frame_s", bare_s, "s", note=f"median of {RUNS}")
    record("cage_startup_ratio", kiosk_s / bare_s, "x")
