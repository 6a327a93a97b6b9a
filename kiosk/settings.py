"""Station settings: built-in defaults, overridden by a TOML station file, validated at start.

Every problem is reported as one line naming the file, the key and the reason, so that staff
can fix a station file without reading code. `config/REFERENCE.md` documents every key.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kiosk import hours
from kiosk.staffpin import PIN_HASH_PATTERN

DEFAULT_CONFIG_PATH = Path("/etc/kiosk/kiosk.toml")


class SettingsError(ValueError):
    """A station file that cannot be used.

    `problems` holds every problem found, in the order of the file (cross-key rules last);
    `source`, `key`, `reason` and `str()` are the first one, one line staff read.
    """

    def __init__(self, source: str, key: str, reason: str) -> None:
        self.source = source
        self.key = key
        self.reason = reason
        self.problems: tuple[SettingsError, ...] = (self,)
        # What the file gave where it was right, defaults elsewhere (None: not readable).
        self.settings: Settings | None = None
        super().__init__(f"{source}: {key}: {reason}" if key else f"{source}: {reason}")

    @classmethod
    def combined(
        cls, problems: list[SettingsError], settings: Settings | None = None
    ) -> SettingsError:
        first = problems[0]
        error = cls(first.source, first.key, first.reason)
        error.problems = tuple(problems)
        error.settings = settings
        return error

    def lines(self) -> list[str]:
        """One line per problem."""
        return [str(problem) for problem in self.problems]


def _rule(
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    choices: tuple[str, ...] | None = None,
    pattern: str | None = None,
    form: str = "",
    doc: str = "",
) -> dict[str, Any]:
    """How a key is checked; `form` says in words what `pattern` accepts (error messages)."""
    return {
        "min": minimum,
        "max": maximum,
        "choices": choices,
        "pattern": pattern,
        "form": form,
        "doc": doc,
    }


@dataclass(frozen=True)
class StationSettings:
    """[station]: where the station is and what it is called (Chinese and English), its
    terminal, and how residents reach it.
    """

    district: str = field(default="西城区", metadata=_rule(doc="District name (Chinese)."))
    street: str = field(default="月坛街道", metadata=_rule(doc="Street (街道) name."))
    community: str = field(default="白云观社区", metadata=_rule(doc="Community (社区) name."))
    district_en: str = field(default="Xicheng District", metadata=_rule(doc="District (English)."))
    street_en: str = field(default="Yuetan Street", metadata=_rule(doc="Street (English)."))
    community_en: str = field(
        default="Baiyunguan Community", metadata=_rule(doc="Community (English).")
    )
    area_code: str = field(
        default="110102000000",
        metadata=_rule(
            pattern=r"\d{12}",
            form="12 digits, such as 110102000000",
            doc="12-digit administrative area code.",
        ),
    )
    terminal_id: str = field(
        default="XC-DEMO-0001",
        metadata=_rule(
            pattern=r"[A-Za-z0-9-]{4,26}",
            form="4 to 26 letters, digits or hyphens, such as XC-YT-BYG-0001",
            doc="Terminal id issued by the district. At most 26 characters: receipt numbers "
            "are the id, the date and a sequence (`<ID>-20261126-0007`), and the platform's "
            "contract allows 40.",
        ),
    )
    address: str = field(
        default="西城区白云观社区居委会一层（示例地址）",
        metadata=_rule(doc="Where the station is, shown on the consultation screen."),
    )
    phone: str = field(
        default="010-00000000",
        metadata=_rule(
            pattern=r"[0-9-]{3,20}",
            form="3 to 20 digits or hyphens, such as 010-12345678",
            doc="The station's own telephone.",
        ),
    )
    opening_hours: str = field(
        default="周一至周五 9:00–12:00，13:30–17:00",
        metadata=_rule(
            doc="Staffed hours of the station in words, shown to residents. When "
            "`hours.weekly` is set and this is left at its default, the words are made from "
            "`hours.weekly` instead (they then always match what the screen follows); set "
            "this only for wording the weekly form cannot say."
        ),
    )
    hotline: str = field(
        default="12345",
        metadata=_rule(
            pattern=r"[0-9-]{3,20}",
            form="3 to 20 digits or hyphens, such as 010-12345678",
            doc="Government hotline.",
        ),
    )
    latitude: str = field(
        default="",
        metadata=_rule(
            pattern=r"(-?(90(\.0+)?|[1-8]?\d(\.\d{1,8})?))?",
            form='decimal degrees from -90 to 90 in quotes, such as "39.9139", or empty',
            doc="Where the station is on a map (WGS 84), for the district's Grafana map "
            "(the `kiosk_station_info` metric); set with `longitude`, or leave both empty.",
        ),
    )
    longitude: str = field(
        default="",
        metadata=_rule(
            pattern=r"(-?(180(\.0+)?|(1[0-7]\d|[1-9]?\d)(\.\d{1,8})?))?",
            form='decimal degrees from -180 to 180 in quotes, such as "116.3496", or empty',
            doc="See `latitude`.",
        ),
    )

    def display_name(self, language: str) -> str:
        """The station's full name: "西城区月坛街道白云观社区政务服务站"."""
        if language == "en":
            return (
                f"{self.community_en} Government Service Station, "
                f"{self.street_en}, {self.district_en}"
            )
        return f"{self.district}{self.street}{self.community}政务服务站"


