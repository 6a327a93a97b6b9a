"""`kiosk config check`: every problem `kiosk run` would meet, found before it starts.

The station file first (every key, not only the first problem), then what the file points
at on this machine: the key files (present, the kiosk user's own, mode 600, the right
size) and the device ports (present). It creates nothing and changes nothing: a missing
outbox or audit key is one `kiosk run` creates, so it is said, not made.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.keyfiles import (
    HEX_DIGITS,
    KEY_BYTES,
    KeyFile,
    KeyFileError,
    locate_keys,
    missing_credential,
    not_hexadecimal,
    readable_by_others,
)
from kiosk.settings import Settings, SettingsError, StationSettings, load_settings

SAMPLE_MARK = "示例"  # what config/kiosk.example.toml marks its sample entries with


@dataclass
class Report:
    """What the check found: problems (the kiosk would refuse, or a device would not work)
    and notes (worth knowing, nothing to fix)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    settings: Settings | None = None


def check_station(
    path: Path,
    state: Path,
    environ: Mapping[str, str],
    *,
    machine: bool,
    platform: bool = False,
) -> Report:
    """Check the station file at `path`; with `machine`, also the key files (in `state` or
    where the file or the service manager puts them) and the device ports it names; with
    `platform` too, the platform's answer to a request signed with the terminal's secret."""
    report = Report()
    settings: Settings | None
    wrong: set[str] = set()  # keys already reported: their value here is the default
    try:
        settings = report.settings = load_settings(path)
    except SettingsError as error:
        wrong = {problem.key for problem in error.problems if problem.key}
        report.problems += [
            f"{problem.key}: {problem.reason}" if problem.key else problem.reason
            for problem in error.problems
        ]
        settings = error.settings  # the keys that were right, defaults elsewhere
    if settings is None:  # not readable as a station file at all
        if not path.exists():
            report.problems = [
                f"there is no station file at {path}: installing the package creates it "
                "(from /usr/share/community-kiosk/kiosk.example.toml); in the project, start "
                "from config/kiosk.example.toml"
            ]
        return report
    if machine:
        _check_station_ready(report, settings, wrong)
        _check_keys(report, settings, state, environ)
        settings, chosen = _with_device_choices(report, settings, state)
        _check_ports(report, settings, chosen)
        if platform:
            _check_platform(report, settings, state, environ)
    return report


def _check_platform(
    report: Report, settings: Settings, state: Path, environ: Mapping[str, str]
) -> None:
    """Prove address, terminal id and secret with one signed request that changes nothing."""
    if not settings.platform.base_url:
        return  # said above: platform.base_url is empty
    secret = locate_keys(settings.security, state, environ).terminal_secret
    try:
        key = secret.load(create=False)
    except (KeyFileError, OSError):
        report.notes.append(
            "the platform was not asked: the terminal's secret is not usable (see above)"
        )
        return
    from kiosk.app.platformcheck import prove_platform

    proof = prove_platform(
        settings.platform.base_url,
        settings.station.terminal_id,
        key,
        f"the secret in {secret.path}",
    )
    (report.problems if proof.problem else report.notes).append(proof.sentence)


def _check_station_ready(report: Report, settings: Settings, wrong: set[str]) -> None:
    """What a valid file may still lack to serve residents on a station (not said of the
    keys in `wrong`, whose problem is already reported)."""
    demo_id = settings.station.terminal_id == StationSettings().terminal_id
    if demo_id and "station.terminal_id" not in wrong:
        report.problems.append(
            f"station.terminal_id is the demo's ({settings.station.terminal_id}); write the "
            "id the district issued for this terminal"
        )
    if not settings.platform.base_url and "platform.base_url" not in wrong:
        report.problems.append(
            "platform.base_url is empty: nothing residents submit would reach the district; "
            "write the platform's address"
        )
    if not settings.staff.pin_hash and "staff.pin_hash" not in wrong:
        report.problems.append(
            "staff.pin_hash is empty: staff could not open the staff panel; set it with "
            "kiosk staff set-pin"
        )
    samples = [
        f"station.{name}"
        for name, value in vars(settings.station).items()
        if isinstance(value, str) and SAMPLE_MARK in value
    ] + [
        f"out_of_service.stations[{number}]"
        for number, nearby in enumerate(settings.out_of_service.stations, 1)
        if any(SAMPLE_MARK in value for value in vars(nearby).values())
    ]
    if samples:
        verb = "still holds" if len(samples) == 1 else "still hold"
        report.problems.append(
            f"{', '.join(samples)} {verb} the example's sample text ({SAMPLE_MARK}); "
            "write this station's own"
        )


# keys -----------------------------------------------------------------------------------------


def _check_keys(
    report: Report, settings: Settings, state: Path, environ: Mapping[str, str]
) -> None:
    keys = locate_keys(settings.security, state, environ)
    owner = _owner(state)
    _check_key(report, keys.terminal_secret, owner, created_by_kiosk=False)
    _check_key(report, keys.outbox_key, owner, created_by_kiosk=True)
    _check_key(report, keys.audit_key, owner, created_by_kiosk=True)


@dataclass(frozen=True)
class Owner:
    """The kiosk's user and group: the owner of its state folder."""

    user: str
    group: str


def _owner(state: Path) -> Owner | None:
    """Who the kiosk runs as: the state folder's owner (None when there is none yet)."""
    try:
        info = state.stat()
    except OSError:
        return None
    return Owner(_user_name(info.st_uid), _group_name(info.st_gid))


