"""Command line and composition root: reads settings, builds services, then starts the UI.

The services are built in one place, `station_services` (see kiosk/app/services.py); the
UI and its workers get them, factories included, and build nothing from paths themselves.

The UI package is imported only inside the commands that show a window, so that
`kiosk config check` and other staff commands start fast and work without Qt's libraries.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import gc
import json
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__, quitsignals
from kiosk.app.logsetup import configure_logging
from kiosk.app.sdnotify import Notifier, watchdog_interval_ms
from kiosk.app.services import ENGAGEMENT_FILE, KNOWLEDGE_FILE, build_services
from kiosk.app.statedir import DEPLOYED_STATE_DIR, station_state_dir
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.versions import VersionedStore
from kiosk.health import OUT_OF_SERVICE_REASONS, OutOfService
from kiosk.privatefiles import private_dir
from kiosk.services import Services
from kiosk.settings import (
    DEFAULT_CONFIG_PATH,
    MetricsSettings,
    Settings,
    SettingsError,
    load_settings,
    reference_markdown,
)
from kiosk.sqlite import OUTBOX_FILE
from kiosk.staffpin import DEMO_PIN, DEMO_PIN_HASH, hash_pin

if TYPE_CHECKING:
    from kiosk.app.devicesetup import DemoDevices
    from kiosk.app.outofservice import OutOfServiceBeacon
    from kiosk.devicechoices import DeviceSetup
    from kiosk.keyfiles import KeyFile
    from kiosk.metrics import KioskMetrics, MetricsServer
    from kiosk.services import Devices

log = logging.getLogger("kiosk")


def _state_dir(production: bool) -> Path:
    """The station's state folder (kiosk/app/statedir.py); the demo's is the user's own."""
    if production:
        return station_state_dir()
    import platformdirs  # the demo's only (some 5 ms of start-up for `kiosk run`)

    return Path(platformdirs.user_state_dir("community-kiosk"))


def _load(path: Path | None) -> Settings:
    """Load settings or stop with every problem on stderr, one per line (exit status 2)."""
    try:
        return load_settings(path)
    except SettingsError as error:
        for line in error.lines():
            print(f"kiosk: settings error: {line}", file=sys.stderr)
        raise SystemExit(2) from None


def _cmd_config_check(args: argparse.Namespace) -> int:
    from kiosk.app.configcheck import check_station

    path = Path(args.file)
    state = Path(args.state) if args.state else _state_dir(production=True)
    report = check_station(
        path,
        state,
        os.environ,
        machine=not args.file_only,
        platform=not args.file_only and not args.offline,
    )
    if report.problems:
        count = len(report.problems)
        print(f"{path}: {count} problem{'s' if count > 1 else ''} to fix")
        for problem in report.problems:
            print(f"  - {problem}")
    else:
        assert report.settings is not None
        station = report.settings.station
        print(f"{path}: OK — {station.display_name('zh_CN')}, terminal {station.terminal_id}")
    for note in report.notes:
        print(f"  note: {note}")
    return 1 if report.problems else 0


