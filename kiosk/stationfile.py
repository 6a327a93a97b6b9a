"""Changing one key of a station file in place, for staff commands such as `kiosk staff set-pin`.

The file is edited as text, so the technician's comments and layout stay. The result must
still be a valid station file; it replaces the old one atomically, and the old one is kept
next to it as `<name>.previous`.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

from kiosk.settings import SettingsError, parse_settings


class StationFileError(RuntimeError):
    """The file could not be changed; `str()` says why. Nothing was written.

    `invalid`: the change itself (or the file as it is) breaks a settings rule, as opposed
    to a file that could not be read or written."""

    def __init__(self, message: str, *, invalid: bool = False) -> None:
        super().__init__(message)
        self.invalid = invalid


def with_key(text: str, section: str, key: str, value: str) -> str:
    """`text` with `key = "value"` in `[section]`: replaced, added, or in a new section."""
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    lines = text.splitlines()
    header = re.compile(rf"\s*\[\s*{re.escape(section)}\s*\]\s*(#.*)?")
    start = next((i for i, text_line in enumerate(lines) if header.fullmatch(text_line)), None)
    if start is None:
        gap = [""] if lines and lines[-1].strip() else []
        return "\n".join([*lines, *gap, f"[{section}]", line]) + "\n"
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
        len(lines),
    )
    existing = re.compile(rf"\s*{re.escape(key)}\s*=")
    for i in range(start + 1, end):
        if existing.match(lines[i]):
            lines[i] = line
            break
    else:
        lines.insert(start + 1, line)
    return "\n".join(lines) + "\n"


def set_key(path: Path, section: str, key: str, value: str) -> Path | None:
    """Write `key = "value"` into `[section]` of the station file at `path`.

    Returns where the previous file was kept (None when there was none). Raises
    StationFileError when the result would not be a valid station file or not carry the
    value (a key written in another form, such as an inline table, is left to a person).
    """
    try:
        old = path.read_text(encoding="utf-8")
        exists = True
    except FileNotFoundError:
        old, exists = "", False
    except (OSError, UnicodeDecodeError) as error:
        raise StationFileError(f"{path}: cannot read the file ({error})") from None
    new = with_key(old, section, key, value)
    try:
        data = tomllib.loads(new)
        parse_settings(data, str(path))
    except tomllib.TOMLDecodeError as error:
        raise StationFileError(f"{path}: the file is not valid TOML ({error})") from None
    except SettingsError as error:
        raise StationFileError(
            f"the file has a problem to fix first: {error}", invalid=True
        ) from None
    if data.get(section, {}).get(key) != value:
        raise StationFileError(f"{path}: [{section}] {key} is written in a form not edited here")
    previous = None
    if exists:
        previous = path.with_name(path.name + ".previous")
        _write_atomically(previous, old, like=path)
    _write_atomically(path, new, like=path if exists else None)
    return previous


def _write_atomically(path: Path, text: str, like: Path | None) -> None:
    """Write a temporary file beside `path`, flush it to disk, then rename it over `path`.

    The new file gets the mode (and, when allowed, the owner) of `like`, never readable by
    all (it holds the staff PIN's hash); else 0640 (root and the kiosk's group).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    mode, owner = 0o640, None
    if like is not None:
        info = like.stat()
        mode, owner = info.st_mode & 0o7770, (info.st_uid, info.st_gid)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # the umask may have narrowed it
        if owner is not None and os.geteuid() == 0:
            os.chown(temporary, *owner)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise StationFileError(f"{path}: cannot write the file ({error})") from None
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
