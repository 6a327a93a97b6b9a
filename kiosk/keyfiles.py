"""Secret files: the terminal's signing secret, the outbox encryption key, the audit key.

A key file must be readable by the kiosk user alone (mode 0600). One that others can read
is refused with the command that fixes it: a key anyone can copy protects nothing.

Keys live in the state folder unless the station keeps them apart: a key file named in
[security], or a credentials folder the service manager fills (systemd's LoadCredential=
sets $CREDENTIALS_DIRECTORY). The kiosk never creates a key in such a folder: one missing
there stops it with the unit line to add, instead of a new key appearing elsewhere.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.privatefiles import DIR_MODE
from kiosk.settings import SecuritySettings

CREDENTIALS_ENV = "CREDENTIALS_DIRECTORY"


class KeyFileError(RuntimeError):
    """A key file that cannot be used; `str()` says why and what to do."""


def load_key(path: Path, size: int = 32, *, create: bool) -> bytes:
    """The key in `path`; with `create`, a new random key when the file does not exist.

    Creation is atomic (O_EXCL) with mode 0600 from the start, so the key is never
    readable by others, not even for a moment.
    """
    if create and not path.exists():
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        key = secrets.token_bytes(size)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # created meanwhile by another process: use that one
        else:
            with os.fdopen(fd, "wb") as file:
                file.write(key)
                file.flush()
                os.fsync(file.fileno())
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise KeyFileError(
            f"{path}: key file missing; install the one issued for this terminal"
        ) from None
    if stat.S_IMODE(mode) & 0o077:
        raise KeyFileError(
            f"{path}: others can read this key file (mode {stat.S_IMODE(mode):o}); "
            f"run: chmod 600 {path}"
        )
    key = path.read_bytes()
    if len(key) != size:
        raise KeyFileError(f"{path}: a key must be {size} bytes, this file has {len(key)}")
    return key


@dataclass(frozen=True)
class KeyFile:
    """Where one key is, and whether the service manager provides it (never created)."""

    path: Path
    provided: bool

    def load(self, *, create: bool) -> bytes:
        """The key; `create` makes a missing one, except where the service manager owns it."""
        if self.provided and not self.path.exists():
            raise KeyFileError(
                f"{self.path}: key file missing from the credentials folder the service "
                f"manager provides (the kiosk creates no key there); add "
                f"LoadCredential={self.path.name}:/etc/credstore/{self.path.name} to the "
                f"kiosk's unit, or set security.credentials_dir to the folder that has it"
            )
        return load_key(self.path, create=create and not self.provided)


@dataclass(frozen=True)
class KeyFiles:
    terminal_secret: KeyFile
    outbox_key: KeyFile
    audit_key: KeyFile


def locate_keys(security: SecuritySettings, state: Path, environ: Mapping[str, str]) -> KeyFiles:
    """Each key file named in [security], else in the credentials folder (the setting, else
    $CREDENTIALS_DIRECTORY), else in the state folder."""
    credentials = security.credentials_dir or environ.get(CREDENTIALS_ENV, "")
    folder = Path(credentials) if credentials else state

    def locate(configured: str, name: str) -> KeyFile:
        if configured:
            return KeyFile(Path(configured), provided=False)
        return KeyFile(folder / name, provided=bool(credentials))

    return KeyFiles(
        terminal_secret=locate(security.terminal_secret_file, "terminal.secret"),
        outbox_key=locate(security.outbox_key_file, "outbox.key"),
        audit_key=locate(security.audit_key_file, "audit.key"),
    )


def parse_secret(data: bytes, size: int = 32) -> bytes:
    """The key in what the district handed over: `size` raw bytes, or `2 * size`
    hexadecimal characters (spaces and line ends around or between them ignored)."""
    if len(data) == size:
        return data
    text = b"".join(data.split())
    if len(text) == 2 * size:
        try:
            return bytes.fromhex(text.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            pass
    raise KeyFileError(
        f"not a terminal secret: expected {size} bytes or {2 * size} hexadecimal characters, "
        f"got {len(data)} bytes"
    )


def store_key(path: Path, key: bytes, *, owner: tuple[int, int] | None) -> None:
    """Write `key` to `path` (mode 0600; owned by `owner` when given), replacing it
    atomically: a temporary file beside it, flushed to disk, then renamed over it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(key)
            file.flush()
            os.fsync(file.fileno())
        if owner is not None:
            os.chown(temporary, *owner)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise KeyFileError(f"{path}: cannot write the key ({error.strerror})") from None
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