def _cmd_enrol(args: argparse.Namespace) -> int:
    """Store the terminal's secret as the district handed it over (a file of 32 bytes or of
    64 hexadecimal characters, or those characters typed) where the kiosk reads it, once the
    platform has accepted a request signed with it (unless --offline)."""
    from kiosk.keyfiles import KeyFileError, fingerprint, locate_keys, parse_secret, store_key

    config = Path(args.config) if args.config else DEFAULT_CONFIG_PATH
    if not config.exists():
        raise SystemExit(
            f"kiosk: there is no station file at {config}: write it first (station.terminal_id "
            "and platform.base_url at least: the secret is proved with them), or name it with "
            "--config FILE; nothing was changed"
        )
    settings = _load(config)
    state = Path(args.state) if args.state else _state_dir(production=True)
    check = "kiosk config check" + "".join(
        part
        for part, given in ((f" {args.config}", args.config), (f" --state {state}", args.state))
        if given
    )
    target = locate_keys(settings.security, state, os.environ).terminal_secret
    try:
        refusal = _enrol_refusal(args, state, target)
        if refusal is not None:
            print(f"kiosk: {refusal[0]}; nothing was changed", file=sys.stderr)
            return refusal[1]
        if args.source:
            with Path(args.source).open("rb") as received:  # a secret is short: read no more
                key = parse_secret(received.read(4096))
        else:
            key = parse_secret(_read_secret_text(), typed=True)
        proved = _prove_enrolment(args, settings, key)
        if proved is None:
            return 1
        owner = state.stat()
        store_key(
            target.path, key, owner=(owner.st_uid, owner.st_gid) if os.geteuid() == 0 else None
        )
    except KeyFileError as error:
        print(f"kiosk: {error}; nothing was changed", file=sys.stderr)
        return 1
    except PermissionError as error:
        if args.source and error.filename == args.source:
            sentence = f"{args.source}: this user may not read it (permission denied)"
        else:
            sentence = _not_allowed_to_write(target.path.parent)
        print(f"kiosk: {sentence}; nothing was changed", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kiosk: {error.filename}: {error.strerror}; nothing was changed", file=sys.stderr)
        return 1
    print(
        f"{target.path}: the terminal's secret is stored (mode 600), fingerprint "
        f"{fingerprint(key)}: the district can confirm it is theirs.\n{proved}\n"
        f"Check the whole station: {check}"
    )
    return 0


def _prove_enrolment(args: argparse.Namespace, settings: Settings, key: bytes) -> str | None:
    """Prove the secret with a signed request before it is stored (unless --offline): the
    sentence saying how it went, or None when the platform refused it or could not be
    reached (said on stderr; nothing is to be stored)."""
    base_url = settings.platform.base_url
    if args.offline or not base_url:
        why = "--offline" if args.offline else "the station file names no platform.base_url"
        return (
            f"Not proved with the platform ({why}): once the station is online, "
            "kiosk config check proves it with a signed request."
        )
    from kiosk.app.platformcheck import prove_platform

    proof = prove_platform(base_url, settings.station.terminal_id, key, "the secret given")
    if proof.proved:
        return f"Proved: {proof.sentence}"
    if not proof.problem:  # the platform could not tell (busy, an older platform)
        return f"Not proved: {proof.sentence}"
    print(
        f"kiosk: {proof.sentence}\nNothing was changed. A station whose network is not up yet "
        "can store the secret unproved with --offline.",
        file=sys.stderr,
    )
    return None


def _enrol_refusal(
    args: argparse.Namespace, state: Path, target: KeyFile
) -> tuple[str, int] | None:
    """Why `kiosk enrol` must not store the secret here (the sentence, the exit status)."""
    if target.provided:
        return (
            f"this terminal's secret comes from the service manager's credentials "
            f"({target.path}); put it in /etc/credstore/{target.path.name} (mode 600) instead",
            2,
        )
    if not state.is_dir():
        return f"there is no state folder {state} (installing the package makes it)", 2
    if not os.access(target.path.parent, os.W_OK | os.X_OK):
        return _not_allowed_to_write(target.path.parent), 1
    exists = target.path.exists() or target.path.is_symlink()
    if args.source and exists and Path(args.source).resolve() == target.path.resolve():
        return (
            f"{args.source} is where the kiosk keeps its secret; give the file the district "
            "sent you from another folder (/root, /tmp)",
            1,
        )
    if exists and not args.replace:
        return (
            f"{target.path} already holds a secret; give --replace to put the new one in its "
            "place (the district must have issued a new one: the old one stops working)",
            1,
        )
    return None


def _not_allowed_to_write(folder: Path) -> str:
    """Why a user other than root cannot enrol here, and what to do."""
    import pwd

    try:
        user = pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        user = str(os.geteuid())
    return (
        f"user {user} may not write in {folder}, where the terminal's secret goes (permission "
        "denied); run the same command as root (put sudo in front of it)"
    )


def _read_secret_text() -> bytes:
    """The secret's characters, typed unseen at a terminal, or read from standard input."""
    if sys.stdin.isatty():
        from getpass import getpass

        typed = getpass("The 64 hexadecimal characters of the secret (not shown): ")
    else:
        typed = sys.stdin.read(4096)
    return typed.encode("ascii", errors="replace")


def _cmd_config_reference(args: argparse.Namespace) -> int:
    print(reference_markdown(), end="")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    quitsignals.catch()  # a Ctrl+C or SIGTERM now waits for the event loop (kiosk/quitsignals.py)
    config = Path(args.config) if args.config else DEFAULT_CONFIG_PATH
    state, settings = prepare_state(_load(config), production=True)
    from kiosk.app.devicesetup import build_devices
    from kiosk.devicechoices import DeviceSetup, with_device_choices
    from ui.main import run_kiosk

    settings = with_device_choices(settings, state)  # what staff chose on the screen
    _log_start(config, settings, state)
    services = station_services(
        settings,
        state,
        build_devices(settings),
        sample_catalog=False,
        device_setup=DeviceSetup(settings, build_devices, state),
    )
    notifier = Notifier.from_environment(os.environ)
    try:
        return run_kiosk(
            settings,
            services,
            fullscreen=True,
            service=notifier,
            watchdog_ms=watchdog_interval_ms(os.environ),
        )
    finally:
        notifier.close()


def _cmd_out_of_service(args: argparse.Namespace) -> int:
    """The out-of-service screen, with the heartbeat that tells the district why.

    It must come up when the kiosk does not: a station file that does not load gives the
    built-in defaults (the hotline 12345, no stations) and a state folder that cannot be
    used gives no log file, each said in the journal, instead of another failure.
    """
    quitsignals.catch()  # a SIGTERM now waits for the event loop (kiosk/quitsignals.py)
    config = Path(args.config) if args.config else DEFAULT_CONFIG_PATH
    try:
        settings = load_settings(config)
        problem = ""
    except SettingsError as error:
        settings, problem = Settings(), f"settings error: {error}; showing the defaults"
    state = _state_dir(production=True)
    try:
        configure_logging(private_dir(state) / "log")
    except OSError as error:
        configure_logging(None)
        log.error("state folder %s unusable, logging to the journal only: %s", state, error)
    if problem:
        log.error("%s", problem)
    out_of_service = OutOfService(args.reason, time.time())
    metrics, metrics_server = _out_of_service_metrics(settings, out_of_service)
    beacon = _out_of_service_beacon(settings, state, out_of_service, metrics)
    notifier = Notifier.from_environment(os.environ)
    from ui.outofservice import run_out_of_service

    if beacon is not None:
        beacon.start()
    try:
        return run_out_of_service(
            settings,
            args.reason,
            service=notifier,
            watchdog_ms=watchdog_interval_ms(os.environ),
        )
    finally:
        if beacon is not None:
            beacon.stop()
        if metrics_server is not None:
            metrics_server.stop()
        notifier.close()


def _out_of_service_metrics(
    settings: Settings, out_of_service: OutOfService
) -> tuple[KioskMetrics | None, MetricsServer | None]:
    """The metrics endpoint of the out-of-service screen (the kiosk's own is down with it):
    `up` stays 1 and kiosk_service_state says why the terminal does not serve."""
    if not settings.metrics.listen:
        return None, None
    from kiosk import __version__
    from kiosk.metrics import KioskMetrics, serve_metrics

    metrics = KioskMetrics(
        version=__version__,
        terminal_id=settings.station.terminal_id,
        station=settings.station,
    )
    metrics.out_of_service(out_of_service)
    return metrics, serve_metrics(metrics.registry, settings.metrics.listen)


def _out_of_service_beacon(
    settings: Settings,
    state: Path,
    out_of_service: OutOfService,
    metrics: KioskMetrics | None = None,
) -> OutOfServiceBeacon | None:
    """The heartbeat of the out-of-service screen, when there is a platform to tell."""
    from kiosk.app.outofservice import OutOfServiceBeacon
    from kiosk.app.services import connect_platform
    from kiosk.district.signing import Credentials
    from kiosk.keyfiles import locate_keys

    if not settings.platform.base_url:
        log.warning(
            "no platform.base_url: the district is not told this terminal is out of service"
        )
        return None
    secret = locate_keys(settings.security, state, os.environ).terminal_secret.path
    credentials = Credentials(settings.station.terminal_id, secret)
    return OutOfServiceBeacon(
        functools.partial(connect_platform, settings.platform.base_url, credentials),
        out_of_service,
        state / OUTBOX_FILE,
        metrics=metrics,
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    quitsignals.catch()  # from here a Ctrl+C waits for the event loop (kiosk/quitsignals.py)
    try:
        return _run_demo(args)
    except KeyboardInterrupt:  # Ctrl+C before the event loop runs; then it ends the loop cleanly
        print("kiosk demo: stopped", file=sys.stderr)
        return 130


def _run_demo(args: argparse.Namespace) -> int:
    config = Path(args.config) if args.config else None
    state, settings = prepare_state(_load(config), production=False)
    with _demo_screen(settings, state) as found:
        if not found:
            return 1
        if not args.config:
            settings = with_demo_pin(settings)
            print(f"kiosk demo: staff PIN {DEMO_PIN} (hold the device lights 3 s)", flush=True)
            # A free port (said in the log): a second demo, or a test, never finds it taken.
            settings = dataclasses.replace(settings, metrics=MetricsSettings("127.0.0.1:0"))
        from kiosk.app.devicesetup import build_devices, start_demo_devices
        from kiosk.devicechoices import DeviceSetup
        from ui.main import run_kiosk

        settings, demo = start_demo_devices(settings, state / "receipts")
        try:
            if sys.stdin.isatty():
                _demo_console(demo)
            with _demo_platform(settings, state) as settings:
                _log_start(config, settings, state)
                # Choices are kept for this run only: the simulators' ports change each start.
                setup = DeviceSetup(settings, build_devices, None, extra=demo.candidates)
                services = station_services(
                    settings,
                    state,
                    build_devices(settings),
                    sample_catalog=True,
                    device_setup=setup,
                )
                return run_kiosk(settings, services, fullscreen=False)
        finally:
            demo.stop()


@contextlib.contextmanager
def _demo_screen(settings: Settings, state: Path) -> Iterator[bool]:
    """Where the demo's window goes: the desktop's display, or, on a machine without one, a
    virtual screen of the window's size served over VNC on loopback (kiosk/app/headless.py).
    False when neither is possible; the message says what to install."""
    import getpass

    from kiosk.app import headless

    if not headless.no_display(os.environ):
        yield True
        return
    missing = headless.missing_packages()
    if missing:
        print(
            "kiosk demo: no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are\n"
            "  unset), and showing the demo over VNC instead needs Xvfb and x11vnc.\n"
            "  Run as root, then try again:\n"
            f"  sudo apt-get install -y {' '.join(missing)}\n"
            "  To look at the screens without a display: kiosk tour --out build/tour",
            file=sys.stderr,
        )
        yield False
        return
    from ui.app import demo_window_size

    size = demo_window_size(settings)  # the screen is as large as the demo's window
    try:
        with headless.virtual_display(size.width(), size.height(), state / "vnc.log") as screen:
            os.environ["DISPLAY"] = screen.display
            os.environ["QT_QPA_PLATFORM"] = "xcb"
            os.environ.setdefault("QT_QUICK_BACKEND", "software")  # no GPU in Xvfb
            port = screen.port
            print(
                "kiosk demo: no display found, so the demo is shown over VNC on this machine\n"
                f"  only (127.0.0.1:{port}, without a password: other machines cannot reach it).\n"
                f"  Here:               vncviewer localhost:{port}\n"
                f"  From your computer: ssh -L {port}:localhost:{port} "
                f"{getpass.getuser()}@{socket.gethostname()}\n"
                f"                      then vncviewer localhost:{port}\n"
                "  Ctrl+C here stops the demo.",
                flush=True,
            )
            yield True
    except headless.VirtualDisplayError as error:
        print(f"kiosk demo: no display found, and the virtual one failed: {error}", file=sys.stderr)
        yield False


def station_services(
    settings: Settings,
    state: Path,
    devices: Devices,
    *,
    sample_catalog: bool,
    device_setup: DeviceSetup | None = None,
) -> Services:
    """The one place the kiosk's services are built: everything in the state folder."""
    return build_services(
        settings,
        CatalogStore(state / "catalog.db"),
        state_dir=state,
        outbox_path=state / OUTBOX_FILE,
        devices=devices,
        sample_catalog=sample_catalog,
        device_setup=device_setup,
    )


def with_demo_pin(settings: Settings) -> Settings:
    """The built-in demo settings open the staff panel with the documented DEMO_PIN."""
    if settings.staff.pin_hash:
        return settings
    staff = dataclasses.replace(settings.staff, pin_hash=DEMO_PIN_HASH)
    return dataclasses.replace(settings, staff=staff)


def _demo_console(demo: DemoDevices) -> None:
    """Lets the developer at the terminal place cards, empty the printer, scan codes."""
    print(demo.HELP, flush=True)

    def read_commands() -> None:
        for line in sys.stdin:
            if line.strip():
                print(demo.command(line), flush=True)

    threading.Thread(target=read_commands, name="demo-console", daemon=True).start()


def _log_start(config: Path | None, settings: Settings, state: Path) -> None:
    """The first lines of a start: what the kiosk runs with, for staff reading the log."""
    log.info(
        "kiosk %s starting: station file %s, terminal %s, platform %s, state %s",
        __version__,
        config or "(built-in demo settings)",
        settings.station.terminal_id,
        settings.platform.base_url or "none",
        state,
    )


def prepare_state(settings: Settings, *, production: bool) -> tuple[Path, Settings]:
    """The state folder (0700, the log inside it), and settings naming the key files.

    Stops with the fix on stderr when a key file is missing or others can read it; on a
    station, a missing terminal secret stops it before anything is created on disk.
    """
    if production:
        _check_terminal_secret(settings, _state_dir(production))
    state = private_dir(_state_dir(production))
    configure_logging(state / "log")
    return state, _with_keys(settings, state, demo=not production)


def _check_terminal_secret(settings: Settings, state: Path) -> None:
    from kiosk.keyfiles import KeyFileError, locate_keys

    try:
        locate_keys(settings.security, state, os.environ).terminal_secret.load(create=False)
    except KeyFileError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def _with_keys(settings: Settings, state: Path, *, demo: bool) -> Settings:
    """Settings naming the key files that exist and are private; stops with the fix if not.

    The demo creates its terminal secret; a station's is issued by the district. The
    outbox and audit keys are created on first start, except in a credentials folder the service
    manager provides (see kiosk/keyfiles.py). The start that creates the audit key is the one
    that may seal an older kiosk's audit trail with it (see kiosk/audit.py).
    """
    from kiosk.keyfiles import KeyFileError, locate_keys

    keys = locate_keys(settings.security, state, os.environ)
    try:
        # The demo makes its own secret, in its own state folder: never at a path the station
        # file names, where the district's secret belongs.
        keys.terminal_secret.load(create=demo and not settings.security.terminal_secret_file)
        keys.outbox_key.load(create=True)
        audit_key_is_new = not keys.audit_key.path.exists()
        audit_key = keys.audit_key.load(create=True)
    except KeyFileError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    if audit_key_is_new:
        _seal_older_audit_trail(state / "audit.db", audit_key)
    security = dataclasses.replace(
        settings.security,
        terminal_secret_file=str(keys.terminal_secret.path),
        outbox_key_file=str(keys.outbox_key.path),
        audit_key_file=str(keys.audit_key.path),
    )
    return dataclasses.replace(settings, security=security)


def _seal_older_audit_trail(path: Path, key: bytes) -> None:
    """The one start allowed to seal a trail an older kiosk wrote: the one that created the
    audit key, so no earlier start could have keyed it (see kiosk/audit.py)."""
    from kiosk.audit import AuditTrail

    try:
        AuditTrail(path, key, seal=True)
    except (OSError, sqlite3.Error) as error:  # the workers that open it report it to staff
        log.error("audit trail %s cannot be opened: %s", path, error)


@contextlib.contextmanager
def _demo_platform(settings: Settings, state: Path) -> Iterator[Settings]:
    """The demo talks to the stand-in, in a process of its own (`kiosk platform-sim`), unless
    the station file names a platform. The stand-in knows this terminal's secret and checks
    every request's signature.

    Its own process keeps its imports (http.server; PyYAML and jsonschema for the contract)
    and its memory out of the kiosk's start-up. The kiosk binds the port and hands the
    listening socket over, so a request made before the stand-in is up waits in the socket's
    queue instead of failing; the stand-in stops when its stdin closes, however the kiosk ends.
    """
    if settings.platform.base_url:
        yield settings
        return
    listener = socket.create_server(("127.0.0.1", 0))
    command = [
        sys.executable, "-m", "kiosk", "platform-sim",
        "--listen-fd", str(listener.fileno()),
        "--db", str(state / "platform-standin.db"),
        "--terminal", settings.station.terminal_id,
        "--secret-file", settings.security.terminal_secret_file,
    ]  # fmt: skip
    with listener, (state / "platform-standin.log").open("ab") as errors:
        standin = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            pass_fds=(listener.fileno(),),
        )
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    # A helper of the demo, like the catalog sync job: the kiosk's start-up comes first.
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, standin.pid, 10)
    log.info("platform stand-in at %s (process %d)", url, standin.pid)
    try:
        platform = dataclasses.replace(settings.platform, base_url=url)
        yield dataclasses.replace(settings, platform=platform)
    finally:
        _stop_standin(standin)


