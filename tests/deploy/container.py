"""A Debian 12 tree booted in systemd-nspawn with systemd as PID 1, for tests/deploy.

This machine and CI's are not booted with systemd: the units' promises (Type=notify,
the watchdog, Restart=, the start limit, OnFailure=, Conflicts=, ExecStop=) only show under
a real service manager. The tree is made by debootstrap, the container is booted without
machined (--register=no --keep-unit) and reached with nsenter through the host pid of its
PID 1 (`machinectl` and `systemctl -M` need machined). Needs root.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tests.deploy.station import run, wait_until

SUITE = "bookworm"  # Debian 12: systemd 252, what a station runs
MIRROR_HOST = "deb.debian.org"
MIRROR = f"http://{MIRROR_HOST}/debian"
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
TOOLS = ("debootstrap", "systemd-nspawn", "nsenter")


def why_no_container() -> str | None:
    """Why this machine cannot run a container at all (a reason to skip), or None. A missing
    tool is no such reason: `make deb-test` installs packaging/test-packages.txt."""
    if os.geteuid() != 0:
        return "needs root (debootstrap, systemd-nspawn)"
    for tool in TOOLS:
        assert shutil.which(tool), f"{tool} is missing: packaging/test-packages.txt has it"
    try:
        with socket.create_connection((MIRROR_HOST, 80), timeout=10):
            pass
    except OSError as error:
        return f"no network to {MIRROR_HOST} for debootstrap: {error}"
    # The host's own /usr on a throwaway root: does the kernel let nspawn make a container?
    probe = run(
        [
            "systemd-nspawn",
            "--quiet",
            "--register=no",
            "--keep-unit",
            "--directory=/",
            "--volatile=yes",
            "--private-network",
            f"--machine=kiosk-probe-{os.getpid()}",
            "/usr/bin/true",
        ],
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        return f"systemd-nspawn cannot start a container here: {probe.stderr.strip()}"
    return None


def package_depends(deb: Path) -> list[str]:
    """The Debian packages a .deb's Depends names (the first of each alternative)."""
    field_value = run(["dpkg-deb", "--field", deb, "Depends"], timeout=60).stdout
    names = []
    for clause in field_value.split(","):
        first = clause.split("|")[0].strip()
        names.append(re.split(r"[\s(:]", first, maxsplit=1)[0])
    return [name for name in names if name]


def debootstrap(tree: Path, include: Iterable[str]) -> None:
    """A minimal Debian 12 in `tree` with systemd, D-Bus and the packages `include` names."""
    packages = ",".join(sorted({"systemd", "dbus", *include}))
    run(
        [
            "debootstrap",
            "--variant=minbase",
            f"--include={packages}",
            SUITE,
            tree,
            MIRROR,
        ],
        timeout=1200,
    )


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


@dataclass
class Container:
    """`tree` booted by systemd-nspawn; `leader` is the host pid of its systemd (PID 1)."""

    tree: Path
    name: str
    log: Path
    process: subprocess.Popen[bytes] | None = None
    leader: int = 0
    _log_file: IO[bytes] | None = field(default=None, repr=False)

    def boot(self, timeout: float = 120) -> None:
        """Start the container and wait until its systemd says the system is running."""
        self._log_file = self.log.open("ab")  # a second boot adds to the first one's
        self.process = subprocess.Popen(
            [
                "systemd-nspawn",
                "--quiet",
                # No machined on a host without systemd: nspawn registers nothing and keeps
                # its own cgroup.
                "--register=no",
                "--keep-unit",
                f"--directory={self.tree}",
                f"--machine={self.name}",
                "--boot",
                "--console=pipe",
                # Loopback only: the kiosk shows its offline state, nothing reaches the host's
                # ports or the network.
                "--private-network",
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        nspawn = self.process.pid
        self.leader = 0

        def systemd_started() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(
                    f"systemd-nspawn exited {self.process.returncode}:\n{self.console()}"
                )
            for child in children(nspawn):
                if comm(child) == "systemd":
                    self.leader = child
                    return True
            return False

        wait_until(systemd_started, 30, "systemd-nspawn started systemd as the container's PID 1")
        deadline = time.monotonic() + timeout
        state = ""
        while time.monotonic() < deadline:
            # Fails ("Failed to connect to bus") until systemd has made its private socket.
            answer = self.run(
                "systemctl", "is-system-running", "--wait", timeout=timeout, check=False
            )
            state = answer.stdout.strip()
            if state in ("running", "degraded"):
                break
            time.sleep(0.5)
        failed = self.run("systemctl", "--failed", "--no-pager", timeout=30, check=False).stdout
        assert state == "running", (
            f"the container's systemd is not running within {timeout} s: {state!r}\n{failed}"
        )

    def run(
        self,
        *argv: str,
        timeout: float = 60,
        check: bool = True,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """`argv` as root in the container (its namespaces, root and PATH, a clean environment)."""
        assert self.leader, "the container is not booted"
        assignments = [f"{name}={value}" for name, value in (env or {}).items()]
        return run(
            [
                "nsenter",
                f"--target={self.leader}",
                "--all",
                "env",
                "-i",
                f"PATH={PATH}",
                "LANG=C.UTF-8",
                *assignments,
                *argv,
            ],
            timeout=timeout,
            check=check,
        )

    def systemctl(self, *args: str, timeout: float = 60) -> str:
        return self.run("systemctl", "--no-pager", *args, timeout=timeout).stdout

    def show(self, unit: str, *properties: str) -> dict[str, str]:
        """`systemctl show -p ...` as a dictionary."""
        out = self.systemctl("show", unit, *(f"--property={name}" for name in properties))
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        missing = set(properties) - set(values)
        assert not missing, f"systemctl show {unit} has no {missing}"
        return values

    def cursor(self) -> str:
        """Where the journal ends now (for `journal(after=...)`)."""
        out = self.run("journalctl", "--lines=1", "--output=json", timeout=60).stdout
        return str(json.loads(out.splitlines()[-1])["__CURSOR"])

    def journal(self, *args: str, after: str | None = None) -> list[dict[str, Any]]:
        """Journal entries as dictionaries (`journalctl -o json ARGS`); MESSAGE always text."""
        command = ["journalctl", "--output=json", "--no-pager", *args]
        if after is not None:
            command.append(f"--after-cursor={after}")
        found = self.run(*command, timeout=120, check=False)
        # journalctl --grep exits 1 when nothing matches.
        assert found.returncode == 0 or (found.returncode == 1 and not found.stdout), found
        entries = []
        for line in found.stdout.splitlines():
            entry = json.loads(line)
            message = entry.get("MESSAGE", "")
            if isinstance(message, list):  # journalctl gives bytes that are not UTF-8 so
                message = bytes(message).decode("utf-8", "replace")
            entry["MESSAGE"] = message or ""
            entries.append(entry)
        return entries

    def console(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def shutdown(self) -> None:
        """Power the container off; SIGTERM, then SIGKILL if it does not stop in time."""
        process = self.process
        if process is None:
            return
        if process.poll() is None and self.leader:
            with contextlib.suppress(subprocess.SubprocessError, AssertionError, OSError):
                self.run("systemctl", "poweroff", "--no-block", timeout=30, check=False)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=60)
        if process.poll() is None:
            # nspawn asks the container's systemd to halt on SIGTERM.
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
        if process.poll() is None:
            # The end of the container's PID 1 ends every process in its namespace.
            for pid in (self.leader, process.pid):
                with contextlib.suppress(ProcessLookupError):
                    if pid:
                        os.kill(pid, signal.SIGKILL)
            process.wait(timeout=30)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        self.process = None
        self.leader = 0
