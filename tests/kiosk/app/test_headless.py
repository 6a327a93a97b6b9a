"""`kiosk demo` on a machine without a display: shown over VNC on loopback (headless.py).

The demo runs as a real process with no display variables; a VNC client (vncdotool) reads
its frames and clicks, as a newcomer's viewer would.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kiosk.app.headless import VirtualDisplayError, missing_packages, virtual_display

KIOSK = [sys.executable, "-m", "kiosk"]
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
TIMEOUT_S = 30.0

needs_xvfb = pytest.mark.skipif(
    bool(missing_packages()), reason="needs Xvfb and x11vnc (make deps installs them as root)"
)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    return env | {"XDG_STATE_HOME": str(tmp_path / "state")} | extra


def test_demo_without_display_or_xvfb_says_what_to_install(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run(
        [*KIOSK, "demo"],
        capture_output=True,
        text=True,
        env=_env(tmp_path, PATH=str(empty)),
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "no display found" in result.stderr
    assert "sudo apt-get install -y xvfb x11vnc" in result.stderr
    assert "kiosk tour" in result.stderr


@needs_xvfb
def test_virtual_display_second_one_takes_the_next_display_and_port(tmp_path: Path) -> None:
    log = tmp_path / "vnc.log"
    with virtual_display(540, 960, log) as first, virtual_display(540, 960, log) as second:
        assert first.display != second.display
        assert 5900 <= first.port < second.port
        for screen in (first, second):
            with socket.create_connection(("127.0.0.1", screen.port), timeout=TIMEOUT_S) as vnc:
                vnc.settimeout(TIMEOUT_S)
                assert vnc.recv(12).startswith(b"RFB ")
    for screen in (first, second):
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", screen.port), timeout=TIMEOUT_S).close()


@needs_xvfb
def test_virtual_display_xvfb_refusing_the_screen_raises_with_the_log(tmp_path: Path) -> None:
    log = tmp_path / "vnc.log"
    too_big = virtual_display(70000, 70000, log)  # more than an X screen may be
    with pytest.raises(VirtualDisplayError, match=r"Xvfb stopped; its messages are in .*vnc\.log"):
        too_big.__enter__()
    assert "Couldn't add screen" in log.read_text(errors="replace")  # Xvfb said why


# --- the demo over VNC ----------------------------------------------------------------------


def _theme_colours(repo: Path) -> dict[str, tuple[int, int, int]]:
    """The everyday (not elder) palette of Theme.qml."""
    theme = (repo / "ui" / "qml" / "Kiosk" / "Theme.qml").read_text(encoding="utf-8")
    found = re.findall(r'property color (\w+): elder \? "#\w+" : "#(\w{6})"', theme)
    return {name: tuple(int(hex_[i : i + 2], 16) for i in (0, 2, 4)) for name, hex_ in found}


@dataclass
class Demo:
    process: subprocess.Popen[str]
    printed: str  # the block it prints on start
    port: int
    helpers: dict[str, int]  # program name -> pid of Xvfb and x11vnc
    started: float
    errors: Path  # its stderr

    def stopped(self) -> str:
        """Why it ended, for an assertion's message: the exit status and stderr's end."""
        said = self.errors.read_text(errors="replace")[-4000:]
        return f"exit status {self.process.returncode}; stderr ends:\n{said}"


def _read_block(process: subprocess.Popen[str], deadline: float) -> tuple[str, int]:
    """What the demo prints on start, up to the staff PIN line, and the port it names."""
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if "staff PIN" in line:
                return

    reader = threading.Thread(target=read, name="demo-stdout")
    reader.start()
    reader.join(max(0.0, deadline - time.monotonic()))
    printed = "".join(lines)
    match = re.search(r"vncviewer localhost:(\d+)", printed)
    if match is None or reader.is_alive():
        process.kill()
        reader.join(10)
        pytest.fail(f"no VNC port and staff PIN printed:\n{printed}")
    return printed, int(match.group(1))


def _children(pid: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            if ppid == pid and name in ("Xvfb", "x11vnc"):
                found[name] = int(entry.name)
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _wait_gone(pids: list[int], timeout_s: float = 10.0) -> list[int]:
    deadline = time.monotonic() + timeout_s
    while (alive := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    started = time.monotonic()
    with (tmp_path / "stderr.log").open("w") as errors:
        process = subprocess.Popen(
            [*KIOSK, "demo"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=_env(tmp_path),
        )
    helpers: dict[str, int] = {}
    try:
        printed, port = _read_block(process, started + TIMEOUT_S)
        helpers = _children(process.pid)
        assert set(helpers) == {"Xvfb", "x11vnc"}, helpers
        yield Demo(process, printed, port, helpers, started, tmp_path / "stderr.log")
    finally:
        for pid in [process.pid, *helpers.values()]:
            if _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        process.wait(10)
        assert process.stdout is not None
        process.stdout.close()


@pytest.fixture(scope="module")
def vnc_client_thread() -> Iterator[None]:
    """vncdotool's client runs Twisted's reactor on a thread; it cannot be started twice in a
    process, so the module starts it once (before its tests count their threads), with the
    one pooled thread that looks up the server's address."""
    from twisted.internet import reactor
    from twisted.internet.threads import blockingCallFromThread, deferToThread

    thread = threading.Thread(
        target=reactor.run,
        kwargs={"installSignalHandlers": False},
        name="Twisted Reactor",
        daemon=True,
    )
    thread.start()
    deadline = time.monotonic() + 10
    while not reactor.running and time.monotonic() < deadline:
        time.sleep(0.01)
    reactor.suggestThreadPoolSize(1)
    blockingCallFromThread(reactor, deferToThread, lambda: None)
    yield
    reactor.callFromThread(reactor.stop)
    thread.join(10)