def _stop_standin(standin: subprocess.Popen[bytes]) -> None:
    """Close the stand-in's stdin (its signal to stop) and wait for it, killing it if it hangs."""
    if standin.stdin is not None:
        with contextlib.suppress(OSError):
            standin.stdin.close()
    try:
        standin.wait(timeout=10)
    except subprocess.TimeoutExpired:
        standin.kill()
        standin.wait(timeout=10)


def _cmd_platform_sim(args: argparse.Namespace) -> int:
    from kiosk.catalog.sample import sample_document
    from kiosk.engagement.sample import sample_document as sample_engagement
    from kiosk.knowledge.sample import sample_document as sample_knowledge
    from kiosk.standin.server import StandIn

    configure_logging(None)
    terminals = None
    if args.secret_file:
        from kiosk.keyfiles import KeyFileError, load_key

        try:
            terminals = {args.terminal: load_key(Path(args.secret_file), create=False)}
        except KeyFileError as error:
            print(f"kiosk: {error}", file=sys.stderr)
            return 2
    db = Path(args.db) if args.db else None
    listener = None if args.listen_fd is None else socket.socket(fileno=args.listen_fd)
    try:
        standin = StandIn(port=args.port, db=db, terminals=terminals, listener=listener)
    except OSError as error:
        print(
            f"kiosk: cannot serve on 127.0.0.1:{args.port} ({error.strerror}); is another "
            "stand-in or program using it? Choose another port with --port",
            file=sys.stderr,
        )
        return 2
    published = {}
    for name, given, sample in (
        ("catalog", args.catalog, sample_document),
        ("knowledge base", args.knowledge, sample_knowledge),
        ("announcements and surveys", args.engagement, sample_engagement),
    ):
        try:
            published[name] = json.loads(Path(given).read_text("utf-8")) if given else sample()
        except (OSError, ValueError) as error:
            print(f"kiosk: cannot read {name} {given}: {error}", file=sys.stderr)
            return 2
    standin.state.set_catalog(published["catalog"])
    standin.state.set_knowledge(published["knowledge base"])
    standin.state.set_engagement(published["announcements and surveys"])
    checking = f"checking signatures of {args.terminal}" if terminals else "not checking signatures"
    print(f"platform stand-in at {standin.url}, {checking} (Ctrl+C stops it)", flush=True)
    standin.start()
    try:
        if listener is not None:
            sys.stdin.buffer.read()  # until the process that started this one closes it
        else:
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        standin.stop()
    return 0