@dataclass(frozen=True)
class PlatformSettings:
    """[platform]: the district platform's address, the catalog's sync period and size
    limit, and how long a survey answer waits before it is sent.
    """

    base_url: str = field(
        default="",
        metadata=_rule(
            pattern=r"(https?://\S+)?",
            form="an address starting with https://, or empty",
            doc="District platform address: its root (`https://zwfw.example`) or the "
            "contract's server URL (`https://zwfw.example/api/v1`); both work, the kiosk adds "
            "`/api/v1` itself when it is missing. https; plain http only to this machine "
            "(127.x.x.x, localhost, [::1]); no user or password, query or fragment. "
            "Empty in `kiosk demo`: the built-in stand-in is used.",
        ),
    )
    catalog_sync_minutes: int = field(
        default=60,
        metadata=_rule(minimum=1, maximum=1440, doc="How often to ask for a newer catalog."),
    )
    catalog_max_mb: int = field(
        default=20,
        metadata=_rule(minimum=1, maximum=200, doc="Largest catalog accepted, in MB."),
    )
    survey_delay_minutes: int = field(
        default=20,
        metadata=_rule(
            minimum=0,
            maximum=25,
            doc="An anonymous survey answer (意见征集) leaves the outbox a random while "
            "after it is given: between half this many minutes and this many, so its arrival "
            "at the platform does not tell which resident's visit it came from. 0 sends it at "
            "once. At most 25, below the 30 minutes after which a waiting submission alerts.",
        ),
    )


@dataclass(frozen=True)
class SessionSettings:
    """[session]: how long a session lasts without a touch (longer in elder mode), and which
    items accept an identity typed in.
    """

    idle_timeout_s: int = field(
        default=90,
        metadata=_rule(minimum=3, maximum=3600, doc="Seconds without a touch before the wipe."),
    )
    warning_s: int = field(
        default=20,
        metadata=_rule(
            minimum=1, maximum=600, doc="Seconds of countdown shown before the timeout."
        ),
    )
    elder_factor: float = field(
        default=2.0,
        metadata=_rule(minimum=1.0, maximum=4.0, doc="Idle time multiplier in elder mode."),
    )
    typed_identity_items: str = field(
        default="*",
        metadata=_rule(
            pattern=r"(\*|[0-9A-Z]{1,40}(,[0-9A-Z]{1,40})*)?",  # basic codes: digits, capitals
            form="*, empty, or item basic codes (digits and capitals) separated by commas "
            "without spaces",
            doc="Items a resident without an ID card may apply for or book by typing name "
            "and ID number (checksum-checked; the platform sees `identifiedBy: typed`): * "
            "every item, empty none, or basic codes separated by commas.",
        ),
    )


@dataclass(frozen=True)
class UiSettings:
    """[ui]: language, orientation, elder mode at start, the cursor, the links the QR codes of
    guides and progress carry, and the demo window.
    """

    language: str = field(
        default="zh_CN", metadata=_rule(choices=("zh_CN", "en"), doc="Language at start.")
    )
    orientation: str = field(
        default="auto",
        metadata=_rule(
            choices=("auto", "portrait", "landscape"),
            doc="Screen layout; auto follows the window's shape.",
        ),
    )
    elder_mode_default: bool = field(
        default=False, metadata=_rule(doc="Start every session in elder mode (长辈模式).")
    )
    hide_cursor: bool = field(
        default=True, metadata=_rule(doc="Hide the mouse pointer in `kiosk run`.")
    )
    guide_url_pattern: str = field(
        default="https://zwfw.example/guide/{code}",
        metadata=_rule(
            pattern=r"https://\S+\{code\}\S*",
            form="an https:// address containing {code}",
            doc="Web address of an item's guide for the 扫码带走 QR code; {code} is the item code.",
        ),
    )
    progress_url_pattern: str = field(
        default="https://zwfw.example/progress/{number}",
        metadata=_rule(
            pattern=r"https://\S+\{number\}\S*",
            form="an https:// address containing {number}",
            doc="Web address printed as the receipt's QR code; {number} is the apply number, "
            "and the kiosk adds the receipt's token (token=…). The kiosk's scanner reads it "
            "back for 进度查询.",
        ),
    )
    demo_window_height: int = field(
        default=960,
        metadata=_rule(minimum=480, maximum=4320, doc="Window height of `kiosk demo` (px)."),
    )


