"""Which port each device is on, as staff choose it on the screen.

The station file (/etc/kiosk/kiosk.toml) belongs to root: the kiosk reads it and cannot
write it (the service sees /etc read-only). That is on purpose: a kiosk process that was
broken into must not be able to point itself at another platform or drop its staff PIN.
What staff choose in staff mode — the card reader's port, the printer, the scanner's port,
the document camera — goes to `device-choices.toml` in the state folder instead. That file
may hold only those four keys; it is validated like a station file, written atomically with
the previous version kept beside it (`device-choices.toml.previous`), and read over the
station file at every start. `kiosk config check` shows it; deleting it returns to the
station file's devices.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from devices.camera import video_inputs
from devices.status import DeviceKind
from kiosk.services import Devices
from kiosk.settings import MAX_FILE_BYTES, Settings, SettingsError, parse_settings

log = logging.getLogger(__name__)

CHOICES_FILE = "device-choices.toml"
# The one key of each device that staff may choose, as (section, key) of the station file.
KEYS = {
    DeviceKind.ID_READER: ("id_reader", "port"),
    DeviceKind.PRINTER: ("printer", "address"),
    DeviceKind.SCANNER: ("scanner", "port"),
    DeviceKind.CAMERA: ("camera", "device"),
}


@dataclass(frozen=True)
class Candidate:
    """One place a device may be: the setting's value and what it probably is, as a code
    for the screen's words (devices.discovery.port_kind: "acm", "usb-serial", "usb-other",
    "built-in", plus "usb-printer", "camera", "simulator", "configured")."""

    value: str
    kind: str
    detail: str = ""  # the adapter's name or the system's name for the port
    current: bool = False


class DeviceChoiceError(Exception):
    """A choice that was not saved: `code` for the screen's words, `detail` for staff."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Chosen:
    """A choice taken into use: which device, the settings with it, the device built from
    them (None: no device), and where it was saved (None: kept for this run only, as in the
    demo)."""

    kind: DeviceKind
    settings: Settings
    device: object
    saved_to: Path | None
    previous: Path | None


def setting_of(settings: Settings, kind: DeviceKind) -> str:
    section, key = KEYS[kind]
    value: str = getattr(getattr(settings, section), key)
    return value


def with_setting(settings: Settings, kind: DeviceKind, value: str) -> Settings:
    section, key = KEYS[kind]
    changed = dataclasses.replace(getattr(settings, section), **{key: value})
    return dataclasses.replace(settings, **{section: changed})


def is_local(kind: DeviceKind, value: str) -> bool:
    """Whether `value` names a device plugged into this terminal, as discovery offers them:
    a serial port under /dev for the reader and the scanner; a USB printer or a serial port
    under /dev for the printer; or none (""). Never a host on the network or a file. A
    camera is chosen by its name, which only ever matches a camera plugged in here."""
    if not value or kind is DeviceKind.CAMERA:
        return True
    if kind is DeviceKind.PRINTER:
        return value.startswith("usb:") or value.startswith("serial:/dev/")
    return value.startswith("/dev/")


def read_device_choices(state_dir: Path) -> tuple[dict[DeviceKind, str], str]:
    """The choices saved in `state_dir` ({} when none), and why the file is ignored as a
    whole ("" when it is not): not a small regular file, invalid, holding other keys, or
    naming a device that is not plugged into this terminal (a host, a file)."""
    path = state_dir / CHOICES_FILE
    try:
        text = _read_small_file(path)
    except FileNotFoundError:
        return {}, ""
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return {}, str(error)
    try:
        data = tomllib.loads(text)
        chosen = parse_settings(data, str(path))
    except (SettingsError, tomllib.TOMLDecodeError, RecursionError) as error:
        return {}, str(error)
    allowed = {f"{section}.{key}" for section, key in KEYS.values()}
    found = {
        f"{section}.{key}"
        for section, table in data.items()
        for key in (table if isinstance(table, dict) else {"": None})
    }
    if found - allowed:
        return {}, (
            f"it may hold only {', '.join(sorted(allowed))}, "
            f"not {', '.join(sorted(found - allowed))}"
        )
    choices = {
        kind: setting_of(chosen, kind)
        for kind, (section, key) in KEYS.items()
        if f"{section}.{key}" in found
    }
    remote = [
        f"{KEYS[kind][0]}.{KEYS[kind][1]} = {value!r}"
        for kind, value in choices.items()
        if not is_local(kind, value)
    ]
    if remote:
        return {}, (f"it may name only devices plugged into this terminal, not {', '.join(remote)}")
    return choices, ""