def _cmd_logs(args: argparse.Namespace) -> int:
    from kiosk.app.journal import show_logs

    return show_logs(args, _state_dir(production=True))


def _cmd_tour(args: argparse.Namespace) -> int:
    settings = _load(Path(args.config) if args.config else None)
    configure_logging(None, logging.WARNING)
    from ui.tour import run_tour

    return run_tour(settings, Path(args.out))


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    from kiosk.audit import AuditTrail
    from kiosk.keyfiles import KeyFile, KeyFileError, locate_keys
    from kiosk.settings import SecuritySettings

    path = Path(args.db) if args.db else _state_dir(production=not args.demo) / "audit.db"
    if not path.exists():
        print(f"kiosk: no audit trail at {path}", file=sys.stderr)
        return 2
    if args.key:
        key_file = KeyFile(Path(args.key), provided=False)
    else:
        key_file = locate_keys(SecuritySettings(), path.parent, os.environ).audit_key
    try:
        if not key_file.provided and not (key_file.path.exists() or key_file.path.is_symlink()):
            raise KeyFileError(
                f"no audit key at {key_file.path} (the kiosk keeps it beside its audit trail); "
                "give the key this trail was written with: --key FILE"
            )
        key = key_file.load(create=False)
    except KeyFileError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 2
    try:
        trail = AuditTrail(path, key, check_only=True)
        keyed = trail.keyed()
        rows, broken = trail.verify() if keyed else (0, None)
        note = trail.sealing_note()
    except sqlite3.DatabaseError as error:
        print(f"kiosk: {path} is not an audit trail ({error})", file=sys.stderr)
        return 2
    if not keyed:
        print(
            f"{path}: not keyed: written by an older kiosk (or made to look so), and the kiosk "
            "keys such a trail only in the start that creates its audit key, so its rows "
            "prove nothing; keep the file for the district and move it away to start a new trail"
        )
        return 1
    if note:
        print(f"{path}: keyed by this version after an older one: {note}")
    if broken is None:
        print(f"{path}: {rows} rows, chain intact")
        return 0
    print(
        f"{path}: chain broken at row {broken}: it or the row before it was changed or "
        f"removed (or {key_file.path} is not the key this trail was written with)"
    )
    return 1