@dataclass(frozen=True)
class IdReaderSettings:
    """[id_reader]: the ID-card reader's port, speed and polling, and the photo decoder."""

    port: str = field(
        default="",
        metadata=_rule(
            pattern=r"(\S+)?",
            form="a port without spaces, such as /dev/ttyUSB0, or empty",
            doc="Serial port of the ID-card reader: /dev/ttyUSB0, socket://HOST:PORT, … "
            "Empty: none (`kiosk demo` then starts a simulated reader).",
        ),
    )
    baud: int = field(
        default=115200, metadata=_rule(minimum=1200, maximum=921600, doc="Baud rate.")
    )
    poll_interval_ms: int = field(
        default=300,
        metadata=_rule(minimum=300, maximum=5000, doc="How often to look for a card."),
    )
    photo_decoder: str = field(
        default="",
        metadata=_rule(
            pattern=r"([A-Za-z_][\w.]*:[A-Za-z_]\w*)?",
            form="module:function, such as vendor.decoder:decode_photo, or empty",
            doc="Licensed photo decoder as module:function (1024 bytes in, image out). "
            "Empty: none; screens show a silhouette.",
        ),
    )


@dataclass(frozen=True)
class PrinterSettings:
    """[printer]: the receipt printer's address, speed, paper and encoding."""

    address: str = field(
        default="",
        metadata=_rule(
            pattern=r"((network|serial|usb|file|cups):\S+)?",
            form="network://HOST:9100, serial:/dev/ttyUSB0, usb:0xVVVV:0xPPPP, file:/dev/usb/lp0 "
            "or cups:QUEUE, or empty",
            doc="network://HOST:9100, serial:/dev/ttyUSB0, usb:0xVVVV:0xPPPP, file:/dev/usb/lp0 "
            "or cups:QUEUE. Empty: none (`kiosk demo` then starts a simulated printer).",
        ),
    )
    baud: int = field(
        default=9600, metadata=_rule(minimum=1200, maximum=921600, doc="Baud rate (serial).")
    )
    paper_mm: int = field(
        default=80, metadata=_rule(minimum=58, maximum=80, doc="Paper width: 58 or 80.")
    )
    encoding: str = field(
        default="gb18030",
        metadata=_rule(choices=("gb18030", "gbk", "utf-8"), doc="Text encoding of the printer."),
    )
    chinese_mode: bool = field(
        default=True, metadata=_rule(doc="Send FS & (Chinese mode) before text.")
    )
    native_qr: bool = field(
        default=True,
        metadata=_rule(doc="Use the printer's own QR command; false prints QR as an image."),
    )


@dataclass(frozen=True)
class ScannerSettings:
    """[scanner]: the code scanner's port and how it frames a code."""

    port: str = field(
        default="",
        metadata=_rule(
            pattern=r"(\S+)?",
            form="a port without spaces, such as /dev/ttyUSB0, or empty",
            doc="Serial port of the barcode/QR scanner (USB-CDC or RS-232), or "
            "evdev:/dev/input/by-id/…-event-kbd for a keyboard-wedge scanner (ASCII codes "
            "only; grabbed so scans never reach the screen). Empty: none.",
        ),
    )
    baud: int = field(default=9600, metadata=_rule(minimum=1200, maximum=921600, doc="Baud rate."))
    suffix: str = field(
        default="CR",
        metadata=_rule(choices=("CR", "LF", "CRLF"), doc="What ends each code."),
    )
    prefix: str = field(
        default="",
        metadata=_rule(
            pattern=r"(\S{1,8})?",
            form="1 to 8 characters without spaces, or empty",
            doc="What starts each code, if any.",
        ),
    )
    encoding: str = field(
        default="utf-8", metadata=_rule(choices=("utf-8", "gb18030"), doc="Text encoding.")
    )
    max_length: int = field(
        default=512, metadata=_rule(minimum=1, maximum=4096, doc="Longest code accepted.")
    )
    inter_char_timeout_ms: int = field(
        default=200,
        metadata=_rule(
            minimum=10, maximum=5000, doc="A longer pause inside a code drops the code."
        ),
    )


@dataclass(frozen=True)
class CameraSettings:
    """[camera]: the document camera (or a folder of images in its place), and the size limits
    of a captured page.
    """

    device: str = field(
        default="",
        metadata=_rule(
            pattern=r"(.+)?",
            form="text on one line, or empty",
            doc="The document camera (高拍仪): part of its name as the system lists it. "
            "Empty: the first camera found.",
        ),
    )
    image_folder: str = field(
        default="",
        metadata=_rule(
            pattern=r"(/\S+)?",
            form="an absolute path without spaces, or empty",
            doc="Take pages from the images in this folder, in name order, instead of the "
            "camera (demo and tests). `kiosk demo` uses sample pages when no camera is set.",
        ),
    )
    page_budget_kb: int = field(
        default=400,
        metadata=_rule(
            minimum=50, maximum=2000, doc="Largest JPEG size of one captured page, in KB."
        ),
    )
    max_side_px: int = field(
        default=2200,
        metadata=_rule(
            minimum=800,
            maximum=6000,
            doc="Longest side of a page after downscaling (2200 px ≈ 200 dpi on A4).",
        ),
    )