@contextlib.contextmanager
def _vnc(port: int) -> Iterator[Any]:
    from vncdotool import api

    client = api.connect(f"127.0.0.1::{port}", timeout=10)  # each request's answer: 10 s
    try:
        yield client
    finally:
        client.disconnect()


Colours = dict[str, tuple[int, int, int]]
Run = tuple[str, int, int]  # colour name, first y, length


def _runs(image: Image.Image, colours: Colours) -> list[Run]:
    """Runs of the theme's colours down one column, near the right edge: inside the right
    column of home tiles and inside the consult screen's blocks, clear of their words."""
    x = image.width - image.width // 18

    def name_of(pixel: tuple[int, int, int]) -> str:
        for name, rgb in colours.items():
            if all(abs(a - b) <= 8 for a, b in zip(pixel, rgb, strict=True)):
                return name
        return ""

    runs: list[Run] = []
    for y in range(image.height):
        name = name_of(image.getpixel((x, y)))
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((name, y, 1))
    return [run for run in runs if run[0]]


def _home_tiles(image: Image.Image, colours: Colours) -> list[Run]:
    """The home screen: the featured tile (accent) above two white tiles (进度查询, 咨询),
    each over a fifth of the screen high; [] for any other screen."""
    tall = [run for run in _runs(image, colours) if run[2] > image.height / 5]
    return tall if [run[0] for run in tall] == ["accent", "surface", "surface"] else []


def _consult_blocks(image: Image.Image, colours: Colours) -> list[Run]:
    """The consult screen: white blocks stacked (hotline, station, hours, address, phone)
    and no accent tile; [] for any other screen."""
    runs = _runs(image, colours)
    blocks = [run for run in runs if run[0] == "surface" and run[2] > image.height / 16]
    tiles = [run for run in runs if run[0] == "accent" and run[2] > image.height / 5]
    return blocks if len(blocks) >= 4 and not tiles else []