def _cmd_staff_set_pin(args: argparse.Namespace) -> int:
    """Ask for the new PIN twice (not echoed) and put its hash into the station file."""
    from kiosk.staffpin import MAX_DIGITS, MIN_DIGITS, WeakPinError
    from kiosk.stationfile import StationFileError, set_key

    try:
        pin = _ask_unseen(f"New staff PIN ({MIN_DIGITS}-{MAX_DIGITS} digits, not shown): ")
        again = _ask_unseen("The same PIN again: ")
    except EOFError:
        print("kiosk: no PIN given (the input ended); nothing was changed", file=sys.stderr)
        return 1
    if again != pin:
        print("kiosk: the two PINs differ; nothing was changed", file=sys.stderr)
        return 1
    try:
        pin_hash = hash_pin(pin)
    except WeakPinError as error:
        print(f"kiosk: {error}; nothing was changed", file=sys.stderr)
        return 1
    line = f'[staff]\npin_hash = "{pin_hash}"'
    if args.print:
        print(line)
        return 0
    path = Path(args.config) if args.config else DEFAULT_CONFIG_PATH
    try:
        previous = set_key(path, "staff", "pin_hash", pin_hash)
    except StationFileError as error:
        print(
            f"kiosk: {error}\nNothing was changed. Put these lines in the file by hand:",
            file=sys.stderr,
        )
        print(line)
        return 2
    kept = f" (the previous file is kept as {previous})" if previous else ""
    print(f"{path}: staff PIN set{kept}. Restart the kiosk to use it.")
    return 0