@dataclass(frozen=True)
class StaffSettings:
    """[staff]: the PIN that opens staff mode, and how long a receipt may be reprinted."""

    pin_hash: str = field(
        default="",
        metadata=_rule(
            pattern=PIN_HASH_PATTERN,
            form="the line `kiosk staff set-pin` writes, or empty",
            doc="Hash (scrypt) of the PIN that opens the staff panel, written by "
            "`kiosk staff set-pin`; never the PIN itself. Empty: the staff panel cannot be "
            "opened (`kiosk demo` without --config uses its documented demo PIN).",
        ),
    )
    reprint_window_s: int = field(
        default=900,
        metadata=_rule(
            minimum=60,
            maximum=3600,
            doc="How long a receipt that failed to print can be reprinted from the staff "
            "panel (after the PIN); then it is dropped from memory.",
        ),
    )


@dataclass(frozen=True)
class SecuritySettings:
    """[security]: where the terminal's secret and the outbox's and audit trail's keys are."""

    terminal_secret_file: str = field(
        default="",
        metadata=_rule(
            pattern=r"(/\S+)?",
            form="an absolute path without spaces, or empty",
            doc="File with this terminal's 32-byte signing secret, issued by the district "
            "(mode 600). Empty: `terminal.secret` in the credentials folder, else the state "
            "folder (`kiosk demo` creates it there).",
        ),
    )
    outbox_key_file: str = field(
        default="",
        metadata=_rule(
            pattern=r"(/\S+)?",
            form="an absolute path without spaces, or empty",
            doc="File with the key that encrypts pending submissions (mode 600); created on "
            "first start. Empty: `outbox.key` in the credentials folder, else the state folder.",
        ),
    )
    audit_key_file: str = field(
        default="",
        metadata=_rule(
            pattern=r"(/\S+)?",
            form="an absolute path without spaces, or empty",
            doc="File with the key that chains the audit trail (HMAC, mode 600); created on "
            "first start. Empty: `audit.key` in the credentials folder, else the state folder.",
        ),
    )
    credentials_dir: str = field(
        default="",
        metadata=_rule(
            pattern=r"(/\S+)?",
            form="an absolute path without spaces, or empty",
            doc="Folder the service manager fills with the key files `terminal.secret`, "
            "`outbox.key`, `audit.key` (systemd: `LoadCredential=`); keys in it are never "
            "created, a missing one stops the kiosk. Empty: `$CREDENTIALS_DIRECTORY` when set, "
            "else the state folder.",
        ),
    )


@dataclass(frozen=True)
class MetricsSettings:
    """[metrics]: the Prometheus endpoint."""

    listen: str = field(
        default="127.0.0.1:9464",
        metadata=_rule(
            pattern=r"(\S+)?",  # the form is checked by listen_address, which says it
            form="host:port, such as 127.0.0.1:9464, or empty",
            doc="Where the kiosk serves its health as Prometheus metrics (`/metrics` over "
            "HTTP): `host:port`, e.g. `0.0.0.0:9464` for the district's Prometheus to scrape "
            "over the station network, `[::1]:9464` for IPv6. Empty: no metrics. Served by "
            "the kiosk process itself rather than written for node_exporter's textfile "
            "collector: the scrape's `up` then says the kiosk itself is alive, nothing stale "
            "is left when it is dead, and the sandboxed service needs no extra place to "
            "write. A port in use is logged and the kiosk runs on without metrics. "
            "`kiosk demo` without --config takes a free port on loopback (in its log).",
        ),
    )


def opening_hours_text(settings: Settings, language: str) -> str:
    """The hours residents read: `station.opening_hours` where a station wrote its own
    words (or set no `hours.weekly`), else the words of `hours.weekly` in `language`."""
    own_words = settings.station.opening_hours != StationSettings().opening_hours
    if own_words or not settings.hours.weekly.strip():
        return settings.station.opening_hours
    return hours.describe(settings.hours.opening_hours(), language)


def listen_address(listen: str) -> tuple[str, int]:
    """`host:port` (`[v6]:port`) as a host and a port 0-65535 (0: any free port, for tests);
    ValueError with the expected form otherwise."""
    host, _, port = listen.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host or "[" in host or "]" in host or not port.isdigit() or int(port) > 65535:
        raise ValueError(
            f'must be host:port, e.g. "127.0.0.1:9464" or "0.0.0.0:9464" (port 0-65535); '
            f"empty turns metrics off (got {listen!r})"
        )
    return host, int(port)


@dataclass(frozen=True)
class NearbyStation:
    """A staffed station residents can go to while this terminal is out of service."""

    name: str
    address: str
    hours: str
    phone: str


NEARBY_STATION_KEYS = ("name", "address", "hours", "phone")
MAX_NEARBY_STATIONS = 4  # what the out-of-service screen shows in portrait and landscape


@dataclass(frozen=True)
class OutOfServiceSettings:
    """[out_of_service]: the nearby stations a closed kiosk points residents to."""

    stations: tuple[NearbyStation, ...] = field(
        default=(),
        metadata=_rule(
            doc="The nearest staffed stations, nearest first, shown on the out-of-service "
            "screen (`kiosk out-of-service`, after repeated crashes) with the hotline. Each is "
            "a table `[[out_of_service.stations]]` with `name`, `address`, `hours` (opening "
            f"hours) and `phone` (`[0-9-]{{3,20}}`); at most {MAX_NEARBY_STATIONS}.",
        ),
    )