def _read_small_file(path: Path) -> str:
    """The text of `path`, which must be a regular file (not a link, a pipe or a device)
    of at most MAX_FILE_BYTES. Raises FileNotFoundError, OSError, ValueError."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{path} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise ValueError(f"{path} is {info.st_size} bytes, more than a choices file holds")
        raw = os.read(descriptor, MAX_FILE_BYTES + 1)
    finally:
        os.close(descriptor)
    return raw.decode("utf-8")


def with_device_choices(settings: Settings, state_dir: Path) -> Settings:
    """`settings` with the device choices staff saved in `state_dir`, if any.

    A choices file that is unreadable, invalid or holds other keys is ignored as a whole
    (logged with the reason): the station file's devices stand.
    """
    choices, problem = read_device_choices(state_dir)
    if problem:
        log.warning(
            "device choices %s ignored, the station file's devices stand: %s",
            state_dir / CHOICES_FILE,
            problem,
        )
    for kind, value in choices.items():
        section, key = KEYS[kind]
        log.info("%s.%s chosen in staff mode (%s)", section, key, state_dir / CHOICES_FILE)
        settings = with_setting(settings, kind, value)
    return settings


def candidates(
    kind: DeviceKind, current: str, extra: Callable[[DeviceKind], list[Candidate]] | None = None
) -> list[Candidate]:
    """Where `kind` may be: the ports (and, for the printer, USB printers; for the camera,
    the cameras by name) found now, then `extra` (the demo's simulators), and the current
    setting if none of those is it."""
    from devices.discovery import port_kind, serial_ports, usb_printers  # staff mode only

    found: list[Candidate] = []
    if kind is DeviceKind.CAMERA:
        found += [Candidate(camera.name, "camera", camera.node) for camera in video_inputs()]
    else:
        if kind is DeviceKind.PRINTER:
            found += [Candidate(address, "usb-printer") for address in usb_printers().addresses]
        for port in serial_ports():
            code, adapter = port_kind(port.device, port.vid, port.pid)
            value = f"serial:{port.device}" if kind is DeviceKind.PRINTER else port.device
            found.append(Candidate(value, code, adapter or port.description))
    if extra is not None:
        found += extra(kind)
    if current and all(candidate.value != current for candidate in found):
        found.insert(0, Candidate(current, "configured"))
    return [dataclasses.replace(c, current=c.value == current) for c in found]


class DeviceSetup:
    """Staff choose a device's port: listed, validated, saved, and the device rebuilt.

    `build` makes devices from settings (kiosk/app/devicesetup.py); `state_dir` None keeps
    choices for this run only (the demo, whose simulators get new ports at every start).
    Its methods touch the disk and the system's device lists: call them off the GUI thread.
    """

    def __init__(
        self,
        settings: Settings,
        build: Callable[[Settings], Devices],
        state_dir: Path | None,
        extra: Callable[[DeviceKind], list[Candidate]] | None = None,
    ) -> None:
        self._settings = settings
        self._build = build
        self._state_dir = state_dir
        self._extra = extra

    @property
    def settings(self) -> Settings:
        return self._settings

    def candidates(self, kind: DeviceKind) -> list[Candidate]:
        return candidates(kind, setting_of(self._settings, kind), self._extra)

    def choose(self, kind: DeviceKind, value: str) -> Chosen:
        """Save `value` as `kind`'s setting and build the device from it.

        Raises DeviceChoiceError: "invalid" (the value breaks a settings rule), "not_local"
        (not a device plugged into this terminal: only those are saved), "not_saved" (the
        choices file could not be written; nothing changed)."""
        from kiosk.stationfile import StationFileError, set_key  # staff mode only

        if self._state_dir is not None and not is_local(kind, value):
            raise DeviceChoiceError("not_local", value)
        new = with_setting(self._settings, kind, value)
        built = self._build(new)  # opens nothing: a wrong port shows once the device starts
        saved_to = previous = None
        if self._state_dir is not None:
            section, key = KEYS[kind]
            saved_to = self._state_dir / CHOICES_FILE
            try:
                previous = set_key(saved_to, section, key, value)
            except StationFileError as error:
                code = "invalid" if error.invalid else "not_saved"
                raise DeviceChoiceError(code, str(error)) from None
        self._settings = new
        device = {
            DeviceKind.ID_READER: built.id_reader,
            DeviceKind.PRINTER: built.printer,
            DeviceKind.SCANNER: built.scanner,
            DeviceKind.CAMERA: built.camera,
        }[kind]
        return Chosen(kind, new, device, saved_to, previous)