def _ask_unseen(prompt: str) -> str:
    """A line typed unseen at a terminal, or the next line of standard input (a script)."""
    if sys.stdin.isatty():
        from getpass import getpass

        return getpass(prompt)
    line = sys.stdin.readline(1024)
    if not line:
        raise EOFError
    return line.strip()


def _cmd_catalog_status(args: argparse.Namespace) -> int:
    path = _state_dir(production=not args.demo) / "catalog.db"
    if not path.exists():  # a status command creates nothing
        print(f"no catalog stored yet ({path} does not exist; the kiosk makes it when it starts)")
        return 0
    store = CatalogStore(path)
    if not store.versions():
        print("no catalog stored yet")
    _print_versions(store, args.history)
    misses = store.search_misses()[:10]
    if misses:
        print("searches that found nothing: " + ", ".join(f"{t} ×{n}" for t, n in misses))
    knowledge = path.with_name(KNOWLEDGE_FILE)
    if knowledge.exists():
        from kiosk.knowledge.store import KnowledgeStore

        print("hotline knowledge base:")
        _print_versions(KnowledgeStore(knowledge), args.history)
    engagement = path.with_name(ENGAGEMENT_FILE)
    if engagement.exists():
        from kiosk.engagement.store import EngagementStore

        print("announcements and surveys:")
        _print_versions(EngagementStore(engagement), args.history)
    return 0