MAX_CLOSED_DATES = 400  # a year of holidays and more; the list stays bounded


@dataclass(frozen=True)
class HoursSettings:
    """[hours]: the station's opening hours, its closed days, and the overnight black screen."""

    weekly: str = field(
        default="",
        metadata=_rule(
            form=hours.WEEKLY_FORM,
            doc="The station's staffed hours, which the screen follows: outside them the "
            "attract screen dims and says the station is closed, with the hours, the next "
            "opening and the hotline (residents may still touch it and come in: guides, and "
            "applications handled on the next working day). Days not named are closed. The "
            "words residents read are made from this (in Chinese and English) unless "
            "`station.opening_hours` is set to other words. Empty: always open, never dimmed.",
        ),
    )
    closed_dates: tuple[date, ...] = field(
        default=(),
        metadata=_rule(
            doc="Days closed although `weekly` names their weekday (public holidays), as a "
            "list of dates: `closed_dates = [2026-10-01, 2026-10-02]` (quotes allowed). "
            f"At most {MAX_CLOSED_DATES}.",
        ),
    )
    blank_from: str = field(
        default="",
        metadata=_rule(
            pattern=r"(\d{1,2}:\d{2})?",
            form="a time HH:MM, such as 22:00, or empty",
            doc="From this time the screen is black overnight (no burn-in) until "
            "`blank_until`; a touch shows the closed screen for a minute. Set both or "
            "neither; the window may cross midnight but not the staffed hours.",
        ),
    )
    blank_until: str = field(
        default="",
        metadata=_rule(
            pattern=r"(\d{1,2}:\d{2})?",
            form="a time HH:MM, such as 07:00, or empty",
            doc="End of the overnight black screen (see `blank_from`).",
        ),
    )

    def opening_hours(self) -> hours.OpeningHours:
        """The hours as the screen follows them (the settings were checked at load)."""
        return hours.build_hours(self.weekly, self.closed_dates, self.blank_from, self.blank_until)


@dataclass(frozen=True)
class VoiceSettings:
    """[voice]: spoken guidance: on or off, its volume, and the audio player."""

    enabled: bool = field(
        default=True,
        metadata=_rule(
            doc="Voice guidance (语音引导): in elder mode each screen says aloud what to do, "
            "and the 读给我听 button reads it in any mode. Off: no button, never a sound."
        ),
    )
    volume: int = field(
        default=100,
        metadata=_rule(
            minimum=0,
            maximum=100,
            doc="Loudness of the voice, in percent of its normal level (the speaker's own "
            "level is set with the system mixer, `alsamixer`).",
        ),
    )
    player: str = field(
        default="aplay -q -t raw -f S16_LE -c 1 -r {rate} -",
        metadata=_rule(
            pattern=r"\S.*",
            form="a command line",
            doc="The program that plays the voice: it reads signed 16-bit mono sound at "
            "{rate} samples per second on its standard input. The default plays it through "
            "ALSA's default device (alsa-utils).",
        ),
    )


