"""A station on this machine: build, install and run the Debian package as systemd would.

Used by tests/deploy (`make deb-test`) and tests/benchmarks/test_bench_deploy.py. Needs
root (dpkg, and running the kiosk as user kiosk); cage refuses root, so cage runs as kiosk.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "community-kiosk"
UNIT_DIR = Path("/lib/systemd/system")
UNIT = UNIT_DIR / "community-kiosk.service"
PREFIX = Path("/opt/community-kiosk")
STATE = Path("/var/lib/kiosk")
ETC = Path("/etc/kiosk")
FIRST_FRAME = "first frame rendered"
# What systemd puts in a service's environment besides the unit's Environment= (PATH is
# its default; HOME, USER, LOGNAME, SHELL come from User=).
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
HEADLESS_CAGE = {
    "WLR_BACKENDS": "headless",
    "WLR_RENDERER": "pixman",
    "WLR_LIBINPUT_NO_DEVICES": "1",
    # Two 1280x720 outputs side by side, the kiosk full screen across both (2560x720).
    # With one, cage 0.1.4 (wlroots 0.15) tries to scan a buffer that covers the whole
    # output out directly, which the headless backend refuses ("Basic output test failed"):
    # the screen keeps the kiosk's first, not yet full-screen frame.
    "WLR_HEADLESS_OUTPUTS": "2",
}


def missing_tools() -> str | None:
    """Why this machine cannot run the package tests, or None."""
    if os.geteuid() != 0:
        return "needs root (dpkg -i, and running the kiosk as user kiosk)"
    for tool in ("dpkg-deb", "cage", "grim", "git"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


def run(
    command: Sequence[str | Path],
    *,
    timeout: float,
    check: bool = True,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    user: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run to the end within `timeout`; on failure the exception shows both outputs."""
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
        cwd=cwd,
        user=user,
        group=user,
        extra_groups=_groups(user) if user else None,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{shlex.join(map(str, command))} exited {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result


def _groups(user: str) -> list[str]:
    out = subprocess.run(
        ["id", "-Gn", user], capture_output=True, text=True, timeout=10, check=True
    )
    return out.stdout.split()


def clone_head(into: Path) -> Path:
    """A clean clone of this repository's HEAD (what is committed, nothing else)."""
    head = run(["git", "-C", REPO, "rev-parse", "HEAD"], timeout=30).stdout.strip()
    clone = into / "clone"
    run(["git", "clone", "--quiet", "--no-checkout", REPO, clone], timeout=120)
    run(["git", "-C", clone, "checkout", "--quiet", head], timeout=60)
    return clone


def build(checkout: Path, version: str | None = None) -> Path:
    """`make deb` in `checkout`; the path of the .deb."""
    command = ["make", "--no-print-directory", "deb"]
    if version:
        command.append(f"VERSION={version}")
    run(command, cwd=checkout, timeout=1200)
    if version is None:
        version = project_version(checkout)
    deb = checkout / "build" / f"{PACKAGE}_{version}_amd64.deb"
    assert deb.is_file(), f"make deb did not write {deb}"
    return deb


def project_version(checkout: Path) -> str:
    import tomllib

    with (checkout / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def install(deb: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """dpkg -i; missing Debian dependencies are then installed by apt-get install -f."""
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive") | (env or {})
    result = run(["dpkg", "-i", deb], timeout=600, check=False, env=environment)
    if result.returncode != 0:
        run(["apt-get", "install", "-f", "-y", "-q"], timeout=900, env=environment)
    assert installed_version() is not None, result.stdout + result.stderr
    return result


def installed_version() -> str | None:
    result = run(["dpkg-query", "-W", "-f=${Status} ${Version}", PACKAGE], timeout=30, check=False)
    if result.returncode != 0 or not result.stdout.startswith("install ok installed"):
        return None
    return result.stdout.split()[-1]


def purge(*, purge_state: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if purge_state:
        env["KIOSK_PURGE_STATE"] = "yes"
    return run(["dpkg", "--purge", PACKAGE], timeout=600, env=env)


def remove_everything() -> None:
    """Leave the machine as before the tests, whatever state they left it in."""
    with contextlib.suppress(subprocess.SubprocessError, AssertionError, OSError):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive", KIOSK_PURGE_STATE="yes")
        run(["dpkg", "--purge", PACKAGE], timeout=600, env=env, check=False)
    shutil.rmtree(STATE, ignore_errors=True)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Check `condition` every 0.2 s until it holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.2)


@dataclass(frozen=True)
class ServiceCommand:
    """What systemd runs for a unit: its ExecStart, Environment, User, WorkingDirectory."""

    argv: list[str]
    environment: dict[str, str]
    user: str
    working_directory: str


def service_command(unit: Path = UNIT) -> ServiceCommand:
    """Read the [Service] section the way systemd does for these keys: the last ExecStart,
    User, WorkingDirectory wins; every Environment= line adds its assignments."""
    values: dict[str, str] = {}
    environment: dict[str, str] = {}
    section = ""
    for raw in unit.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith(("#", ";")):
            key, _, value = line.partition("=")
            if key == "Environment":
                for assignment in shlex.split(value):
                    name, _, setting = assignment.partition("=")
                    environment[name] = setting
            else:
                values[key] = value
    return ServiceCommand(
        argv=shlex.split(values["ExecStart"]),
        environment=environment,
        user=values["User"],
        working_directory=values.get("WorkingDirectory", "/"),
    )


@dataclass
class Cage:
    """One headless cage, its child and what they wrote on stderr."""

    process: subprocess.Popen[str]
    runtime_dir: Path
    started: float
    lines: list[tuple[float, str]] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, text: str, timeout: float) -> float:
        """Seconds from start until a stderr line contained `text`; fails after `timeout`."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for at, line in self.lines:
                    if text in line:
                        return at - self.started
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    raise AssertionError(
                        f"no {text!r} within {timeout} s (exit status {self.process.poll()});"
                        f" stderr:\n{self.output()}"
                    )
                self.changed.wait(min(remaining, 0.5))

    def output(self) -> str:
        with self.changed:
            return "\n".join(line for _, line in self.lines)

    def screenshot(self, path: Path) -> Path:
        sockets = sorted(
            p.name for p in self.runtime_dir.glob("wayland-*") if not p.name.endswith(".lock")
        )
        assert sockets, f"cage made no wayland socket in {self.runtime_dir}"
        env = {"PATH": SYSTEMD_PATH, "XDG_RUNTIME_DIR": str(self.runtime_dir)}
        run(["grim", path], env=env | {"WAYLAND_DISPLAY": sockets[0]}, timeout=30)
        return path

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self.changed:
                self.lines.append((time.monotonic(), line.rstrip("\n")))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)


@contextlib.contextmanager
def headless_cage(
    command: ServiceCommand, runtime_parent: Path, extra_env: dict[str, str] | None = None
) -> Iterator[Cage]:
    """Run `command` as systemd would, with cage's headless backend and a fresh 0700
    XDG_RUNTIME_DIR owned by the unit's user; stops cage and its child on the way out."""
    account = pwd.getpwnam(command.user)
    runtime_dir = runtime_parent / f"xdg-{time.monotonic_ns()}"
    runtime_dir.mkdir(mode=0o700)
    os.chown(runtime_dir, account.pw_uid, account.pw_gid)
    env = {
        "PATH": SYSTEMD_PATH,
        "HOME": account.pw_dir,
        "USER": command.user,
        "LOGNAME": command.user,
        "SHELL": account.pw_shell,
        "LANG": "C.UTF-8",
    }
    env |= command.environment
    env |= HEADLESS_CAGE
    env["XDG_RUNTIME_DIR"] = str(runtime_dir)
    env |= extra_env or {}
    started = time.monotonic()
    process = subprocess.Popen(
        command.argv,
        env=env,
        cwd=command.working_directory,
        user=command.user,
        group=command.user,
        extra_groups=_groups(command.user),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    cage = Cage(process, runtime_dir, started)
    reader = threading.Thread(target=cage._read, name="cage-stderr", daemon=True)
    reader.start()
    try:
        yield cage
    finally:
        cage.stop()
        reader.join(timeout=10)
        if process.stderr is not None:
            process.stderr.close()
        shutil.rmtree(runtime_dir, ignore_errors=True)