def _print_versions(store: VersionedStore, history: int) -> None:
    """The versions a store keeps and its last syncs, with the problems of a refused one."""
    for version, active in store.versions():
        print(f"{'active' if active else 'previous'}: {version}")
    for at, status, detail, problems in store.sync_history(history):
        print(f"{at}  {status:<11} {detail}")
        for problem in problems.splitlines()[:20]:
            print(f"    {problem}")


def _add_out_of_service_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    out = commands.add_parser(
        "out-of-service",
        help="the out-of-service screen (hotline, nearby stations), telling the district why",
    )
    out.add_argument(
        "--reason",
        required=True,
        choices=OUT_OF_SERVICE_REASONS,
        help="why: crash-loop (the kiosk failed to start again and again)",
    )
    out.add_argument("--config", help=f"station settings file (default {DEFAULT_CONFIG_PATH})")
    out.set_defaults(handler=_cmd_out_of_service)


def _add_station_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """`kiosk enrol` and `kiosk config …`: setting up a station."""
    enrol = commands.add_parser(
        "enrol",
        help="store the terminal's secret issued by the district",
        description="Stores the terminal's signing secret where `kiosk run` reads it, "
        "readable by the kiosk alone (mode 600, owned like the state folder), once the "
        "platform has accepted a request signed with it (unless --offline). Give the file "
        "the district handed over (32 bytes, or 64 hexadecimal characters), or type the "
        "characters when asked: never on the command line, where the shell history keeps them. "
        "Exit status 0: stored; 1: not stored (refused here or by the platform, or the "
        "platform not reachable).",
    )
    enrol.add_argument("--from", dest="source", metavar="FILE", help="the secret as received")
    enrol.add_argument("--replace", action="store_true", help="replace a secret already there")
    enrol.add_argument(
        "--offline",
        action="store_true",
        help="store the secret without proving it with the platform (a station whose network "
        "is not up yet); kiosk config check proves it later",
    )
    enrol.add_argument("--config", help=f"station settings file (default {DEFAULT_CONFIG_PATH})")
    enrol.add_argument("--state", help=f"the kiosk's state folder (default {DEPLOYED_STATE_DIR})")
    enrol.set_defaults(handler=_cmd_enrol)

    config = commands.add_parser("config", help="station settings")
    config_commands = config.add_subparsers(dest="config_command", required=True)
    check = config_commands.add_parser(
        "check",
        help="check a station file and what it names on this machine",
        description="Checks every key of the station file, then what `kiosk run` would meet "
        "on this machine: the key files (present, the kiosk user's own, mode 600, 32 bytes), "
        "the device ports, and the platform (reachable, and accepting a request signed with "
        "the terminal's secret; a few seconds at most). Lists every problem with its fix; "
        "creates and changes nothing on this machine or on the platform. "
        "Exit status 0: ready; 1: problems to fix.",
    )
    check.add_argument(
        "file", nargs="?", default=str(DEFAULT_CONFIG_PATH), help="default: %(default)s"
    )
    check.add_argument("--state", help=f"the kiosk's state folder (default {DEPLOYED_STATE_DIR})")
    check.add_argument(
        "--file-only",
        action="store_true",
        help="check the file alone, not this machine's key files, ports and platform",
    )
    check.add_argument(
        "--offline",
        action="store_true",
        help="do not contact the platform (by default one signed request proves the "
        "address, the terminal id and the secret)",
    )
    check.set_defaults(handler=_cmd_config_check)
    reference = config_commands.add_parser("reference", help="print the reference of every key")
    reference.set_defaults(handler=_cmd_config_reference)


