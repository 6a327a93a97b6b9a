"""A virtual screen for `kiosk demo` on a machine without one, shown over VNC on loopback.

Xvfb draws the kiosk's X11 window in memory; x11vnc serves that screen on 127.0.0.1 (and
::1) only, without a password: only this machine reaches it, another one through an SSH
tunnel. Qt's own VNC platform is not used: it listens on every interface with no password
and cannot be told to listen on loopback, so anyone on the LAN could drive the demo.

Both programs are started in sessions of their own (Ctrl+C in the terminal reaches the
kiosk, which then stops them in order) and are told by the kernel to end when the kiosk's
process does, should it crash before it can stop them.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

# The Debian package that provides each program.
PROGRAMS = {"Xvfb": "xvfb", "x11vnc": "x11vnc"}
FIRST_PORT = 5900
START_TIMEOUT_S = 15.0
_PR_SET_PDEATHSIG = 1


class VirtualDisplayError(Exception):
    """The virtual screen could not be started; the message says why."""


@dataclass(frozen=True)
class VirtualDisplay:
    """The X display `kiosk demo` started on a machine without one, and its VNC port."""

    display: str  # the X display for DISPLAY, e.g. ":0"
    port: int  # the VNC port on 127.0.0.1 and ::1


def no_display(environ: Mapping[str, str]) -> bool:
    """True when nothing tells Qt where to show a window."""
    return not any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def missing_packages() -> list[str]:
    """The Debian packages to install before the demo can be served over VNC."""
    return [package for program, package in PROGRAMS.items() if shutil.which(program) is None]


@contextlib.contextmanager
def virtual_display(
    width: int, height: int, log_path: Path, *, timeout_s: float = START_TIMEOUT_S
) -> Iterator[VirtualDisplay]:
    """Xvfb with one screen of width x height, and x11vnc serving it on loopback.

    Returns once both are ready (the X server has told its display number, x11vnc its
    port); stops both on leaving, whatever the reason. Their messages go to `log_path`.
    """
    deadline = time.monotonic() + timeout_s
    die_with_us = _die_with_parent_hook()
    with log_path.open("ab") as log, contextlib.ExitStack() as running:
        read_end, write_end = os.pipe()
        command = [
            "Xvfb", "-displayfd", str(write_end),
            "-screen", "0", f"{width}x{height}x24",
            "-nolisten", "tcp",
        ]  # fmt: skip
        with open(read_end, "rb", buffering=0) as numbers:
            try:
                xvfb = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                    pass_fds=(write_end,),
                    start_new_session=True,
                    preexec_fn=die_with_us,  # noqa: PLW1509  (called before any thread starts)
                )
            finally:
                os.close(write_end)
            running.callback(_stop, xvfb)
            # Xvfb writes its display number once it accepts clients.
            number = _read_line(numbers, deadline)
        if not number.isdigit():
            raise VirtualDisplayError(_failed("Xvfb", xvfb, log_path))
        display = f":{number}"

        command = [
            "x11vnc", "-display", display,
            "-localhost", "-nopw", "-forever", "-shared",
            "-autoport", str(FIRST_PORT),
        ]  # fmt: skip
        vnc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            start_new_session=True,
            preexec_fn=die_with_us,  # noqa: PLW1509
        )
        running.callback(_stop, vnc)
        assert vnc.stdout is not None
        # x11vnc prints PORT=5900 once it listens.
        announced = _read_line(vnc.stdout, deadline)
        if not announced.startswith("PORT="):
            raise VirtualDisplayError(_failed("x11vnc", vnc, log_path))
        yield VirtualDisplay(display, int(announced.removeprefix("PORT=")))


def _read_line(stream: IO[bytes], deadline: float) -> str:
    """One line from a child's pipe, or what came before the deadline or its end."""
    data = b""
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                break
            chunk = os.read(stream.fileno(), 256)
            if not chunk:
                break
            data += chunk
    return data.split(b"\n", 1)[0].decode("ascii", "replace").strip()


def _failed(program: str, process: subprocess.Popen[bytes], log_path: Path) -> str:
    try:
        process.wait(timeout=1)  # closed its pipe in exiting, or is still starting
        state = "stopped"
    except subprocess.TimeoutExpired:
        state = "did not start in time"
    return f"{program} {state}; its messages are in {log_path}"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.stdout is not None:
        process.stdout.close()
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _die_with_parent_hook() -> Callable[[], None]:
    """Run in the child before exec: the kernel sends it SIGTERM when this process ends."""
    import ctypes  # only when the demo starts Xvfb: not in every start-up

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent ended before prctl took effect
            os._exit(1)

    return hook