def _wait_for_screen(
    client: Any, seen: Callable[[Image.Image], list[Run]], what: str, tmp_path: Path
) -> tuple[Image.Image, list[Run]]:
    """Frames as a viewer gets them (after each change) until `seen` finds the screen."""
    client.refreshScreen(incremental=False)
    frame = client.screen.convert("RGB")
    deadline = time.monotonic() + TIMEOUT_S
    while not (found := seen(frame)) and time.monotonic() < deadline:
        try:
            client.refreshScreen(incremental=True)  # answered once something changed
        except TimeoutError:
            break
        frame = client.screen.convert("RGB")
    if not found:
        frame.save(tmp_path / f"not-{what}.png")
        pytest.fail(f"the {what} screen did not show over VNC (last frame: {tmp_path})")
    return frame, found


@needs_xvfb
@pytest.mark.usefixtures("vnc_client_thread")
def test_demo_without_display_serves_home_over_vnc_clicks_reach_it_ctrl_c_stops_it(
    demo: Demo, repo: Path, tmp_path: Path
) -> None:
    colours = {
        name: rgb
        for name, rgb in _theme_colours(repo).items()
        if name in ("accent", "surface", "background")
    }
    assert len(colours) == 3, colours
    port = demo.port
    assert f"127.0.0.1:{port}" in demo.printed
    assert f"ssh -L {port}:localhost:{port} " in demo.printed
    assert "Ctrl+C here stops the demo" in demo.printed
    assert "staff PIN" in demo.printed
    with _vnc(port) as client:
        client.refreshScreen(incremental=False)
        first_frame = time.monotonic() - demo.started
        home, tiles = _wait_for_screen(client, lambda f: _home_tiles(f, colours), "home", tmp_path)
        home_seen = time.monotonic() - demo.started
        print(f"\nkiosk demo start to first VNC frame {first_frame:.2f} s, home {home_seen:.2f} s")
        assert home.size == (540, 960)  # the demo window: the 1080x1920 design at height 960

        # A click on 咨询, the lower white tile of the right column.
        _name, top, height = tiles[2]
        client.mouseMove(home.width * 3 // 4, top + height // 2)
        client.mousePress(1)
        _wait_for_screen(client, lambda f: _consult_blocks(f, colours), "consult", tmp_path)

    demo.process.send_signal(signal.SIGINT)  # Ctrl+C in the demo's terminal
    assert demo.process.wait(TIMEOUT_S) == 0, demo.stopped()
    assert _wait_gone(list(demo.helpers.values())) == []


@needs_xvfb
def test_demo_over_vnc_stops_xvfb_and_x11vnc_on_ctrl_c_while_starting(demo: Demo) -> None:
    demo.process.send_signal(signal.SIGINT)  # the port is printed before the window is up
    # Stopped: cleanly (0), by the KeyboardInterrupt handlers (130), or by SIGINT itself.
    # Seen 2 times in 36 runs on a loaded machine: "kiosk demo: stopped", then an end by
    # SIGINT, likely Python's flag of an unhandled KeyboardInterrupt set in code PySide ran.
    assert demo.process.wait(TIMEOUT_S) in (0, 130, -signal.SIGINT), demo.stopped()
    assert _wait_gone(list(demo.helpers.values())) == []


@needs_xvfb
def test_demo_over_vnc_stops_xvfb_and_x11vnc_when_the_kiosk_crashes(demo: Demo) -> None:
    demo.process.kill()  # SIGKILL: no clean-up code of the kiosk runs
    demo.process.wait(TIMEOUT_S)
    assert _wait_gone(list(demo.helpers.values())) == []


def _outside_address() -> str | None:
    """This machine's address on its network, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@needs_xvfb
def test_demo_over_vnc_refuses_other_hosts(demo: Demo) -> None:
    with socket.create_connection(("127.0.0.1", demo.port), timeout=TIMEOUT_S) as local:
        local.settimeout(TIMEOUT_S)
        assert local.recv(12).startswith(b"RFB ")  # served here
    address = _outside_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address, demo.port), timeout=TIMEOUT_S).close()
