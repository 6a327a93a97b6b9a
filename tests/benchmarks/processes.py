"""Starting a Qt process and timing it to its first rendered frame."""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KIOSK_DEMO = [sys.executable, "-m", "kiosk", "demo"]
BARE_WINDOW = [sys.executable, str(REPO / "tests" / "benchmarks" / "bare_window.py")]


def qt_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    env["PYTHONPATH"] = str(REPO)
    return env


class FirstFrameTimeoutError(RuntimeError):
    pass


def start_until_first_frame(
    command: list[str], timeout_s: float = 60.0
) -> tuple[subprocess.Popen[bytes], float]:
    """Spawn `command`; return the process and seconds from spawn to its first frame."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=qt_env(), cwd=REPO
    )
    assert process.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    buffer = b""
    deadline = started + timeout_s
    while time.perf_counter() < deadline:
        if not selector.select(timeout=max(0.0, deadline - time.perf_counter())):
            continue
        chunk = os.read(process.stderr.fileno(), 65536)
        if not chunk:
            break
        buffer += chunk
        if b"first frame rendered" in buffer:
            return process, time.perf_counter() - started
    stop(process)
    raise FirstFrameTimeoutError(buffer.decode(errors="replace")[-2000:])


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    if process.stderr is not None:
        process.stderr.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class PlatformProcess:
    """`kiosk platform-sim` in its own process, as the real platform is elsewhere; serving
    these catalog, knowledge-base and announcements files (None: the samples). With
    `terminal` (its id and secret file) it checks that terminal's signatures; with `db` it
    keeps what it receives in that SQLite file."""

    def __init__(
        self,
        port: int,
        catalog: Path | None,
        knowledge: Path | None = None,
        engagement: Path | None = None,
        *,
        terminal: tuple[str, Path] | None = None,
        db: Path | None = None,
    ) -> None:
        command = [sys.executable, "-m", "kiosk", "platform-sim", "--port", str(port)]
        if catalog is not None:
            command += ["--catalog", str(catalog)]
        if knowledge is not None:
            command += ["--knowledge", str(knowledge)]
        if engagement is not None:
            command += ["--engagement", str(engagement)]
        if terminal is not None:
            command += ["--terminal", terminal[0], "--secret-file", str(terminal[1])]
        if db is not None:
            command += ["--db", str(db)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.process.stdout.readline()  # "platform stand-in at …": it is listening

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