@dataclass(frozen=True)
class Settings:
    """The whole settings file (kiosk.toml), one field per table."""

    station: StationSettings = field(default_factory=StationSettings)
    platform: PlatformSettings = field(default_factory=PlatformSettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    id_reader: IdReaderSettings = field(default_factory=IdReaderSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    security: SecuritySettings = field(default_factory=SecuritySettings)
    out_of_service: OutOfServiceSettings = field(default_factory=OutOfServiceSettings)
    metrics: MetricsSettings = field(default_factory=MetricsSettings)
    hours: HoursSettings = field(default_factory=HoursSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)


SECTIONS: dict[str, type[Any]] = {
    "station": StationSettings,
    "platform": PlatformSettings,
    "session": SessionSettings,
    "ui": UiSettings,
    "id_reader": IdReaderSettings,
    "printer": PrinterSettings,
    "scanner": ScannerSettings,
    "camera": CameraSettings,
    "staff": StaffSettings,
    "security": SecuritySettings,
    "out_of_service": OutOfServiceSettings,
    "metrics": MetricsSettings,
    "hours": HoursSettings,
    "voice": VoiceSettings,
}


def _describe(value: object) -> str:
    """A value as a message shows it: quoted if text, cut short if long."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _check_value(source: str, key: str, spec: dataclasses.Field[Any], value: object) -> object:
    expected = spec.type
    rule = spec.metadata
    if expected == "tuple[NearbyStation, ...]":
        return _nearby_stations(source, key, value)
    if expected == "tuple[date, ...]":
        return _dates(source, key, value)
    if expected == "bool":
        return _check_bool(source, key, value)
    if expected in ("int", "float"):
        return _check_number(source, key, expected, rule, value)
    if not isinstance(value, str):
        raise SettingsError(source, key, f"must be text in quotes (got {_describe(value)})")
    if len(value) > MAX_VALUE_CHARS:
        raise SettingsError(
            source, key, f"is {len(value)} characters long; at most {MAX_VALUE_CHARS}"
        )
    if rule["choices"] and value not in rule["choices"]:
        allowed = ", ".join(repr(c) for c in rule["choices"])
        raise SettingsError(source, key, f"must be one of {allowed} (got {_describe(value)})")
    if rule["pattern"] and not re.fullmatch(rule["pattern"], value):
        expected_form = rule["form"] or "see REFERENCE.md"
        raise SettingsError(
            source, key, f"has the wrong form (got {_describe(value)}); expected {expected_form}"
        )
    if not value.strip() and not (rule["pattern"] and re.fullmatch(rule["pattern"], value)):
        raise SettingsError(source, key, "must not be empty")
    return value


def _check_bool(source: str, key: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    reason = f"must be true or false (got {_describe(value)})"
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        reason += f"; remove the quotes: {_leaf(key)} = {value.strip().lower()}"
    raise SettingsError(source, key, reason)


def _check_number(
    source: str, key: str, expected: str, rule: Mapping[str, Any], value: object
) -> object:
    numeric_ok = isinstance(value, int) and not isinstance(value, bool)
    if expected == "float":
        numeric_ok = numeric_ok or isinstance(value, float)
    if not numeric_ok:
        kind = "a whole number" if expected == "int" else "a number"
        reason = f"must be {kind} (got {_describe(value)})"
        if isinstance(value, str) and _quoted_number(value, expected):
            reason += f"; remove the quotes: {_leaf(key)} = {value.strip()}"
        raise SettingsError(source, key, reason)
    number = float(value)  # type: ignore[arg-type]
    low, high = rule["min"], rule["max"]
    if (low is not None and number < low) or (high is not None and number > high):
        raise SettingsError(
            source, key, f"must be between {low:g} and {high:g} (got {_describe(value)})"
        )
    return float(number) if expected == "float" else value


def _leaf(key: str) -> str:
    """The key as written inside its section: "baudrate" for "id_reader.baudrate"."""
    return key.rpartition(".")[2]


def _quoted_number(text: str, expected: str) -> bool:
    """Whether `text` is a number written in quotes (a whole one where `expected` is int)."""
    pattern = r"[+-]?\d+" if expected == "int" else r"[+-]?\d+(\.\d+)?"
    return re.fullmatch(pattern, text.strip()) is not None


def _nearby_stations(source: str, key: str, value: object) -> tuple[NearbyStation, ...]:
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise SettingsError(
            source, key, "must be a list of tables: write each as [[out_of_service.stations]]"
        )
    if len(value) > MAX_NEARBY_STATIONS:
        raise SettingsError(
            source, key, f"at most {MAX_NEARBY_STATIONS} stations (got {len(value)})"
        )
    stations = []
    for number, entry in enumerate(value, 1):
        where = f"{key}[{number}]"
        unknown = sorted(set(entry) - set(NEARBY_STATION_KEYS))
        if unknown:
            known = ", ".join(NEARBY_STATION_KEYS)
            raise SettingsError(
                source, f"{where}.{unknown[0]}", f"unknown key (known keys: {known})"
            )
        texts = {}
        for name in NEARBY_STATION_KEYS:
            text = entry.get(name)
            if not isinstance(text, str) or not text.strip():
                raise SettingsError(source, f"{where}.{name}", "must be text in quotes, not empty")
            texts[name] = text
        if not re.fullmatch(r"[0-9-]{3,20}", texts["phone"]):
            raise SettingsError(
                source,
                f"{where}.phone",
                f"has the wrong form (got {texts['phone']!r}); see REFERENCE.md",
            )
        stations.append(NearbyStation(**texts))
    return tuple(stations)


def _dates(source: str, key: str, value: object) -> tuple[date, ...]:
    if not isinstance(value, list):
        raise SettingsError(
            source, key, f"must be a list of dates: {_leaf(key)} = [2026-10-01, 2026-10-02]"
        )
    if len(value) > MAX_CLOSED_DATES:
        raise SettingsError(source, key, f"at most {MAX_CLOSED_DATES} dates (got {len(value)})")
    days = []
    for number, entry in enumerate(value, 1):
        try:
            days.append(hours.parse_date(entry))
        except hours.HoursError as error:
            raise SettingsError(source, f"{key}[{number}]", str(error)) from None
    return tuple(days)


def _build_section(
    source: str, name: str, cls: type[Any], table: object
) -> tuple[Any, list[SettingsError]]:
    """The section with every key that passed its check (defaults for the others), and the
    problems of the others."""
    if not isinstance(table, dict):
        return cls(), [SettingsError(source, name, "must be a table: write it as [" + name + "]")]
    specs = {spec.name: spec for spec in dataclasses.fields(cls)}
    values: dict[str, object] = {}
    problems: list[SettingsError] = []
    for key, value in table.items():
        if key not in specs:
            known = ", ".join(specs)
            problems.append(
                SettingsError(source, f"{name}.{key}", f"unknown key (known keys: {known})")
            )
            continue
        try:
            values[key] = _check_value(source, f"{name}.{key}", specs[key], value)
        except SettingsError as error:
            problems.append(error)
    return cls(**values), problems


def parse_settings(data: dict[str, Any], source: str) -> Settings:
    """Validate a decoded TOML document and merge it over the defaults.

    Every problem is found, not only the first: the SettingsError raised holds them all,
    and the settings made of the keys that were right (defaults for the others), so that
    `kiosk config check` can go on to check what those name.
    """
    sections: dict[str, Any] = {}
    problems: list[SettingsError] = []
    for name, table in data.items():
        if name not in SECTIONS:
            known = ", ".join(f"[{s}]" for s in SECTIONS)
            problems.append(
                SettingsError(source, name, f"unknown section (known sections: {known})")
            )
            continue
        sections[name], section_problems = _build_section(source, name, SECTIONS[name], table)
        problems += section_problems
    settings = Settings(**sections)
    problems += _cross_key_problems(settings, source, failed={p.key for p in problems})
    if problems:
        raise SettingsError.combined(problems, settings)
    return settings


def _cross_key_problems(settings: Settings, source: str, failed: set[str]) -> list[SettingsError]:
    """Rules across keys, and checks of a value's meaning beyond its form; a rule is left
    out where one of its keys already has a problem (`failed`)."""
    problems = []
    idle_keys = {"session.warning_s", "session.idle_timeout_s"}
    if not idle_keys & failed and settings.session.warning_s >= settings.session.idle_timeout_s:
        problems.append(
            SettingsError(
                source,
                "session.warning_s",
                f"must be shorter than session.idle_timeout_s ({settings.session.idle_timeout_s})",
            )
        )
    if "printer.paper_mm" not in failed and settings.printer.paper_mm not in (58, 80):
        problems.append(
            SettingsError(
                source, "printer.paper_mm", f"must be 58 or 80 (got {settings.printer.paper_mm})"
            )
        )
    place_keys = {"station.latitude", "station.longitude"}
    if not place_keys & failed and bool(settings.station.latitude) != bool(
        settings.station.longitude
    ):
        given, missing = (
            ("latitude", "longitude") if settings.station.latitude else ("longitude", "latitude")
        )
        problems.append(
            SettingsError(
                source,
                f"station.{missing}",
                f"is empty while station.{given} is set: give both, or neither",
            )
        )
    if settings.platform.base_url:
        from kiosk.district.urls import PlatformAddressError, check_platform_url

        try:
            check_platform_url(settings.platform.base_url)
        except PlatformAddressError as error:
            problems.append(SettingsError(source, "platform.base_url", str(error)))
    if settings.printer.address:
        from devices.printer.transport import parse_address

        try:
            parse_address(settings.printer.address)
        except ValueError as error:
            problems.append(SettingsError(source, "printer.address", str(error)))
    if settings.metrics.listen:
        try:
            listen_address(settings.metrics.listen)
        except ValueError as error:
            problems.append(SettingsError(source, "metrics.listen", str(error)))
    problems += _hours_problems(settings.hours, source, failed)
    return problems


def _hours_problems(settings: HoursSettings, source: str, failed: set[str]) -> list[SettingsError]:
    """The opening hours: the weekly form, the blank window's times, and that the screen is
    never black while the station is open."""
    problems = []
    weekly: dict[int, tuple[hours.Span, ...]] = {}
    if "hours.weekly" not in failed:
        try:
            weekly = hours.parse_weekly(settings.weekly)
        except hours.HoursError as error:
            problems.append(
                SettingsError(
                    source, "hours.weekly", f'{error} (whole form: "{hours.WEEKLY_EXAMPLE}")'
                )
            )
    blank: list[int] = []
    for key in ("blank_from", "blank_until"):
        text = getattr(settings, key)
        if text and f"hours.{key}" not in failed:
            try:
                blank.append(hours.parse_time(text))
            except hours.HoursError as error:
                problems.append(SettingsError(source, f"hours.{key}", str(error)))
    given = [key for key in ("blank_from", "blank_until") if getattr(settings, key)]
    if len(given) == 1:
        missing = "blank_until" if given == ["blank_from"] else "blank_from"
        problems.append(
            SettingsError(source, f"hours.{missing}", f"must be set with hours.{given[0]}")
        )
    elif len(blank) == 2 and not problems:
        if blank[0] == blank[1]:
            problems.append(
                SettingsError(source, "hours.blank_until", "must differ from hours.blank_from")
            )
        elif not settings.weekly.strip():
            problems.append(
                SettingsError(
                    source,
                    "hours.blank_from",
                    "needs hours.weekly: without opening hours the station counts as always "
                    "open and the screen is never blanked",
                )
            )
        else:
            overlap = hours.OpeningHours(weekly, blank=hours.Span(*blank)).overlaps_blank()
            if overlap:
                problems.append(
                    SettingsError(
                        source,
                        "hours.blank_from",
                        f"the screen would be black while the station is open ({overlap}); "
                        "blank only outside hours.weekly",
                    )
                )
    return problems


MAX_FILE_BYTES = 64 * 1024  # a station file is a few KB; reading and parsing stay bounded
MAX_VALUE_CHARS = 1000  # no key needs more; patterns then run on bounded text


def load_settings(path: Path | None) -> Settings:
    """Defaults when `path` is None, else the station file merged over them."""
    if path is None:
        return Settings()
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SettingsError(source, "", "file not found") from None
    except PermissionError:
        raise SettingsError(source, "", "cannot read the file (permission denied)") from None
    except IsADirectoryError:
        raise SettingsError(source, "", "is a folder, not a settings file") from None
    if len(raw) > MAX_FILE_BYTES:
        raise SettingsError(
            source,
            "",
            f"is {len(raw) // 1024} KB; a station file is a few KB (at most "
            f"{MAX_FILE_BYTES // 1024} KB): is this the right file?",
        )
    text = raw.removeprefix(b"\xef\xbb\xbf")  # the byte-order mark some editors write
    try:
        data = tomllib.loads(text.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = text[: error.start].count(b"\n") + 1
        raise SettingsError(
            source,
            "",
            f"is not UTF-8 text (line {line}); save it as UTF-8, or convert it: "
            f"iconv -f GBK -t UTF-8 {source} > kiosk-utf8.toml",
        ) from None
    except tomllib.TOMLDecodeError as error:
        hint = ""
        if "Invalid value" in str(error):
            hint = '; text goes in quotes: district = "西城区"'
        raise SettingsError(source, "", f"invalid TOML: {error}{hint}") from None
    except RecursionError:
        raise SettingsError(source, "", "invalid TOML: values nested too deeply") from None
    return parse_settings(data, source)


def reference_markdown() -> str:
    """config/REFERENCE.md, generated from the definitions above (`kiosk config reference`)."""
    lines = [
        "# Station settings reference",
        "",
        "The station file is TOML (`--config FILE`; `kiosk run` reads `/etc/kiosk/kiosk.toml`).",
        "Every key is optional; a key left out keeps the default below. `kiosk config check FILE`",
        "checks a file and what it names on this machine (key files, device ports) without",
        "starting the UI, and names every problem with its fix. Generated by",
        "`kiosk config reference`; do not edit by hand.",
        "",
    ]
    for name, cls in SECTIONS.items():
        lines += [f"## [{name}]", "", "| key | type | default | allowed | meaning |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for spec in dataclasses.fields(cls):
            rule = spec.metadata
            allowed = []
            if rule["choices"]:
                allowed.append(" / ".join(f'"{c}"' for c in rule["choices"]))
            if rule["min"] is not None:
                allowed.append(f"{rule['min']:g} – {rule['max']:g}")
            if rule["form"]:
                allowed.append(rule["form"])
            elif rule["pattern"]:
                allowed.append(f"`{rule['pattern']}`")
            default = spec.default
            kind = spec.type
            if spec.type == "tuple[NearbyStation, ...]":
                kind = "list of tables"
                allowed.append(", ".join(NEARBY_STATION_KEYS))
                shown = "none"
            elif spec.type == "tuple[date, ...]":
                kind = "list of dates"
                allowed.append("dates YYYY-MM-DD")
                shown = "none"
            elif isinstance(default, bool):
                shown = str(default).lower()
                allowed.append("true / false (no quotes)")
            elif isinstance(default, str):
                shown = f'"{default}"'
            else:
                shown = str(default)
            lines.append(
                f"| `{name}.{spec.name}` | {kind} | {shown} | "
                f"{', '.join(allowed) or 'any text'} | {rule['doc']} |"
            )
        lines.append("")
    lines.append(
        "Cross-key rules: `session.warning_s` must be shorter than `session.idle_timeout_s`; "
        "`printer.paper_mm` is 58 or 80; `hours.blank_from` and `hours.blank_until` are "
        "set together, with `hours.weekly`, and never black out the staffed hours; "
        "`station.latitude` and `station.longitude` are given together or not at all."
    )
    lines += ["", *KEY_FILES_NOTE]
    return "\n".join(lines) + "\n"


KEY_FILES_NOTE = (
    "## Key files outside the state folder",
    "",
    "Every file and folder the kiosk creates is its own user's alone (0600 / 0700); a key",
    "file others can read is refused. By default the keys lie in the state folder",
    "(`/var/lib/kiosk`), next to the data they protect. To keep them apart, let the service",
    "manager hand them over: with systemd, in the kiosk's unit,",
    "",
    "```ini",
    "[Service]",
    "LoadCredential=terminal.secret:/etc/credstore/kiosk/terminal.secret",
    "LoadCredential=outbox.key:/etc/credstore/kiosk/outbox.key",
    "LoadCredential=audit.key:/etc/credstore/kiosk/audit.key",
    "```",
    "",
    "systemd then sets `$CREDENTIALS_DIRECTORY` to a private folder holding those files, and",
    "the kiosk reads its keys there (`security.credentials_dir` names such a folder for",
    "other service managers; a key file named in [security] still wins). The kiosk creates",
    "no key in that folder: a missing one stops it with the line to add. Create the outbox",
    "and audit keys once (`head -c 32 /dev/urandom > /etc/credstore/kiosk/outbox.key`,",
    "`chmod 600`); on a station that already has them in `/var/lib/kiosk`, move those files",
    "instead, or the submissions still waiting could no longer be decrypted and the audit",
    "trail no longer verified.",
)
