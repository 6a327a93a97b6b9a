"""Test-wide set-up: headless Qt, isolated user folders, no thread left behind."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: offscreen platform, software scene graph, embedded keyboard.
_HOME = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
for _var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)

from ui.environment import prepare_qt_environment  # noqa: E402

prepare_qt_environment(headless=True)

REPO = Path(__file__).resolve().parent.parent

# Threads libraries start once per process and keep (Qt's QML type loader, D-Bus, pooled
# workers that expire on their own; libusb's event thread for pyusb's one context). Anything
# else still alive after a test was leaked by that test.
_SERVICE_THREADS = (
    "QQmlThread",
    "QDBusConnection",
    "Thread (pooled)",
    "QXcbEventQueue",
    "FileInfoThread",  # QML folder model used by the virtual keyboard's layouts
    "libusb_event",  # with libusb-1.0-0 installed (USB printers), from the first USB lookup
)


def _threads() -> dict[str, str]:
    tasks = Path("/proc/self/task")
    names: dict[str, str] = {}
    for task in tasks.iterdir():
        try:
            names[task.name] = (task / "comm").read_text().strip()
        except OSError:
            continue
    return names


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt messages known to be harmless (ui/qtlog.py) do not fail a test; all others do."""
    from ui.qtlog import KNOWN_NOISE

    patterns = [re.escape(prefix) for _category, prefix in KNOWN_NOISE]
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(*patterns))


def _let_qt_clean_up() -> None:
    """Run Qt's deferred deletions (engines own loader threads that end with them)."""
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    before = _threads()
    yield
    import time

    deadline = time.monotonic() + 2.0
    while True:
        leaked = {
            tid: name
            for tid, name in _threads().items()
            if tid not in before and not name.startswith(_SERVICE_THREADS)
        }
        if not leaked or time.monotonic() > deadline:
            break
        _let_qt_clean_up()
        time.sleep(0.02)
    assert not leaked, f"test left threads running: {sorted(leaked.values())}"


@pytest.fixture
def repo() -> Path:
    return REPO