def _check_key(
    report: Report, key: KeyFile, owner: Owner | None, *, created_by_kiosk: bool
) -> None:
    path = key.path
    try:
        info = path.lstat()
    except FileNotFoundError:
        if created_by_kiosk and not key.provided:
            report.notes.append(f"{path}: not there yet; `kiosk run` creates it at its first start")
        elif key.provided:
            report.problems.append(missing_credential(path))
        else:
            report.problems.append(
                f"{path}: the terminal's secret is missing; install the one the district "
                "issued for this terminal: kiosk enrol"
            )
        return
    except PermissionError:
        report.problems.append(
            f"{path}: cannot look at it (permission denied); run the check as root or as the "
            "kiosk's user: runuser -u kiosk -- kiosk config check"
        )
        return
    except OSError as error:
        report.problems.append(f"{path}: cannot look at it ({error.strerror})")
        return
    if stat.S_ISLNK(info.st_mode):
        report.problems.append(
            f"{path}: is a link, not a file; remove it and put the key file itself there"
        )
        return
    if not stat.S_ISREG(info.st_mode):
        report.problems.append(f"{path}: is not a file")
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        report.problems.append(readable_by_others(path, mode))
    user = _user_name(info.st_uid)
    if owner is not None and user != owner.user and not key.provided:
        report.problems.append(
            f"{path}: belongs to {user}, but the kiosk runs as {owner.user} and could not "
            f"read it; run: chown {owner.user}:{owner.group} {path}"
        )
    if info.st_size != KEY_BYTES:
        report.problems.append(
            _wrong_size(path, info.st_size, terminal_secret=not created_by_kiosk)
        )


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _wrong_size(path: Path, size: int, *, terminal_secret: bool) -> str:
    message = f"{path}: a key must be {KEY_BYTES} bytes, this file has {size}"
    try:
        with path.open("rb") as file:  # never more than a key's worth: it may be huge
            text = file.read(200).strip()
    except OSError:
        return message
    if len(text) == 2 * KEY_BYTES and set(text) <= HEX_DIGITS:
        return (
            f"{message}: it holds the key as {2 * KEY_BYTES} hexadecimal characters; store the "
            f"bytes instead: kiosk enrol --replace --from {path}"
        )
    if len(text) == 2 * KEY_BYTES and terminal_secret:
        return (
            f"{path}: {not_hexadecimal(text)}, so not a secret; install the one the district "
            "issued for this terminal: kiosk enrol --replace --from FILE"
        )
    if len(text) == 2 * KEY_BYTES:
        return f"{message} ({not_hexadecimal(text)})"
    return message


# ports ----------------------------------------------------------------------------------------


def _with_device_choices(
    report: Report, settings: Settings, state: Path
) -> tuple[Settings, set[str]]:
    """The settings `kiosk run` uses: the ports staff chose on the screen over the file's,
    and which keys those are."""
    from kiosk.devicechoices import CHOICES_FILE, KEYS, read_device_choices, with_setting

    path = state / CHOICES_FILE
    choices, problem = read_device_choices(state)
    if problem:
        report.problems.append(
            f"{path}: ignored, the station file's devices are used ({problem}); "
            f"delete it, then choose the ports again in staff mode"
        )
    for kind, value in choices.items():
        section, key = KEYS[kind]
        report.notes.append(
            f"{section}.{key} = {value!r} was chosen in staff mode ({path}) and is used "
            "instead of the station file's; delete that file to go back to the station file"
        )
        settings = with_setting(settings, kind, value)
    return settings, {".".join(KEYS[kind]) for kind in choices}


def _check_ports(report: Report, settings: Settings, chosen: set[str]) -> None:
    """The device paths the file names (or staff chose: `chosen` keys) exist on this
    machine (what each is, and whether it answers, is `kiosk devices probe`)."""
    reader, printer, scanner = (
        settings.id_reader.port,
        settings.printer.address,
        settings.scanner.port,
    )
    report.problems += _missing("id_reader.port", reader, reader, "the ID-card reader", chosen)
    scheme, _, rest = printer.partition(":")
    if scheme in ("serial", "file"):
        report.problems += _missing("printer.address", printer, rest, "the receipt printer", chosen)
    elif scheme == "usb":
        report.problems += _missing_usb(printer, rest)
    scanner_path = scanner.removeprefix("evdev:")
    report.problems += _missing("scanner.port", scanner, scanner_path, "the scanner", chosen)


def _missing(key: str, value: str, path: str, device: str, chosen: set[str]) -> list[str]:
    """A problem when `path` names a device file this machine does not have. Empty values
    (no such device) and network addresses (socket://, rfc2217://) are not checked here."""
    if not path.startswith("/") or os.path.exists(path):
        return []
    fix = (
        "choose it again in staff mode (更换端口)"
        if key in chosen
        else "choose its port from `kiosk devices list`"
    )
    return [f"{key} {value}: no such device on this machine; plug in {device}, or {fix}"]


def _missing_usb(address: str, ids: str) -> list[str]:
    """A problem when no USB device has these ids. Nothing when USB cannot be looked at
    (no libusb, no permission): `kiosk devices list` says why."""
    try:
        vendor, product = (int(part, 16) for part in ids.split(":"))
        import usb.core

        found = usb.core.find(idVendor=vendor, idProduct=product)
    except Exception:  # pyusb raises its own and libusb's errors: none is this check's
        return []
    if found is not None:
        return []
    return [
        f"printer.address {address}: no such USB device is plugged in; plug in the receipt "
        "printer, or choose it from `kiosk devices list`"
    ]