def _add_window_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="the kiosk on a station terminal (full screen)")
    run.add_argument("--config", help=f"station settings file (default {DEFAULT_CONFIG_PATH})")
    run.set_defaults(handler=_cmd_run)

    _add_out_of_service_command(commands)

    demo = commands.add_parser("demo", help="the kiosk in a window, with simulated devices")
    demo.add_argument("--config", help="station settings file (default: built-in demo)")
    demo.set_defaults(handler=_cmd_demo)

    tour = commands.add_parser("tour", help="render every screen to PNG files, headless")
    tour.add_argument("--out", required=True, help="folder for the screenshots")
    tour.add_argument("--config", help="station settings file (default: built-in demo)")
    tour.set_defaults(handler=_cmd_tour)


def _add_staff_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sim = commands.add_parser("platform-sim", help="the district platform stand-in on its own")
    sim.add_argument("--port", type=int, default=8780, help="port on 127.0.0.1 (default 8780)")
    sim.add_argument("--catalog", help="serve this catalog JSON file (default: the sample)")
    sim.add_argument(
        "--knowledge", help="serve this hotline knowledge base JSON file (default: the sample)"
    )
    sim.add_argument(
        "--engagement",
        help="serve this announcements and surveys JSON file (default: the sample)",
    )
    sim.add_argument("--db", help="keep the platform's records in this SQLite file")
    sim.add_argument("--terminal", default="XC-DEMO-0001", help="terminal id to accept")
    sim.add_argument("--secret-file", help="that terminal's secret; without it, no checks")
    sim.add_argument(
        "--listen-fd",
        type=int,
        help="serve on this inherited listening socket instead of --port, and stop when stdin "
        "closes (how `kiosk demo` runs it)",
    )
    sim.set_defaults(handler=_cmd_platform_sim)

    from kiosk.app.devicecli import add_commands as add_device_commands

    add_device_commands(commands)

    catalog = commands.add_parser("catalog", help="the service-item catalog (staff)")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", required=True)
    status = catalog_commands.add_parser("status", help="versions, recent syncs and problems")
    status.add_argument("--demo", action="store_true", help="the demo's catalog, not /var/lib")
    status.add_argument("--history", type=int, default=10, help="how many syncs to list")
    status.set_defaults(handler=_cmd_catalog_status)

    audit = commands.add_parser("audit", help="the audit trail (办事留痕)")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="check the keyed chain of the audit trail")
    verify.add_argument("--db", help="audit database (default: the station's, or --demo)")
    verify.add_argument(
        "--key",
        help="the audit key (default: audit.key in $CREDENTIALS_DIRECTORY, else beside --db)",
    )
    verify.add_argument("--demo", action="store_true", help="the demo's audit trail")
    verify.set_defaults(handler=_cmd_audit_verify)

    staff = commands.add_parser("staff", help="staff mode (the PIN of the staff panel)")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    set_pin = staff_commands.add_parser(
        "set-pin", help="set the staff PIN: its hash goes into the station file"
    )
    set_pin.add_argument("--config", help=f"station settings file (default {DEFAULT_CONFIG_PATH})")
    set_pin.add_argument(
        "--print", action="store_true", help="print the lines for the file instead of editing it"
    )
    set_pin.set_defaults(handler=_cmd_staff_set_pin)

    from kiosk.app.journal import add_command as add_logs_command

    add_logs_command(commands).set_defaults(handler=_cmd_logs)

    _add_station_commands(commands)


# The commands that show a window: their start-up is timed to the first frame (`make bench`).
WINDOW_COMMANDS = frozenset({"run", "out-of-service", "demo", "tour"})


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `command` one of WINDOW_COMMANDS, a parser of the
    window commands alone (`kiosk demo --help` reads the same): the staff commands' parsers
    and their modules are not built each time the kiosk starts."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Community government-service self-service kiosk."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_window_commands(commands)
    if command not in WINDOW_COMMANDS:
        _add_staff_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # one line of defence; files and folders are also made private one by one
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    if args.command not in ("run", "demo"):
        gc.enable()  # paused for the start-up (kiosk/app/entry.py); run and demo: ui/main.py
    try:
        result: int = args.handler(args)
    except KeyboardInterrupt:  # Ctrl+C at a prompt or a wait: no traceback, nothing half-done
        print("\nkiosk: stopped", file=sys.stderr)
        return 130
    return result
